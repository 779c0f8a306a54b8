// The track record (issue 11): target vs launch per release, scope growth after the freeze, rehearsal minutes across releases.
import assert from 'node:assert/strict';
import { loadPlan } from '../../src/core/plan';
import { targetKnownFirst, trackRecord, trackRecordOf, hasTrackRecord, type TrackRow } from '../../src/core/trackRecord';
import { planTimeline } from '../../src/core/timeline';
import { scaffoldFiles } from '../../src/core/scaffold';
import { check, CLEAN_RELEASE_UNDATED, CLEAN_ROLLBACK, files, releaseWith } from './helpers';

const TODAY = '2026-12-01';

/** A past release.yaml: the clean one renamed, with its own target, backup and (optionally) `shipped:` and more. */
function past(name: string, target: string, backup: string, shipped?: { date: string; outcome: string; version?: string }, extra = ''): string {
  let text = releaseWith('release: invoices-v1', `release: ${name}`).replace('target: 2026-12-18', `target: ${target}`).replace('backup: 2026-12-23', `backup: ${backup}`);
  if (shipped) text += `shipped:\n  date: ${shipped.date}\n  outcome: ${shipped.outcome}\n${shipped.version ? `  version: ${shipped.version}\n` : ''}`;
  return text + extra;
}

/** A rollback.yaml with these rehearsals (date, minutes, environment). */
function rollbackWith(...rehearsals: [string, number | undefined, string?][]): string {
  const list = rehearsals.map(([date, minutes, environment = 'staging']) => `  - date: ${date}\n    environment: ${environment}\n${minutes !== undefined ? `    minutes: ${minutes}\n` : ''}`).join('');
  return CLEAN_ROLLBACK.replace(/rehearsals:\n[\s\S]*$/, `rehearsals:\n${list}`);
}

function record(entries: Record<string, string | undefined>, today = TODAY) {
  return trackRecord(loadPlan(files(entries), undefined, false), today);
}

/** The rows without their rehearsal and growth facts (asserted on their own). */
function verdicts(rows: TrackRow[]) {
  return rows.map((row) => ({ name: row.name, target: row.target, shipped: row.shipped?.date, verdict: row.verdict, slippedDays: row.slippedDays, withinBackup: row.withinBackup, unknown: row.unknown }));
}

describe('track record (trackRecord)', () => {
  it('one row per past release, oldest first: on time, slipped by N calendar days, rolled back', () => {
    const result = record({
      'history/login-v3/release.yaml': past('login-v3', '2026-10-02', '2026-10-09', { date: '2026-10-02', outcome: 'shipped', version: '1.4.0' }),
      'history/search-v2/release.yaml': past('search-v2', '2026-08-01', '2026-08-08', { date: '2026-08-04', outcome: 'shipped' }, 'rescue: true\n'),
      'history/billing-v2/release.yaml': past('billing-v2', '2026-06-12', '2026-06-19', { date: '2026-06-11', outcome: 'rolled-back', version: '1.2.0' }),
    });
    assert.deepEqual(verdicts(result.rows), [
      { name: 'billing-v2', target: '2026-06-12', shipped: '2026-06-11', verdict: 'rolled-back', slippedDays: undefined, withinBackup: undefined, unknown: undefined },
      { name: 'search-v2', target: '2026-08-01', shipped: '2026-08-04', verdict: 'slipped', slippedDays: 3, withinBackup: true, unknown: undefined },
      { name: 'login-v3', target: '2026-10-02', shipped: '2026-10-02', verdict: 'on-time', slippedDays: undefined, withinBackup: undefined, unknown: undefined },
    ]);
    const [billing, search, login] = result.rows as [TrackRow, TrackRow, TrackRow];
    assert.deepEqual(login.shipped, { date: '2026-10-02', outcome: 'shipped', version: '1.4.0' });
    assert.deepEqual([billing.rescue, search.rescue, login.rescue], [false, true, false]);
    assert.deepEqual([login.file, login.folder, login.current, login.backup], ['.release/history/login-v3/release.yaml', 'login-v3', false, '2026-10-09']);
    assert.equal(hasTrackRecord(result), true);
  });

  it('counts the slip in calendar days from the target to the launch day; on or before the target is on time; past the backup says so', () => {
    const verdictOn = (date: string) => {
      const [row] = record({ 'history/a/release.yaml': past('a', '2026-10-02', '2026-10-09', { date, outcome: 'shipped' }) }).rows;
      return [row?.verdict, row?.slippedDays, row?.withinBackup];
    };
    assert.deepEqual(verdictOn('2026-09-25'), ['on-time', undefined, undefined]);
    assert.deepEqual(verdictOn('2026-10-02'), ['on-time', undefined, undefined]);
    // A Friday target, launched on Monday: 3 calendar days (the weekend counts).
    assert.deepEqual(verdictOn('2026-10-05'), ['slipped', 3, true]);
    assert.deepEqual(verdictOn('2026-10-09'), ['slipped', 7, true]);
    assert.deepEqual(verdictOn('2026-10-10'), ['slipped', 8, false]);
    // No backup date: nothing said about it.
    const [noBackup] = record({ 'history/a/release.yaml': past('a', '2026-10-02', '2026-10-09', { date: '2026-10-05', outcome: 'shipped' }).replace('backup: 2026-10-09\n', '') }).rows;
    assert.deepEqual([noBackup?.verdict, noBackup?.slippedDays, noBackup?.withinBackup, noBackup?.backup], ['slipped', 3, undefined, undefined]);
  });

  it('unknown, never on time, without a shipped record, without a target, or with a launch dated after today; a called slip is slipped without days', () => {
    const result = record({
      'history/a-none/release.yaml': past('a-none', '2026-03-01', '2026-03-08'),
      'history/b-notarget/release.yaml': past('b-notarget', '2026-04-01', '2026-04-08', { date: '2026-04-01', outcome: 'shipped' }).replace('target: 2026-04-01\n', ''),
      'history/c-future/release.yaml': past('c-future', '2026-05-01', '2026-05-08', { date: '2026-12-24', outcome: 'shipped' }),
      'history/d-called/release.yaml': past('d-called', '2026-06-01', '2026-06-08', { date: '2026-06-01', outcome: 'slipped' }),
      'history/e-baddate/release.yaml': past('e-baddate', '2026-07-01', '2026-07-08', { date: '2026-07-32', outcome: 'shipped' }),
    });
    assert.deepEqual(
      result.rows.map((row) => [row.name, row.verdict, row.unknown, row.slippedDays]),
      [
        // Ordered by launch date, else target (see loadPlan): b-notarget launched 2026-04-01.
        ['a-none', 'unknown', 'no-shipped-record', undefined],
        ['b-notarget', 'unknown', 'no-target', undefined],
        ['d-called', 'slipped', undefined, undefined],
        ['e-baddate', 'unknown', 'no-shipped-record', undefined],
        ['c-future', 'unknown', 'not-yet', undefined],
      ],
    );
  });

  it('the current release is a row (last) once it has a shipped: record; before that only history counts', () => {
    const history = { 'history/login-v3/release.yaml': past('login-v3', '2026-10-02', '2026-10-09', { date: '2026-10-02', outcome: 'shipped' }) };
    const planning = record(history);
    assert.deepEqual(planning.rows.map((row) => [row.name, row.current]), [['login-v3', false]]);
    const shipped = record({ ...history, 'release.yaml': `${CLEAN_RELEASE_UNDATED}shipped:\n  date: 2026-12-21\n  outcome: shipped\n  version: 1.5.0\n` }, '2026-12-22');
    assert.deepEqual(verdicts(shipped.rows).at(-1), { name: 'invoices-v1', target: '2026-12-18', shipped: '2026-12-21', verdict: 'slipped', slippedDays: 3, withinBackup: true, unknown: undefined });
    assert.deepEqual([shipped.rows.at(-1)?.current, shipped.rows.at(-1)?.file, shipped.rows.at(-1)?.folder], [true, '.release/release.yaml', undefined]);
    // Nothing at all: no history and no launch.
    assert.equal(hasTrackRecord(record({})), false);
    assert.deepEqual(record({}).rows, []);
  });

  it('the folder name stands in for a release without a name, with a placeholder name, or without a readable release.yaml', () => {
    const result = record({
      'history/2026-q2/release.yaml': 'problem: x\ntarget: 2026-05-01\n',
      'history/broken/release.yaml': 'release: [\n',
      'history/broken/rollback.yaml': rollbackWith(['2026-01-10', 30]),
      'history/templ/release.yaml': 'release: "<name>"\ntarget: 2026-06-01\n',
    });
    assert.deepEqual(result.rows.map((row) => [row.name, row.verdict, row.unknown, row.target]), [
      ['broken', 'unknown', 'no-shipped-record', undefined],
      ['2026-q2', 'unknown', 'no-shipped-record', '2026-05-01'],
      ['templ', 'unknown', 'no-shipped-record', '2026-06-01'],
    ]);
  });

  describe('scope growth after the freeze', () => {
    const task = (id: string, added: string | undefined, estimate?: number) => `  - id: ${id}\n    title: Task ${id}\n    owner: Bo\n    status: done\n${added ? `    added: ${added}\n` : ''}${estimate !== undefined ? `    estimate: ${estimate}\n` : ''}`;
    const withTasks = (...tasks: string[]) => past('growth', '2026-10-02', '2026-10-09', { date: '2026-10-02', outcome: 'shipped' }).replace(/tasks:\n[\s\S]*?parked:/, `tasks:\n${tasks.join('')}parked:`);

    it('counts the tasks added after freeze.scope (not on it) and sums their estimates; unestimated ones apart', () => {
      // The clean release's freeze.scope is 2026-12-10 (kept in the past release as written).
      const text = withTasks(task('A', '2026-12-01', 3), task('B', '2026-12-10', 1), task('C', '2026-12-11', 2), task('D', '2026-12-15', 1.5), task('E', '2026-12-16'));
      const [row] = record({ 'history/growth/release.yaml': text }).rows;
      assert.deepEqual(row?.growth, { known: true, freeze: '2026-12-10', tasks: 3, estimate: 3.5, unestimated: 1 });
    });

    it('none added late is a known zero; no freeze.scope is unknown', () => {
      const [none] = record({ 'history/growth/release.yaml': withTasks(task('A', '2026-12-01', 1)) }).rows;
      assert.deepEqual(none?.growth, { known: true, freeze: '2026-12-10', tasks: 0, estimate: 0, unestimated: 0 });
      const [unfrozen] = record({ 'history/growth/release.yaml': withTasks(task('A', '2026-12-11', 1)).replace('  scope: 2026-12-10\n', '') }).rows;
      assert.deepEqual(unfrozen?.growth, { known: false, why: 'no-freeze' });
    });

    it('one task without a valid added: makes it unknown (never "none": a late task may hide there)', () => {
      const [row] = record({ 'history/growth/release.yaml': withTasks(task('A', '2026-12-01', 1), task('B', undefined, 2), task('C', '2026-12-11', 1)) }).rows;
      assert.deepEqual(row?.growth, { known: false, why: 'undated', freeze: '2026-12-10', undated: 1 });
      const [bad] = record({ 'history/growth/release.yaml': withTasks(task('A', '2026-12-01', 1), task('B', '2026-12-32', 2)) }).rows;
      assert.deepEqual(bad?.growth, { known: false, why: 'undated', freeze: '2026-12-10', undated: 1 });
    });

    it('agrees with scope-late-addition on the current release', () => {
      const text = `${releaseWith('    estimate: 1\n', '    estimate: 1\n    added: 2026-12-11\n', CLEAN_RELEASE_UNDATED)}shipped:\n  date: 2026-12-18\n  outcome: shipped\n`.replace('    estimate: 2\n', '    estimate: 2\n    added: 2026-11-20\n');
      const result = check({ 'release.yaml': text }, '2026-12-02');
      assert.equal(result.findings.filter((f) => f.code === 'scope-late-addition').length, 1);
      assert.deepEqual(trackRecordOf(result).rows.at(-1)?.growth, { known: true, freeze: '2026-12-10', tasks: 1, estimate: 1, unestimated: 0 });
    });

    describe('tasks without added: on the current release (the day they joined from git, as scope-late-addition)', () => {
      // T1 and T2 have no `added:`; T2 joined in a commit after the scope freeze.
      const SHIPPED = `${CLEAN_RELEASE_UNDATED}shipped:\n  date: 2026-12-18\n  outcome: shipped\n`;
      const FIRST = CLEAN_RELEASE_UNDATED.replace(/  - id: T2\n[\s\S]*?parked:/, 'parked:');
      const versions = [
        { commit: 'a'.repeat(40), author: 'Ana', date: '2026-11-20', text: FIRST },
        { commit: 'b'.repeat(40), author: 'Bo', date: '2026-12-12', text: CLEAN_RELEASE_UNDATED },
      ];

      it('without the history: unknown, though scope-late-addition has nothing to say either', () => {
        const result = check({ 'release.yaml': SHIPPED }, '2026-12-02');
        assert.deepEqual(trackRecordOf(result).rows.at(-1)?.growth, { known: false, why: 'undated', freeze: '2026-12-10', undated: 2 });
      });

      it('with it: T2 is the late task scope-late-addition names; T1 is the starting scope', () => {
        const result = check({ 'release.yaml': SHIPPED }, '2026-12-02', planTimeline(versions));
        assert.deepEqual(result.findings.filter((f) => f.code === 'scope-late-addition').map((f) => f.path), [['tasks', 1, 'id']]);
        assert.deepEqual(trackRecordOf(result).rows.at(-1)?.growth, { known: true, freeze: '2026-12-10', tasks: 1, estimate: 1, unestimated: 0 });
      });

      it('a task git does not know (added since the last commit) keeps it unknown', () => {
        const text = SHIPPED.replace('parked:\n', '  - id: T3\n    title: Late fix\n    owner: Bo\n    status: todo\nparked:\n');
        const result = check({ 'release.yaml': text }, '2026-12-02', planTimeline(versions));
        assert.deepEqual(trackRecordOf(result).rows.at(-1)?.growth, { known: false, why: 'undated', freeze: '2026-12-10', undated: 1 });
      });
    });
  });

  describe('the current release\'s target moves (on time is judged against the final target)', () => {
    const SHIPPED = `${CLEAN_RELEASE_UNDATED}shipped:\n  date: 2026-12-18\n  outcome: shipped\n`;
    const at = (commit: string, date: string, text: string) => ({ commit: commit.repeat(40), author: 'Ana', date, text });

    it('with the history: the first target committed and the moves since; "on time" only when the first target was kept', () => {
      const moved = check({ 'release.yaml': SHIPPED }, '2026-12-21', planTimeline([at('a', '2026-11-01', CLEAN_RELEASE_UNDATED.replace('target: 2026-12-18', 'target: 2026-12-04')), at('b', '2026-11-20', CLEAN_RELEASE_UNDATED.replace('target: 2026-12-18', 'target: 2026-12-11')), at('c', '2026-12-01', CLEAN_RELEASE_UNDATED)]));
      const row = trackRecordOf(moved).rows.at(-1) as TrackRow;
      assert.deepEqual([row.verdict, row.targetHistory, targetKnownFirst(row)], ['on-time', { first: '2026-12-04', moves: 2 }, false]);

      const kept = check({ 'release.yaml': SHIPPED }, '2026-12-21', planTimeline([at('a', '2026-11-01', CLEAN_RELEASE_UNDATED)]));
      const keptRow = trackRecordOf(kept).rows.at(-1) as TrackRow;
      assert.deepEqual([keptRow.verdict, keptRow.targetHistory, targetKnownFirst(keptRow)], ['on-time', { first: '2026-12-18', moves: 0 }, true]);
    });

    it('a cut-off history (shallow clone, version limit): never "on time" against a first target, growth unknown', () => {
      const frozen = SHIPPED.replace('  - id: T2\n', '  - id: T2\n');
      const timeline = planTimeline([at('a', '2026-11-01', frozen)], { reason: 'shallow', commit: 'a'.repeat(40), date: '2026-11-01', read: 1 });
      const row = trackRecordOf(check({ 'release.yaml': frozen }, '2026-12-21', timeline)).rows.at(-1) as TrackRow;
      assert.deepEqual([row.verdict, row.targetHistory, targetKnownFirst(row), row.growth], ['on-time', undefined, false, { known: false, why: 'undated', freeze: '2026-12-10', undated: 2 }]);
      // The same version, read whole: the first target kept, no growth.
      const whole = trackRecordOf(check({ 'release.yaml': frozen }, '2026-12-21', planTimeline([at('a', '2026-11-01', frozen)]))).rows.at(-1) as TrackRow;
      assert.deepEqual([targetKnownFirst(whole), whole.growth], [true, { known: true, freeze: '2026-12-10', tasks: 0, estimate: 0, unestimated: 0 }]);
    });

    it('a draft\'s target (init\'s default) is not the first target: filled in, then kept, is on time against the first (repro rv2/drafty)', () => {
      const init = scaffoldFiles('2026-11-01').get('.release/release.yaml') as string;
      const filled = init.replace('problem: "TODO: the one customer problem this release solves, in one sentence"', 'problem: Customers cannot pay invoices online.').replace(/^target: .*$/m, 'target: 2026-12-18');
      assert.notEqual(filled, init);
      const shipped = `${filled}shipped:\n  date: 2026-12-18\n  outcome: shipped\n`;
      const timeline = planTimeline([at('a', '2026-11-01', init), at('b', '2026-11-02', filled), at('c', '2026-12-18', shipped)]);
      assert.deepEqual(timeline.points.map((point) => point.draft), [true, undefined, undefined]);
      const row = trackRecordOf(check({ 'release.yaml': shipped }, '2026-12-21', timeline)).rows.at(-1) as TrackRow;
      assert.deepEqual([row.verdict, row.targetHistory, targetKnownFirst(row)], ['on-time', { first: '2026-12-18', moves: 0 }, true]);
      // Moved once after the draft: that move counts, as plan-churn counts it.
      const moved = filled.replace('target: 2026-12-18', 'target: 2026-12-11');
      const again = planTimeline([at('a', '2026-11-01', init), at('b', '2026-11-02', moved), at('c', '2026-12-18', shipped)]);
      assert.deepEqual((trackRecordOf(check({ 'release.yaml': shipped }, '2026-12-21', again)).rows.at(-1) as TrackRow).targetHistory, { first: '2026-12-11', moves: 1 });
    });

    it('the file\'s target, not yet committed, counts as one more move', () => {
      const result = check({ 'release.yaml': SHIPPED }, '2026-12-21', planTimeline([at('a', '2026-11-01', CLEAN_RELEASE_UNDATED.replace('target: 2026-12-18', 'target: 2026-12-11'))]));
      assert.deepEqual(trackRecordOf(result).rows.at(-1)?.targetHistory, { first: '2026-12-11', moves: 1 });
    });

    it('without the history, and for past releases: not known to be the first target', () => {
      const row = trackRecordOf(check({ 'release.yaml': SHIPPED }, '2026-12-21')).rows.at(-1) as TrackRow;
      assert.deepEqual([row.verdict, row.targetHistory, targetKnownFirst(row)], ['on-time', undefined, false]);
      const [pastRow] = record({ 'history/a/release.yaml': past('a', '2026-10-02', '2026-10-09', { date: '2026-10-02', outcome: 'shipped' }) }).rows;
      assert.deepEqual([pastRow?.verdict, pastRow?.targetHistory, targetKnownFirst(pastRow as TrackRow)], ['on-time', undefined, false]);
    });
  });

  describe('rehearsal minutes', () => {
    it('each release: the latest and the best timed, production-like rehearsal up to its launch; the trend is each release\'s latest', () => {
      const result = record({
        'history/one/release.yaml': past('one', '2026-06-12', '2026-06-19', { date: '2026-06-12', outcome: 'shipped' }),
        'history/one/rollback.yaml': rollbackWith(['2026-06-01', 55], ['2026-06-08', 40]),
        'history/two/release.yaml': past('two', '2026-08-01', '2026-08-08', { date: '2026-08-04', outcome: 'shipped' }),
        // The best (20) came before the latest (25); a laptop run and an untimed one do not count; one after the launch neither.
        'history/two/rollback.yaml': rollbackWith(['2026-07-20', 20], ['2026-07-28', 25], ['2026-07-30', 9, 'laptop'], ['2026-08-01', undefined], ['2026-08-10', 12]),
        'history/three/release.yaml': past('three', '2026-10-02', '2026-10-09', { date: '2026-10-02', outcome: 'shipped' }),
        'history/three/rollback.yaml': rollbackWith(['2026-09-30', 15]),
        'history/four/release.yaml': past('four', '2026-11-02', '2026-11-09', { date: '2026-11-02', outcome: 'shipped' }),
      });
      assert.deepEqual(
        result.rows.map((row) => [row.name, row.rehearsals]),
        [
          ['one', { count: 2, latest: { date: '2026-06-08', minutes: 40 }, best: { date: '2026-06-08', minutes: 40 }, targetMinutes: 15 }],
          ['two', { count: 2, latest: { date: '2026-07-28', minutes: 25 }, best: { date: '2026-07-20', minutes: 20 }, targetMinutes: 15 }],
          ['three', { count: 1, latest: { date: '2026-09-30', minutes: 15 }, best: { date: '2026-09-30', minutes: 15 }, targetMinutes: 15 }],
          ['four', { count: 0 }],
        ],
      );
      assert.deepEqual(result.rehearsalTrend, [
        { name: 'one', current: false, minutes: 40, date: '2026-06-08' },
        { name: 'two', current: false, minutes: 25, date: '2026-07-28' },
        { name: 'three', current: false, minutes: 15, date: '2026-09-30' },
      ]);
    });

    it('a release not launched yet counts its rehearsals up to today (a planned one is not a result)', () => {
      const [row] = record({ 'history/open/release.yaml': past('open', '2026-12-18', '2026-12-23'), 'history/open/rollback.yaml': rollbackWith(['2026-11-20', 30], ['2026-12-05', 10]) }).rows;
      assert.deepEqual(row?.rehearsals, { count: 1, latest: { date: '2026-11-20', minutes: 30 }, best: { date: '2026-11-20', minutes: 30 }, targetMinutes: 15 });
    });
  });

  describe('reviews', () => {
    it('each past release says whether its review.yaml is written', () => {
      const result = record({
        'history/a/release.yaml': past('a', '2026-06-12', '2026-06-19', { date: '2026-06-12', outcome: 'shipped' }),
        'history/a/review.yaml': 'pattern: Sales asks on Friday.\n',
        'history/b/release.yaml': past('b', '2026-08-01', '2026-08-08', { date: '2026-08-01', outcome: 'shipped' }),
      });
      assert.deepEqual(result.rows.map((row) => [row.name, row.review]), [
        ['a', { state: 'written', file: '.release/history/a/review.yaml' }],
        ['b', { state: 'missing', file: '.release/history/b/review.yaml' }],
      ]);
    });

    it("the current release's review: not due before launch, missing after it, written once review.yaml is there", () => {
      const shippedText = `${CLEAN_RELEASE_UNDATED}shipped:\n  date: 2026-12-18\n  outcome: shipped\n`;
      assert.deepEqual(record({}).review, { state: 'not-due', file: '.release/review.yaml' });
      assert.deepEqual(record({ 'release.yaml': shippedText }, '2026-12-17').review.state, 'not-due');
      assert.deepEqual(record({ 'release.yaml': `${CLEAN_RELEASE_UNDATED}shipped:\n  date: 2026-12-18\n  outcome: slipped\n` }, '2026-12-20').review.state, 'not-due');
      assert.deepEqual(record({ 'release.yaml': shippedText }, '2026-12-18').review.state, 'missing');
      assert.deepEqual(record({ 'release.yaml': shippedText, 'review.yaml': 'pattern: One sentence.\n' }, '2026-12-20').review, { state: 'written', file: '.release/review.yaml' });
      assert.deepEqual(record({ 'release.yaml': shippedText }, '2026-12-20').rows.at(-1)?.review, { state: 'missing', file: '.release/review.yaml' });
    });
  });

  describe('recurring blockers (from the review rules\' recurringBlockers)', () => {
    const blocks = (...what: string[]) => `blocks:\n${what.map((w) => `  - what: ${w}\n    clears: Bo\n`).join('')}`;
    const history = {
      'history/a/release.yaml': past('a', '2026-06-12', '2026-06-19', { date: '2026-06-12', outcome: 'shipped' }),
      'history/a/checkins/2026-06-02.yaml': blocks('Staging is down', 'Waiting for legal'),
      'history/a/checkins/2026-06-03.yaml': blocks('Waiting for legal'),
      'history/b/release.yaml': past('b', '2026-08-01', '2026-08-08', { date: '2026-08-01', outcome: 'shipped' }),
      'history/b/checkins/2026-07-28.yaml': blocks('staging is down.', 'The VPN is flaky'),
    };

    it('lists each blocker reported on two or more days or in two releases, as first written, the most days first', () => {
      assert.deepEqual(record(history).recurringBlockers, [
        { what: 'Staging is down', releases: ['a', 'b'], days: 2, current: false },
        { what: 'Waiting for legal', releases: ['a'], days: 2, current: false },
      ]);
    });

    it('names the current release by its name when it reports the blocker too (then it is still open)', () => {
      const result = record({ ...history, 'checkins/2026-11-30.yaml': blocks('The staging is down') });
      assert.deepEqual(result.recurringBlockers[0], { what: 'Staging is down', releases: ['a', 'b', 'invoices-v1'], days: 3, current: true });
    });

    it('none without blockers that recur', () => {
      assert.deepEqual(record({ 'history/a/release.yaml': past('a', '2026-06-12', '2026-06-19'), 'history/a/checkins/2026-06-02.yaml': blocks('Once') }).recurringBlockers, []);
    });
  });

  it('is computed once per check result and shared', () => {
    const result = check({ 'history/a/release.yaml': past('a', '2026-06-12', '2026-06-19', { date: '2026-06-12', outcome: 'shipped' }) });
    const first = trackRecordOf(result);
    assert.equal(trackRecordOf(result), first);
    assert.deepEqual(first, trackRecord(result.plan, TODAY));
    assert.notEqual(trackRecordOf({ ...result }), first);
  });
});
