import * as vscode from 'vscode';
import { taskLabel } from '../../core/context';
import { isMessage, render, type MessageArg } from '../../core/message';
import { reviewDraft } from '../../core/reviewDraft';
import { undatedJoins } from '../../core/rules/scope';
import { REVIEW_FILE } from '../../core/types';
import { createPlanFile, exists, refuseUntrusted, report } from '../documentEdits';
import { planUri } from '../planFiles';
import type { FolderPlan } from '../planStore';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { resolvePlan } from './targets';

/**
 * Start Post-Release Review: writes `.release/review.yaml` prefilled by core's `reviewDraft` (why
 * scope grew, what blocked, what to keep; the rest as placeholders the rules flag) and opens it.
 * Opens the file instead when it exists (never overwrites); refuses before the release went out,
 * saying why. The file is created through the guarded write path: one undoable edit that fails
 * whole if the file appeared meanwhile. Trusted workspaces only. Returns the file's URI, or
 * undefined when nothing was written or opened. Args (tests, the quick fix): `{ folder }`.
 */
export const startReview: Command = {
  id: COMMAND_IDS.startReview,
  async run(ctx, arg?: unknown) {
    if (!report(refuseUntrusted() ?? { ok: true })) return undefined;
    const plan = await resolvePlan(ctx.store, arg, ctx.prompts);
    if (!plan) return undefined;
    await ctx.store.settled();
    const current = ctx.store.get(plan.folder) ?? plan;
    const uri = planUri(current.folder, REVIEW_FILE);
    if (await exists(uri)) {
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    }
    const refusal = notLaunched(current);
    if (refusal) {
      void vscode.window.showWarningMessage(refusal);
      return undefined;
    }
    // The plan's history from Git, when there is one for this release: late tasks then come with who added them and when.
    const history = await ctx.history.status(current.folder);
    const events = history.kind === 'ready' && history.timeline.release !== undefined && history.timeline.release === current.result.plan.release?.data.release ? history.timeline.events : undefined;
    // Tasks the check could not date after a freeze: the draft does not claim that nothing joined late.
    const undated = undatedJoins(current.result.context)?.tasks.map(({ task, index }) => labelText(taskLabel(task, index))) ?? [];
    if (!report(await createPlanFile(uri, reviewDraft(current.result.plan, { today: current.today, ...(events ? { events } : {}), ...(undated.length > 0 ? { undated } : {}) })))) return undefined;
    await ctx.store.refresh(current.folder);
    await vscode.window.showTextDocument(uri, { preview: false });
    return uri;
  },
};

/** Why there is nothing to review yet (launch.ts's phases), or undefined once the release went out. */
function notLaunched(plan: FolderPlan): string | undefined {
  const { phase, shipped } = plan.result.context.launch;
  if (phase !== 'planning') return undefined;
  if (!shipped) return vscode.l10n.t('The release has not gone out yet, so there is nothing to review: the post-release review starts after launch. Record the launch first with "Release Plan: Mark Release as Shipped".');
  if (shipped.outcome === 'slipped') return vscode.l10n.t('The release slipped on {0}: nothing went out, so there is nothing to review yet. Start the review once it has shipped.', shipped.date);
  return vscode.l10n.t('The launch is recorded for {0}, after today ({1}): start the post-release review once it has gone out.', shipped.date, plan.today);
}

/** A task's label as the review draft writes it (English, like the rest of the team's file): its id, or "#3". */
function labelText(label: MessageArg): string {
  return isMessage(label) ? render(label) : String(label);
}
