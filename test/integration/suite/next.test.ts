// Close Release and Start Next, driven through its prompts on the basic fixture: the shipped release
// moves into .release/history/basic-v1/ as one undoable WorkspaceEdit, the next release.yaml and
// rollback.yaml are written, the history is never flagged, the candidate task is ownerless until
// assigned; every refusal and every Escape writes nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { addDays } from '../../../src/core/dates';
import type { Prompts } from '../../../src/extension/prompts';
import { api, diagnostic, exists, file, readText, setText, Snapshot, waitFor } from './helpers';

const basic = () => vscode.workspace.workspaceFolders![0]!.uri;

type Answer = (options: vscode.InputBoxOptions & { detail?: string }) => unknown;

/** Prompts answered in order; records what was asked. A confirmation gets the message as prompt and the list as detail. */
function scripted(answers: Answer[]): Prompts & { asked: string[] } {
  const asked: string[] = [];
  const next = (question: string, options: vscode.InputBoxOptions & { detail?: string }) => {
    asked.push(question);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected prompt: ${question}`);
    return answer(options);
  };
  return {
    asked,
    pick: async (_items, options) => next(`pick: ${options.placeHolder ?? ''}`, {}) as never,
    input: async (options) => next(`input: ${options.prompt ?? ''}`, options) as string | undefined,
    person: async (_people, placeHolder) => next(`person: ${placeHolder}`, {}) as string | undefined,
    confirm: async (message, detail) => (await next(`confirm: ${message}`, { prompt: message, detail })) === true,
  };
}

const escape = () => undefined;
/** A check-in of the closed release: its folder moves into history/ too. */
const CHECKIN = 'shipped:\n  - PDF export endpoint\n';

describe('Close Release and Start Next', function () {
  this.timeout(30_000);
  const release = () => file('.release/release.yaml');
  const rollback = () => file('.release/rollback.yaml');
  const past = (name: string) => file(`.release/history/basic-v1/${name}`);
  const snapshot = new Snapshot();
  let original: string;
  let originalRollback: string;
  let today: string;
  let shipped: string;

  const run = () => vscode.commands.executeCommand<boolean>('releasePlan.closeAndStartNext', { folder: basic() });
  const refresh = async () => (await api()).store.refresh(vscode.workspace.getWorkspaceFolder(basic())!);

  /** The fixture, shipped today with version 1.5.0 and one parked item. */
  async function ship(): Promise<void> {
    await setText(release(), shipped, true);
    await vscode.workspace.fs.writeFile(file('.release/checkins/2099-06-05.yaml'), new TextEncoder().encode(CHECKIN));
    await refresh();
  }

  async function unchanged(releaseText = original): Promise<void> {
    assert.equal(await readText(release()), releaseText, 'release.yaml untouched');
    assert.equal(await readText(rollback()), originalRollback, 'rollback.yaml untouched');
    assert.equal(await exists(file('.release/history/basic-v1')), false, 'nothing moved into history/');
  }

  before(async () => {
    today = (await api()).store.today();
    await snapshot.take(release(), rollback());
    original = await readText(release());
    originalRollback = await readText(rollback());
    shipped = `${original}parked:\n  - title: CSV export\n    reason: not this problem\n    asked_by: Dee\n    told: ${today}\nshipped:\n  date: ${today}\n  outcome: shipped\n  version: 1.5.0\n`;
  });
  afterEach(async () => {
    (await api()).setPrompts(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // Only what the tests made: the fixture's own past releases stay for the other suites.
    for (const folder of [file('.release/history/basic-v1'), file('.release/checkins')]) if (await exists(folder)) await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    await snapshot.restore();
    await refresh();
  });

  it('moves the release into history/ through its prompts, writes the next one, opens it; history is not flagged, the candidate has no owner; Undo puts it all back', async () => {
    const { store } = await api();
    const pastNames = () => store.get(vscode.workspace.getWorkspaceFolder(basic())!)?.result.plan.history.map((p) => p.name) ?? [];
    const pastBefore = pastNames();
    await ship();
    const target = addDays(today, 30);
    let nameBox: vscode.InputBoxOptions = {};
    let targetBox: vscode.InputBoxOptions = {};
    let backupBox: vscode.InputBoxOptions = {};
    let confirmation: { prompt?: string; detail?: string } = {};
    const prompts = scripted([
      (options) => ((nameBox = options), 'basic-v2'),
      (options) => ((targetBox = options), target),
      (options) => ((backupBox = options), ''),
      (options) => ((confirmation = options), true),
    ]);
    (await api()).setPrompts(prompts);
    assert.equal(await run(), true);
    assert.equal(prompts.asked.length, 4, prompts.asked.join(' | '));

    // The prompts: a name offered from the closed one and validated; dates validated.
    assert.equal(nameBox.value, 'basic-v2');
    assert.equal(await nameBox.validateInput?.(' '), 'The new release needs a name, e.g. invoices-v2.');
    assert.equal(await nameBox.validateInput?.('TBD'), 'The new release needs a real name, not "TBD".');
    assert.equal(await nameBox.validateInput?.('basic-v2'), undefined);
    assert.equal(await targetBox.validateInput?.('next month'), 'The target date must be written YYYY-MM-DD, not "next month".');
    assert.equal(await targetBox.validateInput?.(addDays(today, -1)), `The target date ${addDays(today, -1)} is before today (${today}); give a day still ahead.`);
    assert.equal(await targetBox.validateInput?.(target), undefined);
    assert.equal(await backupBox.validateInput?.(''), undefined, 'the backup date is optional');
    assert.equal(await backupBox.validateInput?.(target), `The backup date ${target} must be after the target date ${target}.`);
    assert.equal(confirmation.prompt, 'Close basic-v1 and start basic-v2?');
    assert.equal(
      confirmation.detail,
      [
        '.release/release.yaml → .release/history/basic-v1/release.yaml',
        '.release/rollback.yaml → .release/history/basic-v1/rollback.yaml',
        '.release/checkins → .release/history/basic-v1/checkins',
        'new .release/release.yaml',
        'new .release/rollback.yaml',
        'team.yaml and config.yaml stay. Undo puts everything back.',
      ].join('\n'),
    );

    // The closed release, as it was, in history/; the next one in its place.
    assert.equal(await readText(past('release.yaml')), shipped);
    assert.equal(await readText(past('rollback.yaml')), originalRollback);
    assert.equal(await readText(past('checkins/2099-06-05.yaml')), CHECKIN);
    assert.equal(await exists(file('.release/checkins')), false);
    const next = await readText(release());
    const data = parse(next) as Record<string, unknown>;
    assert.equal(data.release, 'basic-v2');
    assert.equal(data.target, target);
    assert.equal(data.backup, undefined);
    assert.equal(data.shipped, undefined);
    assert.deepEqual(data.roles, { scope: 'Ana', delivery: 'Bo', readiness: 'Cy', stop: 'Ana' });
    assert.deepEqual(data.tasks, [{ id: 'C1', title: 'CSV export', status: 'todo', added: today, notes: 'Parked in basic-v1. Reason: not this problem. Asked by Dee. Give it one owner, or park it again.' }]);
    assert.deepEqual(data.parked, []);
    const runbook = parse(await readText(rollback())) as { stable: Record<string, unknown>; rehearsals: unknown[] };
    assert.deepEqual(runbook.stable, { version: '1.5.0', build: 'build-1042', config: 'config/production-1.4.2.yaml', migrations: 'none since 1.4.2', flags: 'pdf_export off' });
    assert.deepEqual(runbook.rehearsals, []);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), release().toString(), 'the new release.yaml is opened');

    // The checks: the candidate task is ownerless, history/ is never a finding.
    const owner = await waitFor(() => diagnostic(release(), 'owner-missing'), 'owner-missing on the candidate task');
    const document = await vscode.workspace.openTextDocument(release());
    assert.equal(document.lineAt(owner.range.start.line).text.trim(), '- id: C1');
    await waitFor(() => diagnostic(release(), 'problem-missing'), 'problem-missing on the placeholder problem');
    const inHistory = vscode.languages.getDiagnostics().filter(([uri, found]) => uri.path.includes('/.release/history/') && found.length > 0);
    assert.deepEqual(inHistory.map(([uri]) => uri.path), []);
    // The closed release joins the past ones (the fixture's own), last: it launched last.
    assert.deepEqual(pastNames(), [...pastBefore, 'basic-v1']);

    // One Undo, in the new release.yaml, puts everything back: the texts (to save, like any undo) and the moves.
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    const runbookDocument = await vscode.workspace.openTextDocument(rollback());
    await waitForAsync(async () => document.getText() === shipped && runbookDocument.getText() === originalRollback && !(await exists(file('.release/history/basic-v1/release.yaml'))), 'one Undo to put release.yaml, rollback.yaml and history/ back');
    assert.equal(await exists(past('rollback.yaml')), false);
    assert.equal(await exists(past('checkins/2099-06-05.yaml')), false);
    assert.equal(await readText(file('.release/checkins/2099-06-05.yaml')), CHECKIN, 'the check-ins folder is back');
    await document.save();
    await runbookDocument.save();
    assert.equal(await readText(release()), shipped);
    assert.equal(await readText(rollback()), originalRollback);
  });

  it('refuses while the release has not gone out, before asking anything; nothing written', async () => {
    (await api()).setPrompts(scripted([]));
    assert.equal(await run(), false);
    await unchanged();
    // A slip is not a launch either.
    const slipped = `${original}shipped:\n  date: ${today}\n  outcome: slipped\n`;
    await setText(release(), slipped, true);
    await refresh();
    assert.equal(await run(), false);
    await unchanged(slipped);
  });

  it('refuses when the history folder exists; nothing written', async () => {
    await ship();
    await vscode.workspace.fs.writeFile(past('release.yaml'), new TextEncoder().encode('release: basic-v1\n'));
    await refresh();
    (await api()).setPrompts(scripted([]));
    assert.equal(await run(), false);
    assert.equal(await readText(release()), shipped);
    assert.equal(await readText(past('release.yaml')), 'release: basic-v1\n');
    assert.equal(await exists(past('rollback.yaml')), false);
  });

  it('refuses when the history folder exists holding only files that are not YAML (as the CLI does); nothing written', async () => {
    await ship();
    await vscode.workspace.fs.writeFile(past('notes.txt'), new TextEncoder().encode('what we learned\n'));
    await refresh();
    (await api()).setPrompts(scripted([]));
    assert.equal(await run(), false);
    assert.equal(await readText(release()), shipped);
    assert.equal(await readText(rollback()), originalRollback);
    assert.deepEqual((await vscode.workspace.fs.readDirectory(file('.release/history/basic-v1'))).map(([name]) => name), ['notes.txt']);
  });

  it('refuses while a file it would move has a name Release Plan does not read (review.yml), before asking anything; nothing written', async () => {
    await ship();
    const misnamed = file('.release/review.yml');
    await vscode.workspace.fs.writeFile(misnamed, new TextEncoder().encode('pattern: Sales asks late.\n'));
    try {
      await refresh();
      (await api()).setPrompts(scripted([]));
      assert.equal(await run(), false);
      await unchanged(shipped);
      assert.equal(await readText(misnamed), 'pattern: Sales asks late.\n');
    } finally {
      await vscode.workspace.fs.delete(misnamed, { useTrash: false });
    }
  });

  it('Escape on the name or the target, or No at the confirmation, writes nothing', async () => {
    await ship();
    const target = addDays(today, 30);
    for (const answers of [[escape], [() => 'basic-v2', escape], [() => 'basic-v2', () => target, escape, () => false]]) {
      const count = answers.length;
      const prompts = scripted(answers);
      (await api()).setPrompts(prompts);
      assert.equal(await run(), false, prompts.asked.join(' | '));
      assert.equal(prompts.asked.length, count, prompts.asked.join(' | '));
      await unchanged(shipped);
    }
  });

  it('refuses when release.yaml has unsaved changes or a file changed while the confirmation was open; nothing moved', async () => {
    await ship();
    const target = addDays(today, 30);
    // Unsaved changes in release.yaml: planned from the editor's text, refused before moving it.
    const dirty = await setText(release(), `${shipped}# unsaved note\n`);
    (await api()).setPrompts(scripted([() => 'basic-v2', () => target, escape, () => true]));
    assert.equal(await run(), false);
    assert.equal(dirty.isDirty, true);
    assert.equal(await exists(file('.release/history/basic-v1')), false);
    await setText(release(), shipped, true);

    // rollback.yaml saved with another text while the confirmation is open.
    const changedRunbook = originalRollback.replace('target_minutes: 15', 'target_minutes: 20');
    (await api()).setPrompts(scripted([() => 'basic-v2', () => target, escape, async () => {
      await setText(rollback(), changedRunbook, true);
      return true;
    }]));
    assert.equal(await run(), false);
    assert.equal(await readText(release()), shipped);
    assert.equal(await readText(rollback()), changedRunbook);
    assert.equal(await exists(file('.release/history/basic-v1')), false);
  });
});

/** Polls an async condition until it holds (each probe awaited), or fails after `timeoutMs`. */
async function waitForAsync(probe: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<true> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
