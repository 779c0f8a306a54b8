import type { CheckResult } from '../../core/engine';
import { evaluateGonogo, type Verdict } from '../../core/gonogo';
import { english } from '../../core/message';
import { releaseHealth, summarizeRelease } from '../../core/summary';
import type { Severity } from '../../core/types';
import { countdownWords, formatMessage, WEBVIEW_STRINGS } from '../../shared/strings';
import { countText, type Shown } from '../output';
import { ruleDocUrl } from './ruleDocs';

/** At most this many findings are listed (a PR comment holds 65,536 characters); the rest are counted. */
export const MARKDOWN_MAX_FINDINGS = 100;

/**
 * Plan text as inline Markdown that renders as the same text and nothing else: no HTML (`<`, `>`,
 * `&` become entities), no emphasis, code, links, strikethrough, math or table cells (`\` `` ` ``
 * `*` `_` `[` `]` `|` `~` `#` `$` are backslash-escaped), no list or quote started at its front,
 * one line (CR and LF become spaces), and no @-mention that would notify people from a PR comment
 * (an invisible word joiner follows each `@`).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]|~#$]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '@\u2060')
    .replace(/^(\s*)([-+]|\d+(?=[.)]))/, (_, space: string, lead: string) => (/\d/.test(lead) ? `${space}${lead}\\` : `${space}\\${lead}`));
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
    lines.push(`## Release plan: ${escapeMarkdown(summary.name)}`, '');
    const health = releaseHealth(summary, english);
    const when = summary.target !== undefined ? `target ${escapeMarkdown(summary.target)}${summary.daysLeft !== undefined ? ` (${countdown(summary.daysLeft)})` : ''}` : 'no target date';
    lines.push(`**${HEALTH[health.verdict]}** · ${when} · checked as of ${today}`, '');
    if (summary.problem !== undefined && summary.problem.trim() !== '') lines.push(`> ${escapeMarkdown(summary.problem.trim())}`, '');
    for (const reason of health.reasons) lines.push(`- ${escapeMarkdown(reason)}`);
  } else {
    // release.yaml cannot be read: its finding says why; there is no name or date to show.
    lines.push('## Release plan', '');
    lines.push(`**${HEALTH['no-go']}** · release.yaml cannot be read · checked as of ${today}`, '');
    lines.push(`- ${escapeMarkdown(countText(countAll(result)))} in the plan`);
  }
  lines.push('');

  lines.push('### Go/no-go', '', '| # | Question | Verdict | Why |', '|---:|---|---|---|');
  gonogo.questions.forEach((question, index) => {
    const why = question.reasons.map(escapeMarkdown).join('<br>');
    lines.push(`| ${index + 1} | ${escapeMarkdown(question.question)} | ${VERDICT[question.verdict]} | ${why} |`);
  });
  lines.push('');

  const counted = countText(countShown(shown));
  const files = new Set(shown.map((f) => f.file)).size;
  lines.push(`### Findings${quiet ? ' (errors only)' : ''}`, '');
  if (shown.length === 0) {
    lines.push(quiet ? 'No errors.' : 'No findings.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${counted} in ${files === 1 ? '1 file' : `${files} files`}.`, '');
  const listed = shown.slice(0, MARKDOWN_MAX_FINDINGS);
  const byFile = new Map<string, Shown[]>();
  for (const finding of listed) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  for (const [file, group] of byFile) {
    lines.push(`#### ${escapeMarkdown(file)}`, '', '| Line | Severity | Finding | Rule |', '|---:|---|---|---|');
    for (const f of group) lines.push(`| ${f.line} | ${SEVERITY[f.severity]} | ${escapeMarkdown(f.message)} | [${escapeMarkdown(f.code)}](${ruleDocUrl(f.code)}) |`);
    lines.push('');
  }
  const more = shown.length - listed.length;
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
