import * as vscode from 'vscode';
import { setValue, type EditResult } from '../../core/edits';
import { parkTaskEdit } from '../../core/planEdits';
import { RELEASE_FILE } from '../../core/types';
import { dashboardHtml, makeNonce } from '../../shared/dashboardHtml';
import { dashboardState } from '../../shared/dashboardState';
import { WebviewMessageSchema, type HostMessage, type WebviewMessage } from '../../shared/protocol';
import { COMMAND_IDS } from '../commands/ids';
import { editPlanFile } from '../documentEdits';
import { planUri } from '../planFiles';
import type { PlanStore } from '../planStore';

export const DASHBOARD_VIEW_TYPE = 'releasePlan.dashboard';

/** What the panel keeps across reloads (through the webview's state and the serializer). */
export interface DashboardPersistedState {
  folder: string;
}

/**
 * One dashboard tab for one workspace folder. Posts the folder's state whenever the plan is
 * re-checked; treats every message from the webview as untrusted input.
 */
export class DashboardPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  /** Messages received and refused, for tests and the log. */
  readonly refused: string[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly folder: vscode.WorkspaceFolder,
    private readonly store: PlanStore,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly onDispose: () => void,
  ) {
    const roots = [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
    panel.webview.html = this.html();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      store.onDidChange((changed) => {
        if (changed.uri.toString() === folder.uri.toString()) this.postState();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
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
      title: `Release Dashboard — ${this.folder.name}`,
    });
  }

  private postState(): void {
    if (!this.ready) return;
    const plan = this.store.get(this.folder);
    const state = dashboardState(this.folder.name, plan?.result, plan?.generation ?? 0);
    if (state.kind === 'plan') this.panel.title = `Release: ${state.summary.name}`;
    void this.post({ type: 'state', state });
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
        return this.edit(message.generation, (text) => setValue(text, ['tasks', message.taskIndex, 'owner'], message.owner.trim()));
      case 'setStatus':
        return this.edit(message.generation, (text) => setValue(text, ['tasks', message.taskIndex, 'status'], message.status));
      case 'markTold': {
        const today = this.store.today();
        return this.edit(message.generation, (text) => setValue(text, ['parked', message.parkedIndex, 'told'], today));
      }
      case 'parkTask':
        return this.edit(message.generation, (text) => parkTaskEdit(text, message.taskIndex, message.reason, message.askedBy));
    }
  }

  /**
   * Applies an edit to release.yaml only if the plan is still the one the webview rendered:
   * same check generation, and the document unchanged since that check.
   */
  private async edit(generation: number, compute: (text: string) => EditResult): Promise<'ok' | 'refused'> {
    await this.store.settled();
    const plan = this.store.get(this.folder);
    if (!plan || plan.generation !== generation) {
      this.notice('warning', vscode.l10n.t('The plan changed since the dashboard showed it; nothing was written. Look again and retry.'));
      this.postState();
      return 'refused';
    }
    const uri = planUri(this.folder, RELEASE_FILE);
    const version = plan.versions.get(uri.toString());
    const result = await editPlanFile(uri, compute, version === undefined ? {} : { expectedVersion: version });
    if (!result.ok) {
      this.notice('warning', result.reason);
      return 'refused';
    }
    await this.store.refresh(this.folder);
    return 'ok';
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
    this.panel.dispose();
    this.onDispose();
  }
}
