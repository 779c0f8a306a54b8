import * as vscode from 'vscode';
import { COMMAND_IDS } from './commands/ids';
import { Disposable } from './dispose';

const STARTED_KEY = 'releasePlan.rehearsal.startedAt';
const STOPPED_KEY = 'releasePlan.rehearsal.stoppedAt';
const FOLDER_KEY = 'releasePlan.rehearsal.folder';

/**
 * The running clock of a rollback rehearsal, in the status bar. Its start (and, once Stop is
 * pressed, its end) live in the workspace state, so a window reload or a crash keeps the clock,
 * and the measured minutes are only forgotten once the rehearsal is written to rollback.yaml. The
 * clock is injected so tests can run a "15-minute" rehearsal in milliseconds.
 */
export class RehearsalTimer extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('releasePlan.rehearsal', vscode.StatusBarAlignment.Left, 49));
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly state: vscode.Memento,
    public now: () => number = () => Date.now(),
  ) {
    super();
    this._register({ dispose: () => clearInterval(this.ticker) });
    this.item.name = vscode.l10n.t('Rollback rehearsal');
    this.item.command = COMMAND_IDS.stopRehearsal;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    if (this.startedAt !== undefined) this.show(); // a reload during a rehearsal: the clock goes on
  }

  private get startedAt(): number | undefined {
    return this.state.get<number>(STARTED_KEY);
  }

  private get stoppedAt(): number | undefined {
    return this.state.get<number>(STOPPED_KEY);
  }

  get running(): boolean {
    return this.startedAt !== undefined;
  }

  get text(): string {
    return this.item.text;
  }

  /** The folder (URI string) the running rehearsal is for, so Stop records it there. */
  get folder(): string | undefined {
    return this.state.get<string>(FOLDER_KEY);
  }

  /** True while a Stop is asking its questions or writing: a second Stop must not record it again. */
  recording = false;

  async start(folder?: string): Promise<void> {
    await this.state.update(STOPPED_KEY, undefined);
    await this.state.update(FOLDER_KEY, folder);
    await this.state.update(STARTED_KEY, this.now());
    this.show();
  }

  /** Whether `span` is still the rehearsal on the clock (not one cleared, or a new one started since). */
  holds(span: { start: number }): boolean {
    return this.startedAt === span.start;
  }

  /**
   * Stops the clock (the first call fixes the end; later calls return the same span until `clear`)
   * and returns when it started and stopped (ms). The span is kept until the rehearsal is recorded.
   */
  async stop(): Promise<{ start: number; end: number } | undefined> {
    const start = this.startedAt;
    if (start === undefined) return undefined;
    let end = this.stoppedAt;
    if (end === undefined) {
      end = this.now();
      await this.state.update(STOPPED_KEY, end);
    }
    this.render();
    return { start, end };
  }

  /** Forgets the rehearsal: called once it is written (or when the user discards it). */
  async clear(): Promise<void> {
    await this.state.update(STARTED_KEY, undefined);
    await this.state.update(STOPPED_KEY, undefined);
    await this.state.update(FOLDER_KEY, undefined);
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.item.hide();
    void vscode.commands.executeCommand('setContext', 'releasePlan.rehearsing', false);
  }

  private show(): void {
    this.render();
    this.item.show();
    clearInterval(this.ticker);
    this.ticker = setInterval(() => this.render(), 1000);
    void vscode.commands.executeCommand('setContext', 'releasePlan.rehearsing', true);
  }

  private render(): void {
    const start = this.startedAt;
    if (start === undefined) return;
    const end = this.stoppedAt;
    const seconds = Math.max(0, Math.floor(((end ?? this.now()) - start) / 1000));
    const clock = `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    this.item.text = end === undefined ? `$(watch) ${vscode.l10n.t('Rollback rehearsal {0}', clock)}` : `$(debug-pause) ${vscode.l10n.t('Rehearsal stopped at {0}: not recorded yet', clock)}`;
    this.item.tooltip =
      end === undefined
        ? vscode.l10n.t('From "roll back" to "users are back on the stable version". Click to stop.')
        : vscode.l10n.t('The rehearsal is stopped but not yet written to rollback.yaml. Click to record it.');
  }

}
