// What the CLI tests share: a captured Io (stdout/stderr lines, a fixed clock) and a writer of
// `.release/` files into a folder.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
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

const ROOT = resolve(__dirname, '../..');

/** Newest modification time of the TypeScript sources under src/. */
function newestSource(dir = join(ROOT, 'src')): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the named esbuild entries (`cli`, `mcp`) when one of their bundles under dist/ is missing
 * or older than a source: for tests that run the built bundles as processes.
 */
export async function buildIfStale(entries: readonly string[]): Promise<void> {
  const newest = newestSource();
  const stale = entries.some((entry) => {
    const bundle = join(ROOT, 'dist', `${entry}.js`);
    return !existsSync(bundle) || statSync(bundle).mtimeMs < newest;
  });
  if (stale) await promisify(execFile)(process.execPath, ['esbuild.config.mjs', `--only=${entries.join(',')}`], { cwd: ROOT });
}
