import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { summarizeRelease, type ReleaseSummary } from '../core/summary';
import type { Finding } from '../core/types';
import { COMMAND_IDS } from './commands/ids';
import { escapeMarkdown } from './markdown';
import type { PlanStore } from './planStore';
import { countdown, countdownShort, errorCount, launchLine, warningCount } from './words';

/** `$(rocket) billing-v1 · T-9 · 2 errors`; hidden when no folder has a plan. */
export class ReleaseStatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('releasePlan.status', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly store: PlanStore) {
    super();
    this.item.name = vscode.l10n.t('Release Plan');
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
    const { text, tooltip } = statusBarContent(summary, plan.result.findings);
    this.item.text = text;
    this.item.backgroundColor = summary.counts.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.tooltip = tooltip;
    this.item.show();
  }

}

/** What the status bar shows for one release: its text and tooltip (exported for tests). */
export function statusBarContent(summary: ReleaseSummary, findings: readonly Finding[]): { text: string; tooltip: vscode.MarkdownString } {
  const { errors, warnings } = summary.counts;
  const problems = errors > 0 ? errorCount(errors) : warnings > 0 ? warningCount(warnings) : vscode.l10n.t('ok');
  // After launch the state is the launch ("Shipped 1.5.0 on …"), not a countdown or a live go/no-go.
  const shipped = summary.gonogo.shipped;
  const state = shipped ? launchLine(shipped) : undefined;
  const text = state ? `$(rocket) ${summary.name} · ${state}${errors + warnings > 0 ? ` · ${problems}` : ''}` : `$(rocket) ${summary.name} · ${countdownShort(summary.daysLeft)} · ${problems}`;
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.isTrusted = { enabledCommands: [COMMAND_IDS.showProblems, COMMAND_IDS.runGonogo, COMMAND_IDS.openDashboard] };
  tooltip.appendMarkdown(`**${escapeMarkdown(summary.name)}** · ${escapeMarkdown(state ?? countdown(summary.daysLeft))}\n\n`);
  // The engine's sentence (in the display language): the go/no-go is history.
  if (shipped) tooltip.appendMarkdown(`${escapeMarkdown(shipped.message)}\n\n`);
  const top = findings.filter((f) => f.severity !== 'info').slice(0, 5);
  for (const finding of top) tooltip.appendMarkdown(`- ${finding.severity === 'error' ? '$(error)' : '$(warning)'} ${escapeMarkdown(finding.message)} \`${finding.code}\`\n`);
  if (findings.length > top.length) tooltip.appendMarkdown(`- ${vscode.l10n.t('… and {0} more', findings.length - top.length)}\n`);
  if (top.length === 0) tooltip.appendMarkdown(`${vscode.l10n.t('No problems found.')}\n`);
  // Our own words (and their translations) are Markdown as written; only plan text is escaped.
  const link = (label: string, command: string) => `[${label}](command:${command})`;
  const links = [link(vscode.l10n.t('Show Problems'), COMMAND_IDS.showProblems), link(vscode.l10n.t('Open Dashboard'), COMMAND_IDS.openDashboard), ...(shipped ? [] : [link(vscode.l10n.t('Run Go/No-Go'), COMMAND_IDS.runGonogo)])];
  tooltip.appendMarkdown(`\n${links.join(' · ')}`);
  return { text, tooltip };
}
