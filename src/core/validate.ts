import type * as z from 'zod';
import { checkConfigRules } from './rules/files';
import { DATE_ISSUE, DEDICATED_MISSING, EXTENSION_PREFIX, FILE_SCHEMAS, isExtensible, type FileKind } from './schemas';
import type { PathSegment, SourceFile } from './source';
import { closest, onlyCaseDiffers } from './suggest';
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
  // `file.data` is shared (and frozen) when the file comes from the parse cache: work on a copy.
  let data: unknown = dropEmptyValues(structuredClone(file.data ?? {}));
  if (!isPlainObject(data)) {
    const found = Array.isArray(data) ? 'a list' : `a ${typeof data}`;
    // That one finding says it all: its fields are not also "missing" at the same place.
    findings.push(file.finding(file.rangeFor([], 'value'), 'error', 'schema', `This file must be a map of fields (like \`${firstField(kind)}: …\`), but it is ${found}.`));
    return { data: {} as Validated<z.infer<(typeof FILE_SCHEMAS)[K]['schema']>>['data'], findings };
  }
  // `status: Blocked` is read as `blocked` (with a warning), so the rules still see a blocked task.
  findings.push(...normaliseChoices(file, schema, data, []));
  // Removing one bad value can reveal another (a required field now missing), so repeat a few times.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = schema.safeParse(data);
    if (result.success) break;
    let changed = false;
    // Unknown keys first: `ur:` for `url:` is one mistake, and "did you mean `url`?" says it.
    const issues = result.error.issues.flatMap(matchedBranch).sort((a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'));
    for (const issue of issues) {
      const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
      // One finding per place: a value we removed for being wrong is not also "missing" later.
      const key = issue.code === 'unrecognized_keys' ? `keys:${path.join('.')}` : path.join('.');
      if (seen.has(key)) continue;
      seen.add(key);
      if (issue.code === 'unrecognized_keys') {
        for (const unknown of issue.keys) {
          const { finding, guess } = unknownField(file, schema, path, unknown);
          findings.push(finding);
          if (guess && valueAt(data, [...path, guess]) === undefined) seen.add([...path, guess].join('.'));
        }
      } else findings.push(...describeIssue(file, kind, schema, issue, path, data));
      changed = removeOffender(data, issue, path) || changed;
    }
    if (!changed) break;
  }
  if (kind === 'config') findings.push(...checkConfigRules(file, data));
  return { data: data as Validated<z.infer<(typeof FILE_SCHEMAS)[K]['schema']>>['data'], findings };
}

/**
 * A value that fits one branch of a union in shape (a link written as a map) but is wrong inside
 * it: report that branch's issues, at their own paths, rather than "must be a URL or a map".
 */
function matchedBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const shaped = issue.errors.filter((branch) => branch.length > 0 && branch.every((sub) => sub.path.length > 0 || (sub.code !== 'invalid_type' && sub.code !== 'invalid_value' && sub.code !== 'invalid_union')));
  const [branch] = shaped;
  if (shaped.length !== 1 || !branch) return [issue];
  return branch.flatMap((sub) => matchedBranch({ ...sub, path: [...issue.path, ...sub.path] } as z.core.$ZodIssue));
}

function describeIssue(file: SourceFile, kind: FileKind, schema: z.ZodType, issue: z.core.$ZodIssue, path: PathSegment[], data: unknown): Finding[] {
  const where = path.length > 0 ? `\`${displayPath(path)}\`` : 'The file';
  const present = valueAt(data, path) !== undefined;
  if (!present) {
    const dedicated = DEDICATED_MISSING[kind]?.[path.join('.')];
    if (dedicated) return []; // a rule reports it with a better message
    const parent = path.slice(0, -1);
    return [file.finding(file.rangeFor(parent), 'error', 'schema', `Missing required field \`${String(path[path.length - 1])}\`${parent.length > 0 ? ` in \`${displayPath(parent)}\`` : ''}.`, path)];
  }
  if (issue.message === DATE_ISSUE) {
    return [file.finding(file.rangeFor(path, 'value'), 'error', 'date-invalid', `${where} must be a real calendar date written YYYY-MM-DD, e.g. 2026-12-01.`, path)];
  }
  return [file.finding(file.rangeFor(path, 'value'), 'error', 'schema', `${where} ${explain(issue, describedAt(schema, path))}`, path)];
}

/**
 * Rewrites, in place, every value of a fixed list (status, kind, risk, environment, decision…) that
 * differs from one of its choices only in case or surrounding spaces, and returns one warning per
 * value saying how to write it. Walks the schema generically, so every list of choices is covered.
 */
function normaliseChoices(file: SourceFile, node: unknown, data: unknown, path: PathSegment[]): Finding[] {
  const def = defOf(node) as (SchemaDef & { entries?: Record<string, unknown>; valueType?: unknown }) | undefined;
  const inside = (child: unknown, value: unknown, segment: PathSegment, set: (choice: string) => void): Finding[] => {
    const choice = typeof value === 'string' ? choiceFor(child, value) : undefined;
    if (choice === undefined) return normaliseChoices(file, child, value, [...path, segment]);
    set(choice);
    const where = displayPath([...path, segment]);
    const message = `Write \`${where}\` as \`${choice}\`, not ${JSON.stringify(value)}: the choices are lower-case, with no spaces around them. It is read as \`${choice}\` until then.`;
    return [file.finding(file.rangeFor([...path, segment], 'value'), 'warning', 'schema', message, [...path, segment])];
  };
  switch (def?.type) {
    case 'optional':
      return normaliseChoices(file, def.innerType, data, path);
    case 'object': {
      const shape = def.shape;
      if (!isPlainObject(data) || !shape) return [];
      return Object.keys(data).flatMap((key) => (Object.hasOwn(shape, key) ? inside(shape[key], data[key], key, (choice) => (data[key] = choice)) : []));
    }
    case 'record':
      return isPlainObject(data) ? Object.keys(data).flatMap((key) => inside(def.valueType, data[key], key, (choice) => (data[key] = choice))) : [];
    case 'array':
      return Array.isArray(data) ? data.flatMap((item, index) => inside(def.element, item, index, (choice) => (data[index] = choice))) : [];
    case 'union':
      // A map or list inside a union (a link, an owner list): look inside the branch of that shape.
      return (def.options ?? []).flatMap((option) => (defOf(option)?.type === 'object' || defOf(option)?.type === 'array' ? normaliseChoices(file, option, data, path) : []));
    default:
      return [];
  }
}

/**
 * The choice a text value stands for when the schema there is a list of choices (possibly optional,
 * or one branch of a union) and the text differs from that choice only in case or surrounding
 * spaces; undefined when the value is already a choice, or matches none.
 */
function choiceFor(node: unknown, value: string): string | undefined {
  const def = defOf(node) as (SchemaDef & { entries?: Record<string, unknown> }) | undefined;
  if (def?.type === 'optional') return choiceFor(def.innerType, value);
  if (def?.type === 'union') {
    if ((def.options ?? []).some((option) => defOf(option)?.type !== 'enum' && defOf(option)?.type !== 'boolean' && defOf(option)?.type !== 'literal')) return undefined;
    for (const option of def.options ?? []) {
      const choice = choiceFor(option, value);
      if (choice !== undefined) return choice;
    }
    return undefined;
  }
  if (def?.type !== 'enum') return undefined;
  const choices = Object.values(def.entries ?? {}).filter((choice): choice is string => typeof choice === 'string');
  if (choices.includes(value)) return undefined;
  const wanted = value.trim().toLocaleLowerCase('en');
  return choices.find((choice) => choice.toLocaleLowerCase('en') === wanted);
}

/** One finding per unknown key, on that key, with the closest known field when it looks like a typo. */
function unknownField(file: SourceFile, schema: z.ZodType, path: PathSegment[], key: string): { finding: Finding; guess: string | undefined } {
  const object = objectAt(schema, path);
  const known = object ? Object.keys(object.shape) : [];
  const inside = path.length > 0 ? ` in \`${displayPath(path)}\`` : '';
  // `X-Priority`: the extension prefix in the wrong case. Keep the rest of the name as written.
  const wrongPrefix = object?.extensible === true && key.toLowerCase().startsWith(EXTENSION_PREFIX);
  const guess = wrongPrefix ? `${EXTENSION_PREFIX}${key.slice(EXTENSION_PREFIX.length)}` : closest(key, known);
  let message = `Unknown field \`${key}\`${inside}`;
  if (wrongPrefix) message += `: extra fields are allowed when their name starts with a lower-case \`${EXTENSION_PREFIX}\`. Did you mean \`${guess}\`?`;
  else if (guess) message += `: did you mean \`${guess}\`?${onlyCaseDiffers(key, guess) ? ' Field names are lower-case.' : ''}`;
  else {
    message += '.';
    if (known.length > 0) message += ` Known fields: ${known.join(', ')}.`;
    if (object?.extensible) message += ` Anything else can go in \`notes:\`, \`links:\` or a field whose name starts with \`${EXTENSION_PREFIX}\` (e.g. \`${EXTENSION_PREFIX}${key}:\`).`;
  }
  const finding = file.finding(file.rangeFor([...path, key]), 'error', 'schema', message, [...path, key]);
  // The editor offers "Change to owner" from this.
  return { finding: guess ? { ...finding, data: { suggestion: guess } } : finding, guess };
}

/** "must be …" for a value of the wrong kind; the field's own description when it has one. */
function explain(issue: z.core.$ZodIssue, description: string | undefined): string {
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}.`;
    case 'invalid_type':
      return `must be ${description ? asClause(description) : article(issue.expected)}.`;
    case 'invalid_union': {
      if (description) return `must be ${asClause(description)}.`;
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
      return 'has a value of the wrong kind.';
  }
}

/** "The date stakeholders were told." → "the date stakeholders were told", to follow "must be". */
function asClause(description: string): string {
  const text = description.trim().replace(/\.+$/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function article(type: string): string {
  const names: Record<string, string> = { string: 'text', number: 'a number', array: 'a list', object: 'a map of fields', boolean: 'true or false', int: 'a whole number' };
  return names[type] ?? type;
}

/** A path as people read it: `tasks[2].owner`, `parked[0].told`, `roles.stop`. */
export function displayPath(path: readonly PathSegment[]): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  options?: unknown[];
}

const defOf = (node: unknown): SchemaDef | undefined => (node as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;
const descriptionOf = (node: unknown): string | undefined => (node as { description?: string } | undefined)?.description;

/**
 * Walks the schema along `path` (through optional wrappers, lists and unions) and returns the node
 * there plus the nearest description on the way in. Zod issues do not carry their schema.
 */
function schemaAt(schema: z.ZodType, path: readonly PathSegment[]): { node: unknown; description: string | undefined } | undefined {
  let description: string | undefined;
  const unwrap = (node: unknown): unknown => {
    let cursor = node;
    description = descriptionOf(cursor);
    while (defOf(cursor)?.type === 'optional') {
      cursor = defOf(cursor)?.innerType;
      description ??= descriptionOf(cursor);
    }
    return cursor;
  };
  let node: unknown = unwrap(schema);
  for (const segment of path) {
    let def = defOf(node);
    // A union of text and a map (links, owners): follow the branch that can hold this segment.
    if (def?.type === 'union') {
      const branch = def.options?.find((option) => defOf(option)?.type === (typeof segment === 'number' ? 'array' : 'object'));
      if (!branch) return undefined;
      def = defOf(branch);
    }
    if (typeof segment === 'number' && def?.type === 'array') node = unwrap(def.element);
    else if (typeof segment === 'string' && def?.type === 'object' && def.shape && Object.hasOwn(def.shape, segment)) node = unwrap(def.shape[segment]);
    else return undefined;
  }
  return { node, description };
}

function describedAt(schema: z.ZodType, path: readonly PathSegment[]): string | undefined {
  return schemaAt(schema, path)?.description;
}

/** The object schema at `path`: its fields, and whether it takes `x-` keys. */
function objectAt(schema: z.ZodType, path: readonly PathSegment[]): { shape: Record<string, unknown>; extensible: boolean } | undefined {
  const found = schemaAt(schema, path);
  let node = found?.node;
  if (defOf(node)?.type === 'union') node = defOf(node)?.options?.find((option) => defOf(option)?.type === 'object');
  const def = defOf(node);
  if (def?.type !== 'object' || !def.shape) return undefined;
  return { shape: def.shape, extensible: isExtensible(node) };
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
