import { diffEdit } from './diff';
import { appendToList, applyEdits, removeListItem, type EditResult } from './edits';

/**
 * Moves task `index` from `tasks` to `parked` with the reason and who asked, and `told: false`
 * until someone confirms the stakeholders heard. One edit, so one undo puts the task back.
 */
export function parkTaskEdit(text: string, index: number, reason: string, askedBy: string): EditResult {
  const removal = removeListItem(text, ['tasks', index]);
  if (!removal.ok) return removal;
  const removed = removal.removed as { id?: unknown; title?: unknown } | undefined;
  const without = applyEdits(text, removal.edits);
  const title = [removed?.id, removed?.title].filter((v) => v !== undefined && v !== null).map(String).join(' ');
  const item = { title: title || 'parked task', ...(reason ? { reason } : {}), ...(askedBy ? { asked_by: askedBy } : {}), told: false };
  const added = appendToList(without, ['parked'], item);
  if (!added.ok) return added;
  return { ok: true, edits: diffEdit(text, applyEdits(without, added.edits)) };
}
