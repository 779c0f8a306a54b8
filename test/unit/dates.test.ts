import assert from 'node:assert/strict';
import { addDays, dayNumber, workingDaysBetween } from '../../src/core/dates';
import { checkPlan } from '../../src/core/engine';
import { check, CLEAN_ROLLBACK, codes, expectFinding, expectNo, files, only, releaseWith } from './helpers';

const target = (value: string) => ({ 'release.yaml': releaseWith('target: 2026-12-18', `target: ${value}`) });

describe('date rules', () => {
  describe('date-target-missing', () => {
    it('fires when there is no target, at the first key', () => {
      expectFinding({ 'release.yaml': releaseWith('target: 2026-12-18\n', '') }, 'date-target-missing', { severity: 'error', covers: 'release' });
    });

    it('fires once, at the key, for an empty `target:`', () => {
      expectFinding(target(''), 'date-target-missing', { severity: 'error', covers: 'target' });
      expectNo(target(''), 'date-invalid');
      expectNo(target(''), 'schema');
    });

    it('does not fire when the target is present (even if invalid: that is date-invalid)', () => {
      expectNo({}, 'date-target-missing');
      const result = expectNo(target('2026-02-30'), 'date-target-missing');
      assert.equal(only(result, 'date-invalid').length, 1);
    });
  });

  describe('date-backup-missing', () => {
    it('fires as a warning at the target key when there is no backup', () => {
      expectFinding({ 'release.yaml': releaseWith('backup: 2026-12-23\n', '') }, 'date-backup-missing', { severity: 'warning', covers: 'target' });
    });

    it('fires at the backup key for an empty `backup:`', () => {
      expectFinding({ 'release.yaml': releaseWith('backup: 2026-12-23', 'backup:') }, 'date-backup-missing', { severity: 'warning', covers: 'backup' });
    });

    it('does not fire when backup is present', () => {
      expectNo({}, 'date-backup-missing');
    });
  });

  describe('date-backup-before-target', () => {
    it('fires when backup equals target, at the backup value', () => {
      expectFinding({ 'release.yaml': releaseWith('backup: 2026-12-23', 'backup: 2026-12-18') }, 'date-backup-before-target', { severity: 'error', covers: '2026-12-18' });
    });

    it('fires when backup is before target', () => {
      expectFinding({ 'release.yaml': releaseWith('backup: 2026-12-23', 'backup: 2026-12-01') }, 'date-backup-before-target', { severity: 'error', covers: '2026-12-01' });
    });

    it('does not fire when backup is the day after target', () => {
      expectNo({ 'release.yaml': releaseWith('backup: 2026-12-23', 'backup: 2026-12-19') }, 'date-backup-before-target');
    });
  });

  describe('date-target-passed', () => {
    it('fires the day after target, at the target value', () => {
      const finding = expectFinding({}, 'date-target-passed', { severity: 'warning', covers: '2026-12-18', today: '2026-12-19' });
      assert.match(finding.message, /passed 1 day ago\. Ship by the backup date \(2026-12-23\)/);
    });

    it('says to agree new dates once the backup has passed too', () => {
      const finding = expectFinding({}, 'date-target-passed', { severity: 'warning', covers: '2026-12-18', today: '2026-12-24' });
      assert.match(finding.message, /6 days ago\. Agree a new target/);
    });

    it('does not fire on the target day itself', () => {
      expectNo({}, 'date-target-passed', '2026-12-18');
    });
  });

  describe('date-invalid', () => {
    it('fires on 2026-02-30, at the value, with the path in the message', () => {
      const finding = expectFinding(target('2026-02-30'), 'date-invalid', { severity: 'error', covers: '2026-02-30' });
      assert.match(finding.message, /`target`/);
      assert.deepEqual(finding.path, ['target']);
    });

    it('fires on 20261201 (a number to YAML)', () => {
      expectFinding(target('20261201'), 'date-invalid', { severity: 'error', covers: '20261201' });
    });

    it('fires on a nested date: a task added 2026-13-01', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('    estimate: 1\n    added: 2026-11-16\n', '    estimate: 1\n    added: 2026-13-01\n') }, 'date-invalid', { severity: 'error', covers: '2026-13-01' });
      assert.match(finding.message, /`tasks\[1\]\.added`/);
    });

    it('fires on a rehearsal date in rollback.yaml', () => {
      expectFinding({ 'rollback.yaml': releaseWith('date: 2026-11-27', 'date: 27.11.2026', CLEAN_ROLLBACK) }, 'date-invalid', { severity: 'error', covers: '27.11.2026', file: '.release/rollback.yaml' });
    });

    it('fires (as a warning) for a check-in file whose name is not a date', () => {
      expectFinding({ 'checkins/monday.yaml': 'shipped:\n  - PDF endpoint\n' }, 'date-invalid', { severity: 'warning', covers: 'shipped', file: '.release/checkins/monday.yaml' });
    });

    it('does not fire on a leap day or on real dates', () => {
      expectNo(target('2028-02-29'), 'date-invalid');
      expectNo({ 'checkins/2026-11-30.yaml': 'shipped: [x]\n' }, 'date-invalid');
    });
  });

  describe('today is an input', () => {
    it('gives different results for the same plan on two days', () => {
      const plan = files({});
      const before = checkPlan(plan, { today: '2026-12-01' });
      const after = checkPlan(plan, { today: '2026-12-20' });
      assert.deepEqual(codes(before), []);
      assert.ok(codes(after).includes('date-target-passed'));
      assert.ok(codes(after).includes('rollback-rehearsal-stale'));
    });

    it('rejects a today that is not a date', () => {
      assert.throws(() => checkPlan(files({}), { today: '2026-02-30' }), RangeError);
    });
  });

  describe('date helpers', () => {
    it('count working days Monday to Friday', () => {
      assert.equal(workingDaysBetween('2026-12-01', '2026-12-18'), 13);
      assert.equal(workingDaysBetween('2026-12-05', '2026-12-07'), 0); // Saturday, Sunday
      assert.equal(workingDaysBetween('2026-12-18', '2026-12-01'), 0);
      assert.equal(addDays('2026-12-31', 1), '2027-01-01');
      assert.equal(dayNumber('2026-02-29'), undefined);
      assert.equal(dayNumber('1970-01-01'), 0);
    });
  });

  it('checks nothing date-related as wrong in the clean plan', () => {
    assert.deepEqual(check().findings.filter((f) => f.code.startsWith('date-')), []);
  });
});

describe('local "today" (todayIso, msToNextLocalMidnight)', () => {
  it('is the local calendar day, so it rolls over at local midnight', async () => {
    const { todayIso, msToNextLocalMidnight } = await import('../../src/core/dates');
    const late = new Date(2026, 10, 26, 23, 59, 30); // local time
    const early = new Date(2026, 10, 27, 0, 0, 30);
    assert.equal(todayIso(late), '2026-11-26');
    assert.equal(todayIso(early), '2026-11-27');
    assert.equal(msToNextLocalMidnight(late), 31_000);
    assert.equal(msToNextLocalMidnight(new Date(2026, 10, 27, 0, 0, 0, 500)), 24 * 3_600_000 + 500);
  });
});
