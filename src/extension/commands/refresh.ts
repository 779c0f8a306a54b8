import type { Command } from './command';
import { COMMAND_IDS } from './ids';

export const refresh: Command = {
  id: COMMAND_IDS.refresh,
  async run(ctx) {
    await ctx.store.refreshAll();
  },
};
