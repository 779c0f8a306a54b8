import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair } from 'yaml';
import type { Finding, Position, Range } from './types';
import { defineMessages, findingText, render, type Message } from './message';
import { misindentedKeys, type Misindented } from './indentation';
import { isTooDeep, misindentedMessage, plainMessage, plainThrown, type MessageContext } from './yamlMessages';

export type PathSegment = string | number;
export type YamlPath = readonly PathSegment[];

/** Files larger than this are not parsed: no release plan is this big, and parsing would stall the editor. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_ALIAS_COUNT = 100;
const MAX_SYNTAX_FINDINGS = 10;
const MAX_FLOW_DEPTH = 64;

/** The parse findings that are not one of the parser's errors (those are in yamlMessages.ts). */
const messages = defineMessages({
  'file-too-large': 'This file is {size} KB; release files are limited to {limit} MB and it was not checked. Split or trim it.',
  'yaml/brackets-too-deep': 'Brackets are nested more than {depth} levels deep here, so the file was not checked. Close the brackets or write the list as indented lines.',
  /**
   * The last YAML error shown, when more were found. The English says "1 more YAML errors" (kept as
   * it was); the `/one` variant lets a translation use its singular.
   */
  'yaml/more-errors/one': '{message} (1 more YAML errors not shown: fix this one first.)',
  'yaml/more-errors': '{message} ({count} more YAML errors not shown: fix this one first.)',
});

/**
 * One parsed YAML file with the means to turn a path into a source range. Parsing never throws:
 * problems become findings (`yaml-syntax`, `file-too-large`) and `data` is then undefined.
 * Instances are shared between checks by the parse cache (`ParseCache` in plan.ts), which freezes
 * `data` and `parseFindings`: nothing may change a SourceFile after its constructor returns.
 */
export class SourceFile {
  readonly doc: Document.Parsed | undefined;
  readonly data: unknown;
  readonly parseFindings: Finding[] = [];

  constructor(
    readonly path: string,
    rawText: string,
  ) {
    // Editors do not count a byte-order mark as a column, so neither do we.
    this.text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
    if (this.text.length > MAX_FILE_BYTES) {
      this.parseFindings.push(
        this.finding(this.firstLineRange(), 'error', 'file-too-large', messages('file-too-large', { size: Math.round(this.text.length / 1024), limit: MAX_FILE_BYTES / 1024 / 1024 })),
      );
      return;
    }
    const tooDeep = deepFlowBracket(this.text);
    if (tooDeep !== undefined) {
      // yaml's error recovery on thousands of unclosed brackets takes seconds; no plan needs this.
      this.parseFindings.push(this.finding(this.offsetRange(tooDeep, tooDeep + 1), 'error', 'yaml-syntax', messages('yaml/brackets-too-deep', { depth: MAX_FLOW_DEPTH })));
      return;
    }
    let doc: Document.Parsed;
    try {
      // logLevel 'error': the parser's warnings would go to the console (stderr of the CLI).
      doc = parseDocument(this.text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    } catch (error) {
      // Pathological nesting can exhaust the stack inside the parser.
      this.parseFindings.push(this.finding(this.firstLineRange(), 'error', 'yaml-syntax', plainThrown(error)));
      return;
    }
    this.doc = doc;
    // The parser repeats one error for every level it unwinds (hundreds for 5000 unclosed `[`):
    // report each message once per position, and only the first few; the rest follow from them.
    const reported = new Set<string>();
    const context: MessageContext = { text: this.text, doc, lineOf: (offset) => this.position(offset).line + 1 };
    // A field indented one space off is one finding on its own line; the parser's errors it causes
    // (on the line above, or "no `- `", or "a field name must fit on one line") are not shown.
    const errorLines = doc.errors.map(({ pos: [start, end] }) => [this.position(start).line, this.position(end).line] as const);
    const slips = errorLines.length > 0 ? matchSlips(misindentedKeys(this.text), errorLines) : { slips: [], explained: [] };
    const found: { range: Range; message: Message }[] = slips.slips.map((slip) => ({ range: this.offsetRange(slip.keyStart, slip.keyEnd), message: misindentedMessage(slip) }));
    // "A field name must fit on one line" repeats what the message at the same position says.
    const runOns = new Set(doc.errors.filter((error) => error.code === 'BLOCK_AS_IMPLICIT_KEY').map((error) => error.pos[0]));
    doc.errors.forEach((error, index) => {
      if (slips.explained[index]) return;
      const [start, parserEnd] = error.pos;
      if (error.code === 'MULTILINE_IMPLICIT_KEY' && runOns.has(start)) return;
      // The parser marks the whole extra document; the line that starts it is what to remove.
      const end = error.code === 'MULTIPLE_DOCS' ? lineEnd(this.text, start, parserEnd) : parserEnd;
      const message = plainMessage({ code: error.code, message: error.message, start }, context);
      // Too-deep nesting fails at every level on the way out: once is enough.
      const key = isTooDeep(message) ? message.id : `${start}:${end}:${render(message)}`;
      if (reported.has(key)) return;
      reported.add(key);
      found.push({ range: this.offsetRange(start, Math.max(end, start)), message });
    });
    found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const shown = found.slice(0, MAX_SYNTAX_FINDINGS);
    const dropped = found.length - shown.length;
    const last = shown[shown.length - 1];
    if (last && dropped > 0) last.message = dropped === 1 ? messages('yaml/more-errors/one', { message: last.message }) : messages('yaml/more-errors', { message: last.message, count: dropped });
    this.parseFindings.push(...shown.map(({ range, message }) => this.finding(range, 'error', 'yaml-syntax', message)));
    if (doc.errors.length > 0) return;
    try {
      this.data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const unresolved = error instanceof Error ? /Unresolved alias[^:]*: *(\S+)/.exec(error.message)?.[1] : undefined;
      this.parseFindings.push(this.finding(this.firstAliasRange(unresolved) ?? this.firstLineRange(), 'error', 'yaml-syntax', plainThrown(error)));
    }
  }

  readonly text: string;

  get parsed(): boolean {
    return this.parseFindings.length === 0;
  }

  finding(range: Range, severity: Finding['severity'], code: string, message: Message, path?: YamlPath): Finding {
    return { file: this.path, range, severity, code, message: findingText(message), l10n: message, ...(path ? { path: [...path] } : {}) };
  }

  /** Offsets where lines start, counted the way editors do: \r\n, \n and a lone \r each end a line. */
  private lineStarts: number[] | undefined;

  position(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    // The middle of a \r\n is not a place an editor can show: use the end of the line.
    if (this.text[clamped] === '\n' && this.text[clamped - 1] === '\r') clamped--;
    // yaml's LineCounter only knows \n, so a lone \r would put ranges past the end of an editor line.
    const starts = (this.lineStarts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: clamped - (starts[low] ?? 0) };
  }

  offsetRange(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** The node at `path`, or undefined when any step is missing. */
  node(path: YamlPath): Node | undefined {
    if (!this.doc) return undefined;
    if (path.length === 0) return (this.doc.contents as Node | null) ?? undefined;
    const found = this.doc.getIn(path, true);
    return isNodeLike(found) ? found : undefined;
  }

  /** The key/value pair whose key is the last segment of `path`, for map paths. */
  pair(path: YamlPath): Pair | undefined {
    const last = path[path.length - 1];
    if (typeof last !== 'string') return undefined;
    const parent = this.node(path.slice(0, -1));
    if (!isMap(parent)) return undefined;
    return parent.items.find((item) => isScalar(item.key) && String(item.key.value) === last) as Pair | undefined;
  }

  /** Range of a node's value (without trailing comments), or undefined. */
  valueRange(path: YamlPath): Range | undefined {
    const node = this.node(path);
    if (!node?.range) return undefined;
    return this.offsetRange(node.range[0], node.range[1]);
  }

  /** Range of the key that names `path` (or of the list item when the last segment is an index). */
  keyRange(path: YamlPath): Range | undefined {
    const last = path[path.length - 1];
    if (typeof last === 'number') {
      const item = this.node(path);
      const parent = this.node(path.slice(0, -1));
      if (item?.range && isSeq(parent)) {
        // A list item's first line is what the eye finds: `- id: T3`.
        const start = item.range[0];
        const lineEnd = this.text.indexOf('\n', start);
        const end = Math.min(item.range[1], lineEnd === -1 ? this.text.length : lineEnd);
        return this.offsetRange(start, trimEnd(this.text, start, end));
      }
      return undefined;
    }
    const key = this.pair(path)?.key;
    if (isNodeLike(key) && key.range) return this.offsetRange(key.range[0], key.range[1]);
    return undefined;
  }

  /**
   * The best range for a finding about `path`: the value if `prefer` is 'value' and it exists, else
   * the key, else the nearest ancestor that exists. A missing top-level field points at the first key.
   */
  rangeFor(path: YamlPath, prefer: 'key' | 'value' = 'key'): Range {
    for (let length = path.length; length > 0; length--) {
      const prefix = path.slice(0, length);
      const range = prefer === 'value' && length === path.length ? this.valueRange(prefix) ?? this.keyRange(prefix) : this.keyRange(prefix);
      if (range) return range;
    }
    return this.firstKeyRange() ?? this.firstLineRange();
  }

  private firstKeyRange(): Range | undefined {
    const root = this.node([]);
    if (!isMap(root)) return undefined;
    const key = root.items[0]?.key;
    return isNodeLike(key) && key.range ? this.offsetRange(key.range[0], key.range[1]) : undefined;
  }

  private firstLineRange(): Range {
    const end = this.text.search(/[\r\n]/);
    return { start: { line: 0, character: 0 }, end: { line: 0, character: Math.min(end === -1 ? this.text.length : end, 200) } };
  }

  /** The first alias (`*name`), or the first one with that name. */
  private firstAliasRange(name?: string): Range | undefined {
    let found: Range | undefined;
    if (!this.doc) return undefined;
    visit(this.doc, {
      Alias: (_key, node) => {
        if (name !== undefined && node.source !== name) return undefined;
        if (node.range) found = this.offsetRange(node.range[0], node.range[1]);
        return visit.BREAK;
      },
    });
    return found;
  }
}

/**
 * The offset of the first `[` or `{` nested deeper than MAX_FLOW_DEPTH, or undefined. A rough scan
 * (quotes and comments skipped, block scalars not): good enough, as real plans nest a few levels.
 */
function deepFlowBracket(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"') i++;
      else if (ch === '\n' && depth === 0) quote = ''; // a stray quote in a plain scalar ends with its line
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) {
      const end = text.indexOf('\n', i);
      if (end === -1) return undefined;
      i = end;
    } else if (ch === '[' || ch === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return undefined;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function isNodeLike(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function trimEnd(text: string, start: number, end: number): number {
  let cursor = end;
  while (cursor > start && /\s/.test(text[cursor - 1] ?? '')) cursor--;
  return cursor;
}


/**
 * Which misplaced fields account for a parser error (one on the field above, on the field itself,
 * on a deeper line right after it, or spanning into it), and which errors they account for.
 * `errors` are [first line, last line] pairs; the slips come in line order.
 */
function matchSlips(slips: Misindented[], errors: readonly (readonly [number, number])[]): { slips: Misindented[]; explained: boolean[] } {
  const byLine = new Map<number, number[]>();
  slips.forEach((slip, index) => {
    const from = slip.previousLine < 0 ? slip.line : slip.previousLine;
    for (let line = from; line <= Math.max(slip.line, slip.followingLine); line++) {
      const owners = byLine.get(line) ?? [];
      owners.push(index);
      byLine.set(line, owners);
    }
  });
  const used = new Set<number>();
  const explained = errors.map(([first, last]) => {
    const owners = byLine.get(first);
    if (owners) {
      for (const index of owners) used.add(index);
      return true;
    }
    // An error that starts above a slip and runs into it (the parser read on into the slipped line).
    const index = firstIndex(slips, (slip) => slip.line > first);
    if (index < slips.length && (slips[index]?.line ?? Infinity) <= last) {
      used.add(index);
      return true;
    }
    return false;
  });
  return { slips: slips.filter((_, index) => used.has(index)), explained };
}

/** The first index whose item passes `test`, for a test that is false then true along the list. */
function firstIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(items[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The end of the line that `start` is on, but not past `end`. */
function lineEnd(text: string, start: number, end: number): number {
  const match = /[\r\n]/.exec(text.slice(start, end));
  return match ? start + match.index : end;
}
