import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { resolvePlan } from './targets';

/** Open Dashboard: the release on one page. Arg: `{ folder }` or a tree row. */
export const openDashboard: Command = {
  id: COMMAND_IDS.openDashboard,
  async run(ctx, arg?: unknown) {
    const plan = await resolvePlan(ctx.store, arg, ctx.prompts); // a tree row's folder or `{ folder: Uri }`
    if (!plan) return undefined;
    return ctx.dashboards.open(plan.folder);
  },
};
