import * as vscode from 'vscode';
import { MAX_PLAN_DEPTH, readPlanTree } from '../core/planTree';
import { fsReasonMessage } from '../core/fsReasons';
import { isPlanFilePath, type UnreadableReason } from '../core/plan';
import { RELEASE_DIR } from '../core/types';



/** True for a plan file inside some folder's `.release/` (the engine's own definition, `isPlanFilePath`). */
export function isPlanFile(uri: vscode.Uri): boolean {
  const at = uri.path.lastIndexOf(`/${RELEASE_DIR}/`);
  return at !== -1 && uri.path.slice(at + 1).split('/').length <= MAX_PLAN_DEPTH + 2 && isPlanFilePath(uri.path.slice(at + 1));
}

/** The workspace-relative path the engine uses, e.g. `.release/release.yaml`. */
export function planPath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const root = folder.uri.path.replace(/\/$/, '');
  return uri.path.startsWith(`${root}/`) ? uri.path.slice(root.length + 1) : undefined;
}

export function planUri(folder: vscode.WorkspaceFolder, path: string): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}

/** What a folder's `.release/` holds on disk: each plan file's text, or why it cannot be read. */
export interface DiskPlan {
  files: Map<string, string>;
  /** Plan files that exist but could not be read (not UTF-8, a folder in a file's place), with why (a message). */
  unreadable: Map<string, UnreadableReason>;
  /** Files on disk that begin with a UTF-8 byte-order mark (see `PlanTree.bom`). */
  bom?: ReadonlySet<string>;
}

/** The texts a check reads: the disk, with the editor's text for open documents (unsaved edits count). */
export interface PlanSnapshot extends DiskPlan {
  /** The version of each open document at the moment its text was taken. */
  versions: Map<string, number>;
}

/**
 * Reads every plan file under `<folder>/.release/` through `workspace.fs` (so virtual workspaces
 * work). Undefined when the folder has no `.release/`. The plan store keeps the result until a
 * file-watcher event (or an explicit refresh) says the disk changed, so typing reads no files.
 */
export async function readDiskPlan(folder: vscode.WorkspaceFolder): Promise<DiskPlan | undefined> {
  if (!(await isDirectory(vscode.Uri.joinPath(folder.uri, RELEASE_DIR)))) return undefined;
  const at = (path: string) => planUri(folder, path);
  try {
    const tree = await readPlanTree({
      async list(dir) {
        return (await vscode.workspace.fs.readDirectory(at(dir))).map(([name, type]) => ({
          name,
          // A symbolic link reports its target's kind with the link bit; alone, the link is broken.
          kind: type & vscode.FileType.Directory ? 'dir' : type & vscode.FileType.File ? 'file' : type & vscode.FileType.SymbolicLink ? 'broken-link' : 'other',
        }));
      },
      read: (path) => Promise.resolve(vscode.workspace.fs.readFile(at(path))),
      // Plain words for the file system's code (`NoPermissions` → "permission denied"), else its own text as a value.
      reason: (error) => (error instanceof vscode.FileSystemError ? fsReasonMessage(error.code) : undefined) ?? (error instanceof Error ? error.message : String(error)),
    });
    return { files: tree.files, unreadable: tree.unreadable, bom: tree.bom };
  } catch {
    return undefined; // `.release/` vanished while it was read: the watcher schedules another pass
  }
}

/**
 * The snapshot a check reads: `disk` with every open plan document's current text and version on
 * top. An open document of a file on disk wins (its unsaved edits count; VS Code has decoded it).
 * An open document whose file is not on disk counts only with unsaved changes: the clean tab of a
 * deleted file is not a plan file any more (no ghosts).
 */
export function overlayOpenDocuments(folder: vscode.WorkspaceFolder, disk: DiskPlan): PlanSnapshot {
  const files = new Map(disk.files);
  const unreadable = new Map(disk.unreadable);
  const versions = new Map<string, number>();
  for (const doc of vscode.workspace.textDocuments) {
    const path = planPath(folder, doc.uri);
    if (!path || !isPlanFile(doc.uri) || doc.uri.scheme !== folder.uri.scheme) continue;
    const onDisk = disk.files.has(path) || disk.unreadable.has(path);
    if (!onDisk && !doc.isDirty) continue;
    files.set(path, doc.getText());
    unreadable.delete(path);
    versions.set(doc.uri.toString(), doc.version);
  }
  return { files, unreadable, versions, ...(disk.bom ? { bom: disk.bom } : {}) };
}

/** Reads a folder's plan now: the disk and the open documents. */
export async function readPlanFiles(folder: vscode.WorkspaceFolder): Promise<PlanSnapshot | undefined> {
  const disk = await readDiskPlan(folder);
  return disk && overlayOpenDocuments(folder, disk);
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}
