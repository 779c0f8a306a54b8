import { isPlaceholder } from './placeholder';
import type { Loose } from './validate';
import type { Team } from './schemas';

/** Words that name a group or nobody. config.yaml `team_labels` adds to these. */
export const BUILTIN_TEAM_LABELS = [
  'team', 'squad', 'group', 'backend', 'frontend', 'front-end', 'back-end', 'mobile', 'ios', 'android', 'web', 'qa', 'ops',
  'devops', 'sre', 'infra', 'platform', 'product', 'design', 'engineering', 'eng', 'dev', 'devs', 'developers', 'everyone',
  'all', 'tbd', 'tba', 'unassigned', 'someone', 'somebody', 'whoever', 'anyone', 'nobody', 'none', 'n/a', 'na', '?', 'support',
  'security', 'data', 'marketing', 'sales', 'management', 'leads', 'legal', 'finance', 'compliance', 'hr', 'it', 'procurement',
  'accounting', 'accounts', 'purchasing', 'payroll',
];

/** Words that make any phrase a group: "billing team", "mobile squad", "the devs". */
const GROUP_NOUNS = new Set([
  'team', 'teams', 'squad', 'group', 'crew', 'department', 'dept', 'guild', 'folks', 'people', 'devs', 'developers', 'engineers',
  'everyone', 'everybody', 'all', 'tbd', 'tba', 'unassigned', 'someone', 'somebody', 'nobody', 'whoever', 'anyone', 'anybody', 'none',
  // Parties outside the team, or a whole function: "Customer Success", "Acme vendor", "external contractors", "the agency".
  'customer', 'customers', 'client', 'clients', 'vendor', 'vendors', 'contractor', 'contractors', 'supplier', 'suppliers',
  'partner', 'partners', 'agency', 'agencies', 'consultants', 'freelancers', 'outsourced',
]);

/** Separators that join several people in one owner string: "Ana and Bo", "Ana/Bo", "Ana, Bo", "Ana & Bo". */
const SEVERAL = /\s+(?:and|or|und|et|y)\s+|\s*[/,&+;|]\s*/i;

/** A GitHub or GitLab team handle: `@acme/backend`, `@acme/web-platform`, a GitLab subgroup `@org/team/sub` (any depth). */
const TEAM_HANDLE = /^@[\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]+)+$/u;

/** Lower-case words inside a surname: "Ortega y Gasset", "de la Cruz", "van der Berg". */
const PARTICLES = new Set(['y', 'e', 'i', 'de', 'del', 'della', 'der', 'den', 'di', 'da', 'das', 'do', 'dos', 'du', 'la', 'le', 'les', 'lo', 'van', 'von', 'zu', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'st', 'st.']);
/** Separators that always join people, even inside a surname written first. */
const HARD_SEPARATORS = /\s+(?:and|or|und|et)\s+|\s*[/&+;|]\s*/i;

/** Words that start a phrase naming a role or somebody unspecified: "the release owner", "our PM", "whoever owns X". */
const ROLE_OPENERS = new Set(['the', 'our', 'my', 'your', 'their', 'his', 'her', 'whoever', 'whichever', 'same', 'any']);

/** Nouns that name a position, not a person: "release owner", "tech lead", "product manager", "owner of billing". */
const ROLE_NOUNS = new Set([
  'owner', 'owners', 'lead', 'leads', 'manager', 'managers', 'captain', 'coordinator', 'assignee', 'maintainer', 'maintainers',
  'pm', 'po', 'em', 'cto', 'ceo', 'vp', 'head', 'director', 'responsible',
]);

export type OwnerVerdict =
  | { kind: 'ok'; person: string }
  | { kind: 'missing'; placeholder?: string }
  | { kind: 'multiple'; people: string[]; /** "Smith, John": one person surname-first, or two people. */ ambiguous?: boolean }
  | { kind: 'team-label'; label: string; /** A role or position ("the release owner"), not a group. */ role?: boolean }
  | { kind: 'unknown'; person: string };

/** Resolves names and aliases from team.yaml; judges whether a value names exactly one person. */
export class People {
  private readonly byName = new Map<string, string>();
  private readonly capacities = new Map<string, number>();
  private readonly labels: Set<string>;
  readonly hasTeam: boolean;

  constructor(team: Loose<Team> | undefined, extraLabels: readonly (string | undefined)[] = []) {
    this.hasTeam = (team?.people ?? []).some((person) => !!person?.name?.trim());
    for (const person of team?.people ?? []) {
      if (!person?.name?.trim()) continue;
      const name = person.name.trim();
      this.byName.set(handle(name), name);
      // Owners are looked up without a leading @, so aliases written as handles ("@ana") must be too.
      for (const alias of person.aliases ?? []) if (alias?.trim()) this.byName.set(handle(alias), name);
      if (typeof person.capacity === 'number') this.capacities.set(name, person.capacity);
    }
    this.labels = new Set([...BUILTIN_TEAM_LABELS, ...extraLabels.filter((l): l is string => !!l).map(fold)]);
  }

  /** The team's names, in file order. */
  get names(): string[] {
    return [...new Set(this.byName.values())];
  }

  /** The canonical name for a person (team name for an alias), or the trimmed input. */
  canonical(name: string): string {
    const trimmed = name.trim().replace(/^@/, '');
    const known = this.byName.get(handle(trimmed));
    if (known) return known;
    // Without team.yaml, "Bo" and "bo" are still one person: keep the first spelling seen.
    const first = this.spellings.get(handle(trimmed));
    if (first) return first;
    this.spellings.set(handle(trimmed), trimmed);
    return trimmed;
  }

  private readonly spellings = new Map<string, string>();

  /**
   * Who a name means, as a key to compare (nothing is remembered, unlike `canonical`): the same for
   * a team.yaml name and its aliases, and for spellings that differ only in letter case, a leading @,
   * apostrophes or spaces.
   */
  key(name: string): string {
    const folded = handle(name);
    const known = this.byName.get(folded);
    return known !== undefined ? handle(known) : folded;
  }

  /** The team.yaml name for a name or alias, else the name as written (trimmed); nothing is remembered, unlike `canonical`. */
  known(name: string): string {
    return this.byName.get(handle(name)) ?? name.trim();
  }

  /**
   * The people an owner value names, as `judge` reads it: each of several ("Ana/Bo", "Ana and Bo",
   * a list) and the one person of a single name; none for a team, a role or nobody.
   */
  named(value: unknown): string[] {
    const verdict = this.judge(value);
    if (verdict.kind === 'multiple') return verdict.people;
    return verdict.kind === 'ok' || verdict.kind === 'unknown' ? [verdict.person] : [];
  }

  /** Working days per week for a person (5 unless team.yaml says otherwise). */
  capacity(name: string): number {
    return this.capacities.get(this.canonical(name)) ?? 5;
  }

  private readonly verdicts = new Map<string, OwnerVerdict>();

  /** Judges a value; string verdicts are remembered, since the same names recur on every task. */
  judge(value: unknown): OwnerVerdict {
    if (typeof value !== 'string') return this.judgeUncached(value);
    let verdict = this.verdicts.get(value);
    if (!verdict) {
      verdict = this.judgeUncached(value);
      this.verdicts.set(value, verdict);
    }
    return verdict;
  }

  private judgeUncached(value: unknown): OwnerVerdict {
    if (Array.isArray(value)) {
      const people = value.filter((v): v is string => typeof v === 'string' && !isPlaceholder(v));
      if (people.length === 0) return { kind: 'missing' };
      if (people.length > 1) return { kind: 'multiple', people: people.map((p) => p.trim()) };
      return this.judge(people[0]);
    }
    if (typeof value !== 'string' || value.trim() === '') return { kind: 'missing' };
    const text = value.trim();
    // "TODO", "???", "-", "<name>": a template nobody filled in is nobody, whatever team.yaml says.
    if (isPlaceholder(text)) return { kind: 'missing', placeholder: text };
    // A known name or alias wins over every heuristic ("Ops" may be somebody's alias).
    if (this.byName.has(handle(text))) return { kind: 'ok', person: this.canonical(text) };
    if (this.labels.has(handle(text))) return { kind: 'team-label', label: text };
    if (TEAM_HANDLE.test(text)) return { kind: 'team-label', label: text };
    const words = fold(text.replace(/^@/, '')).split(/[\s_.-]+/).filter(Boolean);
    // "the devs", "the release owner", "whoever owns billing": judged whole, before any "and" or "/" inside.
    if (ROLE_OPENERS.has(words[0] ?? '')) return words.slice(1).some((word) => GROUP_NOUNS.has(word)) ? { kind: 'team-label', label: text } : { kind: 'team-label', label: text, role: true };
    const several = this.several(text);
    if (several) return several;
    // "backend team", "frontend folks", "backend qa" are groups; "Dev Patel" or "Lily Eng" are people.
    const label = words.find((word) => GROUP_NOUNS.has(word)) ?? (words.every((word) => this.labels.has(word)) ? words[0] : undefined) ?? (/\bon[-\s]?call\b/i.test(text) ? 'on call' : undefined);
    if (label) return { kind: 'team-label', label };
    if (isRole(words)) return { kind: 'team-label', label: text, role: true };
    if (this.hasTeam) return { kind: 'unknown', person: text };
    return { kind: 'ok', person: text };
  }

  /** The verdict for a value that joins several names, or undefined when it names one. */
  private several(text: string): OwnerVerdict | undefined {
    const parts = text.split(SEVERAL).map((p) => p.trim()).filter(Boolean);
    if (parts.length < 2) return undefined;
    // "José Ortega y Gasset": a Spanish double surname, not "José Ortega and Gasset".
    const surname = /^(\S+(?:\s+\S+)+)\s+y\s+(\S+)$/iu.exec(text);
    if (surname && parts.length === 2 && !/[/,&+;|]/.test(text)) return undefined;
    const comma = /^([^,]+),\s*([^,]+)$/.exec(text);
    if (comma && !HARD_SEPARATORS.test(text)) {
      const [surnameFirst, given] = [comma[1]?.trim() ?? '', comma[2]?.trim() ?? ''];
      const reversed = `${given} ${surnameFirst}`;
      if (this.byName.has(handle(reversed))) return { kind: 'ok', person: this.canonical(reversed) };
      const bothKnown = this.byName.has(handle(surnameFirst)) && this.byName.has(handle(given));
      // Only "Smith, John", "de la Cruz, Ana" or "Ortega y Gasset, José" reads both ways; "Ana Costa, Bo Nielsen" is two people.
      // A surname with particles may come with two given names: "de la Cruz, Ana María".
      const givenWords = given.split(/\s+/).length;
      const particles = surnameFirst.includes(' ') && isSurname(surnameFirst);
      if (!bothKnown && isSurname(surnameFirst) && (givenWords === 1 || (particles && givenWords === 2))) return { kind: 'multiple', people: [surnameFirst, given], ambiguous: true };
      if (particles) return { kind: 'multiple', people: [surnameFirst, given] };
    }
    return { kind: 'multiple', people: parts };
  }
}

/**
 * Whether words written before a comma read as a surname: one word, or words joined by
 * lower-case particles ("de la Cruz", "Ortega y Gasset", "van der Berg").
 */
function isSurname(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length === 1 || words.some((word) => PARTICLES.has(word));
}

/** "release owner", "tech lead", "owner of billing", "PM": a position, not a name. */
function isRole(words: string[]): boolean {
  const last = words[words.length - 1] ?? '';
  const first = words[0] ?? '';
  return ROLE_NOUNS.has(last) || (ROLE_NOUNS.has(first) && (words.length === 1 || words[1] === 'of' || words[1] === 'for'));
}

function fold(text: string): string {
  return text.trim().toLocaleLowerCase('en');
}

/**
 * The lookup key of a name or alias: folded, without a leading @ (so "@Ana" and "ana" match), with accents
 * composed (NFC), every apostrophe written as ' and runs of spaces as one, so "Siobhán O’Brien" typed with
 * autocorrect or "J. R.  Smith" with a double space match the team.yaml spelling.
 */
function handle(text: string): string {
  return fold(text.normalize('NFC').replace(/[’‘ʼ`´]/g, "'").replace(/\s+/g, ' ').trim().replace(/^@/, ''));
}
