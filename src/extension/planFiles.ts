import * as vscode from 'vscode';
import { decodePlanBytes } from '../core/decode';
import { isPlanFilePath } from '../core/plan';
import { RELEASE_DIR } from '../core/types';

const MAX_DEPTH = 3;

/** True for a plan file inside some folder's `.release/` (the engine's own definition, `isPlanFilePath`). */
export function isPlanFile(uri: vscode.Uri): boolean {
  const at = uri.path.lastIndexOf(`/${RELEASE_DIR}/`);
  return at !== -1 && uri.path.slice(at + 1).split('/').length <= MAX_DEPTH + 2 && isPlanFilePath(uri.path.slice(at + 1));
}

/** The workspace-relative path the engine uses, e.g. `.release/release.yaml`. */
export function planPath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const root = folder.uri.path.replace(/\/$/, '');
  return uri.path.startsWith(`${root}/`) ? uri.path.slice(root.length + 1) : undefined;
}

export function planUri(folder: vscode.WorkspaceFolder, path: string): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...path.split('/'));
}

/**
 * Reads every YAML file under `<folder>/.release/` through `workspace.fs` (so virtual workspaces
 * work), taking the editor's text for open documents so unsaved edits are checked.
 */
export interface PlanSnapshot {
  files: Map<string, string>;
  /** The version of each open document at the moment its text was taken. */
  versions: Map<string, number>;
  /** Plan files that exist but could not be read (not UTF-8, a folder in a file's place), with why. */
  unreadable: Map<string, string>;
}

export async function readPlanFiles(folder: vscode.WorkspaceFolder): Promise<PlanSnapshot | undefined> {
  const root = vscode.Uri.joinPath(folder.uri, RELEASE_DIR);
  if (!(await isDirectory(root))) return undefined;
  const files = new Map<string, string>();
  const versions = new Map<string, number>();
  const unreadable = new Map<string, string>();
  const take = (path: string, doc: vscode.TextDocument) => {
    files.set(path, doc.getText());
    versions.set(doc.uri.toString(), doc.version);
  };
  // Looked up at read time, not before the awaits: an edit made meanwhile must be seen with its version.
  const openDocument = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());

  async function walk(dir: vscode.Uri, depth: number): Promise<void> {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return; // deleted while we read: the watcher schedules another pass
    }
    for (const [name, type] of entries) {
      const uri = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        const path = /\.ya?ml$/i.test(name) ? planPath(folder, uri) : undefined;
        if (path) unreadable.set(path, `This is a folder, not a file, so it was not read. Move what is inside it out, remove the folder and write ${name} as a file.`);
        else if (depth < MAX_DEPTH) await walk(uri, depth + 1);
      } else {
        const path = planPath(folder, uri);
        if (!path || !isPlanFilePath(path)) continue;
        const doc = openDocument(uri);
        if (doc) take(path, doc);
        else {
          try {
            const decoded = decodePlanBytes(await vscode.workspace.fs.readFile(uri));
            if (decoded.problem !== undefined) unreadable.set(path, decoded.problem);
            else files.set(path, decoded.text);
          } catch {
            // vanished between listing and reading
          }
        }
      }
    }
  }
  await walk(root, 0);
  // Open documents that are not on disk hold unsaved text that counts — but only if they have
  // unsaved changes: the clean tab of a deleted file is not a plan file any more (no ghosts).
  for (const doc of vscode.workspace.textDocuments) {
    const path = planPath(folder, doc.uri);
    if (path && isPlanFile(doc.uri) && !files.has(path) && !unreadable.has(path) && doc.uri.scheme === folder.uri.scheme && doc.isDirty) take(path, doc);
  }
  return { files, versions, unreadable };
}

async function isDirectory(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}
