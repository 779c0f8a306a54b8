// The dashboard's words come from the host (vscode.l10n), in headless Chromium under the real CSP:
// with a pseudo-locale table (every word wrapped in ［…］) every text and label the page shows is
// either wrapped or plan data / engine text from the state; without a table the page is English.
import assert from 'node:assert/strict';
import { brokenPlan, editedExampleState, exampleState, historyState, noPlan, scopeState, vetoPlan, zeroTaskPlan } from './fixtures.ts';
import { dashboardPages, showState } from './harness.mjs';

/** Every string in the state (plan text, names, dates, the engine's messages), longest first, and their upper case (decisions are shown so). */
function dataStrings(...states) {
  const found = new Set();
  const walk = (value) => {
    if (typeof value === 'string') {
      if (value.trim()) (found.add(value), found.add(value.toUpperCase()));
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  states.forEach(walk);
  return [...found].sort((a, b) => b.length - a.length);
}

/** What is left of a shown text once the wrapped words (nested too), the data and the punctuation are taken out: letters here were not translated. */
function untranslated(text, data) {
  let rest = text;
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/［[^［］]*］/g, ' ');
  }
  for (const value of data) if (rest.includes(value)) rest = rest.split(value).join(' ');
  return /\p{L}/u.test(rest) ? rest.trim() : undefined;
}

/**
 * The text of every element that holds text under #app (a sentence with <code> in it is one text:
 * "［There is no <code>…</code> in <code>…</code>.］"), and every title, aria-label and placeholder.
 */
function shownTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const app = document.getElementById('app');
    const holders = new Set();
    const walker = document.createTreeWalker(app, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.nodeValue.trim()) continue;
      let holder = node.parentElement;
      // Inline parts of a sentence (its <code>, the plain <span>s around it) belong to the sentence.
      while ((holder.localName === 'code' || (holder.localName === 'span' && holder.attributes.length === 0)) && holder.parentElement !== app) holder = holder.parentElement;
      holders.add(holder);
    }
    for (const el of holders) out.push({ where: `text of <${el.localName} id="${el.id}" class="${el.getAttribute('class') ?? ''}">`, text: el.textContent });
    for (const el of [document.documentElement, ...app.querySelectorAll('*')]) {
      for (const name of ['title', 'aria-label', 'placeholder']) {
        const value = el.getAttribute(name);
        if (value?.trim()) out.push({ where: `${name} of <${el.localName} id="${el.id}" class="${el.getAttribute('class') ?? ''}">`, text: value });
      }
    }
    return out;
  });
}

describe('Release Dashboard words from the host (vscode.l10n)', function () {
  this.timeout(60_000);
  const pages = dashboardPages();
  const open = (query) => pages.open({ query });

  async function expectAllTranslated(page, ...states) {
    const data = dataStrings(...states);
    const left = [];
    for (const { where, text } of await shownTexts(page)) {
      const rest = untranslated(text, data);
      if (rest !== undefined) left.push(`${where}: ${JSON.stringify(text)} (left: ${JSON.stringify(rest)})`);
    }
    assert.deepEqual(left, [], 'shown without going through the host\'s words');
  }

  /** The table is built in batches: wait for every row. */
  const tableComplete = (page) => page.waitForFunction(() => document.querySelector('#tasks-table')?.hasAttribute('data-complete'));

  it('shows every word of the dashboard from the host\'s table: a plan, its forms, filters and notices', async () => {
    const page = await open('?l10n=pseudo');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'qps-ploc');
    assert.equal(await page.locator('#app .loading').textContent(), '［Loading the release…］');
    const messy = await exampleState('messy', 1);
    await showState(page, messy);
    await tableComplete(page);
    assert.equal(await page.locator('#fact-tminus .fact-value').textContent(), '［T-{0} days］'.replace('{0}', '10'));
    for (const action of ['assign', 'status', 'park']) await page.locator(`#tasks-table .task-row >> nth=${['assign', 'status', 'park'].indexOf(action)} >> button[data-action="${action}"]`).click();
    await page.selectOption('#filter-status', 'todo');
    await page.locator('#gonogo details >> nth=0').evaluate((el) => (el.open = true));
    // A task with an open form leaves the plan: its form closes with a notice.
    const formTask = await page.locator('#tasks-table tr.action-row >> nth=0').getAttribute('data-task-index');
    const removedId = messy.summary.tasks[Number(formTask)].id;
    const edited = await editedExampleState('messy', 2, (yaml) => yaml.replace(new RegExp(`\\n  - id: ${removedId}\\n[\\s\\S]*?(?=\\n  - id:|\\nparked:)`), ''));
    await showState(page, edited);
    await tableComplete(page);
    assert.equal(await page.locator('.notice-text').count(), 1, 'the removed task\'s form was closed with a notice');
    await page.evaluate(() => window.postMessage({ type: 'notice', level: 'warning', message: 'The host\'s own message.' }, '*'));
    await expectAllTranslated(page, messy, edited, { notice: 'The host\'s own message.' });
  });

  for (const [name, state] of [['no plan', noPlan()], ['a broken plan', brokenPlan()], ['a veto', vetoPlan(3)], ['zero tasks', zeroTaskPlan(4)]]) {
    it(`${name}: every word from the host's table`, async () => {
      const page = await open('?l10n=pseudo');
      await showState(page, state);
      await expectAllTranslated(page, state);
    });
  }

  it('a track record and a shipped release: every word from the host\'s table', async () => {
    const page = await open('?l10n=pseudo');
    const state = await historyState(6, { shipped: true });
    await showState(page, state);
    assert.equal(await page.locator('#track-record-table tbody tr').count(), 4);
    await expectAllTranslated(page, state);
  });

  it('Scope over time with a late addition and uncommitted edits, and without history: every word from the host\'s table', async () => {
    const page = await open('?l10n=pseudo');
    const state = await scopeState(7, { uncommitted: true });
    await showState(page, state);
    assert.equal(await page.locator('#scope-late li').count(), 1);
    await expectAllTranslated(page, state);
    const none = await scopeState(8, { history: false, note: { state: 'unavailable', why: 'no-repository' } });
    await showState(page, none);
    assert.equal(await page.locator('#scope-empty').count(), 1);
    await expectAllTranslated(page, none);
  });

  it('falls back to English without the host\'s table (and the check above would catch it)', async () => {
    const page = await open();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const state = vetoPlan(5);
    await showState(page, state);
    const left = (await shownTexts(page)).map(({ text }) => untranslated(text, dataStrings(state))).filter(Boolean);
    assert.ok(left.includes('Run Go/No-Go') && left.includes('Owner load'), `English words, not wrapped: ${left.slice(0, 8).join(' | ')}`);
  });
});
