import { workingDaysBetween } from '../dates';
import { CHECKINS_DIR } from '../types';
import { counted, type RuleContext } from '../context';
import { evidenceState, latestHappened } from '../evidence';
import { defineMessages } from '../message';
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
