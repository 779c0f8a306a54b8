import { isCollection, isNode, isScalar, visit, type Document, type ErrorCode, type Pair } from 'yaml';
import type { Misindented } from './indentation';
import { defineMessages, type Message } from './message';

/**
 * The parser's errors in plain words, each saying what to do. The parser's own wording names its
 * internals ("compact mappings", "YAML.parseAllDocuments()", "map-value-ind token") and never
 * reaches a person: every code has a message here, and anything unforeseen gets the fallback.
 * The parser's message only picks the template; what goes into one is the user's own text.
 * YAML's brackets (`{ }`, `[ ]` and examples written with them) are values, so that no template
 * holds `{…}` that is not a placeholder.
 */

const messages = defineMessages({
  'yaml/fallback': 'This is not valid YAML. Check the indentation, quotes and brackets on this line.',
  'yaml/too-deep': 'This file is nested too deeply to check. A plan needs only a few levels: flatten the lists and maps here.',
  'yaml/list-as-key': 'A list cannot be a field name. Check the indentation: `- ` items go on the lines under a field that ends with `:`.',
  'yaml/multiple-docs': 'This file has several YAML documents (separated by a `---` or `...` line); a plan file holds one. Keep one and remove the extra `---` line.',
  'yaml/tab-indent': 'A tab is used for indentation here; YAML allows only spaces. Replace the tab with spaces.',
  'yaml/multiline-key': 'A field name must fit on one line and be followed by `: `. Look for a missing `:`, or a quote or bracket left open, on this line or the one above.',
  'yaml/bad-scalar-start': 'A value cannot start with `{char}` unless it is in quotes. Put the whole value in quotes, e.g. `owner: "@ana"`.',
  'yaml/bad-escape': 'Inside double quotes a backslash starts an escape such as `\\n`, and this one is not valid. Write `\\\\` for a backslash, or use single quotes.',
  'yaml/block-in-flow': 'Inside `{square}` or `{curly}` items are separated by commas, on one line: `{example}`. Add the missing comma, or write the items as indented lines without brackets.',
  'yaml/non-string-key': 'A field name must be plain text, not a list or a map. Check this line.',
  'yaml/key-too-long': 'This field name is longer than 1024 characters, so a `:` is probably missing or misplaced: field names are short, like `owner:`.',
  'yaml/bad-directive': 'Lines starting with `%` are YAML directives, and this one is not valid. Remove it. If it is part of the text, put the whole value in quotes.',
  'yaml/anchors': '`&` and `*` mark YAML anchors and aliases, and this one is not valid. If it is part of the text, put the whole value in quotes; otherwise give a value at most one `&name` and refer to it as `*name`.',
  'yaml/tags': 'A `!` at the start of a value is a YAML tag, and plan files use none. Remove it. If it is part of the text, put the whole value in quotes.',
  'yaml/unresolved-alias': 'The alias `*{name}` refers to no anchor `&{name}` above it. Define `&{name}` first, or, if `*` is part of the text, put the whole value in quotes.',
  'yaml/alias-bomb': 'The aliases (`*name`) in this file expand to too much data (more than 100 copies), so it was not checked. Write the values out, or remove the aliases.',
  'yaml/unfinished-above': 'This line is read as part of an unfinished value above it. Look for a `{square}`, `{curly}` or quote left open above, or a line indented differently from the fields around it.',
  'yaml/colon-in-value': 'This value contains ": ", so it reads as a second field on the same line. Put the whole value in quotes.',
  'yaml/colon-in-value/example': 'This value contains ": ", so it reads as a second field on the same line. Put the value in quotes: `{field}: {quoted}`.',
  'yaml/spaces/one': '1 space',
  'yaml/spaces': '{count} spaces',
  'yaml/move/left-edge/start': 'Start it at column 1, with no spaces, to line it up with `{key}`',
  'yaml/move/left-edge': 'start it at column 1, with no spaces, to line it up with `{key}`',
  'yaml/move/indent/start': 'Indent it by {spaces} (column {column}) to line it up with `{key}`',
  'yaml/move/indent': 'indent it by {spaces} (column {column}) to line it up with `{key}`',
  'yaml/misindented': '`{key}` is indented {spaces}, unlike the fields above it. Indent it like the field it belongs with.',
  'yaml/misindented/one-level': '`{key}` is indented {spaces}, unlike `{nearest}` above it ({nearestSpaces}). {move}.',
  'yaml/misindented/two-levels': '`{key}` is indented {spaces}, unlike the fields above it: `{nearest}` ({nearestSpaces}) and `{outer}` ({outerSpaces}). {move}, or {otherMove}.',
  'yaml/duplicate-key': 'This field appears twice in the same map. Keep one.',
  'yaml/duplicate-key/line': '`{key}` appears twice in this map, on line {line}; keep one.',
  'yaml/duplicate-key/lines': '`{key}` appears twice in this map, on lines {first} and {second}; keep one.',
  'yaml/unclosed': 'A `{open}` is not closed. Add the closing `{close}`, or write the items as indented lines without brackets (lines inside brackets must be indented more than the field).',
  'yaml/list-items-misaligned': 'The `- ` items of this list do not line up. Start every item at the same column.',
  'yaml/fields-misaligned': 'This line does not line up with the fields above it. Indent every field of one map by the same number of spaces.',
  'yaml/block-scalar-indent': 'The lines of this block of text (after `|` or `>`) are not indented alike. Indent them all at least as far as the first line.',
  'yaml/bad-indent': 'This line is indented wrongly. Indent it with spaces so it lines up with the fields it belongs to.',
  'yaml/unclosed-double-quote': 'A `"` quote is not closed. Add the closing `"` at the end of the value.',
  'yaml/unclosed-single-quote': "A `'` quote is not closed. Add the closing `'` at the end of the value (write `''` for an apostrophe inside it).",
  'yaml/no-colon': 'This line has no `:`. Write it as `field: value`, or as a list item `- value` under a field.',
  'yaml/comment-space': 'A `#` starts a comment only after a space. Put a space before `#`; if it is part of the text, put the whole value in quotes.',
  'yaml/no-dash': 'This line is indented like a list item but has no `- ` in front. Add `- `, or line it up with the fields of the item above.',
  'yaml/missing-comma': 'Items inside `{square}` or `{curly}` need a comma between them, e.g. `{example}`.',
  'yaml/space-after-colon': 'Put a space after `:` inside `{curly}`, e.g. `{example}`.',
  'yaml/space-after-anchor': 'Put a space between the `&name` or `!tag` and the value.',
  'yaml/directive-without-document': 'A line starting with `%` must be followed by a `---` line. Remove the `%` line, or put the value that starts with `%` in quotes.',
  'yaml/content-after-document-start': 'Start the content on the line after `---`.',
  'yaml/missing-char': 'Something is missing here: a closing quote or bracket, a comma, or a `:`. Check this line.',
  'yaml/extra-comma': 'There is an extra comma here. Remove it. If it is part of the text, put the whole value in quotes.',
  'yaml/dash-after-field': 'A `- ` list item cannot start on the same line as its field. Put it on the next line, indented under the field. If the dash is part of the text, put the whole value in quotes.',
  'yaml/block-scalar-header': 'After `|` or `>` the text starts on the next line, indented. Move it there.',
  'yaml/closes-nothing': 'This `{close}` closes nothing: there is no `{open}` before it. Remove it. If it is part of the text, put the whole value in quotes.',
  'yaml/text-after-value': 'There is more text after this value. If it is part of the text, put the whole value in quotes; otherwise start it on its own line.',
  'yaml/cannot-stand-here': '`{snippet}` cannot stand here. If it is part of the text, put the whole value in quotes; otherwise check the indentation and brackets on this line.',
});

const SQUARE = '[ ]';
const CURLY = '{ }';


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

type Explain = (problem: SyntaxProblem, ctx: MessageContext) => Message;

const MESSAGES: Record<ErrorCode, Explain> = {
  DUPLICATE_KEY: duplicateKey,
  BLOCK_AS_IMPLICIT_KEY: (problem, ctx) => (/compact/i.test(problem.message) ? colonInValue(problem, ctx) : messages('yaml/list-as-key')),
  MULTIPLE_DOCS: () => messages('yaml/multiple-docs'),
  TAB_AS_INDENT: () => messages('yaml/tab-indent'),
  BAD_INDENT: badIndent,
  MISSING_CHAR: missingChar,
  UNEXPECTED_TOKEN: unexpected,
  MULTILINE_IMPLICIT_KEY: () => messages('yaml/multiline-key'),
  BAD_SCALAR_START: ({ start }, { text }) => messages('yaml/bad-scalar-start', { char: text[start] ?? '' }),
  BAD_DQ_ESCAPE: () => messages('yaml/bad-escape'),
  BLOCK_IN_FLOW: () => messages('yaml/block-in-flow', { square: SQUARE, curly: CURLY, example: '{ id: T1, owner: Bo }' }),
  ALIAS_PROPS: anchors,
  BAD_ALIAS: anchors,
  MULTIPLE_ANCHORS: anchors,
  MULTIPLE_TAGS: tags,
  BAD_PROP_ORDER: tags,
  TAG_RESOLVE_FAILED: tags,
  BAD_COLLECTION_TYPE: tags,
  NON_STRING_KEY: () => messages('yaml/non-string-key'),
  RESOURCE_EXHAUSTION: () => messages('yaml/too-deep'),
  KEY_OVER_1024_CHARS: () => messages('yaml/key-too-long'),
  BAD_DIRECTIVE: () => messages('yaml/bad-directive'),
  IMPOSSIBLE: () => messages('yaml/fallback'),
};

export function plainMessage(problem: SyntaxProblem, ctx: MessageContext): Message {
  const explain = (MESSAGES as Record<string, Explain | undefined>)[problem.code];
  return explain ? explain(problem, ctx) : messages('yaml/fallback');
}

/** For errors outside the parser's list: a too-deep stack, an alias to nothing, an alias bomb. */
export function plainThrown(error: unknown): Message {
  const message = error instanceof Error ? error.message : String(error);
  if (/call stack/i.test(message)) return messages('yaml/too-deep');
  const unresolved = /Unresolved alias[^:]*: *(\S+)/.exec(message);
  if (unresolved) return messages('yaml/unresolved-alias', { name: unresolved[1] ?? '' });
  if (/alias/i.test(message)) return messages('yaml/alias-bomb');
  return messages('yaml/fallback');
}

/** Whether `message` is the one for too-deep nesting (reported once per file, wherever it failed). */
export function isTooDeep(message: Message): boolean {
  return message.id === 'yaml/too-deep';
}

/** "Put the value in quotes", shown on the user's own field and value where they fit in a line. */
function colonInValue({ start }: SyntaxProblem, { text }: MessageContext): Message {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  const lineEnd = text.slice(start).search(/[\r\n]|$/) + start;
  const field = /^\s*(?:-\s+)*("[^"]*"|'[^']*'|[^\s#'"][^#]*?)\s*:\s*$/.exec(text.slice(lineStart, start))?.[1];
  const value = text.slice(start, lineEnd).replace(/\s#.*$/, '').trim();
  // The parser says the same when a bracket or quote left open above swallows this line: then the
  // value has no ": " at all, and quoting it would not help.
  if (!/:(\s|$)/.test(value)) return messages('yaml/unfinished-above', { square: '[', curly: '{' });
  if (field === undefined) return messages('yaml/colon-in-value');
  const quoted = value.length > 0 && value.length <= 60 ? quote(value) : '"…"';
  return messages('yaml/colon-in-value/example', { field, quoted });
}

function quote(value: string): string {
  if (!/["\\]/.test(value)) return `"${value}"`;
  return `'${value.replace(/'/g, "''")}'`;
}

function spaces(count: number): Message {
  return count === 1 ? messages('yaml/spaces/one') : messages('yaml/spaces', { count });
}

/** How to move a field to line up with `level`, at the start of a sentence or after "or". */
function move(level: { key: string; indent: number }, start: boolean): Message {
  const { key, indent } = level;
  if (indent === 0) return start ? messages('yaml/move/left-edge/start', { key }) : messages('yaml/move/left-edge', { key });
  const args = { spaces: spaces(indent), column: indent + 1, key };
  return start ? messages('yaml/move/indent/start', args) : messages('yaml/move/indent', args);
}

/** A field indented unlike the fields above it, on its own line (the parser blames the line above). */
export function misindentedMessage({ key, indent, expected }: Misindented): Message {
  const [nearest, outer] = expected;
  if (!nearest) return messages('yaml/misindented', { key, spaces: spaces(indent) });
  if (!outer) return messages('yaml/misindented/one-level', { key, spaces: spaces(indent), nearest: nearest.key, nearestSpaces: spaces(nearest.indent), move: move(nearest, true) });
  return messages('yaml/misindented/two-levels', {
    key,
    spaces: spaces(indent),
    nearest: nearest.key,
    nearestSpaces: spaces(nearest.indent),
    outer: outer.key,
    outerSpaces: spaces(outer.indent),
    move: move(nearest, true),
    otherMove: move(outer, false),
  });
}

function duplicateKey({ start }: SyntaxProblem, ctx: MessageContext): Message {
  const pair = duplicatedPair(ctx.doc, start);
  if (!pair) return messages('yaml/duplicate-key');
  const [first, second] = pair;
  const [line1, line2] = [ctx.lineOf(first), ctx.lineOf(start)];
  const key = keyText(second);
  return line1 === line2 ? messages('yaml/duplicate-key/line', { key, line: line1 }) : messages('yaml/duplicate-key/lines', { key, first: line1, second: line2 });
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

function badIndent({ message }: SyntaxProblem): Message {
  const bracket = /end with an? ([\]}])/.exec(message);
  if (bracket) return unclosed(bracket[1] ?? ']');
  if (/sequence items/i.test(message)) return messages('yaml/list-items-misaligned');
  if (/mapping items/i.test(message)) return messages('yaml/fields-misaligned');
  if (/block scalar|indentation indicator|more-indented/i.test(message)) return messages('yaml/block-scalar-indent');
  return messages('yaml/bad-indent');
}

function missingChar({ message }: SyntaxProblem): Message {
  if (/closing "/.test(message)) return messages('yaml/unclosed-double-quote');
  if (/closing '/.test(message)) return messages('yaml/unclosed-single-quote');
  const bracket = /end with an? ([\]}])/.exec(message);
  if (bracket) return unclosed(bracket[1] ?? ']');
  if (/followed by map values/.test(message)) return messages('yaml/no-colon');
  if (/Comments must be separated/.test(message)) return messages('yaml/comment-space');
  if (/without - indicator/.test(message)) return messages('yaml/no-dash');
  if (/Missing , /.test(message)) return messages('yaml/missing-comma', { square: SQUARE, curly: CURLY, example: '[billing, migration]' });
  if (/space after :/.test(message)) return messages('yaml/space-after-colon', { curly: CURLY, example: '{ id: T1 }' });
  if (/Tags and anchors/.test(message)) return messages('yaml/space-after-anchor');
  if (/directives-end|doc-start/.test(message)) return messages('yaml/directive-without-document');
  if (/same line with directives-end/.test(message)) return messages('yaml/content-after-document-start');
  return messages('yaml/missing-char');
}

function unexpected({ message, start }: SyntaxProblem, { text }: MessageContext): Message {
  if (/Unexpected , |empty item/.test(message)) return messages('yaml/extra-comma');
  if (/block-seq-ind on same line/.test(message)) return messages('yaml/dash-after-field');
  if (/Block scalar header/.test(message)) return messages('yaml/block-scalar-header');
  if (/flow-(seq|map)-end/.test(message)) {
    const close = text[start] === '}' ? '}' : ']';
    return messages('yaml/closes-nothing', { close, open: close === '}' ? '{' : '[' });
  }
  if (/at node end/.test(message)) return messages('yaml/text-after-value');
  const snippet = text.slice(start, start + 20).split(/[\r\n]/)[0]?.trim();
  return snippet ? messages('yaml/cannot-stand-here', { snippet }) : messages('yaml/fallback');
}

function unclosed(close: string): Message {
  return messages('yaml/unclosed', { open: close === '}' ? '{' : '[', close });
}

function anchors(): Message {
  return messages('yaml/anchors');
}

function tags(): Message {
  return messages('yaml/tags');
}
