import { countdownWords, type StringKey } from '../../src/shared/strings';
import { t } from './l10n';

/** Dates in plans are YYYY-MM-DD; the webview does day arithmetic in UTC, like the engine. */
export function dayNumber(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(time) ? undefined : Math.round(time / 86_400_000);
}

const MONTHS: readonly StringKey[] = ['monthJan', 'monthFeb', 'monthMar', 'monthApr', 'monthMay', 'monthJun', 'monthJul', 'monthAug', 'monthSep', 'monthOct', 'monthNov', 'monthDec'];

/** "16 Mar" (or "16 Mar 2099" when `withYear`), in the display language's words and order. */
export function shortDate(date: string, withYear = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const day = String(Number(m[3]));
  const key = MONTHS[Number(m[2]) - 1];
  const month = key ? t(key) : m[2]!;
  return withYear ? t('dateDayMonthYear', day, month, m[1]!) : t('dateDayMonth', day, month);
}

/** "T-9 days", "launch day", "3 days late", "no target date": the Release view's words (src/extension/words.ts). */
export function countdown(daysLeft: number | undefined): string {
  const [key, ...args] = countdownWords(daysLeft);
  return t(key, ...args);
}

/** One sentence per form: `count(n, 'taskCountOne', 'taskCount')` is "1 task" or "3 tasks". */
export function count(n: number, one: StringKey, many: StringKey): string {
  return n === 1 ? t(one) : t(many, n);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Natural order ("CR-2" before "CR-10"), case-insensitive. One collator: localeCompare is slow. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}
