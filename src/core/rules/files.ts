import type { RuleContext } from '../context';

export function checkTaskIds(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  const firstSeen = new Map<string, number>();
  for (const { task, index } of ctx.tasks()) {
    if (task.id === undefined) continue;
    const id = String(task.id).trim();
    const first = firstSeen.get(id);
    if (first === undefined) {
      firstSeen.set(id, index);
      continue;
    }
    ctx.report(release.source, ['tasks', index, 'id'], 'task-id-duplicate', `Task id "${id}" is already used by task ${first + 1} in the list. Ids must be unique: give this one a new id.`, { prefer: 'value' });
  }
}
