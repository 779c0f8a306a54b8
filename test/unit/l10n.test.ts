// Localisation of the extension's own words (vscode.l10n) and the dashboard's (passed in from the
// host): nothing user-facing is left unwrapped, and the English reads exactly as before.
import { l10n } from './vscode-stub'; // first: makes require('vscode') the stub
import assert from 'node:assert/strict';
import { english } from '../../src/core/message';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readPlanFiles } from '../../src/cli/files';
import { checkPlan, type CheckResult } from '../../src/core/engine';
import { RELEASE_ROLES, STATUSES } from '../../src/core/lists';
import { ownerLoads } from '../../src/core/load';
import { gonogoHeadline, summarizeRelease } from '../../src/core/summary';
import { webviewStrings } from '../../src/extension/dashboard/webviewStrings';
import { ownerHoverMarkdown } from '../../src/extension/hover';
import { statusBarContent } from '../../src/extension/statusBar';
import { buildReleaseNode, type ReleaseNode } from '../../src/extension/tree/releaseTree';
import { countdown, countdownShort, gonogoLine } from '../../src/extension/words';
import { checkTranslator } from '../../src/extension/translate';
import { dashboardHtml } from '../../src/shared/dashboardHtml';
import { countdownWords, formatMessage, usableStrings, WEBVIEW_STRINGS } from '../../src/shared/strings';
import { scanUnwrapped } from './l10n-scan';

const ROOT = join(__dirname, '..', '..');
const TODAY = '2099-03-16';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

/** Shown, but data rather than our words: YAML values as the plan has them, and text written into the plan file. */
const DATA_LITERALS = new Set<string>([
  ...STATUSES, // `task.status ?? 'todo'`: the status as written in release.yaml
  'TODO: how this migration is undone (e.g. down migration tested on a copy)', // a placeholder written into release.yaml, found by the placeholder rule
]);

const folder = { uri: { scheme: 'file', path: '/w', toString: () => 'file:///w' }, name: 'w', index: 0 } as never;

/** An example checked the way the extension checks it: rendered through vscode.l10n when a bundle is loaded. */
async function example(name: string, today = TODAY): Promise<CheckResult> {
  return checkPlan(await readPlanFiles(join(ROOT, 'examples', name)), { today, translate: checkTranslator(), cache: false });
}

function texts(node: ReleaseNode): string[] {
  return [node.label, node.description, node.tooltip, ...(node.children ?? []).flatMap(texts)].filter((t): t is string => typeof t === 'string');
}

/** What is left once the pseudo-locale's ［…］ (nested too) and the plan's and engine's text are taken out: letters here were not translated. */
function untranslated(text: string, data: readonly string[]): string | undefined {
  let rest = text
    .replace(/\\(.)/g, '$1') // Markdown escapes
    .replace(/\$\([\w-]+\)|\(command:[\w.]+\)|`[\w-]+`/g, ' '); // icons, command links, rule codes
  for (let before = ''; before !== rest; ) {
    before = rest;
    rest = rest.replace(/［[^［］]*］/g, ' ');
  }
  for (const value of data) if (rest.includes(value)) rest = rest.split(value).join(' ');
  return /\p{L}/u.test(rest) ? rest.trim() : undefined;
}

/** Every string in these values (plan text, names, dates, the engine's messages), longest first. */
function dataStrings(...values: unknown[]): string[] {
  const found = new Set<string>();
  const walk = (value: unknown, depth: number): void => {
    if (depth > 12) return;
    if (typeof value === 'string') {
      if (value.trim()) found.add(value);
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, depth + 1));
    else if (value instanceof Map) [...value.values()].forEach((v) => walk(v, depth + 1));
    else if (value && typeof value === 'object') Object.values(value).forEach((v) => walk(v, depth + 1));
  };
  values.forEach((v) => walk(v, 0));
  return [...found].sort((a, b) => b.length - a.length);
}

describe('localisation (vscode.l10n)', () => {
  afterEach(() => {
    l10n.bundle = undefined;
  });

  describe('no user-facing literal in src/extension bypasses vscode.l10n.t', () => {
    it('finds none (file:line of each one otherwise)', () => {
      const found = sources(join(ROOT, 'src', 'extension')).flatMap((file) =>
        scanUnwrapped(readFileSync(file, 'utf8'), DATA_LITERALS).map((u) => `${relative(ROOT, file)}:${u.line}: ${JSON.stringify(u.text.replace(/\u0000/g, '${…}'))}`),
      );
      assert.deepEqual(found, [], 'wrap these in vscode.l10n.t(…), with {0} for what is put in');
    });

    it('the scan finds what it should, and lets ids, icons, logs and comparisons be', () => {
      const source = `
        import * as vscode from 'vscode';
        void vscode.window.showWarningMessage('Something went wrong.');
        void vscode.window.showInformationMessage(vscode.l10n.t('Fine: {0}', name), 'Open');
        const item = { label: 'Assign owner', description: cond ? 'ready' : vscode.l10n.t('not ready'), id: 'task-1', contextValue: 'parkedUntold' };
        this.item.text = \`$(rocket) \${name} · \${count} error\${count === 1 ? '' : 's'}\`;
        this.item.tooltip = vscode.l10n.t('All {0} done', n);
        const problems = \`\${n} problem\${n === 1 ? '' : 's'}\`;
        const plain = 'Plain sentence here';
        const estimate = \`\${days}d\`;
        pick.placeholder = 'Pick one';
        this.log.warn(\`Dashboard sent an invalid message: \${why}\`);
        void vscode.commands.executeCommand('setContext', 'releasePlan.rehearsing', true);
        const color = new vscode.ThemeColor('statusBarItem.errorBackground');
        if (status === 'Done') icon = '$(pass)';
        const regex = /Some words here/;
        // A comment: 'Not a string at all'
        action.command = { command: 'releasePlan.dailyCheckin', title: 'Daily Check-in' };
        const fine = { label: \`\${task.id} \${task.title}\`, description: [a, b].join(' · ') };
      `;
      const found = scanUnwrapped(source).map((u) => u.text.replace(/\u0000/g, '${}'));
      assert.deepEqual(found, ['Something went wrong.', 'Open', 'Assign owner', 'ready', '$(rocket) ${} · ${} error${}', 's', '${} problem${}', 'Plain sentence here', '${}d', 'Pick one', 'Daily Check-in']);
    });
  });

  describe('the English is what it was', () => {
    it('counts down in the same English in the Release view, the status bar and the dashboard', () => {
      // The expected English, stated once here: what the view, the status bar and the page must read.
      const expected = (d: number | undefined) => (d === undefined ? 'no target date' : d === 0 ? 'launch day' : d < 0 ? `${-d} day${d === -1 ? '' : 's'} late` : `T-${d} day${d === 1 ? '' : 's'}`);
      const expectedShort = (d: number | undefined) => (d === undefined ? 'no date' : d > 0 ? `T-${d}` : expected(d));
      assert.deepEqual([9, 1, 0, -1, -3, undefined].map(countdown), ['T-9 days', 'T-1 day', 'launch day', '1 day late', '3 days late', 'no target date']);
      assert.deepEqual([9, 0, -2, undefined].map(countdownShort), ['T-9', 'launch day', '2 days late', 'no date']);
      const days = [undefined, ...Array.from({ length: 801 }, (_, i) => i - 400)];
      for (const d of days) {
        assert.equal(countdown(d), expected(d), `countdown(${d})`);
        assert.equal(countdownShort(d), expectedShort(d), `countdownShort(${d})`);
        const [key, ...args] = countdownWords(d);
        assert.equal(formatMessage(WEBVIEW_STRINGS[key], args), expected(d), `the dashboard's countdown(${d})`);
      }
    });

    it('the go/no-go line of the Release view reads as core\'s headline in English, veto and records included', async () => {
      const plans: CheckResult[] = [await example('messy'), await example('clean'), await example('draft')];
      const release = 'release: r\nproblem: Customers cannot pay.\ntarget: 2099-04-01\nbackup: 2099-04-08\n';
      for (const record of ['decision: no-go\ndecided_by: Ana\nreason: outage\n', 'decision: no-go\n', 'decision: go\ndecided_by: Bo\n', 'decision: [\n']) {
        plans.push(checkPlan(new Map([['.release/release.yaml', release], ['.release/gonogo/2099-03-10.yaml', record]]), { today: TODAY }));
      }
      for (const result of plans) {
        const summary = summarizeRelease(result);
        assert.ok(summary);
        assert.equal(gonogoLine(summary), gonogoHeadline(summary, english));
      }
    });

    it('the Release view, the status bar and a hover of examples/messy', async () => {
      const result = await example('messy');
      const summary = summarizeRelease(result)!;
      const root = buildReleaseNode(folder, summary);
      assert.equal(root.description, 'T-10 days · 16 errors, 20 warnings');
      assert.deepEqual(root.children?.map((c) => c.label), ['Problem', 'Roles', 'Tasks', 'Rollback readiness', 'Go/No-Go', 'Parked']);
      const tasks = root.children?.find((c) => c.label === 'Tasks');
      assert.deepEqual(tasks?.children?.map((g) => `${g.label}:${g.description}`), ['Blocked:1', 'Doing:1', 'To do:13', 'Done:1']);
      const blocked = tasks?.children?.[0]?.children?.[0];
      assert.equal(blocked?.description, 'Bo Nielsen · 4d · chore · 3 problems');
      assert.equal(blocked?.tooltip, 'CR-14: Remove the legacy PayFast integration\nOwner: Bo Nielsen\nStatus: blocked\nBlocked by: PayFast contract ends only in April\n2 error(s), 1 warning(s)');
      const todo = tasks?.children?.[2]?.children?.[0];
      assert.equal(todo?.description, 'backend team · 4d · billing · multi-service · 1 problem');
      assert.equal(todo?.tooltip, 'CR-2: Idempotency keys for every payment request\nOwner: backend team\nStatus: todo\nRisk: billing, multi-service\n1 error(s), 0 warning(s)');
      assert.equal(buildReleaseNode(folder, summary, 'Marta Silva').children?.[2]?.label, 'Tasks (owner: Marta Silva)');
      assert.equal(statusBarContent(summary, result.findings).text, '$(rocket) checkout-rescue · T-10 · 16 errors');
      const tooltip = statusBarContent(summary, result.findings).tooltip.value;
      assert.ok(tooltip.startsWith('**checkout\\-rescue** · T\\-10 days\n\n- $(error) '), tooltip);
      assert.ok(tooltip.endsWith('- … and 32 more\n\n[Show Problems](command:releasePlan.showProblems) · [Open Dashboard](command:releasePlan.openDashboard) · [Run Go/No-Go](command:releasePlan.runGonogo)'), tooltip);
      const hover = ownerHoverMarkdown(ownerLoads(result).find((l) => l.person === 'Marta Silva')!).value;
      assert.ok(hover.startsWith('**Marta Silva** — 5 open tasks, 13 days estimated of 8 available before target\n\n- CR\\-1 Stop the double charge when Pay is clicked twice (doing, 3d)\n'), hover);
      assert.ok(hover.endsWith('\nRoles: scope, delivery, readiness'), hover);
    });

    it('singular and plural read as before', async () => {
      const clean = await example('clean', '2099-03-26');
      const summary = summarizeRelease(clean)!;
      assert.equal(buildReleaseNode(folder, summary).description, '8 days late · 0 errors, 1 warning');
      assert.equal(statusBarContent(summary, clean.findings).text, '$(rocket) invoices-pdf-v1 · 8 days late · 1 warning');
      const draft = summarizeRelease(await example('draft'))!;
      assert.equal(buildReleaseNode(folder, draft).description, 'no target date · 7 errors, 2 warnings');
      const ok = await example('clean');
      assert.equal(statusBarContent(summarizeRelease(ok)!, ok.findings).text, '$(rocket) invoices-pdf-v1 · T-2 · ok');
      assert.ok(statusBarContent(summarizeRelease(ok)!, ok.findings).tooltip.value.includes('\n\nNo problems found.\n'));
    });
  });

  describe('a pseudo-locale wraps every word the extension shows', () => {
    it('the Release view, the status bar and the hovers: only plan and engine text is left unwrapped', async () => {
      l10n.bundle = (message) => `［${message}］`;
      for (const [name, today] of [['messy', TODAY], ['clean', '2099-03-26'], ['draft', TODAY], ['messy', '2099-03-26']] as const) {
        const result = await example(name, today);
        const summary = summarizeRelease(result)!;
        const loads = ownerLoads(result);
        // Only the plan's own text may be left: the engine's words (findings, rollback readiness, the go/no-go) are translated too.
        // (The Roles section names each role by its key in release.yaml, as the plan writes it.)
        const data = dataStrings(loads.map((l) => l.person), result.plan.release?.data, result.plan.rollback?.data, result.plan.team?.data, RELEASE_ROLES);
        const shown = [...texts(buildReleaseNode(folder, summary)), ...texts(buildReleaseNode(folder, summary, loads[0]?.person)), statusBarContent(summary, result.findings).text, statusBarContent(summary, result.findings).tooltip.value, ...loads.map((l) => ownerHoverMarkdown(l).value)];
        const left = shown.flatMap((text) => {
          const rest = untranslated(text, data);
          return rest === undefined ? [] : [`${JSON.stringify(text)} (left: ${JSON.stringify(rest)})`];
        });
        assert.deepEqual(left, [], `examples/${name} on ${today}: shown without vscode.l10n.t`);
      }
    });
  });

  describe('the dashboard\'s words, from the host', () => {
    it('the host translates every one of them, by its English (src/shared/strings.ts)', () => {
      l10n.bundle = (message) => `［${message}］`;
      const strings = webviewStrings();
      assert.deepEqual(Object.keys(strings).sort(), Object.keys(WEBVIEW_STRINGS).sort());
      for (const [key, english] of Object.entries(WEBVIEW_STRINGS)) assert.equal(strings[key as keyof typeof strings], `［${english}］`, key);
    });

    it('every one is in l10n/bundle.l10n.json under the key the host looks it up by (with its comment)', () => {
      const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string | { message: string; comment: string[] }>;
      const seen: [string, unknown][] = [];
      l10n.bundle = (message, comment) => {
        const key = comment === undefined ? message : `${message}/${comment.join('')}`;
        seen.push([key, bundle[key]]);
        return message;
      };
      webviewStrings();
      assert.equal(seen.length, Object.keys(WEBVIEW_STRINGS).length);
      for (const [key, entry] of seen) assert.ok(entry !== undefined, `not in the bundle: ${key}`);
      // The months share their English with nothing else but need their comment: "May" is a month here.
      assert.deepEqual(bundle['May/The short name of a month in dates such as "16 Mar".'], { message: 'May', comment: ['The short name of a month in dates such as "16 Mar".'] });
    });

    it('puts them in the page (escaped), with the display language and a translated loading line', () => {
      const strings = { loading: 'Chargement de la version… <b>&', dismiss: 'Fermer "x"' };
      const html = dashboardHtml({ cspSource: 'vscode-resource:', nonce: 'n0nce', scriptUri: 's.js', styleUri: 's.css', codiconsUri: 'c.css', title: 'T', strings, lang: 'fr' });
      assert.match(html, /<html lang="fr">/);
      assert.match(html, /<p class="loading">Chargement de la version… &lt;b&gt;&amp;<\/p>/);
      const attribute = /<body data-l10n="([^"]*)">/.exec(html)?.[1];
      assert.ok(attribute !== undefined, 'the words are in the page');
      const decoded = attribute.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
      assert.deepEqual(JSON.parse(decoded), strings);
      // Without a table (the browser tests): English, and lang="en".
      const plain = dashboardHtml({ cspSource: 'x', nonce: 'n', scriptUri: 's', styleUri: 's', codiconsUri: 'c', title: 'T' });
      assert.match(plain, /<html lang="en">/);
      assert.match(plain, /<p class="loading">Loading the release…<\/p>/);
    });

    it('the webview takes only known keys with text, and formats {0} like vscode.l10n.t', () => {
      assert.deepEqual(usableStrings({ loading: 'Chargement', nope: 'x', dismiss: 3, taskCount: '' }), { loading: 'Chargement' });
      assert.deepEqual(usableStrings('not an object'), {});
      assert.equal(formatMessage('{1} of {0} ({2})', [3, 'two']), 'two of 3 ({2})');
    });

    it('counts are whole sentences: no English word gets an "s" or a number glued on by the code', () => {
      for (const [key, english] of Object.entries(WEBVIEW_STRINGS)) {
        assert.ok(!/\{\d+\}\p{L}/u.test(english.replace(/\{\d+\} \/ \{\d+\} d$/, '')), `${key}: a placeholder glued to a word: ${english}`);
        assert.equal(english.trim(), english, `${key}: no leading or trailing space`);
      }
    });
  });
});
