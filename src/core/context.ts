import { RULES, type RuleCode } from './catalog';
import { addDays, dayNumber, workingDaysBetween } from './dates';
import { afterLaunch, launchState, type Launch } from './launch';
import { People } from './people';
import type { Loaded, Plan } from './plan';
import type { Release, Task } from './schemas';
import type { SourceFile, YamlPath } from './source';
import { defineMessages, findingText, type Message, type MessageArg } from './message';
import type { Timeline } from './timeline';
import type { Finding, RelatedInfo, Severity } from './types';
import type { Loose } from './validate';

export interface Limits {
  open_tasks: number;
  open_tasks_per_owner: number;
  risky_tasks: number;
  runbook_steps: number;
  rehearsal_age_days: number;
  dry_run_age_days: number;
}

export const DEFAULT_LIMITS: Limits = {
  open_tasks: 12,
  open_tasks_per_owner: 4,
  risky_tasks: 2,
  runbook_steps: 12,
  rehearsal_age_days: 14,
  dry_run_age_days: 14,
};

/** Days before target from which a missing safeguard (a rehearsal, a blocker's clearer) is an error. */
export const DEADLINE_DAYS = 3;

export interface IndexedTask {
  task: Loose<Task>;
  index: number;
}

/** What every rule gets: the plan, the day it is checked on, limits, people, and a way to report. */
export class RuleContext {
  readonly findings: Finding[] = [];
  readonly limits: Limits;
  readonly people: People;
  /** Where the release is in its life (`shipped:` and today): planning, the launch watch, or history. */
  readonly launch: Launch;

  constructor(
    readonly plan: Plan,
    readonly today: string,
    private readonly history?: Timeline,
  ) {
    const configured = Object.fromEntries(Object.entries(plan.config.limits ?? {}).filter(([, value]) => typeof value === 'number'));
    this.limits = { ...DEFAULT_LIMITS, ...configured };
    this.people = new People(plan.team?.data, plan.config.team_labels ?? []);
    this.launch = launchState(plan.release?.data, today);
  }

  /** True once the release went out (`shipped:` with outcome shipped or rolled-back, dated on or before today). */
  afterLaunch(): boolean {
    return afterLaunch(this.launch);
  }

  get release(): Loaded<Release> | undefined {
    return this.plan.release;
  }

  /**
   * The plan's history from version control (`CheckOptions.timeline`), when there is one and it is
   * about the release the plan names now: a release.yaml started afresh for the next release is
   * not judged by the old one's history. Undefined otherwise — rules then claim no history.
   */
  timeline(): Timeline | undefined {
    const name = this.release?.data.release;
    return this.history && name !== undefined && this.history.release === name ? this.history : undefined;
  }

  report(source: SourceFile, path: YamlPath, code: RuleCode, message: Message, options: { prefer?: 'key' | 'value'; severity?: Severity; data?: Record<string, string>; related?: RelatedInfo[] } = {}): void {
    const finding = source.finding(source.rangeFor(path, options.prefer ?? 'key'), options.severity ?? RULES[code].severity, code, message, path);
    this.findings.push({ ...finding, ...(options.data ? { data: options.data } : {}), ...(options.related?.length ? { related: options.related } : {}) });
  }

  /** Related information at `path` of `source` (a place that explains a finding), rendered in English like findings. */
  related(source: SourceFile, path: YamlPath, message: Message, prefer: 'key' | 'value' = 'value'): RelatedInfo {
    return { file: source.path, range: source.rangeFor(path, prefer), message: findingText(message), l10n: message };
  }

  private taskList: IndexedTask[] | undefined;
  private openList: IndexedTask[] | undefined;

  /** Tasks that are not done, with their index in the file (for ranges). */
  openTasks(): IndexedTask[] {
    this.openList ??= this.tasks().filter(({ task }) => task.status !== 'done');
    return this.openList;
  }

  /** Every task that passed the schema, computed once per check (rules only read it). */
  tasks(): IndexedTask[] {
    if (!this.taskList) {
      this.taskList = [];
      (this.release?.data.tasks ?? []).forEach((task, index) => {
        if (task) this.taskList?.push({ task, index });
      });
    }
    return this.taskList;
  }

  /**
   * The date open work must fit before: the target up to and including the target day, then the
   * backup date, or nothing after both (date-target-passed already says what to do then). Nothing
   * once the release went out: work left open no longer has a launch to fit before.
   */
  horizon(): { date: string; name: 'target' | 'the release today' | 'the backup date' } | undefined {
    if (this.afterLaunch()) return undefined;
    const data = this.release?.data;
    const today = dayNumber(this.today) ?? 0;
    const target = dayNumber(data?.target);
    const backup = dayNumber(data?.backup);
    if (target !== undefined && today < target) return { date: data?.target as string, name: 'target' };
    if (target !== undefined && today === target) return { date: data?.target as string, name: 'the release today' };
    if (backup !== undefined && today < backup) return { date: data?.backup as string, name: 'the backup date' };
    return undefined;
  }

  /**
   * Working days left before the horizon, today included. On the target day itself that day is
   * all that is left (1 on a weekday), so open work on release day still shows as not fitting.
   */
  workingDaysLeft(horizon: { date: string }): number {
    if (horizon.date === this.today) return workingDaysBetween(this.today, addDays(this.today, 1));
    return workingDaysBetween(this.today, horizon.date);
  }

  /** True from DEADLINE_DAYS before the target on (also once it has passed). */
  nearTarget(): boolean {
    const target = dayNumber(this.release?.data.target);
    const today = dayNumber(this.today);
    return target !== undefined && today !== undefined && target - today <= DEADLINE_DAYS;
  }
}

/** How messages name a task: its id as written, or "#3" (its place in the list, as the Release view shows it) for one without an id. */
export function taskLabel(task: Loose<Task>, index: number): MessageArg {
  return task.id !== undefined ? String(task.id) : messages('task/number', { number: index + 1 });
}

/** Fragments more than one rule family uses: counted nouns (singular for exactly 1) and a task without an id. */
const messages = defineMessages({
  'count/open-task/one': '1 open task',
  'count/open-task': '{count} open tasks',
  'count/open-risky-task/one': '1 open risky task',
  'count/open-risky-task': '{count} open risky tasks',
  'count/day/one': '1 day',
  'count/day': '{count} days',
  'count/working-day/one': '1 working day',
  'count/working-day': '{count} working days',
  'count/step/one': '1 step',
  'count/step': '{count} steps',
  'count/minute/one': '1 minute',
  'count/minute': '{count} minutes',
  'count/timed-rehearsal/one': '1 timed rehearsal',
  'count/timed-rehearsal': '{count} timed rehearsals',
  'task/number': '#{number}',
});

export type Counted = 'open-task' | 'open-risky-task' | 'day' | 'working-day' | 'step' | 'minute' | 'timed-rehearsal';

/** "1 day", "3 days", "2.5 days": a count with its noun, as a message. */
export function counted(count: number, noun: Counted): Message {
  return count === 1 ? messages(`count/${noun}/one`) : messages(`count/${noun}`, { count });
}

/** The id suffix of the sentences that name the date open work must fit before (see `RuleContext.horizon`): each is a whole sentence. */
export function horizonKey(name: 'target' | 'the release today' | 'the backup date'): 'target' | 'release-day' | 'backup' {
  return name === 'target' ? 'target' : name === 'the release today' ? 'release-day' : 'backup';
}

