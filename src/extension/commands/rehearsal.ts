import * as vscode from 'vscode';
import { appendToList } from '../../core/edits';
import { compareRehearsal, elapsedMinutes } from '../../core/records';
import { ROLLBACK_FILE } from '../../core/types';
import { editPlanFile, exists, report } from '../documentEdits';
import { planUri } from '../planFiles';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { resolvePlan, stringArg } from './targets';

/** Start Rollback Rehearsal: starts the status-bar clock. */
export const startRehearsal: Command = {
  id: COMMAND_IDS.startRehearsal,
  run(ctx) {
    if (ctx.rehearsal.running) {
      void vscode.window.showInformationMessage(vscode.l10n.t('A rehearsal is already running. Stop it from the status bar.'));
      return false;
    }
    ctx.rehearsal.start();
    void vscode.window.showInformationMessage(vscode.l10n.t('Rehearsal started: say "roll back" now. Stop when users are back on the stable version.'));
    return true;
  },
};

/**
 * Stop Rollback Rehearsal: `{ environment, notes, by }` or prompts; appends the rehearsal to
 * rollback.yaml and says how it compares with the target and the previous one.
 */
export const stopRehearsal: Command = {
  id: COMMAND_IDS.stopRehearsal,
  async run(ctx, arg?: unknown) {
    const span = ctx.rehearsal.stop();
    if (!span) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No rehearsal is running. Start one with "Release Plan: Start Rollback Rehearsal".'));
      return undefined;
    }
    const minutes = elapsedMinutes(span.start, span.end);
    const plan = await resolvePlan(ctx.store, arg);
    if (!plan) return undefined;
    const uri = planUri(plan.folder, ROLLBACK_FILE);
    if (!(await exists(uri))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('There is no rollback.yaml to record the rehearsal in ({0} min). Create it first.', minutes));
      return undefined;
    }
    const environment = stringArg(arg, 'environment') ?? (await vscode.window.showQuickPick(['production-like', 'staging', 'laptop', 'other'], { placeHolder: vscode.l10n.t('Where was the rollback rehearsed? ({0} min)', minutes), ignoreFocusOut: true }));
    if (!environment) return undefined;
    const notes = stringArg(arg, 'notes') ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Notes: what was slow, what broke'), ignoreFocusOut: true }));
    if (notes === undefined) return undefined;
    const runs = plan.result.plan.rollback?.data.roles?.runs;
    const by = stringArg(arg, 'by') ?? (typeof runs === 'string' ? runs : undefined);
    const rollback = plan.result.plan.rollback?.data;
    const previous = (rollback?.rehearsals ?? []).filter((r) => typeof r?.minutes === 'number' && typeof r.date === 'string').sort((a, b) => String(a?.date).localeCompare(String(b?.date))).pop()?.minutes;
    const entry = { date: plan.today, environment, minutes, ...(by ? { by } : {}), ...(notes.trim() ? { notes: notes.trim() } : {}) };
    if (!report(await editPlanFile(uri, (text) => appendToList(text, ['rehearsals'], entry)))) return undefined;
    await ctx.store.refresh(plan.folder);
    const message = compareRehearsal(minutes, rollback?.target_minutes, previous);
    void vscode.window.showInformationMessage(message);
    return { minutes, message };
  },
};
