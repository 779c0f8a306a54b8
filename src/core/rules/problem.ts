import type { RuleContext } from '../context';
import { defineMessages, type Message } from '../message';
import { isPlaceholder } from '../placeholder';

/**
 * The sentences of the problem rules. Each reason a statement is vague has a sentence of its own;
 * the general words it quotes (at most three) are a list fragment, so a translation sets its own quotes.
 */
export const messages = defineMessages({
  'problem-missing': 'State the one customer problem this release solves, in one sentence: `problem: Customers cannot …`.',
  'problem-missing/placeholder': '"{placeholder}" is a placeholder. State the one customer problem this release solves, in one sentence: `problem: Customers cannot …`.',
  'problem-vague/one-word': 'The problem names no customer-visible outcome: one word cannot say who is stuck, doing what. Say who is stuck, doing what, in one sentence, such as "Customers cannot download their invoices as PDF."',
  'problem-vague/words': 'The problem names no customer-visible outcome: {count} words cannot say who is stuck, doing what. Say who is stuck, doing what, in one sentence, such as "Customers cannot download their invoices as PDF."',
  'problem-vague/general': 'The problem names no customer-visible outcome: it has only general words. Say who is stuck, doing what, in one sentence, such as "Customers cannot download their invoices as PDF."',
  'problem-vague/general/such-as': 'The problem names no customer-visible outcome: it has only general words such as {words}. Say who is stuck, doing what, in one sentence, such as "Customers cannot download their invoices as PDF."',
  'problem-vague/quoted/one': '"{first}"',
  'problem-vague/quoted/two': '"{first}", "{second}"',
  'problem-vague/quoted/three': '"{first}", "{second}", "{third}"',
  'problem-vague/to-do': 'The problem names no customer-visible outcome: "{word} …" is a to-do for the team, not something a customer can see. Say who is stuck, doing what, in one sentence, such as "Customers cannot download their invoices as PDF."',
  'problem-vague/improvement': 'The problem names no customer-visible outcome: it asks for "{word}" and names no outcome a customer will see. Say who is stuck, doing what, in one sentence, such as "Customers cannot download their invoices as PDF."',
  'problem-not-one-sentence': 'The problem takes {count} sentences. If it needs more than one, the release is solving more than one problem: keep the one customers feel most, in one sentence.',
  'problem-too-broad': 'The problem bundles several outcomes ({outcomes}). Pick the one customers feel most and park the rest for a later release.',
  'problem-too-broad/separator': '; ',
  'problem-too-broad/etc': 'The problem bundles several outcomes ({outcomes}; etc.). Pick the one customers feel most and park the rest for a later release.',
});

/**
 * The problem statement: one customer problem, in one sentence, as an outcome a customer can see.
 * Tuned on the labelled corpus in test/corpus/problems.yaml (`npm run corpus`).
 *
 * A statement gets at most the findings it deserves: a placeholder only `problem-missing`; a
 * statement with no customer-visible outcome only `problem-vague` (counting the outcomes or
 * sentences of "Various fixes. Polish." tells the author nothing); otherwise
 * `problem-not-one-sentence` and `problem-too-broad` independently.
 */
export function checkProblem(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  const { source, data } = release;
  const report = (code: 'problem-missing' | 'problem-vague' | 'problem-not-one-sentence' | 'problem-too-broad', message: Message) => ctx.report(source, ['problem'], code, message, { prefer: 'value' });

  const problem = typeof data.problem === 'string' ? data.problem.trim() : '';
  if (isPlaceholder(problem)) {
    report('problem-missing', problem ? messages('problem-missing/placeholder', { placeholder: problem }) : messages('problem-missing'));
    return;
  }
  const vague = vagueMessage(problem);
  if (vague) {
    report('problem-vague', vague);
    return;
  }
  const sentences = countSentences(problem);
  if (sentences > 1) {
    report('problem-not-one-sentence', messages('problem-not-one-sentence', { count: sentences }));
  }
  const bundled = broadOutcomes(problem);
  if (bundled) {
    const outcomes = { items: bundled.outcomes, separator: messages('problem-too-broad/separator') };
    report('problem-too-broad', bundled.etc ? messages('problem-too-broad/etc', { outcomes }) : messages('problem-too-broad', { outcomes }));
  }
}

// ---------------------------------------------------------------------------------------------
// Sentences

/** Abbreviations that precede a name or a number: never the end of a sentence. */
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'mt', 'e.g', 'i.e', 'eg', 'ie', 'vs', 'cf', 'approx', 'incl', 'excl', 'ca', 'no', 'nr', 'fig', 'misc', 'esp', 'ref']);
/** Abbreviations that may end a sentence, when what follows reads as a new one ("… in the U.S. We lose …"). */
const ABBREVIATIONS = new Set(['inc', 'ltd', 'co', 'corp', 'gmbh', 'etc', 'jr', 'sr', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'min', 'max', 'dept', 'est']);
/** Words that start a new sentence after an abbreviation that may end one. */
const SENTENCE_STARTERS = new Set(['we', 'they', 'it', 'this', 'that', 'these', 'those', 'the', 'our', 'their', 'there', 'he', 'she', 'i', 'nobody', 'everyone', 'also', 'but', 'so', 'some', 'most', 'many', 'customers', 'users', 'support']);

const OPENING = /^[("“‘«[]+/;
const CLOSING = /[)"”’»\]]+$/;

/**
 * Counts sentences. A sentence ends at `.`, `!` or `?` followed by whitespace and a word that does
 * not start in lower case; an abbreviation, initials ("U.S.", "e.g."), a version or decimal
 * ("v2.1", "3.5"), a URL or an ellipsis never ends one, and text inside quotes is one unit.
 */
export function countSentences(text: string): number {
  const tokens = unglue(maskQuotes(text.trim()))
    .replace(/(^|\n)[ \t]*\d{1,2}[.)](?=\s)/g, '$1-') // "1." opening a line numbers a list item; it ends no sentence
    .split(/\s+/)
    .filter(Boolean);
  if (tokens.length === 0) return 0;
  let count = 1;
  for (let i = 0; i < tokens.length - 1; i++) {
    if (endsSentence(tokens[i] as string, tokens[i + 1] as string)) count++;
  }
  return count;
}

/**
 * "card.Refunds are slow" → "card. Refunds are slow": a full stop between a lower-case word and a
 * capitalised one is a sentence end typed without its space. A single letter before the stop
 * ("e.g.PDFs"), a lower-case word after it ("Node.js", "example.com"), digits ("v2.1") and URLs
 * or e-mail addresses are left alone.
 */
function unglue(text: string): string {
  return text.replace(/\S+/g, (token) =>
    /[/@]/.test(token) ? token : token.replace(/(\p{Ll}{2}[.!?]+[)"”’»\]]*)(?=[("“‘«]?\p{Lu}\p{Ll})/gu, '$1 '),
  );
}

function endsSentence(token: string, next: string): boolean {
  const bare = token.replace(CLOSING, '');
  if (!/[.!?]$/.test(bare) || /(?:\.\.|…)$/.test(bare)) return false;
  const following = next.replace(OPENING, '');
  if (/^\p{Ll}/u.test(following)) return false;
  if (/[/@]/.test(bare) || /^\p{P}*$/u.test(bare.slice(0, -1))) return false;
  if (!bare.endsWith('.')) return true;
  const word = bare.slice(0, -1).replace(OPENING, '').toLowerCase();
  if (word === 'no') return !/^\d/.test(following); // "ticket No. 42", but "Customers say no. They leave."
  if (TITLES.has(word)) return false;
  const initials = /^(?:\p{L}\.)*\p{L}$/u.test(word);
  if (initials || ABBREVIATIONS.has(word)) return SENTENCE_STARTERS.has(following.toLowerCase().replace(/\p{P}+$/u, ''));
  return true;
}

/**
 * Replaces what is inside quotes with `x` (keeping a final `.`, `!` or `?` before the closing
 * quote), so "“Something went wrong. Try again.”" is one unit and its commas list nothing.
 */
function maskQuotes(text: string): string {
  return text.replace(/“([^“”]*)”|"([^"]*)"|«([^«»]*)»|„([^„“”]*)[“”]/g, (whole, ...groups: (string | undefined)[]) => {
    const inner = groups.slice(0, 4).find((g) => g !== undefined) ?? '';
    const end = /[.!?]+$/.exec(inner)?.[0] ?? '';
    return `${whole[0]}${inner.slice(0, inner.length - end.length).replace(/[^\s]/g, 'x')}${end}${whole[whole.length - 1]}`;
  });
}

// ---------------------------------------------------------------------------------------------
// Words

/**
 * Lower-case words without edge punctuation ("Zoë's" → "zoë's", "(¥)" → "¥"), one per
 * whitespace-separated token, so indexes match the text's tokens ("&" becomes "").
 */
function tokens(text: string): string[] {
  return text
    .trim()
    .split(/\s+/)
    .map((w) => w.toLowerCase().replace(/[’‘]/g, "'").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
}

function words(text: string): string[] {
  return tokens(text).filter(Boolean);
}

const set = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

/** Who can be stuck: a statement naming one of these is about people, not about the code. */
const ACTORS = set(`customer customers user users admin admins administrator administrators people person they we you he she
  patient patients doctor doctors driver drivers merchant merchants shopper shoppers buyer buyers seller sellers teacher teachers
  student students dispatcher dispatchers traveller travellers traveler travelers staff employee employees member members guest guests
  visitor visitors accountant accountants agent agents team teams subscriber subscribers client clients owner owners manager managers
  partner partners developer developers reader readers player players tenant tenants`);

/** Words that say nothing a customer could see: "make checkout better", "various fixes". */
const GENERIC = set(`make makes improve improves improved improvement improvements better best good great nice nicer fix fixes fixed
  bug bugs polish polished various misc miscellaneous general overall update updates updated enhance enhanced enhancement enhancements
  optimise optimize optimised optimized optimisation optimization tweak tweaks change changes stuff thing things issue issues problem
  problems work working quality experience ux ui stability stable performance performant fast faster quick quicker smooth smoother
  easy easier simple simpler clean cleaner cleanup clean-up up tidy modern modernise modernize refresh revamp rework streamline
  streamlined refactor refactoring release version app application product platform system code codebase feature features new
  several some small minor major lots many more less everything anything all overall current unhappy happy satisfied frustrated
  confused deserve deserves want wants wish asked requests requested request feedback address handle boost increase increased
  general things tech debt dependencies module modules flow flows page pages screen screens area areas part parts life power
  user-friendly friendly intuitive usability usable sprint q1 q2 q3 q4 mejorar el la los las de del und der die das le les des
  roadmap items milestone milestones deliverables initiatives epics backlog goals okrs time using enjoy happier have has`);

const STOP = set(`a an the of for to in on at by with from and or but as is are be been being was were it its this that these those
  our their your my his her them us there here into onto than then so very much too also should would shall might`);

/** Verbs that open a to-do rather than a customer outcome: "Improve …", "Fix …", "Work on …". */
const GENERIC_VERBS = set(`make improve fix polish update enhance optimise optimize tweak change refactor clean tidy modernise modernize
  refresh revamp rework streamline release address handle boost increase work upgrade rewrite redesign
  deliver ship launch support implement roll build introduce complete finish`);

/** A word that names a failure a customer can see: "Fix the crash when invoices open" is concrete. */
const FAILURE = /^(?:cannot|can't|unable|fails?|failed|failing|failure|crash(?:es|ed|ing)?|errors?|broken|blank|twice|lost|loses?|stuck|wrong|missing|expire[sd]?|timeouts?|charged|rejected|declined|freezes?|hangs?)$/;

const VERSIONISH = /^(?:v?\d[\d.,:%]*\w{0,3}|q[1-4])$/;

/** Why a (non-placeholder) statement names no customer-visible outcome, as the finding's message, or undefined. */
export function vagueMessage(text: string): Message | undefined {
  const all = words(text);
  if (all.length < 4) return all.length === 1 ? messages('problem-vague/one-word') : messages('problem-vague/words', { count: all.length });
  const specific = all.filter((w) => !STOP.has(w) && !GENERIC.has(w) && !ACTORS.has(w) && !VERSIONISH.test(w));
  if (specific.length < 2) {
    const quoted = quote([...new Set(all.filter((w) => GENERIC.has(w)))]);
    return quoted ? messages('problem-vague/general/such-as', { words: quoted }) : messages('problem-vague/general');
  }
  const first = all[0] as string;
  if (GENERIC_VERBS.has(first) && !all.some((w) => ACTORS.has(w) || FAILURE.test(w))) {
    return messages('problem-vague/to-do', { word: rawTokens(text)[0] as string });
  }
  const improvement = all.find((w) => IMPROVEMENTS.has(w));
  if (improvement && !all.some((w) => FAILURE.test(w)) && !hasPredicate(tokens(text))) {
    return messages('problem-vague/improvement', { word: improvement });
  }
  return undefined;
}

/** Up to three of a statement's general words, quoted, or undefined when it has none. */
function quote([first, second, third]: string[]): Message | undefined {
  if (first === undefined) return undefined;
  if (second === undefined) return messages('problem-vague/quoted/one', { first });
  if (third === undefined) return messages('problem-vague/quoted/two', { first, second });
  return messages('problem-vague/quoted/three', { first, second, third });
}

/** Nouns for work on the product: "Performance improvements for the dashboard and the reports page". */
const IMPROVEMENTS = set(`improvement improvements enhancement enhancements fixes tweaks updates changes optimisations optimizations
  refinements upgrades`);

/**
 * Whether a statement has a verb that says what happens: a modal or auxiliary, a clear verb, or a
 * verb that is also a noun right after a person ("customers export"). Words such as "search" or
 * "export" alone are read as nouns here.
 */
function hasPredicate(list: string[]): boolean {
  return list.some((w, j) => MODALS.has(w) || CLEAR_VERBS.has(w) || (VERBS.has(w) && ACTORS.has(list[j - 1] ?? '')));
}

// ---------------------------------------------------------------------------------------------
// Outcomes

/** Modal and auxiliary words: what follows them in a clause is its predicate. */
const MODALS = set(`can cannot can't could couldn't won't will would do does did don't doesn't didn't is are was were isn't aren't wasn't
  weren't have has had must need needs want wants keep keeps still unable`);
/** Verbs that are verbs wherever they stand (so they make a clause: "Customers lose their cart"). */
const CLEAR_VERBS = set(`lose loses get gets got see sees saw wait waits abandon abandons receive receives take takes pay pays give gives
  crash crashes fail fails returns shows hangs freezes breaks expect expects ask asks hit hits leave leaves call calls go goes
  stop stops stay stays lost reject rejects arrive arrives disappear disappears`);
/** Verbs that are also nouns ("export", "search"): a verb only at the start of a list item or after a modal or a person. */
const VERBS = set(`sign log download upload export import reset change update track share rename cancel book add remove invite find open
  print schedule search create delete edit view choose read use set send buy order return connect sync save undo check scan reassign
  access manage approve recover restore switch move copy filter sort compare subscribe unsubscribe register join contact chat upgrade
  downgrade transfer withdraw redeem apply claim fill enter type reply comment follow play watch stream load log-in sign-in sign-up
  pick plan request book print`);
/** A list item that starts with one of these explains or illustrates; it is not a further outcome. */
const SUBORDINATE = set(`so because since when whenever if while after before until unless where which who whose that e.g i.e eg ie
  such like including especially as then therefore thus which`);
/** After these, a verb belongs to a relative or subordinate clause ("customers who pay by card"). */
const RELATIVE = set(`who whose which that when whenever if because since while after before until unless where`);
/** Things asked for: a wish list of three or more is several outcomes ("Customers need A, B and C"). */
const WISH = set(`want wants need needs ask asks request requests expect expects`);
/** Words that may start a list item before its verb ("…, also see …", "…, and cannot sign in …"). */
const LEAD = set(`also then not to still can cannot can't could couldn't must`);
/** "… and have to call support": the consequence of the problem, not a second one. */
const CONSEQUENCE = set(`have has so then therefore thus`);
/** What customers do because of the problem: "The card form times out and customers abandon checkout". */
const GIVING_UP = set(`abandon abandons leave leaves churn churns quit quits retry retries`);
/** Words that open a noun phrase subject: an item opening with one can be a clause of its own. */
const DETERMINERS = set(`the our their its his her your my this that every each`);
/** Adverbs between a subject and its verb: "the confirmation e-mail never arrives". */
const ADVERBS = set(`never also still always often sometimes randomly suddenly frequently rarely`);
/** Pronouns that make "as" a conjunction ("as they log in"), not a preposition ("as PDF"). */
const PRONOUNS = set(`i you he she it we they`);
/** Words after a dash that add a further problem rather than explain the first one. */
const ADDITIVE = set(`also too and plus another besides additionally`);
/** Nouns that, after "several" or "various", count deliverables. */
const DELIVERABLES = /^(?:features?|fixes|improvements|changes|updates|things|issues|problems|bugs|requests|enhancements|areas|parts|tools|integrations|methods|options|pages|screens|reports|flows|apps|products|services)$/;

interface Item {
  text: string;
  words: string[];
  joiner: string;
}

/** The outcomes a statement bundles, and whether it ends them with "etc." or "and so on". */
export interface Bundled {
  outcomes: string[];
  etc: boolean;
}

/**
 * The outcomes a (non-vague) statement bundles, as short phrases for the message, or undefined
 * when it reads as one outcome. Several actions or clauses count, and so do a semicolon, "etc.",
 * "several/various <things>", a wish list of three or more, a list of features with no verb, and a
 * list of three or more things before the verb ("Search, checkout and onboarding are slow").
 * A literal block with one thing a line counts each line (each line with a list marker always),
 * and so does "while" followed by other people who cannot do something.
 * Several objects of one action ("invoices and receipts", "cards along with addresses"), names
 * with "and", "&" or "Plus" ("Pro Plus", "Search & Replace"), and "plus VAT" are one outcome.
 */
export function broadOutcomes(statement: string): Bundled | undefined {
  const text = spaceDashes(statement);
  const masked = maskAsides(maskParentheses(maskQuotes(text)));
  if (masked.includes(';')) return { outcomes: semicolonParts(text, masked), etc: false };
  const items = splitItems(text, masked);
  const etc = /\b(?:etc\b\.?|and so on\b|and the like\b)/i.test(masked);
  const several = /\b(?:several|various)(?:\s+\S+){1,3}/i.exec(masked);
  const stated = items.map((item, i) => outcomeStart(item.words, i === 0));
  const outcomes = mainClauses(items, stated);

  const actions = dedupe(items.flatMap((_, i) => (outcomes[i] === undefined ? [] : [display(items, outcomes, i)])));
  if (actions.length >= 2) return { outcomes: actions, etc };
  const listed = items.filter((item) => item.joiner.endsWith('bullet'));
  if (listed.length >= 2) return { outcomes: listed.map((item) => tidy(item.text)), etc: false }; // one item a line, with "-", "*" or "1."
  const contrast = contrastedOutcomes(text, masked);
  if (contrast) return { outcomes: contrast, etc: false };

  const nouns = items.filter((_, i) => outcomes[i] === undefined).map((item) => tidy(item.text));
  const additive = items.some((item) => ADDING.test(item.joiner));
  const verbless = stated.every((o) => o === undefined);
  if (verbless && items.length >= 2 && (additive || items.length >= 3)) return { outcomes: nouns, etc: false }; // "Faster checkout, a new dashboard and dark mode"

  const first = outcomes.findIndex((o) => o !== undefined);
  if (first >= 0) {
    const head = items[first] as Item;
    const at = outcomes[first] as number;
    const rest = items.slice(first + 1).filter((_, i) => outcomes[first + 1 + i] === undefined);
    const added = rest.some((item) => ADDING.test(item.joiner));
    if (WISH.has(head.words[at] ?? '') && head.words[at + 1] !== 'to' && (rest.length >= 2 || added)) {
      const object = head.words[at + 1] === 'for' ? at + 2 : at + 1;
      return { outcomes: [tidy(rawTokens(head.text).slice(object).join(' ')), ...rest.map((item) => tidy(item.text))], etc: false };
    }
    // Three or more short things before the verb ("Search, checkout and onboarding are slow"): each has the problem.
    const before = items.slice(0, first);
    const listed = /(?:and|or|&)$/.test(head.joiner) && !sharesSubject(head, at);
    if (before.length >= 2 && before.every((item) => words(item.text).length <= 3) && listed) {
      return { outcomes: [...before.map((item) => tidy(item.text)), tidy(rawTokens(head.text).slice(0, at).join(' '))], etc: false };
    }
  }
  if (etc) return { outcomes: items.map((item) => tidy(item.text)).filter(Boolean), etc: true };
  if (several && words(several[0]).some((w) => DELIVERABLES.test(w))) return { outcomes: [tidy(several[0])], etc: false };
  return undefined;
}

/** Negations and failures: what makes a clause after "while" a second problem rather than a time. */
const NEGATIONS = set(`cannot can't couldn't won't don't doesn't didn't isn't aren't wasn't weren't unable never not`);

/**
 * "Customers cannot pay by card while admins cannot export reports": "while" (or "whereas")
 * followed by other people and a negation or failure sets a second problem beside the first. After
 * "while", a thing ("while a discount code is applied"), a pronoun ("while they fill in forms") or
 * a clause with no failure ("while an admin changes their role") only says when the problem happens.
 */
function contrastedOutcomes(text: string, masked: string): string[] | undefined {
  const at = /(?:^|\s)(?:while|whereas)\s/i.exec(masked);
  if (!at) return undefined;
  const head = text.slice(0, at.index);
  const clause = text.slice(at.index + at[0].length).split(/[,;:—–]/)[0] ?? '';
  const list = tokens(clause);
  const verb = outcomeStart(list, false);
  if (verb === undefined || outcomeStart(tokens(head), true) === undefined) return undefined;
  const subject = list.slice(0, verb).filter((w) => !DETERMINERS.has(w) && !STOP.has(w));
  const people = subject.some((w) => ACTORS.has(w) && !PRONOUNS.has(w));
  // "while admins see no error in the log" contrasts; only a negation or a failing verb adds a problem.
  const failing = list.slice(verb).some((w) => NEGATIONS.has(w)) || list.slice(verb, verb + 2).some((w) => FAILURE.test(w));
  return people && failing ? [tidy(head), tidy(clause)] : undefined;
}

/** Conjunctions that open a clause explaining the problem; it runs on over plain commas and "and". */
const CLAUSE_OPENERS = set(`because since when whenever if while after before until unless where so that`);
/** Relative pronouns: their clause ends at the main verb ("Customers who pay by card cannot …"). */
const RELATIVE_PRONOUNS = set(`who whose which`);

/**
 * Drops the outcomes of items that continue a subordinate clause: in "Teams miss releases because
 * nobody sees that tasks have no owner, the scope is too big or the release cannot be rolled back"
 * the list gives reasons, not outcomes. A comma before "and"/"or", "plus", "as well as" end the
 * clause ("Customers lose their cart when they log out, and search returns no results").
 */
function mainClauses(items: Item[], stated: (number | undefined)[]): (number | undefined)[] {
  let subordinate = false;
  return items.map((item, i) => {
    if (i > 0 && !['', ',', 'and', 'or', '&'].includes(item.joiner)) subordinate = false;
    if (i > 0 && item.joiner === 'and' && opensWithPeople(item.words, stated[i])) subordinate = false;
    let outcome = subordinate ? undefined : stated[i];
    if (i > 0 && outcome !== undefined && GIVING_UP.has(item.words[outcome] ?? '')) outcome = undefined;
    if (item.joiner.startsWith('—') && !item.joiner.includes('and') && !item.words.some((w) => ADDITIVE.has(w))) outcome = undefined;
    subordinate = endsInSubordinateClause(item.words, subordinate);
    return outcome;
  });
}

/**
 * "… when the app restarts and dispatchers see stale positions": a clause whose subject is people
 * (not a pronoun) is a new main clause, not more of the subordinate one.
 */
function opensWithPeople(list: string[], outcome: number | undefined): boolean {
  if (outcome === undefined || outcome === 0) return false;
  const subject = list.slice(0, outcome).filter((w) => !DETERMINERS.has(w));
  return subject.length > 0 && subject.every((w) => ACTORS.has(w) && !PRONOUNS.has(w) && w !== 'people');
}

function endsInSubordinateClause(list: string[], already: boolean): boolean {
  let inside = already;
  let relative = false;
  list.forEach((word, j) => {
    if (word === 'as' && !PRONOUNS.has(list[j + 1] ?? '')) return; // "export them as PDF"
    if (RELATIVE_PRONOUNS.has(word)) {
      inside = true;
      relative = true;
    } else if (CLAUSE_OPENERS.has(word) || SUBORDINATE.has(word)) {
      inside = true;
      relative = false;
    } else if (relative && MODALS.has(word) && !RELATIVE_PRONOUNS.has(list[j - 1] ?? '')) {
      inside = false;
      relative = false;
    }
  });
  return inside;
}

/** "card—and refunds" → "card — and refunds": a dash between words is a joiner of its own. */
function spaceDashes(text: string): string {
  return text.replace(/(\S)([—–])(?=\S)/g, '$1 $2 ');
}

const DASH = /^(?:—|–|-|--)$/;
/** A list marker at the start of a line of a literal block: "- ", "* ", "• ", "1." or "2)". */
const BULLET = /^(?:[-*•–—]|\d{1,2}[.)])$/;
/** Joiners of more than one word, each listing one more thing: "SSO login along with a billing page". */
const PHRASES = [
  ['as', 'well', 'as'],
  ['along', 'with'],
  ['in', 'addition', 'to'],
];
/** Joiners that add one thing to another: "plus", "as well as", "along with", "in addition to", a bullet. */
const ADDING = /(?:plus|as well as|along with|in addition to|bullet)$/;

const capitalised = (w: string) => /^["“(]?\p{Lu}/u.test(w);

/**
 * Replaces an aside between two dashes that has no verb with `x`: "Customers — mostly small shops
 * on the Starter plan — cannot print labels" has one subject.
 */
function maskAsides(text: string): string {
  return text.replace(/(\s(?:—|–|--?)\s)([^—–]*?)(\s(?:—|–|--?)\s)/g, (whole, open: string, inner: string, close: string) =>
    hasPredicate(tokens(inner)) ? whole : `${open}${inner.replace(/[^\s]/g, 'x')}${close}`,
  );
}

/** Replaces what is inside parentheses with `x`, so "(Visa, Mastercard)" lists nothing. */
function maskParentheses(text: string): string {
  return text.replace(/\(([^()]*)\)/g, (_, inner: string) => `(${inner.replace(/[^\s]/g, 'x')})`);
}

/**
 * Splits at list joiners: ", ", "and", "or", "as well as", lower-case "plus", and "&" between
 * lower-case words. "and"/"or"/"&" between two capitalised words joins a name ("Hart and Cole",
 * "Spain and Portugal", "Search & Replace") and does not split. Offsets follow `masked`, which has
 * the same length as `text`.
 */
function splitItems(text: string, masked: string): Item[] {
  const spans = [...masked.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, raw: m[0] }));
  const items: Item[] = [];
  let start = 0;
  let joiner = '';
  let pending = '';
  const close = (end: number) => {
    const piece = text.slice(start, end);
    if (words(piece).length > 0) items.push({ text: piece.trim(), words: tokens(piece), joiner });
  };
  for (let i = 0; i < spans.length; i++) {
    const token = spans[i] as { start: number; end: number; raw: string };
    const prev = spans[i - 1]?.raw ?? '';
    const next = spans[i + 1]?.raw ?? '';
    const word = token.raw;
    const lineStart = /(?:^|\n)[ \t]*$/.test(masked.slice(0, token.start));
    let kind = '';
    if (lineStart && BULLET.test(word)) kind = 'bullet';
    else if ((word === 'and' || word === 'or') && !(capitalised(prev) && capitalised(next) && !prev.endsWith(','))) kind = word;
    else if (word === 'plus') kind = 'plus';
    else if (word === '&' && /^\p{Ll}/u.test(next)) kind = '&';
    else if (DASH.test(word)) kind = '—';
    else kind = PHRASES.find((phrase) => phrase.every((w, k) => spans[i + k]?.raw === w))?.join(' ') ?? '';
    if (kind) {
      close(token.start);
      joiner = pending ? `${pending} ${kind}` : kind;
      pending = kind === '—' ? '—' : '';
      const last = i + kind.split(' ').length - 1;
      start = spans[last]?.end ?? token.end;
      i = last;
      continue;
    }
    if (lineStart && i > 0 && capitalised(word) && words(text.slice(start, token.start)).length > 0) {
      // A line that starts with a capital after a line with words: the author listed one thing a line.
      close(token.start);
      joiner = 'line';
      start = token.start;
    }
    if (word.endsWith(',') && !/\d,$/.test(word)) {
      close(token.end - 1);
      joiner = ',';
      pending = ',';
      start = token.end;
      continue;
    }
    pending = '';
  }
  close(text.length);
  return items;
}

/**
 * Index of the token where an item's outcome starts (its verb), or undefined if it states none.
 * A word like "search" or "export" opens an item as a verb only after a comma or "and" (not at
 * the start of the statement) and when no verb follows it ("search returns no results").
 */
function outcomeStart(list: string[], opensStatement: boolean): number | undefined {
  const first = list[0] ?? '';
  if (SUBORDINATE.has(first) || CONSEQUENCE.has(first)) return undefined;
  let i = 0;
  while (i < list.length && LEAD.has(list[i] as string)) i++;
  const lead = list[i] ?? '';
  const next = list[i + 1] ?? '';
  if (CLEAR_VERBS.has(lead)) return i;
  if (VERBS.has(lead) && (i > 0 || !opensStatement) && !MODALS.has(next) && !CLEAR_VERBS.has(next)) return i;
  let subordinate = false;
  for (let j = 0; j < list.length; j++) {
    const word = list[j] as string;
    const prev = list[j - 1] ?? '';
    if (RELATIVE.has(word)) {
      subordinate = true;
      continue;
    }
    if (MODALS.has(word) && !(subordinate && RELATIVE.has(prev))) return j;
    if (subordinate) continue;
    if (CLEAR_VERBS.has(word)) return j;
    if (VERBS.has(word) && ACTORS.has(prev)) return j;
    if (j > 0 && ADVERBS.has(word) && j < list.length - 1) return j;
    if (DETERMINERS.has(first) && j >= 2 && j < list.length - 1 && verbAfterSubject(word, prev)) return j;
  }
  return undefined;
}

/**
 * In an item that opens with a noun phrase ("the search page times out", "the filters reset on
 * every page"), a singular verb after a singular noun, or a verb after a plural noun, starts the
 * predicate.
 */
function verbAfterSubject(word: string, prev: string): boolean {
  if (STOP.has(prev) || DETERMINERS.has(prev)) return false;
  const plural = (w: string) => /[^s']s$/.test(w);
  if (plural(word) && !plural(prev)) return true;
  return VERBS.has(word) && plural(prev);
}

function rawTokens(text: string): string[] {
  return text.trim().split(/\s+/);
}

/** "A; B" states two things: each part, as written. */
function semicolonParts(text: string, masked: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i <= masked.length; i++) {
    if (i === masked.length || masked[i] === ';') {
      parts.push(tidy(text.slice(start, i)));
      start = i + 1;
    }
  }
  return parts.filter(Boolean);
}

/**
 * An outcome as the message shows it: the verb phrase when the next outcomes share the subject
 * ("Customers can pay by card, see …" → "pay by card"), else the whole clause.
 */
function display(items: Item[], outcomes: (number | undefined)[], index: number): string {
  const item = items[index] as Item;
  const start = outcomes[index] as number;
  const raw = rawTokens(item.text);
  if (index === outcomes.findIndex((o) => o !== undefined) && start > 0) {
    const later = outcomes.findIndex((o, i) => i > index && o !== undefined);
    if (later >= 0 && outcomes[later] !== undefined && sharesSubject(items[later] as Item, outcomes[later] as number)) {
      let from = start;
      while (from < raw.length - 1 && /^(?:can|could|want|wants|need|needs|to)$/i.test(raw[from] as string)) from++;
      return tidy(raw.slice(from).join(' '));
    }
  }
  return tidy(raw.join(' ').replace(/^to\s+/i, ''));
}

/** Whether an item continues the previous subject: its verb comes first ("see usage reports"). */
function sharesSubject(item: Item, start: number): boolean {
  return item.words.slice(0, start).every((w) => LEAD.has(w));
}

function tidy(text: string): string {
  return text.trim().replace(/^(?:and|or|plus)\s+/i, '').replace(/[\s,.;:!?…]+$/u, '');
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((entry) => {
    const key = words(entry).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
