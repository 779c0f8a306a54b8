// The plan's history from git, read through VS Code's built-in Git extension: the basic fixture is a
// git repository (scripts/testbed/lib.mjs makeFixtureRepository: Ana Lima started the plan, Bo Chen
// moved the target once). This suite commits a second move as Cy Diaz, the way a person would (a
// new HEAD), sees plan-churn appear with one related-information line per move, opens Show Plan
// History, merges a branch into the main line (read as the CLI reads it: the merger is the author),
// and resets the commit: plan-churn goes away again.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { readPlanVersions } from '../../../src/cli/git';
import { planTimeline } from '../../../src/core/timeline';
import type { ShowHistoryResult } from '../../../src/extension/commands/showHistory';
import { api, codeOf, diagnostic, file, readText, waitFor } from './helpers';

function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'user.name=Release Plan Tests', '-c', 'user.email=tests@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env },
  }).trim();
}

describe('Plan history from git', function () {
  this.timeout(60_000);
  const release = () => file('.release/release.yaml');
  const basic = () => vscode.workspace.workspaceFolders![0]!;
  let original: string;
  let head: string;

  before(async () => {
    await api();
    const root = basic().uri.fsPath;
    assert.ok(existsSync(`${root}/.git`), 'the basic fixture is a git repository (scripts/testbed/run.mjs makes it one)');
    head = git(root, ['rev-parse', 'HEAD']);
    original = await readText(release());
    assert.ok(original.includes('target: 2099-06-15'), 'the fixture targets 2099-06-15');
  });

  after(async () => {
    const root = basic().uri.fsPath;
    if (git(root, ['rev-parse', 'HEAD']) !== head) git(root, ['reset', '-q', '--hard', head]);
    if (git(root, ['branch', '--list', 'side']) !== '') git(root, ['branch', '-q', '-D', 'side']);
    await waitFor(() => !diagnostic(release(), 'plan-churn'), 'plan-churn to go away after the reset', 30_000);
  });

  it('reads the fixture’s history through the Git extension: one move, no plan-churn', async () => {
    const { history, store } = await api();
    const state = await history.status(basic());
    assert.equal(state.kind, 'ready', JSON.stringify(state));
    if (state.kind !== 'ready') return;
    assert.equal(state.head, head);
    assert.equal(state.versions, 2);
    assert.deepEqual(
      state.timeline.events.map((event) => [event.date, event.author, event.kind]),
      [
        ['2099-05-04', 'Ana Lima', 'task-added'],
        ['2099-05-20', 'Bo Chen', 'task-added'],
        ['2099-05-20', 'Bo Chen', 'target-moved'],
      ],
    );
    await store.settled();
    assert.equal(diagnostic(release(), 'plan-churn'), undefined);
  });

  it('a second move committed as Cy Diaz: plan-churn on the target, each move as related information, dated by the committer’s own day', async () => {
    const root = basic().uri.fsPath;
    writeFileSync(release().fsPath, original.replace('target: 2099-06-15', 'target: 2099-06-19'));
    // Written on 2099-05-28, rebased onto the main line at 23:30 in California on 2099-06-05 (2099-06-06 in UTC, and on most
    // viewers' clocks): the day the main line got it is 2099-06-05 for the CLI, so it must be for the editor.
    git(root, ['commit', '-q', '-am', 'Move the target again', '--author=Cy Diaz <cy@example.com>'], { GIT_AUTHOR_DATE: '2099-05-28T10:00:00Z', GIT_COMMITTER_DATE: '2099-06-05T23:30:00-08:00' });
    const moved = git(root, ['rev-parse', 'HEAD']);
    // The Git extension sees the new HEAD; the extension re-reads the history and checks again.
    const churn = await waitFor(() => diagnostic(release(), 'plan-churn'), 'plan-churn after the second move', 45_000);
    assert.equal(churn.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(churn.message, 'The target date moved 2 times in this release, last from 2099-06-15 to 2099-06-19 on 2099-06-05 by Cy Diaz. A date that keeps moving is not a commitment: cut scope to fit this one and hold it.');
    const document = await vscode.workspace.openTextDocument(release());
    assert.equal(document.getText(churn.range), '2099-06-19');
    assert.deepEqual(
      churn.relatedInformation?.map((info) => [info.location.uri.toString(), document.getText(info.location.range), info.message]),
      [
        [release().toString(), '2099-06-19', `Moved from 2099-06-08 to 2099-06-15 on 2099-05-20 by Bo Chen (commit ${head.slice(0, 7)}).`],
        [release().toString(), '2099-06-19', `Moved from 2099-06-15 to 2099-06-19 on 2099-06-05 by Cy Diaz (commit ${moved.slice(0, 7)}).`],
      ],
    );
    assert.deepEqual(
      vscode.languages.getDiagnostics(release()).filter((d) => d.source === 'release-plan').map(codeOf).filter((code) => code === 'plan-churn'),
      ['plan-churn'],
    );
  });

  it('Show Plan History opens the timeline read-only, with who changed what and when', async () => {
    const result = (await vscode.commands.executeCommand('releasePlan.showHistory', { folder: basic().uri })) as ShowHistoryResult;
    assert.ok(result.shown, JSON.stringify(result));
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === result.uri.toString()), 'the Plan History document to be shown');
    const text = editor.document.getText();
    assert.equal(editor.document.languageId, 'markdown');
    assert.equal(editor.document.uri.scheme, 'release-plan-history');
    const rows = text.split('\n').filter((line) => /^\| \d{4}-/.test(line));
    assert.deepEqual(
      rows.map((row) => row.split(' | ').slice(0, 3)),
      [
        ['| 2099-06-05', 'Cy Diaz', 'Target date: 2099-06-15 → 2099-06-19'],
        ['| 2099-05-20', 'Bo Chen', 'Target date: 2099-06-08 → 2099-06-15'],
        ['| 2099-05-20', 'Bo Chen', 'Added task T2 "Download button"'],
        ['| 2099-05-04', 'Ana Lima', 'Started the plan with task T1 "PDF export endpoint"'],
      ],
    );
    assert.match(text, /^# Plan history: basic-v1\n/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('reads the main line across a --no-ff merge exactly as the CLI does: the merger is the author of what the branch brought', async () => {
    const root = basic().uri.fsPath;
    const { history } = await api();
    const main = git(root, ['rev-parse', '--abbrev-ref', 'HEAD']);
    // Dee adds T3 on a branch from the fixture's head (before Cy's move); Mia merges it into the main line.
    git(root, ['checkout', '-q', '-b', 'side', head]);
    writeFileSync(release().fsPath, `${original.replace(/\n*$/, '\n')}  - id: T3\n    title: Retry failed exports\n    owner: Bo\n    status: todo\n`);
    git(root, ['commit', '-q', '-am', 'Add T3', '--author=Dee Park <dee@example.com>'], { GIT_AUTHOR_DATE: '2099-06-01T10:00:00Z', GIT_COMMITTER_DATE: '2099-06-01T10:00:00Z' });
    git(root, ['checkout', '-q', main]);
    git(root, ['merge', '-q', '--no-ff', '-m', 'Merge side', 'side'], { GIT_AUTHOR_NAME: 'Mia Merger', GIT_AUTHOR_EMAIL: 'mia@example.com', GIT_AUTHOR_DATE: '2099-06-07T10:00:00Z', GIT_COMMITTER_DATE: '2099-06-07T10:00:00Z' });
    const merge = git(root, ['rev-parse', 'HEAD']);
    const read = await waitFor(() => {
      const current = history.current(basic());
      return current?.stamp.startsWith(`${merge}:`) ? current : undefined;
    }, 'the history to be read at the merge', 45_000);
    assert.deepEqual(
      read.timeline.events.map((event) => [event.date, event.author, event.kind, event.merge ?? false]),
      [
        ['2099-05-04', 'Ana Lima', 'task-added', false],
        ['2099-05-20', 'Bo Chen', 'task-added', false],
        ['2099-05-20', 'Bo Chen', 'target-moved', false],
        ['2099-06-05', 'Cy Diaz', 'target-moved', false],
        ['2099-06-07', 'Mia Merger', 'task-added', true],
      ],
    );
    // The CLI's reader on the same repository: the same versions, the same timeline.
    const cli = await readPlanVersions(root);
    assert.ok(cli.ok, JSON.stringify(cli));
    assert.equal(read.stamp, `${merge}:${cli.versions.length}`);
    assert.equal(cli.versions.length, 4);
    assert.deepEqual(read.timeline, planTimeline(cli.versions));
    // Show Plan History says the change came in a merge.
    const result = (await vscode.commands.executeCommand('releasePlan.showHistory', { folder: basic().uri })) as ShowHistoryResult;
    assert.ok(result.shown, JSON.stringify(result));
    const editor = await waitFor(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === result.uri.toString() && e.document.getText().includes('Mia Merger')), 'the Plan History document with the merge');
    const row = editor.document.getText().split('\n').find((line) => line.includes('Mia Merger'));
    assert.equal(row, `| 2099-06-07 | Mia Merger | Added task T3 "Retry failed exports" | ${merge.slice(0, 7)} (merge) |`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('says plainly why there is no history for a folder that is not a git repository', async () => {
    const second = vscode.workspace.workspaceFolders![1]!;
    const result = (await vscode.commands.executeCommand('releasePlan.showHistory', { folder: second.uri })) as ShowHistoryResult;
    assert.deepEqual(result, { shown: false, message: 'Plan history is not available: second is not in a Git repository (or Git is not installed). Commit the plan to Git to see its history.' });
  });

  it('resetting the commit takes plan-churn away again', async () => {
    git(basic().uri.fsPath, ['reset', '-q', '--hard', head]);
    await waitFor(() => !diagnostic(release(), 'plan-churn'), 'plan-churn to go away after the reset', 45_000);
    assert.equal(await readText(release()), original);
  });
});
