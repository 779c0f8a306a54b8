/**
 * Calendar dates as `YYYY-MM-DD` strings. Plans name days, not instants, so everything here works
 * on whole UTC days and never reads the clock: "today" is always passed in.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a valid ISO date, or undefined (also for 2026-02-30). */
export function dayNumber(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return Math.round(ms / DAY_MS);
}

export function isIsoDate(value: unknown): value is string {
  return dayNumber(value) !== undefined;
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const day = dayNumber(date);
  if (day === undefined) throw new RangeError(`not an ISO date: ${date}`);
  return formatDay(day + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number | undefined {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === undefined || b === undefined ? undefined : b - a;
}

/** Monday-to-Friday days d with from <= d < to: the working days left before a date. */
export function workingDaysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === undefined || b === undefined || b <= a) return 0;
  let count = 0;
  for (let day = a; day < b; day++) {
    // 1970-01-01 was a Thursday: (day + 4) % 7 gives 0 for Sunday.
    const weekday = (day + 4) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

/**
 * The real current date where the person is (local time), for callers (CLI, extension) that
 * default "today": a plan's day rolls over at local midnight, not at midnight UTC.
 */
export function todayIso(now: Date = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Milliseconds from `now` to the next local midnight (at least 1 s, so a timer never spins). */
export function msToNextLocalMidnight(now: Date = new Date()): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
  return Math.max(1000, next.getTime() - now.getTime());
}
