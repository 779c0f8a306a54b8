// Runs the integration suite (the compiled `*.test.js` files next to this one) with mocha, inside a
// VS Code extension host. Two routes use it:
//   - @vscode/test-electron (`npm run test:electron`) loads this file as `extensionTestsPath` and
//     calls `run()`, which prints the report and rejects when a test failed;
//   - the test companion extension (test/integration/companion, used by `npm run test:integration`
//     in code-server) calls `runSuite()` and writes the result to a file for the harness.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export interface SuiteResult {
  vscodeVersion: string;
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  /** A readable, spec-style report. */
  report: string;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }[];
}

export interface SuiteOptions {
  /** Only run tests whose full title matches. */
  grep?: string;
  /** Per-test timeout in ms. */
  timeout?: number;
}

/** The compiled suite files (this folder's `*.test.js`), sorted. */
export function suiteFiles(dir: string = __dirname): string[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

/** Runs the suite and resolves with its result (never rejects for failed tests). */
export function runSuite(options: SuiteOptions = {}): Promise<SuiteResult> {
  const lines: string[] = [];
  const tests: SuiteResult['tests'] = [];
  const failed: { title: string; error: unknown }[] = [];
  const started = Date.now();
  let depth = 0;

  // A reporter that collects the events itself: a spec-like text plus the counts.
  class CollectingReporter {
    constructor(runner: Mocha.Runner) {
      runner.on('suite', (suite) => {
        if (suite.root) return;
        lines.push(`${'  '.repeat(depth + 1)}${suite.title}`);
        depth += 1;
      });
      runner.on('suite end', (suite) => {
        if (suite.root) return;
        depth -= 1;
        if (depth === 0) lines.push('');
      });
      runner.on('pass', (test) => {
        tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
        lines.push(`${'  '.repeat(depth + 1)}✔ ${test.title} (${test.duration ?? 0} ms)`);
      });
      runner.on('pending', (test) => {
        tests.push({ title: test.fullTitle(), state: 'pending' });
        lines.push(`${'  '.repeat(depth + 1)}- ${test.title} (pending)`);
      });
      runner.on('fail', (test, error) => {
        failed.push({ title: test.fullTitle(), error });
        tests.push({ title: test.fullTitle(), state: 'failed', error: describeError(error) });
        lines.push(`${'  '.repeat(depth + 1)}${failed.length}) ${test.title}`);
      });
    }
  }

  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: options.timeout ?? 30_000,
    reporter: CollectingReporter as unknown as Mocha.ReporterConstructor,
    ...(options.grep ? { grep: options.grep } : {}),
  });
  for (const file of suiteFiles()) mocha.addFile(file);

  return new Promise<SuiteResult>((resolve, reject) => {
    try {
      mocha.run(() => {
        const passes = tests.filter((test) => test.state === 'passed').length;
        const pending = tests.filter((test) => test.state === 'pending').length;
        const durationMs = Date.now() - started;
        const header = [`Integration suite in VS Code ${vscode.version} (${vscode.env.appName})`, ''];
        const summary = [`  ${passes} passing (${durationMs} ms)`];
        if (pending) summary.push(`  ${pending} pending`);
        if (failed.length) summary.push(`  ${failed.length} failing`);
        const details = failed.flatMap((failure, index) => [
          '',
          `  ${index + 1}) ${failure.title}:`,
          ...describeError(failure.error)
            .split('\n')
            .map((line) => `     ${line}`),
        ]);
        resolve({
          vscodeVersion: vscode.version,
          passes,
          failures: failed.length,
          pending,
          durationMs,
          report: [...header, ...lines, ...summary, ...details].join('\n'),
          tests,
        });
      });
    } catch (error) {
      reject(error);
    }
  });
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** The entry point @vscode/test-electron expects: resolves when all tests passed. */
export async function run(): Promise<void> {
  const result = await runSuite();
  console.log(result.report);
  if (result.failures > 0) throw new Error(`${result.failures} integration test(s) failed.`);
}
