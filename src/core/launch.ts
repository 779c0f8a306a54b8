import { addDays, dayNumber } from './dates';
import { hasHappened } from './evidence';
import type { Release, ShipOutcome } from './schemas';
import type { Loose } from './validate';

/**
 * Where a release is in its life, from `shipped:` in release.yaml and the day it is checked:
 *
 * - `planning`: not shipped — no `shipped:`, an outcome that is not a launch (`slipped`: nothing
 *   went out), a record the schema dropped (a bad date or outcome), or a `shipped.date` after today
 *   (a planned launch is a plan, not a fact: see evidence.ts). Every rule applies.
 * - `watch`: it went out (`shipped` or `rolled-back`) and today is its date or the day after — the
 *   first day after launch, when the owners stay on watch and the rollback triggers are acted on.
 *   No capacity, freeze or target-date warnings; the rollback rules still apply; `launch-watch` says
 *   who is on watch.
 * - `history`: after the watch day. The release is a record: only what keeps its files readable
 *   (syntax, schema, dates, unique task ids) is checked, and the review family (the post-release
 *   review, recurring blockers, the rhythm after a rescue: what the next release learns from).
 */
export type LaunchPhase = 'planning' | 'watch' | 'history';

/** The launch record as the rules read it: only a complete one (a real date and a known outcome). */
export interface ShippedRecord {
  date: string;
  outcome: ShipOutcome;
  version?: string;
}

export interface Launch {
  phase: LaunchPhase;
  /** The complete `shipped:` record, whatever the phase (a `slipped` one, a future one included). */
  shipped?: ShippedRecord;
  /** The last day of the watch: the day after `shipped.date` (set outside `planning`). */
  watchEnds?: string;
}

/** The outcomes that mean the release went out (and so has a launch watch, then becomes history). */
export const LAUNCH_OUTCOMES: readonly ShipOutcome[] = ['shipped', 'rolled-back'];

/** The phase of `release` on `today`. Pure: "today" is passed in, never read. */
export function launchState(release: Loose<Release> | undefined, today: string): Launch {
  const record = shippedRecord(release);
  if (!record) return { phase: 'planning' };
  // A launch dated after today has not happened; a slip is not a launch.
  if (!LAUNCH_OUTCOMES.includes(record.outcome) || !hasHappened(record.date, today)) return { phase: 'planning', shipped: record };
  const watchEnds = addDays(record.date, 1);
  const phase = (dayNumber(today) as number) <= (dayNumber(watchEnds) as number) ? 'watch' : 'history';
  return { phase, shipped: record, watchEnds };
}

/** `shipped:` when it has a valid date and outcome (the schema drops a bad one, so it is then absent). */
export function shippedRecord(release: Loose<Release> | undefined): ShippedRecord | undefined {
  const shipped = release?.shipped;
  if (!shipped || typeof shipped.date !== 'string' || dayNumber(shipped.date) === undefined || shipped.outcome === undefined) return undefined;
  const version = shipped.version === undefined || shipped.version === null || String(shipped.version).trim() === '' ? undefined : String(shipped.version).trim();
  return { date: shipped.date, outcome: shipped.outcome, ...(version !== undefined ? { version } : {}) };
}

/** True once the release went out (watch or history): the plan is no longer a plan for a launch ahead. */
export function afterLaunch(launch: Launch): boolean {
  return launch.phase !== 'planning';
}
