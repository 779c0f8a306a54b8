// The Language Model Tools as a chat agent reaches them: listed in `vscode.lm.tools` from the
// manifest, called through `vscode.lm.invokeTool` (no chat model needed), answered from the plan
// store's check. The writing tool's confirmation is VS Code's own dialog outside a chat, which
// this suite cannot click: its prepareInvocation and invoke are called as VS Code calls them,
// in that order, on the implementation the extension registered.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { api, file, readText, setText, Snapshot, waitFor } from './helpers';

const READ_ONLY = ['release-plan_status', 'release-plan_findings', 'release-plan_gonogo', 'release-plan_explainRule'];
const ALL = [...READ_ONLY, 'release-plan_assignOwner'];

function textOf(result: vscode.LanguageModelToolResult): string {
  return result.content
    .filter((part): part is vscode.LanguageModelTextPart => part instanceof vscode.LanguageModelTextPart)
    .map((part) => part.value)
    .join('');
}

/** The JSON data part, where the host has `LanguageModelDataPart` (VS Code after 1.100); undefined where it has not. */
function dataOf(result: vscode.LanguageModelToolResult): Record<string, unknown> | undefined {
  const part = result.content.find((p): p is { mimeType: string; data: Uint8Array } => typeof p === 'object' && p !== null && 'mimeType' in p && 'data' in p);
  return part ? (JSON.parse(new TextDecoder().decode(part.data)) as Record<string, unknown>) : undefined;
}

const hasDataParts = () => 'LanguageModelDataPart' in vscode;

async function invoke(name: string, input: object): Promise<vscode.LanguageModelToolResult> {
  return vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
}

describe('Language Model Tools', function () {
  this.timeout(30_000);
  const release = () => file('.release/release.yaml');
  const snapshot = new Snapshot();

  before(async () => {
    await api();
    await snapshot.take(release());
  });
  afterEach(async () => {
    await snapshot.restore();
    await (await api()).store.refreshAll();
  });

  it('vscode.lm.tools lists the five tools with their schemas and #references', async () => {
    const tools = await waitFor(() => {
      const ours = vscode.lm.tools.filter((tool) => tool.name.startsWith('release-plan_'));
      return ours.length === ALL.length && ours;
    }, 'the five release-plan tools in vscode.lm.tools');
    assert.deepEqual(tools.map((tool) => tool.name).sort(), [...ALL].sort());
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    const findings = byName.get('release-plan_findings')!;
    assert.deepEqual(Object.keys((findings.inputSchema as { properties: object }).properties), ['code', 'owner', 'file', 'severity', 'limit', 'folder']);
    assert.deepEqual((byName.get('release-plan_explainRule')!.inputSchema as { required: string[] }).required, ['code']);
    assert.deepEqual((byName.get('release-plan_assignOwner')!.inputSchema as { required: string[] }).required, ['task', 'owner']);
    assert.match(byName.get('release-plan_status')!.description, /T-minus/);
    assert.ok(byName.get('release-plan_status')!.tags.includes('read-only'));
  });

  it('release-plan_status: the release, T-minus and the verdict with its reasons, text and data', async () => {
    const result = await invoke('release-plan_status', { folder: 'basic' });
    const text = textOf(result);
    assert.match(text, /^Release: basic-v1$/m);
    assert.match(text, /^Target: 2099-06-15 \(T-9 days\)$/m);
    assert.match(text, /^Verdict: No-go$/m);
    assert.match(text, /^- Fails: Does every unfinished task have one named owner\?$/m);
    if (hasDataParts()) {
      const data = dataOf(result);
      assert.equal(data?.release, 'basic-v1');
      assert.equal(data?.daysLeft, 9);
      assert.equal(data?.verdict, 'no-go');
      assert.ok((data?.reasons as string[]).includes('Fails: Does every unfinished task have one named owner?'));
    }
  });

  it('the folder argument picks the plan of the multi-root window; without it the tool asks which', async () => {
    assert.match(textOf(await invoke('release-plan_status', { folder: 'second' })), /^Release: second-v1$/m);
    const second = vscode.workspace.workspaceFolders!.find((f) => f.name === 'second')!;
    assert.match(textOf(await invoke('release-plan_status', { folder: second.uri.fsPath })), /^Release: second-v1$/m);
    const unnamed = await invoke('release-plan_status', {});
    assert.equal(textOf(unnamed), 'Several open folders have a release plan: basic, second. Say which one with the folder argument.');
    if (hasDataParts()) assert.deepEqual(dataOf(unnamed), { error: 'folder-needed', folders: ['basic', 'second'], isError: true });
    assert.equal(textOf(await invoke('release-plan_status', { folder: 'third' })), 'No open folder with a release plan is called "third". The folders with a plan: basic, second.');
  });

  it('release-plan_findings: filtered by code and owner, with the rule summary', async () => {
    const result = await invoke('release-plan_findings', { folder: 'basic', code: 'owner-team-label' });
    const text = textOf(result);
    assert.match(text, /^\.release\/release\.yaml:14:12 error owner-team-label: "backend team" is a group, not a person\. Name one person for task T1\.$/m);
    assert.match(text, /^ {2}\(task T1, owner backend team\)$/m);
    assert.match(text, /^- owner-team-label: An owner names a group \("backend team", "QA"\), not a person\.$/m);
    if (hasDataParts()) {
      const data = dataOf(result) as { matching: number; findings: { code: string; line: number; column: number; task: object }[] };
      assert.equal(data.matching, 1);
      assert.deepEqual(data.findings.map((f) => [f.code, f.line, f.column, f.task]), [['owner-team-label', 14, 12, { id: 'T1', owner: 'backend team' }]]);
    }
    assert.match(textOf(await invoke('release-plan_findings', { folder: 'basic', owner: 'bo' })), /^No findings match \(checked as of 2099-06-06\)\.$/m);
  });

  it('release-plan_findings: a path to this folder\'s .release/ file is read from the folder; another folder\'s is an error naming the plan served (review 12b)', async () => {
    const basic = vscode.workspace.workspaceFolders!.find((folder) => folder.name === 'basic')!;
    const own = vscode.Uri.joinPath(basic.uri, '.release', 'release.yaml').fsPath;
    assert.match(textOf(await invoke('release-plan_findings', { folder: 'basic', file: own, code: 'owner-team-label' })), /^\.release\/release\.yaml:14:12 error owner-team-label: /m);
    const other = await invoke('release-plan_findings', { folder: 'basic', file: '../second/.release/release.yaml' });
    assert.ok(textOf(other).startsWith(`"../second/.release/release.yaml" is not a file of the plan served here, which is the one in ${basic.uri.fsPath}. Its files are: .release/release.yaml`), textOf(other));
    if (hasDataParts()) assert.deepEqual([dataOf(other)?.error, dataOf(other)?.plan], ['unknown-file', basic.uri.fsPath]);
  });

  it('release-plan_gonogo: the five questions with their verdicts and evidence', async () => {
    const text = textOf(await invoke('release-plan_gonogo', { folder: 'basic' }));
    const questions = text.split('\n').filter((line) => /^\d\. /.test(line));
    assert.deepEqual(questions, [
      '1. [PASS] Does this release solve one specific customer problem?',
      '2. [FAIL] Does every unfinished task have one named owner?',
      '3. [PASS] Can we roll back from one short, rehearsed runbook?',
      '4. [NEEDS AN ANSWER] Was the release path tested as one chain on a production-like setup?',
      '5. [PASS] Were stakeholders told what was cut?',
    ]);
    assert.match(text, /^ {3}- \.release\/release\.yaml:14:12 owner-team-label$/m);
    assert.match(text, /^Recommendation: NO-GO \(checked as of 2099-06-06\)\.$/m);
  });

  it('release-plan_explainRule: the rule\'s doc from docs/rules.md and its count in this plan', async () => {
    const result = await invoke('release-plan_explainRule', { folder: 'basic', code: 'owner-team-label' });
    const text = textOf(result);
    assert.match(text, /^owner-team-label: An owner names a group \("backend team", "QA"\), not a person\.$/m);
    assert.match(text, /^It reports 1 finding in this plan now/m);
    assert.match(text, /\*\*Why it matters\.\*\* "The backend team" owning a task/);
    if (hasDataParts()) assert.match(String(dataOf(result)?.documentation), /^\*\*Default: error\.\*\*/);
  });

  it('bad input gives an error result, not a throw into the host', async () => {
    const unknownCode = textOf(await invoke('release-plan_explainRule', { folder: 'basic', code: 'no-such-rule' }));
    assert.match(unknownCode, /^There is no rule code "no-such-rule"\. The codes are: /);
    const missing = textOf(await invoke('release-plan_explainRule', { folder: 'basic' }));
    assert.match(missing, /^Invalid arguments for release-plan_explainRule: code: /);
    const extra = await invoke('release-plan_findings', { folder: 'basic', limit: 0, colour: 'red' });
    assert.match(textOf(extra), /^Invalid arguments for release-plan_findings: /);
    if (hasDataParts()) assert.equal(dataOf(extra)?.error, 'invalid-arguments');
    const noTask = await invoke('release-plan_assignOwner', { folder: 'basic', task: 'T9', owner: 'Ana' });
    assert.equal(textOf(noTask), 'release.yaml has no task with the id "T9". The task ids: T1, T2.');
  });

  it('release-plan_assignOwner: confirms the exact change, then writes it through the guarded path', async () => {
    const { languageModelTools, store } = await api();
    const tool = languageModelTools.tools.get('release-plan_assignOwner')!;
    const input = { folder: 'basic', task: 'T2', owner: 'Ana' };
    const token = new vscode.CancellationTokenSource().token;
    const prepared = await tool.prepareInvocation!({ input }, token);
    assert.equal(prepared?.confirmationMessages?.title, 'Assign an owner?');
    assert.equal(prepared?.confirmationMessages?.message, 'Set the owner of T2 (Download button) to Ana in basic/.release/release.yaml. Its owner now: Bo.');
    const before = await readText(release());
    const result = (await tool.invoke({ input, toolInvocationToken: undefined }, token))!;
    assert.equal(textOf(result), 'T2 is now owned by Ana in basic/.release/release.yaml. Undo in the editor takes it back.');
    const after = await readText(release());
    assert.equal(after, before.replace('owner: Bo', 'owner: Ana'), 'only the owner changed; comments kept');
    assert.equal(parse(after).tasks[1].owner, 'Ana');
    // The store's check sees it: the next answer is about the plan as it is now.
    await store.settled();
    assert.equal(store.all().find((p) => p.folder.name === 'basic')?.result.context.tasks()[1]?.task.owner, 'Ana');
  });

  it('release-plan_assignOwner refuses when the task changed after the confirmation, and writes nothing', async () => {
    const { languageModelTools } = await api();
    const tool = languageModelTools.tools.get('release-plan_assignOwner')!;
    const input = { folder: 'basic', task: 'T2', owner: 'Ana' };
    const token = new vscode.CancellationTokenSource().token;
    const prepared = await tool.prepareInvocation!({ input }, token);
    assert.match(String(prepared?.confirmationMessages?.message), /^Set the owner of T2 \(Download button\) to Ana/);
    // While the dialog is open, someone renames T2.
    const renamed = (await readText(release())).replace('title: Download button', 'title: Download all invoices');
    await setText(release(), renamed, true);
    const result = (await tool.invoke({ input, toolInvocationToken: undefined }, token))!;
    assert.equal(textOf(result), 'Task T2 is now titled "Download all invoices", not "Download button"; nothing was written.');
    if (hasDataParts()) assert.equal(dataOf(result)?.error, 'refused');
    assert.equal(await readText(release()), renamed);
  });

  it('release-plan_assignOwner refuses when the owner changed after the confirmation (someone set one), and writes nothing (review 12b)', async () => {
    const { languageModelTools, store } = await api();
    const tool = languageModelTools.tools.get('release-plan_assignOwner')!;
    const token = new vscode.CancellationTokenSource().token;
    const original = await readText(release());
    const input = { folder: 'basic', task: 'T2', owner: 'Ana' };
    assert.equal((await tool.prepareInvocation!({ input }, token))?.confirmationMessages?.message, 'Set the owner of T2 (Download button) to Ana in basic/.release/release.yaml. Its owner now: Bo.');
    // While the dialog is open, someone makes Cy the owner.
    const toCy = original.replace('    owner: Bo\n', '    owner: Cy\n');
    assert.notEqual(toCy, original, 'the fixture has T2 owned by Bo');
    await setText(release(), toCy, true);
    const result = (await tool.invoke({ input, toolInvocationToken: undefined }, token))!;
    assert.equal(textOf(result), 'The owner of T2 is now Cy, not Bo as confirmed; nothing was written.');
    if (hasDataParts()) assert.deepEqual(dataOf(result), { error: 'owner-changed', task: 'T2', owner: 'Ana', confirmed: 'Bo', now: 'Cy', isError: true });
    assert.equal(await readText(release()), toCy);

    // No owner when confirmed, one set since: refused too.
    const unowned = original.replace('    owner: Bo\n', '');
    await setText(release(), unowned, true);
    await store.refreshAll();
    assert.equal((await tool.prepareInvocation!({ input }, token))?.confirmationMessages?.message, 'Set the owner of T2 (Download button) to Ana in basic/.release/release.yaml. It has no owner now.');
    await setText(release(), original, true);
    const second = (await tool.invoke({ input, toolInvocationToken: undefined }, token))!;
    assert.equal(textOf(second), 'The owner of T2 is now Bo; it had none when you confirmed. Nothing was written.');
    assert.equal(await readText(release()), original);

    // The owner as confirmed, the rest of the file changed (a comment added): written.
    await store.refreshAll();
    await tool.prepareInvocation!({ input }, token);
    const commented = original.replace('    owner: Bo\n', '    owner: Bo # asked Monday\n');
    await setText(release(), commented, true);
    const third = (await tool.invoke({ input, toolInvocationToken: undefined }, token))!;
    assert.equal(textOf(third), 'T2 is now owned by Ana in basic/.release/release.yaml. Undo in the editor takes it back.');
    assert.equal(await readText(release()), commented.replace('owner: Bo # asked Monday', 'owner: Ana # asked Monday'));
  });

  it('release-plan_assignOwner writes only a change the user confirmed: not one asked while the task was missing, nor one never asked (review of issue 12)', async () => {
    const { languageModelTools, store } = await api();
    const tool = languageModelTools.tools.get('release-plan_assignOwner')!;
    const token = new vscode.CancellationTokenSource().token;
    const original = await readText(release());
    // Asked while T2 is not in the plan: nothing to confirm, so no confirmation is shown…
    const withoutT2 = original.replace(/  - id: T2\n(    .*\n)*/, '');
    assert.notEqual(withoutT2, original, 'the fixture has T2');
    await setText(release(), withoutT2, true);
    await store.refreshAll();
    const input = { folder: 'basic', task: 'T2', owner: 'Mallory' };
    assert.deepEqual(await tool.prepareInvocation!({ input }, token), {});
    // …then T2 comes back (a pull, an undo) before VS Code invokes: nothing was confirmed, nothing is written.
    await setText(release(), original, true);
    await store.refreshAll();
    const result = (await tool.invoke({ input, toolInvocationToken: undefined }, token))!;
    assert.equal(textOf(result), 'Nothing was written: the change to T2 was not confirmed. Ask again, and confirm the change that is shown.');
    if (hasDataParts()) assert.equal(dataOf(result)?.error, 'not-confirmed');
    assert.equal(await readText(release()), original);
    // Invoked with no confirmation asked at all: the same.
    const unasked = (await tool.invoke({ input: { folder: 'basic', task: 'T1', owner: 'Cy' }, toolInvocationToken: undefined }, token))!;
    assert.match(textOf(unasked), /^Nothing was written: the change to T1 was not confirmed\./);
    assert.equal(await readText(release()), original);
  });

  it('release-plan_assignOwner: the confirmation names the owners it replaces as the file has them (a list too); an owner over two lines is refused (review of issue 12)', async () => {
    const { languageModelTools, store } = await api();
    const tool = languageModelTools.tools.get('release-plan_assignOwner')!;
    const token = new vscode.CancellationTokenSource().token;
    const listed = (await readText(release())).replace('    owner: Bo\n', '    owner: [Ana, Bo]\n');
    await setText(release(), listed, true);
    await store.refreshAll();
    const input = { folder: 'basic', task: 'T2', owner: 'Dee' };
    const prepared = await tool.prepareInvocation!({ input }, token);
    assert.equal(prepared?.confirmationMessages?.message, 'Set the owner of T2 (Download button) to Dee in basic/.release/release.yaml. Its owner now: Ana, Bo.');
    const written = (await tool.invoke({ input, toolInvocationToken: undefined }, token))!;
    assert.equal(textOf(written), 'T2 is now owned by Dee in basic/.release/release.yaml. Undo in the editor takes it back.');
    assert.equal(await readText(release()), listed.replace('owner: [Ana, Bo]', 'owner: Dee'));

    const before = await readText(release());
    const twoLines = { folder: 'basic', task: 'T2', owner: 'Dee\nEve' };
    assert.deepEqual(await tool.prepareInvocation!({ input: twoLines }, token), {});
    const refusedResult = (await tool.invoke({ input: twoLines, toolInvocationToken: undefined }, token))!;
    assert.equal(textOf(refusedResult), 'Invalid arguments for release-plan_assignOwner: owner must be the name of one person on one line, without line breaks or control characters.');
    assert.equal(await readText(release()), before);
    assert.equal(parse(before).tasks[1].owner, 'Dee');
  });

  it('release-plan_assignOwner through vscode.lm.invokeTool with bad input: an error result, no confirmation asked', async () => {
    const snapshotText = readText(release());
    const result = await invoke('release-plan_assignOwner', { folder: 'basic', task: 'T2' });
    assert.match(textOf(result), /^Invalid arguments for release-plan_assignOwner: owner: /);
    assert.equal(await readText(release()), await snapshotText);
  });
});
