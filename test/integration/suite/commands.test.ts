// Every command run with arguments instead of prompts, and the files it writes checked.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, exists, file, readText, setText, Snapshot, waitFor } from './helpers';

/** The first folder (the basic fixture): commands get it, as in a multi-root window they would ask. */
const basic = () => vscode.workspace.workspaceFolders![0]!.uri;

describe('commands', function () {
  this.timeout(30_000);
  const release = () => file('.release/release.yaml');
  const rollback = () => file('.release/rollback.yaml');
  const snapshot = new Snapshot();
  let today: string;
  let yesterday: string;

  before(async () => {
    today = (await api()).store.today();
    yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await snapshot.take(release(), rollback(), file(`.release/gonogo/${today}.yaml`), file(`.release/gonogo/${yesterday}.yaml`), file(`.release/checkins/${today}.yaml`));
  });
  afterEach(() => snapshot.restore());

  it('Run Go/No-Go records the answers and the decision', async () => {
    const outcome = await vscode.commands.executeCommand<{ uri: vscode.Uri; decision: string; blocking: string[] }>('releasePlan.runGonogo', { folder: basic(),
      answers: { 'dry-run': { answer: 'yes', evidence: 'staging chain run on Monday' } },
      decision: 'no-go',
      decidedBy: 'Ana',
    });
    assert.ok(outcome, 'the command returns its outcome');
    const record = parse(await readText(file(`.release/gonogo/${today}.yaml`)));
    assert.equal(record.decision, 'no-go');
    assert.equal(record.decided_by, 'Ana');
    assert.deepEqual(record.answers.map((a: { id: string }) => a.id), ['one-problem', 'owners', 'rollback', 'dry-run', 'stakeholders']);
    assert.deepEqual(record.answers.find((a: { id: string }) => a.id === 'dry-run'), { id: 'dry-run', answer: 'yes', evidence: 'staging chain run on Monday' });
    assert.equal(record.answers.find((a: { id: string }) => a.id === 'owners').answer, 'no', 'the team-label owner fails question 2');
    assert.deepEqual(outcome.blocking, ['owners']);
    const { tree } = await api();
    await waitFor(() => tree.getChildren()[0]?.children?.find((c) => c.label === 'Go/No-Go')?.description?.startsWith(`Vetoed by Ana on ${today}: no reason recorded`), 'the tree to show the veto');
  });

  it('Run Go/No-Go does not take a person\'s yes for tasks nothing dates after a freeze: only the plan answers that (review 2 of issue 12)', async () => {
    // Scope froze yesterday; T3 is in the file but in no commit and has no `added:`: nothing says when it joined.
    const text = (await readText(release())).replace('roles:', `freeze:\n  scope: ${yesterday}\nroles:`).replace(/\s*$/, '\n  - id: T3\n    title: Export as CSV too\n    owner: Cy\n');
    await setText(release(), text, true);
    const { store } = await api();
    await waitFor(() => store.get(vscode.workspace.workspaceFolders![0]!)?.result.findings.some((f) => f.code === 'scope-added-unknown'), 'scope-added-unknown for T3');
    const outcome = await vscode.commands.executeCommand<{ decision: string; blocking: string[] }>('releasePlan.runGonogo', { folder: basic(),
      answers: { 'one-problem': { answer: 'yes', evidence: 'nothing joined, I think' }, 'dry-run': { answer: 'yes' } },
      decision: 'no-go',
      decidedBy: 'Ana',
    });
    assert.ok(outcome, 'the command returns its outcome');
    assert.deepEqual(outcome.blocking, ['one-problem', 'owners']);
    const record = parse(await readText(file(`.release/gonogo/${today}.yaml`)));
    const first = record.answers.find((a: { id: string }) => a.id === 'one-problem');
    assert.equal(first.answer, 'no', 'the person\'s yes is not written for it');
    assert.match(first.evidence, /^The plan cannot tell whether scope grew after it froze on \d{4}-\d{2}-\d{2} \(freeze\.scope\): task T3 has no valid `added:` date/);
  });

  it('a recorded no-go vetoes the release until a later go; the tree says who vetoed and why', async () => {
    const { tree } = await api();
    const goNode = () => tree.getChildren()[0]?.children?.find((c) => c.label === 'Go/No-Go');
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(file(`.release/gonogo/${yesterday}.yaml`), { contents: new TextEncoder().encode('decision: no-go\ndecided_by: Ana\nreason: the rollback was never rehearsed\n') });
    assert.ok(await vscode.workspace.applyEdit(edit));
    await vscode.workspace.saveAll(false);
    await waitFor(() => goNode()?.description === `Vetoed by Ana on ${yesterday}: the rollback was never rehearsed`, 'the tree to show yesterday\'s veto');
    // The stop owner decides go today (with the reason passed, as a caller without prompts would).
    await vscode.commands.executeCommand('releasePlan.runGonogo', { folder: basic(), answers: { 'dry-run': { answer: 'yes' } }, decision: 'go', decidedBy: 'Ana', reason: 'rehearsed this morning' });
    await waitFor(() => { const description = goNode()?.description; return typeof description === 'string' && !description.includes('Vetoed'); }, 'the veto to be lifted by today\'s go');
    assert.equal(parse(await readText(file(`.release/gonogo/${today}.yaml`))).reason, 'rehearsed this morning');
  });

  it('Run Go/No-Go refuses to overwrite a record with unsaved changes', async () => {
    const uri = file(`.release/gonogo/${today}.yaml`);
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { contents: new TextEncoder().encode('decision: go\n') });
    assert.ok(await vscode.workspace.applyEdit(edit));
    await setText(uri, 'decision: go\ndecided_by: Cy\n'); // unsaved
    const outcome = await vscode.commands.executeCommand('releasePlan.runGonogo', { folder: basic(), answers: { 'dry-run': { answer: 'no' } }, decision: 'no-go', decidedBy: 'Ana' });
    assert.equal(outcome, undefined, 'nothing was written');
    assert.equal(await readText(uri), 'decision: go\n', 'the file on disk is untouched');
    assert.equal((await vscode.workspace.openTextDocument(uri)).getText(), 'decision: go\ndecided_by: Cy\n', 'the unsaved text is untouched');
    await vscode.commands.executeCommand('workbench.action.files.revert', uri);
  });

  it('Daily Check-in writes today\'s file and appends on a second run', async () => {
    await vscode.commands.executeCommand('releasePlan.dailyCheckin', { folder: basic(), shipped: ['PDF endpoint'], blocks: [{ what: 'waiting for the API key', clears: 'Bo' }] });
    await vscode.commands.executeCommand('releasePlan.dailyCheckin', { folder: basic(), shipped: ['Download button'], blocks: [] });
    const checkin = parse(await readText(file(`.release/checkins/${today}.yaml`)));
    assert.deepEqual(checkin.shipped, ['PDF endpoint', 'Download button']);
    assert.deepEqual(checkin.blocks, [{ what: 'waiting for the API key', clears: 'Bo' }]);
  });

  it('Start/Stop Rollback Rehearsal times the rollback with the clock and appends it', async () => {
    const { rehearsal } = await api();
    let now = 1_000_000;
    const realNow = rehearsal.now;
    rehearsal.now = () => now;
    try {
      await vscode.commands.executeCommand('releasePlan.startRehearsal', { folder: basic() });
      now += 90_000;
      await waitFor(() => rehearsal.text.includes('01:30'), 'the status bar clock to tick');
      now += 11 * 60_000; // 12.5 minutes in all
      const outcome = await vscode.commands.executeCommand<{ minutes: number; message: string }>('releasePlan.stopRehearsal', { folder: basic(), environment: 'staging', notes: 'flag off first', by: 'Bo' });
      assert.equal(outcome.minutes, 12.5);
      assert.equal(outcome.message, 'The rollback took 12.5 min, within the 15-min target, 0.5 min slower than last time (12 min).');
      const data = parse(await readText(rollback()));
      assert.deepEqual(data.rehearsals.at(-1), { date: today, environment: 'staging', minutes: 12.5, by: 'Bo', notes: 'flag off first' });
      assert.match(await readText(rollback()), /^# Fixture for integration tests: a complete rollback runbook/, 'comments kept');
    } finally {
      rehearsal.now = realNow;
    }
  });

  it('Add Task, Assign Owner, Set Status, Park Task and Mark as Told edit release.yaml', async () => {
    const id = await vscode.commands.executeCommand<string>('releasePlan.addTask', { folder: basic(), title: 'Help page', owner: 'Cy' });
    assert.equal(id, 'T3');
    await vscode.commands.executeCommand('releasePlan.assignOwner', { folder: basic(), id: 'T3', owner: 'Bo' });
    await vscode.commands.executeCommand('releasePlan.setStatus', { folder: basic(), id: 'T3', status: 'doing' });
    let data = parse(await readText(release()));
    assert.deepEqual(data.tasks[2], { id: 'T3', title: 'Help page', owner: 'Bo', status: 'doing', added: today });
    await vscode.commands.executeCommand('releasePlan.parkTask', { folder: basic(), id: 'T3', reason: 'not the invoice problem', askedBy: 'Dee' });
    data = parse(await readText(release()));
    assert.deepEqual(data.tasks.map((t: { id: string }) => t.id), ['T1', 'T2']);
    assert.deepEqual(data.parked, [{ title: 'T3 Help page', reason: 'not the invoice problem', asked_by: 'Dee', told: false }]);
    await vscode.commands.executeCommand('releasePlan.markTold', { folder: basic(), index: 0 });
    assert.equal(parse(await readText(release())).parked[0].told, today);
    assert.match(await readText(release()), /^# Fixture for integration tests\n/, 'comments kept');
  });

  it('Set Status refuses a value that is not a status', async () => {
    const before = await readText(release());
    assert.equal(await vscode.commands.executeCommand('releasePlan.setStatus', { folder: basic(), id: 'T1', status: 'finished' }), false);
    assert.equal(await readText(release()), before);
  });

  it('Create Release Plan never overwrites an existing plan', async () => {
    const before = await readText(release());
    const created = await vscode.commands.executeCommand<vscode.Uri[]>('releasePlan.createPlan', file('.'));
    assert.deepEqual(created, [], 'release.yaml and rollback.yaml exist, and the scaffold writes no team.yaml');
    assert.equal(await readText(release()), before);
    assert.equal(await exists(file('.release/team.yaml')), false);
  });

  it('clears a file\'s diagnostics when the file is deleted', async () => {
    const checkin = file('.release/checkins/2099-01-01.yaml');
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(checkin, { ignoreIfExists: true });
    edit.insert(checkin, new vscode.Position(0, 0), 'blocks:\n  - what: waiting for the API key\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await (await vscode.workspace.openTextDocument(checkin)).save();
    await waitFor(() => vscode.languages.getDiagnostics(checkin).some((d) => d.source === 'release-plan'), 'the check-in to get checkin-block-unowned');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const removal = new vscode.WorkspaceEdit();
    removal.deleteFile(checkin);
    assert.ok(await vscode.workspace.applyEdit(removal));
    await waitFor(() => vscode.languages.getDiagnostics(checkin).length === 0, 'its diagnostics to be cleared');
  });

  it('Filter by Owner narrows the Release view', async () => {
    const { tree } = await api();
    await vscode.commands.executeCommand('releasePlan.filterByOwner', 'Bo');
    try {
      const tasks = tree.getChildren()[0]?.children?.find((c) => c.kind === 'section' && c.label.startsWith('Tasks'));
      assert.equal(tasks?.label, 'Tasks (owner: Bo)');
      const shown = tasks?.children?.flatMap((group) => group.children ?? []).map((t) => t.task?.id);
      assert.deepEqual(shown, ['T2']);
    } finally {
      await vscode.commands.executeCommand('releasePlan.clearFilter');
    }
  });
});
