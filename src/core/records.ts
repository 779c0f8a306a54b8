import { isMap, isSeq, parseDocument, stringify, YAMLSeq, type YAMLMap } from 'yaml';
import type { GonogoResult, QuestionId } from './gonogo';
import { defineMessages, type Message } from './message';

/**
 * What is said about records (the records' own YAML is file content, not here): why today's
 * go/no-go record cannot take a second decision (a clause, shown after "Could not edit …: "), and
 * how a rehearsal compares — one sentence per frame, its comparisons as phrases put in it.
 */
const messages = defineMessages({
  'record/gonogo-unreadable': "today's go/no-go record has errors; fix it first so its decision is not lost",
  'record/rehearsal': 'The rollback took {minutes} min.',
  'record/rehearsal/target': 'The rollback took {minutes} min, {target}.',
  'record/rehearsal/previous': 'The rollback took {minutes} min, {previous}.',
  'record/rehearsal/target/previous': 'The rollback took {minutes} min, {target}, {previous}.',
  'record/rehearsal/within-target': 'within the {target}-min target',
  'record/rehearsal/over-target': '{over} min over the {target}-min target',
  'record/rehearsal/same': 'the same as last time',
  'record/rehearsal/faster': '{delta} min faster than last time ({previous} min)',
  'record/rehearsal/slower': '{delta} min slower than last time ({previous} min)',
});

export interface RecordedAnswer {
  answer: 'yes' | 'no';
  evidence?: string;
}

/**
 * The `gonogo/DATE.yaml` a go/no-go run writes: every question with its answer and evidence,
 * whether the plan answered it or a person did. A `no-go` is a veto until a later record says go;
 * its `reason` tells the team what to fix.
 */
export function gonogoRecord(result: GonogoResult, decision: 'go' | 'no-go', decidedBy: string, given: Partial<Record<QuestionId, RecordedAnswer>>, reason?: string, at?: string): string {
  const answers = result.questions.map((question) => {
    // A plan-only question is the plan's to answer: a person's answer is not written for it.
    const person = question.planOnly ? undefined : given[question.id];
    if (person) return { id: question.id, answer: person.answer, ...(person.evidence ? { evidence: person.evidence } : {}) };
    const answer = question.verdict === 'pass' ? 'yes' : 'no';
    return { id: question.id, answer, evidence: question.reasons.join(' ').slice(0, 500) };
  });
  const header = `# Go/no-go decision. Written by Release Plan; the questions are in the README.\n`;
  const why = reason?.trim() ? { reason: reason.trim() } : {};
  return header + stringify({ decision, decided_by: decidedBy, ...why, ...(at ? { at } : {}), answers }, { lineWidth: 0 });
}

/**
 * A second go/no-go on the same day keeps the first: the day's file gets the new decision as its
 * own fields (the latest counts) and the earlier one — its fields with their comments, as written —
 * under `earlier:` (a single earlier decision written as a map becomes the list's first item).
 * Refused when the existing file cannot be read, rather than written over.
 */
export function appendGonogoRecord(existing: string | undefined, record: string): { ok: true; text: string } | { ok: false; reason: Message } {
  if (existing === undefined || existing.trim() === '') return { ok: true, text: record };
  const before = parseDocument(existing);
  if (before.errors.length > 0 || !isMap(before.contents)) return { ok: false, reason: messages('record/gonogo-unreadable') };
  const previous = before.contents;
  const earlierNode = previous.get('earlier', true);
  previous.delete('earlier');
  const next = parseDocument(record);
  const earlier = new YAMLSeq();
  if (isSeq(earlierNode)) for (const item of earlierNode.items) earlier.items.push(item);
  else if (earlierNode !== undefined && earlierNode !== null) earlier.items.push(earlierNode);
  earlier.items.push(previous);
  (next.contents as YAMLMap).set('earlier', earlier);
  return { ok: true, text: next.toString({ lineWidth: 0 }) };
}

/** Blocks are `{ what, clears }`; an empty `clears` is left out so the rule can flag it. */
export function checkinRecord(shipped: string[], blocks: { what: string; clears?: string }[]): string {
  const body = {
    shipped,
    blocks: blocks.map((block) => ({ what: block.what, ...(block.clears ? { clears: block.clears } : {}) })),
  };
  return `# Daily check-in: what shipped yesterday, what blocks today, who removes each block.\n${stringify(body, { lineWidth: 0 })}`;
}

/** Minutes between two instants, rounded to a tenth: what a rehearsal records. */
export function elapsedMinutes(startMs: number, endMs: number): number {
  return Math.round(((endMs - startMs) / 60_000) * 10) / 10;
}

/** How a rehearsal compares with the target and the previous one, in one sentence. */
export function compareRehearsal(minutes: number, targetMinutes: number | undefined, previous: number | undefined): Message {
  const target =
    targetMinutes === undefined
      ? undefined
      : minutes <= targetMinutes
        ? messages('record/rehearsal/within-target', { target: targetMinutes })
        : messages('record/rehearsal/over-target', { over: Math.round((minutes - targetMinutes) * 10) / 10, target: targetMinutes });
  const last = previous === undefined ? undefined : sinceLast(minutes, previous);
  if (target && last) return messages('record/rehearsal/target/previous', { minutes, target, previous: last });
  if (target) return messages('record/rehearsal/target', { minutes, target });
  if (last) return messages('record/rehearsal/previous', { minutes, previous: last });
  return messages('record/rehearsal', { minutes });
}

/** "1.5 min faster than last time (12 min)": how a rehearsal compares with the previous one. */
function sinceLast(minutes: number, previous: number): Message {
  const delta = Math.round((minutes - previous) * 10) / 10;
  if (delta === 0) return messages('record/rehearsal/same');
  return delta < 0 ? messages('record/rehearsal/faster', { delta: -delta, previous }) : messages('record/rehearsal/slower', { delta, previous });
}
