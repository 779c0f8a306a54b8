// The track record and the launch as the extension shows them: the Release view's History node and
// review row, the release row and status bar after launch (the launch as the state, not a verdict).
import { l10n } from './vscode-stub'; // first: makes require('vscode') the stub
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkPlan } from '../../src/core/engine';
import { summarizeRelease } from '../../src/core/summary';
import { trackRecordOf } from '../../src/core/trackRecord';
import { statusBarContent } from '../../src/extension/statusBar';
import { buildReleaseNode, type ReleaseNode } from '../../src/extension/tree/releaseTree';
import { launchLine } from '../../src/extension/words';
import { CLEAN_RELEASE_UNDATED, files, releaseWith } from './helpers';

const folder = { uri: { scheme: 'file', path: '/w', toString: () => 'file:///w' }, name: 'w', index: 0 } as never;

function past(name: string, target: string, shipped: string, outcome = 'shipped', extra = ''): string {
  return `${releaseWith('release: invoices-v1', `release: ${name}`, CLEAN_RELEASE_UNDATED).replace('target: 2026-12-18', `target: ${target}`).replace('backup: 2026-12-23', 'backup: 2026-12-31')}shipped:\n  date: ${shipped}\n  outcome: ${outcome}\n${extra}`;
}

const HISTORY = {
  'history/search-v2/release.yaml': past('search-v2', '2026-08-01', '2026-08-04', 'shipped', 'rescue: true\n'),
  'history/billing-v2/release.yaml': past('billing-v2', '2026-06-12', '2026-06-11', 'rolled-back'),
  'history/login-v3/release.yaml': past('login-v3', '2026-10-02', '2026-10-02'),
  'history/login-v3/review.yaml': 'pattern: Sales asks on Friday.\n',
  'history/login-v3/rollback.yaml': 'rehearsals:\n  - date: 2026-09-20\n    minutes: 22\n  - date: 2026-09-28\n    minutes: 25\n',
};

function view(entries: Record<string, string | undefined>, today: string) {
  const result = checkPlan(files(entries), { today, cache: false });
  const summary = summarizeRelease(result)!;
  return { result, summary, root: buildReleaseNode(folder, summary, undefined, trackRecordOf(result)) };
}

const child = (node: ReleaseNode | undefined, label: string) => node?.children?.find((c) => c.label === label);

describe('track record in the extension', () => {
  afterEach(() => {
    l10n.bundle = undefined;
  });

  describe('the Release view', () => {
    it('a History node, collapsed, lists the past releases oldest first with their outcome and verdict, each opening its release.yaml', () => {
      const { root } = view(HISTORY, '2026-12-01');
      assert.deepEqual(root.children?.map((c) => c.label), ['Problem', 'Roles', 'Tasks', 'Rollback readiness', 'Go/No-Go', 'Parked', 'History']);
      const history = child(root, 'History')!;
      assert.equal(history.expanded, false);
      assert.equal(history.description, '3');
      assert.deepEqual(
        history.children?.map((c) => [c.label, c.description, c.location?.file, c.location?.range.start.line]),
        [
          ['billing-v2', 'rolled back 2026-06-11', '.release/history/billing-v2/release.yaml', 0],
          ['search-v2', 'shipped 2026-08-04, slipped by 3 days', '.release/history/search-v2/release.yaml', 0],
          ['login-v3', 'shipped 2026-10-02, on time (final target)', '.release/history/login-v3/release.yaml', 0],
        ],
      );
      assert.equal(
        history.children?.[1]?.tooltip,
        'search-v2 (rescue release)\nTarget 2026-08-01 · backup 2026-12-31\nshipped 2026-08-04, slipped by 3 days\nScope growth after the freeze: unknown (tasks without added:)\nNo timed rollback rehearsal\nReview: not written',
      );
      assert.match(history.children?.[2]?.tooltip ?? '', /\nLast rollback rehearsal: 25 min \(best 22 min\)\nReview: written$/);
    });

    it('slipped by 1 day, a called slip, no record and no target read as such', () => {
      const { root } = view(
        {
          'history/a/release.yaml': past('a', '2026-03-01', '2026-03-02'),
          'history/b/release.yaml': past('b', '2026-04-01', '2026-04-01', 'slipped'),
          'history/c/release.yaml': releaseWith('release: invoices-v1', 'release: c').replace('target: 2026-12-18', 'target: 2026-05-01'),
          'history/d/release.yaml': past('d', '2026-06-01', '2026-06-05').replace('target: 2026-06-01\n', ''),
        },
        '2026-12-01',
      );
      assert.deepEqual(
        child(root, 'History')?.children?.map((c) => [c.label, c.description]),
        [
          ['a', 'shipped 2026-03-02, slipped by 1 day'],
          ['b', 'slip called 2026-04-01, nothing went out'],
          ['c', 'no shipped record: needs an answer'],
          ['d', 'shipped 2026-06-05, no target date to compare'],
        ],
      );
    });

    it('no History node without history; no review row before launch', () => {
      const { root } = view({}, '2026-12-01');
      assert.deepEqual(root.children?.map((c) => c.label), ['Problem', 'Roles', 'Tasks', 'Rollback readiness', 'Go/No-Go', 'Parked']);
    });

    it('after launch: the release row shows the launch; "Review: not written" until review.yaml is there, then "Review: written" opens it', () => {
      const shipped = `${CLEAN_RELEASE_UNDATED}shipped:\n  date: 2026-12-18\n  outcome: shipped\n  version: 1.5.0\n`;
      const missing = view({ 'release.yaml': shipped }, '2026-12-20').root;
      assert.equal(missing.description, 'Shipped 1.5.0 on 2026-12-18');
      const review = child(missing, 'Review: not written');
      assert.ok(review, 'the review row');
      assert.equal(review.location, undefined);
      assert.equal(review.contextValue, 'reviewMissing');
      // A click starts the review (the tree item runs it for this folder); package.json offers it inline too.
      assert.deepEqual(review.run, { command: 'releasePlan.startReview', title: 'Start Post-Release Review' });
      assert.equal(child(missing, 'History'), undefined, 'the current release is not history');
      const written = view({ 'release.yaml': shipped, 'review.yaml': 'pattern: One sentence.\n' }, '2026-12-20').root;
      const row = child(written, 'Review: written');
      assert.deepEqual([row?.location?.file, row?.contextValue, row?.run], ['.release/review.yaml', 'review', undefined]);
      const menus = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { contributes: { menus: Record<string, { command: string; when?: string; group?: string }[]> } }).contributes.menus['view/item/context'] ?? [];
      assert.deepEqual(
        menus.filter((m) => m.when?.includes('viewItem == reviewMissing')).map((m) => [m.command, m.group]),
        [
          ['releasePlan.startReview', 'inline@1'],
          ['releasePlan.startReview', '1_edit@1'],
        ],
      );
      assert.equal(child(written, 'Review: not written'), undefined);
    });
  });

  describe('the launch as the state', () => {
    it('launchLine: shipped or rolled back, with or without a version', () => {
      assert.equal(launchLine({ date: '2026-12-18', outcome: 'shipped', version: '1.5.0' }), 'Shipped 1.5.0 on 2026-12-18');
      assert.equal(launchLine({ date: '2026-12-18', outcome: 'shipped' }), 'Shipped on 2026-12-18');
      assert.equal(launchLine({ date: '2026-12-18', outcome: 'rolled-back', version: '1.5.0' }), 'Rolled back 1.5.0 on 2026-12-18');
      assert.equal(launchLine({ date: '2026-12-18', outcome: 'rolled-back' }), 'Rolled back on 2026-12-18');
    });

    it('the status bar: "Shipped 1.5.0 on …" instead of a countdown, the engine\'s sentence in the tooltip, no Run Go/No-Go link', () => {
      const { result, summary } = view({ 'release.yaml': `${CLEAN_RELEASE_UNDATED}shipped:\n  date: 2026-12-18\n  outcome: shipped\n  version: 1.5.0\n` }, '2026-12-20');
      const { text, tooltip } = statusBarContent(summary, result.findings);
      assert.equal(text, '$(rocket) invoices-v1 · Shipped 1.5.0 on 2026-12-18');
      assert.equal(
        tooltip.value,
        '**invoices\\-v1** · Shipped 1\\.5\\.0 on 2026\\-12\\-18\n\nShipped 1\\.5\\.0 on 2026\\-12\\-18: the go/no\\-go is history and is not asked again\\.\n\nNo problems found.\n\n[Show Problems](command:releasePlan.showProblems) · [Open Dashboard](command:releasePlan.openDashboard)',
      );
      // During the watch the rollback rules still apply: a problem is still counted after the state (a stale rehearsal here).
      const rolledBack = view({ 'release.yaml': `${CLEAN_RELEASE_UNDATED}shipped:\n  date: 2026-12-18\n  outcome: rolled-back\n` }, '2026-12-18');
      assert.deepEqual(rolledBack.result.findings.filter((f) => f.severity !== 'info').map((f) => f.code), ['rollback-rehearsal-stale']);
      assert.equal(statusBarContent(rolledBack.summary, rolledBack.result.findings).text, '$(rocket) invoices-v1 · Rolled back on 2026-12-18 · 1 warning');
    });

    it('before launch the status bar counts down as before', () => {
      const { result, summary } = view({}, '2026-12-01');
      assert.match(statusBarContent(summary, result.findings).text, /^\$\(rocket\) invoices-v1 · T-17 · /);
    });
  });

  it('a pseudo-locale wraps every new word: only plan text and dates are left', () => {
    l10n.bundle = (message) => `［${message}］`;
    const { root } = view({ ...HISTORY, 'release.yaml': `${CLEAN_RELEASE_UNDATED}shipped:\n  date: 2026-12-18\n  outcome: shipped\n` }, '2026-12-20');
    const history = child(root, '［History］');
    const review = root.children?.find((c) => c.label === '［Review: not written］');
    assert.ok(history && review, JSON.stringify(root.children?.map((c) => c.label)));
    const texts = [root.description, review.tooltip, history.tooltip, ...(history.children ?? []).flatMap((c) => [c.description, c.tooltip])];
    for (const text of texts) {
      const rest = String(text)
        .replace(/［[^［］]*］/g, ' ')
        .replace(/search-v2|billing-v2|login-v3|invoices-v1|\.release\/review\.yaml/g, ' ');
      assert.doesNotMatch(rest, /\p{L}/u, `untranslated in ${JSON.stringify(text)}`);
    }
  });
});
