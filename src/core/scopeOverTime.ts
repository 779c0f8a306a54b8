import { dayNumber, formatDay } from './dates';
import type { CheckResult } from './engine';
import { versionScope, type Timeline, type TimelinePoint, type Truncation } from './timeline';

/** One calendar day of the release's scope: the plan as it stood at the end of that day. */
export interface ScopeDay {
  date: string;
  openTasks: number;
  /** Sum of the open tasks' estimates, in days. */
  openEstimate: number;
  /**
   * How the day got its value: `commit` — a committed version is dated that day (the last one of
   * the day counts); `carried` — no commit that day, the day before's value holds; `uncommitted` —
   * the plan as it is now (edits not committed yet), on today's date.
   */
  source: 'commit' | 'carried' | 'uncommitted';
  /** For `commit`: who made the day's last version, and which commit it was. */
  author?: string;
  commit?: string;
}

/** A task that joined after a freeze that was in force, from the commit that added it. */
export interface LateAddition {
  task: string;
  title: string;
  author: string;
  date: string;
  commit: string;
  freeze: 'scope' | 'features';
}

export type ScopeOverTime =
  | {
      known: true;
      release: string;
      /** Every calendar day from the first version's day to the last one's (or today's, with uncommitted edits), oldest first. */
      days: ScopeDay[];
      /** The freeze dates as the latest version says (the working plan's, when it has uncommitted edits). */
      freezeScope?: string;
      freezeFeatures?: string;
      /** Tasks added after a freeze, oldest first. */
      lateAdditions: LateAddition[];
      /** True when the last day is the working plan, which differs from the last commit. */
      uncommitted: boolean;
      /** Days before this were left out (more than MAX_DAYS days of history): their value is carried into the first day. */
      clipped: boolean;
      /**
       * Set when the history read from git is cut off (a shallow clone, or more versions than are
       * read): the first day is where the reading starts, not where the release started.
       */
      cutOff?: Truncation;
    }
  | {
      known: false;
      /** The check had no history for the release the plan names now (no git, not a repository, never committed …: the host says which). */
      why: 'no-history';
    };

/** At most this many days are drawn (two years): older days are left out, the value at the start carried in. */
export const MAX_DAYS = 731;

interface DayValue {
  day: number;
  openTasks: number;
  openEstimate: number;
  source: 'commit' | 'uncommitted';
  author?: string;
  commit?: string;
  freezeScope?: string;
  freezeFeatures?: string;
}

/**
 * The release's scope over time, one point per calendar day, from the check's timeline (git) and
 * the plan as it is now. Pure: the timeline and `today` come from the check.
 *
 * - Each version counts on its date (the committer's day); of several versions on one day, the last one (in
 *   commit order) is the day's value. Versions without a valid date are left out.
 * - Days without a commit are filled in (`carried`): the scope did not change on them.
 * - The working plan is one more point, on today (or on the last commit's day when today is not
 *   after it), when it counts differently from the last version (open tasks, estimate or freezes):
 *   uncommitted edits. Equal counts add nothing, however the text differs.
 * - Late additions are the timeline's `task-added` events marked `afterFreeze`; tasks added in
 *   uncommitted edits have no author yet and are not listed.
 */
export function scopeOverTime(timeline: Timeline | undefined, working: string | undefined, today: string): ScopeOverTime {
  if (!timeline || timeline.release === undefined) return { known: false, why: 'no-history' };
  const byDay = new Map<number, DayValue>();
  for (const point of timeline.points) {
    const day = dayNumber(point.date);
    if (day === undefined) continue;
    byDay.set(day, fromPoint(day, point));
  }
  const committed = [...byDay.values()].sort((a, b) => a.day - b.day);
  const last = committed[committed.length - 1];
  if (!last) return { known: false, why: 'no-history' };

  const now = working !== undefined ? versionScope(working) : undefined;
  let uncommitted = false;
  if (now && now.release === timeline.release) {
    const latest = timeline.points[timeline.points.length - 1] as TimelinePoint;
    const differs = now.openTasks !== latest.openTasks || now.openEstimate !== latest.openEstimate || now.freezeScope !== latest.freezeScope || now.freezeFeatures !== latest.freezeFeatures;
    if (differs) {
      uncommitted = true;
      const day = Math.max(dayNumber(today) ?? last.day, last.day);
      const value: DayValue = { day, openTasks: now.openTasks, openEstimate: now.openEstimate, source: 'uncommitted', ...freezes(now) };
      if (day === last.day) committed[committed.length - 1] = value;
      else committed.push(value);
    }
  }

  const end = (committed[committed.length - 1] as DayValue).day;
  const first = (committed[0] as DayValue).day;
  const start = Math.max(first, end - MAX_DAYS + 1);
  const days: ScopeDay[] = [];
  let index = 0;
  let current: DayValue | undefined;
  // The value in force on the first drawn day: the last version on or before it.
  while (index < committed.length && (committed[index] as DayValue).day < start) current = committed[index++];
  for (let day = start; day <= end; day++) {
    const next = committed[index];
    if (next && next.day === day) {
      current = next;
      index++;
      days.push({ date: formatDay(day), openTasks: next.openTasks, openEstimate: next.openEstimate, source: next.source, ...(next.author !== undefined ? { author: next.author } : {}), ...(next.commit !== undefined ? { commit: next.commit } : {}) });
    } else if (current) {
      days.push({ date: formatDay(day), openTasks: current.openTasks, openEstimate: current.openEstimate, source: 'carried' });
    }
  }
  const latest = committed[committed.length - 1] as DayValue;
  const lateAdditions: LateAddition[] = timeline.events.flatMap((event) =>
    event.kind === 'task-added' && event.afterFreeze ? [{ task: event.task, title: event.title, author: event.author, date: event.date, commit: event.commit, freeze: event.afterFreeze }] : [],
  );
  return {
    known: true,
    release: timeline.release,
    days,
    ...freezes(latest),
    lateAdditions,
    uncommitted,
    clipped: start > first,
    ...(timeline.truncated ? { cutOff: timeline.truncated } : {}),
  };
}

function fromPoint(day: number, point: TimelinePoint): DayValue {
  return { day, openTasks: point.openTasks, openEstimate: point.openEstimate, source: 'commit', author: point.author, commit: point.commit, ...freezes(point) };
}

function freezes(from: { freezeScope?: string; freezeFeatures?: string }): { freezeScope?: string; freezeFeatures?: string } {
  return { ...(from.freezeScope !== undefined ? { freezeScope: from.freezeScope } : {}), ...(from.freezeFeatures !== undefined ? { freezeFeatures: from.freezeFeatures } : {}) };
}

const memo = new WeakMap<CheckResult, ScopeOverTime>();

/** The scope over time of one check (its timeline, its plan text, its today): computed once per check result and shared (read-only). */
export function scopeOverTimeOf(result: CheckResult): ScopeOverTime {
  let scope = memo.get(result);
  if (!scope) {
    scope = scopeOverTime(result.context.timeline(), result.plan.release?.source.text, result.context.today);
    memo.set(result, scope);
  }
  return scope;
}
