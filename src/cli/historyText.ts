import { shortCommit, type Timeline, type TimelineEvent, type Truncation } from '../core/timeline';

/** A task as a line names it: `T3 "Retry failed exports"`, or just `"Download button"` for a task without an id. */
function taskName(task: string, title?: string): string {
  return title === undefined || title === '' || title === task ? `"${task}"` : `${task} "${title}"`;
}

/** "moved the target from A to B", "set the target to B", "removed the target (A)". */
function change(what: string, from: string | undefined, to: string | undefined, verb = 'moved'): string {
  if (from !== undefined && to !== undefined) return `${verb} ${what} from ${from} to ${to}`;
  if (to !== undefined) return `set ${what} to ${to}`;
  return `removed ${what}${from !== undefined ? ` (was ${from})` : ''}`;
}

/** What one event did, in English (the CLI's language), plan text quoted as written. */
export function eventText(event: TimelineEvent): string {
  switch (event.kind) {
    case 'task-added': {
      const late = event.afterFreeze === 'scope' ? ' after the scope froze (freeze.scope)' : event.afterFreeze === 'features' ? ' after feature requests stopped (freeze.features)' : '';
      return `${event.initial ? 'started the plan with' : 'added'} task ${taskName(event.task, event.title)}${late}`;
    }
    case 'task-removed':
      return `removed task ${taskName(event.task, event.title)}`;
    case 'task-done':
      return `finished task ${taskName(event.task, event.title)}`;
    case 'owner-changed':
      return change(`the owner of ${taskName(event.task)}`, event.from, event.to, 'changed');
    case 'role-changed':
      return change(`roles.${event.role}`, event.from, event.to, 'changed');
    case 'target-moved':
      return `${change('the target', event.from, event.to)}${event.draft ? ' (while the plan was a draft: not counted as a move)' : ''}`;
    case 'backup-moved':
      return `${change('the backup date', event.from, event.to)}${event.draft ? ' (while the plan was a draft: not counted as a move)' : ''}`;
    case 'freeze-moved':
      return change(`freeze.${event.freeze}`, event.from, event.to);
    case 'problem-rewritten':
      return event.to !== undefined ? `rewrote the problem: "${event.to}"` : 'removed the problem statement';
  }
}

/**
 * One line per event, oldest first: `2026-11-25  Bo Chen  moved the target from … to …  (commit 3f2a9c1)`;
 * a change the main line got in a merge says so: `(merged in commit 3f2a9c1)`, its author the person who merged.
 */
export function historyLines(timeline: Timeline): string[] {
  const width = Math.max(0, ...timeline.events.map((event) => event.author.length));
  return [...(timeline.truncated ? [truncationText(timeline.truncated)] : []), ...timeline.events.map((event) => `${event.date}  ${event.author.padEnd(width)}  ${eventText(event)}  (${event.merge ? 'merged in commit' : 'commit'} ${shortCommit(event.commit)})`)];
}

/** Where a cut-off history starts, and why: the line before the changes. */
export function truncationText(cut: Truncation): string {
  const where = `The history before ${cut.date} (commit ${shortCommit(cut.commit)})`;
  const start = 'the tasks and dates of that version are where the reading starts, not where the plan started.';
  if (cut.reason === 'shallow') return `${where} is not in this clone (a shallow clone): ${start} Fetch the whole history (git fetch --unshallow; in CI, fetch-depth: 0).`;
  if (cut.reason === 'missing') return `${where} is not in this clone (a partial clone without the older versions' contents; they are not fetched): ${start}`;
  return `${where} is beyond the ${cut.read} versions read: ${start}`;
}
