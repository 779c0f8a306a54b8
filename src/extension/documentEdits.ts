import * as vscode from 'vscode';
import type { EditResult, TextEdit } from '../core/edits';

export type WriteResult = { ok: true } | { ok: false; reason: string };

/** Turns core text edits (offsets) into a WorkspaceEdit on the open document. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const change of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.text);
  return edit;
}

/**
 * Edits a plan file through its document, so the change is undoable and keeps comments. Refuses
 * when the document changed since the caller read it (`expectedVersion`). A document that had no
 * unsaved changes is saved afterwards; one with unsaved changes is left for the user to save.
 */
export async function editPlanFile(uri: vscode.Uri, compute: (text: string) => EditResult, options: { expectedVersion?: number } = {}): Promise<WriteResult> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (options.expectedVersion !== undefined && document.version !== options.expectedVersion) {
    return { ok: false, reason: vscode.l10n.t('{0} changed since it was read; nothing was written. Try again.', basename(uri)) };
  }
  const wasDirty = document.isDirty;
  const result = compute(document.getText());
  if (!result.ok) return { ok: false, reason: vscode.l10n.t('Could not edit {0}: {1}.', basename(uri), result.reason) };
  if (!(await vscode.workspace.applyEdit(toWorkspaceEdit(document, result.edits)))) {
    return { ok: false, reason: vscode.l10n.t('VS Code refused the edit to {0}.', basename(uri)) };
  }
  if (!wasDirty) await document.save();
  return { ok: true };
}

/** Creates a new file with content, or refuses if it exists: never overwrites. */
export async function createPlanFile(uri: vscode.Uri, text: string): Promise<WriteResult> {
  if (await exists(uri)) return { ok: false, reason: vscode.l10n.t('{0} already exists; nothing was overwritten.', basename(uri)) };
  const edit = newFileEdit(uri, text);
  if (!(await vscode.workspace.applyEdit(edit))) return { ok: false, reason: vscode.l10n.t('Could not create {0}.', basename(uri)) };
  await (await vscode.workspace.openTextDocument(uri)).save();
  return { ok: true };
}

/** A new file with text, as one undoable edit (createFile's `contents` option fails in web hosts). */
export function newFileEdit(uri: vscode.Uri, text: string, edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  edit.createFile(uri, { ignoreIfExists: true });
  edit.insert(uri, new vscode.Position(0, 0), text);
  return edit;
}

/**
 * Writes a whole file: creates it if missing; otherwise replaces the document's text, unless it
 * has unsaved changes (then refuses rather than mixing the two).
 */
export async function writePlanFile(uri: vscode.Uri, text: string): Promise<WriteResult> {
  if (!(await exists(uri))) return createPlanFile(uri, text);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.isDirty) return { ok: false, reason: vscode.l10n.t('{0} has unsaved changes; save or revert them first.', basename(uri)) };
  return editPlanFile(uri, (current) => ({ ok: true, edits: [{ start: 0, end: current.length, text }] }), { expectedVersion: document.version });
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** Shows a refused write as a warning; returns whether the write happened. */
export function report(result: WriteResult): boolean {
  if (!result.ok) void vscode.window.showWarningMessage(result.reason);
  return result.ok;
}
