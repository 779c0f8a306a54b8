import { diffEdit } from './diff';
import { parseDocument } from 'yaml';
import { isIsoDate } from './dates';
import { appendToList, applyEdits, removeListItem, setValue, type EditResult } from './edits';
import { defineMessages } from './message';
import type { YamlPath } from './source';

/** Why a plan edit is refused: a clause, shown after "Could not edit release.yaml: " (see `EditResult`). */
const messages = defineMessages({
  'edit/already-told': 'it was already marked told on {date}',
});

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

/**
 * Marks the parked item at `path` told on `today` — unless it already says when it was told: that
 * date is a fact someone recorded, and a stale view's click must not replace it with today.
 */
export function markToldEdit(text: string, path: YamlPath, today: string): EditResult {
  const told: unknown = parseDocument(text).getIn([...path, 'told']);
  if (isIsoDate(told)) return { ok: false, reason: messages('edit/already-told', { date: told }) };
  return setValue(text, [...path, 'told'], today);
}
