import type { CheckResult } from '../../core/engine';
import { evaluateGonogo, type Verdict } from '../../core/gonogo';
import { english } from '../../core/message';
import { releaseHealth, summarizeRelease } from '../../core/summary';
import type { Severity } from '../../core/types';
import { countdownWords, formatMessage, WEBVIEW_STRINGS } from '../../shared/strings';
import { countText, oneLine, type Shown } from '../output';
import { ruleDocUrl } from './ruleDocs';

/** At most this many findings are listed (a PR comment holds 65,536 characters); the rest are counted. */
export const MARKDOWN_MAX_FINDINGS = 100;

/** At most this many reasons are shown for each go/no-go question; the rest are counted. */
export const MARKDOWN_MAX_REASONS = 5;

/** At most this many reasons are listed under the verdict (every unreadable go/no-go record is one). */
export const MARKDOWN_MAX_VERDICT_REASONS = 10;

/** A message, a reason, the release's name or its problem is cut after this many characters of Markdown, with "…". */
export const MARKDOWN_MAX_TEXT = 400;

/**
 * The findings are listed while the summary stays under this many characters, so that it fits a
 * pull-request comment (65,536) with room for the line that counts the rest.
 */
export const MARKDOWN_MAX_CHARS = 60_000;

/**
 * Plan text as inline Markdown that renders as the same text and nothing else: no HTML (`<`, `>`,
 * `&` become entities), no emphasis, code, links, strikethrough, math or table cells (`\` `` ` ``
 * `*` `_` `[` `]` `|` `~` `#` `$` are backslash-escaped), no list or quote started at its front,
 * one line (every line break becomes a space), no @-mention that would notify people from a PR
 * comment, and no link to an issue or pull request (`#123`, `owner/repo#1`, `GH-123`, which GitHub
 * links after rendering, even when escaped): an invisible word joiner (U+2060) follows each `@`
 * and each `#`, and goes between `GH` and `-123`.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_[\]|~#$]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '@\u2060')
    .replace(/#/g, '#\u2060')
    .replace(/\b(gh)(?=-\d)/gi, '$1\u2060')
    .replace(/^(\s*)([-+]|\d+(?=[.)]))/, (_, space: string, lead: string) => (/\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`));
}

/**
 * `escapeMarkdown(text)`, cut to at most `max` characters and then "…" when it is longer (a
 * message that lists 2000 tasks). The cut is made in the plan text before escaping, so it never
 * splits an escape or an entity.
 */
export function escapeCut(text: string, max = MARKDOWN_MAX_TEXT): string {
  const escaped = escapeMarkdown(text);
  if (escaped.length <= max) return escaped;
  const characters = Array.from(text);
  // The longest start of the text whose escaped form fits: escaping only ever adds characters.
  let low = 0;
  let high = characters.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (escapeMarkdown(characters.slice(0, middle).join('')).length <= max) low = middle;
    else high = middle - 1;
  }
  return `${escapeMarkdown(characters.slice(0, low).join('')).trimEnd()}…`;
}

const moreReasons = (more: number) => `…and ${more} more ${more === 1 ? 'reason' : 'reasons'}: run \`release-plan gonogo\` for all of them.`;

/** The first `max` items, then "…and N more …" when there are more. */
function capped(items: readonly string[], max: number, more: (count: number) => string): string[] {
  return items.length <= max ? [...items] : [...items.slice(0, max), more(items.length - max)];
}

const HEALTH = { go: '🟢 Go', 'at-risk': '🟡 At risk', 'no-go': '🔴 No-go' } as const;
const VERDICT: Record<Verdict, string> = { pass: '✅ Pass', fail: '❌ Fail', 'needs-answer': '❓ Needs an answer' };
const SEVERITY: Record<Severity, string> = { error: '🔴 error', warning: '🟡 warning', info: '🔵 info' };

/** "T-9 days", "T-1 day", "launch day", "1 day late", "3 days late": the dashboard's English words. */
export function countdown(daysLeft: number | undefined): string {
  const [key, ...args] = countdownWords(daysLeft);
  return formatMessage(WEBVIEW_STRINGS[key], args);
}

export interface MarkdownOptions {
  result: CheckResult;
  /** The findings to list (after --quiet), paths relative to the repository root. */
  shown: readonly Shown[];
  today: string;
  quiet: boolean;
}

/**
 * A release summary for `$GITHUB_STEP_SUMMARY` or a pull-request comment: the release's name, how
 * far the target is, the verdict with its reasons, the five go/no-go questions, and the findings
 * grouped by file with a link to each code's documentation. In English, like the rest of the CLI.
 */
export function markdownSummary({ result, shown, today, quiet }: MarkdownOptions): string {
  const summary = summarizeRelease(result);
  const gonogo = evaluateGonogo(result, english);
  const lines: string[] = [];

  if (summary) {
    lines.push(`## Release plan: ${escapeCut(summary.name)}`, '');
    const health = releaseHealth(summary, english);
    const launched = gonogo.shipped;
    // After launch the countdown is history: the target is shown as it was, next to the launch.
    const countdownText = summary.daysLeft !== undefined && !launched ? ` (${countdown(summary.daysLeft)})` : '';
    const when = summary.target !== undefined ? `target ${escapeCut(summary.target)}${countdownText}` : 'no target date';
    const verdict = launched ? `${launched.outcome === 'rolled-back' ? '↩️ Rolled back' : '🚀 Shipped'} ${escapeCut(launched.date)}` : HEALTH[health.verdict];
    lines.push(`**${verdict}** · ${when} · checked as of ${today}`, '');
    if (summary.problem !== undefined && summary.problem.trim() !== '') lines.push(`> ${escapeCut(summary.problem.trim())}`, '');
    const reasons = capped(health.reasons.map((reason) => escapeCut(reason)), MARKDOWN_MAX_VERDICT_REASONS, moreReasons);
    for (const reason of reasons) lines.push(`- ${reason}`);
  } else {
    // release.yaml cannot be read: its finding says why; there is no name or date to show.
    lines.push('## Release plan', '');
    lines.push(`**${HEALTH['no-go']}** · release.yaml cannot be read · checked as of ${today}`, '');
    lines.push(`- ${escapeMarkdown(countText(countAll(result)))} in the plan`);
  }
  lines.push('');

  lines.push('### Go/no-go', '');
  if (gonogo.shipped) {
    // After launch every question says the same: once is enough.
    lines.push(escapeCut(gonogo.shipped.message));
  } else {
    lines.push('| # | Question | Verdict | Why |', '|---:|---|---|---|');
    gonogo.questions.forEach((question, index) => {
      const reasons = question.reasons.slice(0, MARKDOWN_MAX_REASONS + 1).map((reason) => escapeCut(reason));
      const why = capped(reasons, MARKDOWN_MAX_REASONS, () => moreReasons(question.reasons.length - MARKDOWN_MAX_REASONS)).join('<br>');
      lines.push(`| ${index + 1} | ${escapeMarkdown(question.question)} | ${VERDICT[question.verdict]} | ${why} |`);
    });
  }
  lines.push('');

  const counted = countText(countShown(shown));
  const files = new Set(shown.map((f) => f.file)).size;
  lines.push(`### Findings${quiet ? ' (errors only)' : ''}`, '');
  if (shown.length === 0) {
    lines.push(quiet ? 'No errors.' : 'No findings.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${counted} in ${files === 1 ? '1 file' : `${files} files`}.`, '');
  // The first findings, grouped by file: at most MARKDOWN_MAX_FINDINGS, and only while the
  // summary stays under MARKDOWN_MAX_CHARS.
  const heading = (file: string) => [`#### ${escapeMarkdown(file)}`, '', '| Line | Severity | Finding | Rule |', '|---:|---|---|---|'];
  const row = (f: Shown) => `| ${f.line} | ${SEVERITY[f.severity]} | ${[escapeCut(f.message), ...(f.related ?? []).slice(0, MARKDOWN_MAX_REASONS).map((r) => `↳ ${escapeCut(r.message)}`)].join('<br>')} | [${escapeMarkdown(f.code)}](${ruleDocUrl(f.code)}) |`;
  const size = (block: readonly string[]) => block.reduce((total, line) => total + line.length + 1, 0);
  let used = size(lines);
  const byFile = new Map<string, string[]>();
  let listed = 0;
  for (const f of shown.slice(0, MARKDOWN_MAX_FINDINGS)) {
    const line = row(f);
    const cost = size([line]) + (byFile.has(f.file) ? 0 : size([...heading(f.file), '']));
    if (used + cost > MARKDOWN_MAX_CHARS) break;
    used += cost;
    byFile.set(f.file, [...(byFile.get(f.file) ?? []), line]);
    listed++;
  }
  for (const [file, rows] of byFile) lines.push(...heading(file), ...rows, '');
  const more = shown.length - listed;
  if (more > 0) lines.push(`…and ${more} more ${more === 1 ? 'finding' : 'findings'} not listed here: run \`release-plan check\` for all of them.`, '');
  return `${lines.join('\n').trimEnd()}\n`;
}

function countShown(shown: readonly Shown[]) {
  return {
    errors: shown.filter((f) => f.severity === 'error').length,
    warnings: shown.filter((f) => f.severity === 'warning').length,
    infos: shown.filter((f) => f.severity === 'info').length,
    files: new Set(shown.map((f) => f.file)).size,
  };
}

function countAll(result: CheckResult) {
  const counts = { errors: 0, warnings: 0, infos: 0, files: 0 };
  for (const f of result.findings) counts[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  return counts;
}
