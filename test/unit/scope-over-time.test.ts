// Scope over time (issue 11): open tasks and estimate by day from the git timeline, the freezes, late additions.
import assert from 'node:assert/strict';
import { MAX_DAYS, scopeOverTime, scopeOverTimeOf } from '../../src/core/scopeOverTime';
import { planTimeline, type PlanVersion } from '../../src/core/timeline';
import { check, CLEAN_RELEASE, releaseWith } from './helpers';

const commit = (name: string) => name.repeat(40).slice(0, 40);
const C = (n: number) => commit(`c${n}`);

function versions(...list: { author: string; date: string; text: string }[]): PlanVersion[] {
  return list.map((version, index) => ({ commit: C(index + 1), ...version }));
}

function plan(...edits: [string, string][]): string {
  return edits.reduce((text, [find, replace]) => releaseWith(find, replace, text), CLEAN_RELEASE);
}

const T3 = '  - id: T3\n    title: Retry failed exports\n    owner: Bo\n    estimate: 1.5\n';
const T4 = '  - id: T4\n    title: SSO for admins\n    owner: Cy\n    estimate: 2\n';
const PARKED = 'parked:\n';
// The clean release: T1 doing (2 d), T2 todo (1 d); freeze.scope 2026-12-10, freeze.features 2026-11-30.
const START = plan();
const GROWN = plan([PARKED, `${T3}${PARKED}`]);
const LATE = plan([PARKED, `${T3}${T4}${PARKED}`]);
const T1_DONE = plan(['owner: Bo\n    status: doing', 'owner: Bo\n    status: done'], [PARKED, `${T3}${T4}${PARKED}`]);

/** The days without their commits (asserted on their own). */
const series = (days: { date: string; openTasks: number; openEstimate: number; source: string }[]) => days.map((d) => [d.date, d.openTasks, d.openEstimate, d.source]);

describe('scope over time (scopeOverTime)', () => {
  it('one point per day from the first commit to the last; days without a commit carry the previous value; late additions with their author', () => {
    const timeline = planTimeline(
      versions(
        { author: 'Ana Lima', date: '2026-12-05', text: START },
        { author: 'Bo Chen', date: '2026-12-08', text: GROWN },
        { author: 'Cy Diaz', date: '2026-12-11', text: LATE },
      ),
    );
    const scope = scopeOverTime(timeline, LATE, '2026-12-14');
    assert.equal(scope.known, true);
    if (!scope.known) return;
    assert.deepEqual(series(scope.days), [
      ['2026-12-05', 2, 3, 'commit'],
      ['2026-12-06', 2, 3, 'carried'],
      ['2026-12-07', 2, 3, 'carried'],
      ['2026-12-08', 3, 4.5, 'commit'],
      ['2026-12-09', 3, 4.5, 'carried'],
      ['2026-12-10', 3, 4.5, 'carried'],
      ['2026-12-11', 4, 6.5, 'commit'],
    ]);
    assert.deepEqual(
      scope.days.filter((d) => d.source === 'commit').map((d) => [d.author, d.commit]),
      [
        ['Ana Lima', C(1)],
        ['Bo Chen', C(2)],
        ['Cy Diaz', C(3)],
      ],
    );
    assert.deepEqual([scope.release, scope.freezeScope, scope.freezeFeatures, scope.uncommitted, scope.clipped], ['invoices-v1', '2026-12-10', '2026-11-30', false, false]);
    // T3 joined on 12-08: after the feature freeze (11-30), before the scope freeze. T4 on 12-11: after both.
    assert.deepEqual(scope.lateAdditions, [
      { task: 'T3', title: 'Retry failed exports', author: 'Bo Chen', date: '2026-12-08', commit: C(2), freeze: 'features' },
      { task: 'T4', title: 'SSO for admins', author: 'Cy Diaz', date: '2026-12-11', commit: C(3), freeze: 'scope' },
    ]);
  });

  it('of several commits on one day the last one counts; a done task leaves the open count and its estimate', () => {
    const timeline = planTimeline(
      versions(
        { author: 'Ana Lima', date: '2026-12-05', text: START },
        { author: 'Bo Chen', date: '2026-12-06', text: GROWN },
        { author: 'Cy Diaz', date: '2026-12-06', text: LATE },
        { author: 'Dee Park', date: '2026-12-07', text: T1_DONE },
      ),
    );
    const scope = scopeOverTime(timeline, T1_DONE, '2026-12-07');
    assert.ok(scope.known);
    assert.deepEqual(series(scope.days), [
      ['2026-12-05', 2, 3, 'commit'],
      ['2026-12-06', 4, 6.5, 'commit'],
      ['2026-12-07', 3, 4.5, 'commit'],
    ]);
    assert.deepEqual(scope.days.map((d) => d.author), ['Ana Lima', 'Cy Diaz', 'Dee Park']);
  });

  it('uncommitted edits: the plan as it is now is one more point on today, its freezes are the ones shown', () => {
    const timeline = planTimeline(versions({ author: 'Ana Lima', date: '2026-12-05', text: START }, { author: 'Bo Chen', date: '2026-12-07', text: GROWN }));
    const working = releaseWith('  scope: 2026-12-10', '  scope: 2026-12-12', LATE);
    const scope = scopeOverTime(timeline, working, '2026-12-09');
    assert.ok(scope.known);
    assert.deepEqual(series(scope.days), [
      ['2026-12-05', 2, 3, 'commit'],
      ['2026-12-06', 2, 3, 'carried'],
      ['2026-12-07', 3, 4.5, 'commit'],
      ['2026-12-08', 3, 4.5, 'carried'],
      ['2026-12-09', 4, 6.5, 'uncommitted'],
    ]);
    assert.equal(scope.days[4]?.author, undefined);
    assert.deepEqual([scope.uncommitted, scope.freezeScope, scope.freezeFeatures], [true, '2026-12-12', '2026-11-30']);
    // Tasks added in uncommitted edits have no author yet: not listed as late additions.
    assert.deepEqual(scope.lateAdditions, [{ task: 'T3', title: 'Retry failed exports', author: 'Bo Chen', date: '2026-12-07', commit: C(2), freeze: 'features' }]);

    // Edited on the day of the last commit: the working plan is that day's value.
    const sameDay = scopeOverTime(timeline, LATE, '2026-12-07');
    assert.ok(sameDay.known);
    assert.deepEqual(series(sameDay.days).slice(-1), [['2026-12-07', 4, 6.5, 'uncommitted']]);
    assert.equal(sameDay.days.length, 3);
  });

  it('a working plan that counts the same as the last commit adds nothing (a reworded title, a comment)', () => {
    const timeline = planTimeline(versions({ author: 'Ana Lima', date: '2026-12-05', text: START }));
    const reworded = `# a comment\n${releaseWith('title: Download button', 'title: Download PDF button', START)}`;
    const scope = scopeOverTime(timeline, reworded, '2026-12-20');
    assert.ok(scope.known);
    assert.deepEqual(series(scope.days), [['2026-12-05', 2, 3, 'commit']]);
    assert.equal(scope.uncommitted, false);
    // A working plan of another release (started afresh) is not this release's today.
    const other = scopeOverTime(timeline, releaseWith('release: invoices-v1', 'release: invoices-v2', LATE), '2026-12-20');
    assert.ok(other.known);
    assert.equal(other.days.length, 1);
  });

  it('no timeline (no git, no commits of this release) is said, never an empty series', () => {
    assert.deepEqual(scopeOverTime(undefined, START, '2026-12-05'), { known: false, why: 'no-history' });
    assert.deepEqual(scopeOverTime(planTimeline([]), START, '2026-12-05'), { known: false, why: 'no-history' });
    // Versions without a usable date give no day.
    assert.deepEqual(scopeOverTime(planTimeline(versions({ author: 'Ana Lima', date: '', text: START })), START, '2026-12-05'), { known: false, why: 'no-history' });
  });

  it(`draws at most ${MAX_DAYS} days: older ones are left out, the value then in force carried into the first day`, () => {
    const timeline = planTimeline(versions({ author: 'Ana Lima', date: '2020-01-01', text: START }, { author: 'Bo Chen', date: '2026-12-05', text: GROWN }));
    const scope = scopeOverTime(timeline, GROWN, '2026-12-05');
    assert.ok(scope.known);
    assert.equal(scope.days.length, MAX_DAYS);
    assert.deepEqual(series([scope.days[0]!, scope.days[MAX_DAYS - 1]!]), [
      ['2024-12-05', 2, 3, 'carried'],
      ['2026-12-05', 3, 4.5, 'commit'],
    ]);
    assert.equal(scope.clipped, true);
  });

  it('a cut-off history says so: the first day is where the reading starts', () => {
    const cut = { reason: 'shallow' as const, commit: C(1), date: '2026-12-05', read: 2 };
    const scope = scopeOverTime(planTimeline(versions({ author: 'Ana Lima', date: '2026-12-05', text: START }, { author: 'Bo Chen', date: '2026-12-07', text: GROWN }), cut), undefined, '2026-12-07');
    assert.ok(scope.known);
    assert.deepEqual(scope.cutOff, cut);
    const whole = scopeOverTime(planTimeline(versions({ author: 'Ana Lima', date: '2026-12-05', text: START })), undefined, '2026-12-07');
    assert.ok(whole.known);
    assert.equal(whole.cutOff, undefined);
  });

  it('scopeOverTimeOf: from the check (its timeline for the plan\'s release, its text, its today), once per result', () => {
    const timeline = planTimeline(versions({ author: 'Ana Lima', date: '2026-11-20', text: START }));
    const result = check({ 'release.yaml': GROWN }, '2026-11-22', timeline);
    const scope = scopeOverTimeOf(result);
    assert.strictEqual(scopeOverTimeOf(result), scope);
    assert.ok(scope.known);
    assert.deepEqual(series(scope.days), [
      ['2026-11-20', 2, 3, 'commit'],
      ['2026-11-21', 2, 3, 'carried'],
      ['2026-11-22', 3, 4.5, 'uncommitted'],
    ]);
    // A timeline of another release is no history of this one.
    const renamed = check({ 'release.yaml': releaseWith('release: invoices-v1', 'release: invoices-v2', GROWN) }, '2026-11-22', timeline);
    assert.deepEqual(scopeOverTimeOf(renamed), { known: false, why: 'no-history' });
    assert.deepEqual(scopeOverTimeOf(check({ 'release.yaml': GROWN }, '2026-11-22')), { known: false, why: 'no-history' });
  });
});
