import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import type { PlanStore } from '../planStore';
import type { HistoryNotes } from './dashboardPanel';
import { DASHBOARD_VIEW_TYPE, DashboardPanel, type DashboardPersistedState } from './dashboardPanel';

/** One dashboard per release (workspace folder); restores open dashboards after a reload. */
export class DashboardManager extends Disposable implements vscode.WebviewPanelSerializer<DashboardPersistedState> {
  private readonly panels = new Map<string, DashboardPanel>();

  constructor(
    private readonly store: PlanStore,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    /** The plan's history from Git: why "Scope over time" has no data, and a re-post when that changes. */
    private readonly history?: HistoryNotes,
  ) {
    super();
    this._register(vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, this));
    this._register({ dispose: () => [...this.panels.values()].forEach((panel) => panel.dispose()) });
  }

  get(folder: vscode.WorkspaceFolder): DashboardPanel | undefined {
    return this.panels.get(folder.uri.toString());
  }

  open(folder: vscode.WorkspaceFolder): DashboardPanel {
    const existing = this.get(folder);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, vscode.l10n.t('Release: {0}', folder.name), vscode.ViewColumn.Active, { enableScripts: true, retainContextWhenHidden: false });
    return this.adopt(panel, folder);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: DashboardPersistedState | undefined): Promise<void> {
    const folder = restoredFolder(vscode.workspace.workspaceFolders ?? [], state?.folder);
    // No folder it belongs to, or that folder's dashboard is already open: one tab per release.
    if (!folder || this.get(folder)) {
      panel.dispose();
      return;
    }
    await this.store.settled();
    this.adopt(panel, folder);
  }

  private adopt(panel: vscode.WebviewPanel, folder: vscode.WorkspaceFolder): DashboardPanel {
    const key = folder.uri.toString();
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'release.svg');
    const dashboard = new DashboardPanel(panel, folder, this.store, this.extensionUri, this.log, () => this.panels.delete(key), this.history);
    this.panels.set(key, dashboard);
    return dashboard;
  }

}

/**
 * The folder a restored dashboard belongs to: by URI; a state saved with a folder's name (before
 * names could repeat) only when exactly one folder has that name; else the only folder, if one.
 */
export function restoredFolder<F extends { name: string; uri: { toString(): string } }>(folders: readonly F[], saved: string | undefined): F | undefined {
  const byUri = folders.find((f) => f.uri.toString() === saved);
  if (byUri) return byUri;
  const named = folders.filter((f) => f.name === saved);
  if (named.length === 1) return named[0];
  return folders.length === 1 ? folders[0] : undefined;
}
