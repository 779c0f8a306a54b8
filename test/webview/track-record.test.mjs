// The dashboard's Track Record section and the shipped state, in headless Chromium under the real CSP,
// with states built by the engine (history/ next to examples/clean).
import assert from 'node:assert/strict';
import { exampleState, historyState, XSS } from './fixtures.ts';
import { dashboardPages, posted, showState } from './harness.mjs';

describe('Track Record and the shipped state (headless Chromium)', function () {
  this.timeout(60_000);
  const { open } = dashboardPages();

  /** Each row's cells as text. */
  const rows = (page) => page.locator('#track-record-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));

  it('shows past releases: target against launch, the verdict, scope growth, rehearsal minutes and the review', async () => {
    const page = await open();
    await showState(page, await historyState(3));
    assert.equal(await page.locator('#track-record-title').textContent(), 'Track Record');
    assert.equal(await page.locator('#track-summary').textContent(), '1 of 3 on time');
    assert.deepEqual(await rows(page), [
      ['billing-v2rescue', '12 Jun 2098', '19 Jun 2098', 'slipped by 7 dayswithin the backup date', '1 task, 2 d', '40 min', 'written'],
      ['login-v3', '2 Oct 2098', '2 Oct 2098', 'on time (final target)', 'none', '25 min', 'not written'],
      ['search-v3', '4 Dec 2098', '4 Dec 2098', 'rolled back', 'none', '15 min', 'not written'],
    ]);
    assert.deepEqual(await page.locator('#track-record-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-verdict'))), ['slipped', 'on-time', 'rolled-back']);
    // The trend: one bar per release, oldest first, taller for more minutes.
    assert.deepEqual(await page.locator('#track-trend .trend-bar').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-minutes'), g.querySelector('.axis-label').textContent])), [
      ['40', 'billing-v2'],
      ['25', 'login-v3'],
      ['15', 'search-v3'],
    ]);
    const heights = await page.locator('#track-trend rect').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
    assert.ok(heights[0] > heights[1] && heights[1] > heights[2], `bar heights ${heights}`);
    assert.equal(await page.locator('#track-trend svg').getAttribute('aria-label'), 'Rehearsal minutes across releases: billing-v2 40 min, login-v3 25 min, search-v3 15 min');
    assert.equal(await page.locator('#track-trend-text').textContent(), 'Rehearsal minutes across releases: 40 → 25 → 15 min');
    // The blocker reported in two releases, as first written; the current release has no record, so no review line.
    assert.equal(await page.locator('#recurring-blockers h3').textContent(), 'Recurring blockers');
    assert.deepEqual(await page.locator('#recurring-blockers li').evaluateAll((lis) => lis.map((li) => [li.querySelector('.recurring-what').textContent, li.querySelector('.recurring-where').textContent, li.classList.contains('open')])), [
      ['Staging database is down', 'in billing-v2, login-v3, on 2 days', false],
    ]);
    assert.equal(await page.locator('#track-review').count(), 0);
    // The header still shows the live verdict: the current release has not shipped.
    assert.equal(await page.locator('#verdict').getAttribute('data-verdict'), 'go');
  });

  it('says "unknown" for scope growth while a task has no added:, and "on time" plainly only when the first target was kept', async () => {
    const page = await open();
    await showState(page, await historyState(4, { undated: true, shipped: true, firstTarget: '2099-03-11' }));
    const cells = await rows(page);
    assert.deepEqual(cells[1], ['login-v3', '2 Oct 2098', '2 Oct 2098', 'on time (final target)', 'unknown: tasks without added:', '25 min', 'not written']);
    // The current release went out on its final target, moved once (from git): not the first one.
    assert.deepEqual(cells[3]?.slice(0, 4), ['invoices-pdf-v1this release', '18 Mar 2099', '16 Mar 2099', 'on time (final target)target moved once, first 2099-03-11']);

    await showState(page, await historyState(5, { shipped: true, firstTarget: '2099-03-18' }));
    assert.deepEqual((await rows(page))[3]?.slice(0, 4), ['invoices-pdf-v1this release', '18 Mar 2099', '16 Mar 2099', 'on time']);
  });

  it('shows no recurring blockers heading when none recur', async () => {
    const page = await open();
    const state = await historyState(8, { blockers: false });
    assert.deepEqual(state.trackRecord.recurringBlockers, []);
    await showState(page, state);
    assert.equal(await page.locator('#track-record').count(), 1);
    assert.equal(await page.locator('#recurring-blockers').count(), 0);
  });

  it('opens a past release\'s release.yaml from its row', async () => {
    const page = await open();
    await showState(page, await historyState(4));
    await page.locator('#track-record-table tbody tr >> nth=1').locator('[data-action="open"]').click();
    assert.deepEqual((await posted(page)).at(-1), { type: 'openLocation', file: '.release/history/login-v3/release.yaml', line: 0, character: 0 });
    assert.equal(await page.locator('#track-record-table tbody tr >> nth=1').locator('[data-action="open"]').getAttribute('aria-label'), 'Open the release file of login-v3');
  });

  it('is not shown without history or a launch, and appears and goes with the state (patched, not re-rendered)', async () => {
    const page = await open();
    const clean = await exampleState('clean', 1);
    assert.equal(clean.trackRecord, undefined);
    await showState(page, clean);
    assert.equal(await page.locator('#track-record').count(), 0);
    await showState(page, await historyState(2));
    assert.equal(await page.locator('#track-record').count(), 1);
    // A later state keeps the same section and table elements (the page patches them).
    await page.locator('#track-record-table').evaluate((el) => (el.dataset.marked = 'kept'));
    await showState(page, await historyState(3, { shipped: true }));
    assert.equal(await page.locator('#track-record-table').getAttribute('data-marked'), 'kept');
    assert.equal(await page.locator('#track-record-table tbody tr').count(), 4);
    await showState(page, await exampleState('clean', 4));
    assert.equal(await page.locator('#track-record').count(), 0);
    assert.equal(await page.locator('#tasks').count(), 1, 'the rest of the page stays');
  });

  it('after launch: the header shows "Shipped 1.5.0 on …" as the state, the go/no-go as history, and this release last in the track record', async () => {
    const page = await open();
    const state = await historyState(5, { shipped: true });
    assert.equal(state.health.verdict, 'no-go', "core's recommendation stays no-go: never a GO after launch");
    await showState(page, state);
    assert.equal(await page.locator('#verdict').getAttribute('data-verdict'), 'shipped');
    assert.equal(await page.locator('#verdict .verdict-label').textContent(), 'Shipped 1.5.0 on 16 Mar 2099');
    assert.equal(await page.locator('#verdict').getAttribute('title'), 'Shipped 1.5.0 on 2099-03-16: the go/no-go is history and is not asked again.');
    assert.equal(await page.locator('#fact-tminus dt').textContent(), 'Launch');
    assert.equal(await page.locator('#fact-tminus .fact-value').textContent(), '16 Mar 2099');
    assert.match(await page.locator('.reasons-box summary').textContent(), /^After launch: \d+ notes?$/);
    assert.doesNotMatch(await page.locator('#header .health-row').textContent(), /No-Go|Go|At risk/);
    assert.doesNotMatch(await page.locator('.reasons-box').textContent(), /No-Go|Why/);
    assert.equal(await page.locator('#recommendation').textContent(), 'History: the release went out');
    assert.deepEqual((await rows(page)).at(-1), ['invoices-pdf-v1this release', '18 Mar 2099', '16 Mar 2099', 'on time (final target)', 'none', '11 min', 'not written']);
    assert.equal(await page.locator('#track-review').textContent(), 'Review of this release: not written');
  });

  it('a rolled-back release reads "Rolled back …", not No-Go', async () => {
    const page = await open();
    const state = await historyState(6, { shipped: true });
    const shipped = state.summary.gonogo.shipped;
    state.summary.gonogo.shipped = { ...shipped, outcome: 'rolled-back', message: 'Rolled back 1.5.0 on 2099-03-16.' };
    await showState(page, state);
    assert.equal(await page.locator('#verdict').getAttribute('data-verdict'), 'rolled-back');
    assert.equal(await page.locator('#verdict .verdict-label').textContent(), 'Rolled back 1.5.0 on 16 Mar 2099');
  });

  it('plan text is text: a release and a blocker written as markup are shown literally and run nothing', async () => {
    const page = await open();
    await showState(page, await historyState(7, { name: XSS.script }));
    assert.equal(await page.locator('#track-record-table tbody tr >> nth=0').locator('.track-release').textContent(), XSS.script);
    assert.equal(await page.locator('#track-trend .trend-bar >> nth=0').locator('.axis-label').textContent(), XSS.script);
    assert.equal(await page.locator('#recurring-blockers .recurring-what').textContent(), XSS.script);
    assert.equal(await page.locator('#track-record-table tbody tr >> nth=0').locator('[data-action="open"]').getAttribute('title'), `Open the release file of ${XSS.script}`);
    const dom = await page.evaluate(() => ({ xss: window.__xss, injected: document.querySelectorAll('#app img, #app script, #app [onerror]').length }));
    assert.deepEqual(dom, { xss: undefined, injected: 0 });
  });
});
