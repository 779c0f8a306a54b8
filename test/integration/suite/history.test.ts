// The track record in the Release view, on the basic fixture's .release/history/ (billing-v2, a
// rescue that went out 4 days late; login-v3 and search-v2 on time; a blocker in the check-ins of
// the first two, which is history's and no finding of the current plan): the History node, each past
// release opening its release.yaml, and after Mark Release as Shipped the launch as the state, the
// review row, and Run Go/No-Go saying the go/no-go is history.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Prompts } from '../../../src/extension/prompts';
import type { ReleaseNode } from '../../../src/extension/tree/releaseTree';
import { api, exists, file, Snapshot, waitFor } from './helpers';

const basic = () => vscode.workspace.workspaceFolders![0]!.uri;

/** Prompts answered in order (as in ship.test.ts). */
function scripted(answers: ((items: readonly vscode.QuickPickItem[]) => unknown)[]): Prompts {
  const next = (question: string, items: readonly vscode.QuickPickItem[]) => {
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected prompt: ${question}`);
    return answer(items);
  };
  return {
    pick: async (items, options) => next(`pick: ${options.placeHolder ?? ''}`, items) as never,
    input: async (options) => next(`input: ${options.prompt ?? ''}`, []) as string | undefined,
    person: async (_people, placeHolder) => next(`person: ${placeHolder}`, []) as string | undefined,
  };
}

describe('History in the Release view', function () {
  this.timeout(60_000);
  const release = () => file('.release/release.yaml');
  const review = () => file('.release/review.yaml');
  const snapshot = new Snapshot();
  let today: string;

  const root = async () => (await api()).tree.getChildren()[0];
  const section = async (label: string): Promise<ReleaseNode | undefined> => (await root())?.children?.find((c) => c.label === label);

  before(async () => {
    today = (await api()).store.today();
    await snapshot.take(release(), review(), file(`.release/gonogo/${today}.yaml`));
  });
  after(async () => {
    (await api()).setPrompts(undefined);
    await snapshot.restore();
    await (await api()).store.refresh(vscode.workspace.getWorkspaceFolder(basic())!);
  });

  it('lists the past releases, collapsed, oldest first, with their outcome and verdict', async () => {
    const { tree } = await api();
    const history = await section('History');
    assert.ok(history, 'the History node');
    assert.equal(tree.getTreeItem(history).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(history.description, '3');
    assert.deepEqual(
      history.children?.map((c) => [c.label, c.description]),
      [
        ['billing-v2', 'shipped 2099-01-20, slipped by 4 days'],
        ['login-v3', 'shipped 2099-03-13, on time (final target)'],
        ['search-v2', 'shipped 2099-04-30, on time (final target)'],
      ],
    );
    assert.equal(
      history.children?.[0]?.tooltip,
      'billing-v2 (rescue release)\nTarget 2099-01-16 · backup 2099-01-23\nshipped 2099-01-20, slipped by 4 days\nScope growth after the freeze: unknown (tasks without added:)\nLast rollback rehearsal: 40 min (best 40 min)\nReview: written',
    );
    // Before the launch there is no review to write: no review row.
    assert.equal((await root())?.children?.some((c) => c.label.startsWith('Review')), false);
    // A blocker seen only in past releases is no finding of the current plan.
    const { store } = await api();
    const result = store.all()[0]?.result;
    assert.ok(result);
    assert.deepEqual(result.findings.filter((f) => f.code === 'blocker-recurring'), []);
  });

  it("opens a past release's release.yaml from its row", async () => {
    const { tree } = await api();
    const login = (await section('History'))?.children?.find((c) => c.label === 'login-v3');
    assert.ok(login);
    const item = tree.getTreeItem(login);
    assert.equal(item.command?.command, 'releasePlan.openInEditor');
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/.release/history/login-v3/release.yaml') && vscode.window.activeTextEditor, 'the past release.yaml to open');
    assert.equal(editor.document.lineAt(1).text, 'release: login-v3');
    // History is never checked: no diagnostic in it.
    assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri), []);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('after Mark Release as Shipped: the launch is the state, "Review: not written", and Run Go/No-Go says the go/no-go is history', async () => {
    const { tree, statusBar, setPrompts } = await api();
    setPrompts(scripted([(items) => items.find((item) => item.label === 'shipped'), () => today, () => '1.5.0']));
    assert.equal(await vscode.commands.executeCommand('releasePlan.markShipped', { folder: basic() }), true);
    const row = await waitFor(() => tree.getChildren()[0]?.children?.find((c) => c.label === 'Review: not written'), 'the review row');
    // Nothing to open yet: a click starts the review, for this folder.
    assert.deepEqual(tree.getTreeItem(row).command, { command: 'releasePlan.startReview', title: 'Start Post-Release Review', arguments: [{ folder: basic() }] });
    assert.match(tree.getChildren()[0]?.description ?? '', new RegExp(`^Shipped 1\\.5\\.0 on ${today}( · |$)`));
    assert.ok(statusBar.text.startsWith(`$(rocket) basic-v1 · Shipped 1.5.0 on ${today}`), statusBar.text);
    // The History node still lists only the past releases.
    assert.deepEqual((await section('History'))?.children?.map((c) => c.label), ['billing-v2', 'login-v3', 'search-v2']);

    const outcome = await vscode.commands.executeCommand<{ shipped: { date: string; outcome: string; version?: string }; message: string }>('releasePlan.runGonogo', { folder: basic() });
    assert.deepEqual(outcome, { shipped: { date: today, outcome: 'shipped', version: '1.5.0' }, message: `Shipped 1.5.0 on ${today}: the go/no-go is history and is not asked again.` });
    assert.equal(await exists(file(`.release/gonogo/${today}.yaml`)), false, 'no go/no-go record written after launch');
  });

  it('a click on "Review: not written" starts the review (review.yaml drafted and opened); then "Review: written" opens it', async () => {
    const { tree } = await api();
    const missing = await waitFor(() => tree.getChildren()[0]?.children?.find((c) => c.label === 'Review: not written'), 'the review row');
    const click = tree.getTreeItem(missing).command!;
    await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/.release/review.yaml'), 'the drafted review.yaml to open');
    assert.ok(await exists(review()), 'review.yaml written');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const row = await waitFor(() => tree.getChildren()[0]?.children?.find((c) => c.label === 'Review: written'), 'the review row to say written');
    const item = tree.getTreeItem(row);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/.release/review.yaml'), 'review.yaml to open');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
