import { isScalar } from 'yaml';
import { dayNumber } from '../dates';
import { counted, type RuleContext } from '../context';
import { defineMessages } from '../message';

/** The sentences of the date rules. */
export const messages = defineMessages({
  'date-target-missing': 'The release has no target date. Add `target: YYYY-MM-DD`: one date the team commits to.',
  'date-backup-missing': 'There is no backup date. Add `backup: YYYY-MM-DD` after target, so a slip has a known landing.',
  'date-backup-before-target': 'The backup date ({backup}) must come after the target ({target}).',
  'date-target-passed/backup-ahead': 'The target date passed {days} ago. Ship by the backup date ({backup}) or move the target.',
  'date-target-passed': 'The target date passed {days} ago. Agree a new target and backup date and tell stakeholders.',
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
}
