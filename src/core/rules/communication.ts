import { workingDaysBetween } from '../dates';
import { CHECKINS_DIR } from '../types';
import { counted, type RuleContext } from '../context';
import { evidenceState, latestHappened } from '../evidence';
import { RELEASE_ROLES, ROLLBACK_ROLES } from '../lists';
import { defineMessages, type Message, type MessageArg } from '../message';
import { isPlaceholder } from '../placeholder';
import { checkPerson } from './ownership';

/** The sentences of the communication rules: check-in blocks, parked items, the daily check-in. */
export const messages = defineMessages({
  'checkin-block-unowned': 'Nobody clears "{block}". Add `clears:` with the one person who removes it.',
  'checkin-block-unowned/unnamed': 'Nobody clears "this block". Add `clears:` with the one person who removes it.',
  'parked-not-told/this-item': 'This item',
  'parked-not-told': '"{title}" was parked but the stakeholders were not told. Tell them, then set `told:` to the date.',
  'parked-not-told/asker': '"{title}" was parked but {asker} and the other stakeholders were not told. Tell them, then set `told:` to the date.',
  'parked-not-told/planned': '"{title}" was parked but the stakeholders were not told yet: told is dated {told}, after today. Tell them, then set `told:` to the day you did.',
  'parked-not-told/planned/asker': '"{title}" was parked but {asker} and the other stakeholders were not told yet: told is dated {told}, after today. Tell them, then set `told:` to the day you did.',
  'checkin-stale/none': 'Work has started but there is no daily check-in yet. Run the daily check-in: write what shipped, what blocks and who clears each block in {file} in the .release/ folder.',
  'checkin-stale': 'The last daily check-in was on {date}, {gap} ago, and work is still open. Run the daily check-in: write what shipped, what blocks and who clears each block in {file} in the .release/ folder.',
  /** `{launched}` and `{then}` are whole sentences of their own (below); the people are the plan's names. */
  'launch-watch': '{launched} On watch until the end of {until}: {scope} (scope), {delivery} (delivery), {readiness} (readiness) and {stop} (may stop the release); for a rollback, {decides} decides, {runs} runs it and {verifies} verifies. {then}',
  'launch-watch/shipped': 'Shipped on {date}.',
  'launch-watch/shipped/version': 'Shipped {version} on {date}.',
  'launch-watch/rolled-back': 'Rolled back on {date}.',
  'launch-watch/rolled-back/version': '{version} was rolled back on {date}.',
  'launch-watch/triggers': 'Roll back as soon as a trigger fires: {triggers}.',
  'launch-watch/no-triggers': 'No rollback trigger is agreed, so nobody can tell when to roll back: agree one now.',
  'launch-watch/stable': 'Check that users stay on the stable version {stable}.',
  'launch-watch/stable/unnamed': 'Check that users stay on the stable version.',
  'launch-watch/nobody': 'nobody named',
  'launch-watch/trigger': '{signal} {threshold}',
  'launch-watch/trigger/for': '{signal} {threshold} for {duration}',
  'launch-watch/trigger/no-threshold': '{signal} (no threshold)',
  'launch-watch/trigger-separator': '; ',
});

/** Working days without a check-in after which the daily check-in has stopped. */
const CHECKIN_GAP_DAYS = 2;

export function checkCommunication(ctx: RuleContext): void {
  checkParked(ctx);
  // Only the latest check-in that has happened: old blocks are history, future-dated files are not check-ins.
  const latest = latestHappened(ctx.plan.checkins, (checkin) => checkin.date, ctx.today);
  for (const checkin of latest ? [latest] : []) {
    (checkin.data.blocks ?? []).forEach((block, index) => {
      if (!block) return;
      const verdict = ctx.people.judge(block.clears);
      if (verdict.kind === 'missing') {
        ctx.report(checkin.source, ['blocks', index], 'checkin-block-unowned', block.what === undefined || block.what === null ? messages('checkin-block-unowned/unnamed') : messages('checkin-block-unowned', { block: String(block.what) }));
      } else if (verdict.kind !== 'ok') {
        checkPerson(ctx, checkin.source, ['blocks', index, 'clears'], block.clears, { kind: 'block', block: block.what ?? '' }, { reportMissing: false });
      }
    });
  }
  checkCheckinStale(ctx, latest);
  checkLaunchWatch(ctx);
}

/**
 * `launch-watch`: on the launch day and the day after (the watch, see launch.ts), who is on watch
 * — the four release roles and the three rollback roles, by name — and the rollback triggers to act
 * on; after a rollback, the stable version users must stay on. Reported on the `shipped` key.
 */
function checkLaunchWatch(ctx: RuleContext): void {
  const release = ctx.release;
  const { phase, shipped, watchEnds } = ctx.launch;
  if (!release || phase !== 'watch' || !shipped || !watchEnds) return;
  const rollback = ctx.plan.rollback?.data;
  const who = (value: unknown): MessageArg => {
    const verdict = ctx.people.judge(value);
    if (verdict.kind === 'ok' || verdict.kind === 'unknown') return verdict.person;
    if (verdict.kind === 'missing') return messages('launch-watch/nobody');
    // A group or several people: shown as written (their own findings say what to fix).
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim()) : String(value).trim();
  };
  const roles = release.data.roles ?? {};
  const rollbackRoles = rollback?.roles ?? {};
  const people = {
    ...Object.fromEntries(RELEASE_ROLES.map((role) => [role, who(roles[role])])),
    ...Object.fromEntries(ROLLBACK_ROLES.map((role) => [role, who(rollbackRoles[role])])),
  } as Record<(typeof RELEASE_ROLES)[number] | (typeof ROLLBACK_ROLES)[number], MessageArg>;
  const { date, version } = shipped;
  const rolledBack = shipped.outcome === 'rolled-back';
  const launched = rolledBack
    ? version !== undefined ? messages('launch-watch/rolled-back/version', { version, date }) : messages('launch-watch/rolled-back', { date })
    : version !== undefined ? messages('launch-watch/shipped/version', { version, date }) : messages('launch-watch/shipped', { date });
  ctx.report(release.source, ['shipped'], 'launch-watch', messages('launch-watch', { launched, until: watchEnds, ...people, then: rolledBack ? stableSentence(rollback?.stable?.version) : triggerSentence(rollback?.triggers) }));
}

/** "Roll back as soon as a trigger fires: error rate > 2% for 5m; p95 latency > 800ms." (real triggers only, not placeholders). */
function triggerSentence(triggers: readonly ({ signal?: string; threshold?: string | number; for?: string } | undefined)[] | undefined): Message {
  const agreed = (triggers ?? []).filter((trigger): trigger is { signal: string; threshold?: string | number; for?: string } => typeof trigger?.signal === 'string' && trigger.signal.trim() !== '' && !isPlaceholder(trigger.signal));
  if (agreed.length === 0) return messages('launch-watch/no-triggers');
  const items = agreed.map(({ signal, threshold, for: duration }): Message => {
    const limit = threshold === undefined ? '' : String(threshold).trim();
    if (limit === '') return messages('launch-watch/trigger/no-threshold', { signal: signal.trim() });
    const lasting = typeof duration === 'string' && duration.trim() !== '' ? duration.trim() : undefined;
    return lasting !== undefined ? messages('launch-watch/trigger/for', { signal: signal.trim(), threshold: limit, duration: lasting }) : messages('launch-watch/trigger', { signal: signal.trim(), threshold: limit });
  });
  return messages('launch-watch/triggers', { triggers: { items, separator: messages('launch-watch/trigger-separator') } });
}

function stableSentence(version: string | number | undefined): Message {
  const stable = version === undefined ? '' : String(version).trim();
  return stable === '' || isPlaceholder(stable) ? messages('launch-watch/stable/unnamed') : messages('launch-watch/stable', { stable });
}

function checkParked(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  (release.data.parked ?? []).forEach((item, index) => {
    if (!item) return;
    const title = item.title === undefined || item.title === null ? messages('parked-not-told/this-item') : String(item.title);
    const asker = item.asked_by ? String(item.asked_by) : undefined;
    if (typeof item.told === 'string') {
      // A `told:` date after today is a plan to tell them, not evidence that they were told.
      if (evidenceState(item.told, ctx.today) === 'planned') {
        ctx.report(release.source, ['parked', index, 'told'], 'parked-not-told', asker ? messages('parked-not-told/planned/asker', { title, asker, told: item.told }) : messages('parked-not-told/planned', { title, told: item.told }), { prefer: 'value' });
      }
      return;
    }
    const path = item.told === false ? ['parked', index, 'told'] : ['parked', index];
    // `told: false` points at the false; a missing `told` at the item's first line, not the whole item.
    ctx.report(release.source, path, 'parked-not-told', asker ? messages('parked-not-told/asker', { title, asker }) : messages('parked-not-told', { title }), { prefer: item.told === false ? 'value' : 'key' });
  });
}

/** Open work needs a daily check-in; after more than two working days without one, it has stopped. */
function checkCheckinStale(ctx: RuleContext, latest: (typeof ctx.plan.checkins)[number] | undefined): void {
  const release = ctx.release;
  if (!release || ctx.openTasks().length === 0) return;
  // A check-in that could not be read (file-unreadable or file-misnamed says so) may be the recent
  // one: do not claim there is none, or that the last one is old.
  if ([...ctx.plan.unreadable].some((path) => path === CHECKINS_DIR || path.startsWith(`${CHECKINS_DIR}/`))) return;
  // Named inside .release/: a path from the plan root would be wrong from any other folder.
  const file = `checkins/${ctx.today}.yaml`;
  if (!latest) {
    // Before anyone starts, there is nothing to check in about yet.
    const started = ctx.tasks().some(({ task }) => task.status === 'doing' || task.status === 'done' || task.status === 'blocked');
    if (started) {
      ctx.report(release.source, ['tasks'], 'checkin-stale', messages('checkin-stale/none', { file }));
    }
    return;
  }
  const gap = workingDaysBetween(latest.date, ctx.today);
  if (gap > CHECKIN_GAP_DAYS) {
    ctx.report(latest.source, [], 'checkin-stale', messages('checkin-stale', { date: latest.date, gap: counted(gap, 'working-day'), file }));
  }
}
