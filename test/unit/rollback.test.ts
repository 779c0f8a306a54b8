import assert from 'node:assert/strict';
import { check, CLEAN_ROLLBACK, expectFinding, expectNo, only, releaseWith } from './helpers';

const RB = '.release/rollback.yaml';
const rollback = (find: string, replace: string) => ({ 'rollback.yaml': releaseWith(find, replace, CLEAN_ROLLBACK) });
const REHEARSALS = 'rehearsals:\n  - date: 2026-11-27\n    environment: staging\n    minutes: 11\n    by: Bo\n';
const unrehearsed = rollback(REHEARSALS, '');

describe('rollback rules', () => {
  describe('rollback-missing', () => {
    it('fires when there is no rollback.yaml, attached to release.yaml', () => {
      const finding = expectFinding({ 'rollback.yaml': undefined }, 'rollback-missing', { severity: 'error', covers: 'release' });
      assert.equal(finding.file, '.release/release.yaml');
      assert.match(finding.message, /rollback\.yaml/);
      assert.doesNotMatch(finding.message, /quick fix/);
    });

    it('does not fire when rollback.yaml exists, even if it is unreadable', () => {
      const result = expectNo({ 'rollback.yaml': 'stable: [' }, 'rollback-missing');
      assert.equal(only(result, 'yaml-syntax').length, 1);
    });
  });

  describe('rollback-no-stable', () => {
    it('fires without `stable`, at the first key', () => {
      expectFinding(rollback('stable:\n  version: "1.4.2"\n', ''), 'rollback-no-stable', { severity: 'error', covers: 'roles', file: RB });
    });

    it('fires when `stable` has no version, at the stable key', () => {
      expectFinding(rollback('  version: "1.4.2"\n', '  build: "#812"\n'), 'rollback-no-stable', { severity: 'error', covers: 'stable', file: RB });
    });

    it('fires on a placeholder version, at the value', () => {
      const finding = expectFinding(rollback('version: "1.4.2"', 'version: "TODO"'), 'rollback-no-stable', { severity: 'error', covers: '"TODO"', file: RB });
      assert.match(finding.message, /placeholder/);
    });

    it('does not fire with a numeric version', () => {
      expectNo(rollback('version: "1.4.2"', 'version: 2'), 'rollback-no-stable');
    });
  });

  describe('rollback-no-triggers', () => {
    it('fires on an empty trigger list, at the triggers key', () => {
      expectFinding(rollback('triggers:\n  - signal: error rate\n    threshold: "> 2%"\n    for: 5m\n', 'triggers: []\n'), 'rollback-no-triggers', { severity: 'error', covers: 'triggers', file: RB });
    });

    it('fires when every trigger is a placeholder', () => {
      const finding = expectFinding(rollback('  - signal: error rate\n    threshold: "> 2%"\n    for: 5m\n', '  - signal: "TODO: what we watch"\n'), 'rollback-no-triggers', { severity: 'error', covers: 'triggers', file: RB });
      assert.match(finding.message, /placeholders/);
      expectNo(rollback('  - signal: error rate\n    threshold: "> 2%"\n    for: 5m\n', '  - signal: "TODO: what we watch"\n'), 'rollback-trigger-vague');
    });

    it('does not fire when a trigger is agreed', () => {
      expectNo({}, 'rollback-no-triggers');
    });
  });

  describe('rollback-trigger-vague', () => {
    it('fires on a trigger without threshold, at its first line', () => {
      const finding = expectFinding(rollback('    threshold: "> 2%"\n', ''), 'rollback-trigger-vague', { severity: 'warning', covers: 'signal: error rate', file: RB });
      assert.match(finding.message, /"error rate" has no threshold/);
    });

    it('leaves a placeholder threshold to placeholder-text (an error: template text, not a missing value)', () => {
      expectNo(rollback('threshold: "> 2%"', 'threshold: TBD'), 'rollback-trigger-vague');
      expectFinding(rollback('threshold: "> 2%"', 'threshold: TBD'), 'placeholder-text', { severity: 'error', covers: 'TBD', file: RB });
    });

    it('does not fire on a numeric threshold', () => {
      expectNo(rollback('threshold: "> 2%"', 'threshold: 5'), 'rollback-trigger-vague');
    });
  });

  describe('rollback-role-missing', () => {
    it('fires at the roles key when a role is absent', () => {
      const finding = expectFinding(rollback('  runs: Bo\n', ''), 'rollback-role-missing', { severity: 'error', covers: 'roles', file: RB });
      assert.match(finding.message, /roles\.runs/);
    });

    it('fires at the value when a role is empty', () => {
      expectFinding(rollback('  verifies: Cy\n', '  verifies: ""\n'), 'rollback-role-missing', { severity: 'error', covers: '""', file: RB });
    });

    it('fires at a placeholder role, with or without team.yaml', () => {
      const finding = expectFinding(rollback('  runs: Bo\n', '  runs: ???\n'), 'rollback-role-missing', { severity: 'error', covers: '???', file: RB });
      assert.match(finding.message, /"\?\?\?" is a placeholder/);
      expectFinding({ ...rollback('  runs: Bo\n', '  runs: <name>\n'), 'team.yaml': 'people:\n  - name: Ana\n  - name: Bo\n  - name: Cy\n' }, 'rollback-role-missing', { severity: 'error', covers: '<name>', file: RB });
    });

    it('does not fire when the roles are named; a group is owner-team-label instead', () => {
      expectNo({}, 'rollback-role-missing');
      const result = expectNo(rollback('  runs: Bo\n', '  runs: ops\n'), 'rollback-role-missing');
      assert.equal(only(result, 'owner-team-label').length, 1);
    });
  });

  describe('rollback-no-steps', () => {
    it('fires without steps, at the first key', () => {
      expectFinding(rollback('steps:\n  - Redeploy 1.4.2.\n  - Check users are on 1.4.2.\n', ''), 'rollback-no-steps', { severity: 'error', covers: 'stable', file: RB });
    });

    it('fires when every step is blank, at the steps key', () => {
      expectFinding(rollback('  - Redeploy 1.4.2.\n  - Check users are on 1.4.2.\n', '  - ""\n'), 'rollback-no-steps', { severity: 'error', covers: 'steps', file: RB });
    });

    it('fires when every step is a placeholder, at the steps key', () => {
      const finding = expectFinding(rollback('  - Redeploy 1.4.2.\n  - Check users are on 1.4.2.\n', '  - "TODO: first step"\n  - ...\n'), 'rollback-no-steps', { severity: 'error', covers: 'steps', file: RB });
      assert.match(finding.message, /placeholders/);
    });

    it('does not fire with one step', () => {
      expectNo(rollback('  - Check users are on 1.4.2.\n', ''), 'rollback-no-steps');
    });
  });

  describe('rollback-too-long', () => {
    const steps = (count: number) => Array.from({ length: count }, (_, i) => `  - step ${i + 1}\n`).join('');
    const longer = (count: number) => rollback('  - Redeploy 1.4.2.\n  - Check users are on 1.4.2.\n', steps(count));

    it('fires above 12 steps, at the steps key', () => {
      const finding = expectFinding(longer(13), 'rollback-too-long', { severity: 'warning', covers: 'steps', file: RB });
      assert.match(finding.message, /13 steps; the limit is 12/);
    });

    it('does not fire at 12 steps', () => {
      expectNo(longer(12), 'rollback-too-long');
    });

    it('follows config.yaml limits.runbook_steps', () => {
      expectFinding({ 'config.yaml': 'limits:\n  runbook_steps: 1\n' }, 'rollback-too-long', { severity: 'warning', covers: 'steps', file: RB });
    });
  });

  describe('rollback-roles-one-person', () => {
    it('fires when one person decides, runs and verifies, at the roles key', () => {
      const finding = expectFinding(rollback('  runs: Bo\n  verifies: Cy\n', '  runs: Ana\n  verifies: Ana\n'), 'rollback-roles-one-person', { severity: 'warning', covers: 'roles', file: RB });
      assert.match(finding.message, /^Ana decides, runs and verifies the rollback\..*one decides, one runs it, and the rest verify/);
    });

    it('counts aliases from team.yaml as the person', () => {
      const team = 'people:\n  - name: Ana\n    aliases: [ana.k, "@anak"]\n  - name: Bo\n  - name: Cy\n';
      expectFinding({ ...rollback('  runs: Bo\n  verifies: Cy\n', '  runs: ana.k\n  verifies: "@anak"\n'), 'team.yaml': team }, 'rollback-roles-one-person', { severity: 'warning', covers: 'roles', file: RB });
    });

    it('does not fire for three people, two shared roles, or a missing role', () => {
      expectNo({}, 'rollback-roles-one-person');
      expectNo(rollback('  runs: Bo\n', '  runs: Ana\n'), 'rollback-roles-one-person');
      expectNo(rollback('  runs: Bo\n  verifies: Cy\n', '  runs: Ana\n  verifies: TODO\n'), 'rollback-roles-one-person');
    });
  });

  describe('rollback-not-rehearsed', () => {
    it('does not count a rehearsal that was not timed, at its date', () => {
      const untimed = rollback('    minutes: 11\n', '');
      const finding = expectFinding(untimed, 'rollback-not-rehearsed', { severity: 'warning', covers: '2026-11-27', file: RB });
      assert.match(finding.message, /the rehearsal on 2026-11-27 was not timed: add `minutes:`/);
    });

    it('does not count a rehearsal on a laptop, at its environment', () => {
      const laptop = rollback('    environment: staging\n', '    environment: Ana\'s laptop\n');
      const finding = expectFinding(laptop, 'rollback-not-rehearsed', { severity: 'warning', covers: "Ana's laptop", file: RB });
      assert.match(finding.message, /not a production-like setup/);
      expectNo(rollback('    environment: staging\n', '    environment: production copy\n'), 'rollback-not-rehearsed');
    });

    it('fires when the only rehearsal is dated after today, at its date', () => {
      const planned = rollback('  - date: 2026-11-27\n', '  - date: 2026-12-17 # planned\n');
      const finding = expectFinding(planned, 'rollback-not-rehearsed', { severity: 'warning', covers: '2026-12-17', file: RB });
      assert.match(finding.message, /the rehearsal on 2026-12-17 is planned, it has not happened yet/);
      expectFinding(planned, 'rollback-not-rehearsed', { severity: 'error', covers: '2026-12-17', file: RB, today: '2026-12-16' });
      // On its day it has happened.
      expectNo(planned, 'rollback-not-rehearsed', '2026-12-17');
    });

    it('judges staleness and speed on the latest rehearsal that happened, not a planned one', () => {
      const both = rollback(REHEARSALS, 'rehearsals:\n  - date: 2026-11-01\n    minutes: 30\n  - date: 2026-12-20\n    minutes: 5\n');
      expectNo(both, 'rollback-not-rehearsed');
      expectFinding(both, 'rollback-rehearsal-stale', { severity: 'warning', covers: '2026-11-01', file: RB });
      expectFinding(both, 'rollback-too-slow', { severity: 'warning', covers: '30', file: RB });
    });

    it('is a warning weeks before target, at the first key', () => {
      expectFinding(unrehearsed, 'rollback-not-rehearsed', { severity: 'warning', covers: 'stable', file: RB, today: '2026-12-14' });
    });

    it('is an error from 3 days before target', () => {
      const finding = expectFinding(unrehearsed, 'rollback-not-rehearsed', { severity: 'error', covers: 'stable', file: RB, today: '2026-12-15' });
      assert.match(finding.message, /target is days away/);
    });

    it('is an error on an empty rehearsal list too, at the rehearsals key', () => {
      expectFinding(rollback(REHEARSALS, 'rehearsals: []\n'), 'rollback-not-rehearsed', { severity: 'error', covers: 'rehearsals', file: RB, today: '2026-12-17' });
    });

    it('does not fire once a rehearsal is recorded', () => {
      expectNo({}, 'rollback-not-rehearsed', '2026-12-17');
    });
  });

  describe('rollback-rehearsal-stale', () => {
    it('fires when the latest rehearsal is older than 14 days, at its date', () => {
      const finding = expectFinding({}, 'rollback-rehearsal-stale', { severity: 'warning', covers: '2026-11-27', file: RB, today: '2026-12-12' });
      assert.match(finding.message, /15 days ago; the limit is 14/);
    });

    it('does not fire at exactly 14 days, or when a newer rehearsal exists', () => {
      expectNo({}, 'rollback-rehearsal-stale', '2026-12-11');
      const two = rollback(REHEARSALS, `rehearsals:\n  - date: 2026-11-01\n    minutes: 30\n${REHEARSALS.slice('rehearsals:\n'.length)}`);
      expectNo(two, 'rollback-rehearsal-stale', '2026-12-11');
      // The older rehearsal took 30 minutes, but only the latest counts for speed.
      expectNo(two, 'rollback-too-slow', '2026-12-11');
    });

    it('follows config.yaml limits.rehearsal_age_days', () => {
      expectFinding({ 'config.yaml': 'limits:\n  rehearsal_age_days: 3\n' }, 'rollback-rehearsal-stale', { severity: 'warning', covers: '2026-11-27', file: RB });
    });
  });

  describe('rollback-too-slow', () => {
    it('fires when the latest rehearsal took longer than target_minutes, at the minutes', () => {
      expectFinding(rollback('minutes: 11', 'minutes: 16'), 'rollback-too-slow', { severity: 'warning', covers: '16', file: RB });
    });

    it('does not fire at exactly target_minutes or without target_minutes', () => {
      expectNo(rollback('minutes: 11', 'minutes: 15'), 'rollback-too-slow');
      expectNo({ 'rollback.yaml': releaseWith('target_minutes: 15\n', '', releaseWith('minutes: 11', 'minutes: 90', CLEAN_ROLLBACK)) }, 'rollback-too-slow');
    });
  });

  describe('migration-no-rollback', () => {
    for (const line of ['none', 'N/A - forward only', 'no rollback possible', 'irreversible', 'Forward-only migration', 'cannot be undone', '"No, append-only"']) {
      it(`flags a rollback line that says there is no way back: ${line}`, () => {
        const release = releaseWith('    estimate: 2\n', `    estimate: 2\n    risk: [migration]\n    rollback: ${line}\n`);
        const finding = expectFinding({ 'release.yaml': release }, 'migration-no-rollback', { severity: 'error', covers: 'migration' });
        assert.match(finding.message, /says there is no way back/);
      });
    }

    it('fires on a migration task without rollback, at the migration risk', () => {
      const release = releaseWith('    estimate: 2\n', '    estimate: 2\n    risk: [billing, migration]\n');
      const finding = expectFinding({ 'release.yaml': release }, 'migration-no-rollback', { severity: 'error', covers: 'migration' });
      assert.deepEqual(finding.path, ['tasks', 0, 'risk', 1]);
    });

    it('fires when the rollback line is a placeholder (what the quick fix writes)', () => {
      const release = releaseWith('    estimate: 2\n', '    estimate: 2\n    risk: [migration]\n    rollback: "TODO: how is this migration undone?"\n');
      const finding = expectFinding({ 'release.yaml': release }, 'migration-no-rollback', { severity: 'error', covers: 'migration' });
      assert.match(finding.message, /still a placeholder \("TODO: how is this migration undone\?"\)/);
    });

    it('does not fire when the task says how it is undone, or is not a migration', () => {
      expectNo({ 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 2\n    risk: [migration]\n    rollback: down migration tested on a copy\n') }, 'migration-no-rollback');
      expectNo({ 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 2\n    risk: [billing]\n') }, 'migration-no-rollback');
      expectNo({ 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 2\n    risk: [migration]\n    rollback: "No downtime: the down migration was tested on a copy"\n') }, 'migration-no-rollback');
    });
  });

  it('still checks release.yaml when rollback.yaml is broken', () => {
    const result = check({ 'rollback.yaml': 'steps: [unclosed', 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') });
    assert.equal(only(result, 'yaml-syntax').length, 1);
    assert.equal(only(result, 'owner-team-label').length, 1);
  });
});
