// Every write path, driven through its prompts, with the plan changed while a prompt is "open":
// the right task changes or the command refuses — never another task.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Prompts } from '../../../src/extension/prompts';
import { api, exists, file, readText, setText, Snapshot, waitFor } from './helpers';

const basic = () => vscode.workspace.workspaceFolders![0]!.uri;

type Answer = (kind: 'pick' | 'input' | 'person', choices: readonly (vscode.QuickPickItem | string)[]) => Promise<unknown>;

/** Prompts answered in order by `answers`; each may change the plan before it answers, as a person typing would. */
function scripted(answers: Answer[]): Prompts & { asked: string[] } {
  const asked: string[] = [];
  const next = async (kind: 'pick' | 'input' | 'person', choices: readonly (vscode.QuickPickItem | string)[], question: string) => {
    asked.push(`${kind}: ${question}`);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected ${kind} prompt: ${question}`);
    return answer(kind, choices);
  };
  return {
    asked,
    pick: async (items, options) => (await next('pick', items, options.placeHolder ?? options.title ?? '')) as never,
    input: async (options) => (await next('input', [], options.prompt ?? options.title ?? '')) as string | undefined,
    person: async (people, placeHolder) => (await next('person', people, placeHolder)) as string | undefined,
    confirm: (message) => Promise.reject(new Error(`unexpected confirmation: ${message}`)),
  };
}

/** Runs `body` with the rehearsal clock under the test's control (`advance` moves it on). */
async function withClock(start: number, body: (advance: (minutes: number) => void) => Promise<void>): Promise<void> {
  const { rehearsal } = await api();
  let now = start;
  const realNow = rehearsal.now;
  rehearsal.now = () => now;
  try {
    await body((minutes) => { now += minutes * 60_000; });
  } finally {
    rehearsal.now = realNow;
  }
}

const pickLabel = (prefix: string): Answer => async (_kind, choices) => choices.find((c) => typeof c !== 'string' && c.label.startsWith(prefix));
const escape: Answer = async () => undefined;

describe('guarded writes through the prompts', function () {
  this.timeout(30_000);
  const release = () => file('.release/release.yaml');
  const rollback = () => file('.release/rollback.yaml');
  const snapshot = new Snapshot();
  let original: string;
  let today: string;

  before(async () => {
    today = (await api()).store.today();
    await snapshot.take(release(), rollback(), file(`.release/gonogo/${today}.yaml`));
    original = await readText(release());
  });
  afterEach(async () => {
    (await api()).setPrompts(undefined);
    await snapshot.restore();
  });

  const document = () => vscode.workspace.openTextDocument(release());
  const insertAbove = async () => {
    await setText(release(), (await document()).getText().replace('tasks:\n', 'tasks:\n  - id: T0\n    title: Inserted while the prompt was open\n    owner: Ana\n    status: todo\n'));
  };

  it('Assign Owner: a task inserted above the target while the person prompt is open — the picked task changes', async () => {
    const prompts = scripted([pickLabel('T2 '), async () => (await insertAbove(), 'Cy')]);
    (await api()).setPrompts(prompts);
    assert.equal(await vscode.commands.executeCommand('releasePlan.assignOwner', { folder: basic() }), true);
    const tasks = parse((await document()).getText()).tasks;
    assert.deepEqual(tasks.map((t: { id: string; owner: string }) => `${t.id}:${t.owner}`), ['T0:Ana', 'T1:backend team', 'T2:Cy']);
    assert.equal(prompts.asked.length, 2, prompts.asked.join(' | '));
  });

  it('Assign Owner: the target deleted while the prompt is open — refused, nothing written', async () => {
    const deleteT2 = async () => {
      await setText(release(), (await document()).getText().replace(/ {2}- id: T2\n(?: {4}.*\n)+/, ''));
      return 'Cy';
    };
    (await api()).setPrompts(scripted([pickLabel('T2 '), deleteT2]));
    const before = (await document()).getText().replace(/ {2}- id: T2\n(?: {4}.*\n)+/, '');
    assert.equal(await vscode.commands.executeCommand('releasePlan.assignOwner', { folder: basic() }), false);
    assert.equal((await document()).getText(), before, 'no other task was changed');
  });

  it('Set Status: the same line edited while the prompt is open (T2 renamed) — refused', async () => {
    const rename = async () => {
      await setText(release(), (await document()).getText().replace('title: Download button', 'title: Download the PDF'));
      return { label: 'done' };
    };
    (await api()).setPrompts(scripted([pickLabel('T2 '), rename]));
    assert.equal(await vscode.commands.executeCommand('releasePlan.setStatus', { folder: basic() }), false);
    assert.doesNotMatch((await document()).getText(), /status: done/);
  });

  it('Set Status and Park Task reach the right task after lines were inserted above it', async () => {
    (await api()).setPrompts(scripted([pickLabel('T1 '), async () => (await insertAbove(), { label: 'blocked' })]));
    assert.equal(await vscode.commands.executeCommand('releasePlan.setStatus', { folder: basic() }), true);
    assert.deepEqual(parse((await document()).getText()).tasks.map((t: { id: string; status: string }) => `${t.id}:${t.status}`), ['T0:todo', 'T1:blocked', 'T2:todo']);
    (await api()).setPrompts(scripted([pickLabel('T2 '), async () => 'not this release', async () => (await insertAbove(), 'Dee')]));
    assert.equal(await vscode.commands.executeCommand('releasePlan.parkTask', { folder: basic() }), true);
    const data = parse((await document()).getText());
    assert.deepEqual(data.tasks.map((t: { id: string }) => t.id), ['T0', 'T0', 'T1'], 'T2 was parked, the inserted tasks stay');
    assert.equal(data.parked.at(-1).title, 'T2 Download button');
  });

  it('Mark as Told: the parked item moved while the prompt was open — the picked item is marked', async () => {
    await setText(release(), `${original}parked:\n  - title: CSV export\n    asked_by: Dee\n    told: false\n`, true);
    await (await api()).store.refresh(vscode.workspace.getWorkspaceFolder(basic())!);
    const moveDown = async (_kind: string, choices: readonly (vscode.QuickPickItem | string)[]) => {
      await setText(release(), (await document()).getText().replace('parked:\n', 'parked:\n  - title: Dark mode\n    told: false\n'));
      return choices.find((c) => typeof c !== 'string' && c.label === 'CSV export');
    };
    (await api()).setPrompts(scripted([moveDown]));
    assert.equal(await vscode.commands.executeCommand('releasePlan.markTold', { folder: basic() }), true);
    const parked = parse((await document()).getText()).parked;
    assert.deepEqual(parked.map((p: { title: string; told: unknown }) => `${p.title}:${p.told}`), ['Dark mode:false', `CSV export:${today}`]);
  });

  it('Stop Rollback Rehearsal: Escape on every question still records the minutes; the clock is cleared only then', async () => {
    const { rehearsal } = await api();
    await withClock(5_000_000, async (advance) => {
      assert.equal(await vscode.commands.executeCommand('releasePlan.startRehearsal', { folder: basic() }), true);
      advance(7);
      (await api()).setPrompts(scripted([escape, escape]));
      const outcome = await vscode.commands.executeCommand<{ minutes: number }>('releasePlan.stopRehearsal', { folder: basic() });
      assert.equal(outcome?.minutes, 7);
      const entry = parse(await readText(rollback())).rehearsals.at(-1);
      assert.equal(entry.minutes, 7);
      assert.equal(entry.date, today);
      assert.equal(entry.environment, undefined, 'skipped, not invented');
      assert.equal(rehearsal.running, false);
    });
  });

  it('Stop Rollback Rehearsal with nowhere to record it keeps the measured minutes for a later Stop', async () => {
    const { rehearsal } = await api();
    await withClock(9_000_000, async (advance) => {
      await vscode.commands.executeCommand('releasePlan.startRehearsal', { folder: basic() });
      advance(12);
      const runbook = await readText(rollback());
      const edit = new vscode.WorkspaceEdit();
      edit.deleteFile(rollback());
      assert.ok(await vscode.workspace.applyEdit(edit));
      (await api()).setPrompts(scripted([]));
      assert.equal(await vscode.commands.executeCommand('releasePlan.stopRehearsal', { folder: basic() }), undefined);
      assert.equal(rehearsal.running, true, 'the clock is kept');
      advance(30); // time passes while the runbook is restored: the stopped clock does not count it
      const create = new vscode.WorkspaceEdit();
      create.createFile(rollback(), { contents: new TextEncoder().encode(runbook) });
      assert.ok(await vscode.workspace.applyEdit(create));
      (await api()).setPrompts(scripted([escape, escape]));
      const outcome = await vscode.commands.executeCommand<{ minutes: number }>('releasePlan.stopRehearsal', { folder: basic() });
      assert.equal(outcome?.minutes, 12);
      assert.equal(rehearsal.running, false);
    });
  });

  it('Stop Rollback Rehearsal pressed again while its question is open records the rehearsal once, in the folder it was started for', async () => {
    const { rehearsal } = await api();
    await withClock(20_000_000, async (advance) => {
      const before = parse(await readText(rollback())).rehearsals.length;
      await vscode.commands.executeCommand('releasePlan.startRehearsal', { folder: basic() });
      advance(9);
      // Another folder's file is active when Stop is pressed: the rehearsal still belongs to basic.
      const second = vscode.workspace.workspaceFolders![1]!;
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(second.uri, '.release', 'release.yaml')));
      let nested: unknown = 'not called';
      const stopAgain: Answer = async () => {
        nested = await vscode.commands.executeCommand('releasePlan.stopRehearsal');
        return undefined;
      };
      (await api()).setPrompts(scripted([stopAgain, escape]));
      const outcome = await vscode.commands.executeCommand<{ minutes: number }>('releasePlan.stopRehearsal');
      assert.equal(outcome?.minutes, 9);
      assert.equal(nested, undefined, 'the second Stop records nothing');
      assert.equal(parse(await readText(rollback())).rehearsals.length, before + 1, 'one entry, in basic/.release/rollback.yaml');
      assert.equal(rehearsal.running, false);
    });
  });

  it('Run Go/No-Go twice on one day keeps both decisions; the latest counts in the tree', async () => {
    const { tree } = await api();
    await vscode.commands.executeCommand('releasePlan.runGonogo', { folder: basic(), answers: { 'dry-run': { answer: 'yes' } }, decision: 'no-go', decidedBy: 'Ana', reason: 'T1 has no owner' });
    await waitFor(() => tree.getChildren()[0]?.children?.find((c) => c.label === 'Go/No-Go')?.description?.startsWith('Vetoed by Ana'), 'the veto in the tree');
    await vscode.commands.executeCommand('releasePlan.runGonogo', { folder: basic(), answers: { 'dry-run': { answer: 'yes' } }, decision: 'go', decidedBy: 'Ana', reason: 'owner found' });
    const record = parse(await readText(file(`.release/gonogo/${today}.yaml`)));
    assert.equal(record.decision, 'go');
    assert.deepEqual(record.earlier.map((e: { decision: string; reason: string }) => `${e.decision}: ${e.reason}`), ['no-go: T1 has no owner']);
    await waitFor(() => { const d = tree.getChildren()[0]?.children?.find((c) => c.label === 'Go/No-Go')?.description; return typeof d === 'string' && !d.includes('Vetoed'); }, 'the tree to follow the latest decision');
  });

  it('the rollback.yaml quick fix applied twice never writes a second runbook into the file', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(rollback());
    assert.ok(await vscode.workspace.applyEdit(edit));
    const found = await waitFor(() => vscode.languages.getDiagnostics(release()).find((d) => typeof d.code === 'object' && d.code.value === 'rollback-missing'), 'rollback-missing');
    await (await api()).store.settled();
    // 50: resolve the offered actions (the file-creating fix carries its edit anyway; the others get theirs on resolve).
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', release(), found.range, vscode.CodeActionKind.QuickFix.value, 50);
    const fix = actions.find((a) => a.title === 'Create rollback.yaml from a template');
    assert.ok(fix?.edit);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    const once = (await vscode.workspace.openTextDocument(rollback())).getText();
    const second = await Promise.resolve(vscode.workspace.applyEdit(fix.edit)).then((ok) => ok, () => false);
    assert.equal(second, false, 'the second application fails as a whole');
    assert.equal((await vscode.workspace.openTextDocument(rollback())).getText(), once, 'no second runbook, no duplicate keys');
    assert.ok(await exists(rollback()));
  });
});
