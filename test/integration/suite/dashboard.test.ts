// The dashboard host inside VS Code: opening, message validation, and edits from the webview.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { DashboardPanel } from '../../../src/extension/dashboard/dashboardPanel';
import { api, diagnostic, file, readText, setText, Snapshot, waitFor } from './helpers';

describe('Release Dashboard (host side)', function () {
  this.timeout(30_000);
  const release = () => file('.release/release.yaml');
  const snapshot = new Snapshot();
  let dashboard: DashboardPanel;

  before(async () => {
    await api();
    await snapshot.take(release());
    dashboard = await vscode.commands.executeCommand<DashboardPanel>('releasePlan.openDashboard', { folder: vscode.workspace.workspaceFolders![0]!.uri });
    assert.ok(dashboard, 'the command returns the panel');
  });
  after(async () => {
    dashboard?.dispose();
    await snapshot.restore();
  });

  it('opens one tab per release, titled with the release, and reuses it', async () => {
    assert.equal(dashboard.panel.viewType, 'releasePlan.dashboard');
    await dashboard.receive({ type: 'ready' });
    await waitFor(() => dashboard.panel.title === 'Release: basic-v1', 'the title to name the release');
    const again = await vscode.commands.executeCommand<DashboardPanel>('releasePlan.openDashboard', { folder: vscode.workspace.workspaceFolders![0]!.uri });
    assert.equal(again, dashboard, 'the same panel is revealed');
    assert.match(dashboard.panel.webview.html, /Content-Security-Policy" content="default-src 'none'/);
    assert.match(dashboard.panel.webview.html, /<script nonce="[0-9a-f]{32}" src=/);
  });

  it('restores a dashboard from its saved state after a reload (serializer)', async () => {
    const { dashboards } = await api();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    // What VS Code does on reload: a bare panel of our view type plus the state the webview saved.
    dashboard.dispose();
    const panel = vscode.window.createWebviewPanel('releasePlan.dashboard', 'restoring', vscode.ViewColumn.Active, { enableScripts: true });
    await dashboards.deserializeWebviewPanel(panel, { folder: folder.name });
    const restored = dashboards.get(folder);
    assert.ok(restored, 'the restored panel is adopted for the folder');
    assert.equal(restored.panel, panel);
    assert.match(panel.webview.html, /Content-Security-Policy/);
    await restored.receive({ type: 'ready' });
    await waitFor(() => panel.title === 'Release: basic-v1', 'the restored panel to show the release');
    dashboard = restored;
  });

  it('ignores messages that do not match the protocol', async () => {
    const before = await readText(release());
    for (const bad of [
      null,
      'assignOwner',
      { type: 'assignOwner', taskIndex: 0, owner: 'Bo' }, // no generation
      { type: 'assignOwner', generation: 1, taskIndex: -1, owner: 'Bo' },
      { type: 'setStatus', generation: 1, taskIndex: 0, status: 'shipped' },
      { type: 'openLocation', file: '../../etc/passwd', line: 0, character: 0 },
      { type: 'runCommand', command: 'workbench.action.files.delete' },
      { type: 'ready', extra: true },
    ]) {
      assert.equal(await dashboard.receive(bad), 'invalid', JSON.stringify(bad));
    }
    assert.equal(await readText(release()), before, 'nothing was written');
  });

  it('applies an action as an undoable edit and the tree and diagnostics follow', async () => {
    const { store, tree } = await api();
    await store.settled();
    const generation = store.all()[0]?.generation ?? -1;
    assert.equal(await dashboard.receive({ type: 'assignOwner', generation, taskIndex: 0, owner: 'Cy' }), 'ok');
    const text = await readText(release());
    assert.equal(parse(text).tasks[0].owner, 'Cy');
    assert.ok(text.startsWith('# Fixture for integration tests\n'), 'comments kept');
    await waitFor(() => !diagnostic(release(), 'owner-team-label'), 'the diagnostic to clear');
    await waitFor(() => tree.getChildren()[0]?.description?.includes('error') === false, 'the tree to show no errors');
    const document = await vscode.workspace.openTextDocument(release());
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(parse(document.getText()).tasks[0].owner, 'backend team', 'undo restores the owner');
    await document.save();
  });

  it('refuses an action quoting a view it never showed', async () => {
    const { store } = await api();
    await store.settled();
    const never = (store.all()[0]?.generation ?? 0) + 1000;
    const before = await readText(release());
    assert.equal(await dashboard.receive({ type: 'setStatus', generation: never, taskIndex: 0, status: 'done' }), 'refused');
    assert.equal(await readText(release()), before);
  });

  it('a click on a view a moment old reaches the task it showed, even after a task was inserted above it', async () => {
    const { store } = await api();
    await store.settled();
    const shown = store.all()[0]?.generation ?? 0; // T1 is row 0 in this view
    const document = await setText(release(), (await readText(release())).replace('tasks:\n', 'tasks:\n  - id: T0\n    title: Inserted meanwhile\n    owner: Ana\n'));
    await waitFor(() => (store.all()[0]?.generation ?? 0) > shown && store.all()[0]?.result.context.tasks().length === 3, 'the store to see the inserted task');
    assert.equal(await dashboard.receive({ type: 'setStatus', generation: shown, taskIndex: 0, status: 'done' }), 'ok');
    const data = parse(document.getText());
    assert.deepEqual(data.tasks.map((t: { id: string; status?: string }) => [t.id, t.status ?? '']), [['T0', ''], ['T1', 'done'], ['T2', 'todo']]);
    await vscode.commands.executeCommand('workbench.action.files.revert', release());
  });

  it('refuses an edit when release.yaml changed since the view was rendered', async () => {
    const { store } = await api();
    await store.settled();
    const generation = store.all()[0]?.generation ?? 0;
    const document = await setText(release(), (await readText(release())).replace('title: Download button', 'title: Download the PDF'));
    // The view still quotes the generation from before the edit.
    assert.equal(await dashboard.receive({ type: 'setStatus', generation, taskIndex: 1, status: 'done' }), 'refused');
    assert.doesNotMatch(document.getText(), /status: done/);
    await vscode.commands.executeCommand('workbench.action.files.revert', release());
  });

  it('parks a task and marks it told', async () => {
    const { store } = await api();
    await store.settled();
    assert.equal(await dashboard.receive({ type: 'parkTask', generation: store.all()[0]?.generation ?? 0, taskIndex: 1, reason: 'next release', askedBy: 'Dee' }), 'ok');
    await store.settled();
    assert.equal(await dashboard.receive({ type: 'markTold', generation: store.all()[0]?.generation ?? 0, parkedIndex: 0 }), 'ok');
    const data = parse(await readText(release()));
    assert.deepEqual(data.tasks.map((t: { id: string }) => t.id), ['T1']);
    assert.deepEqual(data.parked, [{ title: 'T2 Download button', reason: 'next release', asked_by: 'Dee', told: store.today() }]);
  });
});
