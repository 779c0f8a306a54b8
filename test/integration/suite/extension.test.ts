// Integration tests: run inside a real VS Code extension host with the fixture workspace
// test/fixtures/basic open (see index.ts for how they are started).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'release-plan.release-plan';
const SOURCE = 'release-plan';

/** The rule code of a diagnostic, whether given as a string/number or as `{ value, target }`. */
function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => {
      const { start, end } = d.range;
      return `${codeOf(d)} [${vscode.DiagnosticSeverity[d.severity]}] ${start.line}:${start.character}-${end.line}:${end.character} ${d.source}: ${d.message}`;
    })
    .join('\n');
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Polls `check` until it returns true or `timeoutMs` passes; returns whether it became true. */
async function waitFor(check: () => boolean, timeoutMs = 10_000, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open (the fixture test/fixtures/basic)');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

// The value `backend team` of task T1's `owner:` (0-based line 13, characters 11 to 23).
const OWNER_RANGE = new vscode.Range(13, 11, 13, 23);

describe(`Release Plan in VS Code ${vscode.version}`, function () {
  this.timeout(30_000);

  let releaseFile: vscode.Uri;

  before(function () {
    releaseFile = workspaceFile('.release/release.yaml');
  });

  it('is installed and activates', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed`);
    await extension.activate();
    assert.equal(extension.isActive, true, 'extension is active');
    console.log(`    (VS Code ${vscode.version}, ${EXTENSION_ID} ${extension.packageJSON.version})`);
  });

  it('registers every command it contributes', async function () {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const contributed: { command: string }[] = extension.packageJSON.contributes?.commands ?? [];
    assert.ok(contributed.length > 0, 'package.json contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'every contributed command is registered');
  });

  it('publishes owner-team-label on release.yaml at the owner value', async function () {
    const found = await waitFor(() => ours(releaseFile).some((d) => codeOf(d) === 'owner-team-label'));
    const diagnostics = ours(releaseFile);
    assert.ok(found, `owner-team-label appears within 10 s; diagnostics now:\n${describeDiagnostics(diagnostics)}`);

    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(
      errors.map(codeOf),
      ['owner-team-label'],
      `exactly one error on release.yaml; diagnostics:\n${describeDiagnostics(diagnostics)}`,
    );
    const [diagnostic] = errors;
    assert.ok(diagnostic);
    assert.equal(diagnostic.source, SOURCE);
    assert.ok(
      diagnostic.range.isEqual(OWNER_RANGE),
      `range is 13:11-13:23 (the value "backend team"), got ${describeDiagnostics([diagnostic])}`,
    );
  });

  it('reports no errors on the complete rollback.yaml', async function () {
    const rollbackFile = workspaceFile('.release/rollback.yaml');
    const errors = ours(rollbackFile).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map(codeOf), [], describeDiagnostics(errors));
  });

  describe('live update while typing', function () {
    let document: vscode.TextDocument;

    before(async function () {
      document = await vscode.workspace.openTextDocument(releaseFile);
      await vscode.window.showTextDocument(document);
      assert.equal(document.getText(OWNER_RANGE), 'backend team', 'fixture has the team label');
    });

    after(async function () {
      // Leave the file as it was on disk, not dirty, whatever happened in the tests.
      if (document.getText(OWNER_RANGE) !== 'backend team' || document.isDirty) {
        await vscode.commands.executeCommand('workbench.action.files.revert', document.uri);
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('drops owner-team-label after a WorkspaceEdit names one person (unsaved)', async function () {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, OWNER_RANGE, 'Cy');
      assert.equal(await vscode.workspace.applyEdit(edit), true, 'edit applied');
      assert.equal(document.isDirty, true, 'the edit is not saved');
      assert.equal(document.lineAt(13).text, '    owner: Cy');

      const gone = await waitFor(() => !ours(releaseFile).some((d) => codeOf(d) === 'owner-team-label'));
      assert.ok(gone, `owner-team-label disappears within 10 s; diagnostics now:\n${describeDiagnostics(ours(releaseFile))}`);
    });

    it('brings owner-team-label back when the edit is undone', async function () {
      const editor = await vscode.window.showTextDocument(document);
      while (document.isDirty) {
        const version = document.version;
        await vscode.commands.executeCommand('undo');
        if (document.version === version) break; // nothing left to undo
      }
      assert.equal(document.getText(OWNER_RANGE), 'backend team', `undo restored the text in ${editor.document.fileName}`);
      assert.equal(document.isDirty, false, 'the document is clean again');

      const back = await waitFor(() => ours(releaseFile).some((d) => codeOf(d) === 'owner-team-label'));
      assert.ok(back, `owner-team-label is back within 10 s; diagnostics now:\n${describeDiagnostics(ours(releaseFile))}`);
    });
  });
});
