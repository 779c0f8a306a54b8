import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CODES, RULES, type RuleFamily } from '../../core/catalog';
import { docSections } from '../../core/ruleDocs';
import type { Severity } from '../../core/types';

export { docSections };

/**
 * Where the rule documentation is published: every CI format links a code to
 * `${RULES_DOC_URL}#<code>`, and relative links inside docs/rules.md are resolved against it.
 * A constant (documented in docs/ci.md), so the output does not depend on where the CLI runs.
 */
export const REPOSITORY_URL = 'https://github.com/release-plan-vscode/release-plan';
export const RULES_DOC_URL = `${REPOSITORY_URL}/blob/HEAD/docs/rules.md`;

/** The code the engine reports when a rule family failed; not in the catalog, always an error. */
export const ENGINE_ERROR = 'engine-error';

export function ruleDocUrl(code: string): string {
  return `${RULES_DOC_URL}#${encodeURIComponent(code)}`;
}

/**
 * docs/rules.md, put into the bundle by esbuild.config.mjs (`define`), so the CLI installed alone
 * (only dist/cli.js) still has it. Run from source (tests, tsx) it is read from the checkout.
 */
declare const RELEASE_PLAN_RULES_DOC: string | undefined;

export function rulesDocText(): string {
  if (typeof RELEASE_PLAN_RULES_DOC === 'string') return RELEASE_PLAN_RULES_DOC;
  return readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rules.md'), 'utf8');
}

/** One code's documentation, as SARIF's `reportingDescriptor` wants it. */
export interface RuleDoc {
  code: string;
  family: RuleFamily | 'engine';
  severity: Severity;
  /** One line: the catalog's summary (the "All codes" table says the same). */
  short: string;
  /** "What it checks" (or "What it means"), as plain text. */
  full: string;
  /** The whole section under the code's heading, links made absolute. */
  markdown: string;
  /** The same section as plain text. */
  text: string;
}

const ENGINE_SUMMARY = 'Release Plan itself failed while checking the plan (a bug to report, not a problem in the plan).';

/**
 * The documentation of every code the engine can report (the catalog's codes, then
 * `engine-error`), in that order, from the text of docs/rules.md. Throws when a code has no
 * section: a unit test keeps the doc complete, so this is a build mistake, not a user's.
 */
export function ruleDocs(doc: string = rulesDocText()): RuleDoc[] {
  const sections = docSections(doc);
  const codes = [...RULE_CODES, ENGINE_ERROR];
  return codes.map((code) => {
    const body = sections.get(code);
    if (body === undefined) throw new Error(`docs/rules.md has no section for ${code}`);
    const markdown = absoluteLinks(body);
    const info = code === ENGINE_ERROR ? undefined : RULES[code as keyof typeof RULES];
    return {
      code,
      family: info?.family ?? 'engine',
      severity: info?.severity ?? 'error',
      short: info?.summary ?? ENGINE_SUMMARY,
      full: markdownToText(whatItChecks(body)),
      markdown,
      text: markdownToText(body),
    };
  });
}

/** The "What it checks." (or "What it means.") part, up to the next bold label or example. */
function whatItChecks(body: string): string {
  const paragraphs = body.split(/\n{2,}/);
  const start = paragraphs.findIndex((p) => /^\*\*What it (checks|means)\.\*\*/.test(p));
  if (start === -1) return paragraphs.find((p) => !/^\*\*(Default|Severity)/.test(p)) ?? body;
  const taken = [(paragraphs[start] ?? '').replace(/^\*\*What it (checks|means)\.\*\*\s*/, '')];
  for (const p of paragraphs.slice(start + 1)) {
    if (/^(\*\*[A-Z][^*]*\.\*\*|```)/.test(p)) break;
    taken.push(p);
  }
  return taken.filter((p) => p.trim() !== '').join('\n\n');
}

/** Every Markdown link target resolved against the published docs/rules.md (`#x`, `../schemas`). */
function absoluteLinks(markdown: string): string {
  return mapProse(markdown, (paragraph) =>
    splitCode(paragraph)
      .map(({ code, raw, text }) =>
        code
          ? raw
          : text.replace(/\]\(([^()\s]+)\)/g, (whole, href: string) => {
              try {
                return `](${new URL(href, RULES_DOC_URL).href})`;
              } catch {
                return whole;
              }
            }),
      )
      .join(''),
  );
}

/**
 * Plain text from the subset of Markdown docs/rules.md uses: links keep their text, code spans,
 * bold and italics lose their marks, HTML tags (`<kbd>`) are dropped, code blocks are indented.
 */
export function markdownToText(markdown: string): string {
  return mapProse(markdown, proseToText, (line) => (/^\s*```/.test(line) ? undefined : `    ${line}`))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function proseToText(paragraph: string): string {
  const linked = paragraph.replace(/\[([^\]]*)\]\([^()\s]*\)/g, '$1');
  return splitCode(linked)
    .map(({ code, text }) =>
      code
        ? text
        : text
            .replace(/<\/?[a-z][a-z0-9]*(\s[^>]*)?>/g, '')
            .replace(/\*\*([^*]+)\*\*/g, '$1')
            .replace(/(^|[^\w*])\*([^*\s](?:[^*]*[^*\s])?)\*(?![\w*])/g, '$1$2')
            .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1'),
    )
    .join('');
}

/**
 * A paragraph cut into code spans and the text between them: `raw` as written, `text` the span's
 * content (a line break in it read as a space, one space each side stripped, as CommonMark does).
 */
function splitCode(paragraph: string): { code: boolean; raw: string; text: string }[] {
  const parts: { code: boolean; raw: string; text: string }[] = [];
  let last = 0;
  for (const match of paragraph.matchAll(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ code: false, raw: paragraph.slice(last, at), text: paragraph.slice(last, at) });
    const content = (match[2] ?? '').replace(/\n[ \t]*/g, ' ');
    const text = /^ [\s\S]* $/.test(content) && content.trim() !== '' ? content.slice(1, -1) : content;
    parts.push({ code: true, raw: match[0], text });
    last = at + match[0].length;
  }
  if (last < paragraph.length) parts.push({ code: false, raw: paragraph.slice(last), text: paragraph.slice(last) });
  return parts;
}

/**
 * Applies `prose` to each paragraph outside code blocks, and `code` to each line of a code block
 * (fence lines included; `undefined` drops the line). Blank lines are kept.
 */
function mapProse(markdown: string, prose: (paragraph: string) => string, code: (line: string) => string | undefined = (line) => line): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  let fenced = false;
  const flush = () => {
    if (paragraph.length > 0) out.push(prose(paragraph.join('\n')));
    paragraph = [];
  };
  for (const line of markdown.split('\n')) {
    const fence = /^\s*```/.test(line);
    if (fenced || fence) {
      flush();
      if (fence) fenced = !fenced;
      const kept = code(line);
      if (kept !== undefined) out.push(kept);
    } else if (line.trim() === '') {
      flush();
      out.push('');
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return out.join('\n');
}
