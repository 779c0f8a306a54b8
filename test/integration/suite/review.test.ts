// Start Post-Release Review, driven the way a user reaches it on the basic fixture (checked as of
// Saturday 2099-06-06): refused before the launch, then — after Mark Release as Shipped records a
// launch three working days back — the review-missing warning's quick fix writes the prefilled
// review.yaml, opens it, and the rules flag its placeholders; a second run opens it and writes nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import type { Prompts } from '../../../src/extension/prompts';
import { api, diagnostic, exists, file, readText, Snapshot, waitFor } from './helpers';

const basic = () => vscode.workspace.workspaceFolders![0]!.uri;

/** Prompts that pick the basic folder when asked which release, and fail on anything else. */
function pickBasic(asked: string[]): Prompts {
  return {
    pick: async (items, options) => {
      asked.push(`pick: ${options.placeHolder ?? ''}`);
      return items.find((item) => item.label === vscode.workspace.getWorkspaceFolder(basic())?.name) as never;
    },
    input: async (options) => assert.fail(`unexpected input: ${options.prompt ?? ''}`),
    person: async (_people, placeHolder) => assert.fail(`unexpected person prompt: ${placeHolder}`),
  };
}

describe('Post-release review', function () {
  this.timeout(30_000);
  const release = () => file('.release/release.yaml');
  const review = () => file('.release/review.yaml');
  const snapshot = new Snapshot();

  before(async () => {
    assert.equal((await api()).store.today(), '2099-06-06');
    await snapshot.take(release(), review());
  });
  after(async () => {
    (await api()).setPrompts(undefined);
    await snapshot.restore();
    await (await api()).store.refresh(vscode.workspace.getWorkspaceFolder(basic())!);
  });

  it('is refused before the release went out: nothing is written', async () => {
    const asked: string[] = [];
    (await api()).setPrompts(pickBasic(asked));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // From the palette, with two folders open: it asks which release, then refuses.
    assert.equal(await vscode.commands.executeCommand('releasePlan.startReview'), undefined);
    assert.deepEqual(asked, ['pick: Which release?']);
    assert.equal(await exists(review()), false, 'no review.yaml');
  });

  it('after a launch, review-missing\'s quick fix writes the prefilled review.yaml and opens it; its placeholders are flagged', async () => {
    // Shipped on Tuesday 2099-06-02: Wednesday to Friday are three working days.
    assert.equal(await vscode.commands.executeCommand('releasePlan.markShipped', { folder: basic(), outcome: 'shipped', date: '2099-06-02', version: '1.5.0' }), true);
    const missing = await waitFor(() => diagnostic(release(), 'review-missing'), 'the review-missing warning');
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Warning);
    const document = await vscode.workspace.openTextDocument(release());
    assert.equal(document.lineAt(missing.range.start.line).text.trimEnd(), 'shipped:', 'on the shipped key');
    assert.match(missing.message, /^The release went out on 2099-06-02, 3 working days ago, and there is no post-release review yet\./);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', release(), missing.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Start the post-release review');
    assert.ok(fix?.command, `the quick fix is offered (got: ${actions.map((a) => a.title).join(', ')})`);
    const written = await vscode.commands.executeCommand<vscode.Uri>(fix.command.command, ...(fix.command.arguments ?? []));
    assert.equal(written?.toString(), review().toString());

    const text = await readText(review());
    assert.ok(text.startsWith('# Post-release review of basic-v1: shipped on 2099-06-02.\n# Drafted by Release Plan on 2099-06-06 from release.yaml, its git history and the daily check-ins.\n'), text.slice(0, 200));
    // The basic fixture is a git repository (run.mjs): the draft read its history through the Git extension.
    assert.ok(text.includes('\n# From the git history of release.yaml: allowed_by is who committed it; correct it if someone else allowed it.\n'), text.slice(0, 400));
    assert.deepEqual(parse(text), {
      scope_growth: [],
      pattern: 'TODO: the pattern behind the late work and the blockers, in one sentence',
      blocked: [],
      changed: [{ what: 'TODO: one thing the team changed, in one sentence', why: 'TODO: why it worked, in one sentence' }],
      keep: ['TODO: the planning window to keep, e.g. scope frozen 6 working days before target', 'Same release-readiness owner: Cy', 'Same rollback check: Cy verifies it, within 15 minutes'],
    });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), review().toString(), 'review.yaml is open');
    assert.equal(vscode.window.activeTextEditor?.document.isDirty, false, 'and saved');

    // The check sees the new file: review-missing is gone, each placeholder is a warning on its value.
    await waitFor(() => !diagnostic(release(), 'review-missing'), 'review-missing to clear');
    const flagged = await waitFor(() => {
      const found = vscode.languages.getDiagnostics(review()).filter((d) => d.source === 'release-plan');
      return found.length === 4 ? found.sort((a, b) => a.range.start.line - b.range.start.line) : undefined;
    }, 'four placeholder findings in review.yaml');
    const opened = await vscode.workspace.openTextDocument(review());
    assert.deepEqual(
      flagged.map((d) => [String(typeof d.code === 'object' ? d.code.value : d.code), d.severity, opened.getText(d.range)]),
      [
        ['placeholder-text', vscode.DiagnosticSeverity.Warning, '"TODO: the pattern behind the late work and the blockers, in one sentence"'],
        ['placeholder-text', vscode.DiagnosticSeverity.Warning, '"TODO: one thing the team changed, in one sentence"'],
        ['placeholder-text', vscode.DiagnosticSeverity.Warning, '"TODO: why it worked, in one sentence"'],
        ['placeholder-text', vscode.DiagnosticSeverity.Warning, '"TODO: the planning window to keep, e.g. scope frozen 6 working days before target"'],
      ],
    );
  });

  it('run again, it opens the existing review.yaml and writes nothing', async () => {
    const before = await readText(review());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const opened = await vscode.commands.executeCommand<vscode.Uri>('releasePlan.startReview', { folder: basic() });
    assert.equal(opened?.toString(), review().toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), review().toString());
    assert.equal(await readText(review()), before);
  });
});
