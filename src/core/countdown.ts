/**
 * The one wording of "how far is the target": the Release view, the status bar and the dashboard
 * all show it. Plain functions with no imports, so the webview bundles only this file.
 */

/** "T-9 days", "launch day", "3 days late", "no target date". */
export function tMinus(daysLeft: number | undefined): string {
  if (daysLeft === undefined) return 'no target date';
  if (daysLeft === 0) return 'launch day';
  if (daysLeft < 0) return `${days(-daysLeft)} late`;
  return `T-${days(daysLeft)}`;
}

/** The status bar's short form: "T-9", "launch day", "3 days late", "no date". */
export function tMinusShort(daysLeft: number | undefined): string {
  if (daysLeft === undefined) return 'no date';
  return daysLeft > 0 ? `T-${daysLeft}` : tMinus(daysLeft);
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`;
}
