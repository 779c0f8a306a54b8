import * as vscode from 'vscode';
import { markToldEdit } from '../../core/planEdits';
import { textHash, type PlanTarget } from '../../core/targets';
import { RELEASE_FILE } from '../../core/types';
import { editTarget, report } from '../documentEdits';
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
    const plan = await resolvePlan(ctx.store, arg, ctx.prompts); // a tree row's folder or `{ folder: Uri }`
    if (!plan) return false;
    const parked = plan.result.plan.release?.data.parked ?? [];
    let index = isRecord(arg) && typeof arg.index === 'number' ? arg.index : node?.id ? Number(/#parked-(\d+)$/.exec(node.id)?.[1]) : undefined;
    if (index === undefined || Number.isNaN(index)) {
      const untold = parked.map((item, i) => ({ item, i })).filter(({ item }) => item && typeof item.told !== 'string');
      const picked = await ctx.prompts.pick(
        untold.map(({ item, i }) => ({ label: item?.title ?? `#${i + 1}`, description: item?.asked_by ?? '', index: i })),
        { placeHolder: vscode.l10n.t('Which parked item were the stakeholders told about?') },
      );
      index = picked?.index;
    }
    if (index === undefined) return false;
    const title = parked[index]?.title?.trim();
    const text = plan.result.plan.release?.source.text;
    const target: PlanTarget = { kind: 'parked', index, ...(title ? { title } : {}), ...(text !== undefined ? { textHash: textHash(text) } : {}) };
    const uri = planUri(plan.folder, RELEASE_FILE);
    const done = report(await editTarget(uri, target, (text, path) => markToldEdit(text, path, plan.today), plan.versions.get(uri.toString())));
    await ctx.store.refresh(plan.folder);
    return done;
  },
};
