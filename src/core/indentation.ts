/**
 * Finds fields indented unlike the fields around them (`owner:` one space further in than `title:`).
 * The parser reports such a line as a problem with the line *above* it ("the value contains ': '"),
 * which sends people to the wrong place; this line-based scan names the line and the column instead.
 * It is only consulted when the parser has already failed, so a rough reading of YAML is enough.
 */

export interface Misindented {
  /** 0-based line of the misplaced field, and the offsets of its key. */
  line: number;
  keyStart: number;
  keyEnd: number;
  key: string;
  indent: number;
  /** 0-based line of the field above it, whose value the parser tries to extend with this line. */
  previousLine: number;
  /** 0-based line after it when indented further: the parser reads that line as part of this field. */
  followingLine: number;
  /** Where it could belong: the nearest field above first, then (when indented less) the enclosing one. */
  expected: { key: string; indent: number }[];
}

interface Level {
  indent: number;
  /** The latest field at this level, or undefined for a `- ` item's dash. */
  key: string | undefined;
}

interface Line {
  start: number;
  text: string;
}

// A field name: quoted, or plain text that does not start with a YAML sign, then `:` and a space or the end.
const KEY = /^("[^"\n]*"|'[^'\n]*'|[^\s#'"{}[\],&*!|>%@`?:-][^#\n]*?|-[^\s#:][^#\n]*?)[ \t]*:(?=[ \t]|$)/;

export function misindentedKeys(text: string): Misindented[] {
  const found: Misindented[] = [];
  let stack: Level[] = [];
  let opened = false;
  let previousLine = -1;
  let skipDeeperThan: number | undefined;
  let carry: Carry = { quote: '', depth: 0 };
  let lastSlip: Misindented | undefined;
  const lines = splitLines(text);
  for (let number = 0; number < lines.length; number++) {
    const { start, text: line } = lines[number] as Line;
    if (carry.quote || carry.depth > 0) {
      carry = scanValue(line, carry);
      continue;
    }
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    const rest = line.slice(indent);
    if (rest === '' || rest.startsWith('#')) continue;
    if (skipDeeperThan !== undefined) {
      if (indent > skipDeeperThan) continue;
      skipDeeperThan = undefined;
    }
    // Tabs, explicit `? ` keys and directives are beyond this scan: leave them to the parser.
    if (rest.startsWith('\t') || /^\?(\s|$)/.test(rest) || /^:(\s|$)/.test(rest)) return found;
    if (/^(---|\.\.\.)(\s|$)/.test(rest)) {
      stack = [];
      opened = false;
      continue;
    }
    if (rest.startsWith('%')) continue;
    if (lastSlip && indent > lastSlip.indent) lastSlip.followingLine = number;
    lastSlip = undefined;

    // `- - key: value`: each dash is a level of its own.
    const dashes: number[] = [];
    let column = indent;
    let body = rest;
    for (let dash = /^-([ \t]+|$)/.exec(body); dash; dash = /^-([ \t]+|$)/.exec(body)) {
      dashes.push(column);
      column += dash[0].length;
      body = body.slice(dash[0].length);
    }
    const keyMatch = KEY.exec(body);
    const key = keyMatch ? unquote(keyMatch[1] ?? '') : undefined;
    if (key === undefined && dashes.length === 0) {
      // The continuation of a value written over several lines.
      opened = false;
      continue;
    }
    const value = keyMatch ? body.slice(keyMatch[0].length).replace(/(^|\s)#.*$/, '').trim() : body.replace(/(^|\s)#.*$/, '').trim();
    const own: Level[] = [...dashes.map((at) => ({ indent: at, key: undefined })), ...(key !== undefined ? [{ indent: column, key }] : [])];

    const top = stack[stack.length - 1];
    const deeper = opened && (top === undefined || indent > top.indent || (dashes.length > 0 && indent === top.indent && top.key !== undefined));
    if (!deeper) {
      const popped: Level[] = [];
      while ((stack[stack.length - 1]?.indent ?? -1) > indent) popped.push(stack.pop() as Level);
      let sibling = false;
      while (stack[stack.length - 1]?.indent === indent) {
        stack.pop();
        sibling = true;
      }
      const outer = stack[stack.length - 1];
      if (!sibling && outer && key !== undefined && dashes.length === 0) {
        const flagged = misplaced(popped, outer);
        if (flagged) {
          const keyStart = start + column;
          lastSlip = { line: number, keyStart, keyEnd: keyStart + (keyMatch?.[1]?.length ?? 0), key, indent, previousLine, followingLine: -1, expected: flagged.expected };
          found.push(lastSlip);
          // Read on as if the field were where it belongs, so one slip is reported once; later
          // messages name the field that really is at that column.
          if (popped.length === 0) stack.pop();
          for (const level of [...popped].reverse()) if (level.indent < flagged.indent) stack.push(level);
          own[own.length - 1] = { indent: flagged.indent, key: flagged.expected[0]?.key };
        }
      }
    }
    stack.push(...own);
    previousLine = number;
    opened = value === '';
    if (/^[|>]/.test(value)) skipDeeperThan = stack[stack.length - 1]?.indent ?? indent;
    else if (/^["'[{]/.test(value)) carry = scanValue(value, { quote: '', depth: 0 });
  }
  return found;
}

/**
 * A field between levels: indented more than the field above it (`popped` is empty, `outer` is that
 * field), or less, but not as little as an enclosing field (`popped` holds the deeper levels it left).
 */
function misplaced(popped: Level[], outer: Level): { indent: number; expected: Misindented['expected'] } | undefined {
  const nearest = popped.length === 0 ? outer : [...popped].reverse().find((level) => level.key !== undefined);
  if (nearest?.key === undefined) return undefined;
  const levels = popped.length > 0 && outer.key !== undefined ? [nearest, outer] : [nearest];
  return { indent: nearest.indent, expected: levels.map((level) => ({ key: level.key ?? '', indent: level.indent })) };
}

interface Carry {
  quote: string;
  depth: number;
}

/** Tracks an open quote or bracket across lines, so the lines inside a long value are not read as fields. */
function scanValue(text: string, carry: Carry): Carry {
  let { quote, depth } = carry;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = '';
      }
      continue;
    }
    if (ch === '"' || ch === "'") {
      // Inside brackets, or at the start of the value, a quote opens a quoted value.
      if (depth > 0 || i === 0) quote = ch;
    } else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1] ?? ''))) break;
    else if (ch === '[' || ch === '{') depth++;
    else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return { quote, depth };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ start: match.index, text: match[1] ?? '' });
    if (match[2] === '') break;
  }
  return lines;
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}
