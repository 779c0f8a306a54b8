import type * as vscode from 'vscode';
import { activateOn, type ReleasePlanApi } from './activate';

/**
 * The web entry (`browser`, dist/web/extension.js) for vscode.dev, github.dev and other browser
 * hosts: the same extension in a web worker, with no process to start, so the plan's history from
 * git is unavailable there (the history document and the dashboard say so). Must not import
 * anything that needs Node (checked on the bundle by scripts/check-web-bundle.mjs).
 */
export function activate(context: vscode.ExtensionContext): ReleasePlanApi {
  return activateOn(context, { kind: 'web', gitRunner: undefined });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
