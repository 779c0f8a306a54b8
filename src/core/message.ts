/**
 * A sentence shown to a person, as data: a stable id, its English template with `{name}`
 * placeholders, and the values that fill them. English is one rendering (`render(m)`); the
 * extension renders the same message through `vscode.l10n` (`render(m, translate)`), so a
 * translation is always of a whole sentence, never English pasted into a translated frame.
 *
 * A value may itself be a message (a fragment such as "1 day"), rendered first with the same
 * translator, or a list of values ("T1, T2, T3"), joined with the translator's list separator.
 * Numbers are values too, so a translator sees the count, not a word.
 */
export type MessageArg = string | number | Message | readonly MessageArg[] | MessageList;

/** Items joined with a separator of their own (a message, so a translation chooses it): "A; B; C". */
export interface MessageList {
  readonly items: readonly MessageArg[];
  readonly separator: Message;
}

function isList(value: unknown): value is MessageList {
  return typeof value === 'object' && value !== null && Array.isArray((value as MessageList).items) && isMessage((value as MessageList).separator);
}

export interface Message {
  /** Stable and unique across the engine, e.g. `owner-missing/task`: a translator's context for the template. */
  readonly id: string;
  /** The English sentence with `{name}` placeholders: the message of `l10n/bundle.l10n.json` (keyed with its id). */
  readonly template: string;
  readonly args: Readonly<Record<string, MessageArg>>;
}

/** Turns a template and its (already rendered) values into the sentence to show; `id` is the message's, for context. */
export type Translate = (template: string, args: Readonly<Record<string, string>>, id: string) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Templates split once into text and placeholder names (odd entries): thousands of findings share a few hundred templates. */
const compiled = new Map<string, string[]>();

/** Fills `{name}` placeholders, the way `vscode.l10n.t(template, args)` does; an unknown name stays as written. */
export function fill(template: string, args: Readonly<Record<string, string>>): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(PLACEHOLDER);
    compiled.set(template, parts);
  }
  let text = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    text += (Object.hasOwn(args, name) ? args[name] : `{${name}}`) + (parts[i + 1] as string);
  }
  return text;
}

/** The English rendering: the template as written, filled. */
export const english: Translate = (template, args) => fill(template, args);

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Message).id === 'string' && typeof (value as Message).template === 'string';
}

/** How list items are joined; a message of its own so a translation can choose its separator. */
export const LIST_SEPARATOR: Message = { id: 'list/separator', template: ', ', args: {} };

/**
 * English renderings already made: a message object shared by many findings (the list of risky
 * tasks every `scope-too-risky` names) is rendered once, not once per finding. English never
 * changes; another translator's renderings are kept only in the `cache` its caller passes (the
 * engine passes one per check).
 */
const englishRenderings = new WeakMap<object, string>();

/** The sentence for `message`, with every nested message and list rendered by the same translator. */
export function render(message: Message, translate: Translate = english, cache?: WeakMap<object, string>): string {
  return renderIn(message, translate, translate === english ? englishRenderings : (cache ?? new WeakMap()));
}

function renderIn(value: Message | readonly MessageArg[] | MessageList, translate: Translate, cache: WeakMap<object, string>): string {
  if (Array.isArray(value) || isList(value)) {
    // Lists are what findings share (and what can be long): each is joined once.
    const known = cache.get(value);
    if (known !== undefined) return known;
    const { items, separator } = isList(value) ? value : { items: value as readonly MessageArg[], separator: LIST_SEPARATOR };
    const between = renderIn(separator, translate, cache);
    const text = items.map((item) => valueText(item, translate, cache)).join(between);
    cache.set(value, text);
    return text;
  }
  const message = value as Message;
  const args: Record<string, string> = {};
  for (const name in message.args) args[name] = valueText(message.args[name] as MessageArg, translate, cache);
  return translate(message.template, args, message.id);
}

function valueText(value: MessageArg, translate: Translate, cache: WeakMap<object, string>): string {
  return typeof value === 'object' ? renderIn(value, translate, cache) : String(value);
}

/**
 * A finding's text: its message rendered, and a doubled period collapsed — messages end a sentence
 * right after quoting the user's text, so "task T1." plus "." would give "T1.." (an ellipsis "..."
 * stays). Only findings are tidied, as they always were; other sentences show plan text as written.
 */
export function findingText(message: Message, translate: Translate = english, cache?: WeakMap<object, string>): string {
  return tidy(render(message, translate, cache));
}

export function tidy(text: string): string {
  return text.replace(/(?<!\.)\.\.(?!\.)/g, '.');
}

/** The names a template's `{…}` placeholders use, as a type: `'a' | 'b'` for `'{a} and {b}'`. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type ArgsFor<S extends string> = [Placeholders<S>] extends [never] ? [] : [args: Record<Placeholders<S>, MessageArg>];

export interface MessageGroup<T extends Record<string, string>> {
  <K extends keyof T & string>(id: K, ...args: ArgsFor<T[K]>): Message;
  readonly templates: T;
}

const groups: MessageGroup<Record<string, string>>[] = [];

/**
 * Declares a module's messages, ESLint-`meta.messages` style: `const m = defineMessages({ 'x/y': 'Task {task} …' })`,
 * then `m('x/y', { task })` — the compiler checks the id and that every placeholder gets a value.
 * Every group is registered, so the l10n bundle and its tests see all of the engine's sentences.
 */
export function defineMessages<const T extends Record<string, string>>(templates: T): MessageGroup<T> {
  const make = (id: string, args?: Record<string, MessageArg>): Message => ({ id, template: templates[id] as string, args: args ?? {} });
  const group = Object.assign(make, { templates }) as unknown as MessageGroup<T>;
  groups.push(group as unknown as MessageGroup<Record<string, string>>);
  return group;
}

/** Every message the loaded modules declared, by id (the l10n bundle is made from this). */
export function declaredMessages(): ReadonlyMap<string, string> {
  const all = new Map<string, string>([[LIST_SEPARATOR.id, LIST_SEPARATOR.template]]);
  for (const group of groups) for (const [id, template] of Object.entries(group.templates)) all.set(id, template);
  return all;
}

/** How many groups were declared, so a test can tell one was declared twice under one id. */
export function declaredGroups(): readonly MessageGroup<Record<string, string>>[] {
  return groups;
}
