import { addDays, dayNumber, formatDay } from './dates';
import { defineMessages, english, render, type Message, type Translate } from './message';
import { ENVIRONMENTS, KINDS, RISKS, SHIP_OUTCOMES, STATUSES, PERSON_FIELDS } from './schemas';

/** Keys whose value names a person. */
const PERSON_KEYS = new Set<string>([...PERSON_FIELDS, 'by', 'decided_by', 'asked_by', 'allowed_by']);
const DATE_KEYS = new Set(['target', 'backup', 'added', 'date', 'told', 'features']);

export interface CompletionSite {
  /** The key whose value is being typed (for a list item: the list's key). */
  key: string;
  /** The parent key, e.g. `roles` or `freeze`, when known. */
  parent?: string;
  /** What is typed of the value so far. */
  prefix: string;
}

/**
 * Finds which key's value the cursor is in, from the text alone, so completion works on a file
 * that does not parse yet (the usual state while typing).
 */
export function completionSite(text: string, offset: number): CompletionSite | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const pair = /^(\s*)(?:-\s+)?([A-Za-z_]+):\s*(?:\[\s*(?:[^\]]*,\s*)?)?([^\s,\]]*)$/.exec(before);
  const parentOf = (indent: number): string | undefined => {
    const lines = text.slice(0, lineStart).split('\n').reverse();
    for (const line of lines) {
      if (!line.trim() || line.trim().startsWith('#')) continue;
      // The nearest less-indented `key:` that is not itself a list item (`- id: T1`) is the parent.
      const key = /^(\s*)(?:-\s+)?([A-Za-z_]+):/.exec(line);
      if (key && (key[1]?.length ?? 0) < indent && !/^\s*-/.test(line)) return key[2];
    }
    return undefined;
  };
  if (pair) return { key: pair[2] ?? '', prefix: pair[3] ?? '', ...withParent(parentOf(pair[1]?.length ?? 0)) };
  const item = /^(\s*)-\s+([^\s]*)$/.exec(before);
  if (item) {
    const parent = parentOf((item[1]?.length ?? 0) + 1);
    return parent ? { key: parent, prefix: item[2] ?? '' } : undefined;
  }
  return undefined;
  function withParent(parent: string | undefined) {
    return parent ? { parent } : {};
  }
}

/** What a suggested value is, shown beside it: "task status", "next Monday"… */
const messages = defineMessages({
  'completion/status': 'task status',
  'completion/kind': 'task kind',
  'completion/risk': 'risk',
  'completion/environment': 'dry-run environment',
  'completion/decision': 'decision',
  'completion/outcome': 'release outcome',
  'completion/person': 'person',
  'completion/today': 'today',
  'completion/tomorrow': 'tomorrow',
  'completion/next-monday': 'next Monday',
  'completion/next-friday': 'next Friday',
  'completion/in-one-week': 'in one week',
  'completion/in-two-weeks': 'in two weeks',
});

export interface ValueSuggestion {
  value: string;
  /** What the value is, in the language of `translate` (English by default). */
  detail: string;
  kind: 'person' | 'enum' | 'date';
}

/** Values to offer at a site: people, enum values or dates. */
export function suggestValues(site: CompletionSite, people: readonly string[], today: string, translate: Translate = english): ValueSuggestion[] {
  const { key, parent } = site;
  const enumOf = (values: readonly string[], detail: Message): ValueSuggestion[] => {
    const said = render(detail, translate);
    return values.map((value) => ({ value, detail: said, kind: 'enum' }));
  };
  if (key === 'status') return enumOf(STATUSES, messages('completion/status'));
  if (key === 'kind') return enumOf(KINDS, messages('completion/kind'));
  if (key === 'risk') return enumOf(RISKS, messages('completion/risk'));
  if (key === 'environment' && parent === 'dry_run') return enumOf(ENVIRONMENTS, messages('completion/environment'));
  if (key === 'decision') return enumOf(['go', 'no-go'], messages('completion/decision'));
  if (key === 'outcome' && parent === 'shipped') return enumOf(SHIP_OUTCOMES, messages('completion/outcome'));
  // review.yaml: the day late work joined (`scope_growth[].when`), the days a blocker was reported (`blocked[].days`).
  if (DATE_KEYS.has(key) || (key === 'scope' && parent === 'freeze') || (key === 'when' && parent === 'scope_growth') || key === 'days') return dateSuggestions(today).map(({ value, detail }) => ({ value, detail: render(detail, translate), kind: 'date' }));
  if (PERSON_KEYS.has(key)) {
    const person = render(messages('completion/person'), translate);
    return people.map((value) => ({ value, detail: person, kind: 'person' }));
  }
  return [];
}

function dateSuggestions(today: string): { value: string; detail: Message }[] {
  const day = dayNumber(today) ?? 0;
  const weekday = (day + 4) % 7; // 0 = Sunday
  const nextMonday = formatDay(day + ((8 - weekday) % 7 || 7));
  const nextFriday = formatDay(day + ((12 - weekday) % 7 || 7));
  return [
    { value: today, detail: messages('completion/today') },
    { value: addDays(today, 1), detail: messages('completion/tomorrow') },
    { value: nextMonday, detail: messages('completion/next-monday') },
    { value: nextFriday, detail: messages('completion/next-friday') },
    { value: addDays(today, 7), detail: messages('completion/in-one-week') },
    { value: addDays(today, 14), detail: messages('completion/in-two-weeks') },
  ];
}
