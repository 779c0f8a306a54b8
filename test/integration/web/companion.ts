// Test-only companion for the web test bed (scripts/testbed/web.mjs): a browser-only extension,
// so VS Code runs it in the web worker extension host next to the extension's web entry. It runs
// the web subset (./suite.ts, bundled in) and writes `{ vscodeVersion, passes, failures, report }`
// through workspace.fs to `web-suite-results.json` next to the workspace folder (a web worker has no
// process.env and no disk: the harness knows the place because it made the folder).
import * as vscode from 'vscode';
import { runWebSuite } from './suite';

export const RESULTS_NAME = 'web-suite-results.json';

export function activate(): void {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  void runAndReport(vscode.Uri.joinPath(folder.uri, '..', RESULTS_NAME));
}

export function deactivate(): void {}

async function runAndReport(results: vscode.Uri): Promise<void> {
  // A window reload restarts the host: the suite runs once only.
  try {
    await vscode.workspace.fs.stat(results);
    return;
  } catch {
    // not there yet: run
  }
  let result: object;
  try {
    result = await runWebSuite();
  } catch (error) {
    result = { vscodeVersion: vscode.version, passes: 0, failures: 1, report: `The web suite could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
  }
  await vscode.workspace.fs.writeFile(results, new TextEncoder().encode(JSON.stringify(result, null, 2)));
}
