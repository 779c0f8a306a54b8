import * as vscode from 'vscode';
import { isIsoDate, msToNextLocalMidnight, todayIso } from '../core/dates';
import type { Command, CommandContext } from './commands/command';
import { addTask } from './commands/addTask';
import { assignOwner } from './commands/assignOwner';
import { createPlan } from './commands/createPlan';
import { dailyCheckin } from './commands/dailyCheckin';
import { openDashboard } from './commands/openDashboard';
import { clearFilter, filterByOwner } from './commands/filterByOwner';
import { markShipped } from './commands/markShipped';
import { closeAndStartNext } from './commands/closeAndStartNext';
import { startReview } from './commands/startReview';
import { markTold } from './commands/markTold';
import { parkTask } from './commands/parkTask';
import { startRehearsal, stopRehearsal } from './commands/rehearsal';
import { runGonogo } from './commands/runGonogo';
import { setStatus } from './commands/setStatus';
import { VIEW_ID } from './commands/ids';
import { openInEditor } from './commands/openInEditor';
import { refresh } from './commands/refresh';
import { showProblems } from './commands/showProblems';
import { showHistory } from './commands/showHistory';
import { GitHistory } from './gitHistory';
import { HistoryDocuments } from './historyDocument';
import { QuickFixProvider } from './codeActions';
import { PlanCompletionProvider } from './completion';
import { DashboardManager } from './dashboard/dashboardManager';
import { DiagnosticsManager } from './diagnostics';
import { OwnerHoverProvider } from './hover';
import { PlanStore } from './planStore';
import { windowPrompts, type Prompts } from './prompts';
import { RehearsalTimer } from './rehearsalTimer';
import { ReleaseStatusBar } from './statusBar';
import { ReleaseTreeProvider } from './tree/releaseTree';
import { WalkthroughContext } from './walkthroughContext';
import type { HostServices } from './host';
import { LanguageModelTools } from './lmTools';

/** What `activate` returns: used by the integration tests, and stable enough for other extensions. */
export interface ReleasePlanApi {
  /** Which entry runs: `desktop` (Node) or `web` (a browser web worker: no git history). */
  host: HostServices['kind'];
  store: PlanStore;
  /** The plan's history from Git, per folder. */
  history: GitHistory;
  tree: ReleaseTreeProvider;
  statusBar: ReleaseStatusBar;
  rehearsal: RehearsalTimer;
  dashboards: DashboardManager;
  /** The Language Model Tools (`release-plan_*`), by name: what `vscode.lm.registerTool` got. */
  languageModelTools: LanguageModelTools;
  /** How long `activate` took, and the first check of every folder after it (ms). */
  timings: { activateMs: number; firstCheckMs?: number };
  /** Overrides "today" (YYYY-MM-DD) for every check; undefined restores the real date. */
  setToday(today: string | undefined): Promise<void>;
  /** Answers the commands' questions instead of the QuickPick and InputBox (tests); undefined restores them. */
  setPrompts(prompts: Prompts | undefined): void;
}

/** Plan files in any folder's `.release/`, on any file system (virtual workspaces too). */
const PLAN_FILES: vscode.DocumentSelector = [{ pattern: '**/.release/**/*.{yaml,yml}' }];

const COMMANDS: Command[] = [
  openInEditor,
  refresh,
  createPlan,
  showProblems,
  runGonogo,
  startRehearsal,
  stopRehearsal,
  dailyCheckin,
  addTask,
  assignOwner,
  setStatus,
  parkTask,
  markTold,
  markShipped,
  closeAndStartNext,
  startReview,
  filterByOwner,
  clearFilter,
  openDashboard,
  showHistory,
];

/**
 * Starts the extension on either host: the desktop entry (extension.ts) and the web entry (web.ts)
 * differ only in the `host` services they pass.
 */
export function activateOn(context: vscode.ExtensionContext, host: HostServices): ReleasePlanApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Release Plan', { log: true });
  let todayOverride: string | undefined;

  const history = new GitHistory(log, host.gitRunner);
  const historyDocuments = new HistoryDocuments();
  const store = new PlanStore(log, () => todayOverride ?? configuredToday() ?? todayIso(), history);
  const docs = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md');
  const diagnostics = new DiagnosticsManager(store, docs);
  const tree = new ReleaseTreeProvider(store);
  const statusBar = new ReleaseStatusBar(store);
  const rehearsal = new RehearsalTimer(context.workspaceState);
  const dashboards = new DashboardManager(store, context.extensionUri, log, history);
  const languageModelTools = new LanguageModelTools(store, context.extensionUri, log);
  const commandContext: CommandContext = { store, tree, rehearsal, dashboards, log, extensionUri: context.extensionUri, prompts: windowPrompts, history, historyDocuments };

  context.subscriptions.push(
    log,
    history,
    historyDocuments,
    store,
    diagnostics,
    tree,
    statusBar,
    rehearsal,
    dashboards,
    languageModelTools,
    new WalkthroughContext(store, context),
    vscode.window.registerTreeDataProvider(VIEW_ID, tree),
    vscode.languages.registerCodeActionsProvider(PLAN_FILES, new QuickFixProvider(store), QuickFixProvider.metadata),
    vscode.languages.registerCompletionItemProvider(PLAN_FILES, new PlanCompletionProvider(store), ...PlanCompletionProvider.triggers),
    vscode.languages.registerHoverProvider(PLAN_FILES, new OwnerHoverProvider(store)),
    ...COMMANDS.map((command) => vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.run(commandContext, ...args))),
  );

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('releasePlan.today')) void store.refreshAll();
    }),
  );
  context.subscriptions.push(store.onDidChange(() => void vscode.commands.executeCommand('setContext', 'releasePlan.hasPlan', store.hasPlan)));
  // "Today" rolls over at local midnight: re-check then, so T-minus and "has happened" move on.
  let midnight: ReturnType<typeof setTimeout> | undefined;
  const atMidnight = () => {
    midnight = setTimeout(() => {
      void store.refreshAll();
      atMidnight();
    }, msToNextLocalMidnight());
  };
  atMidnight();
  context.subscriptions.push({ dispose: () => clearTimeout(midnight) });
  // A timer is late by however long the machine slept: back in the window, check the day again.
  context.subscriptions.push(
    vscode.window.onDidChangeWindowState((state) => {
      if (state.focused && store.all().some((plan) => plan.today !== store.today())) void store.refreshAll();
    }),
  );
  const timings: ReleasePlanApi['timings'] = { activateMs: 0 };
  void store.refreshAll().then(() => {
    timings.firstCheckMs = performance.now() - started;
    log.info(`Activated in ${timings.activateMs.toFixed(0)} ms; first check done after ${timings.firstCheckMs.toFixed(0)} ms`);
  });
  timings.activateMs = performance.now() - started;

  return {
    host: host.kind,
    timings,
    store,
    history,
    tree,
    statusBar,
    rehearsal,
    dashboards,
    languageModelTools,
    async setToday(today) {
      todayOverride = today;
      await store.refreshAll();
    },
    setPrompts(prompts) {
      commandContext.prompts = prompts ?? windowPrompts;
    },
  };
}

/** `releasePlan.today`: check as of a fixed day (demos, screenshots, the examples). */
function configuredToday(): string | undefined {
  const value = vscode.workspace.getConfiguration('releasePlan').get<string>('today', '').trim();
  return isIsoDate(value) ? value : undefined;
}
