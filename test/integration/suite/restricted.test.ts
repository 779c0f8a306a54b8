// Runs only in the test bed's Restricted Mode pass (a second VS Code with Workspace Trust on and
// the fixture untrusted); skipped in the trusted run. Restricted Mode is enforced in code: every
// write path refuses even when called directly (`executeCommand` bypasses a command's enablement),
// while diagnostics, the Release view and the dashboard still show the plan.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnostic, file, readText, waitFor } from './helpers';

describe('Restricted Mode', function () {
  this.timeout(30_000);
  const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
  const release = () => file('.release/release.yaml');
  const rollback = () => file('.release/rollback.yaml');
  let original: string;

  before(async function (this: Mocha.Context) {
    if (vscode.workspace.isTrusted) this.skip();
    await api();
    original = await readText(release());
  });

  it('checks and shows the plan: diagnostics, the Release view, the status bar', async () => {
    await waitFor(() => diagnostic(release(), 'owner-team-label'), 'the owner-team-label diagnostic');
    const { tree, statusBar } = await api();
    assert.match(String(tree.getChildren()[0]?.label), /basic-v1/);
    assert.match(statusBar.text, /basic-v1/);
  });

  it('refuses every writing command, even called directly, and writes nothing', async () => {
    const results = {
      assignOwner: await vscode.commands.executeCommand('releasePlan.assignOwner', { folder: folder(), id: 'T1', owner: 'Cy' }),
      setStatus: await vscode.commands.executeCommand('releasePlan.setStatus', { folder: folder(), id: 'T1', status: 'done' }),
      parkTask: await vscode.commands.executeCommand('releasePlan.parkTask', { folder: folder(), id: 'T2', reason: 'later', askedBy: 'Dee' }),
      addTask: await vscode.commands.executeCommand('releasePlan.addTask', { folder: folder(), title: 'Sneaky task', owner: 'Cy' }),
      runGonogo: await vscode.commands.executeCommand('releasePlan.runGonogo', { folder: folder(), answers: { 'dry-run': { answer: 'yes' } }, decision: 'go', decidedBy: 'Ana' }),
      dailyCheckin: await vscode.commands.executeCommand('releasePlan.dailyCheckin', { folder: folder(), shipped: ['x'], blocks: [] }),
      startRehearsal: await vscode.commands.executeCommand('releasePlan.startRehearsal'),
      closeAndStartNext: await vscode.commands.executeCommand('releasePlan.closeAndStartNext', { folder: folder(), name: 'basic-v2', target: '2099-07-01', backup: '2099-07-08' }),
      startReview: await vscode.commands.executeCommand('releasePlan.startReview', { folder: folder() }),
      // Trusted, this returns the files it created ([] when all exist); in Restricted Mode, nothing.
      createPlan: await vscode.commands.executeCommand('releasePlan.createPlan', folder()),
    };
    for (const [command, outcome] of Object.entries(results)) assert.ok(!outcome, `${command} returned ${JSON.stringify(outcome)}`);
    assert.equal(await readText(release()), original, 'release.yaml untouched');
    const { rehearsal } = await api();
    assert.equal(rehearsal.running, false);
    const written = await vscode.workspace.findFiles('.release/{gonogo/**,checkins/**,review.yaml}');
    assert.deepEqual(written.map((uri) => uri.path), [], 'no record, check-in or review written');
  });

  it('answers the read-only Language Model Tools, and refuses release-plan_assignOwner without asking', async () => {
    const text = (result: vscode.LanguageModelToolResult) => result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : '')).join('');
    const status = await vscode.lm.invokeTool('release-plan_status', { input: {}, toolInvocationToken: undefined });
    assert.match(text(status), /^Release: basic-v1$/m);
    const { languageModelTools } = await api();
    const tool = languageModelTools.tools.get('release-plan_assignOwner')!;
    const input = { task: 'T2', owner: 'Ana' };
    assert.deepEqual(await tool.prepareInvocation!({ input }, new vscode.CancellationTokenSource().token), {}, 'no confirmation: nothing will be written');
    const refused = await vscode.lm.invokeTool('release-plan_assignOwner', { input, toolInvocationToken: undefined });
    assert.equal(text(refused), 'This folder is in Restricted Mode, so Release Plan changes no files. Trust the folder to write to the plan.');
    assert.equal(await readText(release()), original);
  });

  it('offers no quick fix', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(release()));
    const found = await waitFor(() => diagnostic(release(), 'owner-team-label'), 'the diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', release(), found.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.filter((a) => a.title.startsWith('Assign to')).map((a) => a.title), []);
  });

  it('shows the dashboard but refuses its actions', async () => {
    await vscode.commands.executeCommand('releasePlan.openDashboard', { folder: folder() });
    const { dashboards, store } = await api();
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder())!;
    const panel = await waitFor(() => dashboards.get(workspaceFolder), 'the dashboard panel');
    await store.settled();
    const generation = store.all()[0]?.generation ?? 0;
    await waitFor(() => panel.hasRendered(generation), 'the dashboard to render the plan');
    assert.equal(await panel.receive({ type: 'assignOwner', generation, taskIndex: 0, owner: 'Cy' }), 'refused');
    assert.equal(await readText(release()), original);
    assert.ok(await readText(rollback()));
  });
});
