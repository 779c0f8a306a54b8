import * as vscode from 'vscode';
import { gonogoHeadline, type ReleaseSummary } from '../core/summary';
import { engineTranslate } from './translate';

/**
 * Wording the Release view, the status bar and the hover share, in the display language. Every
 * count is a whole sentence per form ("1 error" / "{0} errors"), never a word with an "s" added.
 * The dashboard words the countdown the same way (src/shared/strings.ts, `countdownWords`); a unit
 * test holds the two to one English.
 */

/** "T-9 days", "T-1 day", "launch day", "1 day late", "3 days late", "no target date". */
export function countdown(daysLeft: number | undefined): string {
  if (daysLeft === undefined) return vscode.l10n.t('no target date');
  if (daysLeft === 0) return vscode.l10n.t('launch day');
  if (daysLeft === 1) return vscode.l10n.t('T-1 day');
  if (daysLeft === -1) return vscode.l10n.t('1 day late');
  if (daysLeft < 0) return vscode.l10n.t('{0} days late', -daysLeft);
  return vscode.l10n.t('T-{0} days', daysLeft);
}

/** The status bar's short form: "T-9", "launch day", "3 days late", "no date". */
export function countdownShort(daysLeft: number | undefined): string {
  if (daysLeft === undefined) return vscode.l10n.t('no date');
  return daysLeft > 0 ? vscode.l10n.t('T-{0}', daysLeft) : countdown(daysLeft);
}

export function errorCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', n);
}

export function warningCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', n);
}

/** "1 error, 0 warnings", "3 errors, 1 warning"…: one sentence per combination of forms. */
export function errorsAndWarnings(errors: number, warnings: number): string {
  if (errors === 1) return warnings === 1 ? vscode.l10n.t('1 error, 1 warning') : vscode.l10n.t('1 error, {0} warnings', warnings);
  return warnings === 1 ? vscode.l10n.t('{0} errors, 1 warning', errors) : vscode.l10n.t('{0} errors, {1} warnings', errors, warnings);
}

/** A task's estimate, short: "3d". */
export function daysShort(n: number): string {
  return vscode.l10n.t('{0}d', n);
}

/** The go/no-go in one line for the Release view, in the display language (core's headline, rendered through vscode.l10n). */
export function gonogoLine(summary: ReleaseSummary): string {
  return gonogoHeadline(summary, engineTranslate);
}

/** The launch as a state, for the status bar and the Release view: "Shipped 1.5.0 on 2026-12-18", "Rolled back on 2026-12-18". */
export function launchLine(shipped: { date: string; outcome: 'shipped' | 'rolled-back'; version?: string }): string {
  const { date, version } = shipped;
  if (shipped.outcome === 'rolled-back') return version !== undefined ? vscode.l10n.t('Rolled back {0} on {1}', version, date) : vscode.l10n.t('Rolled back on {0}', date);
  return version !== undefined ? vscode.l10n.t('Shipped {0} on {1}', version, date) : vscode.l10n.t('Shipped on {0}', date);
}
