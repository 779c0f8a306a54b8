import assert from 'node:assert/strict';
import { check, only, releaseWith } from './helpers';

// CLEAN_RELEASE: target 2026-12-18, backup 2026-12-23; Bo owns T1 (2 days), Cy owns T2 (1 day).
const heavy = releaseWith('    estimate: 2\n', '    estimate: 9\n');

describe('capacity after the target date', () => {
  it('measures against target while the target is ahead', () => {
    const result = check({ 'release.yaml': heavy }, '2026-12-14'); // Monday: 4 working days to target
    const overloaded = only(result, 'owner-overloaded');
    assert.equal(overloaded.length, 1);
    assert.match(overloaded[0]?.message ?? '', /reach 9 days by task T1, but only 4 working days are left before target/);
  });

  it('measures against target on the target day, counting that day', () => {
    const result = check({}, '2026-12-18'); // the target, a Friday: Bo has 2 days of work and 1 day left
    assert.match(only(result, 'owner-overloaded')[0]?.message ?? '', /reach 2 days by task T1, but only 1 working day is left before the release today/);
    assert.equal(only(result, 'scope-over-capacity').length, 1);
    assert.deepEqual(only(result, 'date-target-passed'), []);
  });

  it('measures against the backup date once the target has passed', () => {
    const result = check({ 'release.yaml': heavy }, '2026-12-21'); // Monday after target: 2 working days to backup
    assert.match(only(result, 'owner-overloaded')[0]?.message ?? '', /only 2 working days are left before the backup date/);
    assert.match(only(result, 'scope-over-capacity')[0]?.message ?? '', /before the backup date/);
    assert.equal(only(result, 'date-target-passed').length, 1);
  });

  it('stops counting capacity once both dates have passed', () => {
    const result = check({ 'release.yaml': heavy }, '2026-12-28');
    assert.deepEqual(only(result, 'owner-overloaded'), []);
    assert.deepEqual(only(result, 'scope-over-capacity'), []);
    assert.equal(only(result, 'date-target-passed').length, 1);
  });

  it('says "1 working day is left", not "1 working days are left"', () => {
    const result = check({}, '2026-12-17'); // Thursday: 1 working day before the 18th; Bo has 2 days
    assert.match(only(result, 'owner-overloaded')[0]?.message ?? '', /reach 2 days by task T1, but only 1 working day is left before target/);
  });
});
