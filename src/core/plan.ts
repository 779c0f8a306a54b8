import { isIsoDate } from './dates';
import { defineMessages, findingText, type Message } from './message';
import type { Checkin, Config, Gonogo, Release, Review, Rollback, Team } from './schemas';
import { SourceFile } from './source';
import { CHECKINS_DIR, CONFIG_FILE, GONOGO_DIR, HISTORY_DIR, RELEASE_DIR, RELEASE_FILE, REVIEW_FILE, ROLLBACK_FILE, TEAM_FILE, type Finding, type PlanFiles } from './types';
import { editDistance } from './suggest';
import { validate, type Loose } from './validate';
import type { FileKind } from './schemas';

const messages = defineMessages({
  'file-misnamed': 'Release Plan reads {proper}, not {name}: rename this file to {proper}; until then it is ignored.',
  'file-misnamed/both-exist': 'Both {name} and {proper} exist; only {proper} is read. Move what you need from this file into {proper} and delete this one.',
  'file-misnamed/checkins-folder': "Release Plan reads daily check-ins from the {folder} folder, one file per day named by its date ({folder}2026-12-01.yaml), not from {name}: move this file there under the day's date; until then it is ignored.",
  'file-misnamed/gonogo-folder': "Release Plan reads go/no-go records from the {folder} folder, one file per day named by its date ({folder}2026-12-01.yaml), not from {name}: move this file there under the day's date; until then it is ignored.",
  'date-invalid/file-name': "This file's name must be a date, YYYY-MM-DD.yaml (e.g. 2026-12-01.yaml), so it can be ordered; it is ignored.",
});

/** Why a plan file that exists could not be read, and what to do: a message (`file-unreadable`'s text). */
export type UnreadableReason = Message;

/** A file that parsed: its source (for ranges) and its data with invalid values removed. */
export interface Loaded<T> {
  source: SourceFile;
  data: Loose<T>;
}

/** A dated file such as `checkins/2026-12-01.yaml`. */
export interface Dated<T> extends Loaded<T> {
  date: string;
}

/**
 * Everything in one `.release/` folder. A file that is absent is `undefined`; a file that is
 * present but could not be read or parsed is in `unreadable` and its rules are skipped (its
 * `file-unreadable` or syntax findings say why), so a typo never turns into a wave of "missing"
 * findings. A misnamed `rollback.yml`, `Team.yaml` or `config.yml` (without the proper file next
 * to it) makes its proper name count as present and unreadable for the same reason.
 */
/**
 * A past release in `.release/history/<name>/`: its files as they were when it was closed. Read-only
 * input (the track record, recurring blockers, the rhythm after a rescue): parsed, never checked —
 * nothing in it is a finding. A file that does not parse is simply absent here.
 */
export interface PastRelease {
  /** The folder's name under history/ (`release-plan next` names it after the release). */
  name: string;
  /** `.release/history/<name>` */
  dir: string;
  release?: Loaded<Release>;
  rollback?: Loaded<Rollback>;
  review?: Loaded<Review>;
  checkins: Dated<Checkin>[];
  gonogos: Dated<Gonogo>[];
}

export interface Plan {
  release?: Loaded<Release>;
  rollback?: Loaded<Rollback>;
  team?: Loaded<Team>;
  /** The current release's post-release review, once written. */
  review?: Loaded<Review>;
  /** Past releases under history/, oldest first (by launch date, else target, else folder name). */
  history: PastRelease[];
  config: Loose<Config>;
  checkins: Dated<Checkin>[];
  gonogos: Dated<Gonogo>[];
  present: ReadonlySet<string>;
  unreadable: ReadonlySet<string>;
  /** Findings of parsing and schema validation. */
  fileFindings: Finding[];
  /** Every file that parsed, by path (config.yaml too): its text and syntax tree, read-only. */
  sources: ReadonlyMap<string, SourceFile>;
}

/**
 * `unreadableFiles` maps paths that exist but could not be read (a folder in a file's place, no
 * permission, not UTF-8) to the message that says why and what to do. Each file's parse and schema
 * validation comes from `cache` when it saw the same path with the same text (`false`: parse all).
 */
export function loadPlan(files: PlanFiles, unreadableFiles: ReadonlyMap<string, UnreadableReason> = new Map(), cache: ParseCache | false = sharedParseCache): Plan {
  const fileFindings: Finding[] = [];
  const sources = new Map<string, SourceFile>();
  const unreadable = new Set<string>();
  const present = new Set([...files.keys(), ...unreadableFiles.keys()]);

  for (const [path, reason] of unreadableFiles) {
    // A past release's file that cannot be read is not an error of the current plan (history is read quietly).
    if (isHistoryPath(path)) continue;
    unreadable.add(path);
    fileFindings.push({ file: path, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: 'file-unreadable', message: findingText(reason), l10n: reason });
  }
  for (const path of present) {
    if (isHistoryPath(path)) continue;
    const proper = properName(path);
    if (proper === undefined) continue;
    const finding = misnamedFinding(path, proper, files.get(path) ?? '', present.has(proper));
    fileFindings.push(finding);
    // release.yaml's absence has its own handling (the CLI stops, the editor offers to create it).
    if (!present.has(proper) && proper !== RELEASE_FILE) unreadable.add(proper);
  }
  for (const path of unreadable) present.add(path);

  function load<K extends FileKind>(path: string, kind: K) {
    if (unreadable.has(path)) return undefined;
    const text = files.get(path);
    if (text === undefined) return undefined;
    const parsed = cache ? cache.load(path, text, kind) : parseFile(path, text, kind);
    fileFindings.push(...parsed.findings);
    if (!parsed.source.parsed) {
      unreadable.add(path);
      return undefined;
    }
    sources.set(path, parsed.source);
    return { source: parsed.source, data: parsed.data as LooseData<K> };
  }

  function loadDated<K extends 'checkin' | 'gonogo'>(dir: string, kind: K) {
    const out = [];
    for (const path of [...present].filter((p) => p.startsWith(`${dir}/`)).sort()) {
      const name = path.slice(dir.length + 1);
      if (!/\.ya?ml$/.test(name) || name.includes('/')) continue;
      const date = name.replace(/\.ya?ml$/, '');
      const loaded = load(path, kind);
      if (!isIsoDate(date)) {
        if (unreadable.has(path)) continue;
        const source = loaded?.source ?? new SourceFile(path, files.get(path) ?? '');
        fileFindings.push(source.finding(source.rangeFor([]), 'warning', 'date-invalid', messages('date-invalid/file-name')));
        continue;
      }
      if (loaded) out.push({ ...loaded, date });
    }
    return out;
  }

  const plan: Plan = {
    release: load(RELEASE_FILE, 'release'),
    rollback: load(ROLLBACK_FILE, 'rollback'),
    team: load(TEAM_FILE, 'team'),
    config: load(CONFIG_FILE, 'config')?.data ?? {},
    review: load(REVIEW_FILE, 'review'),
    history: loadHistory(files, cache),
    checkins: loadDated(CHECKINS_DIR, 'checkin'),
    gonogos: loadDated(GONOGO_DIR, 'gonogo'),
    present,
    unreadable,
    fileFindings,
    sources,
  };
  return plan;
}

/** True for a file of a past release (`.release/history/…`): read as history, never as the current plan. */
export function isHistoryPath(path: string): boolean {
  return path.startsWith(`${HISTORY_DIR}/`);
}

/** The past releases in `files`, each parsed quietly (through the cache): their findings are dropped. */
function loadHistory(files: PlanFiles, cache: ParseCache | false): PastRelease[] {
  const byName = new Map<string, Map<string, string>>();
  for (const [path, text] of files) {
    if (!isHistoryPath(path)) continue;
    const rest = path.slice(HISTORY_DIR.length + 1);
    const slash = rest.indexOf('/');
    if (slash <= 0) continue;
    const name = rest.slice(0, slash);
    let inner = byName.get(name);
    if (!inner) byName.set(name, (inner = new Map()));
    inner.set(rest.slice(slash + 1), text);
  }
  const quiet = <K extends FileKind>(path: string, text: string | undefined, kind: K): { source: SourceFile; data: LooseData<K> } | undefined => {
    if (text === undefined) return undefined;
    const parsed = cache ? cache.load(path, text, kind) : parseFile(path, text, kind);
    return parsed.source.parsed ? { source: parsed.source, data: parsed.data as LooseData<K> } : undefined;
  };
  const past: PastRelease[] = [];
  for (const [name, inner] of byName) {
    const dir = `${HISTORY_DIR}/${name}`;
    const dated = <K extends 'checkin' | 'gonogo'>(folder: string, kind: K) => {
      const out: { source: SourceFile; data: LooseData<K>; date: string }[] = [];
      for (const [file, text] of [...inner].filter(([file]) => file.startsWith(`${folder}/`)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const date = file.slice(folder.length + 1).replace(/\.ya?ml$/, '');
        if (!isIsoDate(date)) continue;
        const loaded = quiet(`${dir}/${file}`, text, kind);
        if (loaded) out.push({ ...loaded, date });
      }
      return out;
    };
    past.push({
      name,
      dir,
      release: quiet(`${dir}/release.yaml`, inner.get('release.yaml'), 'release') as Loaded<Release> | undefined,
      rollback: quiet(`${dir}/rollback.yaml`, inner.get('rollback.yaml'), 'rollback') as Loaded<Rollback> | undefined,
      review: quiet(`${dir}/review.yaml`, inner.get('review.yaml'), 'review') as Loaded<Review> | undefined,
      checkins: dated('checkins', 'checkin') as Dated<Checkin>[],
      gonogos: dated('gonogo', 'gonogo') as Dated<Gonogo>[],
    });
  }
  return past.sort((a, b) => compareText(pastOrderKey(a), pastOrderKey(b)) || compareText(a.name, b.name));
}

/** A past release's place in time: the launch date, else the target, else nothing (sorted by name, first). */
function pastOrderKey(past: PastRelease): string {
  const data = past.release?.data;
  const shipped = typeof data?.shipped?.date === 'string' ? data.shipped.date : undefined;
  return shipped ?? (typeof data?.target === 'string' ? data.target : '');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What `validate` gives for a file of `kind`. */
type LooseData<K extends FileKind> = ReturnType<typeof validate<K>>['data'];

/**
 * One file's parse and schema validation: its source, and (when it parsed) its data with invalid
 * values removed, with the findings of both. Shared by every check that reads the same path with
 * the same text, so it is immutable: `findings`, `data` and `source.data` are deeply frozen (a rule
 * or a consumer that writes to them throws instead of changing what the next check sees).
 */
export interface ParsedFile {
  readonly source: SourceFile;
  readonly data: unknown;
  readonly findings: readonly Finding[];
}

function parseFile(path: string, text: string, kind: FileKind): ParsedFile {
  const source = new SourceFile(path, text);
  if (!source.parsed) return { source, data: undefined, findings: source.parseFindings };
  const { data, findings } = validate(source, kind);
  return { source, data, findings };
}

export interface ParseCacheOptions {
  /** Files kept in all (default 2000: a plan with years of daily check-ins still fits). */
  maxFiles?: number;
  /** Texts kept per path and kind (default 3: the current one and a few before it, e.g. for undo). */
  maxVersions?: number;
  /** Characters of text kept in all (default 4 Mi: two versions of the largest file parsed). */
  maxChars?: number;
  /** Called for every file actually parsed (a miss), for tests and measurements. */
  onParse?: (path: string) => void;
}

interface CacheEntry {
  text: string;
  parsed: ParsedFile;
}

/**
 * A small LRU of parsed files keyed by (kind, path, exact text): a re-check after an edit parses
 * and validates only the file whose text changed. The same relative path in two workspace folders
 * is two versions of one key. Least recently used versions are dropped first when a bound is hit.
 */
export class ParseCache {
  private readonly byKey = new Map<string, CacheEntry[]>();
  private files = 0;
  private chars = 0;
  private readonly maxFiles: number;
  private readonly maxVersions: number;
  private readonly maxChars: number;
  private readonly onParse: ((path: string) => void) | undefined;
  /** Files parsed (misses) and answered from the cache (hits) since it was made. */
  parses = 0;
  hits = 0;

  constructor(options: ParseCacheOptions = {}) {
    this.maxFiles = options.maxFiles ?? 2000;
    this.maxVersions = options.maxVersions ?? 3;
    this.maxChars = options.maxChars ?? 4 * 1024 * 1024;
    this.onParse = options.onParse;
  }

  /** Number of file versions held. */
  get size(): number {
    return this.files;
  }

  load(path: string, text: string, kind: FileKind): ParsedFile {
    const key = `${kind}\n${path}`;
    const versions = this.byKey.get(key);
    const index = versions ? versions.findIndex((entry) => entry.text === text) : -1;
    if (versions && index !== -1) {
      this.hits++;
      const [entry] = versions.splice(index, 1) as [CacheEntry];
      versions.push(entry);
      this.byKey.delete(key);
      this.byKey.set(key, versions);
      return entry.parsed;
    }
    this.parses++;
    this.onParse?.(path);
    const parsed = freezeParsed(parseFile(path, text, kind));
    if (text.length > this.maxChars) return parsed;
    const list = versions ?? [];
    list.push({ text, parsed });
    this.files++;
    this.chars += text.length;
    this.byKey.delete(key);
    this.byKey.set(key, list);
    if (list.length > this.maxVersions) this.drop(key, list);
    while (this.files > this.maxFiles || this.chars > this.maxChars) {
      const [oldestKey, oldest] = this.byKey.entries().next().value as [string, CacheEntry[]];
      this.drop(oldestKey, oldest);
    }
    return parsed;
  }

  clear(): void {
    this.byKey.clear();
    this.files = 0;
    this.chars = 0;
  }

  /** Drops the least recently used version of `key`. */
  private drop(key: string, versions: CacheEntry[]): void {
    const dropped = versions.shift();
    if (dropped) {
      this.files--;
      this.chars -= dropped.text.length;
    }
    if (versions.length === 0) this.byKey.delete(key);
  }
}

/** The cache every check uses unless told otherwise: the extension's checks after each edit, the CLI's one. */
export const sharedParseCache = new ParseCache();

function freezeParsed(parsed: ParsedFile): ParsedFile {
  deepFreeze(parsed.findings);
  deepFreeze(parsed.data);
  deepFreeze(parsed.source.data);
  deepFreeze(parsed.source.parseFindings);
  return Object.freeze(parsed);
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
}

const KNOWN_FILES: readonly string[] = [RELEASE_FILE, ROLLBACK_FILE, TEAM_FILE, CONFIG_FILE, REVIEW_FILE];
const DATED_DIRS: readonly string[] = [CHECKINS_DIR, GONOGO_DIR];

/**
 * Whether a reader (the CLI's, the extension's) passes this path under `.release/` to the engine:
 * every YAML file, and in a folder of dated records (or its misspelling) also a file without an
 * extension (`gonogo/2026-12-01`) — a veto saved without `.yaml` must still be seen. Hidden files
 * (`.DS_Store`) are not plan files.
 */
export function isPlanFilePath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.startsWith('.') || !path.startsWith(`${RELEASE_DIR}/`)) return false;
  if (/\.ya?ml$/i.test(name)) return true;
  const folder = /^\.release\/([^/]+)\//.exec(path)?.[1];
  return !name.includes('.') && folder !== undefined && likeOneOf(folder, DATED_DIRS) !== undefined;
}

/**
 * The name Release Plan reads for a file it would otherwise ignore: `rollback.yml`, `Team.yaml`,
 * `rollbacks.yaml`, `relase.yaml` → `.release/rollback.yaml` etc.; `Checkins/2026-12-01.YAML`,
 * `check-ins/…`, `go_no_go/…` → `.release/checkins/2026-12-01.yaml` etc. A top-level file named
 * like a folder of dated records (`gonogo.yaml`, `checkins.yml`) gets that folder, ending in `/`:
 * it has no one proper name. Undefined for a proper name or an unrelated file (`notes.yaml`).
 */
export function properName(path: string): string | undefined {
  if (isHistoryPath(path)) return undefined;
  // Asked for every file at every check (and by go/no-go twice more): remembered, as it only reads the path.
  if (properNames.has(path)) return properNames.get(path);
  const proper = computeProperName(path);
  if (properNames.size >= 4096) properNames.clear();
  properNames.set(path, proper);
  return proper;
}

const properNames = new Map<string, string | undefined>();

function computeProperName(path: string): string | undefined {
  const top = /^\.release\/([^/]+)\.ya?ml$/i.exec(path);
  if (top) {
    const stem = top[1] as string;
    const file = likeOneOf(stem, KNOWN_FILES);
    if (file !== undefined) return file !== path ? file : undefined;
    const dir = likeOneOf(stem, DATED_DIRS);
    return dir !== undefined ? `${dir}/` : undefined;
  }
  // Deeper than one folder (`gonogo/2026/2026-12-01.yaml`) or without an extension (`gonogo/2026-12-01`).
  const nested = /^\.release\/([^/]+)\/(?:[^/]+\/)+([^/]+?)(?:\.ya?ml)?$/i.exec(path) ?? /^\.release\/([^/]+)\/([^/.]+)$/.exec(path);
  if (nested) {
    const dir = likeOneOf(nested[1] as string, DATED_DIRS);
    return dir === undefined ? undefined : `${dir}/${nested[2] as string}.yaml`;
  }
  const dated = /^\.release\/([^/]+)\/([^/]+)\.(ya?ml)$/i.exec(path);
  if (dated) {
    const dir = likeOneOf(dated[1] as string, DATED_DIRS);
    if (dir === undefined) return undefined;
    const proper = `${dir}/${dated[2] as string}.${(dated[3] as string).toLowerCase()}`;
    return proper !== path ? proper : undefined;
  }
  return undefined;
}

/**
 * The plan path whose name `written` is a variant of: another case, `-`/`_`/spaces, a plural
 * (`teams`, `checkin`), or a one-letter typo (two in longer names: `rolback`, `chekcins`).
 */
function likeOneOf(written: string, paths: readonly string[]): string | undefined {
  const plain = (name: string) => name.toLowerCase().replace(/[\s_.-]+/g, '').replace(/s$/, '');
  const typed = plain(written);
  const allowed = typed.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const path of paths) {
    const distance = editDistance(typed, plain(path.slice(RELEASE_DIR.length + 1).replace(/\.yaml$/, '')));
    if (distance < bestDistance) [best, bestDistance] = [path, distance];
  }
  return bestDistance <= allowed ? best : undefined;
}

function misnamedFinding(path: string, proper: string, text: string, properExists: boolean): Finding {
  const name = path.slice(RELEASE_DIR.length + 1);
  const properShort = proper.slice(RELEASE_DIR.length + 1);
  const folder = proper.endsWith('/');
  const message = folder
    ? messages(proper === `${GONOGO_DIR}/` ? 'file-misnamed/gonogo-folder' : 'file-misnamed/checkins-folder', { folder: properShort, name })
    : properExists
    ? messages('file-misnamed/both-exist', { name, proper: properShort })
    : messages('file-misnamed', { name, proper: properShort });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = body.search(/[\r\n]/);
  return {
    file: path,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(end === -1 ? body.length : end, 200) } },
    severity: 'error',
    code: 'file-misnamed',
    message: findingText(message),
    l10n: message,
    ...(properExists || folder ? {} : { data: { rename: proper } }),
  };
}
