// The dashboard's "Scope over time" section (issue 11) and the header after launch, in headless
// Chromium under the real CSP, with states built by the engine (examples/clean with a git timeline).
import assert from 'node:assert/strict';
import { historyState, scopeState, XSS } from './fixtures.ts';
import { dashboardPages, posted, showState } from './harness.mjs';

describe('Scope over time and the header after launch (headless Chromium)', function () {
  this.timeout(60_000);
  const { open } = dashboardPages();

  const tableRows = (page) => page.locator('#scope-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.source, ...[...tr.cells].map((td) => td.textContent)]));
  const lateItems = (page) => page.locator('#scope-late li').evaluateAll((lis) => lis.map((li) => li.textContent.trim()));

  it('draws open tasks and estimate by day, the freezes, and the late addition with its author; the numbers are in a table', async () => {
    const page = await open();
    await showState(page, await scopeState());
    const section = page.locator('section#scope-over-time');
    assert.equal(await section.locator('h2').textContent(), 'Scope over time');
    // Between the go/no-go columns and the Track Record (a comment here: no history/).
    assert.equal(await page.evaluate(() => document.querySelector('#scope-over-time').previousElementSibling.classList.contains('columns')), true);
    assert.equal(await page.locator('#scope-summary').textContent(), '3 open tasks, 4.5 d of estimate, on 10 Mar 2099');
    assert.equal(await page.locator('#scope-uncommitted').count(), 0);
    const svg = page.locator('#scope-chart svg');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.equal(await svg.getAttribute('aria-labelledby'), 'scope-chart-title scope-chart-desc');
    assert.equal(await page.locator('#scope-chart-title').textContent(), 'Open tasks and open estimate by day');
    assert.equal(await page.locator('#scope-chart-desc').textContent(), 'From 16 Feb 2099 to 10 Mar 2099; at most 6 open tasks and 12.5 d of open estimate. The numbers are in the table below.');
    // One dot per day with a commit (Feb 16, Mar 5, Mar 10); 23 days in all, the days between carried.
    assert.deepEqual(await page.locator('#scope-chart circle.point').evaluateAll((cs) => cs.map((c) => [c.dataset.date, c.querySelector('title').textContent])), [
      ['2099-02-16', '16 Feb 2099: 5 open tasks, 9.5 d · Ana Keller'],
      ['2099-03-05', '5 Mar 2099: 6 open tasks, 12.5 d · Bo Lindqvist'],
      ['2099-03-10', '10 Mar 2099: 3 open tasks, 4.5 d · Chidi Okafor'],
    ]);
    const steps = await page.locator('#scope-chart .tasks-line').getAttribute('d');
    assert.equal((steps.match(/ H/g) ?? []).length, 22, 'one step per day after the first');
    assert.deepEqual(await page.locator('#scope-chart .freeze').evaluateAll((gs) => gs.map((g) => [g.dataset.freeze, g.dataset.date, g.querySelector('text').textContent])), [
      ['features', '2099-02-23', 'Feature freeze 23 Feb'],
      ['scope', '2099-03-02', 'Scope freeze 2 Mar'],
    ]);
    // The scope freeze line lies between the first and second dots, left of the late-addition marker.
    const xs = await page.evaluate(() => ({
      freeze: Number(document.querySelector('.freeze-scope line').getAttribute('x1')),
      dots: [...document.querySelectorAll('#scope-chart circle.point')].map((c) => Number(c.getAttribute('cx'))),
      late: document.querySelector('.late-marker title').textContent,
    }));
    assert.ok(xs.dots[0] < xs.freeze && xs.freeze < xs.dots[1], JSON.stringify(xs));
    assert.equal(xs.late, 'PDF-9 SSO for admins — added 2099-03-05 by Bo Lindqvist, after the scope freeze');
    assert.deepEqual(await tableRows(page), [
      ['commit', '16 Feb 2099', '5', '9.5', 'Ana Keller'],
      ['commit', '5 Mar 2099', '6', '12.5', 'Bo Lindqvist'],
      ['commit', '10 Mar 2099', '3', '4.5', 'Chidi Okafor'],
    ]);
    assert.equal(await page.locator('#scope-late-additions h3').textContent(), '1 late addition');
    assert.deepEqual(await lateItems(page), ['PDF-9SSO for admins— added 2099-03-05 by Bo Lindqvist, after the scope freeze']);
    assert.equal(await page.locator('#scope-late li .late-title').textContent(), 'SSO for admins');
  });

  it('uncommitted edits are today\'s point, marked as such; the patch keeps the section in place', async () => {
    const page = await open();
    await showState(page, await scopeState(1));
    await page.evaluate(() => {
      window.__scopeSection = document.querySelector('#scope-over-time');
    });
    await showState(page, await scopeState(2, { uncommitted: true }));
    assert.equal(await page.evaluate(() => window.__scopeSection === document.querySelector('#scope-over-time')), true, 'patched in place, not replaced');
    assert.equal(await page.locator('#scope-summary').textContent(), '4 open tasks, 5.5 d of estimate, on 16 Mar 2099uncommitted edits');
    assert.equal(await page.locator('#scope-uncommitted').textContent(), 'uncommitted edits');
    assert.deepEqual((await tableRows(page)).slice(-1), [['uncommitted', '16 Mar 2099', '4', '5.5', 'uncommitted edits']]);
    assert.equal(await page.locator('#scope-chart circle.point.uncommitted').getAttribute('data-date'), '2099-03-16');
    // Back to the committed plan: the uncommitted point goes again.
    await showState(page, await scopeState(3));
    assert.equal(await page.locator('#scope-chart circle.point.uncommitted').count(), 0);
    assert.equal(await page.locator('#scope-uncommitted').count(), 0);
  });

  it('a cut-off history (shallow clone, version limit) says the chart starts where the reading does', async () => {
    const page = await open();
    await showState(page, await scopeState(1));
    assert.equal(await page.locator('#scope-cut-off').count(), 0);
    await showState(page, await scopeState(2, { truncated: { reason: 'shallow', commit: 'a'.repeat(40), date: '2099-02-16', read: 3 } }));
    assert.equal(await page.locator('#scope-cut-off').textContent(), 'The history before 2099-02-16 is not in this clone (a shallow clone): the release started earlier than the chart shows.');
    await showState(page, await scopeState(3, { truncated: { reason: 'limit', commit: 'a'.repeat(40), date: '2099-02-16', read: 500 } }));
    assert.equal(await page.locator('#scope-cut-off').textContent(), 'The history before 2099-02-16 is beyond the 500 versions read: the release started earlier than the chart shows.');
    // The late addition was seen joining: still listed.
    assert.equal((await lateItems(page)).length, 1);
  });

  it('plan text is text: a task title with markup shows as written', async () => {
    const page = await open();
    await showState(page, await scopeState(1, { title: XSS.img }));
    assert.equal(await page.locator('#scope-late li .late-title').textContent(), XSS.img);
    assert.equal(await page.locator('#scope-late li img, #scope-late li script').count(), 0);
    assert.equal(await page.locator('.late-marker title').textContent(), `PDF-9 ${XSS.img} — added 2099-03-05 by Bo Lindqvist, after the scope freeze`);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
  });

  it('without a history it says why, never an empty chart: no host, reading, not a repository, Git missing, in the browser, never committed, an error', async () => {
    const page = await open();
    const cases = [
      [undefined, 'No history from Git for this release: Scope over time is drawn from the commits of .release/release.yaml.'],
      [{ state: 'reading' }, 'Reading the plan’s history from Git…'],
      [{ state: 'unavailable', why: 'no-repository' }, 'This folder is not in a Git repository: Scope over time is drawn from the commits of .release/release.yaml.'],
      [{ state: 'unavailable', why: 'no-git' }, 'Git is not available (not installed, or the Git extension is disabled or has not started): no scope over time to draw.'],
      [{ state: 'unavailable', why: 'disabled' }, 'Git is not available (not installed, or the Git extension is disabled or has not started): no scope over time to draw.'],
      [{ state: 'unavailable', why: 'virtual' }, 'Git history is not available in a virtual workspace: no scope over time to draw.'],
      [{ state: 'unavailable', why: 'web' }, 'Git history is not available in the browser (it needs the desktop VS Code): no scope over time to draw.'],
      [{ state: 'unavailable', why: 'error', detail: 'fatal: bad object <b>x</b>' }, 'Git could not read the plan’s history: fatal: bad object <b>x</b>'],
      [{ state: 'ready' }, 'This release has no commit of .release/release.yaml yet: commit the plan, and its scope is drawn day by day.'],
    ];
    let generation = 1;
    for (const [note, text] of cases) {
      await showState(page, await scopeState(generation++, { history: false, ...(note ? { note } : {}) }));
      assert.equal(await page.locator('#scope-empty').textContent(), text, JSON.stringify(note));
      assert.equal(await page.locator('#scope-over-time svg, #scope-over-time table').count(), 0);
    }
    assert.equal(await page.locator('#scope-empty b').count(), 0);
    // History arrives: the chart replaces the sentence.
    await showState(page, await scopeState(generation++));
    assert.equal(await page.locator('#scope-empty').count(), 0);
    assert.equal(await page.locator('#scope-chart circle.point').count(), 3);
  });

  it('after launch the header offers no Run Go/No-Go and no backup countdown: the backup date and the launch line', async () => {
    const page = await open();
    await showState(page, await historyState(1));
    assert.equal(await page.locator('#run-gonogo').count(), 1);
    assert.equal(await page.locator('#fact-backup .fact-value').textContent(), 'in 9 days');
    await showState(page, await historyState(2, { shipped: true }));
    assert.equal(await page.locator('#run-gonogo').count(), 0);
    assert.equal(await page.locator('#open-plan').count(), 1);
    assert.equal(await page.locator('#fact-backup .fact-value').textContent(), '25 Mar 2099');
    assert.equal(await page.locator('#fact-backup .fact-detail').textContent(), 'Shipped 1.5.0 on 16 Mar 2099');
    assert.deepEqual(await posted(page).then((messages) => messages.filter((m) => m.type === 'runGonogo')), []);
  });
});
