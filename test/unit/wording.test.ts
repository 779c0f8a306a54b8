import assert from 'node:assert/strict';
import { expectFinding, releaseWith } from './helpers';

describe('counts in messages agree with their nouns', () => {
  it('scope-over-capacity says "1 working day" and "1 day" in the singular', () => {
    // Friday 2026-12-18 is the target day: one working day is left, and team.yaml names one person.
    const one = { 'team.yaml': 'people:\n  - name: Bo\n' };
    const finding = expectFinding(one, 'scope-over-capacity', { severity: 'warning', covers: 'tasks', today: '2026-12-18' });
    assert.equal(finding.message, 'Open estimates add up to 3 days, but 1 person has 1 working day before the release today. Cut scope until it fits.');
    // Bo works two days a week (0.4 of the day left); the only open task is 1 day.
    const release = releaseWith('    status: todo\n    estimate: 1\n', '    status: done\n    estimate: 1\n', releaseWith('    estimate: 2\n', '    estimate: 1\n'));
    const part = expectFinding({ 'release.yaml': release, 'team.yaml': 'people:\n  - name: Bo\n    capacity: 2\n  - name: Cy\n    capacity: 0\n' }, 'scope-over-capacity', { severity: 'warning', covers: 'tasks', today: '2026-12-18' });
    assert.equal(part.message, 'Open estimates add up to 1 day, but 2 people have 0.4 working days before the release today. Cut scope until it fits.');
  });
});

describe('rollback counts agree with their nouns', () => {
  it('"1 step", "1 day ago" and "1 minute" in the singular (limits of 0, a target under a minute)', async () => {
    const { check, CLEAN_ROLLBACK, TODAY } = await import('./helpers');
    const { addDays } = await import('../../src/core/dates');
    const config = 'limits:\n  runbook_steps: 0\n  rehearsal_age_days: 0\n';
    const rollback = CLEAN_ROLLBACK.replace(/rehearsals:[\s\S]*$/, `rehearsals:\n  - date: ${addDays(TODAY, -1)}\n    minutes: 1\n    environment: staging\n`).replace(/target_minutes: \d+/, 'target_minutes: 0.5');
    const result = check({ 'config.yaml': config, 'rollback.yaml': rollback.replace(/steps:\n(\s+- .*\n)+/, 'steps:\n  - Roll back the deploy.\n') });
    const said = (code: string) => result.findings.find((f) => f.code === code)?.message ?? `(no ${code})`;
    assert.match(said('rollback-too-long'), /^The runbook has 1 step; the limit is 0\./);
    assert.match(said('rollback-rehearsal-stale'), /^The last rehearsal was 1 day ago; the limit is 0\./);
    assert.match(said('rollback-too-slow'), /^The last rehearsal took 1 minute; the target is 0\.5\./);
  });
});
