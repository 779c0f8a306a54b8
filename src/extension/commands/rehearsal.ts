import * as vscode from 'vscode';
import { appendToList } from '../../core/edits';
import { compareRehearsal, elapsedMinutes } from '../../core/records';
import { ROLLBACK_FILE } from '../../core/types';
import { editPlanFile, exists, refuseUntrusted, report } from '../documentEdits';
import { planUri } from '../planFiles';
import { localize } from '../translate';
import type { Command, CommandContext } from './command';
import { COMMAND_IDS } from './ids';
import { isRecord, resolvePlan, stringArg } from './targets';

const ENVIRONMENTS = ['production-like', 'staging', 'laptop', 'other'];

/** Start Rollback Rehearsal: starts the status-bar clock (kept across a window reload). */
export const startRehearsal: Command = {
  id: COMMAND_IDS.startRehearsal,
  async run(ctx, arg?: unknown) {
    // A rehearsal ends in a write to rollback.yaml: do not let anyone time one that cannot be recorded.
    if (!report(refuseUntrusted() ?? { ok: true })) return false;
    if (ctx.rehearsal.running) {
      void vscode.window.showInformationMessage(vscode.l10n.t('A rehearsal is already running. Stop it from the status bar.'));
      return false;
    }
    // The rehearsal is for one release: Stop records it there, whichever editor is active then.
    const plan = await resolvePlan(ctx.store, arg, ctx.prompts);
    if (!plan) return false;
    await ctx.rehearsal.start(plan.folder.uri.toString());
    void vscode.window.showInformationMessage(vscode.l10n.t('Rehearsal started: say "roll back" now. Stop when users are back on the stable version.'));
    return true;
  },
};

/**
 * Stop Rollback Rehearsal: stops the clock at once, then asks where and notes (`{ environment,
 * notes, by }` skip the questions) and appends the rehearsal to rollback.yaml. The questions are
 * optional: Escape records the rehearsal with what is known. The measured minutes are kept until
 * they are written; if the write cannot happen, the clock stays (stopped) in the status bar.
 */
export const stopRehearsal: Command = {
  id: COMMAND_IDS.stopRehearsal,
  async run(ctx, arg?: unknown) {
    if (ctx.rehearsal.recording) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The rehearsal is being recorded: answer the open question first.'));
      return undefined;
    }
    ctx.rehearsal.recording = true;
    try {
      return await record(ctx, arg);
    } finally {
      ctx.rehearsal.recording = false;
    }
  },
};

async function record(ctx: CommandContext, arg?: unknown): Promise<{ minutes: number; message: string } | undefined> {
    const span = await ctx.rehearsal.stop();
    if (!span) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No rehearsal is running. Start one with "Release Plan: Start Rollback Rehearsal".'));
      return undefined;
    }
    const minutes = elapsedMinutes(span.start, span.end);
    /** Says why the rehearsal is not written yet (one whole sentence per case); the clock keeps it. */
    const keep = (message: string) => {
      void vscode.window.showWarningMessage(message);
      return undefined;
    };
    const started = ctx.rehearsal.folder;
    const plan = await resolvePlan(ctx.store, started && !isRecord(arg) ? { folder: vscode.Uri.parse(started) } : arg, ctx.prompts);
    if (!plan) return keep(vscode.l10n.t('The rehearsal ({0} min) is not recorded yet: no release was chosen. It is kept; click the status bar to record it.', minutes));
    const uri = planUri(plan.folder, ROLLBACK_FILE);
    if (!(await exists(uri))) return keep(vscode.l10n.t('The rehearsal ({0} min) is not recorded yet: there is no rollback.yaml to record it in. Create it first. It is kept; click the status bar to record it.', minutes));
    const environment = stringArg(arg, 'environment') ?? (await ctx.prompts.pick(ENVIRONMENTS.map((label) => ({ label })), { placeHolder: vscode.l10n.t('Where was the rollback rehearsed? ({0} min; Escape to skip)', minutes), ignoreFocusOut: true }))?.label;
    const notes = stringArg(arg, 'notes') ?? (await ctx.prompts.input({ prompt: vscode.l10n.t('Notes: what was slow, what broke (Escape to skip)'), ignoreFocusOut: true }));
    const runs = plan.result.plan.rollback?.data.roles?.runs;
    const by = stringArg(arg, 'by') ?? (typeof runs === 'string' ? runs : undefined);
    const rollback = plan.result.plan.rollback?.data;
    const previous = (rollback?.rehearsals ?? []).filter((r) => typeof r?.minutes === 'number' && typeof r.date === 'string').sort((a, b) => String(a?.date).localeCompare(String(b?.date))).pop()?.minutes;
    const entry = { date: plan.today, ...(environment ? { environment } : {}), minutes, ...(by ? { by } : {}), ...(notes?.trim() ? { notes: notes.trim() } : {}) };
    // Cleared or restarted meanwhile (another window, Start again): this span is no longer the one to record.
    if (!ctx.rehearsal.holds(span)) return undefined;
    const written = await editPlanFile(uri, (text) => appendToList(text, ['rehearsals'], entry));
    if (!written.ok) return keep(vscode.l10n.t('The rehearsal ({0} min) is not recorded yet: {1} It is kept; click the status bar to record it.', minutes, written.reason));
    await ctx.rehearsal.clear();
    await ctx.store.refresh(plan.folder);
    const message = localize(compareRehearsal(minutes, rollback?.target_minutes, previous));
    void vscode.window.showInformationMessage(message);
    return { minutes, message };
}
