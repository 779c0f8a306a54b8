import { isScalar } from 'yaml';
import { dayNumber } from '../dates';
import type { RuleContext } from '../context';

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
    ctx.report(source, source.node(['target']) ? ['target'] : [], 'date-target-missing', 'The release has no target date. Add `target: YYYY-MM-DD`: one date the team commits to.');
  }
  if (!present('backup')) {
    ctx.report(source, source.node(['backup']) ? ['backup'] : present('target') ? ['target'] : [], 'date-backup-missing', 'There is no backup date. Add `backup: YYYY-MM-DD` after target, so a slip has a known landing.');
  }
  if (target !== undefined && backup !== undefined && backup <= target) {
    ctx.report(source, ['backup'], 'date-backup-before-target', `The backup date (${data.backup}) must come after the target (${data.target}).`, { prefer: 'value' });
  }
  const today = dayNumber(ctx.today);
  if (target !== undefined && today !== undefined && today > target) {
    const late = today - target;
    const tail = backup !== undefined && today <= backup ? `Ship by the backup date (${data.backup}) or move the target.` : 'Agree a new target and backup date and tell stakeholders.';
    ctx.report(source, ['target'], 'date-target-passed', `The target date passed ${late} day${late === 1 ? '' : 's'} ago. ${tail}`, { prefer: 'value' });
  }
}
