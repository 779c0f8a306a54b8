// Shared by the feature suites: the extension's API, waiting, and putting fixture files back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exists } from '../../../src/extension/documentEdits';
import type { ReleasePlanApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'release-plan.release-plan';

export async function api(): Promise<ReleasePlanApi> {
  const extension = vscode.extensions.getExtension<ReleasePlanApi>(EXTENSION_ID);
  assert.ok(extension, 'the extension is installed');
  const exports = await extension.activate();
  await exports.store.settled();
  return exports;
}

export function file(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export { exists } from '../../../src/extension/documentEdits';

export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return code === undefined ? undefined : String(typeof code === 'object' ? code.value : code);
}

export function diagnostic(uri: vscode.Uri, code: string): vscode.Diagnostic | undefined {
  return vscode.languages.getDiagnostics(uri).find((d) => d.source === 'release-plan' && codeOf(d) === code);
}

/** Replaces a document's whole text through a WorkspaceEdit (unsaved unless `save`). */
export async function setText(uri: vscode.Uri, text: string, save = false): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
  if (save) await document.save();
  return document;
}

/** Remembers files and puts them back (content and saved state) after a test. */
export class Snapshot {
  private readonly saved = new Map<string, string | undefined>();

  async take(...uris: vscode.Uri[]): Promise<void> {
    for (const uri of uris) this.saved.set(uri.toString(), (await exists(uri)) ? await readText(uri) : undefined);
  }

  async restore(): Promise<void> {
    for (const [key, text] of this.saved) {
      const uri = vscode.Uri.parse(key);
      if (text === undefined) {
        if (await exists(uri)) {
          const edit = new vscode.WorkspaceEdit();
          edit.deleteFile(uri, { ignoreIfNotExists: true });
          await vscode.workspace.applyEdit(edit);
        }
        continue;
      }
      if (!(await exists(uri))) {
        const edit = new vscode.WorkspaceEdit();
        edit.createFile(uri, { contents: new TextEncoder().encode(text) });
        await vscode.workspace.applyEdit(edit);
      }
      const document = await vscode.workspace.openTextDocument(uri);
      if (document.getText() !== text) await setText(uri, text);
      if (document.isDirty) await document.save();
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
}
