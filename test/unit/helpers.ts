import { render, type Message } from '../../src/core/message';
import { assertComposed } from './composed';
import { checkPlan, type CheckResult } from '../../src/core/engine';
import type { Timeline } from '../../src/core/timeline';
import type { Finding } from '../../src/core/types';

export const TODAY = '2026-12-01';

/**
 * A complete, clean release.yaml as of TODAY (after freeze.features); tests override parts of it.
 * Its tasks say when they joined (`added:`), so no freeze leaves them undated (scope-added-unknown).
 */
export const CLEAN_RELEASE = `release: invoices-v1
problem: Customers cannot download their invoices as PDF.
target: 2026-12-18
backup: 2026-12-23
freeze:
  scope: 2026-12-10
  features: 2026-11-30
roles:
  scope: Ana
  delivery: Bo
  readiness: Cy
  stop: Ana
dry_run:
  date: 2026-11-28
  environment: staging
tasks:
  - id: T1
    title: PDF export endpoint
    owner: Bo
    status: doing
    estimate: 2
    added: 2026-11-16
  - id: T2
    title: Download button
    owner: Cy
    status: todo
    estimate: 1
    added: 2026-11-16
parked:
  - title: CSV export
    reason: not the problem we solve
    asked_by: Dee
    told: 2026-11-29
`;

export const CLEAN_ROLLBACK = `stable:
  version: "1.4.2"
roles:
  decides: Ana
  runs: Bo
  verifies: Cy
triggers:
  - signal: error rate
    threshold: "> 2%"
    for: 5m
steps:
  - Redeploy 1.4.2.
  - Check users are on 1.4.2.
target_minutes: 15
rehearsals:
  - date: 2026-11-27
    environment: staging
    minutes: 11
    by: Bo
`;

/** Yesterday's daily check-in: work has started (T1 is doing), so a plan without one gets checkin-stale. */
export const CLEAN_CHECKIN_FILE = 'checkins/2026-11-30.yaml';
export const CLEAN_CHECKIN = `shipped:
  - PDF export endpoint skeleton
`;

/** The clean fixtures (release, rollback, yesterday's check-in) with `entries` replacing or removing files. */
function fixtures(entries: Record<string, string | undefined>): Record<string, string | undefined> {
  return { 'release.yaml': CLEAN_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN, ...entries };
}

export function files(entries: Record<string, string | undefined>): Map<string, string> {
  const map = new Map<string, string>();
  const all = fixtures(entries);
  for (const [name, text] of Object.entries(all)) if (text !== undefined) map.set(`.release/${name}`, text);
  return map;
}

/** Checks a plan; every test that does also holds each finding to being composed from plan data (see composed.ts). */
export function check(entries: Record<string, string | undefined> = {}, today = TODAY, timeline?: Timeline): CheckResult {
  const plan = files(entries);
  const result = checkPlan(plan, { today, ...(timeline ? { timeline } : {}) });
  assertComposed(result.findings, plan, timeline);
  return result;
}

export function codes(result: CheckResult | Finding[]): string[] {
  const findings = Array.isArray(result) ? result : result.findings;
  return findings.map((f) => f.code);
}

export function only(result: CheckResult, code: string): Finding[] {
  return result.findings.filter((f) => f.code === code);
}

/** The text a finding's range covers, in the given file text (lines as editors count them). */
export function covered(text: string, finding: Finding): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (finding.range.start.line === finding.range.end.line) {
    return (lines[finding.range.start.line] ?? '').slice(finding.range.start.character, finding.range.end.character);
  }
  const first = (lines[finding.range.start.line] ?? '').slice(finding.range.start.character);
  const middle = lines.slice(finding.range.start.line + 1, finding.range.end.line);
  const last = (lines[finding.range.end.line] ?? '').slice(0, finding.range.end.character);
  return [first, ...middle, last].join('\n');
}

/** The clean release with tasks that do not say when they joined: what the plan's git history dates (or nothing does). */
export const CLEAN_RELEASE_UNDATED = CLEAN_RELEASE.replaceAll('    added: 2026-11-16\n', '');

/** Replaces one exact snippet of the clean release (fails loudly if it is not there). */
export function releaseWith(find: string, replace: string, base = CLEAN_RELEASE): string {
  if (!base.includes(find)) throw new Error(`fixture does not contain: ${find}`);
  return base.replace(find, replace);
}

/** The text of a plan file as `check(entries)` saw it (the clean fixtures unless overridden). */
export function textOf(entries: Record<string, string | undefined>, file: string): string {
  const name = file.replace(/^\.release\//, '');
  const text = fixtures(entries)[name];
  if (text === undefined) throw new Error(`no text for ${file}`);
  return text;
}

/** The single finding with `code` (fails, listing what was found, unless there is exactly one). */
export function single(result: CheckResult, code: string): Finding {
  const found = only(result, code);
  if (found.length !== 1) {
    throw new Error(`expected exactly one ${code}, got ${found.length}: ${result.findings.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`).join(', ') || 'no findings'}`);
  }
  return found[0] as Finding;
}

/**
 * Checks `entries` and asserts exactly one `code` finding in `file`, with `severity`, whose range
 * covers exactly `text`. Returns the finding for further checks.
 */
export function expectFinding(entries: Record<string, string | undefined>, code: string, expected: { severity: Finding['severity']; covers: string; file?: string; today?: string; timeline?: Timeline }): Finding {
  const result = check(entries, expected.today, expected.timeline);
  const finding = single(result, code);
  const file = expected.file ?? '.release/release.yaml';
  if (finding.file !== file) throw new Error(`${code} is in ${finding.file}, expected ${file}`);
  if (finding.severity !== expected.severity) throw new Error(`${code} has severity ${finding.severity}, expected ${expected.severity}`);
  const got = covered(textOf(entries, file), finding);
  if (got !== expected.covers) throw new Error(`${code} covers ${JSON.stringify(got)}, expected ${JSON.stringify(expected.covers)}`);
  return finding;
}

/** Asserts that checking `entries` gives no `code` finding. */
export function expectNo(entries: Record<string, string | undefined>, code: string, today?: string, timeline?: Timeline): CheckResult {
  const result = check(entries, today, timeline);
  const found = only(result, code);
  if (found.length > 0) throw new Error(`expected no ${code}, got: ${found.map((f) => f.message).join(' | ')}`);
  return result;
}

/**
 * Why `finding`'s range is not inside `text` (the raw file, BOM included), or undefined if it is.
 * Lines are counted the way editors count them: \r\n, \n and a lone \r each end a line.
 */
export function outsideReason(text: string, finding: Finding): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const { start, end } = finding.range;
  for (const [name, pos] of [['start', start], ['end', end]] as const) {
    if (!Number.isInteger(pos.line) || !Number.isInteger(pos.character) || pos.line < 0 || pos.character < 0) return `${name} ${JSON.stringify(pos)} is not a position`;
    if (pos.line >= lines.length) return `${name} line ${pos.line} is past the last line (${lines.length} lines)`;
    const length = (lines[pos.line] ?? '').length;
    if (pos.character > length) return `${name} ${JSON.stringify(pos)} is past the end of its line (${length} characters)`;
  }
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `start ${JSON.stringify(start)} is after end ${JSON.stringify(end)}`;
  return undefined;
}

/** Asserts that every finding lies inside the text of its file in `plan`. */
export function assertRangesInside(plan: ReadonlyMap<string, string>, findings: readonly Finding[]): void {
  for (const finding of findings) {
    const text = plan.get(finding.file);
    if (text === undefined) throw new Error(`${finding.code} is in ${finding.file}, which is not in the plan`);
    const reason = outsideReason(text, finding);
    if (reason) throw new Error(`${finding.file}: ${finding.code} range is outside the file: ${reason}`);
  }
}

/** A ready sentence as a message, for tests that hand the engine a reason (an unreadable file's). */
export function said(text: string): Message {
  return { id: 'test/said', template: text, args: {} };
}

/** A message in English, or '' for none: for tests that read a reason. */
export function english(message: Message | undefined): string {
  return message ? render(message) : '';
}

/**
 * Texts that YAML could read differently from how they are written (review 12b): line breaks of
 * every kind, indicators at the start (`---`, `...`, `|`, `>`, `- `, `? `, `: `, `#`, `&`, `*`, `!`,
 * `%`, `@`, a backtick), words YAML reads as other types, controls, a byte-order mark, spaces at
 * either end, the empty text and a very long one. Every value written into a plan must read back as itself.
 */
export const HOSTILE_TEXTS: readonly string[] = [
  'a\nb', 'a\r\nb', '\n', '\r', 'a\u0085b', 'a\u2028b', 'a\u2029b', 'x\u007fy', 'x\u0080y', 'x\u009fy', '\u0000', 'a\tb', '\t',
  ' lead', 'trail ', '  \n  ', '\ud800', '\udfff x', 'a\u200bb', '\ufeffbom', '"', "'", '\\', '\\n', '#', ' #x', 'a #b', ': x',
  ': v', 'a: b', '- x', '- a', '[x', '{x', '*x', '*a', '&x', '&a', '!x', '!t', '|', '>', '|-', '>+ x', '%x', '%', '@x', '@', '`x', '`',
  '?', '? x', '? k', '---', '...', '--- x', '... y', '----', '...and send invoices by e-mail', '--- \t', 'null', '~', 'true', 'no',
  'yes', 'off', '0o17', '0x1F', '1e3', '.inf', '.nan', '2099-01-01', '12:30', 'a\n#b', 'a\n- b', 'a\n  b: c', 'x'.repeat(5000), 'é',
  '😀', 'a\u000bb', 'a\u000cb', 'a\u001bb', '\u00a0', 'a\n\nb', '\n\nlead', 'trail\n', 'a\r', '"\n"', "'\n'", '\\\n', '\u2028', 'x\u0085',
  ' \u0085', '', ' ', 'a, b', '[a]', '{a: b}', 'a,b', '\t lead', 'trail \t',
];
