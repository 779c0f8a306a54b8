import { decodePlanBytes } from './decode';
import { isPlanFilePath } from './plan';
import { RELEASE_DIR } from './types';

/** How deep below `.release/` plan files are looked for (`.release/a/b/c/file.yaml`). */
export const MAX_PLAN_DEPTH = 3;
const YAML_NAME = /\.ya?ml$/i;
/** Folders of dated records: as a file, or as a broken link, they are worth a finding. */
const DATED_DIR_NAME = /^(?:checkins|gonogo)$/i;

/** One entry of a folder, its kind resolved through symbolic links. */
export interface PlanTreeEntry {
  name: string;
  kind: 'file' | 'dir' | 'other' | 'broken-link';
  /** For a broken link: why it cannot be followed, in words. */
  why?: string;
}

/**
 * What the walker needs from a file system — Node's for the CLI, `workspace.fs` for the extension.
 * Paths are relative to the checked folder, with forward slashes (`.release/checkins`).
 */
export interface PlanTreeFs {
  /** The folder's entries; throws when it cannot be listed. May return [] for a folder already walked (a link loop). */
  list(dir: string): Promise<PlanTreeEntry[]>;
  /** The file's bytes; throws when it cannot be read. */
  read(path: string): Promise<Uint8Array>;
  /** An error in words, e.g. "permission denied". */
  reason(error: unknown): string;
}

/** A folder's `.release/` as the engine takes it: each plan file's text, or why it cannot be read. */
export interface PlanTree {
  files: Map<string, string>;
  unreadable: Map<string, string>;
}

/**
 * Reads every plan file under `.release/` — the one reader of the CLI and the extension, so both
 * see the same files and say the same thing about the ones they cannot read (a folder where a file
 * belongs, a file where a folder of records belongs, a broken link, a device, bytes that are not
 * UTF-8). Only a failure to list `.release/` itself throws.
 */
export async function readPlanTree(fs: PlanTreeFs): Promise<PlanTree> {
  const tree: PlanTree = { files: new Map(), unreadable: new Map() };

  async function walk(dir: string, depth: number): Promise<void> {
    let entries: PlanTreeEntry[];
    try {
      entries = await fs.list(dir);
    } catch (error) {
      if (depth === 0) throw error;
      tree.unreadable.set(dir, `This folder could not be read: ${fs.reason(error)}.`);
      return;
    }
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) await visit(`${dir}/${entry.name}`, entry, depth);
  }

  async function visit(path: string, entry: PlanTreeEntry, depth: number): Promise<void> {
    const { name, kind } = entry;
    const isPlanFile = isPlanFilePath(path);
    if (kind === 'broken-link') {
      if (isPlanFile || DATED_DIR_NAME.test(name)) tree.unreadable.set(path, entry.why ?? 'This is a symbolic link that cannot be followed, so it was not read. Fix or remove the link.');
      return;
    }
    if (kind === 'dir') {
      if (YAML_NAME.test(name)) tree.unreadable.set(path, `This is a folder, not a file, so it was not read. Move what is inside it out, remove the folder and write ${name} as a file.`);
      else if (depth < MAX_PLAN_DEPTH) await walk(path, depth + 1);
      return;
    }
    if (DATED_DIR_NAME.test(name)) {
      tree.unreadable.set(path, `This should be a folder of dated files (e.g. ${name}/2026-12-01.yaml), but it is a file, so it was not read. Move it away and create the folder.`);
      return;
    }
    if (!isPlanFile) return;
    if (kind === 'other') {
      tree.unreadable.set(path, 'This is not a regular file (a device, socket or pipe), so it was not read. Replace it with a YAML file.');
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = await fs.read(path);
    } catch (error) {
      tree.unreadable.set(path, `This file could not be read: ${fs.reason(error)}.`);
      return;
    }
    const decoded = decodePlanBytes(bytes);
    if (decoded.problem !== undefined) tree.unreadable.set(path, decoded.problem);
    else tree.files.set(path, decoded.text);
  }

  await walk(RELEASE_DIR, 0);
  return tree;
}
