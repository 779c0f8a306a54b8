// What the CLI tests share: a captured Io (stdout/stderr lines, a fixed clock) and a writer of
// `.release/` files into a folder.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Io } from '../../src/cli/main';
import { TODAY } from './helpers';

export interface Captured extends Io {
  stdout: string[];
  stderr: string[];
}

export function io(cwd: string, now = `${TODAY}T12:00:00Z`): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text), cwd, now: () => new Date(now) };
}

/** Writes each entry to `<folder>/.release/<name>`, making folders as needed. */
export async function writePlan(folder: string, entries: Record<string, string | Buffer>): Promise<void> {
  for (const [name, text] of Object.entries(entries)) {
    const path = join(folder, '.release', name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
}

/** A fresh temp folder for each test (handed to `use`), removed after it. */
export function freshDirEach(prefix: string, use: (dir: string) => void): void {
  let current = '';
  beforeEach(async () => {
    current = await mkdtemp(join(tmpdir(), prefix));
    use(current);
  });
  afterEach(async () => {
    await rm(current, { recursive: true, force: true });
  });
}
