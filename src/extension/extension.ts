import * as vscode from 'vscode';
import { todayIso } from '../core/dates';
import type { Command, CommandContext } from './commands/command';
import { createPlan } from './commands/createPlan';
import { VIEW_ID } from './commands/ids';
import { openInEditor } from './commands/openInEditor';
import { refresh } from './commands/refresh';
import { showProblems } from './commands/showProblems';
import { QuickFixProvider } from './codeActions';
import { PlanCompletionProvider } from './completion';
import { DiagnosticsManager } from './diagnostics';
import { OwnerHoverProvider } from './hover';
import { PlanStore } from './planStore';
import { ReleaseStatusBar } from './statusBar';
import { ReleaseTreeProvider } from './tree/releaseTree';

/** What `activate` returns: used by the integration tests, and stable enough for other extensions. */
export interface ReleasePlanApi {
  store: PlanStore;
  tree: ReleaseTreeProvider;
  statusBar: ReleaseStatusBar;
  /** Overrides "today" (YYYY-MM-DD) for every check; undefined restores the real date. */
  setToday(today: string | undefined): Promise<void>;
}

/** Plan files in any folder's `.release/`, on any file system (virtual workspaces too). */
const PLAN_FILES: vscode.DocumentSelector = [{ pattern: '**/.release/**/*.{yaml,yml}' }];

const COMMANDS: Command[] = [openInEditor, refresh, createPlan, showProblems];

export function activate(context: vscode.ExtensionContext): ReleasePlanApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Release Plan', { log: true });
  let todayOverride: string | undefined;

  const store = new PlanStore(log, () => todayOverride ?? todayIso());
  const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  const diagnostics = new DiagnosticsManager(store, docs);
  const tree = new ReleaseTreeProvider(store);
  const statusBar = new ReleaseStatusBar(store);
  const commandContext: CommandContext = { store, tree, log, extensionUri: context.extensionUri };

  context.subscriptions.push(
    log,
    store,
    diagnostics,
    tree,
    statusBar,
    vscode.window.registerTreeDataProvider(VIEW_ID, tree),
    vscode.languages.registerCodeActionsProvider(PLAN_FILES, new QuickFixProvider(store), QuickFixProvider.metadata),
    vscode.languages.registerCompletionItemProvider(PLAN_FILES, new PlanCompletionProvider(store), ...PlanCompletionProvider.triggers),
    vscode.languages.registerHoverProvider(PLAN_FILES, new OwnerHoverProvider(store)),
    ...COMMANDS.map((command) => vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.run(commandContext, ...args))),
  );

  void store.refreshAll().then(() => log.info(`Activated; first check done in ${(performance.now() - started).toFixed(0)} ms`));

  return {
    store,
    tree,
    statusBar,
    async setToday(today) {
      todayOverride = today;
      await store.refreshAll();
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
