import * as vscode from 'vscode';
import { COMMAND_IDS } from './commands/ids';

/**
 * The running clock of a rollback rehearsal, in the status bar. The clock is injected so tests
 * can run a "15-minute" rehearsal in milliseconds.
 */
export class RehearsalTimer implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('releasePlan.rehearsal', vscode.StatusBarAlignment.Left, 49);
  private startedAt: number | undefined;
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(public now: () => number = () => Date.now()) {
    this.item.name = 'Rollback rehearsal';
    this.item.command = COMMAND_IDS.stopRehearsal;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  }

  get running(): boolean {
    return this.startedAt !== undefined;
  }

  get text(): string {
    return this.item.text;
  }

  start(): void {
    this.startedAt = this.now();
    this.render();
    this.item.show();
    this.ticker = setInterval(() => this.render(), 1000);
    void vscode.commands.executeCommand('setContext', 'releasePlan.rehearsing', true);
  }

  /** Stops the clock and returns when it started and stopped (ms). */
  stop(): { start: number; end: number } | undefined {
    if (this.startedAt === undefined) return undefined;
    const span = { start: this.startedAt, end: this.now() };
    this.startedAt = undefined;
    clearInterval(this.ticker);
    this.item.hide();
    void vscode.commands.executeCommand('setContext', 'releasePlan.rehearsing', false);
    return span;
  }

  private render(): void {
    if (this.startedAt === undefined) return;
    const seconds = Math.max(0, Math.floor((this.now() - this.startedAt) / 1000));
    const clock = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    this.item.text = `$(watch) ${vscode.l10n.t('Rollback rehearsal')} ${clock}`;
    this.item.tooltip = vscode.l10n.t('From "roll back" to "users are back on the stable version". Click to stop.');
  }

  dispose(): void {
    clearInterval(this.ticker);
    this.item.dispose();
  }
}
