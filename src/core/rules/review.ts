import { counted, taskLabel, type RuleContext } from '../context';
import { addDays, dayNumber, workingDaysBetween } from '../dates';
import { hasHappened } from '../evidence';
import { defineMessages, findingText, type Message, type MessageArg } from '../message';
import { isPlaceholder } from '../placeholder';
import type { Loaded, PastRelease, Plan } from '../plan';
import type { Release, Rollback } from '../schemas';
import type { SourceFile, YamlPath } from '../source';
import { REVIEW_FILE, type Range, type RelatedInfo } from '../types';
import { countSentences } from './problem';

/** The sentences of the review rules: the post-release review, recurring blockers and the rhythm after a rescue. */
export const messages = defineMessages({
  'review-missing/shipped': 'The release went out on {date}, {gap} ago, and there is no post-release review yet. Write {file} in the .release/ folder (in VS Code: Start Post-Release Review): why scope grew, what blocked, what changed and why it worked, and what to keep the same for the next two releases.',
  'review-missing/rolled-back': 'The release was rolled back on {date}, {gap} ago, and there is no post-release review yet. Write {file} in the .release/ folder (in VS Code: Start Post-Release Review): why scope grew, what blocked, what changed and why it worked, and what to keep the same for the next two releases.',
  'review-not-one-sentence/pattern': 'The pattern takes {count} sentences. Name the one pattern that pushed the team past its limit, in one sentence.',
  'review-not-one-sentence/changed-what': 'What changed (item {number}) takes {count} sentences. Say what changed in one sentence; two changes are two items.',
  'review-not-one-sentence/changed-why': 'Why "{what}" worked takes {count} sentences. Say why it worked in one sentence.',
  'review-not-one-sentence/changed-why/unnamed': 'Why it worked (item {number}) takes {count} sentences. Say why it worked in one sentence.',
  'review-not-one-sentence/scope-why': 'Why "{what}" was let in takes {count} sentences. Say why in one sentence.',
  'placeholder-text/review-scope-what': 'What joined the release late (item {number}) is still template text ("{value}"). Name the work, or delete the item.',
  'placeholder-text/review-allowed-by': 'Who allowed "{what}" in is still template text ("{value}"). Name the one person who allowed it in.',
  'placeholder-text/review-scope-why': 'Why "{what}" was let in is still template text ("{value}"). Say why, in one sentence.',
  'placeholder-text/review-pattern': 'The pattern is still template text ("{value}"). Say in one sentence what pushed the team past its limit: the pattern, not the latest example.',
  'placeholder-text/review-blocked-what': 'What blocked the work (item {number}) is still template text ("{value}"). Name the blocker, or delete the item.',
  'placeholder-text/review-changed-what': 'What changed (item {number}) is still template text ("{value}"). Say in one sentence what the team changed.',
  'placeholder-text/review-changed-why': 'Why it worked (item {number}) is still template text ("{value}"). Say in one sentence why it worked.',
  'placeholder-text/review-keep': 'What to keep (item {number}) is still template text ("{value}"). Say what stays the same for the next two releases, or delete the item.',
  'blocker-recurring': '"{what}" blocked the work on {count} days (first on {first}). A blocker that comes back is part of the system: fix what causes it, not only this case.',
  'blocker-recurring/releases': '"{what}" blocked the work on {count} days in {releases} releases (first on {first}, in {release}). A blocker that comes back is part of the system: fix what causes it, not only this case.',
  'blocker-recurring/related/checkin': 'Reported on {date}.',
  'blocker-recurring/related/past': 'Reported on {date} in {release}.',
  'blocker-recurring/related/task': 'Blocks task {task}.',
  'rhythm-owner-changed/readiness': 'The release-readiness owner changed from {before} to {after} within the two releases after the rescue release {release}. Keep the rhythm almost boring for two releases (the same release-readiness owner, planning window and rollback check), or agree the change openly.',
  'rhythm-owner-changed/verifies': 'The rollback check changed: {after} verifies it now, {before} did in the rescue release {release}. Keep the rhythm almost boring for two releases after a rescue (the same release-readiness owner, planning window and rollback check), or agree the change openly.',
  'rhythm-owner-changed/target-minutes': 'The rollback check changed: the rollback must now take at most {after} minutes, {before} in the rescue release {release}. Keep the rhythm almost boring for two releases after a rescue (the same release-readiness owner, planning window and rollback check), or agree the change openly.',
  'rhythm-owner-changed/target-minutes/dropped': 'The rollback check changed: the rescue release {release} held the rollback to {before} minutes (target_minutes), this runbook has no limit. Keep the rhythm almost boring for two releases after a rescue (the same release-readiness owner, planning window and rollback check), or agree the change openly.',
  'rhythm-owner-changed/related/readiness': 'The rescue release {release} had {person} as release-readiness owner.',
  'rhythm-owner-changed/related/verifies': 'In the rescue release {release}, {person} verified the rollback.',
  'rhythm-owner-changed/related/target-minutes': 'The rescue release {release} held the rollback to {minutes} minutes.',
});

/** Working days after `shipped.date` (today included) from which a missing review is reported. */
export const REVIEW_DUE_WORKING_DAYS = 3;

/**
 * The review family: `review-missing`, `review-not-one-sentence` and the review's template text
 * (`placeholder-text`, as warnings: starting a review must never make the check worse than not
 * writing one), `blocker-recurring`, `rhythm-owner-changed`. All of it is information for the team's
 * next release, none of it a go/no-go question; it also runs after the launch watch (history).
 */
export function checkReview(ctx: RuleContext): void {
  checkReviewMissing(ctx);
  checkReviewText(ctx);
  checkRecurringBlockers(ctx);
  checkRhythm(ctx);
}

// ---------------------------------------------------------------------------------------------
// review-missing

/** Working days after `date` up to and including `today` (Saturday and Sunday do not count). */
export function workingDaysSince(date: string, today: string): number {
  if (dayNumber(date) === undefined || dayNumber(today) === undefined) return 0;
  return workingDaysBetween(addDays(date, 1), addDays(today, 1));
}

/**
 * `review-missing`: the release went out (shipped or rolled back: a slip is not a release, its plan
 * goes on) at least three working days ago and there is no `review.yaml` (one that cannot be read
 * counts as written: its own finding says why). On release.yaml's `shipped:` key.
 */
function checkReviewMissing(ctx: RuleContext): void {
  const release = ctx.release;
  const shipped = ctx.launch.shipped;
  if (!release || !shipped || !ctx.afterLaunch() || ctx.plan.present.has(REVIEW_FILE)) return;
  const gap = workingDaysSince(shipped.date, ctx.today);
  if (gap < REVIEW_DUE_WORKING_DAYS) return;
  const args = { date: shipped.date, gap: counted(gap, 'working-day'), file: 'review.yaml' };
  ctx.report(release.source, ['shipped'], 'review-missing', shipped.outcome === 'rolled-back' ? messages('review-missing/rolled-back', args) : messages('review-missing/shipped', args));
}

// ---------------------------------------------------------------------------------------------
// review-not-one-sentence and the review's template text

function checkReviewText(ctx: RuleContext): void {
  const review = ctx.plan.review;
  if (!review) return;
  const { source, data } = review;
  const placeholder = (path: YamlPath, message: (value: string) => Message, value: unknown): boolean => {
    if (typeof value !== 'string' || value.trim() === '' || !isPlaceholder(value)) return false;
    ctx.report(source, path, 'placeholder-text', message(value.trim()), { prefer: 'value', severity: 'warning' });
    return true;
  };
  const sentences = (path: YamlPath, value: unknown, message: (count: number) => Message): void => {
    if (typeof value !== 'string') return;
    const count = countSentences(value);
    if (count > 1) ctx.report(source, path, 'review-not-one-sentence', message(count), { prefer: 'value' });
  };
  /** The item's `what` as the plan says it, when it is real text. */
  const named = (what: unknown): string | undefined => (typeof what === 'string' && what.trim() !== '' && !isPlaceholder(what) ? what.trim() : undefined);

  (data.scope_growth ?? []).forEach((item, index) => {
    if (!item) return;
    const number = index + 1;
    const what = named(item.what);
    placeholder(['scope_growth', index, 'what'], (value) => messages('placeholder-text/review-scope-what', { number, value }), item.what);
    // Who allowed it and why only read as missing once the item says what it is about.
    const about: MessageArg = what ?? String(number);
    placeholder(['scope_growth', index, 'allowed_by'], (value) => messages('placeholder-text/review-allowed-by', { what: about, value }), item.allowed_by);
    if (!placeholder(['scope_growth', index, 'why'], (value) => messages('placeholder-text/review-scope-why', { what: about, value }), item.why)) {
      sentences(['scope_growth', index, 'why'], item.why, (count) => messages('review-not-one-sentence/scope-why', { what: about, count }));
    }
  });
  if (!placeholder(['pattern'], (value) => messages('placeholder-text/review-pattern', { value }), data.pattern)) {
    sentences(['pattern'], data.pattern, (count) => messages('review-not-one-sentence/pattern', { count }));
  }
  (data.blocked ?? []).forEach((item, index) => {
    if (item) placeholder(['blocked', index, 'what'], (value) => messages('placeholder-text/review-blocked-what', { number: index + 1, value }), item.what);
  });
  (data.changed ?? []).forEach((item, index) => {
    if (!item) return;
    const number = index + 1;
    if (!placeholder(['changed', index, 'what'], (value) => messages('placeholder-text/review-changed-what', { number, value }), item.what)) {
      sentences(['changed', index, 'what'], item.what, (count) => messages('review-not-one-sentence/changed-what', { number, count }));
    }
    if (!placeholder(['changed', index, 'why'], (value) => messages('placeholder-text/review-changed-why', { number, value }), item.why)) {
      const what = named(item.what);
      sentences(['changed', index, 'why'], item.why, (count) => (what !== undefined && countSentences(what) === 1 ? messages('review-not-one-sentence/changed-why', { what, count }) : messages('review-not-one-sentence/changed-why/unnamed', { number, count })));
    }
  });
  (data.keep ?? []).forEach((item, index) => {
    placeholder(['keep', index], (value) => messages('placeholder-text/review-keep', { number: index + 1, value }), item);
  });
}

// ---------------------------------------------------------------------------------------------
// blocker-recurring

/** Words dropped when blockers are compared: articles only, so "the staging DB" and "staging DB" are one. */
const BLOCKER_STOP_WORDS = new Set(['a', 'an', 'the']);

/**
 * What makes two blockers "the same": their text in lower case, every character that is not a
 * letter or a digit a space, the articles a/an/the dropped, spaces collapsed. Numbers are kept
 * ("PR 12" and "PR 13" are two blockers). "Waiting for the staging DB!" → "waiting for staging db".
 */
export function blockerKey(text: string): string {
  // Asked for every block of every check-in (years of them) at every check: remembered by text.
  let key = blockerKeys.get(text);
  if (key === undefined) {
    if (blockerKeys.size >= 8192) blockerKeys.clear();
    blockerKeys.set(text, (key = computeBlockerKey(text)));
  }
  return key;
}

const blockerKeys = new Map<string, string>();

function computeBlockerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word !== '' && !BLOCKER_STOP_WORDS.has(word))
    .join(' ');
}

/** One place a blocker was written down. */
export interface BlockerPlace {
  /** The text as written there (trimmed). */
  what: string;
  /** The day it was reported: the check-in's date, or today for an open task's `blocker:`. */
  date: string;
  file: string;
  /** Where it is in `file` (the value of `what` or `blocker:`). */
  readonly range: Range;
  /** `current`: the plan being checked; else the past release's name (its `release:`, else its folder). */
  release: 'current' | string;
  /** The past release's folder under history/ (two past releases may share a name); undefined for the current plan. */
  folder?: string;
  /** A check-in's `blocks[i]`, or a task's `blocker:` (with its label). */
  kind: 'checkin' | 'task';
  task?: MessageArg;
  clears?: string;
  /** Where the place is, for reporting (the current plan only). */
  source: SourceFile;
  path: YamlPath;
}

/** A blocker written down on two or more days, or in two or more releases. */
export interface RecurringBlocker {
  key: string;
  /** Every place, oldest first (a task's `blocker:` after the check-ins of the same day). */
  places: BlockerPlace[];
  /** The distinct days it was reported on. */
  days: string[];
  /** The releases it was reported in (`current` for the plan being checked), oldest first. */
  releases: string[];
}

/**
 * Blockers that recur, for `blocker-recurring` and the dashboard's track record: every `blocks[].what`
 * of a check-in dated on or before today (this release's and each past release's), and the `blocker:`
 * of each open task in the current plan (as of today), grouped by `blockerKey`; a group recurs when
 * it spans two or more days or two or more releases. Pure: the plan and the day it is read on.
 */
export function recurringBlockers(plan: Plan, today: string): RecurringBlocker[] {
  // Asked by the rule and by the Track Record of the same check: found once per plan and day.
  const known = recurringMemo.get(plan);
  if (known?.today === today) return known.blockers;
  const blockers = findRecurringBlockers(plan, today);
  recurringMemo.set(plan, { today, blockers });
  return blockers;
}

const recurringMemo = new WeakMap<Plan, { today: string; blockers: RecurringBlocker[] }>();

function findRecurringBlockers(plan: Plan, today: string): RecurringBlocker[] {
  const places: BlockerPlace[] = [];
  // Ranges are found only for places that are read (a recurring blocker's): years of check-ins stay cheap.
  const place = (fields: Omit<BlockerPlace, 'range'>): BlockerPlace => {
    let range: Range | undefined;
    return Object.defineProperty(fields, 'range', { enumerable: true, get: () => (range ??= fields.source.rangeFor(fields.path, 'value')) }) as BlockerPlace;
  };
  const fromCheckins = (checkins: Plan['checkins'], release: string, folder?: string) => {
    for (const checkin of checkins) {
      if (!hasHappened(checkin.date, today)) continue;
      (checkin.data.blocks ?? []).forEach((block, index) => {
        if (!block || typeof block.what !== 'string' || isPlaceholder(block.what)) return;
        const path = ['blocks', index, 'what'];
        const clears = typeof block.clears === 'string' && !isPlaceholder(block.clears) ? block.clears.trim() : undefined;
        places.push(place({ what: block.what.trim(), date: checkin.date, file: checkin.source.path, release, ...(folder !== undefined ? { folder } : {}), kind: 'checkin', source: checkin.source, path, ...(clears ? { clears } : {}) }));
      });
    }
  };
  plan.history.forEach((past) => fromCheckins(past.checkins, pastName(past), past.name));
  fromCheckins(plan.checkins, 'current');
  const release = plan.release;
  if (release) {
    (release.data.tasks ?? []).forEach((task, index) => {
      if (!task || task.status === 'done' || typeof task.blocker !== 'string' || isPlaceholder(task.blocker)) return;
      const path = ['tasks', index, 'blocker'];
      const clears = typeof task.clears === 'string' && !isPlaceholder(task.clears) ? task.clears.trim() : undefined;
      places.push(place({ what: task.blocker.trim(), date: today, file: release.source.path, release: 'current', kind: 'task', task: taskLabel(task, index), source: release.source, path, ...(clears ? { clears } : {}) }));
    });
  }
  const groups = new Map<string, BlockerPlace[]>();
  for (const place of places) {
    const key = blockerKey(place.what);
    if (key === '') continue;
    const group = groups.get(key);
    if (group) group.push(place);
    else groups.set(key, [place]);
  }
  // Past releases oldest first (by folder: two may share a name), then the current plan.
  const order = new Map<string | undefined, number>(plan.history.map((past, index) => [past.name, index]));
  order.set(undefined, plan.history.length);
  const rank = (place: BlockerPlace) => order.get(place.folder) ?? 0;
  const out: RecurringBlocker[] = [];
  for (const [key, group] of groups) {
    // Past releases are oldest first and come before the current plan; within one, by date (stable).
    const sorted = group
      .map((place, order) => ({ place, order }))
      .sort((a, b) => rank(a.place) - rank(b.place) || compare(a.place.date, b.place.date) || a.order - b.order)
      .map(({ place }) => place);
    if (occasions(sorted) < 2) continue;
    const releases = [...new Map(sorted.map((place) => [place.folder, place.release])).values()];
    out.push({ key, places: sorted, days: [...new Set(sorted.map((place) => place.date))], releases });
  }
  return out;
}

/** How a past release is named: its `release:` when it has a real one, else its folder's name. */
export function pastName(past: PastRelease): string {
  const name = past.release?.data.release;
  return typeof name === 'string' && name.trim() !== '' && !isPlaceholder(name) ? name.trim() : past.name;
}

/** Distinct (release, day) pairs: a blocker written twice on one day of one release was reported once. */
function occasions(places: readonly BlockerPlace[]): number {
  return new Set(places.map((place) => `${place.folder ?? ''}\n${place.date}`)).size;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `blocker-recurring` (info): once per recurring blocker that has a place in the current plan, on
 * the latest such place, with every other place as related information. A blocker seen only in
 * past releases is history's (the track record lists it), not a finding.
 */
function checkRecurringBlockers(ctx: RuleContext): void {
  for (const recurring of recurringBlockers(ctx.plan, ctx.today)) {
    const current = recurring.places.filter((place) => place.release === 'current');
    const at = current[current.length - 1];
    if (!at) continue;
    const first = recurring.places[0] as BlockerPlace;
    const count = occasions(recurring.places);
    const message =
      recurring.releases.length > 1
        ? messages('blocker-recurring/releases', { what: at.what, count, releases: recurring.releases.length, first: first.date, release: first.release })
        : messages('blocker-recurring', { what: at.what, count, first: first.date });
    ctx.report(at.source, at.path, 'blocker-recurring', message, { prefer: 'value', related: recurring.places.filter((place) => place !== at).map(relatedPlace) });
  }
}

function relatedPlace(place: BlockerPlace): RelatedInfo {
  const l10n =
    place.kind === 'task'
      ? messages('blocker-recurring/related/task', { task: place.task ?? '' })
      : place.release === 'current'
      ? messages('blocker-recurring/related/checkin', { date: place.date })
      : messages('blocker-recurring/related/past', { date: place.date, release: place.release });
  return related(place.file, place.range, l10n);
}

function related(file: string, range: Range, l10n: Message): RelatedInfo {
  // English, like a finding's own message; the engine renders another language from `l10n`.
  return { file, range, message: findingText(l10n), l10n };
}

// ---------------------------------------------------------------------------------------------
// rhythm-owner-changed

/**
 * The rescue release the current one follows within two releases: the latest past release when it
 * says `rescue: true`, else the one before it when that one does. None when the current release is
 * itself a rescue (a new rescue sets the rhythm again).
 */
export function rescueBefore(plan: Plan): PastRelease | undefined {
  if (plan.release?.data.rescue === true) return undefined;
  const recent = plan.history.slice(-2).reverse();
  return recent.find((past) => past.release?.data.rescue === true);
}

/**
 * `rhythm-owner-changed` (info): within the two releases after a rescue, the release-readiness owner
 * (release.yaml `roles.readiness`) or the rollback check — who verifies it (rollback.yaml
 * `roles.verifies`) and the time it must fit in (`target_minutes`) — differs from the rescue
 * release's. People are compared by their team.yaml name (aliases count) without case; a value
 * missing on either side is not a change in a person (role-missing / rollback-role-missing say so),
 * but a time limit dropped is.
 */
function checkRhythm(ctx: RuleContext): void {
  const rescue = rescueBefore(ctx.plan);
  if (!rescue) return;
  const name = pastName(rescue);
  const release = ctx.release;
  const person = (value: unknown): string | undefined => {
    const verdict = ctx.people.judge(value);
    return verdict.kind === 'ok' || verdict.kind === 'unknown' ? ctx.people.canonical(verdict.person) : undefined;
  };
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

  const before = rescue.release;
  if (release && before) {
    const was = person(before.data.roles?.readiness);
    const now = person(release.data.roles?.readiness);
    if (was !== undefined && now !== undefined && !same(was, now)) {
      report(ctx, release, ['roles', 'readiness'], messages('rhythm-owner-changed/readiness', { before: was, after: now, release: name }), [
        related(before.source.path, before.source.rangeFor(['roles', 'readiness'], 'value'), messages('rhythm-owner-changed/related/readiness', { release: name, person: was })),
      ]);
    }
  }

  const rollback = ctx.plan.rollback;
  const was = rescue.rollback;
  if (!rollback || !was) return;
  const verifiedBy = person(was.data.roles?.verifies);
  const verifies = person(rollback.data.roles?.verifies);
  if (verifiedBy !== undefined && verifies !== undefined && !same(verifiedBy, verifies)) {
    report(ctx, rollback, ['roles', 'verifies'], messages('rhythm-owner-changed/verifies', { before: verifiedBy, after: verifies, release: name }), [
      related(was.source.path, was.source.rangeFor(['roles', 'verifies'], 'value'), messages('rhythm-owner-changed/related/verifies', { release: name, person: verifiedBy })),
    ]);
  }
  const limit = was.data.target_minutes;
  if (typeof limit === 'number') {
    const now = rollback.data.target_minutes;
    const relatedLimit = related(was.source.path, was.source.rangeFor(['target_minutes'], 'value'), messages('rhythm-owner-changed/related/target-minutes', { release: name, minutes: limit }));
    if (typeof now === 'number' && now !== limit) {
      report(ctx, rollback, ['target_minutes'], messages('rhythm-owner-changed/target-minutes', { before: limit, after: now, release: name }), [relatedLimit]);
    } else if (now === undefined && !rollback.source.node(['target_minutes'])) {
      report(ctx, rollback, [], messages('rhythm-owner-changed/target-minutes/dropped', { before: limit, release: name }), [relatedLimit]);
    }
  }
}

function report(ctx: RuleContext, file: Loaded<Release> | Loaded<Rollback>, path: YamlPath, message: Message, relatedInfo: RelatedInfo[]): void {
  ctx.report(file.source, path, 'rhythm-owner-changed', message, { prefer: 'value', related: relatedInfo });
}
