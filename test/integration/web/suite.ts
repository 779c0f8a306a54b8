// The web subset of the integration suite: run by the web companion (./companion.ts) inside the
// web worker extension host of code-server (scripts/testbed/web.mjs), against a copy of the
// extension with only its `browser` entry, on the basic fixture (one folder, not a git repository).
// Diagnostics, the Release view, the status bar, the go/no-go verdict the dashboard shows, the
// plan's history saying plainly that it needs the desktop, a re-check on document events and on
// Refresh, and one write through the guarded path. A web worker has no Node: no mocha, no
// node:assert — a small runner and exact comparisons of its own.
import * as vscode from 'vscode';
import { dashboardState } from '../../../src/shared/dashboardState';
import type { ReleasePlanApi } from '../../../src/extension/activate';
import type { ReleaseNode } from '../../../src/extension/tree/releaseTree';

const EXTENSION_ID = 'release-plan.release-plan';
const OWNER_RANGE = new vscode.Range(13, 11, 13, 23); // T1's owner "backend team"

class AssertionError extends Error {}

function equal(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${what}: expected ${e}, got ${a}`);
}

function ok(value: unknown, what: string): asserts value {
  if (!value) throw new AssertionError(what);
}

async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new AssertionError(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return code === undefined ? undefined : String(typeof code === 'object' ? code.value : code);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'release-plan');
}

function describeRange(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export async function runWebSuite(): Promise<{ vscodeVersion: string; passes: number; failures: number; report: string }> {
  const lines: string[] = [`Web subset in VS Code ${vscode.version} (web worker extension host)`, ''];
  let passes = 0;
  let failures = 0;
  const folder = vscode.workspace.workspaceFolders?.[0];
  const file = (relative: string) => vscode.Uri.joinPath(folder!.uri, ...relative.split('/'));
  const release = () => file('.release/release.yaml');
  const text = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  let api!: ReleasePlanApi;

  const test = async (name: string, body: () => Promise<void>) => {
    const started = Date.now();
    try {
      await body();
      passes += 1;
      lines.push(`  ✔ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failures += 1;
      lines.push(`  ✘ ${name}\n      ${error instanceof Error ? (error instanceof AssertionError ? error.message : (error.stack ?? error.message)) : String(error)}`);
    }
  };

  await test('the web entry runs (no `main`: the browser bundle), in a web worker', async () => {
    ok(folder, 'a folder is open');
    const extension = vscode.extensions.getExtension<ReleasePlanApi>(EXTENSION_ID);
    ok(extension, `${EXTENSION_ID} is installed`);
    equal(extension.packageJSON.main, undefined, 'the installed copy has no main');
    equal(extension.packageJSON.browser, './dist/web/extension.js', 'its browser entry');
    api = await extension.activate();
    await api.store.settled();
    equal(api.host, 'web', 'the entry that runs');
    // A web worker: no Node globals at all.
    equal([typeof (globalThis as { process?: unknown }).process, typeof (globalThis as { Buffer?: unknown }).Buffer, typeof (globalThis as { importScripts?: unknown }).importScripts], ['undefined', 'undefined', 'function'], 'process, Buffer, importScripts');
    lines.push(`      folder ${folder.uri.scheme}://${folder.uri.authority}${folder.uri.path}`);
  });

  await test('publishes owner-team-label on release.yaml at the owner value, and nothing else as an error', async () => {
    await waitFor(() => ours(release()).some((d) => codeOf(d) === 'owner-team-label'), 'owner-team-label');
    const errors = ours(release()).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    equal(errors.map((d) => [codeOf(d), describeRange(d.range)]), [['owner-team-label', describeRange(OWNER_RANGE)]], 'errors on release.yaml');
    equal(ours(file('.release/rollback.yaml')).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(codeOf), [], 'errors on rollback.yaml');
  });

  await test('the Release view: the release, its sections, tasks by status; the status bar', async () => {
    const roots = api.tree.getChildren();
    equal(roots.map((r) => r.label), ['basic-v1'], 'roots');
    const root = roots[0]!;
    equal(root.description, 'T-9 days · 1 error, 0 warnings', 'the root\'s description');
    equal(root.children?.map((c) => c.label), ['Problem', 'Roles', 'Tasks', 'Rollback readiness', 'Go/No-Go', 'Parked', 'History'], 'sections');
    const tasks = root.children?.find((c) => c.label === 'Tasks');
    equal(tasks?.children?.map((g: ReleaseNode) => `${g.label}:${g.description}`), ['Doing:1', 'To do:1'], 'task groups');
    const t1 = tasks?.children?.[0]?.children?.[0];
    equal([t1?.label, t1?.description], ['T1 PDF export endpoint', 'backend team · 1 problem'], 'T1');
    equal(api.statusBar.text, '$(rocket) basic-v1 · T-9 · 1 error', 'the status bar');
  });

  await test('the go/no-go verdict the dashboard shows: No-Go, because of the error', async () => {
    const plan = api.store.get(folder!);
    ok(plan, 'the folder has a checked plan');
    const state = dashboardState(folder!.name, plan.result, plan.generation, folder!.uri.toString(), api.history.note(folder!));
    ok(state.kind === 'plan', `a plan state, got ${state.kind}`);
    equal(state.health.verdict, 'no-go', 'the verdict');
    equal(state.summary.gonogo.questions.map((q) => q.verdict), EXPECTED_QUESTIONS, 'the five questions');
    lines.push(`      reasons: ${state.health.reasons.join(' | ')}`);
  });

  await test('the plan\'s history says plainly that it needs the desktop (history state, dashboard note, Show Plan History)', async () => {
    equal(await api.history.status(folder!), { kind: 'unavailable', why: 'web' }, 'the history state');
    equal(api.history.note(folder!), { state: 'unavailable', why: 'web' }, 'what the dashboard is told');
    const shown = await vscode.commands.executeCommand<{ shown: boolean; message?: string }>('releasePlan.showHistory', folder);
    equal(shown, { shown: false, message: 'Plan history is not available in the browser: it is read with Git, which needs the desktop VS Code. The checks, tree, dashboard and go/no-go work here; after a freeze, tasks without `added:` cannot be dated, so the go/no-go asks about them.' }, 'Show Plan History');
  });

  await test('without git history, tasks nothing dates after a passed freeze: question 1 needs an answer (never a pass by default), and the Problems panel says why', async () => {
    const document = await vscode.workspace.openTextDocument(release());
    await vscode.window.showTextDocument(document);
    equal(document.lineAt(5).text, 'roles:', 'the fixture');
    const edit = new vscode.WorkspaceEdit();
    // The scope froze on 1 June; today is 6 June; T1 and T2 have no `added:`.
    edit.insert(document.uri, new vscode.Position(5, 0), 'freeze:\n  scope: 2099-06-01\n');
    ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    const undated = await waitFor(() => ours(release()).find((d) => codeOf(d) === 'scope-added-unknown'), 'scope-added-unknown');
    equal([describeRange(undated.range), undated.severity], ['6:9-6:19', vscode.DiagnosticSeverity.Information], 'on freeze.scope, as information');
    equal(undated.relatedInformation?.map((r) => [r.message, describeRange(r.location.range)]), [['Task T1 has no valid `added:` date.', '13:8-13:10'], ['Task T2 has no valid `added:` date.', '17:8-17:10']], 'each task as related information');
    const plan = api.store.get(folder!);
    ok(plan, 'the folder has a checked plan');
    const state = dashboardState(folder!.name, plan.result, plan.generation, folder!.uri.toString(), api.history.note(folder!));
    ok(state.kind === 'plan', `a plan state, got ${state.kind}`);
    const first = state.summary.gonogo.questions[0];
    equal([first?.id, first?.verdict], ['one-problem', 'needs-answer'], 'question 1');
    equal(first?.reasons, ["The plan cannot tell whether scope grew after it froze on 2099-06-01 (freeze.scope): 2 tasks (T1, T2) have no valid `added:` date, and no commit in the plan's history dates them. Write the day each joined the release as `added:`."], 'its reason');
    await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
    await waitFor(() => !ours(release()).some((d) => codeOf(d) === 'scope-added-unknown'), 'scope-added-unknown to go with the revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  await test('re-checks on document events: an unsaved edit drops the error, a revert brings it back', async () => {
    const document = await vscode.workspace.openTextDocument(release());
    await vscode.window.showTextDocument(document);
    equal(document.getText(OWNER_RANGE), 'backend team', 'the fixture');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, OWNER_RANGE, 'Cy');
    ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    await waitFor(() => !ours(release()).some((d) => codeOf(d) === 'owner-team-label'), 'owner-team-label to go');
    await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
    await waitFor(() => ours(release()).some((d) => codeOf(d) === 'owner-team-label'), 'owner-team-label to come back');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  await test('a write through the guarded path (Assign Owner), then Refresh sees the file as it is on disk', async () => {
    const original = await text(release());
    try {
      await vscode.commands.executeCommand('releasePlan.assignOwner', { folder: folder!.uri, id: 'T1', owner: 'Cy' });
      const written = await text(release());
      equal(written.split('\n')[13], '    owner: Cy', 'line 14 of release.yaml on disk');
      equal(written.split('\n')[0], original.split('\n')[0], 'the first line (a comment) kept');
      await waitFor(() => !ours(release()).some((d) => codeOf(d) === 'owner-team-label'), 'owner-team-label to go');
      equal(api.statusBar.text, '$(rocket) basic-v1 · T-9 · ok', 'the status bar after the write');
    } finally {
      await vscode.workspace.fs.writeFile(release(), new TextEncoder().encode(original));
      await vscode.commands.executeCommand('workbench.action.files.revert', release());
    }
    // The open editor shows the disk's text once the revert has landed (in the web worker it can
    // lag the command); an open document's text is what a check reads, so wait for it first.
    await waitFor(() => {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === release().toString());
      return !doc || (!doc.isDirty && doc.getText() === original);
    }, 'the editor to show release.yaml as it is on disk');
    // Written behind the store's back with workspace.fs: the visible Refresh reads it again.
    await vscode.commands.executeCommand('releasePlan.refresh');
    await api.store.settled();
    equal(api.statusBar.text, '$(rocket) basic-v1 · T-9 · 1 error', 'the status bar after Refresh');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  lines.push('', `  ${passes} passing, ${failures} failing`);
  return { vscodeVersion: vscode.version, passes, failures, report: lines.join('\n') };
}

/** What the CLI on Node answers for the same fixture and day: `release-plan gonogo test/fixtures/basic --today 2099-06-06 --format json`. */
const EXPECTED_QUESTIONS: string[] = ['pass', 'fail', 'pass', 'needs-answer', 'pass'];
