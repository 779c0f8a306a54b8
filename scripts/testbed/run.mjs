#!/usr/bin/env node
// `npm run test:integration`: runs the integration suite inside a real VS Code (code-server, offline)
// and then UI checks with Playwright in the same browser session.
//
//  1. installs what is missing (install.mjs: Debian chromium + libkrb5-dev, Node 24, code-server);
//  2. `npm run build` (the extension, the suite under dist/test/integration/suite, the companion);
//  3. lays out a throwaway extensions dir (extension under test + test companion), a user-data-dir
//     and a copy of the fixture workspaces test/fixtures/basic and second, opened as one
//     multi-root workspace, in a temp folder;
//  4. starts code-server on 127.0.0.1:<free port>, opens the workbench in headless Chromium, waits
//     for the companion's result file and prints mocha's report;
//  5. runs the UI checks (test/integration/ui/checks.mjs) in the same page;
//  6. always stops code-server (its whole process group) and the browser, and removes the temp folder.
// The last line is `N passed, N failed`; the exit status is 1 if anything failed.
//
// Options: --update-screenshot  also write the README's pictures docs/images/{workbench,release-view,gonogo,dashboard-vscode,track-record-light,track-record-dark,scope-over-time-light,scope-over-time-dark}.png
//                               (each is written anyway if missing)
//          --keep               keep the temp folder (logs, workspace) for debugging
//          --skip-build         do not run `npm run build`
//          --headed             show the browser (needs a display)
// Environment: RELEASE_PLAN_TESTBED_CACHE (install cache), RELEASE_PLAN_TESTBED_TIMEOUT (seconds to
// wait for the suite, default 300), RELEASE_PLAN_TESTBED_EXTENSION (test another extension folder
// instead of this checkout; used to prove the harness with a stub), RELEASE_PLAN_TEST_GREP.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureTestbed } from './install.mjs';
import {
  CHROMIUM_ARGS, ROOT, codeServerCleanup, displayManifest, exitWithCounts, freePort, installExtensionFolder, installVsix, log, makeFixtureRepository, makeRunDir,
  readManifest, removeDir, seconds, startCodeServer, tail, withCleanup, writeUserData,
} from './lib.mjs';
import { runUiChecks } from '../../test/integration/ui/checks.mjs';
import { runPseudoLocalePass } from './pseudo.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const SUITE_TIMEOUT_MS = Number(process.env.RELEASE_PLAN_TESTBED_TIMEOUT || 300) * 1000;
const RESULTS_DIR = path.join(ROOT, 'test-results');
const SCREENSHOT_DOCS = path.join(ROOT, 'docs', 'images');
const COMPANION_DIR = path.join(ROOT, 'test', 'integration', 'companion');
const SUITE_INDEX = path.join(ROOT, 'dist', 'test', 'integration', 'suite', 'index.js');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');


async function main() {
  const started = Date.now();
  mkdirSync(RESULTS_DIR, { recursive: true });
  // Screenshots and logs of an earlier run would be mistaken for this one's.
  for (const file of readdirSync(RESULTS_DIR)) {
    if (/^(ui-.*|suite-timeout|workbench|release-view|gonogo|dashboard-vscode|track-record-light|track-record-dark|scope-over-time-light|scope-over-time-dark)\.png$|^code-server\.log$/.test(file)) rmSync(path.join(RESULTS_DIR, file));
  }

  let step = Date.now();
  const paths = ensureTestbed();
  log(`testbed ready (${seconds(step)})`);

  if (!flag('--skip-build')) {
    step = Date.now();
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npm run build failed (${build.status ?? build.signal})`);
    log(`built (${seconds(step)})`);
  }
  for (const file of [SUITE_INDEX, path.join(ROOT, 'dist', 'test', 'integration', 'companion', 'extension.js')]) {
    if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing after the build`);
  }

  return withCleanup(async (register) => {
    const runDir = makeRunDir();
    register(async () => {
      if (flag('--keep')) log(`kept ${runDir}`);
      else removeDir(runDir);
    });

    // Extensions: the one under test and the companion.
    const extensionsDir = path.join(runDir, 'extensions');
    // RELEASE_PLAN_TESTBED_VSIX: test the packaged extension as a user installs it (CI does);
    // RELEASE_PLAN_TESTBED_EXTENSION: another unpacked folder; else this checkout's build.
    const vsix = process.env.RELEASE_PLAN_TESTBED_VSIX ? path.resolve(process.env.RELEASE_PLAN_TESTBED_VSIX) : undefined;
    const extensionSource = vsix ?? (process.env.RELEASE_PLAN_TESTBED_EXTENSION ? path.resolve(process.env.RELEASE_PLAN_TESTBED_EXTENSION) : ROOT);
    const underTest = vsix ? await installVsix({ paths, runDir, vsix, extensionsDir }) : installExtensionFolder(extensionSource, extensionsDir);
    const companion = installExtensionFolder(COMPANION_DIR, extensionsDir, [], [
      { from: path.join(ROOT, 'dist', 'test', 'integration', 'companion'), to: '.' },
    ]);
    log(`extensions: ${underTest.id}-${underTest.version}${extensionSource === ROOT ? '' : ` (from ${extensionSource})`}, ${companion.id}-${companion.version}`);

    const userDataDir = path.join(runDir, 'user-data');
    writeUserData(userDataDir);
    // A multi-root workspace: test/fixtures/basic (first folder, what most tests use) and
    // test/fixtures/second (its own .release/), checked as of the basic fixture's day.
    const workspace = path.join(runDir, 'workspace', 'basic');
    for (const name of ['basic', 'second']) cpSync(path.join(FIXTURES, name), path.join(runDir, 'workspace', name), { recursive: true });
    // The basic folder is a git repository with the plan's history (second is not): the extension
    // reads it through VS Code's Git extension, turned on for this window only (the user settings
    // keep it off for the other passes).
    const history = makeFixtureRepository(workspace);
    log(`fixture basic is a git repository (${history.length} commits, HEAD ${history[history.length - 1].slice(0, 7)})`);
    const workspaceFile = path.join(runDir, 'workspace', 'release-plan.code-workspace');
    const today = /"releasePlan\.today"\s*:\s*"([^"]+)"/.exec(readFileSync(path.join(workspace, '.vscode', 'settings.json'), 'utf8'))?.[1];
    writeFileSync(workspaceFile, `${JSON.stringify({ folders: [{ path: 'basic' }, { path: 'second' }], settings: { 'releasePlan.today': today, 'git.enabled': true, 'git.autofetch': false, 'git.openRepositoryInParentFolders': 'never' } }, null, 2)}\n`);
    const resultsFile = path.join(runDir, 'suite-results.json');

    step = Date.now();
    const port = await freePort();
    const codeServer = codeServerCleanup(register, port, { failIfBound: true });
    const server = await startCodeServer({
      paths, runDir, port, userDataDir, extensionsDir, workspace: workspaceFile,
      onSpawn: codeServer.onSpawn,
      env: {
        RELEASE_PLAN_TEST_RESULTS: resultsFile,
        RELEASE_PLAN_TEST_SUITE: SUITE_INDEX,
        ...(process.env.RELEASE_PLAN_TEST_GREP ? { RELEASE_PLAN_TEST_GREP: process.env.RELEASE_PLAN_TEST_GREP } : {}),
      },
    });
    log(`code-server on ${server.url} (pid ${server.pid}, up in ${seconds(step)})`);

    step = Date.now();
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: !flag('--headed'),
      args: CHROMIUM_ARGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    // Playwright itself kills the browser if this process exits abruptly.
    register(async () => {
      await browser.close().catch(() => {});
      log('browser closed');
    });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The extension host forwards console.log & co. to the workbench's console: collect them, so
    // what tests print shows up here and not only in the browser's devtools.
    const hostConsole = [];
    page.on('console', (message) => {
      const text = message.text();
      if (!text.includes('[Extension Host]')) return;
      hostConsole.push(text.replace(/%c/g, '').replace(/\s*color: \w*/g, '').replace(/^\s*\[Extension Host\]\s*/, '').trimEnd());
    });
    const workbenchUrl = `${server.url}?workspace=${encodeURIComponent(workspaceFile)}`;
    const pageOpened = Date.now();
    await page.goto(workbenchUrl, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    log(`workbench open in headless Chromium (${seconds(step)})`);

    // Wait for the companion's result file.
    step = Date.now();
    let suite;
    const deadline = Date.now() + SUITE_TIMEOUT_MS;
    while (!suite) {
      if (existsSync(resultsFile)) {
        suite = JSON.parse(readFileSync(resultsFile, 'utf8'));
        break;
      }
      if (!server.isRunning()) throw new Error(`code-server exited while the suite ran; log:\n${tail(server.logFile)}`);
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    let passed = 0;
    let failed = 0;
    if (suite) {
      console.log('');
      console.log(suite.report);
      console.log('');
      if (hostConsole.length) {
        console.log('Extension host console output (console.log & co. from tests and extensions):');
        for (const line of hostConsole) console.log(`  | ${line.split('\n').join('\n  | ')}`);
        console.log('');
      }
      log(`integration suite ran in VS Code ${suite.vscodeVersion} (${seconds(step)}): ${suite.passes} passed, ${suite.failures} failed`);
      if (suite.timings) {
        const at = (name) => (suite.timings[name] ? `${((suite.timings[name] - pageOpened) / 1000).toFixed(1)} s` : '?');
        log(`after opening the page: companion activated ${at('companionActivated')}, extension active ${at('extensionActivated')}, suite done ${at('suiteFinished')}`);
      }
      passed += suite.passes;
      failed += suite.failures;
    } else {
      failed += 1;
      const shot = path.join(RESULTS_DIR, 'suite-timeout.png');
      await page.screenshot({ path: shot }).catch(() => {});
      console.log(`FAIL integration suite: no result within ${SUITE_TIMEOUT_MS / 1000} s (screenshot ${path.relative(ROOT, shot)})`);
      console.log(extensionHostLogs(userDataDir));
    }

    // UI checks in the same page.
    step = Date.now();
    const ui = await runUiChecks(page, {
      manifest: displayManifest(underTest.dir),
      resultsDir: RESULTS_DIR,
      workspace,
      // Where a named picture goes: always test-results/<name>.png, and docs/images/<name>.png
      // when it is missing there or with --update-screenshot.
      screenshotTargets: (name) => {
        const doc = path.join(SCREENSHOT_DOCS, `${name}.png`);
        return [path.join(RESULTS_DIR, `${name}.png`), ...(flag('--update-screenshot') || !existsSync(doc) ? [doc] : [])];
      },
    });
    log(`UI checks (${seconds(step)}): ${ui.passed} passed, ${ui.failed} failed`);
    passed += ui.passed;
    failed += ui.failed;

    // The Restricted Mode pass: the first server is stopped (2 cores), then the basic fixture is
    // opened untrusted in a second one, where the suite's "Restricted Mode" tests run.
    if (!process.env.RELEASE_PLAN_TEST_GREP) {
      await codeServer.stop();
      step = Date.now();
      const restricted = await runRestrictedPass({ paths, runDir: path.join(runDir, 'restricted'), extensionsDir, browser, register });
      log(`Restricted Mode pass (${seconds(step)}): ${restricted.passed} passed, ${restricted.failed} failed`);
      passed += restricted.passed;
      failed += restricted.failed;

      step = Date.now();
      const pseudo = await runPseudoLocalePass({ paths, runDir: path.join(runDir, 'pseudo'), browser, register, fixtures: FIXTURES, vsix });
      log(`pseudo-locale pass (${seconds(step)}): ${pseudo.passed} passed, ${pseudo.failed} failed`);
      passed += pseudo.passed;
      failed += pseudo.failed;
    }
    if (failed > 0 && pageErrors.length) log(`page errors:\n  ${pageErrors.slice(0, 10).join('\n  ')}`);
    if (failed > 0) {
      writeFileSync(path.join(RESULTS_DIR, 'code-server.log'), readFileSync(server.logFile));
      log(`code-server log copied to test-results/code-server.log`);
    }

    log(`total ${seconds(started)}`);
    return { passed, failed };
  });
}

/**
 * Opens a copy of the basic fixture in a code-server whose Workspace Trust is on and never asks,
 * so the folder stays in Restricted Mode, and runs the suite's "Restricted Mode" tests there.
 */
async function runRestrictedPass({ paths, runDir, extensionsDir, browser, register }) {
  mkdirSync(runDir, { recursive: true });
  const userDataDir = path.join(runDir, 'user-data');
  writeUserData(userDataDir, {
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.banner': 'never',
    'security.workspace.trust.untrustedFiles': 'open',
  });
  const folder = path.join(runDir, 'basic');
  cpSync(path.join(FIXTURES, 'basic'), folder, { recursive: true });
  const resultsFile = path.join(runDir, 'suite-results.json');
  const port = await freePort();
  const codeServer = codeServerCleanup(register, port, { label: 'restricted code-server' });
  const server = await startCodeServer({
    paths, runDir, port, userDataDir, extensionsDir, workspace: folder, trust: true, name: 'code-server-restricted',
    onSpawn: codeServer.onSpawn,
    env: { RELEASE_PLAN_TEST_RESULTS: resultsFile, RELEASE_PLAN_TEST_SUITE: SUITE_INDEX, RELEASE_PLAN_TEST_GREP: 'Restricted Mode' },
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const deadline = Date.now() + SUITE_TIMEOUT_MS;
    while (!existsSync(resultsFile)) {
      if (!server.isRunning()) throw new Error(`the restricted code-server exited; log:\n${tail(server.logFile)}`);
      if (Date.now() > deadline) {
        await page.screenshot({ path: path.join(RESULTS_DIR, 'suite-timeout-restricted.png') }).catch(() => {});
        console.log(`FAIL Restricted Mode pass: no result within ${SUITE_TIMEOUT_MS / 1000} s`);
        return { passed: 0, failed: 1 };
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const suite = JSON.parse(readFileSync(resultsFile, 'utf8'));
    console.log('');
    console.log(suite.report);
    // The suite must really have run untrusted: its tests skip themselves in a trusted window.
    if (suite.passes === 0 && suite.failures === 0) return { passed: 0, failed: 1 };
    return { passed: suite.passes, failed: suite.failures };
  } finally {
    await context.close().catch(() => {});
    // Stopped now, not at the end: the next pass starts its own VS Code (2 cores).
    await codeServer.stop();
  }
}

function extensionHostLogs(userDataDir) {
  const result = spawnSync('sh', ['-c', `find "${userDataDir}/logs" -name '*.log' | grep -Ei 'exthost|remoteagent|renderer' | head -5 | xargs -r tail -n 30`], { encoding: 'utf8' });
  return result.stdout || '(no extension host logs found)';
}

await exitWithCounts(main);
