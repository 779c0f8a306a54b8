export { tMinus } from '../../src/core/countdown';
/** Dates in plans are YYYY-MM-DD; the webview does day arithmetic in UTC, like the engine. */
export function dayNumber(date: string | undefined): number | undefined {
  if (!date) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(t) ? undefined : Math.round(t / 86_400_000);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "16 Mar" (or "16 Mar 2099" when `withYear`). */
export function shortDate(date: string, withYear = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const day = String(Number(m[3]));
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  return withYear ? `${day} ${month} ${m[1]}` : `${day} ${month}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Natural order ("CR-2" before "CR-10"), case-insensitive. One collator: localeCompare is slow. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}
