import assert from 'node:assert/strict';
import { planTimeline, type PlanVersion } from '../../src/core/timeline';
import { check, CLEAN_RELEASE_UNDATED, covered, expectFinding, expectNo, only, releaseWith, single } from './helpers';


/** `count` extra open tasks, each with its own owner so no one is overloaded. */
function tasks(count: number, extra = ''): string {
  return Array.from({ length: count }, (_, i) => `  - id: X${i}\n    title: item ${i}\n    owner: P${i}\n    status: todo\n${extra}`).join('');
}
const withTasks = (text: string) => ({ 'release.yaml': releaseWith('parked:', `${text}parked:`) });

describe('scope rules', () => {
  describe('scope-too-many-tasks', () => {
    it('fires above the open-task limit, at the tasks key', () => {
      const finding = expectFinding(withTasks(tasks(11)), 'scope-too-many-tasks', { severity: 'warning', covers: 'tasks' });
      assert.match(finding.message, /13 open tasks; the limit is 12/);
    });

    it('does not fire at the limit, and done tasks do not count', () => {
      expectNo(withTasks(tasks(10)), 'scope-too-many-tasks');
      expectNo(withTasks(tasks(11, '').replace(/status: todo/g, 'status: done')), 'scope-too-many-tasks');
    });

    it('follows config.yaml limits.open_tasks', () => {
      expectFinding({ 'config.yaml': 'limits:\n  open_tasks: 1\n' }, 'scope-too-many-tasks', { severity: 'warning', covers: 'tasks' });
      expectNo({ 'config.yaml': 'limits:\n  open_tasks: 2\n' }, 'scope-too-many-tasks');
    });
  });

  describe('scope-too-risky', () => {
    it('fires on each open risky task beyond the limit, at its risk key', () => {
      const finding = expectFinding(withTasks(tasks(3, '    risk: [billing]\n')), 'scope-too-risky', { severity: 'warning', covers: 'risk' });
      assert.deepEqual(finding.path, ['tasks', 4, 'risk']);
      assert.match(finding.message, /3 open risky tasks \(X0, X1, X2\); the limit is 2/);
    });

    it('does not fire at the limit, nor for done risky tasks or an empty risk list', () => {
      expectNo(withTasks(tasks(2, '    risk: [migration]\n    rollback: down migration\n')), 'scope-too-risky');
      expectNo(withTasks(tasks(3, '    risk: [billing]\n').replace(/status: todo/g, 'status: done')), 'scope-too-risky');
      expectNo(withTasks(tasks(3, '    risk: []\n')), 'scope-too-risky');
    });
  });

  describe('scope-refactor', () => {
    it('fires on an open refactor, at its kind value', () => {
      expectFinding(withTasks(tasks(1, '    kind: refactor\n')), 'scope-refactor', { severity: 'warning', covers: 'refactor' });
    });

    it('does not fire on other kinds or on a finished refactor', () => {
      expectNo(withTasks(tasks(1, '    kind: fix\n')), 'scope-refactor');
      expectNo(withTasks(tasks(1, '    kind: refactor\n').replace('status: todo', 'status: done')), 'scope-refactor');
    });

    const titled = (title: string, extra = '') => withTasks(`  - id: X0\n    title: ${title}\n    owner: P0\n    status: todo\n${extra}`);

    for (const [title, reason] of [
      ['Rewrite auth', 'it rewrites something that already works'],
      ['Clean up the database layer', 'it cleans up internals customers never see'],
      ['Replace the component library', 'it swaps a library, a framework or an internal layer'],
      ['Tidy the deployment setup', 'it cleans up internals customers never see'],
      ['Migrate the frontend to the Svelte framework', 'it moves the code to another library or framework'],
      ['Refactor the invoice module', 'it restructures existing code'],
      // Review 1: rework, rebuild, modernise, reimplement, port to a language, library swaps, internal layers.
      ['Rework the checkout code', 'it rewrites something that already works'],
      ['Rebuild the billing service', 'it rebuilds something that already works'],
      ['Modernize the legacy invoice module', 'it rebuilds something that already works'],
      ['Reimplement search in Rust', 'it moves working code to another language or platform'],
      ['Port the API to Go', 'it moves working code to another language or platform'],
      ['Replace Moment.js with date-fns', 'it swaps one library or framework for another'],
      ['Replace lodash with native array methods', 'it swaps one library or framework for another'],
      ['Migrate from Webpack to Vite', 'it swaps one library or framework for another'],
      ['Migrate from MySQL to Postgres', 'it swaps one library or framework for another'],
      ['Switch to Tailwind', 'it moves the code to another library or framework'],
      ['Replace the cache layer', 'it swaps a library, a framework or an internal layer'],
      ['Rebuild the cache layer', 'it rebuilds something that already works'],
    ] as const) {
      it(`fires on the title "${title}", at the title`, () => {
        const finding = expectFinding(titled(title), 'scope-refactor', { severity: 'warning', covers: title });
        assert.equal(finding.message, `Task X0 reads as a refactor: ${reason}. A rescue release ships the fix for the one customer problem, not a rework: park it. If this work is itself the fix for the customer problem, set \`kind: fix\` and it is no longer reported.`);
      });
    }

    it('does not fire on ordinary features that use the same verbs', () => {
      for (const title of ["Replace the card form's error text", 'Clean up expired sessions nightly', 'Rewrite the error messages in plain words', 'Move the export button to the toolbar', 'Replace Stripe with Adyen for EU cards']) {
        expectNo(titled(title), 'scope-refactor');
      }
    });

    it('does not fire on features that share words with refactors: a port number, a billing switch, a nightly rebuild, copy, a product plan', () => {
      for (const title of [
        'Port number setting for the SMTP server',
        'Switch to annual billing in the plan picker',
        'Rebuild the search index nightly',
        'Rebuild the thumbnails for old uploads',
        'Rework the onboarding e-mails',
        'Replace e-mail with SMS for login codes',
        'Replace the expired TLS certificate',
        'Migrate customers to the Express plan',
        'Move customers from the Basic plan to Starter',
        'Let customers go live in the new region',
        'Add Go support to the SDK page',
      ]) {
        expectNo(titled(title), 'scope-refactor');
      }
    });

    it('reports a title that matches several refactor patterns once, with the first reason', () => {
      const finding = expectFinding(titled('Rewrite and refactor the cache layer in Rust'), 'scope-refactor', { severity: 'warning', covers: 'Rewrite and refactor the cache layer in Rust' });
      assert.match(finding.message, /reads as a refactor: it restructures existing code\. .*set `kind: fix` and it is no longer reported\.$/);
    });

    it('does not fire on a refactor-like title with `kind: fix`, or on a done task', () => {
      expectNo(titled('Rewrite auth', '    kind: fix\n'), 'scope-refactor');
      expectNo(withTasks('  - id: X0\n    title: Rewrite auth\n    owner: P0\n    status: done\n'), 'scope-refactor');
    });

    it('fires once, on the kind, for `kind: refactor` with a refactor title', () => {
      expectFinding(titled('Rewrite auth', '    kind: refactor\n'), 'scope-refactor', { severity: 'warning', covers: 'refactor' });
    });
  });

  describe('scope-late-addition', () => {
    it('fires on a task added after freeze.scope, at the added date', () => {
      const finding = expectFinding(withTasks(tasks(1, '    added: 2026-12-11\n')), 'scope-late-addition', { severity: 'warning', covers: '2026-12-11' });
      assert.match(finding.message, /after the scope froze on 2026-12-10/);
    });

    it('fires on a feature added after freeze.features but before freeze.scope, saying which freeze', () => {
      const finding = expectFinding(withTasks(tasks(1, '    added: 2026-12-01\n')), 'scope-late-addition', { severity: 'warning', covers: '2026-12-01' });
      assert.match(finding.message, /new feature added on 2026-12-01, after feature requests stopped on 2026-11-30 \(freeze\.features\)/);
      expectFinding(withTasks(tasks(1, '    kind: feature\n    added: 2026-12-01\n')), 'scope-late-addition', { severity: 'warning', covers: '2026-12-01' });
    });

    it('reports a task late for both freezes once, naming the scope freeze', () => {
      const finding = expectFinding(withTasks(tasks(1, '    added: 2026-12-11\n')), 'scope-late-addition', { severity: 'warning', covers: '2026-12-11' });
      assert.match(finding.message, /freeze\.scope/);
    });

    it('does not apply freeze.features to fixes and other kinds', () => {
      expectNo(withTasks(tasks(1, '    kind: fix\n    added: 2026-12-01\n')), 'scope-late-addition');
      expectNo(withTasks(tasks(1, '    kind: test\n    added: 2026-12-01\n')), 'scope-late-addition');
    });

    it('does not fire on the freeze day itself, nor without a freeze', () => {
      expectNo(withTasks(tasks(1, '    kind: fix\n    added: 2026-12-10\n')), 'scope-late-addition');
      expectNo(withTasks(tasks(1, '    added: 2026-11-30\n')), 'scope-late-addition');
      const noFreeze = releaseWith('freeze:\n  scope: 2026-12-10\n  features: 2026-11-30\n', '', releaseWith('parked:', `${tasks(1, '    added: 2026-12-11\n')}parked:`));
      expectNo({ 'release.yaml': noFreeze }, 'scope-late-addition');
    });
  });

  describe('scope-added-unknown', () => {
    // CLEAN_RELEASE_UNDATED: T1 (line 27) and T2 (line 32) say nothing of when they joined; freeze.scope 2026-12-10, freeze.features 2026-11-30.
    const UNDATED = { 'release.yaml': CLEAN_RELEASE_UNDATED };
    const versions = (...texts: string[]): PlanVersion[] => texts.map((text, i) => ({ commit: `c${i + 1}`.repeat(20), author: 'Ana', date: `2026-11-${20 + i}`, text }));

    it('fires once on the passed freeze.scope, naming the undated tasks, each as related information on its id', () => {
      const finding = expectFinding(UNDATED, 'scope-added-unknown', { severity: 'info', covers: '2026-12-10', today: '2026-12-11' });
      assert.equal(finding.message, "The plan cannot tell whether scope grew after it froze on 2026-12-10 (freeze.scope): 2 tasks (T1, T2) have no valid `added:` date, and no commit in the plan's history dates them. Write the day each joined the release as `added:`.");
      assert.deepEqual(finding.related?.map((r) => [r.message, covered(CLEAN_RELEASE_UNDATED, r as never)]), [['Task T1 has no valid `added:` date.', 'T1'], ['Task T2 has no valid `added:` date.', 'T2']]);
    });

    it('after freeze.features only (before freeze.scope), names the feature tasks alone, on freeze.features', () => {
      const fixKind = { 'release.yaml': releaseWith('    estimate: 1\n', '    estimate: 1\n    kind: fix\n', CLEAN_RELEASE_UNDATED) };
      const finding = expectFinding(fixKind, 'scope-added-unknown', { severity: 'info', covers: '2026-11-30', today: '2026-12-01' });
      assert.equal(finding.message, "The plan cannot tell whether a new feature joined after feature requests stopped on 2026-11-30 (freeze.features): feature task T1 has no valid `added:` date, and no commit in the plan's history dates it. Write the day it joined the release as `added:`.");
    });

    it('lists five tasks and counts the rest', () => {
      const many = { 'release.yaml': releaseWith('parked:', `${tasks(6)}parked:`, CLEAN_RELEASE_UNDATED) };
      const finding = single(check(many, '2026-12-11'), 'scope-added-unknown');
      assert.match(finding.message, /: 8 tasks \(T1, T2, X0, X1, X2 and 3 more\) have no valid/);
      assert.equal(finding.related?.length, 8);
    });

    it('counts a task whose added: is not a date (date-invalid says why), and git does not replace it', () => {
      const invalid = releaseWith('    estimate: 1\n', '    estimate: 1\n    added: 2026-11-31\n', CLEAN_RELEASE_UNDATED);
      const timeline = planTimeline(versions(invalid));
      const finding = single(check({ 'release.yaml': invalid }, '2026-12-11', timeline), 'scope-added-unknown');
      assert.match(finding.message, /task T2 has no valid `added:` date/);
      assert.deepEqual(finding.related?.map((r) => covered(invalid, r as never)), ['T2']);
    });

    it('is silent before any freeze has passed (the freeze day itself included), without a freeze, and when every task is dated', () => {
      expectNo(UNDATED, 'scope-added-unknown', '2026-11-30');
      expectNo({ 'release.yaml': releaseWith('freeze:\n  scope: 2026-12-10\n  features: 2026-11-30\n', '', CLEAN_RELEASE_UNDATED) }, 'scope-added-unknown', '2026-12-11');
      expectNo({}, 'scope-added-unknown', '2026-12-11');
      // Only fixes after freeze.features: no feature can have joined late yet.
      expectNo({ 'release.yaml': CLEAN_RELEASE_UNDATED.replace(/    estimate: (\d)\n/g, '    estimate: $1\n    kind: fix\n') }, 'scope-added-unknown', '2026-12-01');
    });

    it('is silent when the plan\'s history dates the tasks: the first commit\'s tasks are its starting scope, a later one joined on its commit\'s day', () => {
      const first = CLEAN_RELEASE_UNDATED.replace(/  - id: T2\n[\s\S]*?parked:/, 'parked:');
      expectNo(UNDATED, 'scope-added-unknown', '2026-12-11', planTimeline(versions(first, CLEAN_RELEASE_UNDATED)));
    });

    it('still fires for a task the history does not date: not committed yet, or before a cut-off history', () => {
      const first = CLEAN_RELEASE_UNDATED.replace(/  - id: T2\n[\s\S]*?parked:/, 'parked:');
      // T2 is in the file, in no commit yet.
      const uncommitted = single(check(UNDATED, '2026-12-11', planTimeline(versions(first))), 'scope-added-unknown');
      assert.match(uncommitted.message, /task T2 has no valid `added:` date/);
      // A shallow clone: the oldest version read is not where the plan started.
      const cut = planTimeline(versions(CLEAN_RELEASE_UNDATED), { reason: 'shallow', commit: 'c1'.repeat(20), date: '2026-11-20', read: 1 });
      assert.ok(cut.truncated, 'a cut-off history');
      assert.match(single(check(UNDATED, '2026-12-11', cut), 'scope-added-unknown').message, /2 tasks \(T1, T2\)/);
    });

    it('a plan first committed after the freeze does not date its tasks: the first version is the starting scope only if committed by the freeze (review 2 of issue 12)', () => {
      const late = (date: string) => planTimeline([{ commit: 'c1'.repeat(20), author: 'Ana', date, text: CLEAN_RELEASE_UNDATED }]);
      assert.match(single(check(UNDATED, '2026-12-11', late('2026-12-11')), 'scope-added-unknown').message, /2 tasks \(T1, T2\)/);
      expectNo(UNDATED, 'scope-added-unknown', '2026-12-11', late('2026-12-10'));
      // After freeze.features only: the first commit must be by that freeze.
      assert.match(single(check(UNDATED, '2026-12-01', late('2026-12-01')), 'scope-added-unknown').message, /2 feature tasks \(T1, T2\)/);
    });

    it('a task whose id or title another task shares is not dated by git, and scope-late-addition does not guess which one joined (review 2 of issue 12)', () => {
      const T3 = '  - id: T3\n    title: Export as CSV\n    owner: Cy\n';
      const T2again = '  - id: T2\n    title: Export as CSV\n    owner: Cy\n';
      const first = releaseWith('parked:', `${T3}parked:`, CLEAN_RELEASE_UNDATED);
      const now = releaseWith('parked:', `${T3}${T2again}parked:`, CLEAN_RELEASE_UNDATED);
      const timeline = planTimeline(versions(first, now).map((v, i) => ({ ...v, date: i === 0 ? '2026-11-20' : '2026-12-11' })));
      const result = check({ 'release.yaml': now }, '2026-12-12', timeline);
      assert.deepEqual(only(result, 'scope-late-addition'), []);
      assert.match(single(result, 'scope-added-unknown').message, /2 tasks \(T2, T2\) have no valid/);
    });

    it('an old task\'s id and its title now on two tasks (renamed X1 → X9 plus new work as X1, or a retitled X1 plus new work under its old title): which is the old one is not known, so neither is dated and no finding blames either (review 2 of issue 12)', () => {
      const T1new = '  - id: T1\n    title: Export as CSV too\n    owner: Cy\nparked:';
      // Renamed: T1 becomes T9 keeping its title, and new work takes the id T1.
      const renamed = CLEAN_RELEASE_UNDATED.replace('  - id: T1\n    title: PDF export endpoint\n', '  - id: T9\n    title: PDF export endpoint\n').replace('parked:', T1new);
      // Retitled: T1 keeps its id with a new title, and new work (T9) takes T1's old title.
      const retitled = CLEAN_RELEASE_UNDATED.replace('  - id: T1\n    title: PDF export endpoint\n', '  - id: T1\n    title: PDF export endpoint, signed\n').replace('parked:', '  - id: T9\n    title: PDF export endpoint\n    owner: Cy\nparked:');
      for (const now of [renamed, retitled]) {
        const timeline = planTimeline([{ commit: 'c1'.repeat(20), author: 'Ana', date: '2026-11-20', text: CLEAN_RELEASE_UNDATED }, { commit: 'c2'.repeat(20), author: 'Cy', date: '2026-12-11', text: now }]);
        const result = check({ 'release.yaml': now }, '2026-12-12', timeline);
        assert.deepEqual(only(result, 'scope-late-addition'), []);
        const undated = single(result, 'scope-added-unknown');
        assert.deepEqual(undated.related?.map((r) => r.message).sort(), ['Task T1 has no valid `added:` date.', 'Task T9 has no valid `added:` date.']);
      }
    });

    it('a freeze deleted after a task joined late: git still knows the freeze in force, and the task is late (review 2 of issue 12)', () => {
      const T9 = '  - id: T9\n    title: Export as CSV too\n    owner: Cy\n';
      const withT9 = releaseWith('parked:', `${T9}parked:`, CLEAN_RELEASE_UNDATED);
      const noFreeze = releaseWith('freeze:\n  scope: 2026-12-10\n  features: 2026-11-30\n', '', withT9);
      const timeline = planTimeline([
        { commit: 'c1'.repeat(20), author: 'Ana', date: '2026-11-20', text: CLEAN_RELEASE_UNDATED },
        { commit: 'c2'.repeat(20), author: 'Cy', date: '2026-12-11', text: withT9 },
        { commit: 'c3'.repeat(20), author: 'Bo', date: '2026-12-12', text: noFreeze },
      ]);
      const late = single(check({ 'release.yaml': noFreeze }, '2026-12-13', timeline), 'scope-late-addition');
      assert.match(late.message, /^Task T9 was added on 2026-12-11 by Cy \(commit c2c2c2c\), after the scope froze on 2026-12-10 \(freeze\.scope\)/);
    });

    it('is not checked after launch (from the shipped date; the day before it still is)', () => {
      const shipped = { 'release.yaml': `${CLEAN_RELEASE_UNDATED}shipped:\n  date: 2026-12-12\n  outcome: shipped\n` };
      expectFinding(shipped, 'scope-added-unknown', { severity: 'info', covers: '2026-12-10', today: '2026-12-11' });
      expectNo(shipped, 'scope-added-unknown', '2026-12-12');
    });
  });

  describe('scope-over-capacity', () => {
    it('fires when open estimates exceed people × working days left', () => {
      // Bo and Cy, 13 working days each before 2026-12-18: 26 days. Estimates 2 + 25 = 27.
      const release = releaseWith('    estimate: 1\n', '    estimate: 25\n');
      const finding = expectFinding({ 'release.yaml': release }, 'scope-over-capacity', { severity: 'warning', covers: 'tasks' });
      assert.match(finding.message, /27 days/);
      assert.match(finding.message, /2 people have 26 working days/);
    });

    it('does not fire when the estimates fit', () => {
      expectNo({ 'release.yaml': releaseWith('    estimate: 1\n', '    estimate: 24\n') }, 'scope-over-capacity');
    });

    it('measures against target on the target day itself: that day is all that is left', () => {
      // Friday 2026-12-18: Bo (2 days) and Cy (1 day) have 1 working day each.
      const finding = expectFinding({}, 'scope-over-capacity', { severity: 'warning', covers: 'tasks', today: '2026-12-18' });
      assert.equal(finding.message, 'Open estimates add up to 3 days, but 2 people have 2 working days before the release today. Cut scope until it fits.');
      expectNo({ 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 1\n') }, 'scope-over-capacity', '2026-12-18');
    });

    it('counts every person in team.yaml as capacity', () => {
      const team = 'people:\n  - name: Ana\n  - name: Bo\n  - name: Cy\n';
      // Three people: 39 days; 2 + 25 fits.
      expectNo({ 'release.yaml': releaseWith('    estimate: 1\n', '    estimate: 25\n'), 'team.yaml': team }, 'scope-over-capacity');
    });
  });

  it('reports nothing about scope for the clean plan', () => {
    const result = check();
    assert.deepEqual(result.findings.filter((f) => f.code.startsWith('scope-') || f.code.startsWith('problem-')), []);
    assert.deepEqual(only(result, 'scope-over-capacity'), []);
  });
});
