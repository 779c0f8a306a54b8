import { checkPlan, type CheckResult } from '../../src/core/engine';
import type { Finding } from '../../src/core/types';

export const TODAY = '2026-12-01';

/** A complete, clean release.yaml as of TODAY; tests override parts of it. */
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
  - id: T2
    title: Download button
    owner: Cy
    status: todo
    estimate: 1
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

export function files(entries: Record<string, string | undefined>): Map<string, string> {
  const map = new Map<string, string>();
  const all: Record<string, string | undefined> = { 'release.yaml': CLEAN_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK, ...entries };
  for (const [name, text] of Object.entries(all)) if (text !== undefined) map.set(`.release/${name}`, text);
  return map;
}

export function check(entries: Record<string, string | undefined> = {}, today = TODAY): CheckResult {
  return checkPlan(files(entries), { today });
}

export function codes(result: CheckResult | Finding[]): string[] {
  const findings = Array.isArray(result) ? result : result.findings;
  return findings.map((f) => f.code);
}

export function only(result: CheckResult, code: string): Finding[] {
  return result.findings.filter((f) => f.code === code);
}

/** The text a finding's range covers, in the given file text. */
export function covered(text: string, finding: Finding): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (finding.range.start.line === finding.range.end.line) {
    return (lines[finding.range.start.line] ?? '').slice(finding.range.start.character, finding.range.end.character);
  }
  const first = (lines[finding.range.start.line] ?? '').slice(finding.range.start.character);
  const middle = lines.slice(finding.range.start.line + 1, finding.range.end.line);
  const last = (lines[finding.range.end.line] ?? '').slice(0, finding.range.end.character);
  return [first, ...middle, last].join('\n');
}

/** Replaces one exact snippet of the clean release (fails loudly if it is not there). */
export function releaseWith(find: string, replace: string, base = CLEAN_RELEASE): string {
  if (!base.includes(find)) throw new Error(`fixture does not contain: ${find}`);
  return base.replace(find, replace);
}
