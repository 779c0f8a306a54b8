import assert from 'node:assert/strict';
import { english } from '../../src/core/message';
import { gonogoHeadline, releaseHealth, summarizeRelease, type ReleaseSummary } from '../../src/core/summary';
import { check, CLEAN_ROLLBACK, releaseWith } from './helpers';

function summary(entries: Record<string, string | undefined> = {}, today?: string): ReleaseSummary {
  const result = summarizeRelease(check(entries, today));
  assert.ok(result, 'no summary');
  return result;
}

const VETO = 'decision: no-go\ndecided_by: Ana\nreason: the payment provider has an outage\n';

describe('release summary: go/no-go and the veto', () => {
  it('a veto makes the header No-Go with the veto as the first reason, even on a clean plan', () => {
    const vetoed = summary({ 'gonogo/2026-11-30.yaml': VETO });
    assert.equal(vetoed.gonogo.veto?.decidedBy, 'Ana');
    assert.deepEqual(releaseHealth(vetoed, english), { verdict: 'no-go', reasons: ['Vetoed by Ana on 2026-11-30: the payment provider has an outage'] });
    assert.equal(releaseHealth(summary(), english).verdict, 'go');
  });

  it('lists every decision with its reason', () => {
    assert.deepEqual(summary({ 'gonogo/2026-11-30.yaml': VETO }).decisions, [{ date: '2026-11-30', decision: 'no-go', decidedBy: 'Ana', reason: 'the payment provider has an outage' }]);
  });

  describe('the Release view line', () => {
    it('shows the veto while it holds', () => {
      assert.equal(gonogoHeadline(summary({ 'gonogo/2026-11-30.yaml': VETO }), english), 'Vetoed by Ana on 2026-11-30: the payment provider has an outage');
    });

    it('shows the latest decision on or before today, and what the plan says now when they differ', () => {
      assert.equal(gonogoHeadline(summary({ 'gonogo/2026-11-30.yaml': 'decision: go\ndecided_by: Ana\n' }), english), 'go on 2026-11-30 by Ana');
      const failing = { 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n'), 'gonogo/2026-11-30.yaml': 'decision: go\ndecided_by: Ana\n' };
      assert.equal(gonogoHeadline(summary(failing), english), 'go on 2026-11-30 by Ana · now: No-Go');
    });

    it('ignores a decision dated after today', () => {
      assert.equal(gonogoHeadline(summary({ 'gonogo/2026-12-05.yaml': VETO }), english), 'not decided · now: Go');
    });
  });

  it('says "1 day" once the target passed by one day', () => {
    assert.ok(releaseHealth(summary({}, '2026-12-19'), english).reasons.includes('Target passed 1 day ago'));
  });
});

describe('release summary: rollback readiness reads what the runbook holds', () => {
  const rehearsal = (check: ReleaseSummary) => check.rollback.checks.find((c) => c.id === 'rehearsal');
  const withRollback = (find: string, replace: string) => ({ 'rollback.yaml': releaseWith(find, replace, CLEAN_ROLLBACK) });

  it('shows the last rehearsal that counts', () => {
    assert.deepEqual([rehearsal(summary())?.ok, rehearsal(summary())?.detail], [true, '2026-11-27 · 11 min (target 15)']);
  });

  it('says planned, not timed, or not production-like instead of passing', () => {
    const planned = summary(withRollback('  - date: 2026-11-27\n', '  - date: 2026-12-05\n'));
    assert.deepEqual([rehearsal(planned)?.ok, rehearsal(planned)?.detail], [false, 'planned for 2026-12-05']);
    const untimed = summary(withRollback('    minutes: 11\n', ''));
    assert.deepEqual([rehearsal(untimed)?.ok, rehearsal(untimed)?.detail], [false, '2026-11-27 · not timed']);
  });

  it('does not call a runbook of placeholder steps ready, even with the rule turned off', () => {
    const entries = { ...withRollback('steps:\n  - Redeploy 1.4.2.\n  - Check users are on 1.4.2.\n', 'steps:\n  - "TODO: first step"\n'), 'config.yaml': 'rules:\n  rollback-no-steps: "off"\n' };
    const steps = summary(entries).rollback.checks.find((c) => c.id === 'steps');
    assert.deepEqual([steps?.ok, steps?.detail], [false, '0 steps']);
  });
});
