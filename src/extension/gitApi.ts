import type * as vscode from 'vscode';

/**
 * The few parts of the built-in Git extension's API (`vscode.git`, `getAPI(1)`) that the plan's
 * history reads, declared here by hand: only what gitHistory.ts uses, nothing more (the versions themselves are read with `git.path`, by
 * the reader the CLI shares: src/core/gitLog.ts).
 */
export interface GitExtension {
  /** False when the user turned Git off (`git.enabled: false`): `getAPI` then throws. */
  readonly enabled: boolean;
  readonly onDidChangeEnablement: vscode.Event<boolean>;
  getAPI(version: 1): GitApi;
}

export interface GitApi {
  /** The git the extension runs (the `git.path` setting, else the one it found): the plan's history is read with it. */
  readonly git: { readonly path: string };
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
}
