/**
 * The plan's history from version control: what changed in `.release/release.yaml`, when and by
 * whom. Plain data; the CLI and the extension read the versions with the same reader
 * (src/core/gitLog.ts: the first-parent chain of HEAD), and `planTimeline` (below, pure) turns them
 * into events.
 */
import { dayNumber } from './dates';
import { isPlaceholder } from './placeholder';
import { SourceFile } from './source';
import { RELEASE_FILE } from './types';

/** One committed version of release.yaml, oldest first when passed to `planTimeline`. */
export interface PlanVersion {
  /** The commit's full hash. */
  commit: string;
  /** The author's name as git records it (for a merge: the person who merged). */
  author: string;
  /**
   * The committer date, YYYY-MM-DD, in the committer's own time zone: the day the main line got the
   * change (a rebase or cherry-pick keeps an older author date). The same for every viewer.
   */
  date: string;
  /** release.yaml's text at that commit (empty when the file was deleted there). */
  text: string;
  /** Set when the commit is a merge: the changes it brought came from a branch, and `author` merged them. */
  merge?: true;
}

/**
 * Why, and where, the plan's history read from git is cut off: older versions exist but were not
 * read — a shallow clone whose oldest version's commit has parents it does not hold (`shallow`),
 * the version limit (MAX_VERSIONS) was hit (`limit`), or a partial clone lacks a version's text
 * (`missing`: never fetched, so that version and older ones are unknown). `commit` and `date` are
 * the oldest version read (for `missing` without any version read: the one whose text is missing).
 */
export interface Truncation {
  reason: 'shallow' | 'limit' | 'missing';
  commit: string;
  date: string;
  /** How many versions were read (for `limit`: the limit). */
  read: number;
}

/** Where an event came from: the commit that made the change. */
export interface Provenance {
  commit: string;
  author: string;
  date: string;
  /** The commit is a merge (its author is the person who merged the change in). */
  merge?: true;
}

export type TimelineEvent = Provenance &
  (
    | {
        kind: 'task-added';
        task: string;
        title: string;
        /** Set when the task joined after a freeze that was already in force on `date`. */
        afterFreeze?: 'scope' | 'features';
        /** With `afterFreeze`: the day of the freeze it came after (the one in force before the commit). */
        frozen?: string;
        /** Set for the tasks of the first version: the scope the plan started with, never late. */
        initial?: true;
      }
    | { kind: 'task-removed'; task: string; title: string }
    | { kind: 'task-done'; task: string; title: string }
    | { kind: 'owner-changed'; task: string; from?: string; to?: string }
    | { kind: 'role-changed'; role: string; from?: string; to?: string }
    | {
        kind: 'target-moved';
        from?: string;
        to?: string;
        /** Moved while the plan was still a draft (the version before still had a placeholder problem): not a slip. */
        draft?: true;
      }
    | { kind: 'backup-moved'; from?: string; to?: string; draft?: true }
    | { kind: 'freeze-moved'; freeze: 'scope' | 'features'; from?: string; to?: string }
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
  /** The version is still a draft (its problem a placeholder): its dates are not yet a commitment. */
  draft?: true;
}

export interface Timeline {
  /**
   * The release the timeline is about: the `release:` name of the newest version that parsed. Only
   * the versions since the last closure count (see `planTimeline`), whatever they called the
   * release; rules use the timeline only while the plan names the release by this name.
   */
  release?: string;
  /** Every change, oldest first. */
  events: TimelineEvent[];
  /** One point per version that parsed (of this release), oldest first. */
  points: TimelinePoint[];
  /**
   * For each task of the newest version whose joining was seen, the commit that added it (the last
   * time it joined). A task already in the oldest version of a cut-off history has none.
   */
  origins: TaskOrigin[];
  /**
   * Set when the history read is cut off before this release began (see `Truncation`): the oldest
   * version's tasks and dates are where the reading starts, not where the plan started — nothing is
   * `initial`, and counts of moves are "at least".
   */
  truncated?: Truncation;
}

/** The commit that (last) brought a task of the newest version into the release. */
export type TaskOrigin = Provenance & {
  /** The task's identity in the newest version: its id, else its title. */
  task: string;
  title: string;
  afterFreeze?: 'scope' | 'features';
  /** With `afterFreeze`: the day of the freeze it came after. */
  frozen?: string;
  /** In the first version already: the scope the plan started with (never a late addition). */
  initial?: true;
};

/** One task of a version, as the timeline reads it (loosely: a version need not pass the schema). */
interface TaskState {
  /** Its id as text, when it has one. */
  id?: string;
  title: string;
  owner?: string;
  done: boolean;
  estimate: number;
  feature: boolean;
}

/** What the timeline reads of one version of release.yaml. */
interface VersionState {
  release: string;
  /** `shipped:` records a launch (outcome shipped or rolled-back): the release is closed once this record goes. */
  launched: boolean;
  /** The problem is still a placeholder (`isPlaceholder`): the plan is a draft, its dates not yet a commitment. */
  draft: boolean;
  target?: string;
  backup?: string;
  problem?: string;
  freezeScope?: string;
  freezeFeatures?: string;
  roles: Record<string, string | undefined>;
  tasks: TaskState[];
}

const ROLE_NAMES = ['scope', 'delivery', 'readiness', 'stop'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as text (a date, a name, an id); a list of names joined the way people write them; nothing else. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(scalarText).filter((part): part is string => part !== undefined);
    return parts.length > 0 ? parts.join(', ') : undefined;
  }
  return undefined;
}

/** A version's state, or undefined when its text does not parse as a release with a name. */
function readVersion(text: string): VersionState | undefined {
  // Git hands the same texts again on every re-read (a new commit adds one version): each is parsed once.
  if (versionStates.has(text)) {
    const state = versionStates.get(text);
    versionStates.delete(text);
    versionStates.set(text, state);
    return state;
  }
  const state = parseVersion(text);
  if (text.length <= MAX_REMEMBERED_CHARS) {
    versionStates.set(text, state);
    if (versionStates.size > MAX_REMEMBERED_VERSIONS) versionStates.delete(versionStates.keys().next().value as string);
  }
  return state;
}

/** Versions' states by text, least recently used first (read-only once made). */
const versionStates = new Map<string, VersionState | undefined>();
const MAX_REMEMBERED_VERSIONS = 1000;
const MAX_REMEMBERED_CHARS = 256 * 1024;

function parseVersion(text: string): VersionState | undefined {
  if (text.trim() === '') return undefined;
  const source = new SourceFile(RELEASE_FILE, text);
  const data = source.parsed ? source.data : undefined;
  if (!isRecord(data)) return undefined;
  const release = scalarText(data.release);
  if (release === undefined) return undefined;
  const freeze = isRecord(data.freeze) ? data.freeze : {};
  const roles = isRecord(data.roles) ? data.roles : {};
  const tasks: TaskState[] = [];
  for (const item of Array.isArray(data.tasks) ? data.tasks : []) {
    if (!isRecord(item)) continue;
    const id = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : undefined;
    const title = scalarText(item.title) ?? '';
    if (id === undefined && title === '') continue; // nothing to know it by
    const estimate = typeof item.estimate === 'number' && Number.isFinite(item.estimate) && item.estimate > 0 ? item.estimate : 0;
    const owner = scalarText(item.owner);
    tasks.push({ ...(id !== undefined ? { id } : {}), title, ...(owner !== undefined ? { owner } : {}), done: item.status === 'done', estimate, feature: item.kind === undefined || item.kind === null || item.kind === 'feature' });
  }
  const shipped = isRecord(data.shipped) ? data.shipped : undefined;
  const launched = shipped !== undefined && (shipped.outcome === 'shipped' || shipped.outcome === 'rolled-back');
  const state: VersionState = { release, launched, draft: isPlaceholder(data.problem), roles: Object.fromEntries(ROLE_NAMES.map((role) => [role, scalarText(roles[role])])), tasks };
  const set = (key: 'target' | 'backup' | 'problem' | 'freezeScope' | 'freezeFeatures', value: unknown) => {
    const text = scalarText(value);
    if (text !== undefined) state[key] = text;
  };
  set('target', data.target);
  set('backup', data.backup);
  set('problem', data.problem);
  set('freezeScope', freeze.scope);
  set('freezeFeatures', freeze.features);
  return state;
}

/** The name a task is known by: its id, else its title. */
function identity(task: TaskState): string {
  return task.id ?? task.title;
}

/**
 * Pairs the tasks of two versions: by id first, then, among those left, by title (a task that
 * gained an id, or whose id was renamed, is the same task). Returns new index → old index.
 */
function pairTasks(before: readonly TaskState[], after: readonly TaskState[], ambiguous?: Set<number>): Map<number, number> {
  const pairs = new Map<number, number>();
  const usedBefore = new Set<number>();
  const byId = new Map<string, number>();
  before.forEach((task, index) => {
    if (task.id !== undefined && !byId.has(task.id)) byId.set(task.id, index);
  });
  // An old task's id and its title now on two different tasks: X1 renamed X2 while new work took the
  // id X1, or X1's title changed while new work took its old title. Both read the same, so which of
  // the two is the old task is not known: neither is paired, and both are `ambiguous` (no origin).
  const titleElsewhere = (old: number, index: number): number => {
    const title = before[old]?.title ?? '';
    if (title === '' || after[index]?.title === title) return -1;
    return after.findIndex((other, j) => j !== index && other.title === title && other.id !== after[index]?.id);
  };
  after.forEach((task, index) => {
    const old = task.id !== undefined ? byId.get(task.id) : undefined;
    if (old === undefined || usedBefore.has(old)) return;
    const other = titleElsewhere(old, index);
    usedBefore.add(old);
    if (other === -1) pairs.set(index, old);
    else {
      ambiguous?.add(index);
      ambiguous?.add(other);
    }
  });
  const byTitle = new Map<string, number[]>();
  before.forEach((task, index) => {
    if (usedBefore.has(index) || task.title === '') return;
    // An old task with an id only pairs by title with a new task of another id, or of none.
    byTitle.set(task.title, [...(byTitle.get(task.title) ?? []), index]);
  });
  after.forEach((task, index) => {
    if (pairs.has(index) || ambiguous?.has(index) || task.title === '') return;
    const candidates = byTitle.get(task.title);
    const old = candidates?.find((candidate) => !usedBefore.has(candidate));
    if (old === undefined) return;
    pairs.set(index, old);
    usedBefore.add(old);
  });
  return pairs;
}

/** Compares problem statements as sentences: a re-wrapped line is not a rewrite. */
function sameText(a: string | undefined, b: string | undefined): boolean {
  const norm = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/**
 * Which freeze a task added on `date` came after (as `scope-late-addition` judges it), and its day:
 * the freeze in force when the commit was made — of the version before and the version that added
 * the task, the earliest freeze already passed on `date`. A commit that adds a task and pushes back
 * a freeze that had passed does not make the task early.
 */
function freezeAfter(before: VersionState, state: VersionState, task: TaskState, date: string): { afterFreeze: 'scope' | 'features'; frozen: string } | undefined {
  const day = dayNumber(date);
  if (day === undefined) return undefined;
  const passed = (...freezes: (string | undefined)[]) =>
    freezes
      .flatMap((freeze) => {
        const frozen = dayNumber(freeze);
        return frozen !== undefined && day > frozen ? [{ freeze: freeze as string, frozen }] : [];
      })
      .sort((a, b) => a.frozen - b.frozen)[0]?.freeze;
  const scope = passed(before.freezeScope, state.freezeScope);
  if (scope !== undefined) return { afterFreeze: 'scope', frozen: scope };
  const features = task.feature ? passed(before.freezeFeatures, state.freezeFeatures) : undefined;
  if (features !== undefined) return { afterFreeze: 'features', frozen: features };
  return undefined;
}

/**
 * A version that follows a launch record without it is a new release when the file started afresh
 * (as `next` writes it): the release's name changed, or none of the previous version's tasks
 * remains. The same name and tasks is the record undone (Mark as Shipped, then Undo, committed).
 */
function startsAfresh(previous: VersionState, state: VersionState): boolean {
  return previous.release !== state.release || pairTasks(previous.tasks, state.tasks).size === 0;
}

/**
 * The versions of the current release: those after the last closure. A release closes when a
 * version that recorded its launch (`shipped:` with outcome shipped or rolled-back) is followed by
 * one without that record that starts afresh (`startsAfresh`: a new name, or none of its tasks —
 * an undone record is no closure), or when the file is deleted or emptied. Not by name: renaming the release (`billing-v2` → `Billing v2`) keeps its
 * history, and a new release that reuses a closed one's name does not inherit it. A version that
 * does not parse (or names no release) is skipped without closing anything.
 */
function currentRelease(versions: readonly PlanVersion[]): { kept: { version: PlanVersion; state: VersionState }[]; closed: boolean } {
  let kept: { version: PlanVersion; state: VersionState }[] = [];
  let closed = false;
  for (const version of versions) {
    if (version.text.trim() === '') {
      kept = [];
      closed = true;
      continue;
    }
    const state = readVersion(version.text);
    if (!state) continue;
    const previous = kept[kept.length - 1]?.state;
    if (previous?.launched && !state.launched && startsAfresh(previous, state)) {
      kept = [];
      closed = true;
    }
    kept.push({ version, state });
  }
  return { kept, closed };
}

/**
 * The plan's history from its committed versions (oldest first): every task added, removed, done
 * or re-owned, every target, backup and freeze move, role change and problem rewrite, with the commit, its
 * author and date; and the plan's size after each version. Pure and total: a version that does not
 * parse (or names no release) is skipped, and only the current release's versions count (those
 * after the last closure: `currentRelease`). Each version is compared with the one before it in
 * the list (the reader gives the main line's versions, so that is what the main line saw before).
 * The first version's tasks are "added" by its commit (marked `initial`, never late); its dates are
 * where the plan started, not moves. A move of the target or backup made while the version before
 * was a draft (its problem a placeholder) is marked `draft`: filling in a template is not a slip.
 *
 * `truncated` (from the reader) says the versions are cut off: when no closure was seen in them,
 * the release began before the oldest one, so its tasks are of unknown origin (no `task-added`
 * event, no origin, never `initial`) and the timeline carries `truncated`. A closure seen among
 * the versions means the release began after it: the history of the release is whole.
 */
export function planTimeline(versions: readonly PlanVersion[], truncated?: Truncation): Timeline {
  const { kept, closed } = currentRelease(versions);
  const cut = truncated !== undefined && !closed && kept.length > 0 ? truncated : undefined;
  const release = kept[kept.length - 1]?.state.release;
  const events: TimelineEvent[] = [];
  const points: TimelinePoint[] = [];
  // The origin of each task of the previous version, by its index there (none: not seen joining).
  let origins: (TaskOrigin | undefined)[] = [];
  let previous: VersionState | undefined;
  for (const { version, state } of kept) {
    const from: Provenance = { commit: version.commit, author: version.author, date: version.date, ...(version.merge ? { merge: true as const } : {}) };
    const ambiguous = new Set<number>();
    const pairs = previous ? pairTasks(previous.tasks, state.tasks, ambiguous) : new Map<number, number>();
    const nextOrigins: (TaskOrigin | undefined)[] = [];
    const pairedBefore = new Set(pairs.values());
    if (previous) {
      const before = previous;
      before.tasks.forEach((task, index) => {
        if (!pairedBefore.has(index)) events.push({ ...from, kind: 'task-removed', task: identity(task), title: task.title });
      });
    }
    state.tasks.forEach((task, index) => {
      const oldIndex = pairs.get(index);
      const old = oldIndex !== undefined ? previous?.tasks[oldIndex] : undefined;
      if (!previous && cut) {
        // The oldest version of a cut-off history: when these tasks joined is not known.
        nextOrigins.push(undefined);
        return;
      }
      if (old === undefined || oldIndex === undefined) {
        // The first version is the scope the plan started with: its tasks did not join late.
        const late = previous ? freezeAfter(previous, state, task, version.date) : undefined;
        const marks = { ...(late ?? {}), ...(previous ? {} : { initial: true as const }) };
        events.push({ ...from, kind: 'task-added', task: identity(task), title: task.title, ...marks });
        // Which of two tasks is the old one is not known (see pairTasks): when either joined is not known.
        nextOrigins.push(ambiguous.has(index) ? undefined : { ...from, task: identity(task), title: task.title, ...marks });
        return;
      }
      const origin = origins[oldIndex];
      nextOrigins.push(origin ? { ...origin, task: identity(task), title: task.title } : undefined);
      if (old.owner !== task.owner) events.push({ ...from, kind: 'owner-changed', task: identity(task), ...(old.owner !== undefined ? { from: old.owner } : {}), ...(task.owner !== undefined ? { to: task.owner } : {}) });
      if (!old.done && task.done) events.push({ ...from, kind: 'task-done', task: identity(task), title: task.title });
    });
    if (previous) {
      const moved = (before: string | undefined, after: string | undefined) => ({ ...(before !== undefined ? { from: before } : {}), ...(after !== undefined ? { to: after } : {}) });
      const draft = previous.draft ? { draft: true as const } : {};
      if (previous.target !== state.target) events.push({ ...from, kind: 'target-moved', ...moved(previous.target, state.target), ...draft });
      if (previous.backup !== state.backup) events.push({ ...from, kind: 'backup-moved', ...moved(previous.backup, state.backup), ...draft });
      if (previous.freezeScope !== state.freezeScope) events.push({ ...from, kind: 'freeze-moved', freeze: 'scope', ...moved(previous.freezeScope, state.freezeScope) });
      if (previous.freezeFeatures !== state.freezeFeatures) events.push({ ...from, kind: 'freeze-moved', freeze: 'features', ...moved(previous.freezeFeatures, state.freezeFeatures) });
      for (const role of ROLE_NAMES) {
        if (previous.roles[role] !== state.roles[role]) events.push({ ...from, kind: 'role-changed', role, ...moved(previous.roles[role], state.roles[role]) });
      }
      if (!sameText(previous.problem, state.problem)) events.push({ ...from, kind: 'problem-rewritten', ...moved(previous.problem, state.problem) });
    }
    const open = state.tasks.filter((task) => !task.done);
    points.push({
      ...from,
      openTasks: open.length,
      openEstimate: Math.round(open.reduce((sum, task) => sum + task.estimate, 0) * 1000) / 1000,
      ...(state.target !== undefined ? { target: state.target } : {}),
      ...(state.freezeScope !== undefined ? { freezeScope: state.freezeScope } : {}),
      ...(state.freezeFeatures !== undefined ? { freezeFeatures: state.freezeFeatures } : {}),
      ...(state.draft ? { draft: true as const } : {}),
    });
    origins = nextOrigins;
    previous = state;
  }
  return { ...(release !== undefined ? { release } : {}), events, points, origins: origins.filter((origin): origin is TaskOrigin => origin !== undefined), ...(cut ? { truncated: cut } : {}) };
}

/** What one text of release.yaml counts for "scope over time" (as `planTimeline` counts a version), or undefined when it does not parse as a release. */
export function versionScope(text: string): { release: string; openTasks: number; openEstimate: number; freezeScope?: string; freezeFeatures?: string } | undefined {
  const state = readVersion(text);
  if (!state) return undefined;
  const open = state.tasks.filter((task) => !task.done);
  return {
    release: state.release,
    openTasks: open.length,
    openEstimate: Math.round(open.reduce((sum, task) => sum + task.estimate, 0) * 1000) / 1000,
    ...(state.freezeScope !== undefined ? { freezeScope: state.freezeScope } : {}),
    ...(state.freezeFeatures !== undefined ? { freezeFeatures: state.freezeFeatures } : {}),
  };
}

/** The commit that added the task known as `key` (its id, else its title) in the newest version, if the timeline knows it. */
export function taskOrigin(timeline: Timeline, key: string): TaskOrigin | undefined {
  return timeline.origins.find((origin) => origin.task === key);
}

/** A commit hash as people quote it: its first 7 characters. */
export function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}
