import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { YamlPath } from './source';

/**
 * What a write is about, by identity rather than by position: a prompt may stay open while the
 * file changes (typing, `git pull`, a teammate's edit), so the position read before the prompt is
 * not where the target is afterwards. A write re-locates its target in the current text and is
 * refused when the target is gone, ambiguous, or no longer the thing the user picked.
 */
export type PlanTarget =
  /** A task: its `id`, and its title when it was known (a reused id with another title is another task). */
  | { kind: 'task'; id?: string; title?: string; index: number; textHash?: string }
  /** A parked item, by its title (parked items have no id). */
  | { kind: 'parked'; title?: string; index: number; textHash?: string };
// `textHash` (see `textHash()`): the release.yaml text the target was read from. On that very text
// the position is trustworthy, so a target without a unique identity (no id or title, an id used
// twice) can still be written; on any other text it must be found by who it is, or refused.

export type Located = { ok: true; path: YamlPath; index: number } | { ok: false; reason: string };

/** Finds `target` in the current text of release.yaml. Pure: the same answer for the CLI, tests and the editor. */
export function locateTarget(text: string, target: PlanTarget): Located {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return { ok: false, reason: 'release.yaml has YAML errors now; fix them first' };
  const listKey = target.kind === 'task' ? 'tasks' : 'parked';
  const list = doc.getIn([listKey], true) as Node | undefined;
  const items = isSeq(list) ? list.items : [];
  const fields = items.map((item) => ({ id: scalarText(item, 'id'), title: scalarText(item, 'title') }));
  const name = describeTarget(target);
  // The very text the target was read from: its position is still right.
  if (target.textHash !== undefined && target.textHash === textHash(text)) return index(target.index, items.length, listKey, name);

  if (target.kind === 'task' && target.id !== undefined) {
    const byId = fields.flatMap((field, index) => (field.id === target.id ? [index] : []));
    // An id used twice: the title tells them apart, if it can.
    const matches = byId.length > 1 && target.title !== undefined ? byId.filter((i) => fields[i]?.title === target.title) : byId;
    if (matches.length === 0) return { ok: false, reason: byId.length > 0 ? `${name} is now titled "${fields[byId[0] as number]?.title ?? ''}", not "${target.title}"` : `${name} is no longer in release.yaml` };
    if (matches.length > 1) return { ok: false, reason: `${matches.length} tasks now have the id "${target.id}"` };
    const index = matches[0] as number;
    const title = fields[index]?.title;
    if (target.title !== undefined && title !== target.title) return { ok: false, reason: `${name} is now titled "${title ?? ''}", not "${target.title}"` };
    return { ok: true, path: [listKey, index], index };
  }
  if (target.title !== undefined) {
    const matches = fields.flatMap((field, index) => (field.title === target.title && (target.kind === 'parked' || field.id === undefined) ? [index] : []));
    if (matches.length === 0) return { ok: false, reason: `${name} is no longer in release.yaml` };
    if (matches.length > 1) return { ok: false, reason: `${matches.length} ${target.kind === 'task' ? 'tasks' : 'parked items'} are now titled "${target.title}"` };
    const index = matches[0] as number;
    return { ok: true, path: [listKey, index], index };
  }
  // Nothing to recognise it by, and the text changed since it was read: its position proves nothing.
  if (target.textHash !== undefined) return { ok: false, reason: `${name} has no id or title to find it by, and release.yaml changed since it was read` };
  return index(target.index, items.length, listKey, name);
}

/** A short fingerprint of a text (FNV-1a, 32 bits, with the length): equal texts, equal hashes. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length}:${hash.toString(16)}`;
}

function index(position: number, length: number, listKey: string, name: string): Located {
  return position < length ? { ok: true, path: [listKey, position], index: position } : { ok: false, reason: `${name} is no longer in release.yaml` };
}

/** "task T2", "task 3", "parked item "CSV export"": for messages. */
export function describeTarget(target: PlanTarget): string {
  if (target.kind === 'task') return target.id !== undefined ? `Task ${target.id}` : target.title !== undefined ? `The task "${target.title}"` : `Task ${target.index + 1}`;
  return target.title !== undefined ? `The parked item "${target.title}"` : `Parked item ${target.index + 1}`;
}

/** Whether a target can be found without its position (so a changed text is no reason to refuse). */
export function hasIdentity(target: PlanTarget): boolean {
  return (target.kind === 'task' && target.id !== undefined) || target.title !== undefined;
}

function scalarText(item: unknown, key: string): string | undefined {
  if (!isMap(item)) return undefined;
  const node = item.get(key, true);
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value).trim() : undefined;
}
