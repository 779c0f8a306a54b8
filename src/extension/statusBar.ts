import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { summarizeRelease } from '../core/summary';
import { COMMAND_IDS } from './commands/ids';
import { escapeMarkdown } from './markdown';
import type { PlanStore } from './planStore';
import { tMinus, tMinusShort } from '../core/countdown';

/** `$(rocket) billing-v1 · T-9 · 2 errors`; hidden when no folder has a plan. */
export class ReleaseStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('releasePlan.status', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly store: PlanStore) {
    super();
    this.item.name = 'Release Plan';
    this.item.command = COMMAND_IDS.focusView;
    this._register(store.onDidChange(() => this.update()));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.update()));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('releasePlan.statusBar.enabled')) this.update();
      }),
    );
    this.update();
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  private update(): void {
    const active = vscode.window.activeTextEditor?.document.uri;
    const plans = this.store.all();
    const plan = (active && this.store.forUri(active)) ?? plans[0];
    const summary = plan ? summarizeRelease(plan.result) : undefined;
    if (!plan || !summary || !vscode.workspace.getConfiguration('releasePlan').get<boolean>('statusBar.enabled', true)) {
      this.item.hide();
      return;
    }
    const { errors, warnings } = summary.counts;
    const t = tMinusShort(summary.daysLeft);
    const problems = errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : 'ok';
    this.item.text = `$(rocket) ${summary.name} · ${t} · ${problems}`;
    this.item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.isTrusted = { enabledCommands: [COMMAND_IDS.showProblems, COMMAND_IDS.runGonogo, COMMAND_IDS.openDashboard] };
    tooltip.appendMarkdown(`**${escapeMarkdown(summary.name)}** · ${escapeMarkdown(tMinus(summary.daysLeft))}\n\n`);
    const top = plan.result.findings.filter((f) => f.severity !== 'info').slice(0, 5);
    for (const finding of top) tooltip.appendMarkdown(`- $(${finding.severity === 'error' ? 'error' : 'warning'}) ${escapeMarkdown(finding.message)} \`${finding.code}\`\n`);
    if (plan.result.findings.length > top.length) tooltip.appendMarkdown(`- … and ${plan.result.findings.length - top.length} more\n`);
    if (top.length === 0) tooltip.appendMarkdown('No problems found.\n');
    tooltip.appendMarkdown(`\n[Show Problems](command:${COMMAND_IDS.showProblems}) · [Open Dashboard](command:${COMMAND_IDS.openDashboard}) · [Run Go/No-Go](command:${COMMAND_IDS.runGonogo})`);
    this.item.tooltip = tooltip;
    this.item.show();
  }

}

