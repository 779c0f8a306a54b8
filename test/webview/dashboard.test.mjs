// The dashboard webview in headless Chromium, under the extension's real CSP, with states built
// by the engine at test time. No VS Code: a stub acquireVsCodeApi records what the page posts.
import assert from 'node:assert/strict';
import { existsSync, copyFileSync, mkdirSync } from 'node:fs';
import { bigPlan, brokenPlan, editedExampleState, exampleState, noPlan, stateFromFiles, VETO_REASON, vetoPlan, XSS, xssPlan, zeroTaskPlan } from './fixtures.ts';
import { launch, openDashboard, posted, problems, showState, startServer } from './harness.mjs';

const ARTEFACTS = 'test-results/webview';

describe('Release Dashboard webview (headless Chromium)', function () {
  this.timeout(60_000);
  let server;
  let browser;
  let session; // { page, context, log } of the current test
  let messy;
  let clean;

  before(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    [messy, clean] = await Promise.all([exampleState('messy', 41), exampleState('clean', 42)]);
    server = await startServer();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(options) {
    session = await openDashboard(browser, server, options);
    return session.page;
  }

  // Every test: no CSP violation, no console error, no uncaught error, no dialog.
  afterEach(async function () {
    if (!session) return;
    const { page, context, log } = session;
    session = undefined;
    const found = await problems(page, log);
    if (this.currentTest?.state === 'failed') await page.screenshot({ path: `${ARTEFACTS}/failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`, fullPage: true }).catch(() => {});
    await context.close();
    assert.deepEqual(found, { csp: [], consoleErrors: [], pageErrors: [], dialogs: [] }, 'the page reported problems');
  });

  const texts = (page, selector) => page.locator(selector).allTextContents();
  const taskIds = (page) => texts(page, '#tasks-table .task-row .col-id');
  const lastPosted = async (page) => (await posted(page)).at(-1);

  describe('loading', () => {
    it('posts ready first, before any state, and shows a loading line until the state comes', async () => {
      const page = await open();
      assert.deepEqual(await posted(page), [{ type: 'ready' }]);
      assert.match(await page.locator('#app').innerText(), /Loading the release/);
      await showState(page, messy);
      assert.equal((await posted(page))[0].type, 'ready');
    });

    it('loads only its own script, styles and font from the server', async () => {
      const page = await open();
      await showState(page, messy);
      await page.waitForLoadState('networkidle');
      const loaded = new Set(server.requests.filter((p) => p !== '/' && p !== '/favicon.ico'));
      assert.deepEqual([...loaded].sort(), ['/dist/codicons/codicon.css', '/dist/codicons/codicon.ttf', '/dist/webview.js', '/media/dashboard.css']);
    });
  });

  describe('examples/messy', () => {
    it('shows every section with the release data', async () => {
      const page = await open();
      await showState(page, messy);
      for (const id of ['header', 'timeline', 'tasks', 'load', 'rollback', 'gonogo', 'parked']) assert.equal(await page.locator(`#${id}`).count(), 1, `section #${id}`);
      assert.equal(await page.locator('#release-name').textContent(), 'checkout-rescue');
      assert.match(await page.locator('#problem').textContent(), /^Some customers are charged twice/);
      assert.equal(await page.locator('#verdict').getAttribute('data-verdict'), 'no-go');
      assert.equal(await page.locator('#verdict .verdict-label').textContent(), 'No-Go');
      assert.equal(await page.locator('#fact-tminus .fact-value').textContent(), 'T-10 days');
      assert.ok((await page.locator('#health-reasons li').count()) >= 5);
      assert.deepEqual(await page.locator('#timeline [data-marker]').evaluateAll((els) => els.map((e) => e.getAttribute('data-marker'))), ['features', 'scope', 'today', 'backup', 'target']);
    });

    it('lists the 16 tasks with their tags and their findings inline', async () => {
      const page = await open();
      await showState(page, messy);
      assert.equal(await page.locator('#tasks-table .task-row').count(), 16);
      assert.equal(await page.locator('#task-count').textContent(), '16 tasks');
      const cr2 = page.locator('.task-row[data-task-id="CR-2"]');
      assert.deepEqual(await cr2.locator('.tag-risk').allTextContents(), ['billing', 'multi-service']);
      assert.match(await cr2.locator('.task-findings').textContent(), /"backend team" is a group, not a person/);
      assert.equal(await page.locator('.task-row[data-task-id="CR-5"] .col-owner').textContent(), 'No owner');
      assert.equal(await page.locator('.task-row[data-task-id="CR-6"] .tag-kind').textContent(), 'refactor');
      assert.match(await page.locator('.task-row[data-task-id="CR-14"] .blocker').textContent(), /PayFast contract ends only in April/);
    });

    it('charts owner load, rollback readiness, the five questions and the parked items', async () => {
      const page = await open();
      await showState(page, messy);
      const marta = page.locator('.load-row[data-person="Marta Silva"]');
      assert.equal(await marta.getAttribute('class'), 'load-row over');
      assert.equal(await marta.locator('.load-figures').textContent(), '13 / 8 d');
      assert.equal(await marta.locator('.load-tasks').textContent(), '5 open tasks');
      assert.equal(await page.locator('#load-chart svg rect.estimate').count(), messy.loads.filter((l) => l.estimate > 0).length);
      assert.equal(await page.locator('#load-chart svg line.capacity-mark').count(), await page.locator('#load-chart .load-row').count());
      assert.equal(await page.locator('#rollback-checks .check').count(), 5);
      assert.equal(await page.locator('#rollback-checks .check.fail').count(), 5);
      assert.equal(await page.locator('#rehearsal-chart .point').count(), 1);
      assert.equal(await page.locator('#rehearsal-chart .target-line').count(), 1);
      assert.equal(await page.locator('#gonogo-questions .question').count(), 5);
      assert.equal(await page.locator('#recommendation').textContent(), 'NO-GO');
      assert.match(await page.locator('#gonogo').innerText(), /No go\/no-go decision recorded yet/);
      assert.deepEqual(await texts(page, '#parked-list .parked-title'), ['Buy now, pay later', 'Dark mode for checkout']);
      assert.deepEqual(await texts(page, '#parked-list .asked-by'), ['Head of Sales', 'Design review']);
      assert.equal(await page.locator('#parked-list .told.no').count(), 2);
    });
  });

  describe('examples/clean', () => {
    it('shows Go, the recorded decision and the rehearsal against its target', async () => {
      const page = await open();
      await showState(page, clean);
      assert.equal(await page.locator('#verdict').getAttribute('data-verdict'), 'go');
      assert.equal(await page.locator('#recommendation').textContent(), 'GO');
      assert.equal(await page.locator('#tasks-table .task-row').count(), clean.summary.tasks.length);
      assert.equal(await page.locator('#decisions .decision').count(), 1);
      assert.match(await page.locator('#decisions .decision').innerText(), /16 Mar 2099\s+GO\s+decided by Ana Keller/);
      assert.equal(await page.locator('#rollback-checks .check.pass').count(), 5);
      assert.equal(await page.locator('#rehearsal-chart .point.slow').count(), 0);
      assert.equal(await page.locator('#parked-list .told.yes').count(), clean.summary.parked.length);
      assert.equal(await page.locator('[data-action="mark-told"]').count(), 0);
    });
  });

  describe('a veto recorded in gonogo/DATE.yaml', () => {
    it('shows No-Go with who vetoed and when, and the reason as text', async () => {
      const page = await open();
      const state = vetoPlan();
      await showState(page, state);
      const message = `Vetoed by Dana Wu on 2099-03-15: ${VETO_REASON}`;
      assert.equal(await page.locator('#verdict').getAttribute('data-verdict'), 'no-go');
      assert.equal(await page.locator('#verdict').getAttribute('data-veto'), 'yes');
      assert.equal(await page.locator('#verdict .verdict-label').textContent(), 'No-Go — vetoed by Dana Wu on 15 Mar 2099');
      assert.equal(await page.locator('#verdict').getAttribute('title'), message);
      assert.equal(await page.locator('#health-reasons li').first().textContent(), message);
      assert.equal(await page.locator('#recommendation').textContent(), 'NO-GO');
      assert.equal(await page.locator('#veto').textContent(), `${message}. It stays no-go until a later go/no-go record says go.`);
      assert.equal(await page.locator('#decisions .decision .decision-reason').textContent(), VETO_REASON);
      assert.equal(await page.locator('#app b').count(), 0);
    });
  });

  describe('sorting and filtering', () => {
    it('sorts by a column on click, and reverses on a second click', async () => {
      const page = await open();
      await showState(page, messy);
      const natural = ['CR-1', 'CR-2', 'CR-3', 'CR-4', 'CR-5', 'CR-6', 'CR-7', 'CR-8', 'CR-9', 'CR-10', 'CR-11', 'CR-11', 'CR-13', 'CR-14', 'CR-15', 'CR-16'];
      assert.deepEqual(await taskIds(page), natural);
      assert.equal(await page.locator('th:has([data-sort="id"])').getAttribute('aria-sort'), 'ascending');
      await page.click('[data-sort="id"]');
      assert.deepEqual(await taskIds(page), [...natural].reverse());
      assert.equal(await page.locator('th:has([data-sort="id"])').getAttribute('aria-sort'), 'descending');

      await page.click('[data-sort="estimate"]');
      const days = (await texts(page, '#tasks-table .task-row .col-estimate')).map(Number);
      assert.deepEqual(days, [...days].sort((a, b) => a - b));
      await page.click('[data-sort="estimate"]');
      const down = (await texts(page, '#tasks-table .task-row .col-estimate')).map(Number);
      assert.deepEqual(down, [...down].sort((a, b) => b - a));
      assert.equal(down[0], 6);

      await page.click('[data-sort="status"]');
      assert.deepEqual((await texts(page, '#tasks-table .task-row .col-status')).slice(0, 2), ['Blocked', 'Doing']);
      await page.click('[data-sort="owner"]');
      assert.equal((await taskIds(page))[0], 'CR-5'); // no owner first
      await page.click('[data-sort="findings"]');
      await page.click('[data-sort="findings"]');
      assert.ok(['CR-11', 'CR-14'].includes((await taskIds(page))[0]), 'most findings first');
    });

    it('filters by owner and by status, and clears the filters', async () => {
      const page = await open();
      await showState(page, messy);
      const pick = (select, option) => page.locator(select).selectOption({ label: option });
      await pick('#filter-owner', 'Marta Silva');
      assert.deepEqual(await taskIds(page), ['CR-1', 'CR-7', 'CR-8', 'CR-10', 'CR-11']);
      assert.equal(await page.locator('#task-count').textContent(), '5 of 16 tasks');
      await pick('#filter-status', 'Doing');
      assert.deepEqual(await taskIds(page), ['CR-1']);
      await pick('#filter-owner', 'All owners');
      await pick('#filter-status', 'Blocked');
      assert.deepEqual(await taskIds(page), ['CR-14']);
      await pick('#filter-status', 'All statuses');
      await pick('#filter-owner', 'No owner');
      assert.deepEqual(await taskIds(page), ['CR-5']);
      await pick('#filter-owner', 'Jonas Berg');
      await pick('#filter-status', 'Done');
      assert.deepEqual(await taskIds(page), ['CR-16']);
      await page.click('#clear-filters');
      assert.equal(await page.locator('#tasks-table .task-row').count(), 16);
      assert.equal(await page.locator('#task-count').textContent(), '16 tasks');
    });

    it('shows a row saying so when no task matches', async () => {
      const page = await open();
      await showState(page, clean);
      await page.locator('#filter-status').selectOption({ label: 'Blocked' });
      assert.equal(await page.locator('#tasks-table .task-row').count(), 0);
      assert.equal(await page.locator('#tasks-table .no-match').textContent(), 'No task matches these filters.');
    });

    it('keeps sort and filters in the webview state across a reload and a new state', async () => {
      const page = await open();
      await showState(page, messy);
      await page.click('[data-sort="title"]');
      await page.click('[data-sort="title"]');
      await page.locator('#filter-owner').selectOption({ label: 'Jonas Berg' });
      const before = await taskIds(page);
      assert.deepEqual(before, ['CR-6', 'CR-16', 'CR-3']);
      await page.reload();
      await page.waitForFunction(() => window.__posted.length > 0);
      await showState(page, { ...messy, generation: 99 });
      assert.deepEqual(await taskIds(page), before);
      assert.equal(await page.locator('th:has([data-sort="title"])').getAttribute('aria-sort'), 'descending');
      assert.equal(await page.locator('#filter-owner').evaluate((el) => el.value), 'Jonas Berg');
      const saved = await page.evaluate(() => JSON.parse(sessionStorage.getItem('__vscodeState')));
      assert.deepEqual(saved, { sort: { key: 'title', dir: 'desc' }, owner: 'Jonas Berg', status: '', folder: messy.folderUri });
    });
  });

  describe('actions post typed messages with the generation they were made on', () => {
    it('assigns an owner, typed or picked from the known people', async () => {
      const page = await open();
      await showState(page, messy);
      const row = page.locator('.task-row[data-task-id="CR-5"]');
      await row.locator('[data-action="assign"]').click();
      const form = page.locator('[data-form="assign"]');
      await form.locator('vscode-textfield[data-field="owner"] input').fill('Ana Costa');
      await form.locator('[data-role="confirm"]').click();
      assert.deepEqual(await lastPosted(page), { type: 'assignOwner', generation: 41, taskIndex: 4, owner: 'Ana Costa' });
      assert.equal(await page.locator('[data-form="assign"]').count(), 0, 'the form closes');

      await page.locator('.task-row[data-task-id="CR-2"] [data-action="assign"]').click();
      await page.locator('[data-form="assign"] .chip[data-person="Jonas Berg"]').click();
      await page.locator('[data-form="assign"] vscode-textfield input').press('Enter');
      assert.deepEqual(await lastPosted(page), { type: 'assignOwner', generation: 41, taskIndex: 1, owner: 'Jonas Berg' });
    });

    it('does not post an empty owner, and cancel posts nothing', async () => {
      const page = await open();
      await showState(page, messy);
      await page.locator('.task-row[data-task-id="CR-5"] [data-action="assign"]').click();
      await page.locator('[data-form="assign"] [data-role="confirm"]').click();
      assert.equal(await page.locator('[data-form="assign"] vscode-textfield[invalid]').count(), 1);
      await page.locator('[data-form="assign"] [data-role="cancel"]').click();
      assert.equal(await page.locator('[data-form]').count(), 0);
      assert.deepEqual(await posted(page), [{ type: 'ready' }]);
    });

    it('sets a status', async () => {
      const page = await open();
      await showState(page, messy);
      await page.locator('.task-row[data-task-id="CR-3"] [data-action="status"]').click();
      const select = page.locator('[data-form="status"] vscode-single-select');
      await select.click();
      await select.getByRole('option', { name: 'Blocked', exact: true }).click();
      await page.locator('[data-form="status"] [data-role="confirm"]').click();
      assert.deepEqual(await lastPosted(page), { type: 'setStatus', generation: 41, taskIndex: 2, status: 'blocked' });
    });

    it('parks a task with a reason and who asked', async () => {
      const page = await open();
      await showState(page, messy);
      await page.locator('.task-row[data-task-id="CR-8"] [data-action="park"]').click();
      await page.locator('[data-form="park"] [data-field="reason"] input').fill('Late addition after scope freeze');
      await page.locator('[data-form="park"] [data-field="askedBy"] input').fill('Head of Sales');
      await page.locator('[data-form="park"] [data-role="confirm"]').click();
      assert.deepEqual(await lastPosted(page), { type: 'parkTask', generation: 41, taskIndex: 7, reason: 'Late addition after scope freeze', askedBy: 'Head of Sales' });
    });

    it("opens a task's line, a rollback check and a parked item in the editor", async () => {
      const page = await open();
      await showState(page, messy);
      await page.locator('.task-row[data-task-id="CR-3"] [data-action="open"]').click();
      const cr3 = messy.summary.tasks.find((t) => t.id === 'CR-3').location;
      assert.deepEqual(await lastPosted(page), { type: 'openLocation', file: '.release/release.yaml', line: cr3.range.start.line, character: cr3.range.start.character });
      await page.locator('#rollback-checks [data-check="steps"] button').click();
      assert.equal((await lastPosted(page)).file, '.release/rollback.yaml');
      await page.locator('#parked-list [data-parked-index="1"] [data-action="open"]').click();
      assert.deepEqual(await lastPosted(page), { type: 'openLocation', file: '.release/release.yaml', line: messy.summary.parked[1].location.range.start.line, character: messy.summary.parked[1].location.range.start.character });
    });

    it('marks a parked item told, and runs go/no-go', async () => {
      const page = await open();
      await showState(page, messy);
      await page.locator('#parked-list [data-parked-index="1"] [data-action="mark-told"]').click();
      assert.deepEqual(await lastPosted(page), { type: 'markTold', generation: 41, parkedIndex: 1 });
      await page.click('#run-gonogo');
      assert.deepEqual(await lastPosted(page), { type: 'runGonogo' });
    });

    it('quotes the generation of the latest state', async () => {
      const page = await open();
      await showState(page, messy);
      await showState(page, { ...messy, generation: 57 });
      await page.locator('#parked-list [data-parked-index="0"] [data-action="mark-told"]').click();
      assert.deepEqual(await lastPosted(page), { type: 'markTold', generation: 57, parkedIndex: 0 });
    });

    it('shows notices from the extension', async () => {
      const page = await open();
      await showState(page, messy);
      await page.evaluate(() => window.postMessage({ type: 'notice', level: 'warning', message: 'The plan changed since this view was drawn <b>refresh</b>' }, '*'));
      await page.waitForSelector('.notice-warning');
      assert.equal(await page.locator('.notice-warning .notice-text').textContent(), 'The plan changed since this view was drawn <b>refresh</b>');
      assert.equal(await page.locator('.notice b').count(), 0);
      await page.locator('.notice-warning button').click();
      assert.equal(await page.locator('.notice').count(), 0);
    });
  });

  describe('plan text is text, never markup or script', () => {
    it('shows the XSS corpus literally and runs none of it', async () => {
      const page = await open();
      const state = xssPlan(7);
      await showState(page, state);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('#release-name').textContent(), XSS.script);
      assert.equal(await page.locator('#problem').textContent(), `${XSS.img} ${XSS.template}`);
      const first = page.locator('.task-row[data-task-index="0"]');
      assert.equal(await first.locator('.col-id').textContent(), XSS.img);
      assert.equal(await first.locator('.task-title').textContent(), XSS.script);
      assert.equal(await first.locator('.col-owner').textContent(), XSS.img);
      const second = page.locator('.task-row[data-task-index="1"]');
      assert.equal(await second.locator('.task-title').textContent(), XSS.markdownLink);
      assert.equal(await second.locator('.col-owner').textContent(), XSS.template);
      assert.equal(await second.locator('.blocker').textContent(), `Blocked by: ${XSS.entity}`);
      assert.equal(await page.locator('.task-row[data-task-index="2"] .task-title').textContent(), XSS.link);
      assert.equal(await page.locator('#parked-list .parked-title').textContent(), XSS.template);
      assert.equal(await page.locator('#parked-list .parked-reason').textContent(), XSS.img);
      assert.equal(await page.locator('#parked-list .asked-by').textContent(), XSS.link);
      // The owner picker offers the role holder's name as text too.
      await first.locator('[data-action="assign"]').click();
      assert.equal(await page.locator(`[data-form="assign"] .chip[data-person="${XSS.svg.replace(/"/g, '\\"')}"]`).textContent(), XSS.svg);

      const dom = await page.evaluate(() => ({
        xss: window.__xss,
        scripts: document.scripts.length,
        injected: document.querySelectorAll('#app img, #app script, #app iframe, #app a, #app b, #app svg svg, #app [onerror], #app [onload]').length,
        handlers: [...document.querySelectorAll('#app *')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name) || /javascript:/i.test(a.value) && a.name !== 'data-person' && a.name !== 'data-task-id').map((a) => `${el.tagName} ${a.name}`)),
      }));
      assert.deepEqual(dom, { xss: undefined, scripts: 1, injected: 0, handlers: [] });
      assert.equal((await page.title()), 'Release Dashboard');
      // Actions on that plan still carry the exact text as data.
      await page.locator('[data-form="assign"] [data-role="cancel"]').click();
      await first.locator('[data-action="assign"]').click();
      await page.locator('[data-form="assign"] vscode-textfield input').fill(XSS.img);
      await page.locator('[data-form="assign"] [data-role="confirm"]').click();
      assert.deepEqual(await lastPosted(page), { type: 'assignOwner', generation: 7, taskIndex: 0, owner: XSS.img });
    });
  });

  describe('empty and broken states', () => {
    it('no plan: says so', async () => {
      const page = await open();
      await showState(page, noPlan());
      assert.equal(await page.locator('#app').getAttribute('data-kind'), 'no-plan');
      assert.match(await page.locator('#no-plan').innerText(), /No release plan here yet/);
      assert.match(await page.locator('#no-plan').innerText(), /\/work\/nothing-here/);
      assert.equal(await page.locator('#tasks').count(), 0);
    });

    it('YAML errors: lists them with buttons that open the file at the error', async () => {
      const page = await open();
      const state = brokenPlan();
      assert.equal(state.kind, 'broken');
      await showState(page, state);
      assert.equal(await page.locator('#broken .finding').count(), state.findings.length);
      assert.match(await page.locator('#broken').innerText(), /yaml|quote|indent/i);
      await page.click('#open-release-file');
      const f = state.findings[0];
      assert.deepEqual(await lastPosted(page), { type: 'openLocation', file: '.release/release.yaml', line: f.line, character: f.character });
      await page.locator('#broken .finding .link-button').last().click();
      const g = state.findings.at(-1);
      assert.deepEqual(await lastPosted(page), { type: 'openLocation', file: g.file, line: g.line, character: g.character });
    });

    it('zero tasks: the sections are there and the table says there are no tasks', async () => {
      const page = await open();
      await showState(page, zeroTaskPlan());
      for (const id of ['header', 'timeline', 'tasks', 'load', 'rollback', 'gonogo', 'parked']) assert.equal(await page.locator(`#${id}`).count(), 1, `section #${id}`);
      assert.match(await page.locator('#no-tasks').innerText(), /No tasks yet/);
      assert.equal(await page.locator('#tasks-table').count(), 0);
      assert.equal(await page.locator('#fact-tasks .fact-value').textContent(), '0 open');
    });

    it('goes from broken back to a plan, and from a plan to no plan', async () => {
      const page = await open();
      await showState(page, brokenPlan());
      await showState(page, messy);
      assert.equal(await page.locator('#tasks-table .task-row').count(), 16);
      await showState(page, noPlan());
      assert.equal(await page.locator('#tasks-table').count(), 0);
    });
  });

  describe('a new state patches the page and keeps what the user is doing', () => {
    // Edits of examples/messy's release.yaml, as a teammate or a re-check would bring them.
    const cr2OwnedByJonas = (yaml) => yaml.replace('owner: backend team', 'owner: Jonas Berg');
    const withoutCr5 = (yaml) => yaml.replace(/\n  - id: CR-5\n[\s\S]*?\n(?=  - id: CR-6\n)/, '\n');
    const taskAboveAll = (yaml) => yaml.replace('\n  - id: CR-1\n', '\n  - id: CR-0\n    title: Page the on-call when double charges spike\n    owner: Jonas Berg\n    status: todo\n    estimate: 1\n    added: 2099-03-15\n\n  - id: CR-1\n');

    /** The owner field of the open assign form under `taskId`: what it holds, its caret, whether it has the focus. */
    const ownerField = (page, taskId) =>
      page.evaluate((id) => {
        const form = document.querySelector(`.task-row[data-task-id="${id}"] + .action-row [data-form="assign"]`);
        const field = form?.querySelector('vscode-textfield[data-field="owner"]');
        const input = field?.shadowRoot?.querySelector('input');
        if (!field || !input) return null;
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return { value: field.value, shown: input.value, caret: [input.selectionStart, input.selectionEnd], focused: active === input };
      }, taskId);
    /** Tags an element so a test can tell it was kept (patched) rather than replaced. */
    const tag = (locator, name) => locator.evaluate((el, n) => (el.dataset.testTag = n), name);
    const tagged = (page, name) => page.locator(`[data-test-tag="${name}"]`);
    const nextFrame = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

    it('keeps a half-typed owner, its caret and the focus through new states, and posts to the task where it now is', async () => {
      const page = await open();
      await showState(page, messy);
      await page.locator('.task-row[data-task-id="CR-5"] [data-action="assign"]').click();
      const input = page.locator('[data-form="assign"] vscode-textfield[data-field="owner"] input');
      await input.pressSequentially('Ana Co');
      for (let i = 0; i < 3; i++) await input.press('ArrowLeft');
      const typed = { value: 'Ana Co', shown: 'Ana Co', caret: [3, 3], focused: true };
      assert.deepEqual(await ownerField(page, 'CR-5'), typed);

      await showState(page, { ...messy, generation: 42 }); // the same plan, checked again
      assert.deepEqual(await ownerField(page, 'CR-5'), typed, 'after a re-check of the same plan');
      await showState(page, await editedExampleState('messy', 43, cr2OwnedByJonas)); // another task changed
      assert.equal(await page.locator('.task-row[data-task-id="CR-2"] .col-owner').textContent(), 'Jonas Berg');
      assert.deepEqual(await ownerField(page, 'CR-5'), typed, 'after another task changed');
      await showState(page, await editedExampleState('messy', 44, (yaml) => taskAboveAll(cr2OwnedByJonas(yaml)))); // a task added above it
      assert.deepEqual(await ownerField(page, 'CR-5'), typed, 'after a task was added above it');
      assert.equal(await page.locator('[data-form]').count(), 1);

      // Typing goes on where the caret was, and the owner goes to CR-5, now the sixth task, in the latest state.
      await page.keyboard.type('sta');
      assert.equal((await ownerField(page, 'CR-5')).value, 'Anasta Co');
      await page.keyboard.press('Enter');
      assert.deepEqual(await lastPosted(page), { type: 'assignOwner', generation: 44, taskIndex: 5, owner: 'Anasta Co' });
      assert.equal(await page.locator('[data-form]').count(), 0, 'the form closes once sent');
    });

    it('keeps the focus on the control that has it', async () => {
      const page = await open();
      await showState(page, messy);
      const changed = await editedExampleState('messy', 42, cr2OwnedByJonas);
      const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-test-tag') ?? document.activeElement?.tagName);
      // A button in the row of the task that changes.
      const statusButton = page.locator('.task-row[data-task-id="CR-2"] [data-action="status"]');
      await tag(statusButton, 'cr2-status');
      await statusButton.focus();
      await showState(page, changed);
      assert.equal(await focused(), 'cr2-status');
      // The status filter, a header button (a vscode-button) and a parked item's Mark told.
      for (const [selector, name] of [['#filter-status', 'filter'], ['#run-gonogo', 'gonogo'], ['#parked-list [data-parked-index="1"] [data-action="mark-told"]', 'told']]) {
        await tag(page.locator(selector), name);
        await page.locator(selector).focus();
        assert.equal(await focused(), name);
        await showState(page, { ...messy, generation: 50 });
        assert.equal(await focused(), name, `${selector} after a re-check`);
        await showState(page, { ...changed, generation: 51 });
        assert.equal(await focused(), name, `${selector} after a change`);
      }
      // Keyboard use goes on from there: Enter on the focused Mark told posts with the latest generation.
      await page.keyboard.press('Enter');
      assert.deepEqual(await lastPosted(page), { type: 'markTold', generation: 51, parkedIndex: 1 });
    });

    it('keeps the scroll position, and the questions and forms the user opened', async () => {
      const page = await open({ viewport: { width: 1200, height: 700 } });
      await showState(page, messy);
      // The user reads the go/no-go questions' reasons and opens a form on a task near the end…
      for (const summary of await page.locator('#gonogo-questions summary').all()) await summary.click();
      await page.locator('.task-row[data-task-id="CR-14"] [data-action="park"]').click();
      // …and scrolls down to it.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight - window.innerHeight - 200));
      await nextFrame(page);
      // What the user sees: which row is in the middle of the screen and where exactly.
      const view = () =>
        page.evaluate(() => {
          const row = document.elementFromPoint(600, 350)?.closest('tr');
          return { y: window.scrollY, middle: row?.getAttribute('data-task-id'), at: Math.round(row?.getBoundingClientRect().top ?? -1), open: document.querySelectorAll('#gonogo-questions details[open]').length, forms: document.querySelectorAll('[data-form]').length };
        });
      const before = await view();
      assert.ok(before.y > 0 && before.middle, 'scrolled down to the task rows');
      assert.deepEqual([before.open, before.forms], [5, 1]);
      await showState(page, { ...messy, generation: 42 });
      await nextFrame(page);
      assert.deepEqual(await view(), before, 'after a re-check of the same plan');
      // CR-2's finding goes away above: the page is shorter, and the rows on screen stay where they were.
      await showState(page, await editedExampleState('messy', 43, cr2OwnedByJonas));
      await nextFrame(page);
      const after = await view();
      assert.ok(after.y < before.y, 'the content above got shorter');
      assert.deepEqual({ ...after, y: before.y }, before, 'after another task changed');
    });

    it('keeps the scroll position in a 200-task table', async () => {
      const page = await open({ viewport: { width: 1200, height: 700 } });
      const complete = () => page.locator('#tasks-table[data-complete]').waitFor({ state: 'attached' });
      await showState(page, bigPlan(200, 1));
      await complete();
      await page.evaluate(() => window.scrollTo(0, 6000));
      await nextFrame(page);
      const view = () => page.evaluate(() => ({ y: window.scrollY, middle: document.elementFromPoint(600, 350)?.closest('tr')?.getAttribute('data-task-id') }));
      const before = await view();
      assert.equal(before.y, 6000);
      assert.ok(before.middle, 'a task row is in the middle of the screen');
      // A frame can come right after the task that handles a state, before any row built later
      // (see the bench: "to frame" comes before "all rows"): lay the page out right there.
      await page.evaluate(() => window.addEventListener('message', () => void document.documentElement.scrollHeight));
      for (const generation of [2, 3]) {
        await showState(page, bigPlan(200, generation));
        await complete();
        await nextFrame(page);
        assert.deepEqual(await view(), before, `after state ${generation}`);
      }
    });

    it('closes the form of a task that was removed, with a notice, and keeps the other forms', async () => {
      const page = await open();
      await showState(page, messy);
      await page.locator('.task-row[data-task-id="CR-5"] [data-action="assign"]').click();
      await page.locator('[data-form="assign"] vscode-textfield input').fill('Ana');
      await page.locator('.task-row[data-task-id="CR-7"] [data-action="park"]').click();
      await page.locator('[data-form="park"] [data-field="reason"] input').fill('Not the double charge');
      assert.equal(await page.locator('[data-form]').count(), 2);

      await showState(page, await editedExampleState('messy', 42, withoutCr5));
      assert.equal(await page.locator('.task-row[data-task-id="CR-5"]').count(), 0);
      assert.equal(await page.locator('[data-form="assign"]').count(), 0, 'the removed task’s form is closed');
      assert.equal(await page.locator('#tasks-table .task-row').count(), 15);
      assert.equal(await page.locator('.notice-info .notice-text').textContent(), 'CR-5 is no longer in the plan: its form was closed.');
      // The other form is still open under its task, with what was typed.
      assert.equal(await page.locator('.task-row[data-task-id="CR-7"] + .action-row [data-form="park"]').count(), 1);
      assert.equal(await page.locator('[data-form="park"] [data-field="reason"]').evaluate((el) => el.value), 'Not the double charge');
      await page.locator('[data-form="park"] [data-role="confirm"]').click();
      assert.deepEqual(await lastPosted(page), { type: 'parkTask', generation: 42, taskIndex: 5, reason: 'Not the double charge', askedBy: '' });
      assert.equal(await page.locator('[data-form]').count(), 0);
      assert.deepEqual((await posted(page)).map((m) => m.type), ['ready', 'parkTask'], 'nothing was posted for the removed task');
    });

    it('never moves an open form to another task: tasks without ids follow their title, duplicate ids their title', async () => {
      const plan = (tasks) => `release: r\nproblem: Customers cannot export invoices.\ntarget: 2099-04-01\nbackup: 2099-04-08\nroles: { scope: Ana, delivery: Bo, readiness: Cy, stop: Ana }\ntasks:\n${tasks}`;
      const login = '  - title: Login page\n    owner: Ana\n';
      const exportTask = '  - title: Export button\n    owner: Cy\n';
      const page = await open();
      await showState(page, stateFromFiles({ '.release/release.yaml': plan(login + exportTask) }, 1));
      const exportRow = page.locator('.task-row', { hasText: 'Export button' });
      await exportRow.locator('[data-action="assign"]').click();
      await page.locator('[data-form="assign"] vscode-textfield input').fill('Bo');
      // A task is inserted above both (a teammate's edit): "Export button" is now the third task.
      await showState(page, stateFromFiles({ '.release/release.yaml': plan('  - title: Inserted\n    owner: Ana\n' + login + exportTask) }, 2));
      assert.equal(await page.locator('.task-row', { hasText: 'Export button' }).locator('xpath=following-sibling::tr[1]').locator('[data-form="assign"]').count(), 1, 'the form stays with Export button');
      assert.equal(await page.locator('[data-form="assign"] vscode-textfield').evaluate((el) => el.value), 'Bo');
      await page.locator('[data-form="assign"] [data-role="confirm"]').click();
      assert.deepEqual(await lastPosted(page), { type: 'assignOwner', generation: 2, taskIndex: 2, owner: 'Bo' });
    });

    it('shows the new data in the rows, charts and filters it patches', async () => {
      const page = await open();
      await showState(page, messy);
      await page.click('[data-sort="owner"]'); // the changed task moves in this order
      const cr2 = page.locator('.task-row[data-task-id="CR-2"]');
      await tag(cr2, 'cr2');
      await cr2.locator('[data-action="assign"]').click();
      const input = page.locator('[data-form="assign"] vscode-textfield input');
      await input.fill('Jo');
      const jonasBefore = await page.locator('.load-row[data-person="Jonas Berg"] .load-tasks').textContent();
      assert.equal(await cr2.locator('.col-owner').textContent(), 'backend team');
      const orderBefore = await taskIds(page);

      await showState(page, await editedExampleState('messy', 42, cr2OwnedByJonas));
      const row = tagged(page, 'cr2');
      assert.equal(await row.count(), 1, 'the row was patched, not replaced');
      assert.equal(await row.getAttribute('data-task-id'), 'CR-2');
      assert.equal(await row.locator('.col-owner').textContent(), 'Jonas Berg');
      assert.doesNotMatch(await row.locator('.col-title').textContent(), /is a group, not a person/);
      assert.notDeepEqual(await taskIds(page), orderBefore, 'the row moved to its place in the owner order');
      assert.equal(await page.locator('.load-row[data-person="Jonas Berg"] .load-tasks').textContent(), `${Number(jonasBefore.split(' ')[0]) + 1} open tasks`);
      assert.ok((await page.locator('#filter-owner option').allTextContents()).includes('Jonas Berg'));
      assert.equal(await page.locator('#filter-owner option', { hasText: 'backend team' }).count(), 0, 'the team label left the owner filter');
      // Its form moved with it, still holding what was typed, with the focus.
      assert.deepEqual(await ownerField(page, 'CR-2'), { value: 'Jo', shown: 'Jo', caret: [2, 2], focused: true });
      assert.equal(await page.locator('#app').getAttribute('data-rendered'), '42');
    });
  });

  describe('large plans', () => {
    for (const n of [20, 200]) {
      it(`renders ${n} tasks`, async () => {
        const page = await open();
        const ms = await showState(page, bigPlan(n, n));
        await page.locator('#tasks-table[data-complete]').waitFor({ state: 'attached' });
        assert.equal(await page.locator('#tasks-table .task-row').count(), n);
        assert.equal(await page.locator('#task-count').textContent(), `${n} tasks`);
        console.log(`      ${n} tasks rendered in ${ms.toFixed(1)} ms (DOM build; see npm run bench:webview)`);
      });
    }
  });

  describe('themes', () => {
    it('keeps sections outlined and text white in a high-contrast theme', async () => {
      const page = await open({ theme: 'hc', viewport: { width: 1200, height: 900 } });
      await showState(page, messy);
      assert.equal(await page.evaluate(() => document.body.className), 'vscode-high-contrast');
      const section = await page.locator('.section').first().evaluate((el) => {
        const style = getComputedStyle(el);
        return { border: style.borderTopColor, width: style.borderTopWidth, color: getComputedStyle(document.body).color };
      });
      assert.equal(section.border, 'rgb(111, 195, 223)', 'sections are outlined with contrastBorder');
      assert.notEqual(section.width, '0px');
      assert.equal(section.color, 'rgb(255, 255, 255)');
      await page.screenshot({ path: `${ARTEFACTS}/dashboard-hc.png` });
    });

    for (const theme of ['light', 'dark']) {
      it(`screenshots examples/messy in the ${theme} theme`, async () => {
        const page = await open({ theme, viewport: { width: 1200, height: 900 } });
        await showState(page, messy);
        await page.evaluate(() => document.fonts.ready);
        assert.equal(await page.evaluate(() => document.body.className), `vscode-${theme}`);
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        assert.equal(background, theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(31, 31, 31)');
        // Full-page captures do not scroll, so lay out the (content-visibility: auto) table first.
        await page.locator('.table-wrap').evaluate((el) => el.style.setProperty('content-visibility', 'visible'));
        const full = `${ARTEFACTS}/dashboard-${theme}.png`;
        await page.screenshot({ path: full, fullPage: true });
        // For the README: the first screenful of a tall editor tab (charts, questions, the table's start).
        const top = `${ARTEFACTS}/dashboard-${theme}-top.png`;
        await page.setViewportSize({ width: 1200, height: 1560 });
        await page.screenshot({ path: top, fullPage: false });
        // README pictures are refreshed on request (UPDATE_SCREENSHOTS=1) so test runs leave git clean.
        const readme = `docs/images/dashboard-${theme}.png`;
        if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(readme)) copyFileSync(top, readme);
        // The codicon font loaded: an icon has a real width.
        assert.ok((await page.locator('#verdict .codicon').evaluate((el) => el.getBoundingClientRect().width)) >= 14);
      });
    }
  });
});
