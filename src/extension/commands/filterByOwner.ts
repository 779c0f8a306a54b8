import * as vscode from 'vscode';
import { ownerCandidates } from '../people';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { resolvePlan } from './targets';

/** Filter by Owner: shows only one person's tasks in the Release view. Arg: the owner's name. */
export const filterByOwner: Command = {
  id: COMMAND_IDS.filterByOwner,
  async run(ctx, owner?: unknown) {
    let name = typeof owner === 'string' ? owner : undefined;
    if (name === undefined) {
      const plan = await resolvePlan(ctx.store);
      const people = plan ? ownerCandidates(plan.result) : [];
      const picked = await vscode.window.showQuickPick([{ label: vscode.l10n.t('Everyone'), value: '' }, ...people.map((p) => ({ label: p, value: p }))], { placeHolder: vscode.l10n.t('Show the tasks of…') });
      if (!picked) return;
      name = picked.value;
    }
    ctx.tree.setOwnerFilter(name);
  },
};

export const clearFilter: Command = {
  id: COMMAND_IDS.clearFilter,
  run(ctx) {
    ctx.tree.setOwnerFilter(undefined);
  },
};
