import type * as z from 'zod/mini';
import { defineMessages, type Message } from './message';
import { checkConfigRules } from './rules/files';
import { DATE_ISSUE, DEDICATED_MISSING, EXTENSION_PREFIX, FILE_SCHEMAS, descriptionOf, isExtensible, type FileKind } from './schemas';
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

/**
 * The sentences of schema findings. What a sentence is about (a field's path, or the file) is a
 * fragment, and so is what a value must be: a type's name, or the field's own description
 * (`schema/expected/…`, one per `describe()` in schemas.ts, as it reads after "must be").
 */
const messages = defineMessages({
  'schema/not-a-map/list': 'This file must be a map of fields (like `{field}: …`), but it is a list.',
  'schema/not-a-map/string': 'This file must be a map of fields (like `{field}: …`), but it is a string.',
  'schema/not-a-map/number': 'This file must be a map of fields (like `{field}: …`), but it is a number.',
  'schema/not-a-map/boolean': 'This file must be a map of fields (like `{field}: …`), but it is a boolean.',
  'schema/not-a-map/other': 'This file must be a map of fields (like `{field}: …`), but it is something else.',
  'schema/missing': 'Missing required field `{field}`.',
  'schema/missing/in': 'Missing required field `{field}` in `{parent}`.',
  'schema/subject/field': '`{path}`',
  'schema/subject/file': 'The file',
  'date-invalid': '{subject} must be a real calendar date written YYYY-MM-DD, e.g. 2026-12-01.',
  'schema/one-of': '{subject} must be one of {choices}.',
  'schema/must-be': '{subject} must be {expected}.',
  'schema/wrong-kind': '{subject} has a value of the wrong kind.',
  'schema/empty': '{subject} must not be empty.',
  'schema/too-short': '{subject} must be at least {minimum} characters long.',
  'schema/too-small': '{subject} must be at least {minimum}.',
  'schema/too-big': '{subject} must be at most {maximum}.',
  'schema/either': '{first} or {second}',
  'schema/type/string': 'text',
  'schema/type/number': 'a number',
  'schema/type/int': 'a whole number',
  'schema/type/boolean': 'true or false',
  'schema/type/array': 'a list',
  'schema/type/object': 'a map of fields',
  /** A type zod names that no plan field has (not reached by the plan's schemas). */
  'schema/type/other': 'another kind of value',
  'schema/expected/release-name': 'a short name for the release, e.g. billing-v1',
  'schema/expected/problem': 'the one customer problem this release solves, in one sentence',
  'schema/expected/date': 'a calendar date, YYYY-MM-DD',
  'schema/expected/backup': 'the backup date, after target',
  'schema/expected/freeze-scope': 'the day testing starts: tasks added later are late',
  'schema/expected/freeze-features': 'the day new feature requests stopped',
  'schema/expected/person': 'the name of one person, e.g. Ana',
  'schema/expected/task-id': 'a unique id, e.g. T1',
  'schema/expected/task-title': 'text saying what is done, in a few words',
  'schema/expected/task-status': 'the state of the task; todo when absent',
  'schema/expected/task-estimate': 'a number: the working days left (0.5 for half a day)',
  'schema/expected/task-kind': 'the kind of work; feature when absent',
  'schema/expected/task-added': 'the day the task joined the release',
  'schema/expected/task-rollback': 'text saying how this task is undone',
  'schema/expected/task-blocker': 'text saying what blocks the task',
  'schema/expected/task-clears': 'the one person who removes the blocker',
  'schema/expected/description': 'text that says more about it',
  'schema/expected/notes': 'text: notes for the team',
  'schema/expected/links': 'a list of links: each a URL, or a map with `title:` and `url:`',
  'schema/expected/url': 'a URL',
  'schema/expected/jira': 'a tracker key, e.g. PAY-123',
  'schema/expected/ticket': 'a ticket key or number, e.g. 4711',
  'schema/expected/told': 'the date stakeholders were told (YYYY-MM-DD), or false',
  'schema/expected/signal-for': 'the time the signal must hold, e.g. 5m',
  'schema/expected/capacity': 'the days per week this person works on the release, 0 to 7',
  'schema/expected/team-labels': 'a list of extra words that name a group rather than a person',
  'schema/expected/rules': 'a map of severity overrides by rule code, e.g. scope-refactor: error',
  'schema/expected/shipped': 'the record of how the release ended (`release-plan ship` writes it): once its date has come, the rules switch to after-launch mode',
  'schema/expected/shipped-date': 'the day the release went out, was rolled back, or was called a slip',
  'schema/expected/shipped-outcome': 'the outcome of the release: shipped, rolled-back or slipped',
  'schema/expected/shipped-version': 'the version that went out, e.g. 1.5.0',
  'schema/expected/rescue': 'a flag, true for a rescue release after missed ones (the next two keep the same release-readiness owner and rollback check)',
  'schema/expected/review-growth-what': 'text: the work that joined the release late',
  'schema/expected/review-growth-allowed-by': 'the one person who allowed it in',
  'schema/expected/review-growth-when': 'the day it joined the release',
  'schema/expected/review-growth-why': 'text: why it was let in',
  'schema/expected/review-growth': 'a list of what joined the release after the freeze: what, who allowed it, when',
  'schema/expected/review-pattern': 'text: what pushed the team past its limit, as a pattern (not the latest example), in one sentence',
  'schema/expected/review-blocked-what': 'text: what blocked the work',
  'schema/expected/review-blocked-days': 'a list of the days it was reported (from the check-ins)',
  'schema/expected/review-blocked': 'a list of what blocked the work, from the daily check-ins',
  'schema/expected/review-changed-what': 'text: what changed, in one sentence',
  'schema/expected/review-changed-why': 'text: why it worked, in one sentence',
  'schema/expected/review-changed': 'a list of what the team changed and why it worked, one sentence each',
  'schema/expected/review-keep': 'a list of what stays the same for the next two releases (the owner, the planning window, the rollback check)',
  'schema/expected/gonogo-reason': 'the reason for the decision; needed for a no-go, so the team knows what to fix',
  'schema/expected/gonogo-at': 'the time of day of the decision, HH:MM (local), when the day has several',
  'schema/expected/gonogo-earlier': "the day's earlier decisions, kept with their evidence when the go/no-go is run again the same day; the latest (the file's own fields) counts",
  /** A description without a `schema/expected/…` message (a test keeps this from happening): shown as written. */
  'schema/expected/as-described': '{description}',
  'schema/choice-case': 'Write `{path}` as `{choice}`, not {value}: the choices are lower-case, with no spaces around them. It is read as `{choice}` until then.',
  'schema/unknown-field/name': '`{key}`',
  'schema/unknown-field/name/in': '`{key}` in `{path}`',
  'schema/unknown-field': 'Unknown field {field}.',
  'schema/unknown-field/known': 'Unknown field {field}. Known fields: {known}.',
  'schema/unknown-field/extensible': 'Unknown field {field}. Anything else can go in `notes:`, `links:` or a field whose name starts with `{prefix}` (e.g. `{prefix}{key}:`).',
  'schema/unknown-field/known/extensible': 'Unknown field {field}. Known fields: {known}. Anything else can go in `notes:`, `links:` or a field whose name starts with `{prefix}` (e.g. `{prefix}{key}:`).',
  'schema/unknown-field/guess': 'Unknown field {field}: did you mean `{guess}`?',
  'schema/unknown-field/guess/case': 'Unknown field {field}: did you mean `{guess}`? Field names are lower-case.',
  'schema/unknown-field/prefix': 'Unknown field {field}: extra fields are allowed when their name starts with a lower-case `{prefix}`. Did you mean `{guess}`?',
});

type ExpectedId = Exclude<Extract<keyof typeof messages.templates, `schema/expected/${string}`>, 'schema/expected/as-described'>;

/** A field's description as it reads after "must be" → its message (the template is that text). */
const EXPECTED: ReadonlyMap<string, ExpectedId> = new Map(
  Object.entries(messages.templates)
    .filter(([id]) => id.startsWith('schema/expected/') && id !== 'schema/expected/as-described')
    .map(([id, template]): [string, ExpectedId] => [template, id as ExpectedId]),
);

const MAX_PASSES = 8;

/**
 * Checks `file.data` against the schema for `kind`. Every issue becomes a finding at the offending
 * node; the offending value is then dropped so the rest of the file can still be checked.
 */
export function validate<K extends FileKind>(file: SourceFile, kind: K): Validated<z.infer<(typeof FILE_SCHEMAS)[K]['schema']>> {
  const schema = FILE_SCHEMAS[kind].schema as z.ZodMiniType;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  // `file.data` is shared (and frozen) when the file comes from the parse cache: work on a copy.
  let data: unknown = dropEmptyValues(structuredClone(file.data ?? {}));
  if (!isPlainObject(data)) {
    // That one finding says it all: its fields are not also "missing" at the same place.
    findings.push(file.finding(file.rangeFor([], 'value'), 'error', 'schema', notAMap(firstField(kind), data)));
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

function notAMap(field: string, data: unknown): Message {
  if (Array.isArray(data)) return messages('schema/not-a-map/list', { field });
  const type = typeof data;
  if (type === 'string' || type === 'number' || type === 'boolean') return messages(`schema/not-a-map/${type}`, { field });
  return messages('schema/not-a-map/other', { field });
}

function describeIssue(file: SourceFile, kind: FileKind, schema: z.ZodMiniType, issue: z.core.$ZodIssue, path: PathSegment[], data: unknown): Finding[] {
  const subject = path.length > 0 ? messages('schema/subject/field', { path: displayPath(path) }) : messages('schema/subject/file');
  const present = valueAt(data, path) !== undefined;
  if (!present) {
    const dedicated = DEDICATED_MISSING[kind]?.[path.join('.')];
    if (dedicated) return []; // a rule reports it with a better message
    const parent = path.slice(0, -1);
    const field = String(path[path.length - 1]);
    const message = parent.length > 0 ? messages('schema/missing/in', { field, parent: displayPath(parent) }) : messages('schema/missing', { field });
    return [file.finding(file.rangeFor(parent), 'error', 'schema', message, path)];
  }
  if (issue.message === DATE_ISSUE) {
    return [file.finding(file.rangeFor(path, 'value'), 'error', 'date-invalid', messages('date-invalid', { subject }), path)];
  }
  return [file.finding(file.rangeFor(path, 'value'), 'error', 'schema', explain(subject, issue, describedAt(schema, path)), path)];
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
    const message = messages('schema/choice-case', { path: displayPath([...path, segment]), choice, value: JSON.stringify(value) });
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
function unknownField(file: SourceFile, schema: z.ZodMiniType, path: PathSegment[], key: string): { finding: Finding; guess: string | undefined } {
  const object = objectAt(schema, path);
  const known = object ? Object.keys(object.shape) : [];
  // `X-Priority`: the extension prefix in the wrong case. Keep the rest of the name as written.
  const wrongPrefix = object?.extensible === true && key.toLowerCase().startsWith(EXTENSION_PREFIX);
  const guess = wrongPrefix ? `${EXTENSION_PREFIX}${key.slice(EXTENSION_PREFIX.length)}` : closest(key, known);
  const field = path.length > 0 ? messages('schema/unknown-field/name/in', { key, path: displayPath(path) }) : messages('schema/unknown-field/name', { key });
  const prefix = EXTENSION_PREFIX;
  let message: Message;
  if (wrongPrefix) message = messages('schema/unknown-field/prefix', { field, prefix, guess: guess as string });
  else if (guess) message = onlyCaseDiffers(key, guess) ? messages('schema/unknown-field/guess/case', { field, guess }) : messages('schema/unknown-field/guess', { field, guess });
  else if (object?.extensible) message = known.length > 0 ? messages('schema/unknown-field/known/extensible', { field, known, prefix, key }) : messages('schema/unknown-field/extensible', { field, prefix, key });
  else message = known.length > 0 ? messages('schema/unknown-field/known', { field, known }) : messages('schema/unknown-field', { field });
  const finding = file.finding(file.rangeFor([...path, key]), 'error', 'schema', message, [...path, key]);
  // The editor offers "Change to owner" from this.
  return { finding: guess ? { ...finding, data: { suggestion: guess } } : finding, guess };
}

/** "`x` must be …" for a value of the wrong kind; the field's own description when it has one. */
function explain(subject: Message, issue: z.core.$ZodIssue, description: string | undefined): Message {
  switch (issue.code) {
    case 'invalid_value':
      return messages('schema/one-of', { subject, choices: issue.values.map((v) => `\`${String(v)}\``) });
    case 'invalid_type':
      return messages('schema/must-be', { subject, expected: description ? described(description) : typeName(issue.expected) });
    case 'invalid_union': {
      if (description) return messages('schema/must-be', { subject, expected: described(description) });
      const expected = new Set<string>();
      for (const branch of issue.errors) for (const sub of branch) if (sub.code === 'invalid_type') expected.add(sub.expected);
      const names = [...expected].map(typeName);
      const either = names.slice(1).reduce((first, second) => messages('schema/either', { first, second }), names[0] as Message);
      return names.length > 0 ? messages('schema/must-be', { subject, expected: either }) : messages('schema/wrong-kind', { subject });
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return messages('schema/empty', { subject });
      return messages(issue.origin === 'string' ? 'schema/too-short' : 'schema/too-small', { subject, minimum: String(issue.minimum) });
    case 'too_big':
      return messages('schema/too-big', { subject, maximum: String(issue.maximum) });
    default:
      return messages('schema/wrong-kind', { subject });
  }
}

/** "The date stakeholders were told." → the message "the date stakeholders were told", to follow "must be". */
function described(description: string): Message {
  const text = description.trim().replace(/\.+$/, '');
  const clause = text.charAt(0).toLowerCase() + text.slice(1);
  const id = EXPECTED.get(clause);
  return id ? messages(id) : messages('schema/expected/as-described', { description: clause });
}

function typeName(type: string): Message {
  switch (type) {
    case 'string':
    case 'number':
    case 'int':
    case 'boolean':
    case 'array':
    case 'object':
      return messages(`schema/type/${type}`);
    default:
      return messages('schema/type/other');
  }
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

/**
 * Walks the schema along `path` (through optional wrappers, lists and unions) and returns the node
 * there plus the nearest description on the way in. Zod issues do not carry their schema.
 */
function schemaAt(schema: z.ZodMiniType, path: readonly PathSegment[]): { node: unknown; description: string | undefined } | undefined {
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

function describedAt(schema: z.ZodMiniType, path: readonly PathSegment[]): string | undefined {
  return schemaAt(schema, path)?.description;
}

/** The object schema at `path`: its fields, and whether it takes `x-` keys. */
function objectAt(schema: z.ZodMiniType, path: readonly PathSegment[]): { shape: Record<string, unknown>; extensible: boolean } | undefined {
  const found = schemaAt(schema, path);
  let node = found?.node;
  if (defOf(node)?.type === 'union') node = defOf(node)?.options?.find((option) => defOf(option)?.type === 'object');
  const def = defOf(node);
  if (def?.type !== 'object' || !def.shape) return undefined;
  return { shape: def.shape, extensible: isExtensible(node) };
}

function firstField(kind: FileKind): string {
  return { release: 'release', rollback: 'stable', team: 'people', config: 'limits', checkin: 'shipped', gonogo: 'decision', review: 'pattern' }[kind];
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
