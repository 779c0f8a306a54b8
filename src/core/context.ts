import { RULES, type RuleCode } from './catalog';
import { People } from './people';
import type { Loaded, Plan } from './plan';
import type { Release, Task } from './schemas';
import type { SourceFile, YamlPath } from './source';
import type { Finding, Severity } from './types';
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

export interface IndexedTask {
  task: Loose<Task>;
  index: number;
}

/** What every rule gets: the plan, the day it is checked on, limits, people, and a way to report. */
export class RuleContext {
  readonly findings: Finding[] = [];
  readonly limits: Limits;
  readonly people: People;

  constructor(
    readonly plan: Plan,
    readonly today: string,
  ) {
    const configured = Object.fromEntries(Object.entries(plan.config.limits ?? {}).filter(([, value]) => typeof value === 'number'));
    this.limits = { ...DEFAULT_LIMITS, ...configured };
    this.people = new People(plan.team?.data, plan.config.team_labels ?? []);
  }

  get release(): Loaded<Release> | undefined {
    return this.plan.release;
  }

  report(source: SourceFile, path: YamlPath, code: RuleCode, message: string, options: { prefer?: 'key' | 'value'; severity?: Severity } = {}): void {
    this.findings.push(source.finding(source.rangeFor(path, options.prefer ?? 'key'), options.severity ?? RULES[code].severity, code, message, path));
  }

  /** Tasks that are not done, with their index in the file (for ranges). */
  openTasks(): IndexedTask[] {
    return this.tasks().filter(({ task }) => task.status !== 'done');
  }

  tasks(): IndexedTask[] {
    const list = this.release?.data.tasks ?? [];
    const out: IndexedTask[] = [];
    list.forEach((task, index) => {
      if (task) out.push({ task, index });
    });
    return out;
  }
}

export function taskLabel(task: Loose<Task>, index: number): string {
  return task.id !== undefined ? String(task.id) : `task ${index + 1}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
