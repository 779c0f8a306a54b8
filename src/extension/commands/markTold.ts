import * as vscode from 'vscode';
import { setValue } from '../../core/edits';
import { RELEASE_FILE } from '../../core/types';
import { editPlanFile, report } from '../documentEdits';
import { planUri } from '../planFiles';
import type { ReleaseNode } from '../tree/releaseTree';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { isRecord, resolvePlan } from './targets';

/** Mark as Told: sets `told:` of a parked item to today. Arg: a tree row or `{ index }`. */
export const markTold: Command = {
  id: COMMAND_IDS.markTold,
  async run(ctx, arg?: unknown) {
    const node = arg as Partial<ReleaseNode> | undefined;
    const plan = await resolvePlan(ctx.store, arg); // a tree row's folder or `{ folder: Uri }`
    if (!plan) return false;
    let index = isRecord(arg) && typeof arg.index === 'number' ? arg.index : node?.id ? Number(/#parked-(\d+)$/.exec(node.id)?.[1]) : undefined;
    if (index === undefined || Number.isNaN(index)) {
      const untold = (plan.result.plan.release?.data.parked ?? []).map((item, i) => ({ item, i })).filter(({ item }) => item && typeof item.told !== 'string');
      const picked = await vscode.window.showQuickPick(
        untold.map(({ item, i }) => ({ label: item?.title ?? `#${i + 1}`, description: item?.asked_by ?? '', index: i })),
        { placeHolder: vscode.l10n.t('Which parked item were the stakeholders told about?') },
      );
      index = picked?.index;
    }
    if (index === undefined) return false;
    const done = report(await editPlanFile(planUri(plan.folder, RELEASE_FILE), (text) => setValue(text, ['parked', index, 'told'], plan.today)));
    await ctx.store.refresh(plan.folder);
    return done;
  },
};
