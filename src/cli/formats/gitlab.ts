import type { Severity } from '../../core/types';
import type { Shown } from '../output';

/** A GitLab Code Quality issue (the Code Climate fields GitLab reads). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number } };
}

/**
 * Errors fail the check and make the release a no-go: `critical`, above other tools' style
 * findings in the merge request widget. Warnings are `minor`, infos `info`. `blocker` and `major`
 * are not used.
 */
export const GITLAB_SEVERITY: Record<Severity, CodeQualityIssue['severity']> = { error: 'critical', warning: 'minor', info: 'info' };

/**
 * The findings as a GitLab Code Quality report (a JSON array), paths relative to the repository
 * root; `ids` are their fingerprints (`fingerprints()`), in the same order.
 */
export function gitlabReport(shown: readonly Shown[], ids: readonly string[]): CodeQualityIssue[] {
  return shown.map((f, i) => ({
    description: f.message,
    check_name: f.code,
    fingerprint: ids[i] ?? '',
    severity: GITLAB_SEVERITY[f.severity],
    location: { path: f.file, lines: { begin: f.line } },
  }));
}
