import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { dayNumber, isIsoDate } from './dates';
import { applyEdits, setValue, type TextEdit } from './edits';
import { hasHappened } from './evidence';
import { shippedRecord, type ShippedRecord } from './launch';
import { defineMessages, type Message } from './message';
import { loadPlan, properName, type Plan, type UnreadableReason } from './plan';
import { SHIP_BLOCKING_CODES } from './planEdits';
import { isPlaceholder, placeholderFor } from './placeholder';
import type { Release } from './schemas';
import type { Loose } from './validate';
import { flowList, inlineScalar as inline } from './yamlText';
import { CHECKINS_DIR, GONOGO_DIR, HISTORY_DIR, RELEASE_DIR, RELEASE_FILE, REVIEW_FILE, ROLLBACK_FILE, type PlanFiles } from './types';

/**
 * Why "Close Release and Start Next" (`release-plan next`) does nothing: a sentence of its own,
 * shown after "release-plan: " in the CLI and as a warning in the editor.
 */
const messages = defineMessages({
  'next/no-release': 'There is no {file} to close; nothing was moved.',
  'next/release-broken': '{file} has errors, so the release is not closed: fix them, then run it again.',
  'next/rollback-broken': '{file} has errors, so the next runbook cannot be started from it: fix them, then run it again.',
  'next/not-shipped': '{name} has no `shipped:` record, so it is not closed: record how it ended first (Mark Release as Shipped, or `release-plan ship`).',
  'next/slipped': '{name} slipped on {date}: nothing went out, so it is not closed. Agree a new target and backup date in the same release instead.',
  'next/not-yet': '{name} is recorded as going out on {date}, after today ({today}): it can be closed from that day on.',
  'next/misnamed': '{name} is not closed while plan files have names Release Plan does not read: they would stay behind for the next release. First {renames}, then run it again.',
  'next/misnamed/rename': 'rename {file} to {proper}',
  'next/misnamed/merge': 'move what you need from {file} into {proper} and delete {file}',
  'next/misnamed/folder': 'move {file} into {folder}, one file per day named by its date',
  'next/history-exists': '{dir} already exists, so nothing was moved: a past release is never overwritten. Rename or remove that folder (or rename the release) first.',
  'next/name-empty': 'The new release needs a name, e.g. invoices-v2.',
  'next/name-one-line': 'The new release\'s name must be one line of text, not "{name}".',
  'next/name-placeholder': 'The new release needs a real name, not "{name}".',
  'next/date-invalid': 'The {field} date must be written YYYY-MM-DD, not "{value}".',
  'next/target-past': 'The target date {target} is before today ({today}); give a day still ahead.',
  'next/backup-not-after': 'The backup date {backup} must be after the target date {target}.',
});

export interface NextOptions {
  /** The new release's `release:` name. */
  name: string;
  /** The new release's target date. */
  target: string;
  /** The new release's backup date; without it release.yaml says to add one (date-backup-missing). */
  backup?: string;
  /** The day the release is closed: the new tasks' `added:` date. */
  today: string;
}

export interface NextMove {
  /** A file or a folder (checkins/, gonogo/), relative to the workspace folder. */
  from: string;
  to: string;
}

export interface NextCreate {
  path: string;
  text: string;
}

/** What "start next" does, computed from the plan files alone; the CLI and the extension only carry it out. */
export interface NextPlan {
  ok: true;
  /** The closed release's `release:` name. */
  closed: string;
  /** `.release/history/<name>` */
  historyDir: string;
  /** In order: files, then folders. Only what exists. */
  moves: NextMove[];
  /** The new release.yaml, and rollback.yaml when the closed release had one. */
  creates: NextCreate[];
  /**
   * The text the plan was computed from, for every file it moves or reads (release.yaml,
   * rollback.yaml, each file in a moved folder): an adapter refuses when any differs just before
   * it carries the plan out.
   */
  basis: ReadonlyMap<string, string>;
  /** The files it moves whose bytes begin with a UTF-8 byte-order mark: a copy keeps it (the new rollback.yaml's text starts with one then). */
  bom: ReadonlySet<string>;
}

export type NextResult = NextPlan | { ok: false; reason: Message };

const refuse = (reason: Message): { ok: false; reason: Message } => ({ ok: false, reason });

/**
 * The name of a past release's folder under history/: the `release:` value lower-cased, spaces as
 * `-`, only `a-z 0-9 . _ -` kept (no leading dot); `release-<shipped date>` when nothing is left.
 */
export function historyFolderName(release: string, shippedDate: string): string {
  const safe = release
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/[^a-z0-9._-]/g, '')
    .replace(/^\.+/, '');
  return safe === '' ? `release-${shippedDate}` : safe;
}

/** A problem with the new release's name, or undefined: the extension's input box says the same. */
export function nextNameProblem(name: string): Message | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return messages('next/name-empty');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return messages('next/name-one-line', { name: trimmed.replace(/[\r\n]+/g, ' ') });
  if (isPlaceholder(trimmed)) return messages('next/name-placeholder', { name: trimmed });
  return undefined;
}

/** A problem with the target date (`field: 'target'`) or the backup date, or undefined. */
export function nextDateProblem(field: 'target' | 'backup', value: string, options: { today: string; target?: string }): Message | undefined {
  const date = value.trim();
  if (!isIsoDate(date)) return messages('next/date-invalid', { field, value: date });
  if (field === 'target' && (dayNumber(date) as number) < (dayNumber(options.today) as number)) return messages('next/target-past', { target: date, today: options.today });
  if (field === 'backup' && options.target !== undefined && isIsoDate(options.target) && (dayNumber(date) as number) <= (dayNumber(options.target) as number)) {
    return messages('next/backup-not-after', { backup: date, target: options.target });
  }
  return undefined;
}

/** The refusal for a history folder that exists (an adapter that finds it on disk says the same). */
export function historyExistsReason(historyDir: string): Message {
  return messages('next/history-exists', { dir: `${historyDir}/` });
}

/** The release that can be closed: its data, launch record, name and history folder. */
export interface Closable {
  ok: true;
  /** The `release:` name (release.yaml's path when it has none). */
  closed: string;
  release: Loose<Release>;
  record: ShippedRecord;
  historyDir: string;
}

/**
 * Whether the current release can be closed on `today`, before anything is asked: release.yaml
 * and rollback.yaml read without errors of their own, the release went out (a `shipped:` record of
 * `shipped` or `rolled-back` dated today or before), and its history folder is not taken.
 */
export function closeCheck(files: PlanFiles, today: string, unreadable: ReadonlyMap<string, UnreadableReason> = new Map()): Closable | { ok: false; reason: Message } {
  const releaseText = files.get(RELEASE_FILE);
  const plan = loadPlan(files, unreadable);
  const renames = misnamedRenames(plan);
  if (renames.length > 0) {
    const data = plan.release?.data;
    const shown = typeof data?.release === 'string' && data.release.trim() !== '' ? data.release.trim() : RELEASE_FILE;
    return refuse(messages('next/misnamed', { name: shown, renames }));
  }
  if (releaseText === undefined && !unreadable.has(RELEASE_FILE)) return refuse(messages('next/no-release', { file: RELEASE_FILE }));
  const broken = (file: string) => plan.fileFindings.some((f) => f.file === file && f.severity === 'error' && SHIP_BLOCKING_CODES.has(f.code));
  if (releaseText === undefined || !plan.release || broken(RELEASE_FILE)) return refuse(messages('next/release-broken', { file: RELEASE_FILE }));
  if (unreadable.has(ROLLBACK_FILE) || (files.has(ROLLBACK_FILE) && (!plan.rollback || broken(ROLLBACK_FILE)))) return refuse(messages('next/rollback-broken', { file: ROLLBACK_FILE }));

  const release = plan.release.data;
  const name = typeof release.release === 'string' ? release.release.trim() : '';
  const closed = name || RELEASE_FILE;
  const record = shippedRecord(release);
  if (!record) return refuse(messages('next/not-shipped', { name: closed }));
  if (record.outcome === 'slipped') return refuse(messages('next/slipped', { name: closed, date: record.date }));
  if (!hasHappened(record.date, today)) return refuse(messages('next/not-yet', { name: closed, date: record.date, today }));

  const historyDir = `${HISTORY_DIR}/${historyFolderName(name, record.date)}`;
  if ([...files.keys(), ...unreadable.keys()].some((path) => path.startsWith(`${historyDir}/`))) return refuse(historyExistsReason(historyDir));
  return { ok: true, closed, release, record, historyDir };
}

/**
 * What to rename before closing: each misnamed file (`file-misnamed`) that stands for a file or
 * folder the close moves (release.yaml, rollback.yaml, review.yaml, checkins/, gonogo/). Left as
 * they are, they would stay in `.release/` and be read as the next release's (a closed runbook, a
 * review of the wrong release). team.yaml and config.yaml stay anyway. Paths relative to `.release/`.
 */
function misnamedRenames(plan: Plan): Message[] {
  const short = (path: string) => path.slice(RELEASE_DIR.length + 1);
  const out: Message[] = [];
  const findings = plan.fileFindings.filter((finding) => finding.code === 'file-misnamed').sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const finding of findings) {
    if (finding.code !== 'file-misnamed') continue;
    const proper = properName(finding.file);
    if (proper === undefined || !MOVED.some((moved) => (moved.endsWith('/') ? proper.startsWith(moved) : proper === moved))) continue;
    const file = short(finding.file);
    if (proper.endsWith('/')) out.push(messages('next/misnamed/folder', { file, folder: short(proper) }));
    else if (finding.data?.rename === proper) out.push(messages('next/misnamed/rename', { file, proper: short(proper) }));
    else out.push(messages('next/misnamed/merge', { file, proper: short(proper) }));
  }
  return out;
}

/** What a close moves: files, and folders (ending in `/`). */
const MOVED = [RELEASE_FILE, ROLLBACK_FILE, REVIEW_FILE, `${CHECKINS_DIR}/`, `${GONOGO_DIR}/`];

/** A name to offer for the next release: `invoices-v1` → `invoices-v2`, `Billing 3` → `Billing 4`; else nothing. */
export function suggestNextName(closed: string): string | undefined {
  const match = /^(.*?)(\d+)$/.exec(closed.trim());
  if (!match || match[1] === '' || /[\d.]$/.test(match[1] as string)) return undefined;
  return `${match[1]}${Number(match[2]) + 1}`;
}

/**
 * Plans "Close Release and Start Next": moves release.yaml, rollback.yaml, review.yaml, checkins/
 * and gonogo/ (those that exist) into `.release/history/<name>/`, and writes a new release.yaml
 * (the roles carried over, each parked item a candidate task with no owner, no `shipped:`) and a
 * new rollback.yaml (the old runbook, with the stable version set to what just shipped and no
 * rehearsals). team.yaml and config.yaml stay. Refused while the release has not gone out (no
 * record, a slip, a launch dated after `today`), while release.yaml or rollback.yaml has errors of
 * its own, when the history folder exists, and for a bad name or date. Pure: `today` is passed in.
 */
export function planNext(files: PlanFiles, options: NextOptions, unreadable: ReadonlyMap<string, UnreadableReason> = new Map(), bom: ReadonlySet<string> = new Set()): NextResult {
  const name = options.name.trim();
  const nameProblem = nextNameProblem(name);
  if (nameProblem) return refuse(nameProblem);
  const target = options.target.trim();
  const targetProblem = nextDateProblem('target', target, { today: options.today });
  if (targetProblem) return refuse(targetProblem);
  const backup = options.backup?.trim();
  if (backup !== undefined) {
    const backupProblem = nextDateProblem('backup', backup, { today: options.today, target });
    if (backupProblem) return refuse(backupProblem);
  }

  const closing = closeCheck(files, options.today, unreadable);
  if (!closing.ok) return closing;
  const { release, record, historyDir, closed: shownName } = closing;
  const rollbackText = files.get(ROLLBACK_FILE);

  const present = new Set([...files.keys(), ...unreadable.keys()]);
  const moves: NextMove[] = [];
  const basis = new Map<string, string>();
  const into = (path: string) => `${historyDir}/${path.slice(RELEASE_DIR.length + 1)}`;
  for (const file of [RELEASE_FILE, ROLLBACK_FILE, REVIEW_FILE]) {
    if (!present.has(file)) continue;
    moves.push({ from: file, to: into(file) });
    const text = files.get(file);
    if (text !== undefined) basis.set(file, text);
  }
  for (const dir of [CHECKINS_DIR, GONOGO_DIR]) {
    const inside = [...present].filter((path) => path.startsWith(`${dir}/`)).sort();
    if (inside.length === 0) continue;
    moves.push({ from: dir, to: into(dir) });
    for (const path of inside) {
      const text = files.get(path);
      if (text !== undefined) basis.set(path, text);
    }
  }

  const creates: NextCreate[] = [{ path: RELEASE_FILE, text: nextReleaseText(release, { ...options, name, target, ...(backup !== undefined ? { backup } : {}) }, shownName, historyDir) }];
  // The runbook is the old one edited: it keeps the old one's byte-order mark (an editor on Windows may rely on it).
  if (rollbackText !== undefined) creates.push({ path: ROLLBACK_FILE, text: `${bom.has(ROLLBACK_FILE) ? '\uFEFF' : ''}${nextRollbackText(rollbackText, record, shownName)}` });
  return { ok: true, closed: shownName, historyDir, moves, creates, basis, bom: new Set([...basis.keys()].filter((path) => bom.has(path))) };
}

const ROLES = ['scope', 'delivery', 'readiness', 'stop'] as const;

/** A scalar written in YAML as text: a string as it is, a number or true/false as written (`title: 2025`); else nothing. */
function scalarText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/**
 * The parked items that become candidate tasks of the next release: each with a title (text, or a
 * number such as `title: 2025`, taken as written), in order.
 */
export function parkedCandidates(release: Loose<Release> | undefined): { title: string; reason?: string; askedBy?: string }[] {
  const out: { title: string; reason?: string; askedBy?: string }[] = [];
  for (const item of release?.parked ?? []) {
    const title = scalarText(item?.title);
    if (title === undefined) continue;
    const reason = scalarText(item?.reason);
    const askedBy = scalarText(item?.asked_by);
    out.push({ title, ...(reason !== undefined ? { reason } : {}), ...(askedBy !== undefined ? { askedBy } : {}) });
  }
  return out;
}

/** A YAML double-quoted placeholder (placeholders contain ": ", which plain YAML would misread), as scaffold.ts writes them. */
const todo = (what: string) => JSON.stringify(placeholderFor(what));

function nextReleaseText(release: Loose<Release>, options: NextOptions, closed: string, historyDir: string): string {
  const roles = ROLES.map((role) => {
    const value = release.roles?.[role];
    const written = typeof value === 'string' ? inline(value) : Array.isArray(value) ? flowList(value.map((v) => String(v))) : todo(`the one person for ${role}`);
    return `  ${role}: ${written}\n`;
  }).join('');
  const tasks = parkedCandidates(release).map((item, index) => {
    const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
    const reason = item.reason?.trim();
    const askedBy = item.askedBy?.trim();
    const notes = [`Parked in ${closed}.`, reason ? `Reason: ${sentence(reason)}` : '', askedBy ? `Asked by ${askedBy}.` : '', 'Give it one owner, or park it again.'].filter(Boolean).join(' ');
    return [`  - id: C${index + 1}`, `    title: ${inline(item.title)}`, '    status: todo', `    added: ${options.today}`, `    notes: ${inline(notes)}`].join('\n') + '\n';
  });
  const backup = options.backup !== undefined ? `backup: ${options.backup}\n` : `# backup: YYYY-MM-DD, a backup date after the target (date-backup-missing until it is set)\n`;
  return `# Started from ${oneLine(closed)} on ${options.today} (Close Release and Start Next); ${oneLine(closed)} is in ${historyDir}/.
release: ${inline(options.name)}
# One sentence, from the customer's side, e.g. "Customers cannot export their invoices as PDF."
problem: ${todo('the one customer problem this release solves, in one sentence')}
target: ${options.target}
${backup}# freeze: set scope (the day testing starts) and features (no new features after it) when testing starts.
# The same people as in ${oneLine(closed)}; change them here if the rhythm changes.
roles:
${roles}# Work parked in ${oneLine(closed)}, as candidates: each needs one owner (or park it again).
tasks:${tasks.length === 0 ? ' []\n' : `\n${tasks.join('')}`}parked: []
`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/**
 * The closed release's rollback.yaml with the stable version set to what went out (a shipped
 * release with a recorded version; a placeholder when none was recorded, as the old one is no
 * longer what runs) and no rehearsals: the next release rehearses again. A rolled-back release
 * keeps the old stable version: that is what is running. Comments are kept.
 */
function nextRollbackText(text: string, record: ShippedRecord, closed: string): string {
  const edits: TextEdit[] = [];
  if (record.outcome === 'shipped') {
    const version = record.version ?? placeholderFor(`the version ${oneLine(closed)} shipped as`);
    const set = setValue(text, ['stable', 'version'], version);
    if (set.ok) edits.push(...set.edits);
  }
  const rehearsals = emptyListEdit(text, 'rehearsals');
  if (rehearsals) edits.push(rehearsals);
  return applyEdits(text, edits);
}

/** Replaces a top-level list that has items with `[]`, keeping the key and the comments before it. */
function emptyListEdit(text: string, key: string): TextEdit | undefined {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((p: Pair) => isScalar(p.key) && p.key.value === key);
  const value = pair?.value as Node | null | undefined;
  const keyEnd = (pair?.key as Node | undefined)?.range?.[1];
  if (!isSeq(value) || value.items.length === 0 || !value.range || keyEnd === undefined) return undefined;
  let end = value.range[1];
  while (end > 0 && /\s/.test(text[end - 1] ?? '')) end--;
  return { start: text.indexOf(':', keyEnd) + 1, end, text: ' []' };
}
