/**
 * Finds string literals in extension code that look user-facing but do not go through
 * `vscode.l10n.t(…)`: a small tokenizer (strings, templates with their `${…}` parts, comments,
 * regular expressions) and a stack of the calls, objects and assignments each literal sits in.
 *
 * A literal counts as user-facing when, ignoring grouping parentheses, arrays and templates, it is
 * - an argument of a call that shows text (`showWarningMessage`, `appendMarkdown`, `new CodeAction`…);
 * - the value of an object key that VS Code shows (`label:`, `description:`, `tooltip:`, `title:`,
 *   `placeHolder:`, `prompt:`, `detail:`…), or of an assignment to such a property (`item.text = …`).
 * It is exempt inside `l10n.t(…)`, when it has no letters once `$(icon)`s and `{0}`s are removed,
 * and when it is an id (`releasePlan.status`, `statusBarItem.errorBackground`).
 */

export interface Unwrapped {
  line: number;
  text: string;
}

/** Calls whose arguments are shown to the user as they are. */
const SHOWN_BY_CALL = /(?:^|\.)(?:showInformationMessage|showWarningMessage|showErrorMessage|appendMarkdown|appendText|MarkdownString|CodeAction|TreeItem|Hover|createWebviewPanel|person|pickPerson|resolveTask)$|^(?:warn|keep)$/;
/** Object keys and properties whose value VS Code shows. */
const SHOWN_KEYS = new Set(['label', 'description', 'tooltip', 'text', 'title', 'placeHolder', 'placeholder', 'prompt', 'detail', 'name', 'reason', 'message']);
/** Object keys that are not shown (an object literal's `name:` is rarely a label; `.name =` is). */
const ASSIGN_ONLY = new Set(['name']);
const DECLARES = new Set(['function', 'private', 'public', 'protected', 'static', 'async', 'get', 'set', 'constructor']);
const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'typeof', 'await', 'new', 'in', 'of', 'case', 'void', 'else', 'do', 'throw', 'yield', 'delete', 'instanceof']);

type Token =
  | { kind: 'ident'; value: string; line: number }
  | { kind: 'punct'; value: string; line: number }
  | { kind: 'string'; value: string; line: number }
  | { kind: 'number'; line: number }
  /** A template literal's text (its `${…}` parts left out); its parts follow as tokens between `templateOpen` and `templateClose`. */
  | { kind: 'template'; value: string; line: number }
  | { kind: 'templateOpen'; line: number }
  | { kind: 'templateClose'; line: number };

const REGEX_AFTER = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '=>', '&&', '||', '??']);

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const last = () => tokens[tokens.length - 1];
  const regexAllowed = () => {
    const t = last();
    if (!t) return true;
    if (t.kind === 'punct') return REGEX_AFTER.has(t.value);
    if (t.kind === 'ident') return KEYWORDS.has(t.value);
    return false;
  };
  /** Reads a template literal starting at `i` (on the backtick); nested templates recurse. */
  const template = (): void => {
    const startLine = line;
    i++; // `
    let text = '';
    const inner: Token[] = [];
    while (i < source.length && source[i] !== '`') {
      const ch = source[i]!;
      if (ch === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (ch === '$' && source[i + 1] === '{') {
        i += 2;
        const saved = tokens.length;
        expression('}');
        inner.push(...tokens.splice(saved));
        i++; // }
        text += '\u0000';
        continue;
      }
      if (ch === '\n') line++;
      text += ch;
      i++;
    }
    i++; // closing `
    tokens.push({ kind: 'template', value: text, line: startLine }, { kind: 'templateOpen', line: startLine }, ...inner, { kind: 'templateClose', line });
  };
  /** Tokenizes until the unmatched `close` (or the end). */
  const expression = (close?: string): void => {
    let depth = 0;
    while (i < source.length) {
      const ch = source[i]!;
      const next = source[i + 1];
      if (ch === '\n') {
        line++;
        i++;
      } else if (/\s/.test(ch)) i++;
      else if (ch === '/' && next === '/') {
        while (i < source.length && source[i] !== '\n') i++;
      } else if (ch === '/' && next === '*') {
        const end = source.indexOf('*/', i + 2);
        const stop = end === -1 ? source.length : end + 2;
        line += (source.slice(i, stop).match(/\n/g) ?? []).length;
        i = stop;
      } else if (ch === '"' || ch === "'") {
        let j = i + 1;
        let value = '';
        while (j < source.length && source[j] !== ch && source[j] !== '\n') {
          if (source[j] === '\\') {
            value += source.slice(j, j + 2);
            j += 2;
          } else value += source[j++];
        }
        tokens.push({ kind: 'string', value, line });
        i = j + 1;
      } else if (ch === '`') template();
      else if (ch === '/' && regexAllowed()) {
        let j = i + 1;
        let inClass = false;
        while (j < source.length && source[j] !== '\n') {
          const c = source[j]!;
          if (c === '\\') j += 2;
          else {
            if (c === '[') inClass = true;
            else if (c === ']') inClass = false;
            else if (c === '/' && !inClass) break;
            j++;
          }
        }
        j++;
        while (/[a-z]/i.test(source[j] ?? '')) j++;
        tokens.push({ kind: 'number', line }); // a regular expression: a value, never shown text
        i = j;
      } else if (/[A-Za-z_$]/.test(ch)) {
        const m = /^[A-Za-z_$][\w$]*/.exec(source.slice(i, i + 200))!;
        tokens.push({ kind: 'ident', value: m[0], line });
        i += m[0].length;
      } else if (/[0-9]/.test(ch)) {
        const m = /^[0-9][\w.]*/.exec(source.slice(i, i + 100))!;
        tokens.push({ kind: 'number', line });
        i += m[0].length;
      } else {
        const three = source.slice(i, i + 3);
        const two = source.slice(i, i + 2);
        const value = ['===', '!==', '...', '??='].includes(three) ? three : ['=>', '==', '!=', '&&', '||', '??', '?.', '<=', '>=', '+=', '-='].includes(two) ? two : ch;
        if (close && value === close && depth === 0) return;
        if (value === '{' || value === '(' || value === '[') depth++;
        if (value === '}' || value === ')' || value === ']') depth--;
        tokens.push({ kind: 'punct', value, line });
        i += value.length;
      }
    }
  };
  expression();
  return tokens;
}

interface Frame {
  kind: 'call' | 'group' | 'object' | 'array' | 'template' | 'assign';
  callee?: string;
  /** For objects: the key whose value is being read. */
  key?: string;
  /** For `item.text = …`: the property assigned. */
  property?: string;
}

/** Letters left once icons (`$(rocket)`), placeholders (`{0}`) and template holes are removed. */
function wordy(text: string): boolean {
  const plain = text
    .replace(/\\(?:u\{?[0-9a-fA-F]+\}?|x[0-9a-fA-F]{2}|.)/g, ' ') // escapes: \n, \u2019, \`
    .replace(/\$\([\w~\u0000-]+\)/g, '')
    .replace(/\{\d+\}/g, '')
    .replace(/\u0000/g, '');
  if (/^[\w-]+(\.[\w-]+)+$/.test(plain.trim())) return false; // an id: releasePlan.status, statusBarItem.errorBackground
  return /\p{L}/u.test(plain);
}

/** The callee of a call whose `(` is at tokens[at]: `vscode.l10n.t`, `this.notice`, `new vscode.CodeAction`. */
function calleeBefore(tokens: Token[], at: number): { callee: string; declares: boolean } | undefined {
  let j = at - 1;
  // Type arguments: `get<boolean>(…)`.
  if (tokens[j]?.kind === 'punct' && (tokens[j] as { value: string }).value === '>') {
    let depth = 0;
    for (; j >= 0; j--) {
      const t = tokens[j]!;
      if (t.kind === 'punct' && t.value === '>') depth++;
      if (t.kind === 'punct' && t.value === '<' && --depth === 0) break;
    }
    j--;
  }
  const parts: string[] = [];
  while (j >= 0) {
    const t = tokens[j]!;
    if (t.kind !== 'ident') break;
    parts.unshift(t.value);
    const dot = tokens[j - 1];
    if (dot?.kind === 'punct' && (dot.value === '.' || dot.value === '?.')) j -= 2;
    else {
      j--;
      break;
    }
  }
  if (parts.length === 0 || (parts.length === 1 && KEYWORDS.has(parts[0]!))) return undefined;
  const before = tokens[j];
  const declares = before?.kind === 'ident' && DECLARES.has(before.value);
  return { callee: parts.join('.'), declares };
}

/** Calls whose string arguments are not shown as text: the log, errors, ids and settings, icons. */
const NOT_SHOWN_CALL = /(?:^|\.)(?:log\.\w+|console\.\w+|Error|TypeError|executeCommand|registerCommand|getConfiguration|affectsConfiguration|createOutputChannel|createStatusBarItem|createDiagnosticCollection|createWebviewPanel|ThemeIcon|ThemeColor|require|test|exec|match|replace|split|startsWith|endsWith|includes)$/;

/** Sentence-like: two words, a capitalised word, or a number glued to a word (`${n} error${s}`, `${n}d`). */
function prose(text: string): boolean {
  const plain = text.replace(/\\(?:u\{?[0-9a-fA-F]+\}?|x[0-9a-fA-F]{2}|.)/g, ' ').replace(/\$\([\w~\u0000-]+\)/g, '');
  if (/^[\w-]+(\.[\w-]+)+$/.test(plain.trim())) return false;
  return /\p{L}{2,}[ \u00a0]+\p{L}/u.test(plain) || /^\p{Lu}\p{Ll}+/u.test(plain.trim()) || /\p{L}{2,}\u0000|\u0000\p{L}/u.test(plain);
}

const COMPARES = new Set(['===', '!==', '==', '!=']);

/** `allowed`: literals that are shown but are data, not words of ours (YAML values such as `todo`). */
export function scanUnwrapped(source: string, allowed: ReadonlySet<string> = new Set()): Unwrapped[] {
  const tokens = tokenize(source);
  const found: Unwrapped[] = [];
  const stack: Frame[] = [];
  const see = (text: string, line: number, at: number) => {
    if (!wordy(text) || allowed.has(text)) return;
    // Compared with (`status === 'done'`) or a case label: a value, not text shown.
    const before = tokens[at - 1];
    const after = tokens[at + 1];
    if ((before?.kind === 'punct' && COMPARES.has(before.value)) || (after?.kind === 'punct' && COMPARES.has(after.value)) || (before?.kind === 'ident' && before.value === 'case')) return;
    if (stack.some((f) => f.kind === 'call' && /(?:^|\.)l10n\.t$/.test(f.callee ?? ''))) return;
    // The nearest frame that says what the literal is: grouping parentheses, arrays and templates pass through.
    for (let k = stack.length - 1; k >= 0; k--) {
      const frame = stack[k]!;
      if (frame.kind === 'group' || frame.kind === 'array' || frame.kind === 'template') continue;
      const shown =
        (frame.kind === 'call' && SHOWN_BY_CALL.test(frame.callee ?? '')) ||
        (frame.kind === 'object' && frame.key !== undefined && SHOWN_KEYS.has(frame.key) && !ASSIGN_ONLY.has(frame.key)) ||
        (frame.kind === 'assign' && frame.property !== undefined && SHOWN_KEYS.has(frame.property));
      if (shown) {
        found.push({ line, text });
        return;
      }
      break;
    }
    // Anywhere else (a variable, a list, a helper's argument): prose, or a count or unit glued to a
    // word, is text for someone to read — unless it goes to the log, an error or VS Code's APIs.
    if (stack.some((f) => f.kind === 'call' && NOT_SHOWN_CALL.test(f.callee ?? ''))) return;
    if (prose(text)) found.push({ line, text });
  };
  const closeAssign = () => {
    while (stack.at(-1)?.kind === 'assign') stack.pop();
  };
  for (let n = 0; n < tokens.length; n++) {
    const t = tokens[n]!;
    const prev = tokens[n - 1];
    if (t.kind === 'string' || t.kind === 'template') {
      see(t.value, t.line, n);
      continue;
    }
    if (t.kind === 'templateOpen') {
      stack.push({ kind: 'template' });
      continue;
    }
    if (t.kind === 'templateClose') {
      closeAssign();
      stack.pop();
      continue;
    }
    if (t.kind === 'ident') {
      const next = tokens[n + 1];
      const top = stack.at(-1);
      // `{ label: …` or `, label: …` in an object literal.
      if (top?.kind === 'object' && next?.kind === 'punct' && next.value === ':' && prev?.kind === 'punct' && (prev.value === '{' || prev.value === ',')) top.key = t.value;
      // `item.label = …` (not `==`, `===`, `=>`).
      if (prev?.kind === 'punct' && prev.value === '.' && next?.kind === 'punct' && next.value === '=') stack.push({ kind: 'assign', property: t.value });
      continue;
    }
    if (t.kind !== 'punct') continue;
    switch (t.value) {
      case '(': {
        const call = calleeBefore(tokens, n);
        stack.push(call && !call.declares ? { kind: 'call', callee: call.callee } : { kind: 'group' });
        break;
      }
      case '[':
        stack.push({ kind: 'array' });
        break;
      case '{':
        stack.push({ kind: 'object' });
        break;
      case ')':
      case ']':
      case '}':
        closeAssign();
        stack.pop();
        break;
      case ',': {
        closeAssign();
        const top = stack.at(-1);
        if (top?.kind === 'object') top.key = undefined;
        break;
      }
      case ';':
        closeAssign();
        break;
    }
  }
  return found;
}
