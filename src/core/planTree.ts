import { decodePlanBytes } from './decode';
import { defineMessages, type Message, type MessageArg } from './message';
import { isPlanFilePath, type UnreadableReason } from './plan';
import { RELEASE_DIR } from './types';

/** Why a file or folder under `.release/` was not read. A file system's own words (`{reason}`) are a value. */
const messages = defineMessages({
  'file-unreadable/folder': 'This folder could not be read: {reason}.',
  'file-unreadable/file': 'This file could not be read: {reason}.',
  'file-unreadable/is-folder': 'This is a folder, not a file, so it was not read. Move what is inside it out, remove the folder and write {name} as a file.',
  'file-unreadable/not-a-folder': 'This should be a folder of dated files (e.g. {name}/2026-12-01.yaml), but it is a file, so it was not read. Move it away and create the folder.',
  'file-unreadable/not-regular': 'This is not a regular file (a device, socket or pipe), so it was not read. Replace it with a YAML file.',
  'file-unreadable/link': 'This is a symbolic link that cannot be followed, so it was not read. Fix or remove the link.',
  'file-unreadable/link-loop': 'This is a symbolic link that leads back to itself, so it was not read. Point it at a real file.',
  'file-unreadable/link-loop/to': 'This is a symbolic link that leads back to itself (to {target}), so it was not read. Point it at a real file.',
  'file-unreadable/link-missing': 'This is a symbolic link to {target} that does not exist, so it was not read. Fix or remove the link.',
  'file-unreadable/link-missing/somewhere': 'This is a symbolic link to a path that does not exist, so it was not read. Fix or remove the link.',
  'file-unreadable/link-broken': 'This is a symbolic link to {target} that cannot be followed ({reason}), so it was not read. Fix or remove the link.',
  'file-unreadable/link-broken/somewhere': 'This is a symbolic link to a path that cannot be followed ({reason}), so it was not read. Fix or remove the link.',
});

/**
 * Why a symbolic link cannot be followed, for a reader that can tell (the CLI): it leads back to
 * itself, its target does not exist, or following it failed for `reason` (the file system's words).
 * `target` is what the link says, when it can be read.
 */
export function brokenLinkReason(target: string | undefined, problem: { kind: 'loop' } | { kind: 'missing' } | { kind: 'failed'; reason: MessageArg }): Message {
  switch (problem.kind) {
    case 'loop':
      return target ? messages('file-unreadable/link-loop/to', { target }) : messages('file-unreadable/link-loop');
    case 'missing':
      return target !== undefined ? messages('file-unreadable/link-missing', { target }) : messages('file-unreadable/link-missing/somewhere');
    case 'failed':
      return target !== undefined ? messages('file-unreadable/link-broken', { target, reason: problem.reason }) : messages('file-unreadable/link-broken/somewhere', { reason: problem.reason });
  }
}

/** How deep below `.release/` plan files are looked for (`.release/a/b/c/file.yaml`). */
export const MAX_PLAN_DEPTH = 3;
const YAML_NAME = /\.ya?ml$/i;
/** Folders of dated records: as a file, or as a broken link, they are worth a finding. */
const DATED_DIR_NAME = /^(?:checkins|gonogo)$/i;

/** One entry of a folder, its kind resolved through symbolic links. */
export interface PlanTreeEntry {
  name: string;
  kind: 'file' | 'dir' | 'other' | 'broken-link';
  /** For a broken link: why it cannot be followed (see `brokenLinkReason`). */
  why?: UnreadableReason;
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
  /**
   * An error in the file system's words, e.g. "permission denied" or `NoPermissions`: shown as a
   * value inside a message (`This file could not be read: {reason}.`), never as one.
   */
  reason(error: unknown): MessageArg;
}

/** A folder's `.release/` as the engine takes it: each plan file's text, or why it cannot be read. */
export interface PlanTree {
  files: Map<string, string>;
  /** Why each file or folder that exists could not be read: what `checkPlan`'s `unreadable` takes. */
  unreadable: Map<string, UnreadableReason>;
  /** Files whose bytes begin with a UTF-8 byte-order mark (their text does not): a file written from one keeps it. */
  bom: Set<string>;
}

/**
 * Reads every plan file under `.release/` — the one reader of the CLI and the extension, so both
 * see the same files and say the same thing about the ones they cannot read (a folder where a file
 * belongs, a file where a folder of records belongs, a broken link, a device, bytes that are not
 * UTF-8). Only a failure to list `.release/` itself throws.
 */
export async function readPlanTree(fs: PlanTreeFs): Promise<PlanTree> {
  const tree: PlanTree = { files: new Map(), unreadable: new Map(), bom: new Set() };
  const notRead = (path: string, reason: UnreadableReason) => tree.unreadable.set(path, reason);

  async function walk(dir: string, depth: number): Promise<void> {
    let entries: PlanTreeEntry[];
    try {
      entries = await fs.list(dir);
    } catch (error) {
      if (depth === 0) throw error;
      notRead(dir, messages('file-unreadable/folder', { reason: fs.reason(error) }));
      return;
    }
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) await visit(`${dir}/${entry.name}`, entry, depth);
  }

  async function visit(path: string, entry: PlanTreeEntry, depth: number): Promise<void> {
    const { name, kind } = entry;
    const isPlanFile = isPlanFilePath(path);
    if (kind === 'broken-link') {
      if (isPlanFile || DATED_DIR_NAME.test(name)) notRead(path, entry.why ?? messages('file-unreadable/link'));
      return;
    }
    if (kind === 'dir') {
      if (YAML_NAME.test(name)) notRead(path, messages('file-unreadable/is-folder', { name }));
      else if (depth < MAX_PLAN_DEPTH) await walk(path, depth + 1);
      return;
    }
    if (DATED_DIR_NAME.test(name)) {
      notRead(path, messages('file-unreadable/not-a-folder', { name }));
      return;
    }
    if (!isPlanFile) return;
    if (kind === 'other') {
      notRead(path, messages('file-unreadable/not-regular'));
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = await fs.read(path);
    } catch (error) {
      notRead(path, messages('file-unreadable/file', { reason: fs.reason(error) }));
      return;
    }
    const decoded = decodePlanBytes(bytes);
    if (decoded.reason !== undefined) notRead(path, decoded.reason);
    else {
      tree.files.set(path, decoded.text);
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) tree.bom.add(path);
    }
  }

  await walk(RELEASE_DIR, 0);
  return tree;
}
