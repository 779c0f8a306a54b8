import * as vscode from 'vscode';
import { checkPlan, type CheckResult } from '../core/engine';
import { todayIso } from '../core/dates';
import { Disposable } from './dispose';
import type { TimelineSource } from './gitHistory';
import { checkTranslator } from './translate';
import { isPlanFile, overlayOpenDocuments, readDiskPlan, type DiskPlan } from './planFiles';

/** The checked plan of one workspace folder. */
export interface FolderPlan {
  folder: vscode.WorkspaceFolder;
  result: CheckResult;
  /** Document versions the result was computed from, keyed by URI, so edits can detect staleness. */
  versions: ReadonlyMap<string, number>;
  today: string;
  /** Increases with every check of this folder (not of others): the stamp a view quotes back. */
  generation: number;
}

export const DEBOUNCE_MS = 100;

/**
 * Owns the checked plan of every workspace folder. Re-checks a folder, debounced, when one of its
 * plan files changes in an editor or on disk. Diagnostics, tree, status bar and dashboard all
 * listen to `onDidChange` instead of parsing on their own.
 */
export class PlanStore extends Disposable {
  private readonly plans = new Map<string, FolderPlan>();
  /** What each folder's last check read (day, texts, versions): an identical re-read is not a new check. */
  private readonly signatures = new Map<string, string>();
  /**
   * Each folder's files as last read from disk, kept until a file-watcher event or an explicit
   * refresh says the disk changed: a check after a keystroke reads only the open documents.
   */
  private readonly disk = new Map<string, DiskPlan | undefined>();
  /** Bumped whenever a cached disk read is dropped, so a read that raced with the change is not kept. */
  private diskEpoch = 0;
  private readonly generations = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly emitter = this._register(new vscode.EventEmitter<vscode.WorkspaceFolder>());
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly clock: () => string = () => todayIso(),
    /** The plan's history from Git: its last timeline is used, never waited for; a new one re-checks. */
    private readonly history?: TimelineSource,
  ) {
    super();
    if (history) this._register(history.onDidChange((folder) => (isOpen(folder) ? void this.check(folder) : undefined)));
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/.release/**'));
    const onDisk = (uri: vscode.Uri) => this.scheduleFor(uri, true);
    for (const subscription of [
      watcher.onDidCreate(onDisk),
      watcher.onDidChange(onDisk),
      watcher.onDidDelete(onDisk),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && checkOnType(event.document.uri)) this.scheduleFor(event.document.uri);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => this.scheduleFor(doc.uri, true, !checkOnType(doc.uri))),
      // Closing a dirty document drops its unsaved text: re-check from disk.
      vscode.workspace.onDidCloseTextDocument((doc) => this.scheduleFor(doc.uri)),
      // File operations VS Code itself makes (explorer, refactorings, other extensions): seen even on
      // file systems whose watcher reports nothing.
      vscode.workspace.onDidCreateFiles((event) => event.files.forEach((uri) => onDisk(uri))),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => onDisk(uri))),
      vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri, newUri }) => (onDisk(oldUri), onDisk(newUri)))),
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) this.forget(folder);
        for (const folder of event.added) void this.refresh(folder);
      }),
    ]) this._register(subscription);
    this._register({ dispose: () => this.cancelTimers() });
  }

  /** The injected clock, so tests and the CLI agree on "today". */
  today(): string {
    return this.clock();
  }

  /** Every folder's plan, in the workspace's folder order (not the order checks finished in). */
  all(): FolderPlan[] {
    return [...this.plans.values()].sort((a, b) => a.folder.index - b.folder.index);
  }

  get(folder: vscode.WorkspaceFolder): FolderPlan | undefined {
    return this.plans.get(folder.uri.toString());
  }

  /** The plan whose `.release/` holds `uri`. */
  forUri(uri: vscode.Uri): FolderPlan | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.get(folder) : undefined;
  }

  async refreshAll(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.refresh(folder)));
  }

  /**
   * Re-checks one folder now; concurrent calls for the same folder are chained, not raced. A
   * debounced check already scheduled for the folder is dropped: this one reads the files after the
   * change that scheduled it (so a command's write runs one check, not two).
   */
  refresh(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    this.forgetDisk(key); // an explicit refresh reads the disk again
    return this.check(folder);
  }

  private check(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const previous = this.running.get(key) ?? Promise.resolve();
    const next: Promise<void> = previous
      .then(() => this.compute(folder))
      .catch((error: unknown) => this.log.error(`Checking ${folder.name} failed`, error))
      .finally(() => {
        if (this.running.get(key) === next) this.running.delete(key);
      });
    this.running.set(key, next);
    return next;
  }

  /** Resolves once every scheduled and running check has finished (for commands and tests). */
  async settled(): Promise<void> {
    for (let round = 0; round < 100 && (this.timers.size > 0 || this.running.size > 0); round++) {
      await Promise.all([...this.running.values()]);
      if (this.timers.size > 0) await new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS / 5));
    }
  }

  /** True when any folder has a plan: drives the `releasePlan.hasPlan` context key. */
  get hasPlan(): boolean {
    return this.plans.size > 0;
  }

  /** Schedules a debounced check of `uri`'s folder; `diskChanged` drops the folder's cached disk read. */
  private scheduleFor(uri: vscode.Uri, diskChanged = false, check = true): void {
    // Anything on disk under .release/ (a deleted sub-folder sends one event, not one per file)
    // invalidates the cached read; an editor change counts only for a plan file.
    if (!/\/\.release(?:\/|$)/.test(uri.path) || (!diskChanged && !isPlanFile(uri))) return;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    const key = folder.uri.toString();
    if (diskChanged) this.forgetDisk(key);
    if (!check) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(folder);
      }, DEBOUNCE_MS),
    );
  }

  private async compute(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    if (!isOpen(folder)) return;
    let disk = this.disk.get(key);
    if (!this.disk.has(key)) {
      const epoch = this.diskEpoch;
      disk = await readDiskPlan(folder);
      // Kept only if no watcher event dropped the cache meanwhile (then the next check reads again).
      if (epoch === this.diskEpoch) this.disk.set(key, disk);
    }
    const snapshot = disk && overlayOpenDocuments(folder, disk);
    // The folder may have been removed from the workspace while its files were read: no ghost.
    if (!isOpen(folder)) return;
    if (!snapshot) {
      this.signatures.delete(key);
      if (this.plans.delete(key)) this.emitter.fire(folder);
      return;
    }
    const today = this.clock();
    const history = this.history?.current(folder);
    // The same texts on the same day (and the same history) give the same result: a late file-watcher event after a write
    // (or a save that changed nothing) does not make the tree, status bar and dashboard redo their work.
    const signature = JSON.stringify([today, history?.stamp ?? '', [...snapshot.files].sort(), [...snapshot.unreadable].sort(), [...snapshot.versions].sort()]);
    if (this.plans.has(key) && this.signatures.get(key) === signature) return;
    this.signatures.set(key, signature);
    const started = performance.now();
    const result = checkPlan(snapshot.files, { today, unreadable: snapshot.unreadable, translate: checkTranslator(), ...(history ? { timeline: history.timeline } : {}) });
    this.log.debug(`Checked ${folder.name}: ${result.findings.length} findings in ${(performance.now() - started).toFixed(1)} ms`);
    this.plans.set(key, { folder, result, versions: snapshot.versions, today, generation: this.nextGeneration(key) });
    this.emitter.fire(folder);
  }

  private forget(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.signatures.delete(key);
    this.forgetDisk(key);
    if (this.plans.delete(key)) this.emitter.fire(folder);
  }

  private nextGeneration(key: string): number {
    const next = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, next);
    return next;
  }

  private forgetDisk(key: string): void {
    this.disk.delete(key);
    this.diskEpoch++;
  }

  private cancelTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Whether `folder` is still one of the workspace's folders. */
function isOpen(folder: vscode.WorkspaceFolder): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((open) => open.uri.toString() === folder.uri.toString());
}

function checkOnType(uri: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('releasePlan', uri).get<boolean>('checkOnType', true);
}
