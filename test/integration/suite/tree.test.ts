// The Release view, the status bar, and how fast diagnostics follow an edit.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEBOUNCE_MS } from '../../../src/extension/planStore';
import { api, diagnostic, file, setText, Snapshot, waitFor } from './helpers';

describe('Release view and status bar', function () {
  this.timeout(60_000);

  it('shows the release with its sections, tasks by status and rollback checks', async () => {
    const { tree } = await api();
    const roots = tree.getChildren();
    assert.deepEqual(roots.map((r) => r.label), ['basic-v1', 'second-v1'], 'one root per folder, in folder order');
    const root = roots[0];
    assert.ok(root);
    assert.equal(root.label, 'basic-v1');
    assert.match(root.description ?? '', /^T-\d+ days · 1 error/);
    // History: the fixture's .release/history/ (see history.test.ts).
    assert.deepEqual(root.children?.map((c) => c.label), ['Problem', 'Roles', 'Tasks', 'Rollback readiness', 'Go/No-Go', 'Parked', 'History']);
    const tasks = root.children?.find((c) => c.label === 'Tasks');
    assert.deepEqual(tasks?.children?.map((g) => `${g.label}:${g.description}`), ['Doing:1', 'To do:1']);
    const t1 = tasks?.children?.[0]?.children?.[0];
    assert.equal(t1?.label, 'T1 PDF export endpoint');
    assert.match(t1?.description ?? '', /^backend team · 1 problem$/);
    const item = tree.getTreeItem(t1!);
    assert.equal(item.command?.command, 'releasePlan.openInEditor');
    assert.equal(item.contextValue, 'task');
    const rollback = root.children?.find((c) => c.label === 'Rollback readiness');
    assert.equal(rollback?.description, 'ready');
    assert.deepEqual(rollback?.children?.map((c) => c.label), ['Stable version', 'Triggers', 'Roles', 'Steps', 'Last rehearsal']);
  });

  it('reveals a task\'s line when its row is clicked', async () => {
    const { tree } = await api();
    const t2 = tree.getChildren()[0]?.children?.find((c) => c.label === 'Tasks')?.children?.[1]?.children?.[0];
    const item = tree.getTreeItem(t2!);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.path.endsWith('.release/release.yaml'));
    assert.equal(editor.selection.start.line, 15, 'the `- id: T2` line');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the release in the status bar', async () => {
    const { statusBar } = await api();
    assert.match(statusBar.text, /^\$\(rocket\) basic-v1 · T-\d+ · 1 error$/);
  });

  it('measures activation and edit-to-diagnostics time on a 50-task plan (printed, not asserted)', async () => {
    const snapshot = new Snapshot();
    const release = file('.release/release.yaml');
    await snapshot.take(release);
    try {
      const document = await vscode.workspace.openTextDocument(release);
      const tasks = Array.from({ length: 50 }, (_, i) => `  - id: P${i + 1}\n    title: Task ${i + 1}\n    owner: ${['Ana', 'Bo', 'Cy'][i % 3]}\n    status: done\n`).join('');
      const base = document.getText().replace(/tasks:[\s\S]*$/, `tasks:\n${tasks}`);
      await setText(release, base);
      await waitFor(() => !diagnostic(release, 'owner-team-label'), 'the 50-task plan to be checked');
      // Five edits, each waited for (a finding appears, then goes): the range, not one sample.
      const times: number[] = [];
      for (let round = 0; round < 5; round++) {
        const broken = round % 2 === 0;
        const started = performance.now();
        await setText(release, broken ? base.replace('owner: Ana', 'owner: QA') : base);
        await waitFor(() => (broken ? diagnostic(release, 'owner-team-label') : !diagnostic(release, 'owner-team-label')), 'the diagnostics to follow the edit');
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(`    edit → diagnostics on a 50-task plan: ${times.map((t) => t.toFixed(0)).join(', ')} ms over 5 edits (median ${times[2]?.toFixed(0)} ms; includes the ${DEBOUNCE_MS} ms debounce)`);
      const { timings } = await api();
      console.log(`    activation: ${timings.activateMs.toFixed(1)} ms; first check of the workspace: ${timings.firstCheckMs?.toFixed(1) ?? '?'} ms`);
    } finally {
      await snapshot.restore();
    }
  });
});
