import * as vscode from 'vscode';
import type { EditResult, TextEdit } from '../core/edits';
import type { YamlPath } from '../core/source';
import { changedWhileAsked, hasIdentity, locateTarget, type PlanTarget } from '../core/targets';
import { RELEASE_DIR } from '../core/types';
import { planPath, readPlanFiles } from './planFiles';
import { localize } from './translate';

export type WriteResult = { ok: true } | { ok: false; reason: string };

/** Turns core text edits (offsets) into a WorkspaceEdit on the open document. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[], edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  for (const change of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.text);
  return edit;
}

/**
 * The one guarded write path. Every write of the extension — commands, quick fixes' files, the
 * dashboard, the rehearsal — goes through these functions, which (1) refuse in Restricted Mode,
 * (2) re-read the document just before the edit, (3) refuse when the target changed, and (4)
 * apply a `WorkspaceEdit` on the document, so the change is undoable and keeps comments.
 */
export function refuseUntrusted(): WriteResult | undefined {
  return vscode.workspace.isTrusted
    ? undefined
    : { ok: false, reason: vscode.l10n.t('This folder is in Restricted Mode, so Release Plan changes no files. Trust the folder to write to the plan.') };
}

/**
 * Edits a plan file through its document. Refuses when the document changed since the caller read
 * it (`expectedVersion`). A document that had no unsaved changes is saved afterwards; one with
 * unsaved changes is left for the user to save.
 */
export async function editPlanFile(uri: vscode.Uri, compute: (text: string) => EditResult, options: { expectedVersion?: number } = {}): Promise<WriteResult> {
  const untrusted = refuseUntrusted();
  if (untrusted) return untrusted;
  const document = await vscode.workspace.openTextDocument(uri);
  if (options.expectedVersion !== undefined && document.version !== options.expectedVersion) {
    return { ok: false, reason: vscode.l10n.t('{0} changed since it was read; nothing was written. Try again.', basename(uri)) };
  }
  return applyTo(document, compute(document.getText()));
}

/**
 * Edits the task or parked item `target` in release.yaml, wherever it is now. The target is
 * located again in the current text (by id and title, see `locateTarget`), so an edit made while a
 * prompt was open can never land on another task; it is refused when the target is gone, renamed
 * or ambiguous. A target known only by position is refused if the document changed at all since
 * `readVersion`.
 */
export async function editTarget(uri: vscode.Uri, target: PlanTarget, compute: (text: string, path: YamlPath) => EditResult, readVersion?: number): Promise<WriteResult> {
  const untrusted = refuseUntrusted();
  if (untrusted) return untrusted;
  const document = await vscode.workspace.openTextDocument(uri);
  if (!hasIdentity(target) && readVersion !== undefined && document.version !== readVersion) {
    return { ok: false, reason: localize(changedWhileAsked(basename(uri), target)) };
  }
  const text = document.getText();
  const located = locateTarget(text, target);
  if (!located.ok) return { ok: false, reason: vscode.l10n.t('{0}; nothing was written.', localize(located.reason)) };
  return applyTo(document, compute(text, located.path));
}

/** Applies computed edits to the document they were computed from, only if it has not changed since. */
async function applyTo(document: vscode.TextDocument, result: EditResult): Promise<WriteResult> {
  const name = basename(document.uri);
  if (!result.ok) return { ok: false, reason: vscode.l10n.t('Could not edit {0}: {1}.', name, localize(result.reason)) };
  const version = document.version;
  const wasDirty = document.isDirty;
  const edit = toWorkspaceEdit(document, result.edits);
  // Nothing awaits between reading the text and this check, but the document is re-checked anyway:
  // an edit computed for one version must never be applied to another.
  if (document.version !== version) return { ok: false, reason: vscode.l10n.t('{0} changed while the edit was prepared; nothing was written. Try again.', name) };
  if (!(await vscode.workspace.applyEdit(edit))) return { ok: false, reason: vscode.l10n.t('VS Code refused the edit to {0}.', name) };
  // A save can fail (the file on disk is newer, no permission): then the change is in the editor only.
  if (!wasDirty && !(await document.save())) return { ok: false, reason: vscode.l10n.t('The change to {0} is in the editor but could not be saved; save it yourself (Undo takes it back).', name) };
  return { ok: true };
}

/** Creates a new file with content, or refuses if it exists: never overwrites. */
export async function createPlanFile(uri: vscode.Uri, text: string): Promise<WriteResult> {
  const untrusted = refuseUntrusted();
  if (untrusted) return untrusted;
  if (await exists(uri)) return { ok: false, reason: vscode.l10n.t('{0} already exists; nothing was overwritten.', basename(uri)) };
  const edit = newFileEdit(uri, text);
  // The file may appear between the check and the edit: creation then fails as a whole.
  if (!(await vscode.workspace.applyEdit(edit))) return { ok: false, reason: vscode.l10n.t('Could not create {0} (does it exist now?); nothing was written.', basename(uri)) };
  await (await vscode.workspace.openTextDocument(uri)).save();
  return { ok: true };
}

/**
 * A new file with text, as one undoable edit that fails whole if the file exists (never
 * `ignoreIfExists` + insert, which would prepend to an existing file). `createFile`'s `contents`
 * option fails in web hosts, hence create + insert.
 */
export function newFileEdit(uri: vscode.Uri, text: string, edit = new vscode.WorkspaceEdit()): vscode.WorkspaceEdit {
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false });
  edit.insert(uri, new vscode.Position(0, 0), text);
  return edit;
}

/**
 * Writes a whole file: creates it if missing; otherwise replaces the document's text, unless it
 * has unsaved changes (then refuses rather than mixing the two).
 */
export async function writePlanFile(uri: vscode.Uri, text: string): Promise<WriteResult> {
  const untrusted = refuseUntrusted();
  if (untrusted) return untrusted;
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

/** Files and folders to move and files to create as one edit, with the texts they were planned from (core's `NextPlan`). */
export interface FileOperations {
  moves: readonly { from: string; to: string }[];
  creates: readonly { path: string; text: string }[];
  /** Every file the operations were computed from, by workspace-relative path, with its text then. */
  basis: ReadonlyMap<string, string>;
  /** Files whose bytes begin with a UTF-8 byte-order mark (their text does not): a copy of one keeps it. */
  bom?: ReadonlySet<string>;
}

/**
 * Moves files and folders and creates new files in a workspace folder as ONE `WorkspaceEdit`, so
 * one Undo puts everything back. A file that is moved and gets a new file in its place
 * (release.yaml, rollback.yaml) is copied to its new place and rewritten in place through its
 * document: git sees the same (the old text added at the new path, the file changed), and the
 * document keeps its undo history — a file renamed away and created again under the same name
 * would get a new document, and VS Code then drops the workspace undo step. Other moves (folders,
 * review.yaml) are `renameFile`s, new files `createFile`s; nothing is overwritten.
 *
 * Guarded like every write: refused in Restricted Mode; refused when a file to move or rewrite has
 * unsaved changes (save or revert first), when any file the operations were planned from reads
 * differently now (the disk, with open documents' text on top) or a file appeared in a folder to
 * move, and when a destination exists. The rewritten documents are saved afterwards.
 */
export async function applyFileOperations(folder: vscode.WorkspaceFolder, ops: FileOperations): Promise<WriteResult> {
  const untrusted = refuseUntrusted();
  if (untrusted) return untrusted;
  const at = (path: string) => vscode.Uri.joinPath(folder.uri, ...path.split('/'));
  const moved = (path: string) => ops.moves.some((move) => path === move.from || path.startsWith(`${move.from}/`));
  const replaced = new Set(ops.moves.filter((move) => ops.creates.some((create) => create.path === move.from)).map((move) => move.from));
  for (const document of vscode.workspace.textDocuments) {
    const path = planPath(folder, document.uri);
    if (path !== undefined && document.isDirty && (moved(path) || ops.creates.some((create) => create.path === path))) {
      return { ok: false, reason: vscode.l10n.t('{0} has unsaved changes; save or revert them first.', path) };
    }
  }
  for (const target of [...ops.moves.map((move) => move.to), ...ops.creates.filter((create) => !replaced.has(create.path)).map((create) => create.path)]) {
    if (await exists(at(target))) return { ok: false, reason: vscode.l10n.t('{0} already exists; nothing was moved or written.', target) };
  }
  // The documents rewritten in place, opened before the re-read, so the text compared is theirs.
  const documents = new Map<string, vscode.TextDocument>();
  for (const path of replaced) documents.set(path, await vscode.workspace.openTextDocument(at(path)));
  const now = await readPlanFiles(folder);
  const changed = !now
    ? RELEASE_DIR
    : ([...ops.basis].find(([path, text]) => now.files.get(path) !== text || (documents.has(path) && documents.get(path)?.getText() !== text))?.[0] ??
      [...now.files.keys()].find((path) => moved(path) && !ops.basis.has(path)));
  if (changed !== undefined) return { ok: false, reason: vscode.l10n.t('{0} changed since the plan was read; nothing was moved or written. Try again.', changed) };
  // Nothing awaits between the re-read above and the edit below.
  const edit = new vscode.WorkspaceEdit();
  for (const move of ops.moves) {
    const document = documents.get(move.from);
    if (document) edit.createFile(at(move.to), { overwrite: false, contents: new TextEncoder().encode(`${ops.bom?.has(move.from) ? '\uFEFF' : ''}${document.getText()}`) });
    else edit.renameFile(at(move.from), at(move.to), { overwrite: false });
  }
  for (const create of ops.creates) {
    const document = documents.get(create.path);
    // The document keeps its file's encoding (a byte-order mark stays on save): its text has none.
    if (document) edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), create.text.replace(/^\uFEFF/, ''));
    else edit.createFile(at(create.path), { overwrite: false, contents: new TextEncoder().encode(create.text) });
  }
  // VS Code carries out a WorkspaceEdit's file operations one by one and does not promise to undo
  // the first ones when a later one fails: say what may have happened, never "nothing".
  if (!(await vscode.workspace.applyEdit(edit))) {
    const where = [...new Set([...ops.moves.map((move) => move.to.slice(0, move.to.lastIndexOf('/'))), ...ops.creates.map((create) => create.path.slice(0, create.path.lastIndexOf('/')))])].sort();
    return { ok: false, reason: vscode.l10n.t('VS Code did not carry out all of the moves and new files; they may be partly applied: check {0}.', where.map((dir) => `${dir}/`).join(', ')) };
  }
  for (const [path, document] of documents) {
    if (!(await document.save())) return { ok: false, reason: vscode.l10n.t('The change to {0} is in the editor but could not be saved; save it yourself (Undo takes it back).', path) };
  }
  return { ok: true };
}
