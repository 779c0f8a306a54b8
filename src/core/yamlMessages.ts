import { isCollection, isNode, isScalar, visit, type Document, type ErrorCode, type Pair } from 'yaml';
import type { Misindented } from './indentation';

/**
 * The parser's errors in plain words, each saying what to do. The parser's own wording names its
 * internals ("compact mappings", "YAML.parseAllDocuments()", "map-value-ind token") and never
 * reaches a person: every code has a message here, and anything unforeseen gets the fallback.
 */

export interface SyntaxProblem {
  code: ErrorCode | string;
  /** The parser's message, used only to tell apart cases that share a code. */
  message: string;
  start: number;
}

export interface MessageContext {
  text: string;
  doc: Document.Parsed | undefined;
  /** 1-based line number of an offset, counted the way editors count lines. */
  lineOf(offset: number): number;
}

export const FALLBACK = 'This is not valid YAML. Check the indentation, quotes and brackets on this line.';
export const TOO_DEEP = 'This file is nested too deeply to check. A plan needs only a few levels: flatten the lists and maps here.';
const QUOTE_IT = 'If it is part of the text, put the whole value in quotes';

type Explain = (problem: SyntaxProblem, ctx: MessageContext) => string;

const MESSAGES: Record<ErrorCode, Explain> = {
  DUPLICATE_KEY: duplicateKey,
  BLOCK_AS_IMPLICIT_KEY: (problem, ctx) =>
    /compact/i.test(problem.message)
      ? colonInValue(problem, ctx)
      : 'A list cannot be a field name. Check the indentation: `- ` items go on the lines under a field that ends with `:`.',
  MULTIPLE_DOCS: () => 'This file has several YAML documents (separated by a `---` or `...` line); a plan file holds one. Keep one and remove the extra `---` line.',
  TAB_AS_INDENT: () => 'A tab is used for indentation here; YAML allows only spaces. Replace the tab with spaces.',
  BAD_INDENT: badIndent,
  MISSING_CHAR: missingChar,
  UNEXPECTED_TOKEN: unexpected,
  MULTILINE_IMPLICIT_KEY: () => 'A field name must fit on one line and be followed by `: `. Look for a missing `:`, or a quote or bracket left open, on this line or the one above.',
  BAD_SCALAR_START: ({ start }, { text }) => `A value cannot start with \`${text[start] ?? ''}\` unless it is in quotes. Put the whole value in quotes, e.g. \`owner: "@ana"\`.`,
  BAD_DQ_ESCAPE: () => 'Inside double quotes a backslash starts an escape such as `\\n`, and this one is not valid. Write `\\\\` for a backslash, or use single quotes.',
  BLOCK_IN_FLOW: () => 'Inside `[ ]` or `{ }` items are separated by commas, on one line: `{ id: T1, owner: Bo }`. Add the missing comma, or write the items as indented lines without brackets.',
  ALIAS_PROPS: anchors,
  BAD_ALIAS: anchors,
  MULTIPLE_ANCHORS: anchors,
  MULTIPLE_TAGS: tags,
  BAD_PROP_ORDER: tags,
  TAG_RESOLVE_FAILED: tags,
  BAD_COLLECTION_TYPE: tags,
  NON_STRING_KEY: () => 'A field name must be plain text, not a list or a map. Check this line.',
  RESOURCE_EXHAUSTION: () => TOO_DEEP,
  KEY_OVER_1024_CHARS: () => 'This field name is longer than 1024 characters, so a `:` is probably missing or misplaced: field names are short, like `owner:`.',
  BAD_DIRECTIVE: () => `Lines starting with \`%\` are YAML directives, and this one is not valid. Remove it. ${QUOTE_IT}.`,
  IMPOSSIBLE: () => FALLBACK,
};

export function plainMessage(problem: SyntaxProblem, ctx: MessageContext): string {
  const explain = (MESSAGES as Record<string, Explain | undefined>)[problem.code];
  return explain ? explain(problem, ctx) : FALLBACK;
}

/** For errors outside the parser's list: a too-deep stack, an alias to nothing, an alias bomb. */
export function plainThrown(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/call stack/i.test(message)) return TOO_DEEP;
  const unresolved = /Unresolved alias[^:]*: *(\S+)/.exec(message);
  if (unresolved) {
    const name = unresolved[1] ?? '';
    return `The alias \`*${name}\` refers to no anchor \`&${name}\` above it. Define \`&${name}\` first, or, if \`*\` is part of the text, put the whole value in quotes.`;
  }
  if (/alias/i.test(message)) return 'The aliases (`*name`) in this file expand to too much data (more than 100 copies), so it was not checked. Write the values out, or remove the aliases.';
  return FALLBACK;
}

/** "Put the value in quotes", shown on the user's own field and value where they fit in a line. */
function colonInValue({ start }: SyntaxProblem, { text }: MessageContext): string {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  const lineEnd = text.slice(start).search(/[\r\n]|$/) + start;
  const field = /^\s*(?:-\s+)*("[^"]*"|'[^']*'|[^\s#'"][^#]*?)\s*:\s*$/.exec(text.slice(lineStart, start))?.[1];
  const value = text.slice(start, lineEnd).replace(/\s#.*$/, '').trim();
  // The parser says the same when a bracket or quote left open above swallows this line: then the
  // value has no ": " at all, and quoting it would not help.
  if (!/:(\s|$)/.test(value)) return 'This line is read as part of an unfinished value above it. Look for a `[`, `{` or quote left open above, or a line indented differently from the fields around it.';
  const intro = 'This value contains ": ", so it reads as a second field on the same line.';
  if (field === undefined) return `${intro} Put the whole value in quotes.`;
  const quoted = value.length > 0 && value.length <= 60 ? quote(value) : '"…"';
  return `${intro} Put the value in quotes: \`${field}: ${quoted}\`.`;
}

function quote(value: string): string {
  if (!/["\\]/.test(value)) return `"${value}"`;
  return `'${value.replace(/'/g, "''")}'`;
}

/** A field indented unlike the fields above it, on its own line (the parser blames the line above). */
export function misindentedMessage({ key, indent, expected }: Misindented): string {
  const spaces = (count: number) => `${count} ${count === 1 ? 'space' : 'spaces'}`;
  const [nearest, outer] = expected;
  if (!nearest) return `\`${key}\` is indented ${spaces(indent)}, unlike the fields above it. Indent it like the field it belongs with.`;
  const move = (level: { key: string; indent: number }) =>
    level.indent === 0 ? `start it at column 1, with no spaces, to line it up with \`${level.key}\`` : `indent it by ${spaces(level.indent)} (column ${level.indent + 1}) to line it up with \`${level.key}\``;
  const first = move(nearest);
  const advice = `${first.charAt(0).toUpperCase()}${first.slice(1)}${outer ? `, or ${move(outer)}` : ''}.`;
  if (!outer) return `\`${key}\` is indented ${spaces(indent)}, unlike \`${nearest.key}\` above it (${spaces(nearest.indent)}). ${advice}`;
  return `\`${key}\` is indented ${spaces(indent)}, unlike the fields above it: \`${nearest.key}\` (${spaces(nearest.indent)}) and \`${outer.key}\` (${spaces(outer.indent)}). ${advice}`;
}

function duplicateKey({ start }: SyntaxProblem, ctx: MessageContext): string {
  const pair = duplicatedPair(ctx.doc, start);
  if (!pair) return 'This field appears twice in the same map. Keep one.';
  const [first, second] = pair;
  const [line1, line2] = [ctx.lineOf(first), ctx.lineOf(start)];
  const where = line1 === line2 ? `on line ${line1}` : `on lines ${line1} and ${line2}`;
  return `\`${keyText(second)}\` appears twice in this map, ${where}; keep one.`;
}

/** The earlier key's offset and the repeated key, for the key that starts at `start`. */
function duplicatedPair(doc: Document.Parsed | undefined, start: number): [number, Pair['key']] | undefined {
  if (!doc) return undefined;
  let found: [number, Pair['key']] | undefined;
  visit(doc, {
    Map: (_key, map) => {
      const index = map.items.findIndex((item) => isNode(item.key) && item.key.range?.[0] === start);
      if (index < 0) return undefined;
      const repeated = map.items[index]?.key;
      const earlier = map.items.slice(0, index).find((item) => keyText(item.key) === keyText(repeated));
      const offset = isNode(earlier?.key) ? earlier.key.range?.[0] : undefined;
      if (offset !== undefined) found = [offset, repeated];
      return visit.BREAK;
    },
  });
  return found;
}

function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  if (isCollection(key)) return String(key);
  return String(key);
}

function badIndent({ message }: SyntaxProblem): string {
  const bracket = /end with an? ([\]}])/.exec(message);
  if (bracket) return unclosed(bracket[1] ?? ']');
  if (/sequence items/i.test(message)) return 'The `- ` items of this list do not line up. Start every item at the same column.';
  if (/mapping items/i.test(message)) return 'This line does not line up with the fields above it. Indent every field of one map by the same number of spaces.';
  if (/block scalar|indentation indicator|more-indented/i.test(message)) return 'The lines of this block of text (after `|` or `>`) are not indented alike. Indent them all at least as far as the first line.';
  return 'This line is indented wrongly. Indent it with spaces so it lines up with the fields it belongs to.';
}

function missingChar({ message }: SyntaxProblem): string {
  if (/closing "/.test(message)) return 'A `"` quote is not closed. Add the closing `"` at the end of the value.';
  if (/closing '/.test(message)) return "A `'` quote is not closed. Add the closing `'` at the end of the value (write `''` for an apostrophe inside it).";
  const bracket = /end with an? ([\]}])/.exec(message);
  if (bracket) return unclosed(bracket[1] ?? ']');
  if (/followed by map values/.test(message)) return 'This line has no `:`. Write it as `field: value`, or as a list item `- value` under a field.';
  if (/Comments must be separated/.test(message)) return `A \`#\` starts a comment only after a space. Put a space before \`#\`; ${QUOTE_IT.charAt(0).toLowerCase()}${QUOTE_IT.slice(1)}.`;
  if (/without - indicator/.test(message)) return 'This line is indented like a list item but has no `- ` in front. Add `- `, or line it up with the fields of the item above.';
  if (/Missing , /.test(message)) return 'Items inside `[ ]` or `{ }` need a comma between them, e.g. `[billing, migration]`.';
  if (/space after :/.test(message)) return 'Put a space after `:` inside `{ }`, e.g. `{ id: T1 }`.';
  if (/Tags and anchors/.test(message)) return 'Put a space between the `&name` or `!tag` and the value.';
  if (/directives-end|doc-start/.test(message)) return 'A line starting with `%` must be followed by a `---` line. Remove the `%` line, or put the value that starts with `%` in quotes.';
  if (/same line with directives-end/.test(message)) return 'Start the content on the line after `---`.';
  return 'Something is missing here: a closing quote or bracket, a comma, or a `:`. Check this line.';
}

function unexpected({ message, start }: SyntaxProblem, { text }: MessageContext): string {
  if (/Unexpected , |empty item/.test(message)) return `There is an extra comma here. Remove it. ${QUOTE_IT}.`;
  if (/block-seq-ind on same line/.test(message)) return 'A `- ` list item cannot start on the same line as its field. Put it on the next line, indented under the field. If the dash is part of the text, put the whole value in quotes.';
  if (/Block scalar header/.test(message)) return 'After `|` or `>` the text starts on the next line, indented. Move it there.';
  if (/flow-(seq|map)-end/.test(message)) {
    const close = text[start] === '}' ? '}' : ']';
    return `This \`${close}\` closes nothing: there is no \`${close === '}' ? '{' : '['}\` before it. Remove it. ${QUOTE_IT}.`;
  }
  if (/at node end/.test(message)) return `There is more text after this value. ${QUOTE_IT}; otherwise start it on its own line.`;
  const snippet = text.slice(start, start + 20).split(/[\r\n]/)[0]?.trim();
  return snippet ? `\`${snippet}\` cannot stand here. ${QUOTE_IT}; otherwise check the indentation and brackets on this line.` : FALLBACK;
}

function unclosed(close: string): string {
  const open = close === '}' ? '{' : '[';
  return `A \`${open}\` is not closed. Add the closing \`${close}\`, or write the items as indented lines without brackets (lines inside brackets must be indented more than the field).`;
}

function anchors(): string {
  return `\`&\` and \`*\` mark YAML anchors and aliases, and this one is not valid. ${QUOTE_IT}; otherwise give a value at most one \`&name\` and refer to it as \`*name\`.`;
}

function tags(): string {
  return `A \`!\` at the start of a value is a YAML tag, and plan files use none. Remove it. ${QUOTE_IT}.`;
}
