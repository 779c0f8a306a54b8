/**
 * The one reader of the plan's history from git, shared by the CLI and the extension: it builds the
 * git command lines and parses what git prints; the host only runs git (`run`). Both therefore see
 * the same versions, the same days (the committer's own date: when the main line got the change), the
 * same limit and the same renames. Who made a change is its author.
 *
 * What is read: the first-parent chain of HEAD (what the main line saw), the commits on it where
 * release.yaml's content changed — a merge that brought changes counts, with the person who merged
 * it as its author — following renames of the file or its folder. No node imports: pure over `run`.
 */
import { decodePlanBytes } from './decode';
import type { PlanVersion, Truncation } from './timeline';

export type { Truncation } from './timeline';
import { RELEASE_DIR, RELEASE_FILE } from './types';

/**
 * Runs git with `args` (no shell) and `input` on its stdin, resolving to what it printed on stdout.
 * Rejects with a `GitRunFailure` (git's exit code, or `'ENOENT'` when git could not be started).
 */
export type GitRun = (args: readonly string[], input?: string) => Promise<Uint8Array>;

/** How a `GitRun` rejects. */
export interface GitRunFailure {
  code?: string | number;
  stderr?: string;
  message?: string;
  /** What git printed on stdout before it failed (`cat-file --batch` stops at an object a partial clone lacks). */
  stdout?: Uint8Array;
}

/**
 * The environment both runners add for git: English messages (the reader tells "not a repository"
 * and "no commits yet" apart by them), no optional locks, and never the network or a prompt — a
 * partial clone does not fetch a missing object (`GIT_NO_LAZY_FETCH`: it is unknown, see
 * `readPlanVersions`), and nothing asks for credentials.
 */
export const GIT_ENV: Readonly<Record<string, string>> = {
  LC_ALL: 'C',
  GIT_OPTIONAL_LOCKS: '0',
  GIT_NO_LAZY_FETCH: '1',
  GIT_TERMINAL_PROMPT: '0',
  GIT_ASKPASS: '',
  GCM_INTERACTIVE: 'never',
};

/** Why the plan's history could not be read from git, in a sentence. */
export interface GitUnavailable {
  ok: false;
  reason: 'no-git' | 'not-a-repository' | 'failed';
  message: string;
  /** For `failed`: git's own first line of complaint. */
  detail?: string;
}

export interface GitVersions {
  ok: true;
  /** The repository's top level, as git prints it. */
  root: string;
  /** release.yaml's path relative to `root`, forward slashes. */
  path: string;
  /** Committed versions, oldest first (empty when release.yaml was never committed). */
  versions: PlanVersion[];
  /**
   * Set when the history read is cut off: older versions exist but were not read — the clone is
   * shallow and the oldest version's commit has parents it does not hold (`shallow`), or the
   * version limit was hit (`limit`). `commit` and `date` are the oldest version read's.
   */
  truncated?: Truncation;
}

/**
 * At most this many versions are read (the newest): years of plan commits. One limit for the CLI
 * and the extension (which reads again on every HEAD change, so it is kept modest).
 */
export const MAX_VERSIONS = 500;

/** Separators in `git log --format`: record (RS) and unit (US) separators, never in a hash, name or date. */
const RS = 0x1e;
const US = '\x1f';
const NUL = 0x00;
const ZERO_OID = /^0+$/;

/** Git's options for every command: paths unquoted (raw UTF-8), no optional locks taken. */
const BASE = ['-c', 'core.quotePath=false', '--no-optional-locks'];

/**
 * `git rev-parse` in `folder` (the plan's `.release` folder, see `readPlanVersions`): the
 * repository's top level, the folder's path inside it, and whether the clone is shallow.
 */
export function locateArgs(folder: string): string[] {
  return [...BASE, '-C', folder, 'rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository'];
}

/**
 * `git log` of release.yaml at `path` (relative to `root`): the first-parent chain of HEAD, renames
 * followed, NUL-separated (`-z`), with each commit's raw diff of the file (its blob before and
 * after, and the path it had) — merges diffed against their first parent (`-m` with
 * `--first-parent`: what git 2.31+ does for `--first-parent` alone, spelled out for older git).
 */
export function logArgs(root: string, path: string, maxVersions = MAX_VERSIONS): string[] {
  // One commit more than the limit: when git prints it, older versions exist (the history is cut off).
  return [...BASE, '-C', root, 'log', '--first-parent', '-m', '--follow', '-z', '--raw', '--no-abbrev', '--no-color', '--no-ext-diff', '--no-textconv', `--max-count=${maxVersions + 1}`, `--format=%x1e%H%x1f%an%x1f%cs%x1f%P`, '--', path];
}

/** `git cat-file --batch-check` in `root`: whether the objects named on stdin are in the repository. */
export function batchCheckArgs(root: string): string[] {
  return [...BASE, '-C', root, 'cat-file', '--batch-check'];
}

/** `git cat-file --batch` in `root`: the blobs named on stdin, one per line. */
export function batchArgs(root: string): string[] {
  return [...BASE, '-C', root, 'cat-file', '--batch'];
}

/** One commit of `git log` output: the blob release.yaml had after it (undefined: deleted there). */
export interface LoggedCommit {
  commit: string;
  author: string;
  date: string;
  merge: boolean;
  /** The file's blob after the commit; undefined when the commit deleted it. */
  blob?: string;
}

/**
 * Parses `git log` output of `logArgs`, newest first as git prints it: at most `limit` commits are
 * read, and `more` says git printed another one (older versions exist). A commit whose diff leaves
 * the content as it was (a pure rename) is not a version; anything that is not a commit record is
 * ignored.
 */
export function parseLog(out: Uint8Array, limit = Infinity): { commits: LoggedCommit[]; more: boolean } {
  const commits: LoggedCommit[] = [];
  let records = 0;
  for (const record of split(out, RS)) {
    if (record.length === 0) continue;
    // `<hash>US<author>US<date>US<parents>` NUL `\n:<modes> <old> <new> <status>` NUL <path> NUL [<path> NUL]
    const fields = split(record, NUL).map((bytes) => utf8(bytes));
    const [header = '', ...rest] = fields;
    const [commit = '', author = '', date = '', parents = ''] = header.split(US);
    if (!/^[0-9a-f]{40,64}$/.test(commit)) continue;
    if (++records > limit) return { commits, more: true };
    const raw = rest.map((field) => field.replace(/^\n/, '')).find((field) => field.startsWith(':'));
    const merge = parents.trim().split(/\s+/).filter((parent) => parent !== '').length > 1;
    if (raw === undefined) continue; // no change to the file in this commit
    const [, , before = '', after = '', status = ''] = raw.slice(1).split(' ');
    if (before === after && !status.startsWith('D')) continue; // renamed only: the same content
    const deleted = status.startsWith('D') || ZERO_OID.test(after);
    commits.push({ commit, author, date, merge, ...(deleted ? {} : { blob: after }) });
  }
  return { commits, more: false };
}

/** The parents a commit object names (`parent <oid>` lines of its header), from `git cat-file --batch` output for one commit. */
export function commitParents(out: Uint8Array): string[] {
  const text = utf8(out);
  const headerEnd = text.indexOf('\n\n');
  const lines = (headerEnd === -1 ? text : text.slice(0, headerEnd)).split('\n');
  return lines.flatMap((line) => {
    const match = /^parent ([0-9a-f]{40,64})$/.exec(line);
    return match ? [match[1] as string] : [];
  });
}

/**
 * True when the commit `commit` names a parent the repository does not hold: the boundary of a
 * shallow clone, where git pretends it has no parents (so the file seems "added" there).
 */
async function parentsMissing(run: GitRun, root: string, commit: string): Promise<boolean> {
  const parents = commitParents(await run(batchArgs(root), `${commit}\n`));
  if (parents.length === 0) return false;
  let check: string;
  try {
    check = utf8(await run(batchCheckArgs(root), parents.map((parent) => `${parent}\n`).join('')));
  } catch {
    // A partial clone's git fails on an object it would have to fetch: not here.
    return true;
  }
  return check.split('\n').some((line) => / missing$/.test(line.trim()));
}

/**
 * `git cat-file --batch` output: per request `<oid> <type> <size>\n<content>\n`, or
 * `<name> missing\n`. Text as the plan reader decodes it (UTF-8, a byte-order mark dropped);
 * `undefined` for a version that is not text (skipped), `null` for one git does not have (missing,
 * or not printed: a partial clone's git stops at the first blob it lacks). Always `count` entries.
 */
export function parseBatch(out: Uint8Array, count: number): (string | null | undefined)[] {
  const texts: (string | null | undefined)[] = [];
  let at = 0;
  while (texts.length < count && at < out.length) {
    const end = out.indexOf(0x0a, at);
    if (end === -1) break;
    const header = utf8(out.subarray(at, end));
    at = end + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) {
      texts.push(/ missing$/.test(header) ? null : undefined);
      continue;
    }
    const size = Number(match[2]);
    if (at + size > out.length) break; // cut short: not all of it arrived
    const bytes = out.subarray(at, at + size);
    at += size + 1;
    const decoded = match[1] === 'blob' ? decodePlanBytes(bytes) : undefined;
    texts.push(decoded?.text?.replace(/^\uFEFF/, ''));
  }
  while (texts.length < count) texts.push(null);
  return texts;
}

/**
 * The committed versions of `<folder>/.release/release.yaml`, oldest first, read with `run` from
 * the repository that contains `folder` (a path on the machine where git runs).
 */
export async function readPlanVersions(run: GitRun, folder: string, maxVersions = MAX_VERSIONS): Promise<GitVersions | GitUnavailable> {
  let root: string;
  let prefix: string;
  let shallow: boolean;
  // Located from `.release` itself: when it is a submodule or a link to another repository, that
  // repository holds the file. Without the folder (not there), from `folder`.
  let inRelease = true;
  let located: Uint8Array;
  try {
    try {
      located = await run(locateArgs(`${folder.replace(/[\\/]+$/, '')}/${RELEASE_DIR}`));
    } catch (error) {
      if (!/cannot change to|no such file|not a directory/i.test(failure(error).stderr ?? '')) throw error;
      inRelease = false;
      located = await run(locateArgs(folder));
    }
    const [top = '', inside = '', isShallow = ''] = utf8(located).split('\n');
    root = top.trim();
    prefix = inside.replace(/\r$/, '');
    shallow = isShallow.trim() === 'true';
  } catch (error) {
    return unavailable(error);
  }
  const path = inRelease ? `${prefix}${RELEASE_FILE.slice(RELEASE_DIR.length + 1)}` : `${prefix}${RELEASE_FILE}`;
  let commits: LoggedCommit[];
  let more: boolean;
  try {
    ({ commits, more } = parseLog(await run(logArgs(root, path, maxVersions)), maxVersions));
  } catch (error) {
    // A repository without commits yet has no history: nothing to read, not a failure.
    if (/does not have any commits|bad default revision|unknown revision/i.test(failure(error).stderr ?? '')) return { ok: true, root, path, versions: [] };
    return unavailable(error);
  }
  if (commits.length === 0) return { ok: true, root, path, versions: [] };
  const wanted = commits.flatMap((commit) => (commit.blob !== undefined ? [commit.blob] : []));
  let texts: (string | null | undefined)[] = [];
  if (wanted.length > 0) {
    const input = wanted.map((blob) => `${blob}\n`).join('');
    try {
      texts = parseBatch(await run(batchArgs(root), input), wanted.length);
    } catch (error) {
      // A partial clone (never fetching, GIT_ENV) stops at the first blob it lacks: what came before it is read.
      const { stdout, stderr = '' } = failure(error);
      if (!stdout || !/promisor|lazy fetch/i.test(stderr)) return unavailable(error);
      texts = parseBatch(stdout, wanted.length);
    }
  }
  const byBlob = new Map(wanted.map((blob, index) => [blob, texts[index]] as const));
  // Newest first: a version whose text git does not have (a partial clone) ends what can be read.
  const newestFirst: PlanVersion[] = [];
  let missing: LoggedCommit | undefined;
  for (const logged of commits) {
    const text = logged.blob !== undefined ? byBlob.get(logged.blob) : '';
    if (text === null) {
      missing = logged;
      break;
    }
    if (text === undefined) continue; // not text: no version to compare
    newestFirst.push({ commit: logged.commit, author: logged.author, date: logged.date, text, ...(logged.merge ? { merge: true as const } : {}) });
  }
  const versions = newestFirst.reverse();
  const first = versions[0];
  let cut: Truncation['reason'] | undefined = more ? 'limit' : missing ? 'missing' : undefined;
  if (!cut && shallow && first) {
    try {
      if (await parentsMissing(run, root, (commits[commits.length - 1] as LoggedCommit).commit)) cut = 'shallow';
    } catch (error) {
      return unavailable(error);
    }
  }
  const at = first ?? missing ?? (commits[0] as LoggedCommit);
  const truncated: Truncation | undefined = cut ? { reason: cut, commit: at.commit, date: at.date, read: versions.length } : undefined;
  return { ok: true, root, path, versions, ...(truncated ? { truncated } : {}) };
}

function failure(error: unknown): GitRunFailure {
  return typeof error === 'object' && error !== null ? (error as GitRunFailure) : { message: String(error) };
}

/** Why git could not be read, in a sentence. */
export function unavailable(error: unknown): GitUnavailable {
  const { code, stderr = '', message } = failure(error);
  if (code === 'ENOENT') return { ok: false, reason: 'no-git', message: 'git is not installed (or not on PATH), so the plan’s history cannot be read' };
  if (/not a git repository/i.test(stderr)) return { ok: false, reason: 'not-a-repository', message: 'not inside a git repository' };
  const detail = (stderr.trim() || message || `git failed (${String(code)})`).split(/\r?\n/)[0] ?? '';
  return { ok: false, reason: 'failed', message: `git could not read the plan’s history: ${detail}`, detail };
}

/** Splits bytes at every `separator` byte. */
function split(bytes: Uint8Array, separator: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let start = 0;
  for (let at = bytes.indexOf(separator); at !== -1; at = bytes.indexOf(separator, start)) {
    parts.push(bytes.subarray(start, at));
    start = at + 1;
  }
  parts.push(bytes.subarray(start));
  return parts;
}

const decoder = new TextDecoder('utf-8');

function utf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
