// UI checks run by scripts/testbed/run.mjs with Playwright, in the page where the integration suite
// just ran (a copy of the fixture workspace test/fixtures/basic is open). They check what only a
// person sees: the activity-bar container and its tree, clicking a task, the status bar, the
// Problems panel, the quick-fix menu, the command palette, an action in the Release Dashboard
// webview and the go/no-go flow through the real QuickPick. They also take the README's pictures
// (docs/images/*.png).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// What test/fixtures/basic shows: its .vscode/settings.json checks it as of 2099-06-06 (T-9).
const RELEASE_NAME = 'basic-v1'; // `release:` in .release/release.yaml
const DIAGNOSTIC_CODE = 'owner-team-label'; // on T1's owner "backend team" (line 14)
const STATUS_TEXT = `${RELEASE_NAME} · T-9 · 1 error`;
const SECTIONS = ['Problem', 'Roles', 'Tasks', 'Rollback readiness', 'Go/No-Go', 'Parked'];
const TASK_ROW = 'T2 Download button'; // under Tasks → To do
const TASK_LINE = 16; // `  - id: T2`, 1-based
const DRY_RUN_EVIDENCE = 'staging chain run';
const VETO_REASON = 'T1 still has no owner';
const DECIDER = 'Ana'; // roles.stop
const TIMEOUT = 20_000;
const DASHBOARD_COMMAND = 'Release Plan: Open Dashboard';
const DASHBOARD_TAB = `Release: ${RELEASE_NAME}`; // the panel's title once the plan is shown
const NEW_OWNER = 'Cy'; // roles.readiness: a chip in the dashboard's assign form
const T1_ROW = 'T1 PDF export endpoint'; // under Tasks → Doing
const PLAN_COMMENT = '# Fixture for integration tests'; // release.yaml's first line
// The fixture's .release/history/: each past release and its verdict, oldest first; their rehearsal minutes.
const TRACK_ROWS = [['billing-v2', 'slipped by 4 days'], ['login-v3', 'on time (final target)'], ['search-v2', 'on time (final target)']];
const TRACK_TREND = '40 → 25 → 15';
const TRACK_BLOCKER = ['Staging database is down', 'in billing-v2, login-v3, on 2 days']; // a check-in block in both
// The fixture's git history (scripts/testbed/lib.mjs makeFixtureRepository): Ana Lima started the plan with T1, Bo Chen added T2.
const SCOPE_ROWS = [['commit', '4 May 2099', '1', '0', 'Ana Lima'], ['commit', '20 May 2099', '2', '0', 'Bo Chen']];
// What the Scope over time check commits as a third author: a scope freeze on 25 May and a task added on 1 June, after it.
const LATE_TASK = { id: 'T3', title: 'SSO for admins', author: 'Cy Diaz', date: '2099-06-01', freeze: '2099-05-25' };

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
export async function runUiChecks(page, { manifest, resultsDir, workspace, screenshotTargets = () => [] }) {
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

  const quickInput = page.locator('.quick-input-widget');
  const editor = page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
  const statusItem = (text) => page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();
  /** A row of the Release view; `level` 1 is a release, 2 its sections, 3 groups, 4 tasks. */
  const treeRow = (label, level) => sideBar.locator(`.monaco-list-row${level ? `[aria-level="${level}"]` : ''}`, { hasText: label }).first();
  const screenshot = async (name, clip) => {
    const targets = screenshotTargets(name);
    await page.mouse.move(1, 1); // no tooltips of where the pointer happened to be
    await page.waitForTimeout(300);
    for (const target of targets) {
      mkdirSync(path.dirname(target), { recursive: true });
      await page.screenshot({ path: target, ...(clip ? { clip } : {}) });
    }
    if (targets.length) console.log(`       screenshot: ${targets.map((target) => path.relative(process.cwd(), target)).join(', ')}`);
  };
  /** The dashboard webview's theme kind, from its body's class: light, dark or high-contrast. */
  const webviewTheme = async (webview) => ((await webview.locator('body').getAttribute('class', { timeout: TIMEOUT })) ?? '').match(/vscode-(light|dark|high-contrast)/)?.[1];
  /** The README's pictures of a dashboard section, `<name>-light` and `<name>-dark`: in the workbench's own Light and Dark Modern themes, as a user sees it. */
  const screenshotInThemes = async (webview, section, name, what) => {
    for (const [kind, theme] of [['light', 'Light Modern'], ['dark', 'Dark Modern']]) {
      await setColorTheme(page, theme);
      await waitUntilAsync(async () => (await webviewTheme(webview)) === kind, `the dashboard to follow the ${theme} theme`);
      await section.scrollIntoViewIfNeeded({ timeout: TIMEOUT });
      await page.waitForTimeout(200); // the theme's colours repaint after the class changes
      const box = await section.boundingBox();
      if (!box) throw new Error(`${what} has no box on screen`);
      const pad = 8;
      await screenshot(`${name}-${kind}`, { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: box.height + 2 * pad });
    }
  };

  await page.keyboard.press('Escape');

  await check(`activity bar shows the "${containerTitle}" view container`, async () => {
    if (!container) throw new Error('package.json contributes no viewsContainers.activitybar');
    await containerItem.waitFor({ state: 'visible', timeout: TIMEOUT });
  });

  await check(`the ${containerTitle} view shows the release "${RELEASE_NAME}" as its tree root`, async () => {
    await containerItem.click({ timeout: TIMEOUT });
    const root = treeRow(RELEASE_NAME, 1);
    await root.waitFor({ state: 'visible', timeout: TIMEOUT });
    // Wider than the default, so the pictures show the rows' descriptions (best effort).
    await widenSideBar(page, 440).catch(() => {});
  });

  await check(`the ${containerTitle} view's root reads "${RELEASE_NAME}" with "T-9" and has the sections ${SECTIONS.join(', ')}`, async () => {
    const root = treeRow(RELEASE_NAME, 1);
    await expand(root);
    const description = (await root.locator('.label-description').first().textContent({ timeout: TIMEOUT }))?.trim() ?? '';
    if (!description.includes('T-9')) throw new Error(`the root's description is "${description}", not one with "T-9"`);
    const missing = [];
    for (const section of SECTIONS) {
      const row = sideBar.locator('.monaco-list-row[aria-level="2"]').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(section)}$`) }) }).first();
      try {
        await row.waitFor({ state: 'visible', timeout: 5_000 });
      } catch {
        missing.push(section);
      }
    }
    if (missing.length) throw new Error(`sections not shown under ${RELEASE_NAME}: ${missing.join(', ')}`);
    console.log(`       root: "${RELEASE_NAME}  ${description}"`);
  });

  await check(`the status bar shows "${STATUS_TEXT}" with the rocket icon`, async () => {
    const item = statusItem(STATUS_TEXT);
    await item.waitFor({ state: 'visible', timeout: TIMEOUT });
    const text = (await item.innerText()).trim();
    if (text !== STATUS_TEXT) throw new Error(`the status bar item reads "${text}", not "${STATUS_TEXT}"`);
    if ((await item.locator('.codicon-rocket').count()) === 0) throw new Error('the status bar item has no $(rocket) icon');
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
    await editor.locator('.view-lines').hover();
    await page.mouse.wheel(0, -1000); // from line 1
    await screenshot('workbench');
  });

  await check(`clicking the task "${TASK_ROW}" (Tasks → To do) opens release.yaml at line ${TASK_LINE} (- id: T2)`, async () => {
    await expand(treeRow(RELEASE_NAME, 1));
    await expand(treeRow('Tasks', 2));
    await expand(treeRow('To do', 3));
    const task = treeRow(TASK_ROW, 4);
    await task.waitFor({ state: 'visible', timeout: TIMEOUT });
    await task.click({ timeout: TIMEOUT });
    await page.locator('.part.editor .tab.active', { hasText: 'release.yaml' }).waitFor({ state: 'visible', timeout: TIMEOUT });
    const position = statusItem(new RegExp(`^Ln ${TASK_LINE}, Col \\d+`));
    try {
      await position.waitFor({ state: 'visible', timeout: 10_000 });
    } catch {
      const shown = await page.locator('.part.statusbar .statusbar-item', { hasText: /^Ln \d+/ }).first().innerText().catch(() => '(no cursor position in the status bar)');
      throw new Error(`the status bar shows "${shown.trim()}", not "Ln ${TASK_LINE}, …"`);
    }
    // The gutter and the view lines repaint after the status bar: wait for them, do not sample once.
    await waitForText(editor.locator('.line-numbers.active-line-number'), (text) => text === String(TASK_LINE), `the editor's active line to be ${TASK_LINE}`, 10_000);
    // The editor renders spaces as U+00A0, which \s matches.
    await editor
      .locator('.view-line', { hasText: /-\s+id:\s+T2\b/ })
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 })
      .catch(() => {
        throw new Error('the line "- id: T2" is not visible in the editor');
      });
    console.log(`       ${(await position.innerText()).trim()}`);
  });

  await check(`the quick-fix menu (Ctrl+.) on the ${DIAGNOSTIC_CODE} squiggle offers "Assign to …" (screenshot release-view)`, async () => {
    // A roomier picture than workbench.png: no panel, the rollback checks expanded too.
    await runCommand(page, 'View: Hide Panel').catch(() => page.keyboard.press('Escape'));
    await expand(treeRow('Rollback readiness', 2)).catch(() => {});
    const squiggle = editor.locator('.squiggly-error').first();
    await squiggle.waitFor({ state: 'visible', timeout: TIMEOUT });
    const box = await squiggle.boundingBox();
    if (!box) throw new Error('the squiggle has no box on screen');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(1, 1);
    // The whole plan in view, from line 1.
    await editor.locator('.view-lines').hover();
    await page.mouse.wheel(0, -1000);
    const menu = page.locator('.action-widget');
    const assign = menu.locator('.monaco-list-row', { hasText: /Assign to / });
    // Ctrl+. right after the click can come before the editor has the code actions: try again.
    for (let attempt = 1; ; attempt += 1) {
      await page.waitForTimeout(300);
      await page.keyboard.press('Control+.');
      try {
        await assign.first().waitFor({ state: 'visible', timeout: attempt < 3 ? 5_000 : TIMEOUT });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await page.keyboard.press('Escape');
      }
    }
    const labels = (await assign.allInnerTexts()).map((text) => text.trim().split('\n')[0]);
    await screenshot('release-view');
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden', timeout: TIMEOUT }).catch(() => {});
    console.log(`       quick fixes: ${labels.join(' · ')}`);
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

  // The dashboard webview round trip: an action in the webview edits release.yaml on disk, and
  // the tree, the status bar, the Problems panel and the dashboard follow. The plan is restored.
  await check(`the dashboard (F1, "${DASHBOARD_COMMAND}") shows ${RELEASE_NAME}; assigning T1 to ${NEW_OWNER} in it fixes ${DIAGNOSTIC_CODE} in release.yaml, the tree, the status bar and the Problems panel (screenshot dashboard-vscode)`, async () => {
    if (!workspace) throw new Error('the harness passed no workspace');
    const planFile = path.join(workspace, '.release', 'release.yaml');
    const original = readFileSync(planFile, 'utf8');
    const dashboardTab = page.locator('.part.editor .tab', { hasText: DASHBOARD_TAB });
    // In code-server the page sits in an <iframe class="webview"> whose #active-frame holds it.
    const webview = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    const taskRow = (id) => webview.locator(`tr.task-row[data-task-id="${id}"]`);
    const problemRow = page.locator('.part.panel .monaco-list-row', { hasText: DIAGNOSTIC_CODE }).first();
    const okStatus = new RegExp(`^${escapeRegExp(`${RELEASE_NAME} · T-9 · `)}(ok|\\d+ warnings?)$`);
    let failure;
    try {
      await page.keyboard.press('Escape');
      await runCommand(page, DASHBOARD_COMMAND);
      await page.locator('.part.editor .tab.active', { hasText: DASHBOARD_TAB }).waitFor({ state: 'visible', timeout: TIMEOUT });
      // What the webview shows: the fixture's release, its two tasks, T1's finding inline.
      await waitForText(webview.locator('h1#release-name'), (text) => text === RELEASE_NAME, `the dashboard's header to read "${RELEASE_NAME}"`);
      for (const id of ['T1', 'T2']) await taskRow(id).waitFor({ state: 'attached', timeout: TIMEOUT });
      const rows = await webview.locator('tr.task-row').count();
      if (rows !== 2) throw new Error(`the tasks table has ${rows} rows, not 2 (T1, T2)`);
      const finding = taskRow('T1').locator(`li.finding[title="${DIAGNOSTIC_CODE}"]`);
      if ((await finding.count()) !== 1) throw new Error(`T1's row shows no ${DIAGNOSTIC_CODE} finding`);
      // The task table is the page's last part, below the charts: scrolled to as a person would (off
      // screen its rows are not rendered, content-visibility: auto, and show no text until the next frame).
      await taskRow('T1').scrollIntoViewIfNeeded({ timeout: TIMEOUT });
      await waitForText(taskRow('T1').locator('td.col-owner'), (text) => text === 'backend team', 'T1\'s owner to read "backend team"');
      // The README's picture: the dashboard in the workbench (from its top), next to the Release view.
      await webview.locator('#header').scrollIntoViewIfNeeded({ timeout: TIMEOUT });
      await webview.locator('#verdict').waitFor({ state: 'visible', timeout: TIMEOUT });
      await screenshot('dashboard-vscode');

      // The action, through the webview's own UI: assign → chip → Assign.
      await taskRow('T1').locator('button[data-action="assign"]').click({ timeout: TIMEOUT });
      const form = webview.locator('tr.action-row[data-action="assign"] form[data-form="assign"]');
      await form.waitFor({ state: 'visible', timeout: TIMEOUT });
      await form.locator(`button.chip[data-person="${NEW_OWNER}"]`).click({ timeout: TIMEOUT });
      const field = form.locator('vscode-textfield[data-field="owner"]');
      const typed = await field.evaluate((element) => element.value);
      if (typed !== NEW_OWNER) throw new Error(`the chip "${NEW_OWNER}" put "${typed}" in the owner field`);
      await form.locator('vscode-button[data-role="confirm"]').click({ timeout: TIMEOUT });

      // (a) release.yaml on disk: T1's owner changed, the comment kept (the document was saved).
      let onDisk = original;
      await waitUntil(() => {
        onDisk = readFileSync(planFile, 'utf8');
        return parse(onDisk)?.tasks?.[0]?.owner === NEW_OWNER;
      }, `release.yaml on disk to have T1 "owner: ${NEW_OWNER}"`);
      if (!onDisk.startsWith(`${PLAN_COMMENT}\n`)) throw new Error(`release.yaml lost its first line "${PLAN_COMMENT}":\n${onDisk}`);
      const changed = diffLines(original, onDisk);
      if (changed.length !== 1 || changed[0].after.trim() !== `owner: ${NEW_OWNER}`) throw new Error(`release.yaml changed in other lines than T1's owner:\n${changed.map((c) => `  ${c.line}: "${c.before}" → "${c.after}"`).join('\n')}`);
      // The save reaches the disk a moment before the workbench repaints the tab: wait for it to
      // show the document clean, and fail if it stays dirty.
      await page
        .locator('.part.editor .tab.dirty', { hasText: 'release.yaml' })
        .first()
        .waitFor({ state: 'detached', timeout: 10_000 })
        .catch(() => {
          throw new Error('release.yaml still has unsaved changes in the editor 10 s after the write reached the disk');
        });

      // (b) the Release view: T1's row names its new owner; the root has no error left.
      await expand(treeRow(RELEASE_NAME, 1));
      await expand(treeRow('Tasks', 2));
      await expand(treeRow('Doing', 3));
      const t1 = treeRow(T1_ROW, 4);
      const t1Description = await waitForText(t1.locator('.label-description'), (text) => text.split(' · ').includes(NEW_OWNER), `the row "${T1_ROW}" to name ${NEW_OWNER}`);
      const rootDescription = await waitForText(treeRow(RELEASE_NAME, 1).locator('.label-description'), (text) => text.includes('T-9') && !/\b[1-9]\d* errors?\b/.test(text), `the root "${RELEASE_NAME}" to show no error`);

      // (c) the status bar and the Problems panel: no error, no owner-team-label.
      const statusText = await waitForText(statusItem(`${RELEASE_NAME} · T-9 · `), (text) => okStatus.test(text), `the status bar to read "${RELEASE_NAME} · T-9 · ok" (or warnings only)`);
      await runCommand(page, 'View: Focus Problems');
      await page.locator('.part.panel .markers-panel').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await problemRow.waitFor({ state: 'hidden', timeout: TIMEOUT });

      // (d) the dashboard re-rendered: T1 owned by Cy, its finding gone.
      await waitForText(taskRow('T1').locator('td.col-owner'), (text) => text === NEW_OWNER, `the dashboard to show ${NEW_OWNER} as T1's owner`);
      await finding.waitFor({ state: 'detached', timeout: TIMEOUT });
      console.log(`       release.yaml: T1 owner: ${NEW_OWNER} (first line kept); tree: "${T1_ROW}  ${t1Description}", root "${RELEASE_NAME}  ${rootDescription}"; status bar "${statusText}"; no ${DIAGNOSTIC_CODE} in Problems; dashboard T1 owner ${NEW_OWNER}`);
    } catch (error) {
      failure = error;
      // check() takes its screenshot after the restore below; this one shows the failure itself.
      await page.screenshot({ path: path.join(resultsDir, 'ui-dashboard-before-restore.png') }).catch(() => {});
    }
    // Restore the fixture for the go/no-go check: the plan as it was, 1 error again.
    try {
      if (readFileSync(planFile, 'utf8') !== original) writeFileSync(planFile, original);
      await statusItem(STATUS_TEXT).waitFor({ state: 'visible', timeout: TIMEOUT });
      // The Problems panel is open if the flow got that far: its row is back.
      if (await page.locator('.part.panel').isVisible()) {
        await problemRow.waitFor({ state: 'visible', timeout: TIMEOUT });
        await runCommand(page, 'View: Hide Panel').catch(() => page.keyboard.press('Escape'));
      }
      if ((await dashboardTab.count()) > 0) {
        // The tab's own close button: a re-rendering webview can take focus from the command palette.
        await dashboardTab.first().click({ timeout: TIMEOUT });
        await dashboardTab.first().locator('.tab-actions .action-label').first().click({ timeout: TIMEOUT });
        await dashboardTab.first().waitFor({ state: 'detached', timeout: TIMEOUT });
      }
    } catch (error) {
      failure ??= new Error(`restoring the fixture failed: ${error instanceof Error ? error.message : error}`);
    }
    if (failure) throw failure;
  });

  // Last, because it writes a record; the record is removed again afterwards.
  const today = workspace ? fixtureToday(workspace) : undefined;
  const record = workspace && today ? path.join(workspace, '.release', 'gonogo', `${today}.yaml`) : undefined;
  await check(`the go/no-go flow through the real QuickPick (F1, keyboard only) writes a NO-GO record by ${DECIDER} (screenshot gonogo)`, async () => {
    if (!record) throw new Error('the harness passed no workspace (or its .vscode/settings.json sets no releasePlan.today)');
    if (existsSync(record)) throw new Error(`${record} exists before the flow ran`);
    try {
      await page.keyboard.press('Escape');
      await runCommand(page, 'Release Plan: Run Go/No-Go Checklist', { opensQuickInput: true });
      const title = quickInput.locator('.quick-input-title');
      const steps = [];
      const placeholder = (text) => quickInput.locator(`input.input[placeholder^="${text}"]`);
      for (let n = 1; n <= 5; n += 1) {
        await title.filter({ hasText: `(${n}/5)` }).waitFor({ state: 'visible', timeout: TIMEOUT });
        // Each question is either answered by the plan (its verdict first, Enter goes on) or asked.
        const answered = placeholder('The plan answers this question');
        const asked = placeholder('The plan cannot tell');
        await answered.or(asked).waitFor({ state: 'visible', timeout: TIMEOUT });
        if (await answered.isVisible()) {
          const verdict = quickInput.locator('.monaco-list-row.focused', { hasText: /continue/ });
          await verdict.waitFor({ state: 'visible', timeout: TIMEOUT });
          steps.push(`${n}: ${(await verdict.innerText()).trim().split('\n')[0]}`);
          if (n === 2) {
            await quickInput.locator('.monaco-list-row').nth(1).waitFor({ state: 'visible', timeout: TIMEOUT });
            // The top of the window: the question, its verdict and evidence, the plan behind it.
            await screenshot('gonogo', { x: 0, y: 0, width: page.viewportSize()?.width ?? 1400, height: 460 });
          }
          await page.keyboard.press('Enter');
          continue;
        }
        if (n !== 4) throw new Error(`question ${n} asks for an answer; in this fixture only question 4 (the dry run) should`);
        await page.keyboard.type('Yes');
        await quickInput.locator('.monaco-list-row.focused', { hasText: 'Yes' }).waitFor({ state: 'visible', timeout: TIMEOUT });
        await page.keyboard.press('Enter');
        // The evidence InputBox (same title, no list).
        await quickInput.locator('.quick-input-message', { hasText: 'Evidence' }).waitFor({ state: 'visible', timeout: TIMEOUT });
        await page.keyboard.type(DRY_RUN_EVIDENCE);
        await page.keyboard.press('Enter');
        steps.push(`${n}: Yes — "${DRY_RUN_EVIDENCE}"`);
      }
      await title.filter({ hasText: 'the decision' }).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.type('No-Go');
      await quickInput.locator('.monaco-list-row.focused', { hasText: 'No-Go' }).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      // Who decides: the stop role is pre-selected.
      await placeholder('Who makes this decision').waitFor({ state: 'visible', timeout: TIMEOUT });
      const suggested = quickInput.locator('.monaco-list-row.focused', { hasText: DECIDER });
      await suggested.waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      // Why no-go: an InputBox pre-filled with the failing questions; the reason is recorded.
      await quickInput.locator('.quick-input-message', { hasText: 'What must change' }).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Control+A');
      await page.keyboard.type(VETO_REASON);
      await page.keyboard.press('Enter');
      await quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT });

      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Recorded NO-GO' }).first();
      await toast.waitFor({ state: 'visible', timeout: TIMEOUT });
      if ((await toast.locator('.monaco-button', { hasText: 'Open Record' }).count()) === 0) throw new Error('the notification has no "Open Record" button');
      const message = (await toast.locator('.notification-list-item-message').first().innerText()).trim();

      await waitUntil(() => existsSync(record), `${path.relative(workspace, record)} to be written`);
      const text = readFileSync(record, 'utf8');
      const data = parse(text);
      const dryRun = (data?.answers ?? []).find((answer) => answer?.id === 'dry-run');
      const problems = [];
      if (data?.decision !== 'no-go') problems.push(`decision: ${data?.decision}`);
      if (data?.decided_by !== DECIDER) problems.push(`decided_by: ${data?.decided_by}`);
      if (dryRun?.answer !== 'yes') problems.push(`dry-run answer: ${dryRun?.answer}`);
      if (dryRun?.evidence !== DRY_RUN_EVIDENCE) problems.push(`dry-run evidence: ${dryRun?.evidence}`);
      if (data?.reason !== VETO_REASON) problems.push(`reason: ${data?.reason}`);
      if (problems.length) throw new Error(`${path.relative(workspace, record)} has ${problems.join(', ')}:\n${text}`);
      // The Release view picks the record up.
      await treeRow('Go/No-Go', 2).filter({ hasText: `Vetoed by ${DECIDER} on ${today}: ${VETO_REASON}` }).waitFor({ state: 'visible', timeout: TIMEOUT });
      console.log(`       ${steps.join(' | ')}`);
      console.log(`       "${message}"; ${path.relative(workspace, record)}: decision no-go, decided_by ${DECIDER}, dry-run yes ("${DRY_RUN_EVIDENCE}")`);
    } finally {
      await page.keyboard.press('Escape');
      await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
      if (record) rmSync(record, { force: true });
    }
  });

  // The guarded write path through the real QuickPick: the plan changes on disk while a question
  // is open. The right task changes, or the command refuses; never another task.
  const planFile = workspace ? path.join(workspace, '.release', 'release.yaml') : undefined;
  const openPlanInEditor = async () => {
    await expand(treeRow(RELEASE_NAME, 1));
    await expand(treeRow('Tasks', 2));
    await expand(treeRow('To do', 3));
    await treeRow(TASK_ROW, 4).click({ timeout: TIMEOUT });
    await page.locator('.part.editor .tab.active', { hasText: 'release.yaml' }).waitFor({ state: 'visible', timeout: TIMEOUT });
    // Opening the line focuses the editor a moment later: wait for it, or it closes the next palette.
    await page.locator('.part.editor .monaco-editor.focused').first().waitFor({ state: 'visible', timeout: TIMEOUT });
  };
  /** Writes release.yaml on disk (as `git pull` would) and waits until the open editor shows `marker`. */
  const changeOnDisk = async (text, marker) => {
    writeFileSync(planFile, text);
    await editor.locator('.view-line', { hasText: marker }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  };
  /** Runs a task command from the palette and picks T2 in its first question (typed, as a person would). */
  const pickT2 = async (command, question) => {
    await openPlanInEditor();
    await runCommand(page, command, { opensQuickInput: true });
    await quickInput.locator(`input.input[placeholder="${question}"]`).waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.keyboard.type('T2 Download');
    await quickInput.locator('.monaco-list-row.focused', { hasText: 'T2 Download button' }).waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.keyboard.press('Enter');
  };
  /** Types an answer into the open QuickPick and accepts the row it selects. */
  const answer = async (text) => {
    await page.keyboard.type(text);
    await quickInput.locator('.monaco-list-row.focused', { hasText: text }).waitFor({ state: 'visible', timeout: TIMEOUT });
    await page.keyboard.press('Enter');
  };
  const restorePlan = async (original) => {
    await page.keyboard.press('Escape');
    if (readFileSync(planFile, 'utf8') !== original) writeFileSync(planFile, original);
    await statusItem(STATUS_TEXT).waitFor({ state: 'visible', timeout: TIMEOUT });
  };

  await check('Assign Owner through the real QuickPick: a task inserted above T2 on disk while "Who owns T2?" is open — T2 gets the owner', async () => {
    if (!planFile) throw new Error('the harness passed no workspace');
    const original = readFileSync(planFile, 'utf8');
    try {
      await pickT2('Release Plan: Assign Owner', 'Assign an owner to which task?');
      await quickInput.locator('input.input[placeholder^="Who owns T2?"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      await changeOnDisk(original.replace('tasks:\n', 'tasks:\n  - id: T0\n    title: Inserted while the prompt was open\n    owner: Ana\n    status: todo\n'), 'Inserted while the prompt');
      await answer(NEW_OWNER);
      await waitUntil(() => parse(readFileSync(planFile, 'utf8'))?.tasks?.[2]?.owner === NEW_OWNER, `T2 (now the third task) to be owned by ${NEW_OWNER} on disk`);
      const owners = parse(readFileSync(planFile, 'utf8')).tasks.map((t) => `${t.id}:${t.owner}`);
      if (owners.join(' ') !== `T0:Ana T1:backend team T2:${NEW_OWNER}`) throw new Error(`owners are ${owners.join(', ')}`);
      console.log(`       ${owners.join(', ')}`);
    } finally {
      await restorePlan(original);
    }
  });

  await check('Set Status through the real QuickPick refuses when T2 is renamed on disk while the status is being picked', async () => {
    if (!planFile) throw new Error('the harness passed no workspace');
    const original = readFileSync(planFile, 'utf8');
    try {
      await pickT2('Release Plan: Set Status', 'Set the status of which task?');
      await quickInput.locator('input.input[placeholder="New status of T2"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      const renamed = original.replace('title: Download button', 'title: Download the signed PDF');
      await changeOnDisk(renamed, 'Download the signed PDF');
      await answer('done');
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Task T2 is now titled' }).first();
      await toast.waitFor({ state: 'visible', timeout: TIMEOUT });
      if (readFileSync(planFile, 'utf8') !== renamed) throw new Error('release.yaml was changed although the command refused');
      console.log(`       "${(await toast.locator('.notification-list-item-message').first().innerText()).trim()}"`);
    } finally {
      await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
      await restorePlan(original);
    }
  });

  // Last: it reloads the window. The clock of a running rehearsal survives the reload.
  const rollbackFile = workspace ? path.join(workspace, '.release', 'rollback.yaml') : undefined;
  await check('a rollback rehearsal keeps its clock through a window reload, and Escape on its questions still records it', async () => {
    if (!rollbackFile) throw new Error('the harness passed no workspace');
    const original = readFileSync(rollbackFile, 'utf8');
    const before = (parse(original)?.rehearsals ?? []).length;
    const clock = page.locator('.part.statusbar .statusbar-item', { hasText: 'Rollback rehearsal' }).first();
    try {
      await runCommand(page, 'Release Plan: Start Rollback Rehearsal');
      await clock.waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await clock.waitFor({ state: 'visible', timeout: 60_000 });
      const shown = (await clock.innerText()).trim();
      await clock.click({ timeout: TIMEOUT });
      await pickReleaseIfAsked(page);
      await quickInput.locator('input.input[placeholder^="Where was the rollback rehearsed?"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Escape');
      await quickInput.locator('.quick-input-message', { hasText: 'Notes' }).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Escape');
      await waitUntil(() => (parse(readFileSync(rollbackFile, 'utf8'))?.rehearsals ?? []).length === before + 1, 'the rehearsal to be appended to rollback.yaml');
      await clock.waitFor({ state: 'hidden', timeout: TIMEOUT });
      const entry = parse(readFileSync(rollbackFile, 'utf8')).rehearsals.at(-1);
      if (typeof entry.minutes !== 'number' || entry.environment !== undefined) throw new Error(`recorded ${JSON.stringify(entry)}`);
      console.log(`       after reload: "${shown}"; recorded ${JSON.stringify(entry)}`);
    } finally {
      await page.keyboard.press('Escape');
      writeFileSync(rollbackFile, original);
    }
  });

  // Close Release and Start Next as a person runs it: the plan (shipped today, written on disk) open
  // in the editor, the palette, the real input boxes (the name offered as basic-v2, a target typed,
  // no backup) and the modal confirmation that lists the moves. The closed release lands in
  // .release/history/basic-v1/ and the new release.yaml is open. Everything is put back afterwards.
  await check('Close Release and Start Next through the palette, its input boxes and the modal confirmation moves the shipped release into .release/history/basic-v1/', async () => {
    if (!planFile || !workspace) throw new Error('the harness passed no workspace');
    const rollbackFile = path.join(workspace, '.release', 'rollback.yaml');
    const historyDir = path.join(workspace, '.release', 'history');
    const original = readFileSync(planFile, 'utf8');
    const originalRollback = readFileSync(rollbackFile, 'utf8');
    const today = fixtureToday(workspace);
    const shipped = `${original}shipped:\n  date: ${today}\n  outcome: shipped\n  version: 1.5.0\n`;
    const message = (text) => quickInput.locator('.quick-input-message', { hasText: text }).waitFor({ state: 'visible', timeout: TIMEOUT });
    try {
      await openPlanInEditor();
      await changeOnDisk(shipped, 'outcome: shipped');
      await runCommand(page, 'Release Plan: Close Release and Start Next', { opensQuickInput: true });
      await message("The next release's name");
      const box = quickInput.locator('input.input');
      await waitUntilAsync(async () => (await box.inputValue()) === 'basic-v2', 'the name box to offer basic-v2');
      await page.keyboard.press('Enter');
      await message("The next release's target date");
      await page.keyboard.type('2099-07-15');
      await page.keyboard.press('Enter');
      await message('The backup date');
      await page.keyboard.press('Enter');
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'Close basic-v1 and start basic-v2?' });
      await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
      const detail = (await dialog.innerText()).replace(/\s+/g, ' ');
      for (const line of ['.release/release.yaml → .release/history/basic-v1/release.yaml', '.release/rollback.yaml → .release/history/basic-v1/rollback.yaml', 'new .release/release.yaml']) {
        if (!detail.includes(line)) throw new Error(`the confirmation does not list "${line}": ${detail}`);
      }
      await dialog.locator('.monaco-button', { hasText: 'Close and Start Next' }).click({ timeout: TIMEOUT });
      const past = path.join(historyDir, 'basic-v1', 'release.yaml');
      await waitUntil(() => existsSync(past) && parse(readFileSync(planFile, 'utf8'))?.release === 'basic-v2', 'basic-v1 in history/ and basic-v2 in release.yaml');
      if (readFileSync(past, 'utf8') !== shipped) throw new Error('history/basic-v1/release.yaml is not the shipped release as it was');
      const next = parse(readFileSync(planFile, 'utf8'));
      if (next.target !== '2099-07-15' || next.backup !== undefined || next.roles?.stop !== 'Ana') throw new Error(`the new release.yaml reads ${JSON.stringify(next)}`);
      await editor.locator('.view-line', { hasText: 'release: basic-v2' }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      // The command's last steps (the new release.yaml shown, then this message) come after the files
      // change: wait for them, or its editor opens in the middle of the next check.
      const done = page.locator('.notifications-toasts .notification-toast', { hasText: 'Closed basic-v1' }).first();
      await done.waitFor({ state: 'visible', timeout: TIMEOUT });
      console.log(`       moved to .release/history/basic-v1/; release.yaml: release ${next.release}, target ${next.target}, roles kept; "${(await done.locator('.notification-list-item-message').first().innerText()).trim()}"`);
    } finally {
      await page.keyboard.press('Escape');
      rmSync(path.join(historyDir, 'basic-v1'), { recursive: true, force: true }); // the fixture's own past releases stay
      writeFileSync(rollbackFile, originalRollback);
      writeFileSync(planFile, original);
      await runCommand(page, 'View: Close All Editors').catch(() => {});
      await statusItem(STATUS_TEXT).waitFor({ state: 'visible', timeout: TIMEOUT });
    }
  });

  // Show Plan History from the palette: the basic fixture is a git repository (run.mjs,
  // makeFixtureRepository) read through VS Code's Git extension. The timeline opens as a read-only
  // Markdown document, newest first, with who changed what: Bo Chen moved the target, Ana Lima
  // started the plan.
  await check('Show Plan History (F1) opens the timeline from git: Bo Chen moved the target, Ana Lima started the plan', async () => {
    try {
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'Release Plan: Show Plan History');
      await page.locator('.part.editor .tab.active', { hasText: 'Plan History' }).waitFor({ state: 'visible', timeout: TIMEOUT });
      const lines = editor.locator('.view-lines');
      const expected = ['| 2099-05-20 | Bo Chen | Target date: 2099-06-08 → 2099-06-15 |', '| 2099-05-04 | Ana Lima | Started the plan with task T1 "PDF export endpoint" |'];
      for (const text of expected) await lines.locator('.view-line', { hasText: text }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      console.log(`       ${(await lines.locator('.view-line', { hasText: '| 2099-' }).allInnerTexts()).map((line) => line.replace(/\u00a0/g, ' ').trim()).join(' / ')}`);
    } finally {
      await runCommand(page, 'View: Close All Editors').catch(() => {});
    }
  });

  // The Getting Started walkthrough (contributes.walkthroughs), as a person opens it: "Welcome: Open
  // Walkthrough...", then its title. The plans of this workspace have ticked steps 1, 2 and 4 (a
  // plan, a one-sentence problem, a rehearsed runbook), true since the extension's first check:
  // VS Code would not tick them from their `onContext:` keys, which were already true when it
  // registered the walkthrough, so this checks the extension's own ticks (walkthroughContext.ts).
  // Step 3 is not asserted: an in-host test gave T1 one owner for a moment, which ticks it for good.
  // Step 5's button runs Run Go/No-Go, which ticks it (onCommand). Escape on the checklist's first
  // question leaves before anything is written.
  await check('the Getting Started walkthrough opens from the palette; the plan has ticked steps 1, 2 and 4; step 5\'s button runs Run Go/No-Go and ticks step 5', async () => {
    const walkthrough = manifest.contributes?.walkthroughs?.[0];
    if (!walkthrough) throw new Error('package.json contributes no walkthrough');
    const gonogoStep = walkthrough.steps?.find((step) => step.id === 'runGonogo');
    const buttonLabel = /^\[([^\]]+)\]\(command:releasePlan\.runGonogo\)$/m.exec(gonogoStep?.description ?? '')?.[1];
    if (!buttonLabel) throw new Error('the runGonogo step has no button for releasePlan.runGonogo');
    const today = fixtureToday(workspace);
    const record = workspace && today ? path.join(workspace, '.release', 'gonogo', `${today}.yaml`) : undefined;
    const hadRecord = record ? existsSync(record) : false;
    try {
      await page.keyboard.press('Escape');
      await runCommand(page, 'Welcome: Open Walkthrough...', { opensQuickInput: true });
      await quickInput.locator('input.input[placeholder="Select a walkthrough to open"]').waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.type(walkthrough.title);
      await quickInput.locator('.monaco-list-row.focused', { hasText: walkthrough.title }).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Enter');
      const walkthroughPage = page.locator('.part.editor .gettingStartedContainer');
      await walkthroughPage.locator('h2.category-title', { hasText: walkthrough.title }).waitFor({ state: 'visible', timeout: TIMEOUT });
      const step = (id) => walkthroughPage.locator(`button.getting-started-step[data-step-id$="#${id}"]`);
      const titles = await walkthroughPage.locator('button.getting-started-step h3.step-title').allInnerTexts();
      const expectedTitles = walkthrough.steps.map((s) => s.title);
      if (titles.map((t) => t.trim()).join(' | ') !== expectedTitles.join(' | ')) throw new Error(`the steps read "${titles.join(' | ')}", not "${expectedTitles.join(' | ')}"`);

      // Steps 1, 2 and 4: both fixtures have a plan, a one-sentence problem and a rehearsed runbook.
      for (const id of ['createPlan', 'stateProblem', 'rehearseRollback']) {
        await waitForAttribute(step(id), 'aria-checked', 'true', `step ${id} to be ticked (its fact holds in the plan)`);
      }

      // Step 5: untick it if an earlier check in this run already ran the go/no-go (the tick is kept).
      const gonogo = step('runGonogo');
      await gonogo.waitFor({ state: 'visible', timeout: TIMEOUT });
      if ((await gonogo.getAttribute('aria-checked')) === 'true') {
        await gonogo.locator('.codicon[data-done-step-id]').click({ timeout: TIMEOUT });
        await waitForAttribute(gonogo, 'aria-checked', 'false', 'step 5 to be unticked');
      }
      await gonogo.click({ timeout: TIMEOUT }); // opens the step: its text and its button
      const button = gonogo.locator('.button-container .monaco-button', { hasText: buttonLabel });
      await button.waitFor({ state: 'visible', timeout: TIMEOUT });
      await button.click({ timeout: TIMEOUT });
      await pickReleaseIfAsked(page);
      await quickInput.locator('.quick-input-title', { hasText: 'Go/No-Go (1/5)' }).waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.keyboard.press('Escape');
      await quickInput.waitFor({ state: 'hidden', timeout: TIMEOUT });
      await waitForAttribute(gonogo, 'aria-checked', 'true', 'step 5 to be ticked after its button ran Run Go/No-Go (onCommand; it fires once per window session)');
      // VS Code's icon for a done step (`getting-started-step-checked`, drawn as the filled check).
      if ((await gonogo.locator('.codicon-getting-started-step-checked.complete[data-done-step-id]').count()) === 0) throw new Error('step 5\'s checkbox is not the filled check');
      if (record && !hadRecord && existsSync(record)) throw new Error(`${path.relative(workspace, record)} was written although the checklist was left at its first question`);
      console.log(`       steps: ${titles.map((t) => t.trim()).join(' · ')}; button "${buttonLabel}" ticked step 5`);
    } catch (error) {
      // The page as it was (check() takes its picture after this closes every editor).
      await page.screenshot({ path: path.join(resultsDir, 'ui-walkthrough-page.png') }).catch(() => {});
      throw error;
    } finally {
      await page.keyboard.press('Escape');
      if (record && !hadRecord) rmSync(record, { force: true });
      await runCommand(page, 'View: Close All Editors').catch(() => {});
    }
  });

  await check(`the dashboard's Track Record on the fixture's .release/history/: ${TRACK_ROWS.length} releases, "${TRACK_ROWS[0][1]}", rehearsal minutes ${TRACK_TREND} (screenshots track-record-light, track-record-dark)`, async () => {
    const dashboardTab = page.locator('.part.editor .tab', { hasText: DASHBOARD_TAB });
    const webview = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    const themeOf = () => webviewTheme(webview);
    let started;
    try {
      await page.keyboard.press('Escape');
      await runCommand(page, DASHBOARD_COMMAND);
      await page.locator('.part.editor .tab.active', { hasText: DASHBOARD_TAB }).waitFor({ state: 'visible', timeout: TIMEOUT });
      const section = webview.locator('section#track-record');
      await section.waitFor({ state: 'visible', timeout: TIMEOUT });
      await waitForText(section.locator('h2'), (text) => text === 'Track Record', 'the section heading "Track Record"');
      const rows = await webview.locator('#track-record-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.querySelector('.track-release')?.textContent, tr.querySelector('.track-verdict span:not(.codicon):not(.track-backup)')?.textContent]));
      if (JSON.stringify(rows) !== JSON.stringify(TRACK_ROWS)) throw new Error(`the rows read ${JSON.stringify(rows)}, not ${JSON.stringify(TRACK_ROWS)}`);
      const trend = (await webview.locator('#track-trend-text').innerText({ timeout: TIMEOUT })).trim();
      if (trend !== `Rehearsal minutes across releases: ${TRACK_TREND} min`) throw new Error(`the trend reads "${trend}"`);
      const bars = await webview.locator('#track-trend .trend-bar').count();
      if (bars !== TRACK_ROWS.length) throw new Error(`the trend has ${bars} bars, not ${TRACK_ROWS.length}`);
      const blockers = await webview.locator('#recurring-blockers li').evaluateAll((lis) => lis.map((li) => [li.querySelector('.recurring-what')?.textContent, li.querySelector('.recurring-where')?.textContent]));
      if (JSON.stringify(blockers) !== JSON.stringify([TRACK_BLOCKER])) throw new Error(`the recurring blockers read ${JSON.stringify(blockers)}, not ${JSON.stringify([TRACK_BLOCKER])}`);
      // The README's pictures: the section in a light and a dark theme (the workbench's own, as a user sees it).
      started = await themeOf();
      await screenshotInThemes(webview, section, 'track-record', 'the Track Record section');
      console.log(`       rows: ${rows.map(([name, verdict]) => `${name} ${verdict}`).join(' · ')}; trend ${TRACK_TREND}; recurring: ${TRACK_BLOCKER.join(' ')}`);
    } finally {
      if (started === 'light') await setColorTheme(page, 'Light Modern').catch(() => {});
      if ((await dashboardTab.count()) > 0) {
        await dashboardTab.first().click({ timeout: TIMEOUT }).catch(() => {});
        await dashboardTab.first().locator('.tab-actions .action-label').first().click({ timeout: TIMEOUT }).catch(() => {});
      }
    }
  });

  // Scope over time from the fixture's git history, read through VS Code's Git extension. Then a
  // third author commits a scope freeze and a task after it, the way a person would (a new HEAD):
  // the extension re-reads the history and the task shows as a late addition with its author. The
  // commit is undone at the end (the file and the index as they were).
  await check(`the dashboard's Scope over time from the fixture's git history (${SCOPE_ROWS.map((r) => `${r[1]}: ${r[2]} open, ${r[4]}`).join('; ')}); ${LATE_TASK.author} commits ${LATE_TASK.id} after a scope freeze: a late addition with its author (screenshots scope-over-time-light, scope-over-time-dark)`, async () => {
    if (!workspace) throw new Error('no workspace folder to commit in');
    const dashboardTab = page.locator('.part.editor .tab', { hasText: DASHBOARD_TAB });
    const webview = page.frameLocator('iframe.webview').frameLocator('#active-frame');
    const themeOf = () => webviewTheme(webview);
    const git = (args, env = {}) => execFileSync('git', ['-c', 'user.name=Release Plan Tests', '-c', 'user.email=tests@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env } }).trim();
    const releaseFile = path.join(workspace, '.release', 'release.yaml');
    const rows = () => webview.locator('#scope-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.source, ...[...tr.cells].map((td) => td.textContent)]));
    const head = git(['rev-parse', 'HEAD']);
    const original = readFileSync(releaseFile, 'utf8');
    let started;
    let committed = false;
    try {
      await page.keyboard.press('Escape');
      await runCommand(page, DASHBOARD_COMMAND);
      await page.locator('.part.editor .tab.active', { hasText: DASHBOARD_TAB }).waitFor({ state: 'visible', timeout: TIMEOUT });
      const section = webview.locator('section#scope-over-time');
      await section.waitFor({ state: 'visible', timeout: TIMEOUT });
      await waitForText(section.locator('h2'), (text) => text === 'Scope over time', 'the section heading "Scope over time"');
      // The history may still be being read: wait for the table of the fixture's two commits.
      await waitUntilAsync(async () => JSON.stringify(await rows()) === JSON.stringify(SCOPE_ROWS), `the numbers by day to read ${JSON.stringify(SCOPE_ROWS)}`);
      const summary = (await webview.locator('#scope-summary').innerText({ timeout: TIMEOUT })).trim();
      if (summary !== '2 open tasks, 0 d of estimate, on 20 May 2099') throw new Error(`the summary reads "${summary}"`);
      const none = (await webview.locator('#scope-late-none').innerText({ timeout: TIMEOUT })).trim();
      if (none !== 'No freeze dates in the plan: no addition counts as late.') throw new Error(`without freezes it reads "${none}"`);

      // Cy Diaz freezes the scope on 25 May and adds T3 on 1 June: committed, as a person would.
      const late = original
        .replace('backup: 2099-06-22\n', `backup: 2099-06-22\nfreeze:\n  scope: ${LATE_TASK.freeze}\n`)
        .replace(/\s*$/, `\n  - id: ${LATE_TASK.id}\n    title: ${LATE_TASK.title}\n    owner: Cy\n    status: todo\n    estimate: 3\n`);
      if (!late.includes('freeze:')) throw new Error('the fixture has no `backup: 2099-06-22` line to put the freeze after');
      writeFileSync(releaseFile, late);
      const at = `${LATE_TASK.date}T10:00:00Z`;
      git(['commit', '-q', '-m', 'Freeze the scope; add SSO for admins', `--author=${LATE_TASK.author} <cy@example.com>`, '--', '.release/release.yaml'], { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
      committed = true;
      const lateLine = `${LATE_TASK.id}${LATE_TASK.title}— added ${LATE_TASK.date} by ${LATE_TASK.author}, after the scope freeze`;
      await waitUntilAsync(async () => (await webview.locator('#scope-late li').allTextContents()).map((t) => t.trim()).join(' | ') === lateLine, `the late addition "${lateLine}" (the Git extension sees the new HEAD)`, 45_000);
      const after = await rows();
      const expected = [...SCOPE_ROWS, ['commit', '1 Jun 2099', '3', '3', LATE_TASK.author]];
      if (JSON.stringify(after) !== JSON.stringify(expected)) throw new Error(`the numbers by day read ${JSON.stringify(after)}, not ${JSON.stringify(expected)}`);
      const freeze = await webview.locator('#scope-chart .freeze').evaluateAll((gs) => gs.map((g) => [g.dataset.freeze, g.dataset.date]));
      if (JSON.stringify(freeze) !== JSON.stringify([['scope', LATE_TASK.freeze]])) throw new Error(`the freeze markers are ${JSON.stringify(freeze)}`);
      const dots = await webview.locator('#scope-chart circle.point').count();
      if (dots !== 3) throw new Error(`the chart has ${dots} points, not 3`);

      // The README's pictures: the section in a light and a dark theme.
      started = await themeOf();
      await screenshotInThemes(webview, section, 'scope-over-time', 'the Scope over time section');
      console.log(`       ${after.map((r) => `${r[1]}: ${r[2]} open, ${r[3]} d (${r[4]})`).join(' · ')}; late: ${lateLine}`);
    } finally {
      if (committed) {
        // Undo the commit: HEAD and the index back, the file as it was.
        git(['reset', '-q', head]);
        git(['checkout', '-q', head, '--', '.release/release.yaml']);
      }
      if (readFileSync(releaseFile, 'utf8') !== original) writeFileSync(releaseFile, original);
      if (started === 'light') await setColorTheme(page, 'Light Modern').catch(() => {});
      if ((await dashboardTab.count()) > 0) {
        await dashboardTab.first().click({ timeout: TIMEOUT }).catch(() => {});
        await dashboardTab.first().locator('.tab-actions .action-label').first().click({ timeout: TIMEOUT }).catch(() => {});
      }
    }
  });

  return { passed, failed };
}

/** Runs a workbench command through the command palette, by its label. */
async function runCommand(page, label, { opensQuickInput = false } = {}) {
  const input = page.locator('.quick-input-widget input.input');
  // The workbench may move focus (an editor finishing to open, a file reloaded from disk) just as
  // the palette opens, which closes it again: open it until it takes the text, a few times at most.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    try {
      await input.fill(`>${label}`, { timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.keyboard.press('Enter');
  if (label.startsWith('Release Plan:')) await pickReleaseIfAsked(page);
  // A command that asks something reuses the widget at once; its caller waits for its question.
  if (!opensQuickInput) await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
}

/**
 * The test workspace has two folders with a plan each, so a Release Plan command run with no plan
 * file in the active editor first asks "Which release?": answer with the basic fixture.
 */
async function pickReleaseIfAsked(page, folder = 'basic') {
  const which = page.locator('.quick-input-widget input.input[placeholder="Which release?"]');
  try {
    await which.waitFor({ state: 'visible', timeout: 1500 });
  } catch {
    return; // the command knew which release (the active editor's)
  }
  await page.keyboard.type(folder);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: folder }).waitFor({ state: 'visible', timeout: TIMEOUT });
  await page.keyboard.press('Enter');
}

/** Expands a tree row if it is collapsed. */
async function expand(row) {
  await row.waitFor({ state: 'visible', timeout: TIMEOUT });
  if ((await row.getAttribute('aria-expanded')) !== 'false') return;
  await row.locator('.monaco-tl-twistie').click({ timeout: TIMEOUT });
  await row.page().waitForFunction((element) => element.getAttribute('aria-expanded') === 'true', await row.elementHandle(), { timeout: TIMEOUT });
}

/** Drags the sash between the side bar and the editor so the side bar is `width` px wide. */
async function widenSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const x = box.x + box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + (width - box.width) / 2, y, { steps: 4 });
  await page.mouse.move(box.x + width, y, { steps: 4 });
  await page.mouse.up();
}

/** `releasePlan.today` from the workspace's .vscode/settings.json (JSON with comments). */
function fixtureToday(workspace) {
  try {
    const settings = readFileSync(path.join(workspace, '.vscode', 'settings.json'), 'utf8');
    return /"releasePlan\.today"\s*:\s*"(\d{4}-\d{2}-\d{2})"/.exec(settings)?.[1];
  } catch {
    return undefined;
  }
}

/**
 * Preferences: Color Theme → `theme` (e.g. "Light Modern"), through the palette. Rows are clicked
 * by their exact label: Enter would take the first match ("Browse Color Themes in Marketplace…").
 */
async function setColorTheme(page, theme) {
  const input = page.locator('.quick-input-widget input.input');
  const rowLabelled = (label) => page.locator('.quick-input-widget .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) }).first();
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill('>Preferences: Color Theme', { timeout: TIMEOUT });
  await rowLabelled('Preferences: Color Theme').click({ timeout: TIMEOUT });
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  await input.fill(theme, { timeout: TIMEOUT });
  await rowLabelled(theme).click({ timeout: TIMEOUT });
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: TIMEOUT });
}

async function waitUntilAsync(probe, what, timeoutMs = TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitUntil(probe, what, timeoutMs = TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls a locator's innerText until `accept(text)`; returns the text. */
async function waitForText(locator, accept, what, timeoutMs = TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  let last = '(not found)';
  for (;;) {
    last = ((await locator.first().innerText({ timeout: 2_000 }).catch(() => undefined)) ?? '(not found)').trim();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; it reads "${last}"`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The lines that differ between two texts of the same line count (else every line from the first change). */
function diffLines(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const changed = [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) changed.push({ line: i + 1, before: a[i] ?? '', after: b[i] ?? '' });
  }
  return changed;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Polls a locator's attribute until it is `value`. */
async function waitForAttribute(locator, name, value, what, timeoutMs = TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await locator.getAttribute(name, { timeout: 2_000 }).catch(() => undefined);
    if (last === value) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; ${name} is ${JSON.stringify(last ?? null)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
