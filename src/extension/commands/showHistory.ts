import * as vscode from 'vscode';
import { historyMarkdown, unavailableText } from '../historyDocument';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { resolvePlan } from './targets';

/** What Show Plan History did (returned for tests): the document it opened, or why there is no history. */
export type ShowHistoryResult = { shown: true; uri: vscode.Uri } | { shown: false; message: string };

/**
 * Show Plan History: the plan's timeline from Git (tasks added and removed, dates moved, owners
 * changed; who and when) as a read-only Markdown document. Without Git it says plainly why.
 */
export const showHistory: Command = {
  id: COMMAND_IDS.showHistory,
  async run(ctx, arg?: unknown): Promise<ShowHistoryResult | undefined> {
    const plan = await resolvePlan(ctx.store, arg, ctx.prompts);
    if (!plan) return undefined;
    const state = await ctx.history.status(plan.folder);
    if (state.kind === 'unavailable') {
      const message = unavailableText(plan.folder, state);
      void vscode.window.showWarningMessage(message);
      return { shown: false, message };
    }
    const uri = ctx.historyDocuments.set(plan.folder, historyMarkdown(plan.folder, state));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.window.showTextDocument(document, { preview: true });
    return { shown: true, uri };
  },
};
