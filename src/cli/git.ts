import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { decodePlanBytes } from '../core/decode';
import type { PlanVersion } from '../core/timeline';
import { RELEASE_FILE } from '../core/types';

/** Why the plan's history could not be read from git, in a sentence for the command line. */
export interface GitUnavailable {
  ok: false;
  reason: 'no-git' | 'not-a-repository' | 'failed';
  message: string;
}

export interface GitVersions {
  ok: true;
  /** The repository's top level. */
  root: string;
  /** release.yaml's path relative to `root`, forward slashes. */
  path: string;
  /** Committed versions, oldest first (empty when release.yaml was never committed). */
  versions: PlanVersion[];
}

/** At most this many versions are read (newest first): years of daily commits to one plan. */
export const MAX_VERSIONS = 2000;

/** Bytes git may print for one read (the versions' texts in one batch). */
const MAX_OUTPUT = 512 * 1024 * 1024;

/** Separators in `git log --format`: record (RS) and unit (US) separators, never in a hash, name or date. */
const RS = '\x1e';
const US = '\x1f';

interface Run {
  stdout: Buffer;
  stderr: string;
}

class GitError extends Error {
  constructor(
    readonly code: string | number | undefined,
    readonly stderr: string,
  ) {
    super(stderr.trim() || `git failed (${String(code)})`);
  }
}

/** Runs git without a shell; `input` goes to its stdin. Rejects with a GitError (its exit code, or ENOENT when git is not installed). */
function git(args: readonly string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', [...args], { encoding: 'buffer', maxBuffer: MAX_OUTPUT, windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } }, (error, stdout, stderr) => {
      const err = stderr.toString('utf8');
      if (error) reject(new GitError((error as NodeJS.ErrnoException).code ?? (error as { code?: number }).code, err));
      else resolve({ stdout, stderr: err });
    });
    child.stdin?.on('error', () => {
      // git exited before reading all of its input: the exit callback above reports it.
    });
    child.stdin?.end(input ?? '');
  });
}

/**
 * The committed versions of `<folder>/.release/release.yaml`, read with git from the repository
 * that contains `folder`: `git log --follow` (renames followed) for the commits, their authors and
 * author dates (YYYY-MM-DD), and the path the file had in each; then every version's text in one
 * `git cat-file --batch` (what `git show <commit>:<path>` prints, without a process per version).
 */
export async function readPlanVersions(folder: string, maxVersions = MAX_VERSIONS): Promise<GitVersions | GitUnavailable> {
  let root: string;
  try {
    root = (await git(['-C', folder, 'rev-parse', '--show-toplevel'])).stdout.toString('utf8').trim();
  } catch (error) {
    return unavailable(error);
  }
  // git prints the real path; the folder may be reached through a link (macOS's /tmp).
  let real: string;
  try {
    real = await realpath(folder);
  } catch {
    real = folder;
  }
  const path = relative(root, join(real, RELEASE_FILE)).split(sep).join('/');
  let log: string;
  try {
    log = (await git(['-C', root, 'log', '--follow', `--max-count=${maxVersions}`, `--format=${RS}%H${US}%an${US}%as`, '--name-only', '--', path])).stdout.toString('utf8');
  } catch (error) {
    // A repository without commits yet has no history: nothing to read, not a failure.
    if (error instanceof GitError && /does not have any commits|bad default revision|unknown revision/i.test(error.stderr)) return { ok: true, root, path, versions: [] };
    return unavailable(error);
  }
  const commits = log
    .split(RS)
    .filter((record) => record.trim() !== '')
    .flatMap((record) => {
      const [header = '', ...rest] = record.split('\n');
      const [commit = '', author = '', date = ''] = header.split(US);
      const at = rest.map((line) => line.trim()).find((line) => line !== '') ?? path;
      return /^[0-9a-f]{40,64}$/.test(commit) ? [{ commit, author, date, at }] : [];
    });
  if (commits.length === 0) return { ok: true, root, path, versions: [] };
  let texts: (string | undefined)[];
  try {
    texts = parseBatch((await git(['-C', root, 'cat-file', '--batch'], commits.map(({ commit, at }) => `${commit}:${at}\n`).join(''))).stdout, commits.length);
  } catch (error) {
    return unavailable(error);
  }
  const versions = commits.map(({ commit, author, date }, index) => ({ commit, author, date, text: texts[index] ?? '' }));
  return { ok: true, root, path, versions: versions.reverse() };
}

/**
 * `git cat-file --batch` output: per request `<oid> <type> <size>\n<content>\n`, or
 * `<name> missing\n` (the file deleted in that commit). Text as the plan reader decodes it (UTF-8,
 * a byte-order mark dropped); a version that is not text is empty (skipped by the timeline).
 */
function parseBatch(out: Buffer, count: number): (string | undefined)[] {
  const texts: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < count && at < out.length; i++) {
    const end = out.indexOf(0x0a, at);
    if (end === -1) break;
    const header = out.subarray(at, end).toString('utf8');
    at = end + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      texts.push(undefined);
      continue;
    }
    const size = Number(match[2]);
    const bytes = out.subarray(at, at + size);
    at += size + 1;
    const decoded = match[1] === 'blob' ? decodePlanBytes(new Uint8Array(bytes)) : undefined;
    texts.push(decoded?.text?.replace(/^\uFEFF/, ''));
  }
  return texts;
}

function unavailable(error: unknown): GitUnavailable {
  if (error instanceof GitError && error.code === 'ENOENT') return { ok: false, reason: 'no-git', message: 'git is not installed (or not on PATH), so the plan’s history cannot be read' };
  if (error instanceof GitError && /not a git repository/i.test(error.stderr)) return { ok: false, reason: 'not-a-repository', message: 'not inside a git repository' };
  const detail = error instanceof Error ? (error.message.split(/\r?\n/)[0] ?? '') : String(error);
  return { ok: false, reason: 'failed', message: `git could not read the plan’s history: ${detail}` };
}
