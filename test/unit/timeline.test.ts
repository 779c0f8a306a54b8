import assert from 'node:assert/strict';
import { planTimeline, type PlanVersion, type Timeline } from '../../src/core/timeline';
import { scaffoldFiles } from '../../src/core/scaffold';
import { check, CLEAN_RELEASE_UNDATED, covered, expectFinding, expectNo, releaseWith, single, textOf, TODAY } from './helpers';

/** A 40-hex commit hash from a short name: `commit('a1')` is 'a1a1a1…'. */
const commit = (name: string) => name.repeat(40).slice(0, 40);

/** Versions oldest first, each a commit `c1`, `c2`, … by `author` on `date`. */
function versions(...list: { author: string; date: string; text: string }[]): PlanVersion[] {
  return list.map((version, index) => ({ commit: commit(`c${index + 1}`), ...version }));
}

const C = (n: number) => commit(`c${n}`);

/** The clean release (target 2026-12-18, freeze.scope 2026-12-10, freeze.features 2026-11-30, tasks T1 and T2) with edits. */
function plan(...edits: [string, string][]): string {
  return edits.reduce((text, [find, replace]) => releaseWith(find, replace, text), CLEAN_RELEASE_UNDATED);
}

const T3 = `  - id: T3
    title: Retry failed exports
    owner: Bo
    estimate: 1.5
`;
const T4 = `  - id: T4
    title: Export as CSV too
    owner: Cy
    estimate: 2
`;
const PARKED = 'parked:\n';

/** Three versions: the plan starts (Ana), grows and moves (Bo), and changes after the scope froze (Cy). */
const HISTORY = versions(
  { author: 'Ana Lima', date: '2026-11-20', text: plan(['target: 2026-12-18', 'target: 2026-12-10']) },
  { author: 'Bo Chen', date: '2026-11-25', text: plan(['target: 2026-12-18', 'target: 2026-12-14'], ['owner: Bo\n    status: doing', 'owner: Dee\n    status: doing'], [PARKED, `${T3}${PARKED}`]) },
  {
    author: 'Cy Diaz',
    date: '2026-12-12',
    text: plan(
      ['    owner: Bo\n    status: doing', '    owner: Dee\n    status: done'],
      ['  - id: T2\n    title: Download button\n    owner: Cy\n    status: todo\n    estimate: 1\n', `${T3}${T4}`],
      ['problem: Customers cannot download their invoices as PDF.', 'problem: Customers cannot get their invoices as PDF from the billing page.'],
      ['  stop: Ana', '  stop: Cy'],
    ),
  },
);

describe('planTimeline (the plan from its git history)', () => {
  it('lists every change with its commit, author and date, and the plan after each version', () => {
    const timeline = planTimeline(HISTORY);
    const by = (n: number, author: string, date: string) => ({ commit: C(n), author, date });
    assert.deepEqual(timeline.events, [
      { ...by(1, 'Ana Lima', '2026-11-20'), kind: 'task-added', task: 'T1', title: 'PDF export endpoint', initial: true },
      { ...by(1, 'Ana Lima', '2026-11-20'), kind: 'task-added', task: 'T2', title: 'Download button', initial: true },
      { ...by(2, 'Bo Chen', '2026-11-25'), kind: 'owner-changed', task: 'T1', from: 'Bo', to: 'Dee' },
      // freeze.features was 2026-11-30: on 2026-11-25 no freeze was in force.
      { ...by(2, 'Bo Chen', '2026-11-25'), kind: 'task-added', task: 'T3', title: 'Retry failed exports' },
      { ...by(2, 'Bo Chen', '2026-11-25'), kind: 'target-moved', from: '2026-12-10', to: '2026-12-14' },
      { ...by(3, 'Cy Diaz', '2026-12-12'), kind: 'task-removed', task: 'T2', title: 'Download button' },
      { ...by(3, 'Cy Diaz', '2026-12-12'), kind: 'task-done', task: 'T1', title: 'PDF export endpoint' },
      { ...by(3, 'Cy Diaz', '2026-12-12'), kind: 'task-added', task: 'T4', title: 'Export as CSV too', afterFreeze: 'scope', frozen: '2026-12-10' },
      { ...by(3, 'Cy Diaz', '2026-12-12'), kind: 'target-moved', from: '2026-12-14', to: '2026-12-18' },
      { ...by(3, 'Cy Diaz', '2026-12-12'), kind: 'role-changed', role: 'stop', from: 'Ana', to: 'Cy' },
      { ...by(3, 'Cy Diaz', '2026-12-12'), kind: 'problem-rewritten', from: 'Customers cannot download their invoices as PDF.', to: 'Customers cannot get their invoices as PDF from the billing page.' },
    ]);
    const freezes = { freezeScope: '2026-12-10', freezeFeatures: '2026-11-30' };
    assert.deepEqual(timeline.points, [
      { ...by(1, 'Ana Lima', '2026-11-20'), openTasks: 2, openEstimate: 3, target: '2026-12-10', ...freezes },
      { ...by(2, 'Bo Chen', '2026-11-25'), openTasks: 3, openEstimate: 4.5, target: '2026-12-14', ...freezes },
      { ...by(3, 'Cy Diaz', '2026-12-12'), openTasks: 2, openEstimate: 3.5, target: '2026-12-18', ...freezes },
    ]);
    assert.equal(timeline.release, 'invoices-v1');
    assert.deepEqual(timeline.origins, [
      { ...by(1, 'Ana Lima', '2026-11-20'), task: 'T1', title: 'PDF export endpoint', initial: true },
      { ...by(2, 'Bo Chen', '2026-11-25'), task: 'T3', title: 'Retry failed exports' },
      { ...by(3, 'Cy Diaz', '2026-12-12'), task: 'T4', title: 'Export as CSV too', afterFreeze: 'scope', frozen: '2026-12-10' },
    ]);
  });

  it('marks a feature added after freeze.features (and before freeze.scope), not a fix', () => {
    const fix = T4.replace('    estimate: 2\n', '    estimate: 2\n    kind: fix\n');
    const timeline = planTimeline(versions({ author: 'Ana', date: '2026-11-20', text: CLEAN_RELEASE_UNDATED }, { author: 'Bo', date: '2026-12-02', text: plan([PARKED, `${T3}${fix}${PARKED}`]) }));
    assert.deepEqual(
      timeline.events.filter((event) => event.kind === 'task-added' && !('initial' in event)),
      [
        { commit: C(2), author: 'Bo', date: '2026-12-02', kind: 'task-added', task: 'T3', title: 'Retry failed exports', afterFreeze: 'features', frozen: '2026-11-30' },
        { commit: C(2), author: 'Bo', date: '2026-12-02', kind: 'task-added', task: 'T4', title: 'Export as CSV too' },
      ],
    );
  });

  it('skips versions that do not parse or name no release, without closing the release', () => {
    const timeline = planTimeline(
      versions(
        { author: 'Ana', date: '2026-11-20', text: plan(['target: 2026-12-18', 'target: 2026-12-10']) },
        { author: 'Bo', date: '2026-11-21', text: 'release: [unclosed\n' },
        { author: 'Bo', date: '2026-11-23', text: '- a list\n' },
        { author: 'Bo', date: '2026-11-24', text: plan(['release: invoices-v1\n', '']) },
        { author: 'Cy', date: '2026-11-25', text: CLEAN_RELEASE_UNDATED },
      ),
    );
    assert.deepEqual(
      timeline.points.map((point) => point.commit),
      [C(1), C(5)],
    );
    assert.deepEqual(
      timeline.events.filter((event) => !(event.kind === 'task-added' && event.initial)),
      [{ commit: C(5), author: 'Cy', date: '2026-11-25', kind: 'target-moved', from: '2026-12-10', to: '2026-12-18' }],
    );
  });

  it('starts the release afresh after the file was deleted or emptied', () => {
    for (const gone of ['', '  \n']) {
      const timeline = planTimeline(
        versions(
          { author: 'Ana', date: '2026-11-20', text: plan(['target: 2026-12-18', 'target: 2026-12-10']) },
          { author: 'Bo', date: '2026-11-22', text: gone },
          { author: 'Cy', date: '2026-11-25', text: CLEAN_RELEASE_UNDATED },
          { author: 'Dee', date: '2026-11-26', text: plan(['target: 2026-12-18', 'target: 2026-12-19']) },
        ),
      );
      assert.deepEqual(timeline.points.map((point) => point.commit), [C(3), C(4)]);
      assert.deepEqual(
        timeline.events.filter((event) => event.kind === 'target-moved'),
        [{ commit: C(4), author: 'Dee', date: '2026-11-26', kind: 'target-moved', from: '2026-12-18', to: '2026-12-19' }],
      );
    }
  });

  it('closes a release when its launch record goes: the next one does not inherit its moves, even under the same name', () => {
    const shipped = (text: string, outcome = 'shipped') => `${text}shipped:\n  date: 2026-12-18\n  outcome: ${outcome}\n`;
    // As `next` writes it: new dates, the parked candidates as its tasks (none of the closed release's).
    const next = plan(['target: 2026-12-18', 'target: 2027-01-20'], ['backup: 2026-12-23', 'backup: 2027-01-27'], [CLEAN_RELEASE_UNDATED.slice(CLEAN_RELEASE_UNDATED.indexOf('  - id: T1'), CLEAN_RELEASE_UNDATED.indexOf(PARKED)), T4]);
    for (const outcome of ['shipped', 'rolled-back']) {
      // Closed, and the next release reuses the name invoices-v1 (the review's repro g5).
      const timeline = planTimeline(
        versions(
          { author: 'Ana', date: '2026-11-20', text: plan(['target: 2026-12-18', 'target: 2026-12-10']) },
          { author: 'Ana', date: '2026-11-21', text: CLEAN_RELEASE_UNDATED },
          { author: 'Ana', date: '2026-12-18', text: shipped(CLEAN_RELEASE_UNDATED, outcome) },
          { author: 'Bo', date: '2026-12-20', text: next },
          { author: 'Bo', date: '2026-12-21', text: next.replace('target: 2027-01-20', 'target: 2027-01-22') },
        ),
      );
      assert.equal(timeline.release, 'invoices-v1');
      assert.deepEqual(timeline.points.map((point) => [point.commit, point.target]), [
        [C(4), '2027-01-20'],
        [C(5), '2027-01-22'],
      ]);
      assert.deepEqual(
        timeline.events.filter((event) => event.kind === 'target-moved'),
        [{ commit: C(5), author: 'Bo', date: '2026-12-21', kind: 'target-moved', from: '2027-01-20', to: '2027-01-22' }],
      );
    }
    // A slip is no launch: the release goes on, its moves count.
    const early = plan(['target: 2026-12-18', 'target: 2026-12-10']);
    const slipped = planTimeline(versions({ author: 'Ana', date: '2026-11-20', text: early }, { author: 'Ana', date: '2026-12-10', text: shipped(early, 'slipped') }, { author: 'Bo', date: '2026-12-11', text: CLEAN_RELEASE_UNDATED }));
    assert.deepEqual(slipped.points.map((point) => point.commit), [C(1), C(2), C(3)]);
  });

  it('an undone launch record (Mark as Shipped, Undo, committed) does not close the release: same name, same tasks (repro rv2/unship)', () => {
    const shipped = `${CLEAN_RELEASE_UNDATED}shipped:\n  date: 2026-11-22\n  outcome: shipped\n`;
    const moved = plan(['target: 2026-12-18', 'target: 2026-12-21']);
    const timeline = planTimeline(
      versions(
        { author: 'Ana', date: '2026-11-20', text: plan(['target: 2026-12-18', 'target: 2026-12-10']) },
        { author: 'Ana', date: '2026-11-21', text: CLEAN_RELEASE_UNDATED },
        { author: 'Ana', date: '2026-11-22', text: shipped },
        { author: 'Ana', date: '2026-11-22', text: CLEAN_RELEASE_UNDATED },
        { author: 'Bo', date: '2026-11-23', text: moved },
      ),
    );
    assert.deepEqual(timeline.points.map((point) => point.commit), [C(1), C(2), C(3), C(4), C(5)]);
    assert.deepEqual(timeline.origins.map((origin) => [origin.task, origin.commit, origin.initial]), [['T1', C(1), true], ['T2', C(1), true]]);
    assert.equal(timeline.events.filter((event) => event.kind === 'target-moved').length, 2);
    // The record goes and the release is renamed: started afresh, though a task carried over.
    const renamed = planTimeline(versions({ author: 'Ana', date: '2026-11-20', text: CLEAN_RELEASE_UNDATED }, { author: 'Ana', date: '2026-11-22', text: shipped }, { author: 'Bo', date: '2026-11-23', text: plan(['release: invoices-v1', 'release: invoices-v2']) }));
    assert.deepEqual(renamed.points.map((point) => point.commit), [C(3)]);
  });

  it('keeps the history through a rename of the release: a task added after the freeze stays late (repro g6)', () => {
    const renamed = plan(['release: invoices-v1', 'release: Invoices v1'], [PARKED, `${T4}${PARKED}`]);
    const history = versions({ author: 'Ana', date: '2026-11-20', text: CLEAN_RELEASE_UNDATED }, { author: 'Bo', date: '2026-12-11', text: plan([PARKED, `${T4}${PARKED}`]) }, { author: 'Ann', date: '2026-12-12', text: renamed });
    const timeline = planTimeline(history);
    assert.equal(timeline.release, 'Invoices v1');
    assert.deepEqual(timeline.points.map((point) => point.commit), [C(1), C(2), C(3)]);
    assert.deepEqual(timeline.origins[2], { commit: C(2), author: 'Bo', date: '2026-12-11', task: 'T4', title: 'Export as CSV too', afterFreeze: 'scope', frozen: '2026-12-10' });
    const finding = expectFinding({ 'release.yaml': renamed }, 'scope-late-addition', { severity: 'warning', covers: 'T4', today: '2026-12-14', timeline });
    assert.equal(finding.message, `Task T4 was added on 2026-12-11 by Bo (commit ${C(2).slice(0, 7)}), after the scope froze on 2026-12-10 (freeze.scope). Park it, or have the scope owner trade it for something of equal size.`);
  });

  it('marks a version that came in a merge, its events and the tasks it brought (the merger is their author)', () => {
    const history: PlanVersion[] = [
      { commit: C(1), author: 'Ana', date: '2026-11-20', text: CLEAN_RELEASE_UNDATED },
      { commit: C(2), author: 'Mia Merger', date: '2026-12-12', text: plan([PARKED, `${T4}${PARKED}`], ['target: 2026-12-18', 'target: 2026-12-19']), merge: true },
    ];
    const timeline = planTimeline(history);
    const merged = { commit: C(2), author: 'Mia Merger', date: '2026-12-12', merge: true as const };
    assert.deepEqual(timeline.events.slice(2), [
      { ...merged, kind: 'task-added', task: 'T4', title: 'Export as CSV too', afterFreeze: 'scope', frozen: '2026-12-10' },
      { ...merged, kind: 'target-moved', from: '2026-12-18', to: '2026-12-19' },
    ]);
    assert.deepEqual(timeline.origins[2], { ...merged, task: 'T4', title: 'Export as CSV too', afterFreeze: 'scope', frozen: '2026-12-10' });
    const finding = expectFinding({ 'release.yaml': history[1]?.text as string }, 'scope-late-addition', { severity: 'warning', covers: 'T4', today: '2026-12-14', timeline });
    assert.equal(finding.message, `Task T4 was merged in on 2026-12-12 by Mia Merger (merge commit ${C(2).slice(0, 7)}), after the scope froze on 2026-12-10 (freeze.scope). Park it, or have the scope owner trade it for something of equal size.`);
  });

  it('knows a task by its id, else its title: a task that gains an id, or is renamed, is the same task', () => {
    const untitled = plan(['  - id: T2\n    title: Download button', '  - title: Download button']);
    const renamed = plan(['  - id: T1\n    title: PDF export endpoint', '  - id: T1\n    title: PDF export API']);
    const timeline = planTimeline(
      versions({ author: 'Ana', date: '2026-11-20', text: untitled }, { author: 'Bo', date: '2026-11-21', text: CLEAN_RELEASE_UNDATED }, { author: 'Cy', date: '2026-11-22', text: renamed }),
    );
    assert.deepEqual(
      timeline.events.map((event) => [event.kind, 'task' in event ? event.task : '']),
      [
        ['task-added', 'T1'],
        ['task-added', 'Download button'],
      ],
    );
    assert.deepEqual(
      timeline.origins.map((origin) => [origin.task, origin.title, origin.commit]),
      [
        ['T1', 'PDF export API', C(1)],
        ['T2', 'Download button', C(1)],
      ],
    );
  });

  it('does not call a re-wrapped problem statement a rewrite; a first target is no move', () => {
    const wrapped = plan(['problem: Customers cannot download their invoices as PDF.', 'problem: >-\n  Customers cannot download\n  their invoices as PDF.']);
    const timeline = planTimeline(versions({ author: 'Ana', date: '2026-11-20', text: plan(['target: 2026-12-18\n', '']) }, { author: 'Bo', date: '2026-11-21', text: wrapped }));
    assert.deepEqual(
      timeline.events.filter((event) => event.kind !== 'task-added'),
      [{ commit: C(2), author: 'Bo', date: '2026-11-21', kind: 'target-moved', to: '2026-12-18' }],
    );
  });

  it('is empty for no versions, and a task re-added after removal joins again', () => {
    assert.deepEqual(planTimeline([]), { events: [], points: [], origins: [] });
    const without = plan(['  - id: T2\n    title: Download button\n    owner: Cy\n    status: todo\n    estimate: 1\n', '']);
    const timeline = planTimeline(versions({ author: 'Ana', date: '2026-11-20', text: CLEAN_RELEASE_UNDATED }, { author: 'Bo', date: '2026-11-21', text: without }, { author: 'Cy', date: '2026-12-11', text: CLEAN_RELEASE_UNDATED }));
    assert.deepEqual(timeline.origins[1], { commit: C(3), author: 'Cy', date: '2026-12-11', task: 'T2', title: 'Download button', afterFreeze: 'scope', frozen: '2026-12-10' });
  });
});

/** A timeline whose target moved `moves` times (2026-12-10 → 12-14 → 12-18 for two). */
function churn(moves: number, release = CLEAN_RELEASE_UNDATED): Timeline {
  const dates = ['2026-12-04', '2026-12-08', '2026-12-10', '2026-12-14', '2026-12-18'].slice(5 - moves - 1);
  const authors = ['Ana Lima', 'Bo Chen', 'Cy Diaz', 'Dee Park', 'Ed Ruiz', 'Fay Wu'];
  return planTimeline(dates.map((target, index) => ({ commit: commit(`d${index + 1}`), author: authors[index] as string, date: `2026-11-${String(20 + index).padStart(2, '0')}`, text: releaseWith('target: 2026-12-18', `target: ${target}`, release) })));
}

describe('plan-churn', () => {
  it('warns at the target value when the target moved twice, with each move as related information', () => {
    const finding = expectFinding({}, 'plan-churn', { severity: 'warning', covers: '2026-12-18', timeline: churn(2) });
    assert.equal(finding.message, 'The target date moved 2 times in this release, last from 2026-12-14 to 2026-12-18 on 2026-11-22 by Cy Diaz. A date that keeps moving is not a commitment: cut scope to fit this one and hold it.');
    assert.deepEqual(
      finding.related?.map((info) => [info.file, covered(textOf({}, info.file), { ...finding, range: info.range }), info.message]),
      [
        ['.release/release.yaml', '2026-12-18', `Moved from 2026-12-10 to 2026-12-14 on 2026-11-21 by Bo Chen (commit ${commit('d2').slice(0, 7)}).`],
        ['.release/release.yaml', '2026-12-18', `Moved from 2026-12-14 to 2026-12-18 on 2026-11-22 by Cy Diaz (commit ${commit('d3').slice(0, 7)}).`],
      ],
    );
  });

  it('counts every move (four here)', () => {
    const finding = single(check({}, '2026-12-01', churn(4)), 'plan-churn');
    assert.match(finding.message, /^The target date moved 4 times in this release, last from 2026-12-14 to 2026-12-18 on 2026-11-24 by Ed Ruiz\./);
    assert.equal(finding.related?.length, 4);
  });

  it('does not fire for one move, without a timeline, for another release’s timeline, or after launch', () => {
    expectNo({}, 'plan-churn', TODAY, churn(1));
    expectNo({}, 'plan-churn', TODAY);
    expectNo({}, 'plan-churn', TODAY, churn(2, releaseWith('release: invoices-v1', 'release: invoices-v0')));
    const shipped = { 'release.yaml': `${CLEAN_RELEASE_UNDATED}shipped:\n  date: 2026-12-18\n  outcome: shipped\n` };
    expectNo(shipped, 'plan-churn', '2026-12-18', churn(2));
    expectNo(shipped, 'plan-churn', '2026-12-25', churn(2));
  });

  it('does not count setting the first target or removing it as a move', () => {
    const texts = [releaseWith('target: 2026-12-18\n', ''), releaseWith('target: 2026-12-18', 'target: 2026-12-14'), releaseWith('target: 2026-12-18\n', ''), CLEAN_RELEASE_UNDATED];
    const timeline = planTimeline(texts.map((text, index) => ({ commit: commit(`e${index}`), author: 'Ana', date: `2026-11-2${index}`, text })));
    assert.equal(timeline.events.filter((event) => event.kind === 'target-moved').length, 3);
    expectNo({}, 'plan-churn', TODAY, timeline);
  });

  it('does not count a move made while the plan was a draft: init’s default target filled in, then one real move (repro g9)', () => {
    // `release-plan init` on 2026-11-20: a placeholder problem, a default target 2026-12-11.
    const init = scaffoldFiles('2026-11-20').get('.release/release.yaml') as string;
    const filled = releaseWith('problem: "TODO: the one customer problem this release solves, in one sentence"', 'problem: Customers cannot pay invoices online.', releaseWith('target: 2026-12-11', 'target: 2026-12-14', init));
    const texts = [init, filled, releaseWith('target: 2026-12-14', 'target: 2026-12-18', filled)];
    const history = texts.map((text, index) => ({ commit: commit(`f${index}`), author: ['Ann', 'Ann', 'Bob'][index] as string, date: `2026-11-2${index}`, text }));
    const timeline = planTimeline(history);
    assert.deepEqual(
      timeline.events.filter((event) => event.kind === 'target-moved' || event.kind === 'backup-moved'),
      [
        { commit: commit('f1'), author: 'Ann', date: '2026-11-21', kind: 'target-moved', from: '2026-12-11', to: '2026-12-14', draft: true },
        { commit: commit('f2'), author: 'Bob', date: '2026-11-22', kind: 'target-moved', from: '2026-12-14', to: '2026-12-18' },
      ],
    );
    const latest = { 'release.yaml': texts[2] as string };
    expectNo(latest, 'plan-churn', '2026-11-23', timeline);
    // A second real move: now it moved twice (the draft move still not counted).
    const again = releaseWith('target: 2026-12-18', 'target: 2026-12-21', texts[2]);
    const more = planTimeline([...history, { commit: commit('f3'), author: 'Cy', date: '2026-11-23', text: again }]);
    const finding = single(check({ 'release.yaml': again }, '2026-11-24', more), 'plan-churn');
    assert.equal(finding.message, 'The target date moved 2 times in this release, last from 2026-12-18 to 2026-12-21 on 2026-11-23 by Cy. A date that keeps moving is not a commitment: cut scope to fit this one and hold it.');
    assert.deepEqual(finding.related?.map((info) => info.message), [`Moved from 2026-12-14 to 2026-12-18 on 2026-11-22 by Bob (commit ${commit('f2').slice(0, 7)}).`, `Moved from 2026-12-18 to 2026-12-21 on 2026-11-23 by Cy (commit ${commit('f3').slice(0, 7)}).`]);
  });

  it('says when a move reached the main line in a merge, naming who merged it', () => {
    const moves = churn(2);
    const merged = planTimeline(['2026-12-10', '2026-12-14', '2026-12-18'].map((target, index) => ({ commit: commit(`m${index}`), author: ['Ana', 'Bo', 'Mia'][index] as string, date: `2026-11-2${index}`, text: releaseWith('target: 2026-12-18', `target: ${target}`), ...(index === 2 ? { merge: true as const } : {}) })));
    assert.equal(moves.events.some((event) => event.merge), false);
    const finding = single(check({}, TODAY, merged), 'plan-churn');
    assert.deepEqual(finding.related?.map((info) => info.message), [`Moved from 2026-12-10 to 2026-12-14 on 2026-11-21 by Bo (commit ${commit('m1').slice(0, 7)}).`, `Moved from 2026-12-14 to 2026-12-18 on 2026-11-22 in a merge by Mia (merge commit ${commit('m2').slice(0, 7)}).`]);
  });
});

describe('scope-late-addition from git (no added:)', () => {
  const today = '2026-12-14';
  const entries = { 'release.yaml': (HISTORY[2] as PlanVersion).text };

  it('uses the commit that added the task and names its author, at the task id', () => {
    const finding = expectFinding(entries, 'scope-late-addition', { severity: 'warning', covers: 'T4', today, timeline: planTimeline(HISTORY) });
    assert.equal(finding.message, `Task T4 was added on 2026-12-12 by Cy Diaz (commit ${C(3).slice(0, 7)}), after the scope froze on 2026-12-10 (freeze.scope). Park it, or have the scope owner trade it for something of equal size.`);
  });

  it('names the author of a feature added after freeze.features, at the title of a task without an id', () => {
    const late = '  - title: Export as CSV too\n    owner: Cy\n    estimate: 2\n';
    const history = versions({ author: 'Ana Lima', date: '2026-11-20', text: CLEAN_RELEASE_UNDATED }, { author: 'Bo Chen', date: '2026-12-03', text: plan([PARKED, `${late}${PARKED}`]) });
    const latest = { 'release.yaml': (history[1] as PlanVersion).text };
    const finding = expectFinding(latest, 'scope-late-addition', { severity: 'warning', covers: 'Export as CSV too', today, timeline: planTimeline(history) });
    assert.equal(finding.message, `Task #3 is a new feature added on 2026-12-03 by Bo Chen (commit ${C(2).slice(0, 7)}), after feature requests stopped on 2026-11-30 (freeze.features). Park it for the next release, or set \`kind:\` if it is not a feature.`);
  });

  it('lets `added:` in the file win over git, and says nothing without a timeline', () => {
    const dated = { 'release.yaml': releaseWith('    title: Export as CSV too\n', '    title: Export as CSV too\n    added: 2026-11-29\n', entries['release.yaml']) };
    expectNo(dated, 'scope-late-addition', today, planTimeline(HISTORY));
    const wrong = { 'release.yaml': releaseWith('    title: Export as CSV too\n', '    title: Export as CSV too\n    added: 2026-13-45\n', entries['release.yaml']) };
    expectNo(wrong, 'scope-late-addition', today, planTimeline(HISTORY));
    expectNo(entries, 'scope-late-addition', today);
  });

  it('never calls the scope the plan started with late, nor a task git has not seen yet', () => {
    // The plan's first commit came after the freeze: its tasks are the starting scope.
    const first = versions({ author: 'Ana', date: '2026-12-12', text: entries['release.yaml'] });
    expectNo(entries, 'scope-late-addition', today, planTimeline(first));
    // T4 is in the file but in no commit yet.
    const committed = planTimeline(HISTORY.slice(0, 2));
    expectNo(entries, 'scope-late-addition', today, committed);
  });
});

describe('a cut-off history (shallow clone, version limit)', () => {
  const cut = (reason: 'shallow' | 'limit', n = 1) => ({ reason, commit: C(n), date: '2026-11-20', read: 3 });

  it('starts nowhere: the oldest version’s tasks have no origin and no event, nothing is initial', () => {
    const timeline = planTimeline(HISTORY, cut('shallow'));
    assert.deepEqual(timeline.truncated, cut('shallow'));
    assert.deepEqual(
      timeline.events.filter((event) => event.kind === 'task-added'),
      [
        { commit: C(2), author: 'Bo Chen', date: '2026-11-25', kind: 'task-added', task: 'T3', title: 'Retry failed exports' },
        { commit: C(3), author: 'Cy Diaz', date: '2026-12-12', kind: 'task-added', task: 'T4', title: 'Export as CSV too', afterFreeze: 'scope', frozen: '2026-12-10' },
      ],
    );
    // T1 was in the oldest version read: when it joined is unknown.
    assert.deepEqual(timeline.origins.map((origin) => origin.task), ['T3', 'T4']);
    assert.equal(timeline.events.some((event) => event.kind === 'task-added' && event.initial), false);
    assert.equal(timeline.points.length, 3);
  });

  it('is whole when a closure is among the versions read: the release began after it', () => {
    const shipped = `${plan(['release: invoices-v1', 'release: invoices-v0'])}shipped:\n  date: 2026-11-19\n  outcome: shipped\n`;
    const list: PlanVersion[] = [{ commit: commit('z0'), author: 'Zed', date: '2026-11-18', text: shipped }, ...HISTORY];
    const timeline = planTimeline(list, { reason: 'limit', commit: commit('z0'), date: '2026-11-18', read: 4 });
    assert.equal(timeline.truncated, undefined);
    assert.equal(timeline.origins.filter((origin) => origin.initial).length, 1);
  });

  it('plan-churn counts the moves it saw and says "at least", still from two', () => {
    const moved = churn(2);
    const finding = single(check({}, TODAY, { ...moved, truncated: { reason: 'shallow', commit: commit('d1'), date: '2026-11-20', read: 3 } }), 'plan-churn');
    assert.equal(finding.message, 'The target date moved at least 2 times in this release (its history before 2026-11-20 was not read), last from 2026-12-14 to 2026-12-18 on 2026-11-22 by Cy Diaz. A date that keeps moving is not a commitment: cut scope to fit this one and hold it.');
    expectNo({}, 'plan-churn', TODAY, { ...churn(1), truncated: { reason: 'limit', commit: commit('d1'), date: '2026-11-20', read: 500 } });
  });

  it('scope-late-addition uses git only for tasks whose adding commit was seen', () => {
    const today = '2026-12-14';
    const late = (HISTORY[2] as PlanVersion).text;
    // The oldest version read already holds T4, after the freeze: it may have joined any time before.
    const oldest = versions({ author: 'Zed', date: '2026-12-12', text: late });
    expectNo({ 'release.yaml': late }, 'scope-late-addition', today, planTimeline(oldest, { reason: 'shallow', commit: C(1), date: '2026-12-12', read: 1 }));
    // T4 seen joining in the third version: still late.
    const finding = single(check({ 'release.yaml': late }, today, planTimeline(HISTORY, cut('limit'))), 'scope-late-addition');
    assert.match(finding.message, /^Task T4 was added on 2026-12-12 by Cy Diaz/);
  });
});

describe('freeze moves (issue 11, review 2)', () => {
  const today = '2026-12-14';
  const pushed = plan(['  scope: 2026-12-10', '  scope: 2026-12-20'], [PARKED, `${T4}${PARKED}`]);

  it('lists a move of freeze.scope or freeze.features like a target move', () => {
    const timeline = planTimeline(versions({ author: 'Ana', date: '2026-11-20', text: CLEAN_RELEASE_UNDATED }, { author: 'Bo', date: '2026-11-25', text: plan(['  scope: 2026-12-10', '  scope: 2026-12-12'], ['  features: 2026-11-30', '  features: 2026-12-01']) }));
    assert.deepEqual(
      timeline.events.filter((event) => event.kind === 'freeze-moved'),
      [
        { commit: C(2), author: 'Bo', date: '2026-11-25', kind: 'freeze-moved', freeze: 'scope', from: '2026-12-10', to: '2026-12-12' },
        { commit: C(2), author: 'Bo', date: '2026-11-25', kind: 'freeze-moved', freeze: 'features', from: '2026-11-30', to: '2026-12-01' },
      ],
    );
  });

  it('a task added in the commit that pushes back a freeze already passed is late against the freeze in force before it (repro rv2/frz)', () => {
    const timeline = planTimeline(versions({ author: 'Ana', date: '2026-11-20', text: CLEAN_RELEASE_UNDATED }, { author: 'Bo', date: '2026-12-12', text: pushed }));
    assert.deepEqual(
      timeline.events.filter((event) => event.kind === 'task-added' && !event.initial),
      [{ commit: C(2), author: 'Bo', date: '2026-12-12', kind: 'task-added', task: 'T4', title: 'Export as CSV too', afterFreeze: 'scope', frozen: '2026-12-10' }],
    );
    const finding = expectFinding({ 'release.yaml': pushed }, 'scope-late-addition', { severity: 'warning', covers: 'T4', today, timeline });
    assert.equal(finding.message, `Task T4 was added on 2026-12-12 by Bo (commit ${C(2).slice(0, 7)}), after the scope froze on 2026-12-10 (freeze.scope). Park it, or have the scope owner trade it for something of equal size.`);
  });

  it('a freeze pushed back before it passed leaves a task added before the new day on time', () => {
    const noFeatureFreeze: [string, string] = ['  features: 2026-11-30\n', ''];
    const later = plan(noFeatureFreeze, ['  scope: 2026-12-10', '  scope: 2026-12-20'], [PARKED, `${T4}${PARKED}`]);
    const early = versions({ author: 'Ana', date: '2026-11-20', text: plan(noFeatureFreeze) }, { author: 'Bo', date: '2026-12-08', text: later });
    const timeline = planTimeline(early);
    assert.deepEqual(timeline.origins.map((origin) => [origin.task, origin.afterFreeze]), [['T1', undefined], ['T2', undefined], ['T4', undefined]]);
    expectNo({ 'release.yaml': later }, 'scope-late-addition', today, timeline);
  });
});

describe('an author git records without a name (issue 11, review 2)', () => {
  const unnamed = (timeline: Timeline): Timeline => ({ ...timeline, events: timeline.events.map((event) => ({ ...event, author: '' })), origins: timeline.origins.map((origin) => ({ ...origin, author: '' })) });

  it('plan-churn says "by an unnamed author", in the finding and in each move, never "by ."', () => {
    const finding = expectFinding({}, 'plan-churn', { severity: 'warning', covers: '2026-12-18', timeline: unnamed(churn(2)) });
    assert.equal(finding.message, 'The target date moved 2 times in this release, last from 2026-12-14 to 2026-12-18 on 2026-11-22 by an unnamed author. A date that keeps moving is not a commitment: cut scope to fit this one and hold it.');
    assert.deepEqual(finding.related?.map((info) => info.message), [`Moved from 2026-12-10 to 2026-12-14 on 2026-11-21 by an unnamed author (commit ${commit('d2').slice(0, 7)}).`, `Moved from 2026-12-14 to 2026-12-18 on 2026-11-22 by an unnamed author (commit ${commit('d3').slice(0, 7)}).`]);
    const cut = single(check({}, TODAY, { ...unnamed(churn(2)), truncated: { reason: 'shallow', commit: commit('d1'), date: '2026-11-20', read: 3 } }), 'plan-churn');
    assert.match(cut.message, /^The target date moved at least 2 times in this release \(its history before 2026-11-20 was not read\), last from 2026-12-14 to 2026-12-18 on 2026-11-22 by an unnamed author\. /);
  });

  it('scope-late-addition names no one when git has no name', () => {
    const finding = expectFinding({ 'release.yaml': (HISTORY[2] as PlanVersion).text }, 'scope-late-addition', { severity: 'warning', covers: 'T4', today: '2026-12-14', timeline: unnamed(planTimeline(HISTORY)) });
    assert.equal(finding.message, `Task T4 was added on 2026-12-12 by an unnamed author (commit ${C(3).slice(0, 7)}), after the scope froze on 2026-12-10 (freeze.scope). Park it, or have the scope owner trade it for something of equal size.`);
  });
});
