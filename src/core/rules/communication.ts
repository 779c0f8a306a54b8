import type { RuleContext } from '../context';
import { checkPerson } from './ownership';

export function checkCommunication(ctx: RuleContext): void {
  const release = ctx.release;
  if (release) {
    (release.data.parked ?? []).forEach((item, index) => {
      if (!item || typeof item.told === 'string') return;
      const who = item.asked_by ? `${item.asked_by} and the other stakeholders` : 'the stakeholders';
      const path = item.told === false ? ['parked', index, 'told'] : ['parked', index];
      // `told: false` points at the false; a missing `told` at the item's first line, not the whole item.
      ctx.report(release.source, path, 'parked-not-told', `"${item.title ?? 'This item'}" was parked but ${who} were not told. Tell them, then set \`told:\` to the date.`, { prefer: item.told === false ? 'value' : 'key' });
    });
  }

  // Only today's (or the latest) check-in: old blocks are history, not today's work.
  const latest = ctx.plan.checkins.filter((c) => c.date <= ctx.today).sort((a, b) => a.date.localeCompare(b.date)).pop();
  for (const checkin of latest ? [latest] : []) {
    (checkin.data.blocks ?? []).forEach((block, index) => {
      if (!block) return;
      const verdict = ctx.people.judge(block.clears);
      if (verdict.kind === 'missing') {
        ctx.report(checkin.source, ['blocks', index], 'checkin-block-unowned', `Nobody clears "${block.what ?? 'this block'}". Add \`clears:\` with the one person who removes it.`);
      } else if (verdict.kind !== 'ok') {
        checkPerson(ctx, checkin.source, ['blocks', index, 'clears'], block.clears, `the block "${block.what ?? ''}"`, { reportMissing: false });
      }
    });
  }
}
