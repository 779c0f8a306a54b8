import { dayNumber } from './dates';

/**
 * The one notion of "evidence that has happened". A dated record — a rehearsal, a dry run, a
 * `told:` date, a check-in, a go/no-go record — counts as evidence only when its date is on or
 * before the day the plan is checked. A future-dated record is a plan: shown as planned, never as
 * done. Every rule, the go/no-go and the summaries ask this module, never compare dates themselves.
 */
export type EvidenceState = 'happened' | 'planned' | 'undated';

export function evidenceState(date: unknown, today: string): EvidenceState {
  const day = dayNumber(date);
  const now = dayNumber(today);
  if (day === undefined || now === undefined) return 'undated';
  return day <= now ? 'happened' : 'planned';
}

/** True when `date` is a real date on or before `today`. */
export function hasHappened(date: unknown, today: string): date is string {
  return evidenceState(date, today) === 'happened';
}

/** The records whose date has happened, latest last (stable for equal dates). */
export function happenedRecords<T>(records: readonly T[], dateOf: (record: T) => unknown, today: string): T[] {
  return records
    .map((record, order) => ({ record, order, day: dayNumber(dateOf(record)) }))
    .filter((entry) => entry.day !== undefined && hasHappened(dateOf(entry.record), today))
    .sort((a, b) => (a.day as number) - (b.day as number) || a.order - b.order)
    .map((entry) => entry.record);
}

/** The latest record whose date has happened, or undefined. */
export function latestHappened<T>(records: readonly T[], dateOf: (record: T) => unknown, today: string): T | undefined {
  return happenedRecords(records, dateOf, today).pop();
}
