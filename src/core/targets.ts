import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { defineMessages, type Message } from './message';
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

/** A refusal says why as a message: a sentence without its period, to which the caller adds what it did not do. */
export type Located = { ok: true; path: YamlPath; index: number } | { ok: false; reason: Message };

/**
 * The names of a write target (sentence-start forms: they open the refusals below and the
 * extension's own sentences) and why a target cannot be found again. `{target}` is one of the names.
 */
const messages = defineMessages({
  'target/task': 'Task {task}',
  'target/task/title': 'The task "{title}"',
  'target/parked': 'Parked item {number}',
  'target/parked/title': 'The parked item "{title}"',
  'target/yaml-errors': 'release.yaml has YAML errors now; fix them first',
  'target/gone': '{target} is no longer in release.yaml',
  'target/retitled': '{target} is now titled "{title}", not "{expected}"',
  'target/id-reused': '{count} tasks now have the id "{id}"',
  'target/title-reused/task': '{count} tasks are now titled "{title}"',
  'target/title-reused/parked': '{count} parked items are now titled "{title}"',
  'target/changed': '{target} has no id or title to find it by, and release.yaml changed since it was read',
  'target/changed-while-asked/task': '{file} changed while you answered, and task {number} has no id to find it by; nothing was written. Try again.',
  'target/changed-while-asked/parked': '{file} changed while you answered, and parked item {number} has no title to find it by; nothing was written. Try again.',
});

const refuse = (reason: Message): Located => ({ ok: false, reason });

/** Finds `target` in the current text of release.yaml. Pure: the same answer for the CLI, tests and the editor. */
export function locateTarget(text: string, target: PlanTarget): Located {
  const doc = parseDocument(text, { uniqueKeys: false });
  if (doc.errors.length > 0) return refuse(messages('target/yaml-errors'));
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
    if (matches.length === 0) return refuse(byId.length > 0 ? retitled(name, fields[byId[0] as number]?.title, target.title) : messages('target/gone', { target: name }));
    if (matches.length > 1) return refuse(messages('target/id-reused', { count: matches.length, id: target.id }));
    const index = matches[0] as number;
    const title = fields[index]?.title;
    if (target.title !== undefined && title !== target.title) return refuse(retitled(name, title, target.title));
    return { ok: true, path: [listKey, index], index };
  }
  if (target.title !== undefined) {
    const matches = fields.flatMap((field, index) => (field.title === target.title && (target.kind === 'parked' || field.id === undefined) ? [index] : []));
    if (matches.length === 0) return refuse(messages('target/gone', { target: name }));
    if (matches.length > 1) return refuse(messages(target.kind === 'task' ? 'target/title-reused/task' : 'target/title-reused/parked', { count: matches.length, title: target.title }));
    const index = matches[0] as number;
    return { ok: true, path: [listKey, index], index };
  }
  // Nothing to recognise it by, and the text changed since it was read: its position proves nothing.
  if (target.textHash !== undefined) return refuse(messages('target/changed', { target: name }));
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

function index(position: number, length: number, listKey: string, name: Message): Located {
  return position < length ? { ok: true, path: [listKey, position], index: position } : refuse(messages('target/gone', { target: name }));
}

/** `name` is titled `title` now (`undefined`: it has no title), not `expected`. */
function retitled(name: Message, title: string | undefined, expected: string | undefined): Message {
  return messages('target/retitled', { target: name, title: title ?? '', expected: expected ?? '' });
}

/** "Task T2", "Task 3", "The parked item "CSV export"": the target's name, in the form that starts a sentence. */
export function describeTarget(target: PlanTarget): Message {
  if (target.kind === 'task') {
    if (target.id !== undefined) return messages('target/task', { task: target.id });
    return target.title !== undefined ? messages('target/task/title', { title: target.title }) : messages('target/task', { task: target.index + 1 });
  }
  return target.title !== undefined ? messages('target/parked/title', { title: target.title }) : messages('target/parked', { number: target.index + 1 });
}

/** Why a write is refused when the file changed while a prompt was open and the target has no identity to find it by. */
export function changedWhileAsked(file: string, target: PlanTarget): Message {
  return messages(target.kind === 'task' ? 'target/changed-while-asked/task' : 'target/changed-while-asked/parked', { file, number: target.index + 1 });
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
