import { isAlias, isMap, isScalar, isSeq, parseDocument, stringify, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { defineMessages, type Message } from './message';
import type { YamlPath } from './source';

/**
 * Minimal text edits on a YAML file, so a quick fix or command changes only the lines it must
 * and keeps the user's comments, order and formatting. Offsets index the text passed in.
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A refused edit says why as a message: a clause (no capital, no period) that the caller puts in its own sentence. */
export type EditResult = { ok: true; edits: TextEdit[] } | { ok: false; reason: Message };

type Scalar = string | number | boolean;

/**
 * Why an edit cannot be made. Each is a clause, as it is shown: after "Could not edit release.yaml: "
 * or "\"Assign to Ana\" cannot be applied: ", which add the period. `{path}` is a YAML path (`tasks.0.owner`).
 */
const messages = defineMessages({
  'edit/yaml-errors': 'the file has YAML errors; fix them first',
  'edit/value-not-found': 'cannot locate the value to replace',
  'edit/key-not-found': 'cannot locate the key to replace',
  'edit/no-key': 'no key to rename',
  'edit/path-missing': '{path} is not in the file',
  'edit/key-exists': '{key} is already there',
  'edit/not-a-list': '{path} is not a list',
  'edit/list-not-found': 'cannot locate the list',
  'edit/not-a-list-item': 'not a list item',
  'edit/no-such-item': 'no such list item',
  'edit/inline-list': 'the list is written inline; edit it by hand',
  'edit/list-item-here': 'cannot create a list item here',
  'edit/no-place': 'cannot find where to add the field',
  'edit/not-a-map': '{path} is not a map of fields',
  'edit/file-not-a-map': 'the file is not a map of fields',
  'edit/inline-map': 'the map is written inline; edit it by hand',
  'edit/list-here': 'cannot create a list here',
  'edit/add-list-here': 'cannot add a list here',
  'edit/anchored': 'the value is shared through the anchor {anchor}; edit it by hand',
  'edit/changed-since-confirmed': 'the value changed since the change was confirmed',
});

const fail = (reason: Message): EditResult => ({ ok: false, reason });

/** The refusal of a caller that found the value it was about to replace changed since the user confirmed the change. */
export function changedSinceConfirmed(): EditResult {
  return fail(messages('edit/changed-since-confirmed'));
}

/** Applies edits (non-overlapping) to text; used by the CLI, tests and to preview. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * Sets the scalar at `path`, creating missing keys (and parent maps) as block YAML. `parsed` is
 * `text` already parsed without errors (only read), to ask whether the edit can be made without
 * parsing again.
 */
export function setValue(text: string, path: YamlPath, value: Scalar, parsed?: Document.Parsed): EditResult {
  const doc = parsed ? (parsed as ReturnType<typeof parseDocument>) : parse(text);
  if (!doc) return fail(messages('edit/yaml-errors'));
  const existing = doc.getIn(path, true) as Node | undefined;
  const place: ScalarPlace = inFlow(doc, path) ? 'flow' : 'block';
  const shared = sharedAnchor(doc, path);
  if (shared) return fail(messages('edit/anchored', { anchor: `&${shared}` }));
  if (existing && isScalar(existing) && existing.range) {
    if (existing.type === 'BLOCK_LITERAL' || existing.type === 'BLOCK_FOLDED') return replaceBlockScalar(text, existing.range, formatScalar(value, place));
    if (existing.range[0] === existing.range[1]) {
      // An empty value (`owner:` with nothing after it, or only a comment): it sits right after the
      // colon or on the comment, so the new value gets a space before it, and one before the comment.
      const at = existing.range[0];
      const lead = /\s/.test(text[at - 1] ?? '') ? '' : ' ';
      const trail = text[at] === '#' ? ' ' : '';
      return { ok: true, edits: [{ start: at, end: at, text: `${lead}${formatScalar(value, place)}${trail}` }] };
    }
    return { ok: true, edits: [{ start: existing.range[0], end: existing.range[1], text: formatScalar(value, place) }] };
  }
  if (existing && !isScalar(existing)) {
    // e.g. `owner: [Ana, Bo]`: replace the whole list with one value.
    if (!existing.range) return fail(messages('edit/value-not-found'));
    const flow = isSeq(existing) || isMap(existing) ? (existing as YAMLSeq | YAMLMap).flow : true;
    if (flow) return { ok: true, edits: [{ start: existing.range[0], end: existing.range[1], text: formatScalar(value, place) }] };
    // A block list starts on the next line: replace from the key's colon to the list's end.
    const pair = findPair(doc.getIn(path.slice(0, -1), true) as Node | undefined, path[path.length - 1]);
    const keyEnd = (pair?.key as Node | undefined)?.range?.[1];
    if (keyEnd === undefined) return fail(messages('edit/key-not-found'));
    const colon = text.indexOf(':', keyEnd);
    return { ok: true, edits: [{ start: colon + 1, end: trimTrailing(text, existing.range[1]), text: ` ${formatScalar(value, place)}` }] };
  }
  return insertMissing(doc, text, path, value);
}

/**
 * A block scalar (`owner: >-` and its lines under it) replaced by one line. Its range runs from the
 * `|` or `>` over the line break after its last line (and any blank lines it keeps): that break
 * stays, so the next key keeps its own line. A comment on the header line (`>-  # note`) is kept
 * after the new value.
 */
function replaceBlockScalar(text: string, range: readonly number[], written: string): EditResult {
  const [start, rangeEnd] = range as [number, number];
  const headerEnd = text.indexOf('\n', start);
  const header = text.slice(start, headerEnd === -1 ? rangeEnd : headerEnd).replace(/\r$/, '');
  const hash = header.search(/\s+#/);
  const comment = hash === -1 ? '' : header.slice(hash);
  const end = Math.max(start, trimTrailing(text, rangeEnd));
  return { ok: true, edits: [{ start, end, text: `${written}${comment}` }] };
}

/** Whether the node at `path` sits inside a flow list or map (`{ id: T1, owner: Ana }`), where `,` `[` `]` `{` `}` have a meaning. */
function inFlow(doc: ReturnType<typeof parseDocument>, path: YamlPath): boolean {
  for (let depth = 0; depth < path.length; depth++) {
    const node = depth === 0 ? doc.contents : (doc.getIn(path.slice(0, depth), true) as Node | undefined);
    if ((isMap(node) || isSeq(node)) && node.flow) return true;
  }
  return false;
}

/**
 * The anchor, aliased elsewhere, on the node at `path` or on a map or list around it
 * (`owner: &lead Ana` with `*lead` further down): a write there would change every alias too.
 * An alias itself (`owner: *lead`) is not shared: replacing it changes only that place.
 */
function sharedAnchor(doc: ReturnType<typeof parseDocument>, path: YamlPath): string | undefined {
  const aliases = new Set<string>();
  visit(doc, {
    Alias(_key, node) {
      aliases.add(node.source);
    },
  });
  if (aliases.size === 0) return undefined;
  for (let depth = 0; depth <= path.length; depth++) {
    const node = depth === 0 ? doc.contents : (doc.getIn(path.slice(0, depth), true) as Node | undefined);
    if (!node || isAlias(node)) return undefined;
    if (node.anchor && aliases.has(node.anchor)) return node.anchor;
  }
  return undefined;
}

/**
 * Renames the key that names `path` (a misspelled field, an unknown rule code) to `newKey`, keeping
 * its value, comments and quoting style of everything else. Refused when the map already has `newKey`.
 * `parsed`: as for `setValue`.
 */
export function renameKey(text: string, path: YamlPath, newKey: string, parsed?: Document.Parsed): EditResult {
  const doc = parsed ? (parsed as ReturnType<typeof parseDocument>) : parse(text);
  if (!doc) return fail(messages('edit/yaml-errors'));
  if (path.length === 0) return fail(messages('edit/no-key'));
  const parent = path.length === 1 ? doc.contents : (doc.getIn(path.slice(0, -1), true) as Node | undefined);
  const pair = findPair(parent as Node | undefined, path[path.length - 1]);
  const key = pair?.key as Node | undefined;
  if (!key?.range) return fail(messages('edit/path-missing', { path: path.join('.') }));
  if (findPair(parent as Node | undefined, newKey)) return fail(messages('edit/key-exists', { key: newKey }));
  return { ok: true, edits: [{ start: key.range[0], end: key.range[1], text: formatScalar(newKey, 'key') }] };
}

/**
 * Writes `fields` as a block map at `path` (e.g. `shipped:` with `date:` and `outcome:` under it):
 * creates the key after the last one of its map when it is absent, and fills it in when it is there
 * with no value (`shipped:`, `shipped: ~`), keeping a comment on its line. Refused when the key
 * already holds a value (a map included: the caller decides what an existing one means).
 */
export function setBlockMap(text: string, path: YamlPath, fields: Readonly<Record<string, Scalar>>): EditResult {
  const doc = parse(text);
  if (!doc) return fail(messages('edit/yaml-errors'));
  if (path.length === 0) return fail(messages('edit/no-key'));
  const shared = sharedAnchor(doc, path);
  if (shared) return fail(messages('edit/anchored', { anchor: `&${shared}` }));
  const existing = doc.getIn(path, true) as Node | undefined;
  if (existing === undefined) return insertMissing(doc, text, path, { ...fields });
  if (!isScalar(existing) || existing.value !== null) return fail(messages('edit/key-exists', { key: String(path[path.length - 1]) }));
  const pair = findPair(path.length === 1 ? doc.contents : (doc.getIn(path.slice(0, -1), true) as Node | undefined), path[path.length - 1]);
  const key = pair?.key as Node | undefined;
  if (!key?.range) return fail(messages('edit/key-not-found'));
  const indent = column(text, key.range[0]);
  // `~` or `null` written as the value goes; the fields go on the lines after the key's line.
  const colon = text.indexOf(':', key.range[1]);
  const edits: TextEdit[] = existing.range && existing.range[1] > existing.range[0] ? [{ start: colon + 1, end: existing.range[1], text: '' }] : [];
  const insertAt = lineEndAfter(text, colon + 1);
  const lead = insertAt === text.length && !text.endsWith('\n') ? '\n' : '';
  edits.push({ start: insertAt, end: insertAt, text: `${lead}${block({ ...fields }, indent + 2)}` });
  return { ok: true, edits };
}

/** Appends an item (a scalar or a map) to the list at `path`, creating the list if needed. */
export function appendToList(text: string, path: YamlPath, item: Scalar | Record<string, unknown>): EditResult {
  const doc = parse(text);
  if (!doc) return fail(messages('edit/yaml-errors'));
  const shared = sharedAnchor(doc, path);
  if (shared) return fail(messages('edit/anchored', { anchor: `&${shared}` }));
  const list = doc.getIn(path, true) as Node | undefined;
  if (list !== undefined && !isSeq(list)) {
    if (isScalar(list) && (list.value === null || list.value === '')) return setBlock(doc, text, path, [item]);
    return fail(messages('edit/not-a-list', { path: path.join('.') }));
  }
  if (!list || list.flow || list.items.length === 0) return setBlock(doc, text, path, [...(list?.items.map((i) => (i as Node & { toJSON(): unknown }).toJSON()) ?? []), item]);
  const last = list.items[list.items.length - 1] as Node;
  const firstItem = list.items[0] as Node;
  if (!last.range || !firstItem.range) return fail(messages('edit/list-not-found'));
  const indent = column(text, dashBefore(text, firstItem.range[0]));
  const insertAt = lineEndAfter(text, last.range[1]);
  const lead = insertAt === text.length && !text.endsWith('\n') ? '\n' : '';
  return { ok: true, edits: [{ start: insertAt, end: insertAt, text: `${lead}${listItem(item, indent)}` }] };
}

/** Removes the list item at `path` (its lines, with its comments) and returns its data. */
export function removeListItem(text: string, path: YamlPath): EditResult & { removed?: unknown } {
  const doc = parse(text);
  if (!doc) return fail(messages('edit/yaml-errors'));
  const list = doc.getIn(path.slice(0, -1), true) as Node | undefined;
  const index = path[path.length - 1];
  if (!isSeq(list) || typeof index !== 'number') return fail(messages('edit/not-a-list-item'));
  const item = list.items[index] as Node | undefined;
  if (!item?.range) return fail(messages('edit/no-such-item'));
  if (list.flow) return fail(messages('edit/inline-list'));
  const start = lineStart(text, dashBefore(text, item.range[0]));
  const next = list.items[index + 1] as Node | undefined;
  const end = next?.range ? lineStart(text, dashBefore(text, next.range[0])) : lineEndAfter(text, item.range[1]);
  const removed = (item as Node & { toJSON(): unknown }).toJSON();
  if (list.items.length === 1) {
    // Leave an explicit empty list rather than a key with no value.
    const pair = findPair(doc.getIn(path.slice(0, -2), true) as Node | undefined, path[path.length - 2]);
    const keyEnd = (pair?.key as Node | undefined)?.range?.[1];
    if (keyEnd !== undefined) return { ok: true, edits: [{ start: text.indexOf(':', keyEnd) + 1, end: trimTrailing(text, end), text: ' []' }], removed };
  }
  return { ok: true, edits: [{ start, end, text: '' }], removed };
}

function insertMissing(doc: ReturnType<typeof parseDocument>, text: string, path: YamlPath, value: Scalar | Record<string, Scalar>): EditResult {
  // Walk down to the deepest map that exists; build the rest as nested block YAML.
  let depth = path.length - 1;
  while (depth > 0 && !isMap(doc.getIn(path.slice(0, depth), true))) depth--;
  const parentPath = path.slice(0, depth);
  const parent = depth === 0 ? doc.contents : (doc.getIn(parentPath, true) as Node | undefined);
  const rest = path.slice(depth);
  if (rest.some((segment) => typeof segment === 'number')) return fail(messages('edit/list-item-here'));
  const nested = rest.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
  if (parent === null || parent === undefined) {
    if (depth > 0) return fail(messages('edit/no-place'));
    const lead = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
    return { ok: true, edits: [{ start: text.length, end: text.length, text: `${lead}${block(nested, 0)}` }] };
  }
  if (!isMap(parent)) return fail(parentPath.join('.') ? messages('edit/not-a-map', { path: parentPath.join('.') }) : messages('edit/file-not-a-map'));
  if (parent.flow || !parent.range) return fail(messages('edit/inline-map'));
  const first = parent.items[0] as Pair | undefined;
  const firstKey = first?.key as Node | undefined;
  if (!firstKey?.range) return fail(messages('edit/no-place'));
  const indent = column(text, firstKey.range[0]);
  const lastPair = parent.items[parent.items.length - 1] as Pair;
  const lastEnd = (lastPair.value as Node | null)?.range?.[1] ?? (lastPair.key as Node).range?.[1] ?? parent.range[1];
  const insertAt = lineEndAfter(text, lastEnd);
  const lead = insertAt === text.length && !text.endsWith('\n') ? '\n' : '';
  return { ok: true, edits: [{ start: insertAt, end: insertAt, text: `${lead}${block(nested, indent)}` }] };
}

/** Replaces (or creates) the value at `path` with a block list. */
function setBlock(doc: ReturnType<typeof parseDocument>, text: string, path: YamlPath, items: unknown[]): EditResult {
  const key = path[path.length - 1];
  const parent = path.length === 1 ? doc.contents : (doc.getIn(path.slice(0, -1), true) as Node | undefined);
  const pair = findPair(parent ?? undefined, key);
  const keyNode = pair?.key as Node | undefined;
  if (!pair || !keyNode?.range) {
    if (typeof key !== 'string') return fail(messages('edit/list-here'));
    const parentMap = parent && isMap(parent) ? parent : undefined;
    if (parent && !parentMap) return fail(messages('edit/add-list-here'));
    const firstKey = parentMap?.items[0]?.key as Node | undefined;
    const indent = firstKey?.range ? column(text, firstKey.range[0]) : 0;
    const body = `${' '.repeat(indent)}${key}:\n${items.map((item) => listItem(item, indent + 2)).join('')}`;
    const lastPair = parentMap?.items[parentMap.items.length - 1] as Pair | undefined;
    const lastEnd = (lastPair?.value as Node | null)?.range?.[1] ?? (lastPair?.key as Node | undefined)?.range?.[1];
    const insertAt = lastEnd === undefined ? text.length : lineEndAfter(text, lastEnd);
    const lead = insertAt === text.length && text.length > 0 && !text.endsWith('\n') ? '\n' : '';
    return { ok: true, edits: [{ start: insertAt, end: insertAt, text: `${lead}${body}` }] };
  }
  const indent = column(text, keyNode.range[0]);
  const value = pair.value as Node | null;
  const colon = text.indexOf(':', keyNode.range[1]);
  const end = value?.range ? value.range[1] : colon + 1;
  const body = items.map((item) => listItem(item, indent + 2)).join('');
  return { ok: true, edits: [{ start: colon + 1, end, text: `\n${body.replace(/\n$/, '')}` }] };
}

function listItem(item: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  const lines = stringify(item, { lineWidth: 0 }).replace(/\n$/, '').split('\n');
  return lines.map((line, i) => (i === 0 ? `${pad}- ${line}` : `${pad}  ${line}`)).join('\n') + '\n';
}

function block(value: Record<string, unknown>, indent: number): string {
  const pad = ' '.repeat(indent);
  return stringify(value, { lineWidth: 0 })
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `${pad}${line}`)
    .join('\n') + '\n';
}

/** Where a scalar is written: a value after `key: ` or `- ` (block), an item of a flow list or map (flow), a map key. */
export type ScalarPlace = 'block' | 'flow' | 'key';

/**
 * A scalar as YAML text on one line that reads back as the same value where it is written: plain
 * where YAML allows it, else quoted. Never a block scalar (`|-`, `>`, which `yaml` writes for text
 * over several lines or starting with `---` or `...`): its lines would need the key's indent (at
 * column 0 they end the map: the file breaks). Whatever does not read back as written is
 * double-quoted on one line (JSON's escapes are YAML's).
 */
export function formatScalar(value: Scalar, place: ScalarPlace = 'block'): string {
  if (typeof value !== 'string') return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  if (!/[\r\n\u0085\u2028\u2029]/.test(value)) {
    const plain = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
    if (!plain.includes('\n') && !/^[|>]/.test(plain) && readsBack(plain, value, place)) return plain;
  }
  return doubleQuoted(value);
}

/**
 * `value` double-quoted on one line: JSON's escapes, and `\uXXXX` for what YAML does not allow
 * as it is inside quotes or could take for a line break (C1 controls, DEL, line and paragraph
 * separators, a byte-order mark, non-characters).
 */
function doubleQuoted(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether `written` reads back as `value` where it is placed, also before a comment. */
function readsBack(written: string, value: string, place: ScalarPlace): boolean {
  const docs = place === 'key' ? [`${written}: v\n`, `${written}: v # c\n`, `{${written}: v}\n`] : place === 'flow' ? [`[${written}]\n`, `[${written}, x]\n`] : [`k: ${written}\n`, `k: ${written} # c\n`, `- ${written}\n`];
  return docs.every((text) => {
    const doc = parseDocument(text, { uniqueKeys: true });
    if (doc.errors.length > 0 || doc.warnings.length > 0) return false;
    const data = doc.toJS() as unknown;
    if (place === 'key') return isPlainObject(data) && Object.keys(data).length === 1 && Object.keys(data)[0] === value;
    const read = Array.isArray(data) ? data[0] : isPlainObject(data) ? data.k : undefined;
    return read === value;
  });
}

function isPlainObject(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

function parse(text: string): ReturnType<typeof parseDocument> | undefined {
  const doc = parseDocument(text, { uniqueKeys: true });
  return doc.errors.length > 0 ? undefined : doc;
}

function findPair(parent: Node | null | undefined, key: unknown): Pair | undefined {
  if (!isMap(parent)) return undefined;
  return parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key)) as Pair | undefined;
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the newline ending the line that contains `offset - 1`. */
function lineEndAfter(text: string, offset: number): number {
  const at = Math.max(0, offset - 1);
  if (text[at] === '\n') return at + 1;
  const newline = text.indexOf('\n', at);
  return newline === -1 ? text.length : newline + 1;
}

function dashBefore(text: string, offset: number): number {
  const dash = text.lastIndexOf('-', offset);
  return dash >= lineStart(text, offset) ? dash : offset;
}

function trimTrailing(text: string, offset: number): number {
  let cursor = offset;
  while (cursor > 0 && /\s/.test(text[cursor - 1] ?? '')) cursor--;
  return cursor;
}
