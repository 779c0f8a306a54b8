import type { Severity } from '../../core/types';
import type { Shown } from '../output';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A command's message, escaped as `@actions/core` does: `%`, CR and LF. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as data, plus `:` and `,`, which end a value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One GitHub Actions workflow command per finding:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<code>::<message>` (`warning`, and
 * `notice` for an info). GitHub accepts columns only on a one-line annotation, so a finding that
 * spans lines gives `line` and `endLine` without columns. Paths are relative to the repository root.
 */
export function githubLines(shown: readonly Shown[]): string[] {
  return shown.map((f) => {
    const properties: [string, string | number][] = [['file', f.file], ['line', f.line]];
    if (f.endLine === f.line) properties.push(['col', f.column], ['endLine', f.endLine], ['endColumn', f.endColumn]);
    else properties.push(['endLine', f.endLine]);
    properties.push(['title', f.code]);
    const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
    // An annotation has one place: its related information follows the message, one line each.
    const message = [f.message, ...(f.related ?? []).map((r) => `- ${r.message}`)].join('\n');
    return `::${COMMAND[f.severity]} ${props}::${escapeData(message)}`;
  });
}
