#!/usr/bin/env node
// `npm run test:web-host`: the extension's web entry in a real browser, offline. code-server 4.139.1
// (the test bed of run.mjs) runs an extension that has a `browser` entry and no `main` in the
// browser's web worker extension host, as vscode.dev and github.dev do. This harness:
//  1. builds (unless --skip-build) and installs copies of the extension and of the web test
//     companion (test/integration/web) with their `main` removed: only `browser` is left;
//  2. opens a copy of test/fixtures/basic (one folder, no git) in code-server in headless Chromium;
//  3. waits for the companion's result (the web subset of the suite, run inside the web worker:
//     diagnostics, tree, status bar, verdict, history "needs the desktop", re-checks, a write),
//     written through workspace.fs to <run dir>/workspace/web-suite-results.json;
//  4. checks in the page what a person sees: the status bar item; the Running Extensions view names
//     the web worker as our host; the dashboard's verdict and why Scope over time is empty;
//  5. always stops code-server and the browser, and removes the temp folder (--keep keeps it).
// The last line is `N passed, N failed`; the exit status is 1 if anything failed. Run it under the
// shared lock: `flock /work/tmp/testbed.lock npm run test:web-host`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, ensureTestbed } from './install.mjs';
import {
  CHROMIUM_ARGS, ROOT, codeServerCleanup, exitWithCounts, freePort, installExtensionFolder, log, makeRunDir, removeDir, seconds, startCodeServer, tail, withCleanup, writeUserData,
} from './lib.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const TIMEOUT = 20_000;
const SUITE_TIMEOUT_MS = Number(process.env.RELEASE_PLAN_TESTBED_TIMEOUT || 180) * 1000;
const RESULTS_DIR = path.join(ROOT, 'test-results');
const STATUS_TEXT = 'basic-v1 · T-9 · 1 error';

/** Copies an extension folder into the extensions dir and drops its `main`: VS Code can then run it only from `browser`. */
function installWebOnly(sourceDir, extensionsDir, parts, extra) {
  const installed = installExtensionFolder(sourceDir, extensionsDir, parts, extra);
  const manifestFile = path.join(installed.dir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  delete manifest.main;
  if (!manifest.browser || !existsSync(path.resolve(installed.dir, manifest.browser))) throw new Error(`${installed.id}: no browser entry at ${manifest.browser}`);
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return { ...installed, manifest };
}

async function main() {
  const started = Date.now();
  const paths = ensureTestbed();
  if (!flag('--skip-build')) {
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`npm run build failed (${build.status ?? build.signal})`);
  }
  return withCleanup(async (register) => {
    const runDir = makeRunDir('release-plan-web-testbed-');
    register(async () => (flag('--keep') ? log(`kept ${runDir}`) : removeDir(runDir)));
    const extensionsDir = path.join(runDir, 'extensions');
    const underTest = installWebOnly(ROOT, extensionsDir);
    const companion = installWebOnly(path.join(ROOT, 'test', 'integration', 'web', 'companion'), extensionsDir, [], [
      { from: path.join(ROOT, 'dist', 'test', 'integration', 'web-companion'), to: '.' },
    ]);
    log(`web-only extensions (no main): ${underTest.id} (browser ${underTest.manifest.browser}), ${companion.id}`);
    const userDataDir = path.join(runDir, 'user-data');
    writeUserData(userDataDir);
    const workspace = path.join(runDir, 'workspace', 'basic');
    cpSync(path.join(ROOT, 'test', 'fixtures', 'basic'), workspace, { recursive: true });
    const resultsFile = path.join(runDir, 'workspace', 'web-suite-results.json');

    const port = await freePort();
    const codeServer = codeServerCleanup(register, port);
    const server = await startCodeServer({ paths, runDir, port, userDataDir, extensionsDir, workspace, onSpawn: codeServer.onSpawn });
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
    register(async () => {
      await browser.close().catch(() => {});
      log('browser closed');
    });
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    let step = Date.now();
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    log(`workbench open (${seconds(step)})`);

    step = Date.now();
    let suite;
    const deadline = Date.now() + SUITE_TIMEOUT_MS;
    while (!suite && Date.now() < deadline) {
      if (existsSync(resultsFile)) suite = JSON.parse(readFileSync(resultsFile, 'utf8'));
      else if (!server.isRunning()) throw new Error(`code-server exited; log:\n${tail(server.logFile)}`);
      else await new Promise((r) => setTimeout(r, 200));
    }
    let passed = 0;
    let failed = 0;
    if (suite) {
      console.log(`\n${suite.report}\n`);
      log(`web subset ran in the web worker of VS Code ${suite.vscodeVersion} (${seconds(step)}): ${suite.passes} passed, ${suite.failures} failed`);
      passed += suite.passes;
      failed += suite.failures;
    } else {
      failed += 1;
      await page.screenshot({ path: path.join(RESULTS_DIR, 'web-suite-timeout.png') }).catch(() => {});
      console.log(`FAIL web subset: no result within ${SUITE_TIMEOUT_MS / 1000} s (screenshot test-results/web-suite-timeout.png)`);
    }

    const check = async (name, fn) => {
      const at = Date.now();
      try {
        const note = await fn();
        passed += 1;
        console.log(`  PASS web UI: ${name} (${Date.now() - at} ms)${note ? `\n       ${note}` : ''}`);
      } catch (error) {
        failed += 1;
        const shot = path.join(RESULTS_DIR, `web-ui-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 50)}.png`);
        await page.screenshot({ path: shot }).catch(() => {});
        console.log(`  FAIL web UI: ${name} (${Date.now() - at} ms)\n      ${String(error?.message ?? error).split('\n').slice(0, 4).join('\n      ')}\n      screenshot: ${shot}`);
      }
    };
    const runCommand = async (label) => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: TIMEOUT });
      await input.fill(`>${label}`);
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Enter');
    };

    await check(`the status bar shows "${STATUS_TEXT}"`, async () => {
      const item = page.locator('.part.statusbar .statusbar-item', { hasText: STATUS_TEXT }).first();
      await item.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await item.innerText()).trim();
      if (text !== STATUS_TEXT) throw new Error(`the item reads "${text}"`);
    });

    await check('Developer: Show Running Extensions lists Release Plan in the web worker extension host', async () => {
      await runCommand('Developer: Show Running Extensions');
      const editor = page.locator('.runtime-extensions-editor');
      await editor.waitFor({ state: 'visible', timeout: TIMEOUT });
      const title = underTest.manifest.displayName?.startsWith('%') ? 'Release Plan' : underTest.manifest.displayName;
      // The list is virtualised: scroll until our row is rendered.
      const row = editor.locator('.monaco-list-row', { hasText: title }).first();
      for (let i = 0; i < 40 && !(await row.isVisible()); i++) {
        await editor.locator('.monaco-list').first().hover();
        await page.mouse.wheel(0, 300);
        await page.waitForTimeout(100);
      }
      await row.waitFor({ state: 'visible', timeout: TIMEOUT });
      const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
      if (!/Web Worker/i.test(text)) throw new Error(`its row does not name the web worker: "${text}"`);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'web-running-extensions.png') });
      await page.keyboard.press('Escape');
      return `row: "${text}" (screenshot test-results/web-running-extensions.png)`;
    });

    await check('the dashboard shows the No-Go verdict and says the history needs the desktop', async () => {
      await runCommand('Release Plan: Open Dashboard');
      const webview = page.frameLocator('iframe.webview').frameLocator('#active-frame');
      const verdict = webview.locator('#verdict');
      await verdict.waitFor({ state: 'visible', timeout: TIMEOUT });
      const verdictText = (await verdict.innerText()).replace(/\s+/g, ' ').trim();
      if (!/^No-Go\b/.test(verdictText)) throw new Error(`the verdict reads "${verdictText}"`);
      const scope = webview.locator('#scope-empty');
      await scope.scrollIntoViewIfNeeded({ timeout: TIMEOUT });
      const scopeText = (await scope.innerText()).trim();
      const expected = 'Git history is not available in the browser (it needs the desktop VS Code): no scope over time to draw.';
      if (scopeText !== expected) throw new Error(`Scope over time reads "${scopeText}"`);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'web-dashboard.png') });
      return `verdict "${verdictText.slice(0, 80)}"; scope: "${scopeText}" (screenshot test-results/web-dashboard.png)`;
    });

    if (failed > 0) writeFileSync(path.join(RESULTS_DIR, 'web-code-server.log'), readFileSync(server.logFile));
    log(`total ${seconds(started)}`);
    return { passed, failed };
  });
}

await exitWithCounts(main);
