import * as vscode from 'vscode';
import { diffEdit } from '../../core/diff';
import { appendToList, applyEdits } from '../../core/edits';
import { checkinRecord } from '../../core/records';
import { CHECKINS_DIR } from '../../core/types';
import { createPlanFile, editPlanFile, exists, report } from '../documentEdits';
import { ownerCandidates } from '../people';
import { planUri } from '../planFiles';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { isRecord, resolvePlan } from './targets';

interface CheckinArgs {
  shipped?: string[];
  blocks?: { what: string; clears?: string }[];
}

/** Daily Check-in: three short prompts, written to `checkins/<today>.yaml` (appended if it exists). */
export const dailyCheckin: Command = {
  id: COMMAND_IDS.dailyCheckin,
  async run(ctx, rawArgs?: unknown) {
    const args: CheckinArgs = isRecord(rawArgs) ? (rawArgs as CheckinArgs) : {};
    const plan = await resolvePlan(ctx.store, rawArgs, ctx.prompts);
    if (!plan) return undefined;
    const shipped = args.shipped ?? split(await ctx.prompts.input({ title: vscode.l10n.t('Check-in (1/3)'), prompt: vscode.l10n.t('What shipped yesterday? Separate items with ";"'), ignoreFocusOut: true }));
    if (!shipped) return undefined;
    let blocks = args.blocks;
    if (!blocks) {
      const whats = split(await ctx.prompts.input({ title: vscode.l10n.t('Check-in (2/3)'), prompt: vscode.l10n.t('What blocks today? Separate items with ";" (empty: nothing)'), ignoreFocusOut: true }));
      if (!whats) return undefined;
      blocks = [];
      for (const what of whats) {
        const clears = await ctx.prompts.person(ownerCandidates(plan.result), vscode.l10n.t('Check-in (3/3): who removes "{0}"? One person.', what));
        if (clears === undefined) return undefined;
        blocks.push({ what, clears });
      }
    }
    const uri = planUri(plan.folder, `${CHECKINS_DIR}/${plan.today}.yaml`);
    const written = (await exists(uri))
      ? await editPlanFile(uri, (text) => {
          let next = text;
          for (const item of shipped) {
            const step = appendToList(next, ['shipped'], item);
            if (!step.ok) return step;
            next = applyEdits(next, step.edits);
          }
          for (const block of blocks ?? []) {
            const step = appendToList(next, ['blocks'], { what: block.what, ...(block.clears ? { clears: block.clears } : {}) });
            if (!step.ok) return step;
            next = applyEdits(next, step.edits);
          }
          return { ok: true, edits: diffEdit(text, next) };
        })
      : await createPlanFile(uri, checkinRecord(shipped, blocks));
    if (!report(written)) return undefined;
    await ctx.store.refresh(plan.folder);
    return uri;
  },
};

function split(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text.split(';').map((item) => item.trim()).filter(Boolean);
}
