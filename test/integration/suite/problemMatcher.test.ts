// The problem matchers `$release-plan` and `$release-plan-grouped` (contributes.problemMatchers) in
// real tasks: the CLI of this checkout (dist/cli.js, built by `npm run build`) runs as a task in the
// basic fixture, and its findings must arrive as diagnostics owned by the task's matcher, exactly
// as the CLI reports them in JSON. A task runs in a terminal, so the CLI prints its grouped format
// there; its plain format (one line per finding) is what it prints into a pipe.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, codeOf, waitFor } from './helpers';

const SOURCE = 'release-plan-cli';
// dist/test/integration/suite/ → the checkout.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const NODE = process.execPath;
// Under @vscode/test-electron the extension host is Electron: make it run as plain node.
const ENV = { ELECTRON_RUN_AS_NODE: '1' };

interface CliFinding {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information } as const;

/** The task's diagnostics on the fixture's plan files, as comparable text. */
function taskDiagnostics(folder: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics()
    .filter(([uri]) => uri.toString().startsWith(`${folder.toString()}/`))
    .flatMap(([uri, diagnostics]) => diagnostics.filter((d) => d.source === SOURCE).map((d) => JSON.stringify([path.posix.relative(folder.path, uri.path), d.range.start.line + 1, d.range.start.character + 1, d.severity, codeOf(d), d.message])))
    .sort();
}

/** Runs a task to its end; resolves with its exit code. */
async function runTask(name: string, execution: vscode.ShellExecution | vscode.ProcessExecution, matchers: string[], folder: vscode.WorkspaceFolder): Promise<number | undefined> {
  const task = new vscode.Task({ type: 'release-plan-test', name }, folder, name, 'release-plan-test', execution, matchers);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Never, focus: false, panel: vscode.TaskPanelKind.Dedicated, echo: true };
  const ended = new Promise<number | undefined>((resolve) => {
    const listener = vscode.tasks.onDidEndTaskProcess((event) => {
      if (event.execution.task.name !== name) return;
      listener.dispose();
      resolve(event.exitCode);
    });
  });
  await vscode.tasks.executeTask(task);
  return ended;
}

describe('problem matchers $release-plan and $release-plan-grouped in a task', function () {
  this.timeout(60_000);
  let folder: vscode.WorkspaceFolder;
  let today: string;
  let expected: string[];

  before(async () => {
    const { store } = await api();
    today = store.today();
    folder = vscode.workspace.workspaceFolders![0]!;
    assert.ok(existsSync(CLI), `${CLI} exists (run npm run build)`);
    // What the CLI finds in the fixture, from its JSON output: what the matchers must deliver.
    const json = spawnSync(NODE, [CLI, 'check', '.', '--today', today, '--format', 'json'], { cwd: folder.uri.fsPath, env: { ...process.env, ...ENV }, encoding: 'utf8' });
    assert.equal(json.status, 1, `the CLI exits 1 on the fixture's error; stderr: ${json.stderr}`);
    const findings = (JSON.parse(json.stdout) as { diagnostics: CliFinding[] }).diagnostics;
    assert.ok(findings.some((f) => f.code === 'owner-team-label') && findings.some((f) => f.severity === 'info'), 'the fixture has an error and an info');
    expected = findings.map((f) => JSON.stringify([f.file, f.line, f.column, SEVERITY[f.severity], f.code, f.message])).sort();
    await clear();
  });

  afterEach(() => clear());

  after(() => {
    for (const terminal of vscode.window.terminals) if (terminal.name.includes('release-plan-test')) terminal.dispose();
  });

  /** A task with both matchers that prints nothing: VS Code then removes the markers they own. */
  let clears = 0;
  async function clear(): Promise<void> {
    await runTask(`release-plan-test: clear ${++clears}`, new vscode.ProcessExecution(NODE, ['-e', ''], { env: ENV }), ['$release-plan', '$release-plan-grouped'], folder);
    await waitFor(() => taskDiagnostics(folder.uri).length === 0, 'the task\'s diagnostics to be cleared');
  }

  /** Waits until the task's diagnostics are exactly the CLI's findings. */
  async function expectFindings(what: string): Promise<void> {
    try {
      await waitFor(() => taskDiagnostics(folder.uri).length >= expected.length, `${what}: ${expected.length} diagnostics from ${SOURCE}`, 20_000);
    } finally {
      assert.deepEqual(taskDiagnostics(folder.uri), expected);
    }
  }

  it('tasks.json as the README shows it: `release-plan check` as a shell task with both matchers', async () => {
    const exitCode = await runTask('release-plan-test: check', new vscode.ShellExecution(NODE, [CLI, 'check', '.', '--today', today], { cwd: folder.uri.fsPath, env: ENV }), ['$release-plan', '$release-plan-grouped'], folder);
    assert.equal(exitCode, 1);
    await expectFindings('both matchers');
  });

  it('$release-plan-grouped alone reads the CLI\'s grouped output in the task\'s terminal', async () => {
    await runTask('release-plan-test: grouped', new vscode.ShellExecution(NODE, [CLI, 'check', '.', '--today', today], { cwd: folder.uri.fsPath, env: ENV }), ['$release-plan-grouped'], folder);
    await expectFindings('the grouped matcher (if this fails, the task\'s output was not a terminal\'s)');
  });

  it('$release-plan alone reads the plain output (the CLI writing into a pipe, as in CI)', async () => {
    // node runs the CLI with its output piped, then prints that output: one finding per line.
    const script = `const r=require('child_process').spawnSync(process.execPath,process.argv.slice(1),{stdio:['ignore','pipe','inherit']});process.stdout.write(r.stdout);process.exitCode=r.status;`;
    const exitCode = await runTask('release-plan-test: plain', new vscode.ProcessExecution(NODE, ['-e', script, CLI, 'check', '.', '--today', today], { cwd: folder.uri.fsPath, env: ENV }), ['$release-plan'], folder);
    assert.equal(exitCode, 1);
    await expectFindings('the plain matcher');
  });

  it('a second run replaces the first run\'s problems instead of adding to them', async () => {
    const check = () => new vscode.ShellExecution(NODE, [CLI, 'check', '.', '--today', today], { cwd: folder.uri.fsPath, env: ENV });
    await runTask('release-plan-test: first run', check(), ['$release-plan', '$release-plan-grouped'], folder);
    await expectFindings('the first run');
    await runTask('release-plan-test: second run', check(), ['$release-plan', '$release-plan-grouped'], folder);
    await expectFindings('the second run');
  });
});
