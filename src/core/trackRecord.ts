import { daysBetween, dayNumber } from './dates';
import type { CheckResult } from './engine';
import { hasHappened } from './evidence';
import { shippedRecord, type ShippedRecord } from './launch';
import type { Loaded, PastRelease, Plan } from './plan';
import { pastName, recurringBlockers } from './rules/review';
import { rehearsalEvidence } from './rules/rollback';
import type { Release, Rollback } from './schemas';
import { taskOrigin, type Timeline } from './timeline';
import { RELEASE_FILE, REVIEW_FILE } from './types';

/**
 * How a release kept its date:
 * - `on-time`: it went out (`shipped`) on or before its target;
 * - `slipped`: it went out after its target (by `slippedDays` calendar days), or a slip was called;
 * - `rolled-back`: it went out and was rolled back;
 * - `unknown`: the record cannot tell — no `shipped:` record (or one dated after today), or no
 *   target to compare with. The track record asks for the answer; it never guesses on time.
 */
export type TrackVerdict = 'on-time' | 'slipped' | 'rolled-back' | 'unknown';

/** Why a verdict is unknown: what the release's files need so the track record can say. */
export type UnknownReason = 'no-shipped-record' | 'not-yet' | 'no-target';

/**
 * Tasks that joined after `freeze.scope`: a task's `added:` later than the freeze day, or, for the
 * current release when the check has the plan's git history and the task has no `added:`, the
 * commit that added it (the same notion `scope-late-addition` uses). Known only when the day every
 * task joined is known: else `unknown` with `undated` tasks (never "none" while a late task may hide
 * among them), or `no-freeze`.
 */
export type ScopeGrowth =
  | { known: true; freeze: string; tasks: number; /** Sum of their estimates, in days. */ estimate: number; /** Late tasks without an estimate (not in `estimate`). */ unestimated: number }
  | { known: false; why: 'no-freeze' }
  | { known: false; why: 'undated'; freeze: string; /** Tasks with no valid `added:` whose joining day git does not tell either. */ undated: number };

/**
 * How the current release's target date moved, from the plan's git history: the first target
 * committed and how many times it changed since (the file's target counts when it differs from the
 * last one committed). Only for the current release when the check has the history.
 */
export interface TargetHistory {
  first: string;
  moves: number;
}

export interface TimedRehearsal {
  date: string;
  minutes: number;
}

/** A release's timed, production-like rehearsals that happened (the ones the rollback rules count). */
export interface RehearsalRecord {
  count: number;
  /** The last one before the launch (or today): what the release went out with. */
  latest?: TimedRehearsal;
  /** The fastest one (the earliest of equals). */
  best?: TimedRehearsal;
  targetMinutes?: number;
}

export interface TrackRow {
  /** The release's name (`release:`), else its folder's name under history/. */
  name: string;
  /** The history folder's name; undefined for the current release. */
  folder?: string;
  /** True for the current release (`.release/release.yaml`), shown when it has a `shipped:` record. */
  current: boolean;
  /** Its release.yaml, relative to the workspace folder (opened from the row). */
  file: string;
  rescue: boolean;
  target?: string;
  backup?: string;
  shipped?: ShippedRecord;
  verdict: TrackVerdict;
  /** For `slipped` with a launch date: calendar days from the target to the launch (launch day minus target day). */
  slippedDays?: number;
  /** For `slipped` with a launch date and a backup: whether it went out on or before the backup date. */
  withinBackup?: boolean;
  /** For `unknown`: what is missing. */
  unknown?: UnknownReason;
  /**
   * The current release's target moves, when the check has the plan's git history. `on-time` is
   * judged against the final target: without this (past releases) or with moves, the first target
   * is not known to be the one kept.
   */
  targetHistory?: TargetHistory;
  /** True only when `targetHistory` shows the target it was judged against was the first one committed (never moved). */
  firstTargetKept?: true;
  growth: ScopeGrowth;
  rehearsals: RehearsalRecord;
  /** Whether its post-release review (review.yaml) is written. */
  review: { state: 'written' | 'missing'; file: string };
}

/**
 * A blocker that came back: reported on two or more days or in two or more releases (the check-ins
 * of this and past releases, open tasks' `blocker:`), from `recurringBlockers(plan, today)` of the
 * review rules, as plain data.
 */
export interface TrackBlocker {
  /** As it was first written (its oldest place). */
  what: string;
  /** The releases it was reported in, oldest first, by name (the current one by its `release:`). */
  releases: string[];
  /** The distinct days it was reported on. */
  days: number;
  /** True while the current release reports it too (then `blocker-recurring` is a finding). */
  current: boolean;
}

export interface TrackRecord {
  /** Past releases (oldest first, as loaded), then the current one when it has a `shipped:` record. */
  rows: TrackRow[];
  /** Each row's latest timed rehearsal, in row order: the rehearsal-minutes trend across releases. */
  rehearsalTrend: { name: string; current: boolean; minutes: number; date: string }[];
  /** Blockers that recur, most often reported first (see TrackBlocker). */
  recurringBlockers: TrackBlocker[];
  /** The current release's post-release review: `missing` is only said once it went out. */
  review: { state: 'written' | 'missing' | 'not-due'; file: string };
}

/**
 * The team's track record across `.release/history/` and the current release: plain data, no
 * sentences (each view words it). Pure: `today` is passed in (a launch dated after it is a plan).
 */
export function trackRecord(plan: Plan, today: string, timeline?: Timeline): TrackRecord {
  const rows = plan.history.map((past) => pastRow(past, today));
  const current = plan.release ? currentRow(plan, today, timeline) : undefined;
  if (current) rows.push(current);
  const rehearsalTrend = rows.flatMap((row) => (row.rehearsals.latest ? [{ name: row.name, current: row.current, minutes: row.rehearsals.latest.minutes, date: row.rehearsals.latest.date }] : []));
  const launched = current !== undefined && current.shipped !== undefined && current.shipped.outcome !== 'slipped' && hasHappened(current.shipped.date, today);
  return {
    rows,
    rehearsalTrend,
    recurringBlockers: trackBlockers(plan, today),
    review: { state: plan.review ? 'written' : launched ? 'missing' : 'not-due', file: REVIEW_FILE },
  };
}

const memo = new WeakMap<CheckResult, TrackRecord>();

/** The track record of one check: computed once per check result and shared (read-only). */
export function trackRecordOf(result: CheckResult): TrackRecord {
  let record = memo.get(result);
  if (!record) {
    record = trackRecord(result.plan, result.context.today, result.context.timeline());
    memo.set(result, record);
  }
  return record;
}

/**
 * True when a row's target is known to be its first: the current release with its git history,
 * whose target never moved. `on-time` is judged against the final target, so elsewhere the views
 * say "on time (final target)".
 */
export function targetKnownFirst(row: TrackRow): boolean {
  return row.firstTargetKept === true;
}

/** True when the dashboard and the Release view have something to show: history, or a current release that has a record. */
export function hasTrackRecord(record: TrackRecord): boolean {
  return record.rows.length > 0;
}

/** The recurring blockers as plain data: the most days first, then as the rules order them (oldest first). */
function trackBlockers(plan: Plan, today: string): TrackBlocker[] {
  const current = currentName(plan);
  const blockers = recurringBlockers(plan, today).map((recurring) => {
    const releases = recurring.releases.flatMap((release) => (release !== 'current' ? [release] : current !== '' ? [current] : []));
    return { what: recurring.places[0]?.what ?? recurring.key, releases, days: recurring.days.length, current: recurring.releases.includes('current') };
  });
  return blockers.map((blocker, order) => ({ blocker, order })).sort((a, b) => b.blocker.days - a.blocker.days || a.order - b.order).map(({ blocker }) => blocker);
}

/** The current release's name (`release:`, trimmed), or '' without one. */
function currentName(plan: Plan): string {
  const name = plan.release?.data.release;
  return typeof name === 'string' ? name.trim() : '';
}

function pastRow(past: PastRelease, today: string): TrackRow {
  const file = `${past.dir}/release.yaml`;
  return {
    ...releaseFacts(past.release, past.rollback, today, pastName(past)),
    folder: past.name,
    current: false,
    file,
    review: { state: past.review ? 'written' : 'missing', file: `${past.dir}/review.yaml` },
  };
}

function currentRow(plan: Plan, today: string, timeline: Timeline | undefined): TrackRow | undefined {
  if (!shippedRecord(plan.release?.data)) return undefined;
  const facts = releaseFacts(plan.release, plan.rollback, today, currentName(plan), timeline);
  const targetHistory = timeline ? targetHistoryOf(timeline, facts.target) : undefined;
  return {
    ...facts,
    ...(targetHistory ? { targetHistory } : {}),
    ...(targetHistory && targetHistory.moves === 0 && targetHistory.first === facts.target ? { firstTargetKept: true as const } : {}),
    current: true,
    file: RELEASE_FILE,
    review: { state: plan.review ? 'written' : 'missing', file: REVIEW_FILE },
  };
}

type Facts = Omit<TrackRow, 'folder' | 'current' | 'file' | 'review'>;

function releaseFacts(release: Loaded<Release> | undefined, rollback: Loaded<Rollback> | undefined, today: string, name: string, timeline?: Timeline): Facts {
  const data = release?.data;
  const target = dayNumber(data?.target) !== undefined ? (data?.target as string) : undefined;
  const backup = dayNumber(data?.backup) !== undefined ? (data?.backup as string) : undefined;
  const shipped = shippedRecord(data);
  return {
    name,
    rescue: data?.rescue === true,
    ...(target !== undefined ? { target } : {}),
    ...(backup !== undefined ? { backup } : {}),
    ...(shipped ? { shipped } : {}),
    ...verdictOf(shipped, target, backup, today),
    growth: scopeGrowth(release, timeline),
    rehearsals: rehearsalRecord(rollback, shipped && hasHappened(shipped.date, today) ? shipped.date : today),
  };
}

function verdictOf(shipped: ShippedRecord | undefined, target: string | undefined, backup: string | undefined, today: string): Pick<TrackRow, 'verdict' | 'slippedDays' | 'withinBackup' | 'unknown'> {
  if (!shipped) return { verdict: 'unknown', unknown: 'no-shipped-record' };
  // A launch dated after today has not happened (see evidence.ts): nothing to judge yet.
  if (!hasHappened(shipped.date, today)) return { verdict: 'unknown', unknown: 'not-yet' };
  if (shipped.outcome === 'rolled-back') return { verdict: 'rolled-back' };
  // A slip called on a date: nothing went out, so there is no launch day to count from.
  if (shipped.outcome === 'slipped') return { verdict: 'slipped' };
  if (target === undefined) return { verdict: 'unknown', unknown: 'no-target' };
  const late = daysBetween(target, shipped.date) as number;
  if (late <= 0) return { verdict: 'on-time' };
  return { verdict: 'slipped', slippedDays: late, ...(backup !== undefined ? { withinBackup: (daysBetween(shipped.date, backup) as number) >= 0 } : {}) };
}

/**
 * Tasks added after the scope freeze, as scope-late-addition counts them: the day a task joined is
 * its `added:`, else (the current release, with its git history) the commit that added it; a task
 * in the plan's first commit is its starting scope. One task whose day is unknown makes it unknown.
 */
function scopeGrowth(release: Loaded<Release> | undefined, timeline: Timeline | undefined): ScopeGrowth {
  const data = release?.data;
  const freeze = data?.freeze?.scope;
  const frozen = dayNumber(freeze);
  if (frozen === undefined) return { known: false, why: 'no-freeze' };
  let tasks = 0;
  let estimate = 0;
  let unestimated = 0;
  let undated = 0;
  for (const [index, task] of (data?.tasks ?? []).entries()) {
    if (!task) continue;
    // An `added:` written but not a date is the file's word, wrong: git does not overrule it (as in scope-late-addition).
    const written = release?.source.node(['tasks', index, 'added']) !== undefined;
    const joined = joinedDay(task, written ? undefined : timeline);
    if (joined === undefined) {
      undated++;
      continue;
    }
    if (joined.day <= frozen && !joined.lateThen) continue;
    tasks++;
    if (typeof task.estimate === 'number') estimate += task.estimate;
    else unestimated++;
  }
  if (undated > 0) return { known: false, why: 'undated', freeze: freeze as string, undated };
  return { known: true, freeze: freeze as string, tasks, estimate, unestimated };
}

/**
 * The day a task joined (a day number): its `added:`, else the commit that added it; `-Infinity` for
 * the starting scope. `lateThen`: git saw it join after the scope freeze in force then (one pushed
 * back later, or in the same commit, does not make it early — as in scope-late-addition).
 */
function joinedDay(task: NonNullable<NonNullable<Loaded<Release>['data']['tasks']>[number]>, timeline: Timeline | undefined): { day: number; lateThen: boolean } | undefined {
  const added = dayNumber(task.added);
  if (added !== undefined) return { day: added, lateThen: false };
  if (!timeline) return undefined;
  const key = task.id !== undefined ? String(task.id) : typeof task.title === 'string' ? task.title : undefined;
  const origin = key !== undefined ? taskOrigin(timeline, key) : undefined;
  if (!origin) return undefined;
  if (origin.initial) return { day: -Infinity, lateThen: false };
  const day = dayNumber(origin.date);
  return day === undefined ? undefined : { day, lateThen: origin.afterFreeze === 'scope' };
}

/**
 * The first target committed once the plan was no draft, and the moves since (the file's target,
 * when it differs from the last committed, is one more). None from a cut-off history: its first
 * target is not known.
 */
function targetHistoryOf(timeline: Timeline, target: string | undefined): TargetHistory | undefined {
  if (timeline.truncated) return undefined;
  let first: string | undefined;
  let last: string | undefined;
  let moves = 0;
  for (const point of timeline.points) {
    // A draft's target (init's default) is not a commitment: the first is the first after it, as plan-churn counts.
    if (point.target === undefined || point.draft) continue;
    if (first === undefined) first = point.target;
    else if (point.target !== last) moves++;
    last = point.target;
  }
  if (first === undefined) return undefined;
  if (target !== undefined && target !== last) moves++;
  return { first, moves };
}

/** The rehearsals that count (timed, production-like, happened by `until`): the latest and the best. */
function rehearsalRecord(rollback: Loaded<Rollback> | undefined, until: string): RehearsalRecord {
  const data = rollback?.data;
  const targetMinutes = typeof data?.target_minutes === 'number' ? data.target_minutes : undefined;
  const recorded = (data?.rehearsals ?? []).filter((r) => r !== undefined).map((rehearsal) => ({ rehearsal }));
  const counting = rehearsalEvidence(recorded, until).counting.map(({ rehearsal }) => ({ date: rehearsal?.date as string, minutes: rehearsal?.minutes as number }));
  const latest = counting[counting.length - 1];
  let best: TimedRehearsal | undefined;
  for (const r of counting) if (!best || r.minutes < best.minutes) best = r;
  return { count: counting.length, ...(latest ? { latest } : {}), ...(best ? { best } : {}), ...(targetMinutes !== undefined ? { targetMinutes } : {}) };
}
