// UI checks run by scripts/testbed/run.mjs with Playwright, in the page where the integration suite
// just ran (the fixture workspace test/fixtures/basic is open). They check what only a person sees:
// the activity-bar container and its tree, the Problems panel, the command palette.
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const RELEASE_NAME = 'basic-v1'; // `release:` in test/fixtures/basic/.release/release.yaml
const DIAGNOSTIC_CODE = 'owner-team-label';
const TIMEOUT = 20_000;

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/**
 * Commands the palette must list: the contributed ones that are shown unconditionally. Commands
 * hidden by `menus.commandPalette` or with an `enablement` that depends on state (the palette
 * leaves out disabled commands) are skipped; `isWorkspaceTrusted` holds (trust is off here).
 */
function paletteCommands(manifest) {
  const always = (expression) =>
    !expression || expression.split('&&').every((term) => term.trim() === 'isWorkspaceTrusted' || term.trim() === 'true');
  const paletteWhen = new Map((manifest.contributes?.menus?.commandPalette ?? []).map((entry) => [entry.command, entry.when]));
  const expected = [];
  const skipped = [];
  for (const command of manifest.contributes?.commands ?? []) {
    const label = command.category ? `${command.category}: ${command.title}` : command.title;
    const shown = always(command.enablement) && (!paletteWhen.has(command.command) || always(paletteWhen.get(command.command)));
    (shown ? expected : skipped).push({ id: command.command, label });
  }
  return { expected, skipped };
}

/**
 * Runs the checks; prints `PASS`/`FAIL` per check; returns { passed, failed }.
 * A failing check leaves a screenshot `ui-<check>.png` in resultsDir.
 */
export async function runUiChecks(page, { manifest, resultsDir, screenshotTargets = [] }) {
  mkdirSync(resultsDir, { recursive: true });
  let passed = 0;
  let failed = 0;
  const check = async (name, fn) => {
    const started = Date.now();
    try {
      await fn();
      passed += 1;
      console.log(`  PASS UI: ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      const shot = path.join(resultsDir, `ui-${slug(name)}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      const message = (error instanceof Error ? error.message : String(error))
        .replace(/\u001b\[[0-9;]*m/g, '') // Playwright colours its call log
        .split('\n')
        .filter((line) => line.trim())
        .slice(0, 5)
        .join('\n      ');
      console.log(`  FAIL UI: ${name} (${Date.now() - started} ms)\n      ${message}\n      screenshot: ${shot}`);
    }
  };

  const container = manifest.contributes?.viewsContainers?.activitybar?.[0];
  const containerTitle = container?.title ?? 'Release';
  const activityBar = page.locator('.part.activitybar');
  const containerItem = activityBar.locator(`.action-item a[aria-label^="${containerTitle}"], .action-item[aria-label^="${containerTitle}"]`).first();
  const sideBar = page.locator('.part.sidebar');

  await page.keyboard.press('Escape');

  await check(`activity bar shows the "${containerTitle}" view container`, async () => {
    if (!container) throw new Error('package.json contributes no viewsContainers.activitybar');
    await containerItem.waitFor({ state: 'visible', timeout: TIMEOUT });
  });

  await check(`the ${containerTitle} view shows the release "${RELEASE_NAME}" as its tree root`, async () => {
    await containerItem.click({ timeout: TIMEOUT });
    const root = sideBar.locator('.monaco-list-row[aria-level="1"]', { hasText: RELEASE_NAME }).first();
    await root.waitFor({ state: 'visible', timeout: TIMEOUT });
  });

  await check(`the Problems panel lists a diagnostic with code ${DIAGNOSTIC_CODE}`, async () => {
    await page.keyboard.press('Escape');
    await runCommand(page, 'View: Focus Problems');
    const row = page.locator('.part.panel .monaco-list-row', { hasText: DIAGNOSTIC_CODE }).first();
    await row.waitFor({ state: 'visible', timeout: TIMEOUT });
  });

  await check(`selecting the ${DIAGNOSTIC_CODE} problem opens release.yaml (screenshot of the workbench)`, async () => {
    const row = page.locator('.part.panel .monaco-list-row', { hasText: DIAGNOSTIC_CODE }).first();
    await row.click({ timeout: TIMEOUT });
    await page.keyboard.press('Enter');
    await page.locator('.part.editor .tab.active', { hasText: 'release.yaml' }).waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.locator('.part.editor .monaco-editor .squiggly-error').first().waitFor({ state: 'visible', timeout: TIMEOUT });
    // The README's picture: the Release view, the plan with its squiggle, the Problems panel.
    await sideBar.locator('.monaco-list-row', { hasText: RELEASE_NAME }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    for (const target of screenshotTargets) {
      mkdirSync(path.dirname(target), { recursive: true });
      await page.screenshot({ path: target });
    }
    if (screenshotTargets.length) console.log(`       screenshot: ${screenshotTargets.join(', ')}`);
  });

  await check('the command palette (F1, "Release Plan") finds the extension\'s commands', async () => {
    const { expected, skipped } = paletteCommands(manifest);
    if (expected.length === 0) throw new Error('package.json contributes no commands for the palette');
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    const missing = [];
    for (const command of expected) {
      await input.fill(`>${command.label}`);
      const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: command.label }).first();
      try {
        await row.waitFor({ state: 'visible', timeout: 5_000 });
      } catch {
        missing.push(command.label);
      }
    }
    await input.fill('>Release Plan');
    const rows = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Release Plan' });
    await rows.first().waitFor({ state: 'visible', timeout: TIMEOUT });
    const count = await rows.count();
    await page.keyboard.press('Escape');
    if (missing.length) throw new Error(`not found in the command palette: ${missing.join(', ')}`);
    console.log(
      `       "Release Plan" lists ${count} command(s); all ${expected.length} unconditional ones found` +
        (skipped.length ? ` (${skipped.length} conditional not checked: ${skipped.map((c) => c.id).join(', ')})` : ''),
    );
  });

  return { passed, failed };
}

/** Runs a workbench command through the command palette, by its label. */
async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input.input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(`>${label}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
}
