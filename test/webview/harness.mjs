// Serves the built dashboard (dist/webview.js, media/dashboard.css, dist/codicons) with the real
// page from dashboardHtml() on 127.0.0.1, and drives it in headless Chromium (playwright-core).
// The page's CSP is the extension's: the tests see every violation the real webview would.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { dashboardHtml } from '../../src/shared/dashboardHtml.ts';
import { WEBVIEW_STRINGS } from '../../src/shared/strings.ts';
import { themes } from './themes.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json' };
/** The only files the page may load, as VS Code's localResourceRoots would allow. */
const ALLOWED = [/^\/dist\/webview\.js(\.map)?$/, /^\/media\/dashboard\.css$/, /^\/dist\/codicons\/codicon\.(css|ttf)$/];

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** A pseudo-locale of the dashboard's words: every one wrapped in ［…］, so a word shown unwrapped did not go through t(). */
export function pseudoStrings() {
  return Object.fromEntries(Object.entries(WEBVIEW_STRINGS).map(([key, english]) => [key, `［${english}］`]));
}

/**
 * `/?l10n=pseudo` serves the page with pseudoStrings() as the host's words (as VS Code would pass
 * its display language's); `/` without them, as in every other test (the webview's English).
 *
 * `webviewJs`: serve another build of the bundle (the bench serves its minified one; WEBVIEW_JS
 * runs the tests against another build, e.g. an older one to see a new test fail on it).
 */
export async function startServer({ webviewJs = process.env.WEBVIEW_JS || join(ROOT, 'dist/webview.js') } = {}) {
  if (!existsSync(webviewJs)) throw new Error('dist/webview.js is missing: run `npm run build` first');
  const requests = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/') {
      const origin = `http://127.0.0.1:${server.address().port}`;
      const pseudo = url.searchParams.get('l10n') === 'pseudo';
      const html = dashboardHtml({
        ...(pseudo ? { strings: pseudoStrings(), lang: 'qps-ploc' } : {}),
        cspSource: origin,
        nonce: randomBytes(16).toString('hex'),
        scriptUri: `${origin}/dist/webview.js`,
        styleUri: `${origin}/media/dashboard.css`,
        codiconsUri: `${origin}/dist/codicons/codicon.css`,
        title: 'Release Dashboard',
      });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
      return;
    }
    if (!ALLOWED.some((re) => re.test(url.pathname))) {
      res.writeHead(404).end();
      return;
    }
    const file = url.pathname === '/dist/webview.js' ? webviewJs : join(ROOT, url.pathname);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, requests, close: () => new Promise((ok) => server.close(ok)) };
}

export async function launch() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Runs in the page before any of its scripts: a stub of VS Code's acquireVsCodeApi (one call only,
 * state kept in sessionStorage so a reload restores it), and recorders for CSP violations and
 * for plan text that would have run as script.
 */
function initPage(theme) {
  const w = window;
  w.__posted = [];
  w.__csp = [];
  w.__dialogs = 0;
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
  });
  let acquired = false;
  w.acquireVsCodeApi = () => {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return Object.freeze({
      postMessage: (message) => {
        w.__posted.push(JSON.parse(JSON.stringify(message)));
      },
      getState: () => {
        const saved = sessionStorage.getItem('__vscodeState');
        return saved ? JSON.parse(saved) : undefined;
      },
      setState: (state) => {
        sessionStorage.setItem('__vscodeState', JSON.stringify(state));
        return state;
      },
    });
  };
  if (theme) {
    const apply = () => {
      for (const [name, value] of Object.entries(theme.vars)) document.documentElement.style.setProperty(name, value);
      document.body.classList.add(theme.bodyClass);
      document.body.setAttribute('data-vscode-theme-kind', theme.kind);
    };
    if (document.body) apply();
    else document.addEventListener('DOMContentLoaded', apply, { once: true });
  }
}

/** A fresh page on the dashboard, with every console message, page error and dialog recorded. */
export async function openDashboard(browser, server, { theme = 'dark', viewport = { width: 1280, height: 900 }, query = '' } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const log = { console: [], errors: [], dialogs: [] };
  page.on('console', (msg) => log.console.push({ type: msg.type(), text: msg.text() }));
  page.on('pageerror', (error) => log.errors.push(String(error)));
  page.on('dialog', (dialog) => {
    log.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(initPage, themes[theme] ?? null);
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => window.__posted.length > 0);
  return { page, context, log };
}

/** Posts a HostMessage the way VS Code does (window message) and waits until it is rendered. */
export async function showState(page, state) {
  return page.evaluate(async (s) => {
    const app = document.getElementById('app');
    app.removeAttribute('data-rendered');
    window.postMessage({ type: 'state', state: s }, '*');
    for (let i = 0; i < 500 && !app.hasAttribute('data-rendered'); i++) await new Promise((r) => setTimeout(r, 5));
    if (!app.hasAttribute('data-rendered')) throw new Error('the state was not rendered');
    return Number(app.getAttribute('data-render-ms'));
  }, state);
}

/** Everything that went wrong on the page: console errors, CSP violations, uncaught errors. */
export async function problems(page, log) {
  const csp = await page.evaluate(() => window.__csp);
  return {
    csp,
    consoleErrors: log.console.filter((m) => m.type === 'error' || /Content.Security.Policy|Refused to/i.test(m.text)),
    pageErrors: log.errors,
    dialogs: log.dialogs,
  };
}

export async function posted(page) {
  return page.evaluate(() => window.__posted);
}

/**
 * The hooks every dashboard suite needs, registered in the calling `describe`: one server and one
 * browser for the suite, and after each test its page's problems checked (no CSP violation, console
 * error, page error or dialog) and its context closed. Returns `open(options)` for a test's page
 * (the options of `openDashboard`).
 */
export function dashboardPages() {
  let server;
  let browser;
  let session;
  before(async () => {
    server = await startServer();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    if (!session) return;
    const { page, context, log } = session;
    session = undefined;
    const found = await problems(page, log);
    await context.close();
    assert.deepEqual(found, { csp: [], consoleErrors: [], pageErrors: [], dialogs: [] }, 'the page reported problems');
  });
  return {
    async open(options) {
      session = await openDashboard(browser, server, options);
      return session.page;
    },
  };
}
