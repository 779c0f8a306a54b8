import assert from 'node:assert/strict';
import { check, expectFinding, expectNo, only, releaseWith } from './helpers';

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

    it('ignores check-ins whose file name is not a date (with a date-invalid warning)', () => {
      const result = expectNo({ 'checkins/today.yaml': 'blocks:\n  - what: x\n' }, 'checkin-block-unowned');
      assert.equal(only(result, 'date-invalid')[0]?.severity, 'warning');
    });
  });
});
