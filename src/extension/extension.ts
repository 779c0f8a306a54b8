import type * as vscode from 'vscode';
import { activateOn, type ReleasePlanApi } from './activate';
import { extensionGitRunner } from './gitRun';

export type { ReleasePlanApi } from './activate';

/** The desktop entry (`main`, dist/extension.js): Node, so the plan's history is read with git. */
export function activate(context: vscode.ExtensionContext): ReleasePlanApi {
  return activateOn(context, { kind: 'desktop', gitRunner: extensionGitRunner });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
