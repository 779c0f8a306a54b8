// Quick fixes, completion and hover, through VS Code's own provider commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, codeOf, diagnostic, exists, file, setText, Snapshot, waitFor } from './helpers';

/**
 * How many of the offered actions VS Code resolves before returning them. The provider returns
 * quick fixes without their edit (the lightbulb only needs titles) and makes the edit in
 * resolveCodeAction; `vscode.executeCodeActionProvider` resolves none unless told how many.
 */
const RESOLVE_ALL = 50;

async function fixesFor(uri: vscode.Uri, code: string, line?: number, resolve = RESOLVE_ALL): Promise<vscode.CodeAction[]> {
  const found = await waitFor(
    () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'release-plan' && codeOf(d) === code && (line === undefined || d.range.start.line === line)),
    `${code}${line === undefined ? '' : ` on line ${line}`} in ${uri.path}`,
  );
  await (await api()).store.settled();
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, found.range, vscode.CodeActionKind.QuickFix.value, resolve);
  // Only Release Plan contributes quick fixes for these files in the test bed.
  return actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
}

async function applyFix(action: vscode.CodeAction | undefined): Promise<void> {
  assert.ok(action?.edit, 'the quick fix carries a WorkspaceEdit');
  assert.ok(await vscode.workspace.applyEdit(action.edit), 'the quick fix applies');
}

describe('quick fixes, completion and hover', function () {
  this.timeout(30_000);
  const release = () => file('.release/release.yaml');
  const rollback = () => file('.release/rollback.yaml');
  const snapshot = new Snapshot();
  let original: string;

  before(async () => {
    await api();
    await snapshot.take(release(), rollback());
    original = (await vscode.workspace.openTextDocument(release())).getText();
  });
  afterEach(() => snapshot.restore());

  it('assigns an owner to a team-label task, keeps comments, and undo restores the text', async () => {
    const document = await vscode.workspace.openTextDocument(release());
    await vscode.window.showTextDocument(document);
    const actions = await fixesFor(release(), 'owner-team-label');
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Assign to Ana') && titles.includes('Assign to Bo'), `offers people: ${titles.join(' | ')}`);
    await applyFix(actions.find((a) => a.title === 'Assign to Bo'));
    const text = document.getText();
    assert.match(text, /^ {4}owner: Bo$/m);
    assert.ok(text.startsWith('# Fixture for integration tests\n'), 'the comment is kept');
    assert.equal(text.replace('owner: Bo\n    status: doing', 'owner: backend team\n    status: doing'), original, 'only the owner value changed');
    await waitFor(() => !diagnostic(release(), 'owner-team-label'), 'the finding to go away');
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'undo restores the original text');
  });

  it('offers fixes by title and makes the edit only when one is chosen (resolveCodeAction)', async () => {
    const assign = (actions: vscode.CodeAction[]) => actions.filter((a) => a.title.startsWith('Assign to '));
    const offered = assign(await fixesFor(release(), 'owner-team-label', undefined, 0));
    const titles = offered.map((a) => a.title);
    assert.ok(titles.includes('Assign to Bo'), `offers people: ${titles.join(' | ')}`);
    assert.deepEqual(offered.filter((a) => a.edit).map((a) => a.title), [], 'no edit is built for the lightbulb');
    assert.equal(offered[0]?.isPreferred, true, 'the first person is the preferred fix');
    const resolved = assign(await fixesFor(release(), 'owner-team-label'));
    assert.deepEqual(resolved.map((a) => a.title), titles, 'the same fixes, in the same order');
    assert.deepEqual(resolved.map((a) => a.isPreferred), offered.map((a) => a.isPreferred));
    assert.ok(resolved.every((a) => a.edit && a.edit.size > 0), 'each chosen fix carries its edit');
  });

  it('keeps one of several owners', async () => {
    await setText(release(), original.replace('owner: backend team', 'owner: Ana and Bo'));
    const actions = await fixesFor(release(), 'owner-multiple');
    assert.deepEqual(actions.map((a) => a.title), ['Keep Ana as the one owner', 'Keep Bo as the one owner']);
    await applyFix(actions[1]);
    assert.equal(parse((await vscode.workspace.openTextDocument(release())).getText()).tasks[0].owner, 'Bo');
  });

  it('assigns a person to a role held by a group, in place', async () => {
    await setText(release(), original.replace('  scope: Ana\n', '  scope: product team\n'));
    // T1's owner is a team label too: ask for the finding on the roles.scope line (0-based 6).
    const actions = await fixesFor(release(), 'owner-team-label', 6);
    await applyFix(actions.find((a) => a.title === 'Assign to Cy'));
    const text = (await vscode.workspace.openTextDocument(release())).getText();
    assert.equal(parse(text).roles.scope, 'Cy');
    assert.match(text, /roles:\n {2}scope: Cy\n {2}delivery: Bo\n/);
  });

  it('adds a backup date one week after target', async () => {
    await setText(release(), original.replace('backup: 2099-06-22\n', ''));
    const actions = await fixesFor(release(), 'date-backup-missing');
    assert.equal(actions[0]?.title, 'Add backup date 2099-06-22 (one week after target)');
    await applyFix(actions[0]);
    const data = parse((await vscode.workspace.openTextDocument(release())).getText());
    assert.equal(data.backup, '2099-06-22');
  });

  it('adds a missing role key', async () => {
    await setText(release(), original.replace('  stop: Ana\n', ''));
    const actions = await fixesFor(release(), 'role-missing');
    assert.ok(actions.length >= 3, 'one action per candidate');
    await applyFix(actions.find((a) => a.title === 'Set roles.stop to Cy'));
    const text = (await vscode.workspace.openTextDocument(release())).getText();
    assert.match(text, /readiness: Cy\n {2}stop: Cy\ntasks:/);
  });

  it('adds a rollback line to a migration task', async () => {
    await setText(release(), original.replace('    owner: Bo\n    status: todo', '    owner: Bo\n    status: todo\n    risk: [migration]'));
    const actions = await fixesFor(release(), 'migration-no-rollback');
    await applyFix(actions[0]);
    const document = await vscode.workspace.openTextDocument(release());
    const data = parse(document.getText());
    assert.match(data.tasks[1].rollback, /^TODO: .*undone/);
    // The fix writes a placeholder on purpose: the error stays until a person writes the real line.
    await waitFor(() => diagnostic(release(), 'migration-no-rollback')?.message.includes('placeholder'), 'the finding to say the rollback line is a placeholder');
    await setText(release(), document.getText().replace(/rollback: .*$/m, 'rollback: down migration tested on a copy'));
    await waitFor(() => !diagnostic(release(), 'migration-no-rollback'), 'the finding to go away once the line is real');
  });

  it('names who clears the blocker of a blocked task', async () => {
    await setText(release(), original.replace('    owner: Bo\n    status: todo', '    owner: Bo\n    status: blocked\n    blocker: waiting for the API key'));
    const actions = await fixesFor(release(), 'task-blocked-unowned');
    assert.ok(actions.some((a) => a.title === 'Cy clears the blocker'), actions.map((a) => a.title).join(' | '));
    await applyFix(actions.find((a) => a.title === 'Cy clears the blocker'));
    const text = (await vscode.workspace.openTextDocument(release())).getText();
    assert.equal(parse(text).tasks[1].clears, 'Cy');
    assert.match(text, /blocker: waiting for the API key\n {4}clears: Cy\n/);
    await waitFor(() => !diagnostic(release(), 'task-blocked-unowned'), 'the finding to go away');
  });

  it('hands verifying the rollback to someone other than the one who decides and runs it', async () => {
    const runbook = (await vscode.workspace.openTextDocument(rollback())).getText();
    await setText(rollback(), runbook.replace('  runs: Bo\n  verifies: Cy\n', '  runs: Ana\n  verifies: Ana\n'));
    const actions = await fixesFor(rollback(), 'rollback-roles-one-person');
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Set roles.verifies to Bo') && !titles.some((t) => t.endsWith(' Ana')), titles.join(' | '));
    await applyFix(actions.find((a) => a.title === 'Set roles.verifies to Bo'));
    assert.equal(parse((await vscode.workspace.openTextDocument(rollback())).getText()).roles.verifies, 'Bo');
    await waitFor(() => !diagnostic(rollback(), 'rollback-roles-one-person'), 'the finding to go away');
  });

  it('corrects a misspelled field to the one it was meant to be ("did you mean owner?")', async () => {
    await setText(release(), original.replace('    owner: Bo\n', '    onwer: Bo # who\n'));
    const found = await waitFor(() => vscode.languages.getDiagnostics(release()).find((d) => codeOf(d) === 'schema' && d.message.includes('did you mean `owner`')), 'the schema finding with its suggestion');
    const actions = await fixesFor(release(), 'schema', found.range.start.line);
    assert.equal(actions[0]?.title, 'Change to owner');
    await applyFix(actions[0]);
    assert.match((await vscode.workspace.openTextDocument(release())).getText(), /^ {4}owner: Bo # who$/m);
    await waitFor(() => !diagnostic(release(), 'schema'), 'the schema finding to go away');
  });

  it('renames a misnamed plan file (team.yml → team.yaml), undoably', async () => {
    const misnamed = file('.release/team.yml');
    const proper = file('.release/team.yaml');
    await snapshot.take(misnamed, proper);
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(misnamed, { contents: new TextEncoder().encode('people:\n  - name: Ana\n  - name: Bo\n  - name: Cy\n') });
    assert.ok(await vscode.workspace.applyEdit(edit));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(misnamed));
    const actions = await fixesFor(misnamed, 'file-misnamed');
    assert.equal(actions[0]?.title, 'Rename to team.yaml');
    await applyFix(actions[0]);
    await waitFor(() => !diagnostic(misnamed, 'file-misnamed'), 'the finding to go away');
    assert.ok((await exists(proper)) && !(await exists(misnamed)), 'team.yml was renamed to team.yaml');
  });

  it('marks a parked item as told today', async () => {
    const { store } = await api();
    await setText(release(), `${original}parked:\n  - title: CSV export\n    asked_by: Dee\n    told: false\n`);
    const actions = await fixesFor(release(), 'parked-not-told');
    await applyFix(actions[0]);
    const data = parse((await vscode.workspace.openTextDocument(release())).getText());
    assert.equal(data.parked[0].told, store.today());
  });

  it('creates rollback.yaml from a template when it is missing', async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.deleteFile(rollback());
    assert.ok(await vscode.workspace.applyEdit(edit));
    const actions = await fixesFor(release(), 'rollback-missing');
    await applyFix(actions[0]);
    assert.ok(await exists(rollback()), 'rollback.yaml exists again');
    const created = await vscode.workspace.openTextDocument(rollback());
    assert.match(created.getText(), /^# How to get back to the last known good version/);
    await created.save();
    await waitFor(() => !diagnostic(release(), 'rollback-missing'), 'rollback-missing to clear');
  });

  it('completes owner names, statuses and dates', async () => {
    const { store } = await api();
    const document = await setText(release(), original.replace('owner: backend team', 'owner: '));
    const ownerLine = document.getText().split('\n').findIndex((line) => line === '    owner: ');
    const owners = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', release(), new vscode.Position(ownerLine, 11));
    const labels = owners.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const name of ['Ana', 'Bo', 'Cy']) assert.ok(labels.includes(name), `offers ${name}: ${labels.slice(0, 20).join(', ')}`);
    const statusLine = document.getText().split('\n').findIndex((line) => line === '    status: doing');
    const statuses = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', release(), new vscode.Position(statusLine, 12));
    const statusLabels = statuses.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(['todo', 'doing', 'blocked', 'done'].every((s) => statusLabels.includes(s)), statusLabels.join(', '));
    const targetLine = document.getText().split('\n').findIndex((line) => line.startsWith('target: '));
    const dates = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', release(), new vscode.Position(targetLine, 8));
    assert.ok(dates.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === store.today()), 'offers today');
  });

  it('shows a person\'s open tasks and roles on hover', async () => {
    const document = await vscode.workspace.openTextDocument(release());
    const line = document.getText().split('\n').findIndex((text) => text === '    owner: Bo');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', release(), new vscode.Position(line, 12));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Bo/);
    assert.match(text, /T2 Download button/);
    assert.match(text, /delivery/);
  });
});
