// Test-only companion extension for the code-server test bed (scripts/testbed/run.mjs).
// code-server cannot run `extensionTestsPath`, so this extension, installed next to the extension
// under test in a throwaway extensions dir, runs the integration suite inside the extension host:
//   RELEASE_PLAN_TEST_SUITE    absolute path of the compiled suite's index.js (its `runSuite()`)
//   RELEASE_PLAN_TEST_RESULTS  file to write `{ vscodeVersion, passes, failures, report, ... }` to
// Both come from the environment of code-server, which the extension host inherits.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as vscode from 'vscode';

const EXTENSION_UNDER_TEST = 'release-plan.release-plan';

interface SuiteModule {
  runSuite(options?: { grep?: string }): Promise<{
    vscodeVersion: string;
    passes: number;
    failures: number;
    report: string;
  }>;
}

export function activate(): void {
  const resultsFile = process.env.RELEASE_PLAN_TEST_RESULTS;
  const suitePath = process.env.RELEASE_PLAN_TEST_SUITE;
  if (!resultsFile || !suitePath) return;
  // A window reload (a UI check does one) restarts the extension host: the suite runs once only.
  if (fs.existsSync(resultsFile)) return;
  // Do not hold up activation: the suite runs in the background.
  void runAndReport(resultsFile, suitePath, Date.now());
}

export function deactivate(): void {}

async function runAndReport(resultsFile: string, suitePath: string, activatedAt: number): Promise<void> {
  let result: object;
  // Epoch milliseconds, for the harness to show where the time goes.
  const timings: Record<string, number> = { companionActivated: activatedAt };
  try {
    const extension = vscode.extensions.getExtension(EXTENSION_UNDER_TEST);
    if (!extension) throw new Error(`The extension under test (${EXTENSION_UNDER_TEST}) is not installed.`);
    await extension.activate();
    timings.extensionActivated = Date.now();
    const suite = createRequire(__filename)(suitePath) as SuiteModule;
    const grep = process.env.RELEASE_PLAN_TEST_GREP;
    result = { ...(await suite.runSuite(grep ? { grep } : {})), timings: { ...timings, suiteFinished: Date.now() } };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    result = {
      vscodeVersion: vscode.version,
      passes: 0,
      failures: 1,
      report: `The integration suite could not run in VS Code ${vscode.version}:\n${message}`,
    };
  }
  // Write then rename, so the harness never reads a half-written file.
  const temporary = `${resultsFile}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(result, null, 2));
  fs.renameSync(temporary, resultsFile);
}
