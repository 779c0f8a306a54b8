import type { Summary } from '../core/engine';
import type { Severity } from '../core/types';

/** A finding as the CLI prints it: path relative to the current folder, 1-based positions. */
export interface Shown {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  /** Places that explain the finding (each move of a target date), same paths and positions. */
  related?: ShownRelated[];
}

/** A finding's related information as the CLI prints it. */
export interface ShownRelated {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface Paint {
  severity: (severity: Severity, text: string) => string;
  header: (text: string) => string;
  dim: (text: string) => string;
  bold: (text: string) => string;
}

const wrap = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const SEVERITY_COLOUR: Record<Severity, (text: string) => string> = { error: wrap(31, 39), warning: wrap(33, 39), info: wrap(36, 39) };

export function paint(colour: boolean): Paint {
  if (!colour) return { severity: (_, text) => text, header: (text) => text, dim: (text) => text, bold: (text) => text };
  return { severity: (severity, text) => SEVERITY_COLOUR[severity](text), header: wrap(4, 24), dim: wrap(2, 22), bold: wrap(1, 22) };
}

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Colour on a terminal only. `FORCE_COLOR` wins (as in node itself): `0` or `false` turns colour
 * off, any other value turns it on even in a pipe; otherwise a non-empty `NO_COLOR` turns it off.
 */
export function wantsColour(isTTY: boolean, env: Env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY;
}

/**
 * Every kind of line break: CR, LF (and CRLF), VT, FF, the file, group and record separators,
 * NEL, and the Unicode line and paragraph separators. Terminals, editors, CI runners and problem
 * matchers split lines on one or another of them.
 */
const LINE_BREAKS = /\r\n|[\n\v\f\r\x1c-\x1e\x85\u2028\u2029]/g;

/** Plan text (an id, a title, a reason, a file name) as part of one printed line: each line break becomes a space. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ');
}

/**
 * A line of text output that a GitHub Actions runner prints and nothing else. The runner executes
 * a log line as a workflow command when it starts with `::` after leading spaces
 * (`::error file=…::…`), and the legacy form `##[command]` anywhere in a line. Plan text is put on
 * one line (`oneLine`), then an invisible word joiner (U+2060) goes between the colons of a
 * leading `::` and between `##` and `[`, so the line reads as written but is not a command.
 */
export function inertLine(line: string): string {
  return oneLine(line)
    .replace(/^(\s*):(?=:)/, '$1:\u2060')
    .replace(/##\[/g, '##\u2060[');
}

/** `path:line:col: severity code: message`, the form CI logs and editors' problem matchers parse; one line per finding. */
export function flatLines(shown: readonly Shown[], p: Paint): string[] {
  // Related information goes on indented lines under its finding: no problem matcher reads them as findings.
  return shown.flatMap((f) => [`${oneLine(f.file)}:${f.line}:${f.column}: ${p.severity(f.severity, f.severity)} ${f.code}: ${oneLine(f.message)}`, ...(f.related ?? []).map((r) => `    ${oneLine(r.file)}:${r.line}:${r.column}: ${oneLine(r.message)}`)]);
}

/** Grouped by file for a person at a terminal: the path once, then `line:col  severity  message  code`. */
export function stylishLines(shown: readonly Shown[], p: Paint): string[] {
  const lines: string[] = [];
  const byFile = new Map<string, Shown[]>();
  for (const finding of shown) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  for (const [file, group] of byFile) {
    const where = group.map((f) => `${f.line}:${f.column}`);
    const whereWidth = Math.max(...where.map((text) => text.length));
    const severityWidth = Math.max(...group.map((f) => f.severity.length));
    lines.push(p.header(oneLine(file)));
    group.forEach((f, index) => {
      lines.push(`  ${p.dim((where[index] ?? '').padEnd(whereWidth))}  ${p.severity(f.severity, f.severity.padEnd(severityWidth))}  ${oneLine(f.message)}  ${p.dim(f.code)}`);
      // Related information under the message's column: its place (the file too when another), then what happened there.
      for (const r of f.related ?? []) lines.push(`${' '.repeat(2 + whereWidth + 2 + severityWidth + 2)}${p.dim(`${r.file === f.file ? '' : `${oneLine(r.file)}:`}${r.line}:${r.column}`)} ${oneLine(r.message)}`);
    });
    lines.push('');
  }
  return lines;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "1 error, 2 warnings" (and ", 1 info" when there are infos), or "no problems". */
export function countText(summary: Summary): string {
  if (summary.errors + summary.warnings + summary.infos === 0) return 'no problems';
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (summary.infos > 0) parts.push(plural(summary.infos, 'info'));
  return parts.join(', ');
}

export function summaryLine(summary: Summary, folder: string, today: string, p: Paint): string {
  const counts = countText(summary);
  const painted = summary.errors > 0 ? p.severity('error', counts) : summary.warnings > 0 ? p.severity('warning', counts) : counts;
  return `release-plan: ${p.bold(painted)} in ${folder} (checked as of ${today}).`;
}
