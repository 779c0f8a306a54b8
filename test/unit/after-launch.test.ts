import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { suggestValues } from '../../src/core/completion';
import { applyEdits } from '../../src/core/edits';
import { evaluateGonogo } from '../../src/core/gonogo';
import { launchState } from '../../src/core/launch';
import { english, render } from '../../src/core/message';
import { shipEdit } from '../../src/core/planEdits';
import { jsonSchemas } from '../../src/core/schemas';
import { gonogoHeadline, releaseHealth, summarizeRelease } from '../../src/core/summary';
import { check, CLEAN_RELEASE, CLEAN_ROLLBACK, codes, expectFinding, expectNo, only, releaseWith, single } from './helpers';

/** The clean release with `shipped:` at its end (launch day 2026-12-18, the target). */
function shipped(fields: { date?: string; outcome?: string; version?: string } = {}, base = CLEAN_RELEASE): string {
  const { date = '2026-12-18', outcome = 'shipped', version } = fields;
  return `${base}shipped:\n  date: ${date}\n  outcome: ${outcome}\n${version !== undefined ? `  version: ${version}\n` : ''}`;
}

const SHIPPED = { 'release.yaml': shipped({ version: '1.5.0' }) };
const LAUNCH_DAY = '2026-12-18';
const WATCH_DAY = '2026-12-19';
const HISTORY_DAY = '2026-12-20';

describe('after launch: shipped:', () => {
  describe('launchState (the phase from shipped: and today)', () => {
    const state = (text: string, today: string) => launchState(parse(text) as never, today);

    it('planning without shipped:, before shipped.date, and for a slip', () => {
      assert.deepEqual(state(CLEAN_RELEASE, WATCH_DAY), { phase: 'planning' });
      assert.deepEqual(state(shipped(), '2026-12-17'), { phase: 'planning', shipped: { date: '2026-12-18', outcome: 'shipped' } });
      assert.deepEqual(state(shipped({ outcome: 'slipped' }), HISTORY_DAY), { phase: 'planning', shipped: { date: '2026-12-18', outcome: 'slipped' } });
    });

    it('the watch on shipped.date and the day after, then history', () => {
      assert.deepEqual(state(shipped({ version: '1.5.0' }), LAUNCH_DAY), { phase: 'watch', shipped: { date: '2026-12-18', outcome: 'shipped', version: '1.5.0' }, watchEnds: WATCH_DAY });
      assert.equal(state(shipped(), WATCH_DAY).phase, 'watch');
      assert.equal(state(shipped(), HISTORY_DAY).phase, 'history');
      assert.equal(state(shipped({ outcome: 'rolled-back' }), WATCH_DAY).phase, 'watch');
      assert.equal(state(shipped({ outcome: 'rolled-back' }), HISTORY_DAY).phase, 'history');
    });

    it('a record without a real date or outcome is no record', () => {
      assert.deepEqual(state(shipped({ date: '2026-02-30' }), HISTORY_DAY), { phase: 'planning' });
      assert.deepEqual(state(`${CLEAN_RELEASE}shipped:\n  date: 2026-12-18\n`, HISTORY_DAY), { phase: 'planning' });
    });
  });

  describe('the schema and completion', () => {
    it('takes shipped: { date, outcome, version }; a bad outcome or date is a finding and no record', () => {
      expectNo(SHIPPED, 'schema', WATCH_DAY);
      const bad = { 'release.yaml': shipped({ outcome: 'done' }) };
      const finding = expectFinding(bad, 'schema', { severity: 'error', covers: 'done', today: WATCH_DAY });
      assert.equal(finding.message, '`shipped.outcome` must be one of `shipped`, `rolled-back`, `slipped`.');
      // Not shipped, so the plan is checked as before.
      expectFinding(bad, 'date-target-passed', { severity: 'warning', covers: '2026-12-18', today: WATCH_DAY });
      expectNo(bad, 'launch-watch', WATCH_DAY);
      const badDate = { 'release.yaml': shipped({ date: '2026-12-32' }) };
      expectFinding(badDate, 'date-invalid', { severity: 'error', covers: '2026-12-32', today: WATCH_DAY });
      expectNo(badDate, 'launch-watch', WATCH_DAY);
      const noOutcome = { 'release.yaml': `${CLEAN_RELEASE}shipped:\n  date: 2026-12-18\n` };
      assert.equal(expectFinding(noOutcome, 'schema', { severity: 'error', covers: 'shipped', today: WATCH_DAY }).message, 'Missing required field `outcome` in `shipped`.');
    });

    it('the JSON Schema describes shipped and its outcomes', () => {
      const release = jsonSchemas().release as { properties: { shipped: { required: string[]; properties: { outcome: { enum: string[] } } } } };
      assert.deepEqual(release.properties.shipped.required, ['date', 'outcome']);
      assert.deepEqual(release.properties.shipped.properties.outcome.enum, ['shipped', 'rolled-back', 'slipped']);
    });

    it('completion offers the outcomes under shipped:', () => {
      assert.deepEqual(suggestValues({ key: 'outcome', parent: 'shipped', prefix: '' }, [], LAUNCH_DAY).map((s) => [s.value, s.detail]), [
        ['shipped', 'release outcome'],
        ['rolled-back', 'release outcome'],
        ['slipped', 'release outcome'],
      ]);
      assert.deepEqual(suggestValues({ key: 'outcome', prefix: '' }, [], LAUNCH_DAY), []);
      assert.equal(suggestValues({ key: 'date', parent: 'shipped', prefix: '' }, [], LAUNCH_DAY)[0]?.value, LAUNCH_DAY);
    });
  });

  describe('launch-watch', () => {
    const WATCH = 'Shipped 1.5.0 on 2026-12-18. On watch until the end of 2026-12-19: Ana (scope), Bo (delivery), Cy (readiness) and Ana (may stop the release); for a rollback, Ana decides, Bo runs it and Cy verifies. Roll back as soon as a trigger fires: error rate > 2% for 5m.';

    it('names who is on watch and the triggers, on the shipped key, as an info, on the launch day and the day after', () => {
      for (const today of [LAUNCH_DAY, WATCH_DAY]) {
        const finding = expectFinding(SHIPPED, 'launch-watch', { severity: 'info', covers: 'shipped', today });
        assert.equal(finding.message, WATCH);
        assert.deepEqual(finding.path, ['shipped']);
        assert.equal(finding.l10n.id, 'launch-watch');
      }
    });

    it('is not reported before the launch, after the watch day, for a slip, or without shipped:', () => {
      expectNo(SHIPPED, 'launch-watch', '2026-12-17');
      expectNo(SHIPPED, 'launch-watch', HISTORY_DAY);
      expectNo({ 'release.yaml': shipped({ outcome: 'slipped' }) }, 'launch-watch', WATCH_DAY);
      expectNo({}, 'launch-watch', WATCH_DAY);
    });

    it('without a version: "Shipped on …"', () => {
      const finding = expectFinding({ 'release.yaml': shipped() }, 'launch-watch', { severity: 'info', covers: 'shipped', today: WATCH_DAY });
      assert.match(finding.message, /^Shipped on 2026-12-18\. On watch until the end of 2026-12-19: /);
    });

    it('after a rollback: who is on watch and the stable version users must stay on, no triggers', () => {
      const finding = expectFinding({ 'release.yaml': shipped({ outcome: 'rolled-back', version: '1.5.0' }) }, 'launch-watch', { severity: 'info', covers: 'shipped', today: LAUNCH_DAY });
      assert.equal(finding.message, '1.5.0 was rolled back on 2026-12-18. On watch until the end of 2026-12-19: Ana (scope), Bo (delivery), Cy (readiness) and Ana (may stop the release); for a rollback, Ana decides, Bo runs it and Cy verifies. Check that users stay on the stable version 1.4.2.');
      const unnamed = CLEAN_ROLLBACK.replace('stable:\n  version: "1.4.2"\n', '');
      const plain = expectFinding({ 'release.yaml': shipped({ outcome: 'rolled-back' }), 'rollback.yaml': unnamed }, 'launch-watch', { severity: 'info', covers: 'shipped', today: LAUNCH_DAY });
      assert.match(plain.message, /^Rolled back on 2026-12-18\. .* Check that users stay on the stable version\.$/);
    });

    it('a role nobody holds is "nobody named"; a group is shown as written', () => {
      const release = shipped({}, releaseWith('  stop: Ana\n', '  stop: backend team\n'));
      const rollback = CLEAN_ROLLBACK.replace('  runs: Bo\n', '');
      const finding = expectFinding({ 'release.yaml': release, 'rollback.yaml': rollback }, 'launch-watch', { severity: 'info', covers: 'shipped', today: WATCH_DAY });
      assert.match(finding.message, /Cy \(readiness\) and backend team \(may stop the release\); for a rollback, Ana decides, nobody named runs it and Cy verifies\./);
    });

    it('lists every agreed trigger, says when one has no threshold, and leaves placeholders out', () => {
      const triggers = 'triggers:\n  - signal: error rate\n    threshold: "> 2%"\n    for: 5m\n  - signal: p95 latency\n    threshold: 800ms\n  - signal: support tickets\n  - signal: "TODO: what you watch"\n';
      const rollback = CLEAN_ROLLBACK.replace(/triggers:\n(?: {2}- signal: error rate\n {4}threshold: "> 2%"\n {4}for: 5m\n)/, triggers);
      assert.notEqual(rollback, CLEAN_ROLLBACK);
      const finding = expectFinding({ 'release.yaml': shipped(), 'rollback.yaml': rollback }, 'launch-watch', { severity: 'info', covers: 'shipped', today: WATCH_DAY });
      assert.match(finding.message, /Roll back as soon as a trigger fires: error rate > 2% for 5m; p95 latency 800ms; support tickets \(no threshold\)\.$/);
    });

    it('says so when no trigger is agreed', () => {
      const rollback = CLEAN_ROLLBACK.replace('triggers:\n  - signal: error rate\n    threshold: "> 2%"\n    for: 5m\n', '');
      const finding = expectFinding({ 'release.yaml': shipped(), 'rollback.yaml': rollback }, 'launch-watch', { severity: 'info', covers: 'shipped', today: WATCH_DAY });
      assert.match(finding.message, /Cy verifies\. No rollback trigger is agreed, so nobody can tell when to roll back: agree one now\.$/);
      // rollback-no-triggers still says it as an error: the rollback rules apply during the watch.
      single(check({ 'release.yaml': shipped(), 'rollback.yaml': rollback }, WATCH_DAY), 'rollback-no-triggers');
    });

    it('can be turned off in config.yaml', () => {
      expectNo({ ...SHIPPED, 'config.yaml': 'rules:\n  launch-watch: off\n' }, 'launch-watch', WATCH_DAY);
    });
  });

  describe('the launch watch: no capacity, freeze or target-date warnings', () => {
    it('date-target-passed: not after launch; still for a slip and for a launch dated later', () => {
      expectFinding({}, 'date-target-passed', { severity: 'warning', covers: '2026-12-18', today: WATCH_DAY });
      expectNo(SHIPPED, 'date-target-passed', WATCH_DAY);
      expectNo({ 'release.yaml': shipped({ date: '2026-12-19' }) }, 'date-target-passed', WATCH_DAY);
      expectFinding({ 'release.yaml': shipped({ outcome: 'slipped' }) }, 'date-target-passed', { severity: 'warning', covers: '2026-12-18', today: WATCH_DAY });
      // A launch planned for tomorrow is a plan, not a fact.
      expectFinding({ 'release.yaml': shipped({ date: '2026-12-20' }) }, 'date-target-passed', { severity: 'warning', covers: '2026-12-18', today: WATCH_DAY });
    });

    it('scope-late-addition: not after launch', () => {
      const late = releaseWith('    estimate: 1\n    added: 2026-11-16\n', '    estimate: 1\n    added: 2026-12-12\n');
      expectFinding({ 'release.yaml': late }, 'scope-late-addition', { severity: 'warning', covers: '2026-12-12', today: LAUNCH_DAY });
      expectNo({ 'release.yaml': shipped({}, late) }, 'scope-late-addition', LAUNCH_DAY);
      expectFinding({ 'release.yaml': shipped({ date: '2026-12-19' }, late) }, 'scope-late-addition', { severity: 'warning', covers: '2026-12-12', today: LAUNCH_DAY });
    });

    it('scope-over-capacity and the days part of owner-overloaded: not after launch (no horizon left)', () => {
      // On the target day Bo (2 days) and Cy (1 day) have one day each: 3 > 2, and Bo's 2 > 1.
      expectFinding({}, 'scope-over-capacity', { severity: 'warning', covers: 'tasks', today: LAUNCH_DAY });
      expectFinding({}, 'owner-overloaded', { severity: 'warning', covers: 'Bo', today: LAUNCH_DAY });
      expectNo(SHIPPED, 'scope-over-capacity', LAUNCH_DAY);
      expectNo(SHIPPED, 'owner-overloaded', LAUNCH_DAY);
    });

    it('the count part of owner-overloaded still applies during the watch, not in history', () => {
      const release = shipped({}, releaseWith('    owner: Cy\n    status: todo\n', '    owner: Cy\n    status: done\n'));
      const entries = { 'release.yaml': release, 'config.yaml': 'limits:\n  open_tasks_per_owner: 0\n' };
      const finding = expectFinding(entries, 'owner-overloaded', { severity: 'warning', covers: 'Bo', today: WATCH_DAY });
      assert.equal(finding.message, 'Bo owns 1 open task; the limit is 0. Hand some to someone else or park them.');
      expectNo(entries, 'owner-overloaded', HISTORY_DAY);
    });

    it('the rollback rules still apply until the watch day ends', () => {
      // The rehearsal of 2026-11-27 is 22 days old on the watch day (limit 14).
      expectFinding(SHIPPED, 'rollback-rehearsal-stale', { severity: 'warning', covers: '2026-11-27', file: '.release/rollback.yaml', today: WATCH_DAY });
      expectNo(SHIPPED, 'rollback-rehearsal-stale', HISTORY_DAY);
      expectFinding({ ...SHIPPED, 'rollback.yaml': undefined }, 'rollback-missing', { severity: 'error', covers: 'release', today: WATCH_DAY });
      expectNo({ ...SHIPPED, 'rollback.yaml': undefined }, 'rollback-missing', HISTORY_DAY);
    });
  });

  describe('history: from the second day after shipped.date', () => {
    // An unowned task, a TODO title, a duplicate id and an unknown field.
    const MESSY = releaseWith('    owner: Cy\n', '    oner: Cy\n', releaseWith('    title: Download button\n', '    title: "TODO: name it"\n', releaseWith('  - id: T2\n', '  - id: T1\n')));

    it('only the files themselves are checked: syntax, schema, dates and unique task ids', () => {
      const entries = { 'release.yaml': shipped({}, MESSY) };
      assert.deepEqual([...new Set(codes(check(entries, WATCH_DAY)))].sort(), ['checkin-stale', 'launch-watch', 'owner-missing', 'placeholder-text', 'rollback-rehearsal-stale', 'schema', 'task-id-duplicate']);
      assert.deepEqual(codes(check(entries, HISTORY_DAY)).sort(), ['schema', 'task-id-duplicate']);
      expectFinding(entries, 'task-id-duplicate', { severity: 'error', covers: 'T1', today: HISTORY_DAY });
      expectNo(entries, 'owner-missing', HISTORY_DAY);
      expectNo(entries, 'placeholder-text', HISTORY_DAY);
      expectFinding({ 'release.yaml': shipped({}, releaseWith('date: 2026-11-28', 'date: 2026-11-31')) }, 'date-invalid', { severity: 'error', covers: '2026-11-31', today: HISTORY_DAY });
    });

    it('a clean shipped release has no findings at all in history; a rolled-back one neither', () => {
      assert.deepEqual(codes(check(SHIPPED, HISTORY_DAY)), []);
      // Months later only the post-release review is asked for (the review family runs in history too).
      assert.deepEqual(codes(check({ 'release.yaml': shipped({ outcome: 'rolled-back' }) }, '2027-03-01')), ['review-missing']);
      assert.deepEqual(codes(check({ 'release.yaml': shipped({ outcome: 'rolled-back' }), 'review.yaml': 'pattern: Late asks went straight in.\n' }, '2027-03-01')), []);
    });

    it('a slip is no launch: the same findings as without shipped:', () => {
      for (const today of [WATCH_DAY, HISTORY_DAY, '2027-01-15']) {
        assert.deepEqual(codes(check({ 'release.yaml': shipped({ outcome: 'slipped' }, MESSY) }, today)), codes(check({ 'release.yaml': MESSY }, today)), today);
      }
    });
  });

  describe('the go/no-go after launch: history, never go', () => {
    const MESSAGE = 'Shipped 1.5.0 on 2026-12-18: the go/no-go is history and is not asked again.';

    it('every question fails with the launch as its reason; the recommendation is no-go', () => {
      for (const today of [LAUNCH_DAY, WATCH_DAY, HISTORY_DAY]) {
        const result = evaluateGonogo(check(SHIPPED, today));
        assert.equal(result.recommendation, 'no-go', today);
        assert.deepEqual(result.shipped, { date: '2026-12-18', outcome: 'shipped', version: '1.5.0', message: MESSAGE });
        assert.deepEqual(result.questions.map((q) => [q.id, q.verdict, q.reasons, q.findings.length]), ['one-problem', 'owners', 'rollback', 'dry-run', 'stakeholders'].map((id) => [id, 'fail', [MESSAGE], 0]));
      }
    });

    it('a go recorded before the launch does not turn it into a go', () => {
      const record = 'decision: go\ndecided_by: Ana\nanswers:\n  - id: dry-run\n    answer: yes\n';
      const result = evaluateGonogo(check({ ...SHIPPED, 'gonogo/2026-12-17.yaml': record }, WATCH_DAY));
      assert.equal(result.recommendation, 'no-go');
      assert.ok(result.questions.every((q) => q.verdict === 'fail' && q.source === 'plan'));
    });

    it('a rollback and a launch without a version say so', () => {
      assert.equal(evaluateGonogo(check({ 'release.yaml': shipped({ outcome: 'rolled-back', version: '1.5.0' }) }, WATCH_DAY)).shipped?.message, '1.5.0 was rolled back on 2026-12-18: the go/no-go is history and is not asked again.');
      assert.equal(evaluateGonogo(check({ 'release.yaml': shipped({ outcome: 'rolled-back' }) }, WATCH_DAY)).shipped?.message, 'Rolled back on 2026-12-18: the go/no-go is history and is not asked again.');
      assert.equal(evaluateGonogo(check({ 'release.yaml': shipped() }, WATCH_DAY)).shipped?.message, 'Shipped on 2026-12-18: the go/no-go is history and is not asked again.');
    });

    it('a launch dated after today, or a slip, changes nothing: the clean plan is still a go', () => {
      for (const entries of [{ 'release.yaml': shipped() }, { 'release.yaml': shipped({ outcome: 'slipped', date: '2026-11-30' }) }]) {
        const result = evaluateGonogo(check(entries));
        assert.equal(result.recommendation, 'go');
        assert.equal(result.shipped, undefined);
      }
    });

    it('the Release view headline and the health: the launch, never Go', () => {
      const summary = summarizeRelease(check(SHIPPED, HISTORY_DAY));
      assert.ok(summary);
      assert.equal(gonogoHeadline(summary, english), MESSAGE);
      assert.deepEqual(releaseHealth(summary, english), { verdict: 'no-go', reasons: [MESSAGE] });
      // During the watch the plan's findings are counted too.
      const watching = summarizeRelease(check(SHIPPED, WATCH_DAY));
      assert.ok(watching);
      assert.deepEqual(releaseHealth(watching, english).reasons, [MESSAGE, '1 warning']);
    });
  });

  describe('shipEdit (what release-plan ship writes)', () => {
    const PLAN = '# the plan\nrelease: demo # name\ntarget: 2026-12-18\nparked:\n  - title: CSV # later\n    told: false\n# the end\n';
    const apply = (text: string, result: ReturnType<typeof shipEdit>) => {
      assert.ok(result.ok, result.ok ? '' : render(result.reason));
      return applyEdits(text, result.edits);
    };

    it('adds shipped: after the last top-level key, every comment kept', () => {
      assert.equal(apply(PLAN, shipEdit(PLAN, { date: '2026-12-18', outcome: 'shipped', version: '1.5' })), '# the plan\nrelease: demo # name\ntarget: 2026-12-18\nparked:\n  - title: CSV # later\n    told: false\nshipped:\n  date: 2026-12-18\n  outcome: shipped\n  version: "1.5"\n# the end\n');
      assert.equal(apply('release: demo', shipEdit('release: demo', { date: '2026-12-18', outcome: 'slipped' })), 'release: demo\nshipped:\n  date: 2026-12-18\n  outcome: slipped\n');
    });

    it('fills an empty shipped: where it is, keeping its comment; keeps CRLF line ends', () => {
      const empty = 'release: demo\nshipped: # after launch\ntarget: 2026-12-18\n';
      assert.equal(apply(empty, shipEdit(empty, { date: '2026-12-18', outcome: 'rolled-back' })), 'release: demo\nshipped: # after launch\n  date: 2026-12-18\n  outcome: rolled-back\ntarget: 2026-12-18\n');
      const tilde = 'release: demo\nshipped: ~\n';
      assert.equal(apply(tilde, shipEdit(tilde, { date: '2026-12-18', outcome: 'shipped' })), 'release: demo\nshipped:\n  date: 2026-12-18\n  outcome: shipped\n');
      const crlf = 'release: demo\r\ntarget: 2026-12-18\r\n';
      assert.equal(apply(crlf, shipEdit(crlf, { date: '2026-12-18', outcome: 'shipped' })), 'release: demo\r\ntarget: 2026-12-18\r\nshipped:\r\n  date: 2026-12-18\r\n  outcome: shipped\r\n');
    });

    it('the same record is no edit; the same launch gets a missing version added', () => {
      const done = 'release: demo\nshipped:\n  date: 2026-12-18\n  outcome: shipped # yes\n';
      assert.deepEqual(shipEdit(done, { date: '2026-12-18', outcome: 'shipped' }), { ok: true, edits: [] });
      assert.equal(apply(done, shipEdit(done, { date: '2026-12-18', outcome: 'shipped', version: '1.5.0' })), `${done}  version: 1.5.0\n`);
      const versioned = `${done}  version: 1.5.0\n`;
      assert.deepEqual(shipEdit(versioned, { date: '2026-12-18', outcome: 'shipped', version: '1.5.0' }), { ok: true, edits: [] });
      assert.deepEqual(shipEdit(versioned, { date: '2026-12-18', outcome: 'shipped' }), { ok: true, edits: [] });
    });

    it('refuses another record, an inline one and a file with YAML errors, saying why', () => {
      const reason = (text: string, outcome: 'shipped' | 'rolled-back' | 'slipped', version?: string) => {
        const result = shipEdit(text, { date: '2026-12-18', outcome, ...(version !== undefined ? { version } : {}) });
        assert.equal(result.ok, false);
        return result.ok ? '' : render(result.reason);
      };
      const done = 'release: demo\nshipped:\n  date: 2026-12-18\n  outcome: shipped\n';
      assert.equal(reason(done, 'rolled-back'), 'it already says `shipped:` shipped on 2026-12-18; to record something else, change or remove `shipped:` by hand (git keeps the old record)');
      assert.equal(reason(`${done}  version: 1.5.0\n`, 'shipped', '1.5.1'), 'it already says `shipped:` shipped on 2026-12-18, version 1.5.0; to record something else, change or remove `shipped:` by hand (git keeps the old record)');
      assert.equal(reason('release: demo\nshipped: { date: 2026-12-18 }\n', 'shipped'), 'it already has a different `shipped:` record; to record something else, change or remove it by hand (git keeps the old record)');
      assert.equal(reason('release: demo\nshipped: yes\n', 'shipped'), 'shipped is already there');
      assert.equal(reason('release: [demo\n', 'shipped'), 'the file has YAML errors; fix them first');
    });
  });

  it('on the launch day: the watch, the daily check-in and the runbook, not the capacity of work left', () => {
    assert.deepEqual(codes(check({}, LAUNCH_DAY)).sort(), ['checkin-stale', 'owner-overloaded', 'rollback-rehearsal-stale', 'scope-over-capacity']);
    assert.deepEqual(codes(check(SHIPPED, LAUNCH_DAY)).sort(), ['checkin-stale', 'launch-watch', 'rollback-rehearsal-stale']);
    assert.equal(only(check(SHIPPED, WATCH_DAY), 'launch-watch').length, 1);
  });
});
