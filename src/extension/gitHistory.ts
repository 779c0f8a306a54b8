import * as vscode from 'vscode';
import { readPlanVersions, type GitRun } from '../core/gitLog';
import { planTimeline, type PlanVersion, type Timeline, type Truncation } from '../core/timeline';
import { Disposable } from './dispose';
import type { GitApi, GitExtension, GitRepository } from './gitApi';
import type { HistoryNote } from '../shared/protocol';

/** Why the plan's history cannot be read from Git in a folder. */
export type HistoryUnavailable = 'web' | 'virtual' | 'missing' | 'disabled' | 'no-git' | 'not-started' | 'no-repository' | 'error';

export type HistoryState =
  | {
      kind: 'ready';
      timeline: Timeline;
      /** Committed versions of release.yaml that were read (all of them, parsed or not). */
      versions: number;
      /** The HEAD commit the history was read at: the cache key. */
      head: string;
    }
  | { kind: 'unavailable'; why: HistoryUnavailable; detail?: string };

/** What the plan store reads: the last timeline of a folder (never waits), and when it changed. */
export interface TimelineSource {
  current(folder: vscode.WorkspaceFolder): { timeline: Timeline; stamp: string } | undefined;
  readonly onDidChange: vscode.Event<vscode.WorkspaceFolder>;
}

interface Entry {
  folder: vscode.WorkspaceFolder;
  /** The last state read (kept while a re-read after a HEAD change runs: checks never wait on git). */
  state?: HistoryState;
  reading?: Promise<HistoryState>;
  /** Set when what was read is out of date (HEAD moved, Git turned on or off): the next request reads again. */
  stale: boolean;
  /** The repository whose HEAD is watched for this folder. */
  watched?: GitRepository;
}

/**
 * The plan's history, with VS Code's built-in Git extension (`vscode.git`, API version 1) for
 * discovery (is Git on, which repository holds the folder, when HEAD moves) and the reader the CLI
 * uses (src/core/gitLog.ts) for the versions: run with the Git extension's own git (`api.git.path`)
 * in the repository it reports, so the editor and CI read the same versions, days and renames.
 * The core turns them into a Timeline. Cached per folder by the
 * HEAD commit; when HEAD changes (a commit, a checkout, a pull) the last timeline stays in use until
 * the new one is read, then `onDidChange` fires and the plan store checks again. Git is never
 * required: without it (a virtual workspace, the Git extension disabled or turned off, no
 * repository) the state says why, and the checks simply have no timeline.
 */
export class GitHistory extends Disposable implements TimelineSource {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = this._register(new vscode.EventEmitter<vscode.WorkspaceFolder>());
  readonly onDidChange = this.emitter.event;
  private api: Promise<GitApi | HistoryUnavailable> | undefined;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    /** Starts git (host.ts); undefined on the web, where the history is then `unavailable: web`. */
    private readonly gitRunner: ((gitPath: string, cwd: string) => GitRun) | undefined,
  ) {
    super();
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const folder of event.removed) this.entries.delete(folder.uri.toString());
      }),
    );
  }

  current(folder: vscode.WorkspaceFolder): { timeline: Timeline; stamp: string } | undefined {
    const entry = this.entries.get(folder.uri.toString());
    // Nothing read yet, or out of date: start reading; the store hears when it is there.
    if (!entry || entry.stale) void this.status(folder);
    const state = entry?.state;
    return state?.kind === 'ready' ? { timeline: state.timeline, stamp: `${state.head}:${state.versions}` } : undefined;
  }

  /** Where the history of `folder` stands, without reading (for the dashboard's "Scope over time"). */
  note(folder: vscode.WorkspaceFolder): HistoryNote {
    const state = this.entries.get(folder.uri.toString())?.state;
    if (!state) return { state: 'reading' };
    if (state.kind === 'ready') return { state: 'ready' };
    return { state: 'unavailable', why: state.why, ...(state.detail !== undefined ? { detail: state.detail } : {}) };
  }

  /** The history of `folder`: the cached one while HEAD has not moved, else read now. */
  status(folder: vscode.WorkspaceFolder): Promise<HistoryState> {
    const key = folder.uri.toString();
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { folder, stale: true };
      this.entries.set(key, entry);
    }
    if (entry.reading) return entry.reading;
    if (!entry.stale && entry.state) return Promise.resolve(entry.state);
    const current = entry;
    current.stale = false;
    const reading = this.read(current)
      .catch((error: unknown): HistoryState => ({ kind: 'unavailable', why: 'error', detail: error instanceof Error ? error.message.split(/\r?\n/)[0] : String(error) }))
      .then((state) => {
        const changed = JSON.stringify(summary(current.state)) !== JSON.stringify(summary(state));
        current.state = state;
        if (current.reading === reading) current.reading = undefined;
        if (state.kind === 'unavailable') this.log.info(`Plan history of ${folder.name}: unavailable (${state.why}${state.detail ? `: ${state.detail}` : ''})`);
        if (changed && this.entries.get(key) === current) this.emitter.fire(folder);
        // HEAD moved while this read ran: read again.
        if (current.stale) void this.status(folder);
        return state;
      });
    current.reading = reading;
    return reading;
  }

  private async read(entry: Entry): Promise<HistoryState> {
    const { folder } = entry;
    // In a browser no process can be started: no git, whatever the folder.
    if (!this.gitRunner) return { kind: 'unavailable', why: 'web' };
    // The Git extension works on files on this machine only.
    if (folder.uri.scheme !== 'file') return { kind: 'unavailable', why: 'virtual' };
    const api = await this.gitApi();
    if (typeof api === 'string') return { kind: 'unavailable', why: api };
    if (api.state !== 'initialized' && !(await initialized(api))) return { kind: 'unavailable', why: 'not-started' };
    const repository = api.getRepository(folder.uri);
    if (!repository) return { kind: 'unavailable', why: 'no-repository' };
    this.watch(entry, repository);
    const head = repository.state.HEAD?.commit ?? '';
    const started = performance.now();
    // A repository without commits has no history yet (and no HEAD commit to read at).
    let versions: PlanVersion[] = [];
    let truncated: Truncation | undefined;
    if (head !== '') {
      const read = await readPlanVersions(this.gitRunner(api.git.path, repository.rootUri.fsPath), folder.uri.fsPath);
      if (!read.ok) return { kind: 'unavailable', why: read.reason === 'no-git' ? 'no-git' : read.reason === 'not-a-repository' ? 'no-repository' : 'error', ...(read.detail !== undefined ? { detail: read.detail } : {}) };
      versions = read.versions;
      truncated = read.truncated;
    }
    const timeline = planTimeline(versions, truncated);
    this.log.debug(`Plan history of ${folder.name}: ${versions.length} versions, ${timeline.events.length} changes in ${(performance.now() - started).toFixed(0)} ms (HEAD ${head.slice(0, 7)})`);
    return { kind: 'ready', timeline, versions: versions.length, head };
  }

  /** Re-reads when the folder's repository moves HEAD. */
  private watch(entry: Entry, repository: GitRepository): void {
    if (entry.watched === repository) return;
    entry.watched = repository;
    let head = repository.state.HEAD?.commit;
    this._register(
      repository.state.onDidChange(() => {
        const now = repository.state.HEAD?.commit;
        if (now === head) return;
        head = now;
        if (this.entries.get(entry.folder.uri.toString()) !== entry) return;
        entry.stale = true;
        void this.status(entry.folder);
      }),
    );
  }

  /** The Git extension's API, or why there is none. Never activates a disabled extension (VS Code does not list it). */
  private gitApi(): Promise<GitApi | HistoryUnavailable> {
    this.api ??= (async (): Promise<GitApi | HistoryUnavailable> => {
      const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
      if (!extension) return 'missing';
      const git = extension.isActive ? extension.exports : await extension.activate();
      this._register(
        git.onDidChangeEnablement(() => {
          // Git turned on or off: ask again, and read every folder again.
          this.api = undefined;
          this.invalidateAll();
        }),
      );
      if (!git.enabled) return 'disabled';
      let api: GitApi;
      try {
        api = git.getAPI(1);
      } catch {
        // Enabled, but it found no git to run ("Git model not found").
        return 'no-git';
      }
      this._register(api.onDidOpenRepository(() => this.invalidateAll((entry) => entry.state?.kind === 'unavailable')));
      return api;
    })();
    return this.api;
  }

  private invalidateAll(which: (entry: Entry) => boolean = () => true): void {
    for (const entry of this.entries.values()) {
      if (!which(entry)) continue;
      entry.stale = true;
      void this.status(entry.folder);
    }
  }
}

/** Waits (event-driven, at most `ms`) for the Git extension to finish its first scan of the workspace. */
function initialized(api: GitApi, ms = 30_000): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      listener.dispose();
      resolve(ok);
    };
    const listener = api.onDidChangeState((state) => {
      if (state === 'initialized') done(true);
    });
    const timer = setTimeout(() => done(false), ms);
    if (api.state === 'initialized') done(true);
  });
}

/** What tells two states apart for listeners (the timeline itself is large). */
function summary(state: HistoryState | undefined): unknown {
  return state?.kind === 'ready' ? [state.head, state.versions, state.timeline.events.length] : state;
}
