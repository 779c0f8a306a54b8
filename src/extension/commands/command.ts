import type * as vscode from 'vscode';
import type { DashboardManager } from '../dashboard/dashboardManager';
import type { GitHistory } from '../gitHistory';
import type { HistoryDocuments } from '../historyDocument';
import type { PlanStore } from '../planStore';
import type { Prompts } from '../prompts';
import type { RehearsalTimer } from '../rehearsalTimer';
import type { ReleaseTreeProvider } from '../tree/releaseTree';

/** What commands may use; built once in `activate`. */
export interface CommandContext {
  store: PlanStore;
  tree: ReleaseTreeProvider;
  rehearsal: RehearsalTimer;
  dashboards: DashboardManager;
  log: vscode.LogOutputChannel;
  extensionUri: vscode.Uri;
  /** The plan's history from Git, per folder (Show Plan History). */
  history: GitHistory;
  historyDocuments: HistoryDocuments;
  /** Every question a command asks (VS Code's QuickPick and InputBox; tests swap in their own). */
  prompts: Prompts;
}

/** A palette command: a stable id and what it does. Arguments let tests skip the prompts. */
export interface Command {
  id: string;
  run(ctx: CommandContext, ...args: unknown[]): unknown;
}
