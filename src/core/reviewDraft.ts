import { dayNumber, workingDaysBetween } from './dates';
import { hasHappened } from './evidence';
import { shippedRecord } from './launch';
import { People } from './people';
import { isPlaceholder, placeholderFor } from './placeholder';
import type { Plan } from './plan';
import { blockerKey } from './rules/review';
import type { TimelineEvent } from './timeline';
import { inlineScalar } from './yamlText';

export interface ReviewDraftOptions {
  /** The day the draft is written, YYYY-MM-DD (only check-ins dated on or before it are read). */
  today: string;
  /**
   * The plan's history from git (`planTimeline`), when known: tasks added after a freeze then come
   * with who added them and when. Without it, late tasks are found by their `added:` date.
   */
  events?: readonly TimelineEvent[];
  /**
   * Tasks that may have joined after a freeze with nothing to date them (`undatedJoins` of the check,
   * as their labels): the draft then does not say that nothing joined late.
   */
  undated?: readonly string[];
}

/** One scalar as YAML on one line (quoted when it must be: placeholders hold ": "; text over several lines double-quoted). */
const yaml = (value: string) => inlineScalar(value);
const todo = (what: string) => yaml(placeholderFor(what));

/**
 * The text of a prefilled `review.yaml` for the current release, with comments saying what each
 * part is for: why scope grew (late tasks: from the timeline's `task-added` events after a freeze
 * when given — who committed it is `allowed_by` — else from tasks' `added:` dates after the freeze,
 * with `allowed_by` left to fill in: a person is never guessed), what blocked (the check-ins' blocks,
 * grouped as `blocker-recurring` groups them, with their days and who clears them), the pattern and
 * what changed as placeholders, and what to keep for the next two releases from the plan. Every
 * placeholder is `placeholder-text` until answered. Pure: same plan, options, same text.
 */
export function reviewDraft(plan: Plan, options: ReviewDraftOptions): string {
  const data = plan.release?.data;
  const name = typeof data?.release === 'string' && data.release.trim() !== '' && !isPlaceholder(data.release) ? data.release.trim() : 'this release';
  const shipped = shippedRecord(data);
  const how = !shipped ? 'not shipped yet' : shipped.outcome === 'rolled-back' ? `rolled back on ${shipped.date}` : shipped.outcome === 'slipped' ? `called a slip on ${shipped.date}` : `shipped on ${shipped.date}`;
  const lines: string[] = [
    `# Post-release review of ${oneLine(name)}: ${how}.`,
    `# Drafted by Release Plan on ${options.today} from release.yaml${options.events ? ', its git history' : ''} and the daily check-ins.`,
    '# Answer every "TODO: …": Release Plan flags each one until it is answered. Keep each',
    '# answer to one sentence (see "The post-release review" in docs/rules.md).',
    '',
  ];

  const growth = scopeGrowth(plan, options.events);
  lines.push('# Why scope grew: what joined the release after the freeze, who allowed it in, when, and why.');
  if (options.events) lines.push('# From the git history of release.yaml: allowed_by is who committed it; correct it if someone else allowed it.');
  const undated = options.undated ?? [];
  if (undated.length > 0) {
    // Never "nothing joined" while a late task may hide: the team says what joined, by hand.
    lines.push(`# Release Plan cannot tell whether these joined after the freeze (no added: date, and no commit of the plan's history dates them): ${oneLine(undated.join(', '))}.`);
    lines.push('scope_growth:');
    for (const item of growth) {
      lines.push(`  - what: ${yaml(item.what)}`, `    allowed_by: ${item.allowedBy !== undefined ? yaml(item.allowedBy) : todo('the one person who allowed it in')}`);
      if (item.when !== undefined) lines.push(`    when: ${item.when}`);
      lines.push(`    why: ${todo('why it was let in, in one sentence')}`);
    }
    lines.push(`  - what: ${todo('which of the tasks above joined after the freeze (remove this item if none did)')}`);
  } else if (growth.length === 0) {
    lines.push(data?.freeze?.scope || data?.freeze?.features ? '# Nothing joined after the freeze.' : '# release.yaml has no freeze date, so nothing counts as late; add what joined late by hand.', 'scope_growth: []');
  } else {
    lines.push('scope_growth:');
    for (const item of growth) {
      lines.push(`  - what: ${yaml(item.what)}`, `    allowed_by: ${item.allowedBy !== undefined ? yaml(item.allowedBy) : todo('the one person who allowed it in')}`);
      if (item.when !== undefined) lines.push(`    when: ${item.when}`);
      lines.push(`    why: ${todo('why it was let in, in one sentence')}`);
    }
  }
  lines.push(
    '',
    '# What pushed the team past its limit, as a pattern (not the latest example), in one sentence.',
    `pattern: ${todo('the pattern behind the late work and the blockers, in one sentence')}`,
    '',
    '# What blocked the work, from the daily check-ins. A blocker that came back is part of the system.',
  );
  const blocked = blockedFromCheckins(plan, options.today);
  if (blocked.length === 0) {
    lines.push('# No check-in reported a block.', 'blocked: []');
  } else {
    lines.push('blocked:');
    for (const item of blocked) {
      lines.push(`  - what: ${yaml(item.what)}`, `    days: [${item.days.join(', ')}]`);
      if (item.clears !== undefined) lines.push(`    clears: ${yaml(item.clears)}`);
    }
  }
  lines.push(
    '',
    '# What the team changed and why it worked: one sentence each, one item per change.',
    'changed:',
    `  - what: ${todo('one thing the team changed, in one sentence')}`,
    `    why: ${todo('why it worked, in one sentence')}`,
    '',
    '# For the next two releases, keep the rhythm almost boring: the same planning window, the',
    '# same release-readiness owner, the same rollback check.',
    'keep:',
    ...keep(plan).map((item) => `  - ${yaml(item)}`),
  );
  return `${lines.join('\n')}\n`;
}

interface Growth {
  what: string;
  allowedBy?: string;
  when?: string;
  task?: string;
}

/** Tasks that joined after a freeze: from the timeline when given (plus tasks it does not know), else from `added:`. */
function scopeGrowth(plan: Plan, events: readonly TimelineEvent[] | undefined): Growth[] {
  const out: Growth[] = [];
  const seen = new Set<string>();
  for (const event of events ?? []) {
    if (event.kind !== 'task-added' || !event.afterFreeze || seen.has(event.task)) continue;
    seen.add(event.task);
    const author = event.author.trim();
    out.push({ what: event.title.trim() || event.task, ...(author !== '' ? { allowedBy: author } : {}), when: event.date, task: event.task });
  }
  const data = plan.release?.data;
  const scopeFreeze = dayNumber(data?.freeze?.scope);
  const featureFreeze = dayNumber(data?.freeze?.features);
  for (const task of data?.tasks ?? []) {
    if (!task) continue;
    const added = dayNumber(task.added);
    if (added === undefined) continue;
    // The same notion of "late" as scope-late-addition: after the scope freeze, or a feature after the feature freeze.
    const late = (scopeFreeze !== undefined && added > scopeFreeze) || (featureFreeze !== undefined && added > featureFreeze && (task.kind ?? 'feature') === 'feature');
    const id = task.id === undefined ? undefined : String(task.id);
    if (!late || (id !== undefined && seen.has(id))) continue;
    const title = typeof task.title === 'string' && task.title.trim() !== '' ? task.title.trim() : (id ?? 'a task');
    out.push({ what: title, when: task.added as string, ...(id !== undefined ? { task: id } : {}) });
  }
  return out;
}

interface Blocked {
  what: string;
  days: string[];
  clears?: string;
}

/** The check-ins' blocks (dated on or before today), one item per blocker (`blockerKey`), in the order first reported. */
function blockedFromCheckins(plan: Plan, today: string): Blocked[] {
  const groups = new Map<string, Blocked>();
  const checkins = [...plan.checkins].filter((checkin) => hasHappened(checkin.date, today)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const checkin of checkins) {
    for (const block of checkin.data.blocks ?? []) {
      if (!block || typeof block.what !== 'string' || isPlaceholder(block.what)) continue;
      const key = blockerKey(block.what);
      if (key === '') continue;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { what: block.what.trim(), days: [] }));
      if (!group.days.includes(checkin.date)) group.days.push(checkin.date);
      // Who clears it: the latest check-in that names someone.
      if (typeof block.clears === 'string' && block.clears.trim() !== '' && !isPlaceholder(block.clears)) group.clears = block.clears.trim();
    }
  }
  return [...groups.values()];
}

/** What to keep for the next two releases, from the plan; a placeholder where it does not say. */
function keep(plan: Plan): string[] {
  const data = plan.release?.data;
  const people = new People(plan.team?.data, plan.config.team_labels ?? []);
  const person = (value: unknown): string | undefined => {
    const verdict = people.judge(value);
    return verdict.kind === 'ok' || verdict.kind === 'unknown' ? people.canonical(verdict.person) : undefined;
  };
  const scope = data?.freeze?.scope;
  const target = data?.target;
  const window =
    dayNumber(scope) !== undefined && dayNumber(target) !== undefined && (scope as string) <= (target as string)
      ? `Same planning window: scope frozen ${plural(workingDaysBetween(scope as string, target as string), 'working day')} before target`
      : placeholderFor('the planning window to keep, e.g. scope frozen 6 working days before target');
  const readiness = person(data?.roles?.readiness);
  const owner = readiness !== undefined ? `Same release-readiness owner: ${readiness}` : placeholderFor('the release-readiness owner to keep for the next two releases');
  const rollback = plan.rollback?.data;
  const verifies = person(rollback?.roles?.verifies);
  const minutes = rollback?.target_minutes;
  const check =
    verifies !== undefined
      ? `Same rollback check: ${verifies} verifies it${typeof minutes === 'number' ? `, within ${plural(minutes, 'minute')}` : ''}`
      : placeholderFor('the rollback check to keep: who verifies it, and within how many minutes');
  return [window, owner, check];
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A name on one comment line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
