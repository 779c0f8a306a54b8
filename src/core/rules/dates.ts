import { isScalar } from 'yaml';
import { dayNumber } from '../dates';
import { counted, type RuleContext } from '../context';
import { defineMessages } from '../message';
import { shortCommit } from '../timeline';

/** The sentences of the date rules. */
export const messages = defineMessages({
  'date-target-missing': 'The release has no target date. Add `target: YYYY-MM-DD`: one date the team commits to.',
  'date-backup-missing': 'There is no backup date. Add `backup: YYYY-MM-DD` after target, so a slip has a known landing.',
  'date-backup-before-target': 'The backup date ({backup}) must come after the target ({target}).',
  'date-target-passed/backup-ahead': 'The target date passed {days} ago. Ship by the backup date ({backup}) or move the target.',
  'date-target-passed': 'The target date passed {days} ago. Agree a new target and backup date and tell stakeholders.',
  'plan-churn': 'The target date moved {count} times in this release, last from {from} to {to} on {date} by {author}. A date that keeps moving is not a commitment: cut scope to fit this one and hold it.',
  /** As above, when the plan's history read from git is cut off (a shallow clone, or more versions than are read): only the moves seen are counted. */
  'plan-churn/truncated': 'The target date moved at least {count} times in this release (its history before {since} was not read), last from {from} to {to} on {date} by {author}. A date that keeps moving is not a commitment: cut scope to fit this one and hold it.',
  /** As `plan-churn` and `plan-churn/truncated`, when git records no name for the last move's author. */
  'plan-churn/unnamed': 'The target date moved {count} times in this release, last from {from} to {to} on {date} by an unnamed author. A date that keeps moving is not a commitment: cut scope to fit this one and hold it.',
  'plan-churn/truncated-unnamed': 'The target date moved at least {count} times in this release (its history before {since} was not read), last from {from} to {to} on {date} by an unnamed author. A date that keeps moving is not a commitment: cut scope to fit this one and hold it.',
  /** Related information, one per move of the target (git history): `{commit}` is the commit's short hash. */
  'plan-churn/move': 'Moved from {from} to {to} on {date} by {author} (commit {commit}).',
  /** As above, when the move reached the main line in a merge: `{author}` merged it. */
  'plan-churn/move-merge': 'Moved from {from} to {to} on {date} in a merge by {author} (merge commit {commit}).',
  /** As the two above, when git records no name for the author. */
  'plan-churn/move-unnamed': 'Moved from {from} to {to} on {date} by an unnamed author (commit {commit}).',
  'plan-churn/move-merge-unnamed': 'Moved from {from} to {to} on {date} in a merge by an unnamed author (merge commit {commit}).',
});

export function checkDates(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  const { source, data } = release;
  // A key with an invalid value is present (date-invalid says why); an empty `target:` is not.
  const present = (key: string) => {
    const node = source.node([key]);
    return node !== undefined && !(isScalar(node) && node.value === null);
  };

  const target = dayNumber(data.target);
  const backup = dayNumber(data.backup);
  if (!present('target')) {
    ctx.report(source, source.node(['target']) ? ['target'] : [], 'date-target-missing', messages('date-target-missing'));
  }
  if (!present('backup')) {
    ctx.report(source, source.node(['backup']) ? ['backup'] : present('target') ? ['target'] : [], 'date-backup-missing', messages('date-backup-missing'));
  }
  if (target !== undefined && backup !== undefined && backup <= target) {
    ctx.report(source, ['backup'], 'date-backup-before-target', messages('date-backup-before-target', { backup: String(data.backup), target: String(data.target) }), { prefer: 'value' });
  }
  const today = dayNumber(ctx.today);
  // Once the release went out, its target is history, not a date to chase.
  if (target !== undefined && today !== undefined && today > target && !ctx.afterLaunch()) {
    const days = counted(today - target, 'day');
    const message = backup !== undefined && today <= backup ? messages('date-target-passed/backup-ahead', { days, backup: String(data.backup) }) : messages('date-target-passed', { days });
    ctx.report(source, ['target'], 'date-target-passed', message, { prefer: 'value' });
  }
  // Once the release went out, how often its date moved is for the review, not a warning.
  if (!ctx.afterLaunch()) checkChurn(ctx);
}

/**
 * `plan-churn`: the target moved more than once in this release, by the plan's git history. A move
 * is a change from one date to another (setting the first target, or removing it, is not one), made
 * once the plan was no longer a draft (a move from a version whose problem was still a placeholder
 * is filling in the template: the timeline marks it `draft`). A cut-off history (shallow clone,
 * version limit) counts the moves it saw: "at least".
 */
function checkChurn(ctx: RuleContext): void {
  const release = ctx.release;
  const timeline = ctx.timeline();
  if (!release || !timeline || !release.source.node(['target'])) return;
  const moves = timeline.events.flatMap((event) => (event.kind === 'target-moved' && event.from !== undefined && event.to !== undefined && !event.draft ? [{ ...event, from: event.from, to: event.to }] : []));
  const last = moves[moves.length - 1];
  if (moves.length < 2 || !last) return;
  const { source } = release;
  const related = moves.map((move) => {
    const facts = { from: move.from, to: move.to, date: move.date, commit: shortCommit(move.commit) };
    // Git may record an empty name: "by an unnamed author", never "by ."
    const said = move.author.trim() === '' ? messages(move.merge ? 'plan-churn/move-merge-unnamed' : 'plan-churn/move-unnamed', facts) : messages(move.merge ? 'plan-churn/move-merge' : 'plan-churn/move', { ...facts, author: move.author });
    return ctx.related(source, ['target'], said);
  });
  const facts = { count: moves.length, from: last.from, to: last.to, date: last.date };
  const unnamed = last.author.trim() === '';
  const cut = timeline.truncated;
  const message = cut
    ? unnamed
      ? messages('plan-churn/truncated-unnamed', { ...facts, since: cut.date })
      : messages('plan-churn/truncated', { ...facts, since: cut.date, author: last.author })
    : unnamed
    ? messages('plan-churn/unnamed', facts)
    : messages('plan-churn', { ...facts, author: last.author });
  ctx.report(source, ['target'], 'plan-churn', message, { prefer: 'value', related });
}
