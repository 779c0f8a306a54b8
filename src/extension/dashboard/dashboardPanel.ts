import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import { setValue, type EditResult } from '../../core/edits';
import { markToldEdit, parkTaskEdit } from '../../core/planEdits';
import { RELEASE_FILE } from '../../core/types';
import { dashboardHtml, makeNonce } from '../../shared/dashboardHtml';
import { dashboardState } from '../../shared/dashboardState';
import { WebviewMessageSchema, type DashboardState, type HostMessage, type WebviewMessage } from '../../shared/protocol';
import { COMMAND_IDS } from '../commands/ids';
import type { YamlPath } from '../../core/source';
import { textHash, type PlanTarget } from '../../core/targets';
import { editTarget } from '../documentEdits';
import { planUri } from '../planFiles';
import type { PlanStore } from '../planStore';
import type { HistoryNote } from '../../shared/protocol';
import { webviewStrings } from './webviewStrings';

/** Where the plan's history from Git stands per folder (GitHistory), and when that changed. */
export interface HistoryNotes {
  note(folder: vscode.WorkspaceFolder): HistoryNote;
  readonly onDidChange: vscode.Event<vscode.WorkspaceFolder>;
}

export const DASHBOARD_VIEW_TYPE = 'releasePlan.dashboard';

/** What the panel keeps across reloads (through the webview's state and the serializer). */
export interface DashboardPersistedState {
  /** The workspace folder's URI (a folder's name only, from before names could repeat). */
  folder: string;
}

/**
 * One dashboard tab for one workspace folder. Posts the folder's state whenever the plan is
 * re-checked; treats every message from the webview as untrusted input.
 */
export class DashboardPanel extends Disposable {
  private ready = false;
  /**
   * Who each row was, in the states this panel posted (the last few): an action quotes the
   * generation it was rendered with, and its row index is turned back into that task's identity,
   * which the guarded write then finds in the current text — wherever the task is now.
   */
  private readonly rendered = new Map<number, { tasks: PlanTarget[]; parked: PlanTarget[] }>();
  /** Messages received and refused, for tests and the log. */
  readonly refused: string[] = [];
  /** The last state posted to the page (tests read what it was shown). */
  lastState: DashboardState | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly folder: vscode.WorkspaceFolder,
    private readonly store: PlanStore,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    onDispose: () => void,
    private readonly history?: HistoryNotes,
  ) {
    super();
    const roots = [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
    panel.webview.html = this.html();
    this._register(panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)));
    this._register(
      store.onDidChange((changed) => {
        if (changed.uri.toString() === folder.uri.toString()) this.postState();
      }),
    );
    // Git said it cannot (not a repository, no Git …): the plan store re-checks only when the timeline
    // changed, so "Scope over time" hears here that "reading the history" became why there is none.
    // A history that is ready comes with a new check, posted when the store has it.
    if (history) {
      this._register(
        history.onDidChange((changed) => {
          if (changed.uri.toString() === folder.uri.toString() && history.note(folder).state !== 'ready') this.postState();
        }),
      );
    }
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register({ dispose: () => onDispose() });
    this._register(panel);
  }

  reveal(): void {
    this.panel.reveal();
  }

  private html(): string {
    const webview = this.panel.webview;
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    return dashboardHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: asset('dist', 'webview.js'),
      styleUri: asset('media', 'dashboard.css'),
      codiconsUri: asset('dist', 'codicons', 'codicon.css'),
      title: vscode.l10n.t('Release Dashboard — {0}', this.folder.name),
      strings: webviewStrings(),
      lang: vscode.env.language,
    });
  }

  private postState(): void {
    if (!this.ready) return;
    const plan = this.store.get(this.folder);
    const state = dashboardState(this.folder.name, plan?.result, plan?.generation ?? 0, this.folder.uri.toString(), this.history?.note(this.folder));
    if (plan && state.kind === 'plan') this.remember(state.generation, plan.result);
    if (state.kind === 'plan') this.panel.title = vscode.l10n.t('Release: {0}', state.summary.name);
    this.lastState = state;
    void this.post({ type: 'state', state });
  }

  /** Whether this panel has shown the check `generation` (tests wait for it before acting). */
  hasRendered(generation: number): boolean {
    return this.rendered.has(generation);
  }

  private remember(generation: number, result: NonNullable<ReturnType<PlanStore['get']>>['result']): void {
    const release = result.plan.release?.data;
    const source = result.plan.release?.source.text;
    const hash = source === undefined ? {} : { textHash: textHash(source) };
    const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
    const tasks: PlanTarget[] = (release?.tasks ?? []).map((task, index) => {
      const id = task?.id !== undefined ? String(task.id).trim() : undefined;
      const title = text(task?.title);
      return { kind: 'task', index, ...(id !== undefined ? { id } : {}), ...(title !== undefined ? { title } : {}), ...hash };
    });
    const parked: PlanTarget[] = (release?.parked ?? []).map((item, index) => {
      const title = text(item?.title);
      return { kind: 'parked', index, ...(title !== undefined ? { title } : {}), ...hash };
    });
    this.rendered.set(generation, { tasks, parked });
    for (const old of [...this.rendered.keys()].sort((a, b) => a - b).slice(0, -8)) this.rendered.delete(old);
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  private notice(level: 'info' | 'warning', message: string): void {
    void this.post({ type: 'notice', level, message });
    if (level === 'warning') void vscode.window.showWarningMessage(message);
  }

  /** Validates, then dispatches. Returns what happened, for tests. */
  async receive(raw: unknown): Promise<'ok' | 'refused' | 'invalid'> {
    const parsed = WebviewMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.refused.push(JSON.stringify(raw)?.slice(0, 200) ?? String(raw));
      this.log.warn(`Dashboard sent an invalid message; ignored: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      return 'invalid';
    }
    const message = parsed.data;
    try {
      return await this.handle(message);
    } catch (error) {
      this.log.error('Dashboard action failed', error);
      this.notice('warning', vscode.l10n.t('The action failed: {0}', error instanceof Error ? error.message : String(error)));
      return 'refused';
    }
  }

  private async handle(message: WebviewMessage): Promise<'ok' | 'refused'> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.postState();
        return 'ok';
      case 'runGonogo':
        await vscode.commands.executeCommand(COMMAND_IDS.runGonogo, { folder: this.folder.uri });
        return 'ok';
      case 'openLocation': {
        const range = new vscode.Range(message.line, message.character, message.line, message.character);
        await vscode.window.showTextDocument(planUri(this.folder, message.file), { selection: range, viewColumn: vscode.ViewColumn.One });
        return 'ok';
      }
      case 'assignOwner':
        return this.edit(message.generation, 'tasks', message.taskIndex, (text, path) => setValue(text, [...path, 'owner'], message.owner.trim()));
      case 'setStatus':
        return this.edit(message.generation, 'tasks', message.taskIndex, (text, path) => setValue(text, [...path, 'status'], message.status));
      case 'markTold': {
        const today = this.store.today();
        return this.edit(message.generation, 'parked', message.parkedIndex, (text, path) => markToldEdit(text, path, today));
      }
      case 'parkTask':
        return this.edit(message.generation, 'tasks', message.taskIndex, (text, path) => parkTaskEdit(text, path[1] as number, message.reason, message.askedBy));
    }
  }

  /**
   * Applies an edit to the row the webview showed, through the guarded write path: the row's
   * identity (from the state it was rendered with) is found in the current text, so a click on a
   * view that is a moment old still reaches the right task — or is refused, never misplaced.
   */
  private async edit(generation: number, list: 'tasks' | 'parked', index: number, compute: (text: string, path: YamlPath) => EditResult): Promise<'ok' | 'refused'> {
    await this.store.settled();
    const target = this.rendered.get(generation)?.[list][index];
    if (!target) {
      this.notice('warning', vscode.l10n.t('The dashboard was out of date; nothing was written. Look again and retry.'));
      this.postState();
      return 'refused';
    }
    const plan = this.store.get(this.folder);
    const uri = planUri(this.folder, RELEASE_FILE);
    // Known only by position (no id, no title): only safe on the very text that was rendered.
    const readVersion = plan && plan.generation === generation ? plan.versions.get(uri.toString()) : -1;
    const result = await editTarget(uri, target, compute, readVersion);
    if (!result.ok) {
      this.notice('warning', result.reason);
      this.postState();
      return 'refused';
    }
    await this.store.refresh(this.folder);
    return 'ok';
  }


}
