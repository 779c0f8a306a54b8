import { diffEdit } from './diff';
import { isMap, parseDocument } from 'yaml';
import { isIsoDate } from './dates';
import { appendToList, applyEdits, removeListItem, setBlockMap, setValue, type EditResult } from './edits';
import type { ShippedRecord } from './launch';
import { defineMessages } from './message';
import type { YamlPath } from './source';

/** Why a plan edit is refused: a clause, shown after "Could not edit release.yaml: " (see `EditResult`). */
const messages = defineMessages({
  'edit/already-told': 'it was already marked told on {date}',
  'edit/already-shipped': 'it already says `shipped:` {outcome} on {date}; to record something else, change or remove `shipped:` by hand (git keeps the old record)',
  'edit/already-shipped/version': 'it already says `shipped:` {outcome} on {date}, version {version}; to record something else, change or remove `shipped:` by hand (git keeps the old record)',
  'edit/already-shipped/other': 'it already has a different `shipped:` record; to record something else, change or remove it by hand (git keeps the old record)',
});

/** Codes that say release.yaml itself is broken (not what the plan says): ship leaves such a file alone. */
export const SHIP_BLOCKING_CODES: ReadonlySet<string> = new Set(['file-unreadable', 'file-too-large', 'yaml-syntax', 'schema', 'date-invalid']);

/**
 * Writes `shipped:` (date, outcome and, when given, the version that went out) into release.yaml,
 * after the last top-level key, keeping every comment. The same record already there is no edit
 * (`edits: []`); a different one is refused: how a release ended is a fact someone recorded, and
 * a second run must not replace it.
 */
export function shipEdit(text: string, record: ShippedRecord): EditResult {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length === 0) {
    const existing = doc.get('shipped', true);
    if (isMap(existing)) {
      const said = existing.toJSON() as Record<string, unknown>;
      const version = said.version === undefined || said.version === null ? undefined : String(said.version);
      if (said.date === record.date && said.outcome === record.outcome) {
        if (record.version === undefined || version === record.version) return { ok: true, edits: [] };
        // The same launch, now with the version that went out: added, nothing replaced.
        if (version === undefined) return crlf(text, setValue(text, ['shipped', 'version'], record.version, doc));
      }
      if (typeof said.outcome !== 'string' || typeof said.date !== 'string') return { ok: false, reason: messages('edit/already-shipped/other') };
      const facts = { outcome: said.outcome, date: said.date };
      return { ok: false, reason: version !== undefined ? messages('edit/already-shipped/version', { ...facts, version }) : messages('edit/already-shipped', facts) };
    }
  }
  const fields = { date: record.date, outcome: record.outcome, ...(record.version !== undefined ? { version: record.version } : {}) };
  return crlf(text, setBlockMap(text, ['shipped'], fields));
}

/** A file written with CRLF line ends keeps them in the lines an edit adds. */
function crlf(text: string, result: EditResult): EditResult {
  if (!result.ok || !text.includes('\r\n')) return result;
  return { ok: true, edits: result.edits.map((edit) => ({ ...edit, text: edit.text.replace(/\r?\n/g, '\r\n') })) };
}

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
