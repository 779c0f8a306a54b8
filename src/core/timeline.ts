/**
 * The plan's history from version control: what changed in `.release/release.yaml`, when and by
 * whom. Plain data; the CLI reads the versions with git, the extension through VS Code's Git
 * extension, and `planTimeline` (below, pure) turns them into events.
 */

/** One committed version of release.yaml, oldest first when passed to `planTimeline`. */
export interface PlanVersion {
  /** The commit's full hash. */
  commit: string;
  /** The author's name as git records it. */
  author: string;
  /** The author date, YYYY-MM-DD (the day the change was made). */
  date: string;
  /** release.yaml's text at that commit (empty when the file was deleted there). */
  text: string;
}

/** Where an event came from: the commit that made the change. */
export interface Provenance {
  commit: string;
  author: string;
  date: string;
}

export type TimelineEvent = Provenance &
  (
    | {
        kind: 'task-added';
        task: string;
        title: string;
        /** Set when the task joined after a freeze that was already in force on `date`. */
        afterFreeze?: 'scope' | 'features';
      }
    | { kind: 'task-removed'; task: string; title: string }
    | { kind: 'task-done'; task: string; title: string }
    | { kind: 'owner-changed'; task: string; from?: string; to?: string }
    | { kind: 'role-changed'; role: string; from?: string; to?: string }
    | { kind: 'target-moved'; from?: string; to?: string }
    | { kind: 'backup-moved'; from?: string; to?: string }
    | { kind: 'problem-rewritten'; from?: string; to?: string }
  );

/** The state of the plan after one version: for "scope over time". */
export interface TimelinePoint extends Provenance {
  openTasks: number;
  /** Sum of the open tasks' estimates, in days. */
  openEstimate: number;
  target?: string;
  freezeScope?: string;
  freezeFeatures?: string;
}

export interface Timeline {
  /** Every change, oldest first. */
  events: TimelineEvent[];
  /** One point per version that parsed, oldest first. */
  points: TimelinePoint[];
}
