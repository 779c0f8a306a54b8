// Mark Release as Shipped, driven through its prompts on the basic fixture: the record lands in
// release.yaml as one undoable edit that keeps comments, the after-launch rules follow, and a
// second run with another outcome is refused with nothing written.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Prompts } from '../../../src/extension/prompts';
import { api, diagnostic, file, readText, Snapshot, waitFor } from './helpers';

const basic = () => vscode.workspace.workspaceFolders![0]!.uri;

/** Prompts answered in order; records what was asked (and the items a pick offered). */
function scripted(answers: ((items: readonly vscode.QuickPickItem[], options: vscode.InputBoxOptions) => unknown)[]): Prompts & { asked: string[] } {
  const asked: string[] = [];
  const next = (question: string, items: readonly vscode.QuickPickItem[], options: vscode.InputBoxOptions) => {
    asked.push(question);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected prompt: ${question}`);
    return answer(items, options);
  };
  return {
    asked,
    pick: async (items, options) => next(`pick: ${options.placeHolder ?? ''}`, items, {}) as never,
    input: async (options) => next(`input: ${options.prompt ?? ''}`, [], options) as string | undefined,
    person: async (_people, placeHolder) => next(`person: ${placeHolder}`, [], {}) as string | undefined,
    confirm: (message) => Promise.reject(new Error(`unexpected confirmation: ${message}`)),
  };
}

const outcome = (name: string) => (items: readonly vscode.QuickPickItem[]) => items.find((item) => item.label === name);
const escape = () => undefined;

describe('Mark Release as Shipped', function () {
  this.timeout(30_000);
  const release = () => file('.release/release.yaml');
  const snapshot = new Snapshot();
  let original: string;
  let today: string;

  before(async () => {
    today = (await api()).store.today();
    await snapshot.take(release());
    original = await readText(release());
  });
  afterEach(async () => {
    (await api()).setPrompts(undefined);
    await snapshot.restore();
    await (await api()).store.refresh(vscode.workspace.getWorkspaceFolder(basic())!);
  });

  it('offers the three outcomes with descriptions; the date defaults to today and is validated', async () => {
    let offered: readonly vscode.QuickPickItem[] = [];
    let dateBox: vscode.InputBoxOptions = {};
    (await api()).setPrompts(scripted([(items) => ((offered = items), items[0]), (_i, options) => ((dateBox = options), escape())]));
    assert.equal(await vscode.commands.executeCommand('releasePlan.markShipped', { folder: basic() }), false, 'Escape on the date cancels');
    assert.deepEqual(offered.map((item) => item.label), ['shipped', 'rolled-back', 'slipped']);
    assert.ok(offered.every((item) => (item.description ?? '').length > 0), 'each outcome is described');
    assert.equal(dateBox.value, today);
    assert.equal(await dateBox.validateInput?.(today), undefined);
    assert.match(String(await dateBox.validateInput?.('June 6th')), /YYYY-MM-DD/);
    assert.equal(await readText(release()), original, 'nothing written');
  });

  it('Escape on the outcome writes nothing', async () => {
    (await api()).setPrompts(scripted([escape]));
    assert.equal(await vscode.commands.executeCommand('releasePlan.markShipped', { folder: basic() }), false);
    assert.equal(await readText(release()), original);
  });

  it('writes shipped: keeping comments, shows launch-watch at the shipped key, undo restores the text, another outcome is refused', async () => {
    const prompts = scripted([outcome('shipped'), () => today, () => '1.5.0']);
    (await api()).setPrompts(prompts);
    assert.equal(await vscode.commands.executeCommand('releasePlan.markShipped', { folder: basic() }), true);
    assert.equal(prompts.asked.length, 3, prompts.asked.join(' | '));
    const text = await readText(release());
    assert.ok(text.startsWith('# Fixture for integration tests\n'), 'comments kept');
    assert.ok(text.startsWith(original), 'only added after the last key');
    assert.deepEqual(parse(text).shipped, { date: today, outcome: 'shipped', version: '1.5.0' });

    const watch = await waitFor(() => diagnostic(release(), 'launch-watch'), 'launch-watch to show');
    assert.equal(watch.severity, vscode.DiagnosticSeverity.Information);
    const document = await vscode.workspace.openTextDocument(release());
    assert.equal(document.lineAt(watch.range.start.line).text.trimEnd(), 'shipped:', 'reported at the shipped key');
    assert.match(watch.message, /1\.5\.0/);

    // A second run with another outcome: refused, nothing written.
    (await api()).setPrompts(scripted([outcome('rolled-back'), () => today, () => '1.5.0']));
    assert.equal(await vscode.commands.executeCommand('releasePlan.markShipped', { folder: basic() }), false);
    assert.equal(await readText(release()), text, 'nothing written on refusal');

    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'undo restores the text');
    await document.save();
    await waitFor(() => !diagnostic(release(), 'launch-watch'), 'launch-watch to clear');
  });

  it('Escape on the version writes the record without one; slipped asks no version', async () => {
    (await api()).setPrompts(scripted([outcome('rolled-back'), () => today, escape]));
    assert.equal(await vscode.commands.executeCommand('releasePlan.markShipped', { folder: basic() }), true);
    assert.deepEqual(parse(await readText(release())).shipped, { date: today, outcome: 'rolled-back' });
    await snapshot.restore();
    await (await api()).store.refresh(vscode.workspace.getWorkspaceFolder(basic())!);
    const prompts = scripted([outcome('slipped'), () => today]);
    (await api()).setPrompts(prompts);
    assert.equal(await vscode.commands.executeCommand('releasePlan.markShipped', { folder: basic() }), true);
    assert.equal(prompts.asked.length, 2, prompts.asked.join(' | '));
    assert.deepEqual(parse(await readText(release())).shipped, { date: today, outcome: 'slipped' });
  });

  it('refuses while release.yaml has errors of its own, nothing written', async () => {
    const broken = `${original}target: [unclosed\n`;
    const document = await vscode.workspace.openTextDocument(release());
    const edit = new vscode.WorkspaceEdit();
    edit.replace(release(), new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), broken);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await document.save();
    await waitFor(() => diagnostic(release(), 'yaml-syntax'), 'the syntax error to show');
    (await api()).setPrompts(scripted([outcome('shipped'), () => today, () => '1.5.0']));
    assert.equal(await vscode.commands.executeCommand('releasePlan.markShipped', { folder: basic() }), false);
    assert.equal(await readText(release()), broken);
  });
});
