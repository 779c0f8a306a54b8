import type * as vscode from 'vscode';

/**
 * The few parts of the built-in Git extension's API (`vscode.git`, `getAPI(1)`) that the plan's
 * history reads, declared here by hand: only what gitHistory.ts uses, nothing more.
 */
export interface GitExtension {
  /** False when the user turned Git off (`git.enabled: false`): `getAPI` then throws. */
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitApi;
}

export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly onDidOpenRepository: vscode.Event<GitRepository>;
  getRepository(uri: vscode.Uri): GitRepository | null;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD: { readonly commit?: string } | undefined;
    readonly onDidChange: vscode.Event<void>;
  };
  /** `git log -n<maxEntries> -- <path>`, newest first. */
  log(options?: { readonly maxEntries?: number; readonly path?: string }): Promise<GitCommit[]>;
  /** The file's text at `ref` (`git show <ref>:<path>`); rejects when it did not exist there. */
  show(ref: string, path: string): Promise<string>;
}

export interface GitCommit {
  readonly hash: string;
  readonly authorName?: string;
  readonly authorDate?: Date;
}
