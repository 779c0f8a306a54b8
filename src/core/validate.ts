import type * as z from 'zod';
import { DATE_ISSUE, DEDICATED_MISSING, FILE_SCHEMAS, type FileKind } from './schemas';
import type { PathSegment, SourceFile } from './source';
import type { Finding } from './types';

/**
 * The shape rules read: every field may be absent, because values that failed the schema are
 * removed before rules run. Rules therefore never see a wrong type, only a missing value.
 */
export type Loose<T> = T extends readonly (infer U)[]
  ? (Loose<U> | undefined)[]
  : T extends object
    ? { [K in keyof T]?: Loose<T[K]> }
    : T;

export interface Validated<T> {
  data: Loose<T>;
  findings: Finding[];
}

const MAX_PASSES = 8;

/**
 * Checks `file.data` against the schema for `kind`. Every issue becomes a finding at the offending
 * node; the offending value is then dropped so the rest of the file can still be checked.
 */
export function validate<K extends FileKind>(file: SourceFile, kind: K): Validated<z.infer<(typeof FILE_SCHEMAS)[K]['schema']>> {
  const schema = FILE_SCHEMAS[kind].schema as z.ZodType;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  let data: unknown = dropEmptyValues(structuredClone(file.data ?? {}));
  if (!isPlainObject(data)) {
    const found = Array.isArray(data) ? 'a list' : `a ${typeof data}`;
    findings.push(file.finding(file.rangeFor([], 'value'), 'error', 'schema', `This file must be a map of fields (like \`${firstField(kind)}: …\`), but it is ${found}.`));
    data = {};
  }
  // Removing one bad value can reveal another (a required field now missing), so repeat a few times.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = schema.safeParse(data);
    if (result.success) break;
    let changed = false;
    for (const issue of result.error.issues) {
      const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
      // One finding per place: a value we removed for being wrong is not also "missing" later.
      const key = issue.code === 'unrecognized_keys' ? `keys:${path.join('.')}` : path.join('.');
      if (seen.has(key)) continue;
      seen.add(key);
      const finding = describeIssue(file, kind, schema, issue, path, data);
      if (finding) findings.push(finding);
      changed = removeOffender(data, issue, path) || changed;
    }
    if (!changed) break;
  }
  return { data: data as Validated<z.infer<(typeof FILE_SCHEMAS)[K]['schema']>>['data'], findings };
}

function describeIssue(file: SourceFile, kind: FileKind, schema: z.ZodType, issue: z.core.$ZodIssue, path: PathSegment[], data: unknown): Finding | undefined {
  const where = path.length > 0 ? `\`${path.join('.')}\`` : 'the file';
  if (issue.code === 'unrecognized_keys') {
    // One finding for the first unknown key; each key gets its own issue pass anyway in practice.
    const keys = issue.keys;
    const known = knownKeys(schema, path);
    return file.finding(
      file.rangeFor([...path, keys[0] ?? '']),
      'error',
      'schema',
      `Unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `\`${k}\``).join(', ')}${path.length > 0 ? ` in ${where}` : ''}.${known ? ` Known fields: ${known}.` : ''}`,
      [...path, keys[0] ?? ''],
    );
  }
  const present = valueAt(data, path) !== undefined;
  if (!present) {
    const dedicated = DEDICATED_MISSING[kind]?.[path.join('.')];
    if (dedicated) return undefined; // a rule reports it with a better message
    return file.finding(file.rangeFor(path.slice(0, -1)), 'error', 'schema', `Missing required field \`${String(path[path.length - 1])}\`${path.length > 1 ? ` in \`${path.slice(0, -1).join('.')}\`` : ''}.`, path);
  }
  if (issue.message === DATE_ISSUE) {
    return file.finding(file.rangeFor(path, 'value'), 'error', 'date-invalid', `${where} must be a real calendar date written YYYY-MM-DD, e.g. 2026-12-01.`, path);
  }
  return file.finding(file.rangeFor(path, 'value'), 'error', 'schema', `${where}: ${explain(issue)}`, path);
}

function explain(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}.`;
    case 'invalid_type':
      return `must be ${article(issue.expected)}.`;
    case 'invalid_union': {
      const expected = new Set<string>();
      for (const branch of issue.errors) for (const sub of branch) if (sub.code === 'invalid_type') expected.add(sub.expected);
      return expected.size > 0 ? `must be ${[...expected].map(article).join(' or ')}.` : 'has a value of the wrong kind.';
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty.';
      return `must be at least ${String(issue.minimum)}${issue.origin === 'string' ? ' characters long' : ''}.`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}.`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  const names: Record<string, string> = { string: 'text', number: 'a number', array: 'a list', object: 'a map of fields', boolean: 'true or false', int: 'a whole number' };
  return names[type] ?? type;
}

interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
}

/**
 * The field names the schema allows at `path`. Zod issues do not carry the object schema they came
 * from, so walk the schema along the path (through optional and array wrappers).
 */
function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): string | undefined {
  const defOf = (node: unknown): SchemaDef | undefined => (node as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
  const unwrap = (node: unknown): unknown => {
    let cursor = node;
    while (defOf(cursor)?.type === 'optional') cursor = defOf(cursor)?.innerType;
    return cursor;
  };
  let node: unknown = unwrap(schema);
  for (const segment of path) {
    const def = defOf(node);
    if (typeof segment === 'number' && def?.type === 'array') node = unwrap(def.element);
    else if (typeof segment === 'string' && def?.type === 'object' && def.shape) node = unwrap(def.shape[segment]);
    else return undefined;
  }
  const shape = defOf(node)?.shape;
  return shape ? Object.keys(shape).join(', ') : undefined;
}

function firstField(kind: FileKind): string {
  return { release: 'release', rollback: 'stable', team: 'people', config: 'limits', checkin: 'shipped', gonogo: 'decision' }[kind];
}

function removeOffender(data: unknown, issue: z.core.$ZodIssue, path: PathSegment[]): boolean {
  if (issue.code === 'unrecognized_keys') {
    const target = valueAt(data, path);
    if (!isPlainObject(target)) return false;
    for (const key of issue.keys) delete target[key];
    return true;
  }
  if (path.length === 0) return false;
  const parent = valueAt(data, path.slice(0, -1));
  const last = path[path.length - 1] as PathSegment;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (parent[last] === undefined) return false;
    parent[last] = undefined; // keep indices: they map findings back to list items
    return true;
  }
  if (isPlainObject(parent) && typeof last === 'string' && last in parent) {
    delete parent[last];
    return true;
  }
  return false;
}

/**
 * `owner:` with nothing after it is how people write "not filled in yet": treat it as absent, so it
 * gets the missing-value finding (owner-missing, date-target-missing…) rather than a second,
 * confusing "must be text" one. List items stay: `- ` in a list is a real (schema) mistake.
 */
function dropEmptyValues(value: unknown): unknown {
  if (Array.isArray(value)) value.forEach(dropEmptyValues);
  else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (item === null) delete value[key];
      else dropEmptyValues(item);
    }
  }
  return value;
}

export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cursor: unknown = data;
  for (const segment of path) {
    if (Array.isArray(cursor) && typeof segment === 'number') cursor = cursor[segment];
    else if (isPlainObject(cursor) && typeof segment === 'string') cursor = cursor[segment];
    else return undefined;
  }
  return cursor;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
