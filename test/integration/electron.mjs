#!/usr/bin/env node
// `npm run test:electron`: the same integration suite, run by @vscode/test-electron (2.x, which runs
// on Node 20) in a desktop VS Code that it downloads into .vscode-test/. Needs internet the first
// time, and a display (on a headless Linux box: `xvfb-run -a npm run test:electron`). The offline
// route used here and in CI is `npm run test:integration` (code-server; scripts/testbed/run.mjs).
//
// Environment: VSCODE_TEST_VERSION (default "stable"; e.g. "1.100.0" for the oldest supported).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { USER_SETTINGS } from '../../scripts/testbed/lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const runDir = mkdtempSync(path.join(os.tmpdir(), 'release-plan-electron-'));
let exitCode = 1;
try {
  // A copy of the fixture workspace: the tests edit files.
  const workspace = path.join(runDir, 'workspace', 'basic');
  cpSync(path.join(ROOT, 'test', 'fixtures', 'basic'), workspace, { recursive: true });
  const userDataDir = path.join(runDir, 'user-data');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));

  await runTests({
    version: process.env.VSCODE_TEST_VERSION || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'dist', 'test', 'integration', 'suite', 'index.js'),
    launchArgs: [
      workspace,
      '--disable-extensions', // other installed extensions; the one under development still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-telemetry',
      `--user-data-dir=${userDataDir}`,
      `--extensions-dir=${path.join(runDir, 'extensions')}`,
    ],
  });
  exitCode = 0;
} catch (error) {
  console.error(`Integration tests failed: ${error instanceof Error ? error.message : error}`);
} finally {
  rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(exitCode);
