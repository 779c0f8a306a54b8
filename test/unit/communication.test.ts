import assert from 'node:assert/strict';
import { checkPlan } from '../../src/core/engine';
import { check, codes, expectFinding, expectNo, files, only, releaseWith, said, TODAY } from './helpers';

const CHECKIN = '.release/checkins/2026-11-30.yaml';
const checkin = (text: string) => ({ 'checkins/2026-11-30.yaml': text });

describe('communication rules', () => {
  describe('parked-not-told', () => {
    it('fires on `told: false`, at the value', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('told: 2026-11-29', 'told: false') }, 'parked-not-told', { severity: 'warning', covers: 'false' });
      assert.match(finding.message, /"CSV export" was parked but Dee and the other stakeholders were not told/);
    });

    it('fires when `told` is absent, at the parked item', () => {
      expectFinding({ 'release.yaml': releaseWith('    told: 2026-11-29\n', '') }, 'parked-not-told', { severity: 'warning', covers: 'title: CSV export' });
    });

    it('does not fire when told has a date, or when nothing is parked', () => {
      expectNo({}, 'parked-not-told');
      expectNo({ 'release.yaml': releaseWith('parked:\n  - title: CSV export\n    reason: not the problem we solve\n    asked_by: Dee\n    told: 2026-11-29\n', 'parked: []\n') }, 'parked-not-told');
    });

    it('fires on a `told:` date after today, at the date', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('told: 2026-11-29', 'told: 2026-12-05') }, 'parked-not-told', { severity: 'warning', covers: '2026-12-05' });
      assert.match(finding.message, /told is dated 2026-12-05, after today/);
      expectNo({ 'release.yaml': releaseWith('told: 2026-11-29', 'told: 2026-12-01') }, 'parked-not-told');
    });

    it('does not also report a missing told when `told: true` is a schema error', () => {
      const result = check({ 'release.yaml': releaseWith('told: 2026-11-29', 'told: true') });
      assert.equal(only(result, 'schema').length, 1);
    });
  });

  describe('checkin-block-unowned', () => {
    it('fires for a block in .release/checkins/2026-11-30.yaml with nobody to clear it', () => {
      const finding = expectFinding(checkin('shipped:\n  - PDF endpoint\nblocks:\n  - what: staging is down\n'), 'checkin-block-unowned', { severity: 'warning', covers: 'what: staging is down', file: CHECKIN });
      assert.match(finding.message, /Nobody clears "staging is down"/);
    });

    it('fires for an empty clears', () => {
      expectFinding(checkin('blocks:\n  - what: legal review\n    clears: ""\n'), 'checkin-block-unowned', { severity: 'warning', covers: 'what: legal review', file: CHECKIN });
    });

    it('does not fire when one person clears the block', () => {
      expectNo(checkin('blocks:\n  - what: legal review\n    clears: Ana\n'), 'checkin-block-unowned');
    });

    it('reports a group as clearer as owner-team-label, not as unowned', () => {
      const result = expectNo(checkin('blocks:\n  - what: legal review\n    clears: legal team\n'), 'checkin-block-unowned');
      assert.equal(only(result, 'owner-team-label')[0]?.file, CHECKIN);
    });

    it('ignores a check-in dated after today', () => {
      expectNo({ 'checkins/2026-12-05.yaml': 'blocks:\n  - what: staging is down\n' }, 'checkin-block-unowned');
    });

    it('ignores check-ins whose file name is not a date (with a date-invalid warning)', () => {
      const result = expectNo({ 'checkins/today.yaml': 'blocks:\n  - what: x\n' }, 'checkin-block-unowned');
      assert.equal(only(result, 'date-invalid')[0]?.severity, 'warning');
    });
  });

  describe('checkin-stale', () => {
    const none = { 'checkins/2026-11-30.yaml': undefined };

    it('fires when work has started and there is no check-in, at the tasks key', () => {
      const finding = expectFinding(none, 'checkin-stale', { severity: 'info', covers: 'tasks' });
      assert.equal(finding.message, 'Work has started but there is no daily check-in yet. Run the daily check-in: write what shipped, what blocks and who clears each block in checkins/2026-12-01.yaml in the .release/ folder.');
    });

    it('says nothing when the check-ins could not be read (file-unreadable says why)', () => {
      // An unreadable checkins/ folder, as the CLI reports it: the check-ins may be there.
      const folder = checkPlan(files(none), { today: TODAY, unreadable: new Map([['.release/checkins', said('This folder could not be read: permission denied.')]]) });
      assert.deepEqual(codes(folder), ['file-unreadable']);
      // An old readable check-in and an unreadable one that may be newer.
      const file = checkPlan(files({ ...none, 'checkins/2026-11-25.yaml': 'shipped: [x]\n' }), { today: TODAY, unreadable: new Map([['.release/checkins/2026-11-30.yaml', said('This file could not be read: permission denied.')]]) });
      assert.deepEqual(codes(file), ['file-unreadable']);
      // A check-in in a misnamed folder: file-misnamed names the right place.
      expectNo({ ...none, 'check-ins/2026-11-30.yaml': 'shipped: [x]\n' }, 'checkin-stale');
    });

    it('fires when the latest check-in is more than 2 working days old, at its first key', () => {
      // Wednesday 2026-11-25 to Tuesday 2026-12-01: 25, 26, 27 and 30 are 4 working days.
      const old = { ...none, 'checkins/2026-11-25.yaml': 'shipped:\n  - PDF endpoint\n' };
      const finding = expectFinding(old, 'checkin-stale', { severity: 'info', covers: 'shipped', file: '.release/checkins/2026-11-25.yaml' });
      assert.match(finding.message, /^The last daily check-in was on 2026-11-25, 4 working days ago, and work is still open\. Run the daily check-in/);
    });

    it('ignores check-ins dated after today', () => {
      expectFinding({ ...none, 'checkins/2026-12-03.yaml': 'shipped: [x]\n' }, 'checkin-stale', { severity: 'info', covers: 'tasks' });
    });

    it('does not fire within 2 working days, before work starts, or when all work is done', () => {
      expectNo({}, 'checkin-stale');
      // Friday 2026-11-27 to Tuesday: 27 and 30, 2 working days.
      expectNo({ ...none, 'checkins/2026-11-27.yaml': 'shipped: [x]\n' }, 'checkin-stale');
      expectNo({ ...none, 'release.yaml': releaseWith('    status: doing\n', '    status: todo\n') }, 'checkin-stale');
      expectNo({ ...none, 'release.yaml': releaseWith('    status: todo\n', '    status: done\n', releaseWith('    status: doing\n', '    status: done\n')) }, 'checkin-stale');
    });

    it('follows config.yaml rules', () => {
      expectNo({ ...none, 'config.yaml': 'rules:\n  checkin-stale: off\n' }, 'checkin-stale');
      expectFinding({ ...none, 'config.yaml': 'rules:\n  checkin-stale: warning\n' }, 'checkin-stale', { severity: 'warning', covers: 'tasks' });
    });
  });
});
