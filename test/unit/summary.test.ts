import assert from 'node:assert/strict';
import { gonogoHeadline, releaseHealth, summarizeRelease, type ReleaseSummary } from '../../src/core/summary';
import { check, releaseWith } from './helpers';

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
    assert.deepEqual(releaseHealth(vetoed), { verdict: 'no-go', reasons: ['Vetoed by Ana on 2026-11-30: the payment provider has an outage'] });
    assert.equal(releaseHealth(summary()).verdict, 'go');
  });

  it('lists every decision with its reason', () => {
    assert.deepEqual(summary({ 'gonogo/2026-11-30.yaml': VETO }).decisions, [{ date: '2026-11-30', decision: 'no-go', decidedBy: 'Ana', reason: 'the payment provider has an outage' }]);
  });

  describe('the Release view line', () => {
    it('shows the veto while it holds', () => {
      assert.equal(gonogoHeadline(summary({ 'gonogo/2026-11-30.yaml': VETO })), 'Vetoed by Ana on 2026-11-30: the payment provider has an outage');
    });

    it('shows the latest decision on or before today, and what the plan says now when they differ', () => {
      assert.equal(gonogoHeadline(summary({ 'gonogo/2026-11-30.yaml': 'decision: go\ndecided_by: Ana\n' })), 'go on 2026-11-30 by Ana');
      const failing = { 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n'), 'gonogo/2026-11-30.yaml': 'decision: go\ndecided_by: Ana\n' };
      assert.equal(gonogoHeadline(summary(failing)), 'go on 2026-11-30 by Ana · now: No-Go');
    });

    it('ignores a decision dated after today', () => {
      assert.equal(gonogoHeadline(summary({ 'gonogo/2026-12-05.yaml': VETO })), 'not decided · now: Go');
    });
  });

  it('says "1 day" once the target passed by one day', () => {
    assert.ok(releaseHealth(summary({}, '2026-12-19')).reasons.includes('Target passed 1 day ago'));
  });
});
