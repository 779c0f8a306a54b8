// The pseudo-locale pass of the test bed: the extension in a real VS Code whose display language is
// the pseudo-locale `qps-ploc`, with every string of the extension wrapped as `［…］`. Any visible
// word of ours that is not wrapped did not go through vscode.l10n / package.nls.json.
//
// VS Code takes a display language only from an installed language pack: a minimal one (no
// workbench translations) is laid out in the extensions dir and registered in the user-data dir's
// languagepacks.json, and code-server is started with `--locale qps-ploc` (verified offline here:
// `vscode.env.language` is then `qps-ploc` and extension bundles for it are loaded).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, installExtensionFolder, installVsix, log, ROOT, startCodeServer, stopProcessGroup, writeUserData } from './lib.mjs';

const LOCALE = 'qps-ploc';
const wrap = (text) => `［${text}］`;

/** The pseudo-locale bundles of an installed copy of the extension: every message wrapped, placeholders kept. */
function writePseudoBundles(extensionDir) {
  const bundle = JSON.parse(readFileSync(path.join(extensionDir, 'l10n', 'bundle.l10n.json'), 'utf8'));
  const pseudo = Object.fromEntries(Object.entries(bundle).map(([key, value]) => [key, wrap(typeof value === 'string' ? value : value.message)]));
  writeFileSync(path.join(extensionDir, 'l10n', `bundle.l10n.${LOCALE}.json`), JSON.stringify(pseudo, null, 2));
  const nls = JSON.parse(readFileSync(path.join(extensionDir, 'package.nls.json'), 'utf8'));
  writeFileSync(path.join(extensionDir, `package.nls.${LOCALE}.json`), JSON.stringify(Object.fromEntries(Object.entries(nls).map(([key, value]) => [key, wrap(value)])), null, 2));
}

/** A language pack with no translations of the workbench: enough for VS Code to switch language. */
function writeLanguagePack(extensionsDir, userDataDir) {
  const dir = path.join(extensionsDir, `release-plan-test.vscode-language-pack-${LOCALE}-1.0.0`);
  mkdirSync(path.join(dir, 'translations'), { recursive: true });
  const id = `release-plan-test.vscode-language-pack-${LOCALE}`;
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
    name: `vscode-language-pack-${LOCALE}`, publisher: 'release-plan-test', version: '1.0.0', engines: { vscode: '^1.100.0' },
    contributes: { localizations: [{ languageId: LOCALE, languageName: 'Pseudo Language', localizedLanguageName: 'Pseudo Language', translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
  }));
  const translations = path.join(dir, 'translations', 'main.i18n.json');
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [LOCALE]: { hash: 'release-plan-test', extensions: [{ extensionIdentifier: { id }, version: '1.0.0' }], translations: { vscode: translations }, label: 'Pseudo Language' } }));
}

/** What is left of a visible text once our wrapped words and the plan's own words are taken out. */
export function unwrapped(text, planWords) {
  // Wrapped words may nest (a localized word inside a localized sentence): strip innermost first.
  let rest = text;
  for (let previous = ''; previous !== rest; ) [previous, rest] = [rest, rest.replace(/［[^［］]*］/g, ' ')];
  for (const word of planWords) rest = rest.split(word).join(' ');
  return rest.replace(/[\d\s·:,.()\-–—/%+#]+/g, ' ').trim();
}

export async function runPseudoLocalePass({ paths, runDir, browser, register, fixtures, vsix, timeout = 20_000 }) {
  mkdirSync(runDir, { recursive: true });
  const extensionsDir = path.join(runDir, 'extensions');
  // The packaged extension when CI tests the .vsix, so its shipped l10n bundle is the one wrapped.
  const underTest = vsix ? await installVsix({ paths, runDir, vsix, extensionsDir }) : installExtensionFolder(ROOT, extensionsDir);
  writePseudoBundles(underTest.dir);
  const userDataDir = path.join(runDir, 'user-data');
  writeUserData(userDataDir);
  writeLanguagePack(extensionsDir, userDataDir);
  const folder = path.join(runDir, 'basic');
  cpSync(path.join(fixtures, 'basic'), folder, { recursive: true });
  const port = await freePort();
  let pid;
  register(async () => {
    if (pid) await stopProcessGroup(pid);
  });
  const server = await startCodeServer({ paths, runDir, port, userDataDir, extensionsDir, workspace: folder, name: 'code-server-pseudo', args: ['--locale', LOCALE], onSpawn: (spawned) => { pid = spawned; } });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const results = { passed: 0, failed: 0 };
  const check = async (name, fn) => {
    try {
      await fn();
      results.passed += 1;
      console.log(`  PASS pseudo-locale: ${name}`);
    } catch (error) {
      results.failed += 1;
      console.log(`  FAIL pseudo-locale: ${name}\n      ${String(error instanceof Error ? error.message : error).split('\n').slice(0, 4).join('\n      ')}`);
    }
  };
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The plan's own words, which stay as written: the fixture's names, titles, people and dates.
    const planText = ['release.yaml', 'rollback.yaml'].map((file) => readFileSync(path.join(folder, '.release', file), 'utf8')).join('\n');
    const planWords = [...new Set(planText.split('\n').map((line) => line.replace(/^[\s-]*[\w]+:\s*/, '').trim().replace(/^["']|["']$/g, '')).filter((v) => v && !v.startsWith('#')))].sort((a, b) => b.length - a.length);
    // Texts must show a localized word, and nothing else but plan text (rule codes and the plan's file names are names, not words).
    const notLocalized = (texts) =>
      texts.flatMap((text) => {
        if (!text.includes('［')) return [`"${text}" has no localized word`];
        const rest = unwrapped(text, planWords).replace(/\b[a-z]+(-[a-z]+)+\b|\b[\w-]+\.yaml\b/g, ' ').trim();
        return rest ? [`"${text}" → "${rest}"`] : [];
      });

    await check('the status bar item is in the pseudo-locale', async () => {
      const item = page.locator('.part.statusbar .statusbar-item', { has: page.locator('.codicon-rocket') }).first();
      await item.waitFor({ state: 'visible', timeout });
      const text = (await item.innerText()).trim();
      if (!text.includes('［')) throw new Error(`"${text}" has no localized word`);
      const rest = unwrapped(text, planWords);
      if (rest) throw new Error(`"${text}": "${rest}" is not localized`);
    });

    await check('the Release view: its container, sections and rows show only localized words and plan text', async () => {
      const container = page.locator('.activitybar .action-item a[aria-label^="［"]').first();
      await container.waitFor({ state: 'visible', timeout });
      await container.click();
      const root = page.locator('.part.sidebar .monaco-list-row[aria-level="1"]').first();
      await root.waitFor({ state: 'visible', timeout });
      if ((await root.getAttribute('aria-expanded')) === 'false') await root.click();
      const rows = page.locator('.part.sidebar .monaco-list-row[aria-level="2"]');
      await rows.first().waitFor({ state: 'visible', timeout });
      const problems = [];
      const seen = [];
      for (const row of await page.locator('.part.sidebar .monaco-list-row').all()) {
        const label = ((await row.locator('.label-name').first().innerText().catch(() => '')) ?? '').trim();
        const description = ((await row.locator('.label-description').first().innerText().catch(() => '')) ?? '').trim();
        for (const text of [label, description].filter(Boolean)) {
          seen.push(text);
          const rest = unwrapped(text, planWords);
          if (rest) problems.push(`"${text}" → "${rest}"`);
        }
      }
      if (seen.length < 6) throw new Error(`only ${seen.length} texts in the view: ${seen.join(' | ')}`);
      if (problems.length) throw new Error(`not localized: ${problems.join('; ')}`);
      log(`pseudo-locale: ${seen.length} texts in the Release view, e.g. ${seen.slice(0, 4).join(' | ')}`);
    });

    await check('the Problems panel: every finding of the plan in the pseudo-locale (the engine\'s messages, not only our own words)', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor({ state: 'visible', timeout });
      await input.fill('>View: Focus Problems');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Focus Problems' }).first().waitFor({ state: 'visible', timeout });
      await page.keyboard.press('Enter');
      // On the test bed's day the fixture has two findings (owner-team-label, checkin-stale): wait for both.
      const lines = page.locator('.part.panel .marker-message');
      await page.waitForFunction(() => document.querySelectorAll('.part.panel .marker-message').length >= 2, undefined, { timeout });
      const texts = (await lines.allInnerTexts()).map((text) => text.trim()).filter(Boolean);
      const problems = notLocalized(texts);
      if (problems.length) throw new Error(`not localized: ${problems.join('; ')}`);
      log(`pseudo-locale: ${texts.length} findings in the Problems panel, e.g. ${texts[0]}`);
    });

    await check('the command palette lists the commands in the pseudo-locale, and the dashboard shows the verdict, its reasons, the go/no-go and the findings in it', async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor({ state: 'visible', timeout });
      await input.fill('>［Release Plan］');
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: '［Open Dashboard］' }).first();
      await row.waitFor({ state: 'visible', timeout });
      await row.click();
      const webview = page.frameLocator('iframe.webview').frameLocator('#active-frame');
      await webview.locator('#verdict').waitFor({ state: 'visible', timeout });
      await webview.locator('li.finding .finding-message').first().waitFor({ state: 'attached', timeout });
      const texts = [];
      for (const selector of ['#verdict', '#health-reasons li', '#gonogo-questions .question-text', '#gonogo-questions .question-reasons li', '#rollback-checks .check-label', 'li.finding .finding-message']) {
        const found = (await webview.locator(selector).allTextContents()).map((text) => text.trim()).filter(Boolean);
        if (found.length === 0) throw new Error(`nothing shown for ${selector}`);
        texts.push(...found);
      }
      const problems = notLocalized(texts);
      if (problems.length) throw new Error(`not localized: ${problems.join('; ')}`);
      log(`pseudo-locale: ${texts.length} texts in the dashboard, e.g. ${texts.slice(0, 3).join(' | ')}`);
    });
  } finally {
    await context.close().catch(() => {});
    if (pid) await stopProcessGroup(pid);
    pid = undefined;
  }
  return results;
}
