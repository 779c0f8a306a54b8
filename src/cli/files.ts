import { readdir, readFile, realpath, readlink, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Message } from '../core/message';
import type { UnreadableReason } from '../core/plan';
import { brokenLinkReason, readPlanTree, type PlanTreeEntry } from '../core/planTree';
import { fsReasonArg } from './fsErrors';

/** What the CLI read from `<folder>/.release/`, in the shape the engine takes. */
export interface PlanRead {
  /** Text of every readable YAML file, by path relative to the folder (forward slashes). */
  files: Map<string, string>;
  /** Files (or folders) that exist but could not be read, with the message saying why: what `checkPlan` takes. */
  unreadable: Map<string, UnreadableReason>;
  /** Files whose bytes begin with a UTF-8 byte-order mark (their text does not). */
  bom: Set<string>;
  /** Files reached through a symbolic link whose real path is outside the folder → that real path. */
  outside: Map<string, string>;
}

/**
 * Reads every plan file under `<folder>/.release/` with the engine's one reader (`readPlanTree`),
 * through Node's file system: symbolic links to files and folders are followed (a link back to a
 * folder already walked is not walked again), and a file whose real path is outside the folder is
 * noted. Only a failure to list `.release/` itself throws.
 */
export async function readPlan(folder: string): Promise<PlanRead> {
  const realFolder = await realpath(folder);
  const visited = new Set<string>();
  const outside = new Map<string, string>();
  const full = (path: string) => join(folder, ...path.split('/'));

  const tree = await readPlanTree({
    async list(dir) {
      const real = await realpath(full(dir));
      if (visited.has(real)) return []; // a link back to a parent would otherwise be walked to the depth limit
      visited.add(real);
      const entries = await readdir(full(dir), { withFileTypes: true });
      return Promise.all(
        entries.map(async (entry): Promise<PlanTreeEntry> => {
          const kind = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
          if (!entry.isSymbolicLink()) return { name: entry.name, kind };
          const path = join(full(dir), entry.name);
          try {
            const target = await stat(path);
            return { name: entry.name, kind: target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other' };
          } catch (error) {
            return { name: entry.name, kind: 'broken-link', why: await brokenLinkMessage(path, error) };
          }
        }),
      );
    },
    async read(path) {
      const bytes = await readFile(full(path));
      const real = await realpath(full(path)).catch(() => full(path));
      if (!isInside(realFolder, real)) outside.set(path, real);
      return bytes;
    },
    reason: fsReasonArg,
  });
  return { ...tree, outside };
}

/** The text of every readable plan file (unreadable ones left out): for callers that need only text. */
export async function readPlanFiles(folder: string): Promise<Map<string, string>> {
  return (await readPlan(folder)).files;
}

async function brokenLinkMessage(path: string, error: unknown): Promise<Message> {
  const target = await readlink(path).catch(() => undefined);
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return brokenLinkReason(target, { kind: 'loop' });
  return brokenLinkReason(target, code === 'ENOENT' ? { kind: 'missing' } : { kind: 'failed', reason: fsReasonArg(error) });
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
