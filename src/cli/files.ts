import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, readlink, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { decodePlanBytes } from '../core/decode';
import { isPlanFilePath } from '../core/plan';
import { RELEASE_DIR } from '../core/types';
import { fsReason } from './fsErrors';

const MAX_DEPTH = 3;
const YAML_NAME = /\.ya?ml$/i;
/** Folders whose broken link is worth a finding (a broken link to anything else is not a plan file). */
const PLAN_DIR_NAME = /^(?:checkins|gonogo)$/i;

/** What the CLI read from `<folder>/.release/`, in the shape the engine takes. */
export interface PlanRead {
  /** Text of every readable YAML file, by path relative to the folder (forward slashes). */
  files: Map<string, string>;
  /** Files (or folders) that exist but could not be read, with the message saying why. */
  unreadable: Map<string, string>;
  /** Files reached through a symbolic link whose real path is outside the folder → that real path. */
  outside: Map<string, string>;
}

/**
 * Reads every YAML file under `<folder>/.release/`, following symbolic links to files and folders.
 * Only a failure to list `.release/` itself throws; every other problem is an `unreadable` entry.
 */
export async function readPlan(folder: string): Promise<PlanRead> {
  const read: PlanRead = { files: new Map(), unreadable: new Map(), outside: new Map() };
  const realFolder = await realpath(folder);
  const visited = new Set<string>();
  const planPath = (path: string) => relative(folder, path).split(sep).join('/');

  async function walk(dir: string, depth: number): Promise<void> {
    let entries: Dirent[];
    try {
      const real = await realpath(dir);
      // A link back to a parent would otherwise be walked until the depth limit.
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (depth === 0) throw error;
      read.unreadable.set(planPath(dir), `This folder could not be read: ${fsReason(error)}.`);
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      await visit(join(dir, entry.name), entry, depth);
    }
  }

  async function visit(path: string, entry: Dirent, depth: number): Promise<void> {
    const name = entry.name;
    const isPlanName = YAML_NAME.test(name);
    const isPlanFile = isPlanFilePath(planPath(path));
    let kind: 'file' | 'dir' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(path);
        kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
      } catch (error) {
        if (isPlanFile || PLAN_DIR_NAME.test(name)) read.unreadable.set(planPath(path), await brokenLinkMessage(path, error));
        return;
      }
    }
    if (kind === 'dir') {
      if (isPlanName) read.unreadable.set(planPath(path), `This is a folder, not a file, so it was not read. Move what is inside it out, remove the folder and write ${name} as a file.`);
      else if (depth < MAX_DEPTH) await walk(path, depth + 1);
      return;
    }
    if (PLAN_DIR_NAME.test(name)) {
      read.unreadable.set(planPath(path), `This should be a folder of dated files (e.g. ${name}/2026-12-01.yaml), but it is a file, so it was not read. Move it away and create the folder.`);
      return;
    }
    if (!isPlanFile) return;
    if (kind === 'other') {
      read.unreadable.set(planPath(path), 'This is not a regular file (a device, socket or pipe), so it was not read. Replace it with a YAML file.');
      return;
    }
    await readOne(path);
  }

  async function readOne(path: string): Promise<void> {
    const key = planPath(path);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      read.unreadable.set(key, `This file could not be read: ${fsReason(error)}.`);
      return;
    }
    const decoded = decodePlanBytes(bytes);
    if (decoded.problem !== undefined) read.unreadable.set(key, decoded.problem);
    else read.files.set(key, decoded.text);
    const real = await realpath(path).catch(() => path);
    if (!isInside(realFolder, real)) read.outside.set(key, real);
  }

  await walk(join(folder, RELEASE_DIR), 0);
  return read;
}

/** The text of every readable plan file (unreadable ones left out): for callers that need only text. */
export async function readPlanFiles(folder: string): Promise<Map<string, string>> {
  return (await readPlan(folder)).files;
}

async function brokenLinkMessage(path: string, error: unknown): Promise<string> {
  const target = await readlink(path).catch(() => undefined);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return `This is a symbolic link that leads back to itself${target ? ` (to ${target})` : ''}, so it was not read. Point it at a real file.`;
  return `This is a symbolic link to ${target ?? 'a path'} that ${code === 'ENOENT' ? 'does not exist' : `cannot be followed (${fsReason(error)})`}, so it was not read. Fix or remove the link.`;
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
