import assert from 'node:assert/strict';
import { evaluateGonogo } from '../../src/core/gonogo';
import { check, CLEAN_ROLLBACK, codes, expectFinding, expectNo, releaseWith } from './helpers';

const rollbackWith = (find: string, replace: string) => {
  if (!CLEAN_ROLLBACK.includes(find)) throw new Error(`rollback fixture does not contain: ${find}`);
  return CLEAN_ROLLBACK.replace(find, replace);
};

describe('placeholder-text', () => {
  it('flags a task title that is still template text, on the title', () => {
    const release = releaseWith('    title: Download button\n', '    title: "TODO: the first piece of work"\n');
    const finding = expectFinding({ 'release.yaml': release }, 'placeholder-text', { severity: 'error', covers: '"TODO: the first piece of work"' });
    assert.equal(finding.message, 'The title of task T2 is still template text ("TODO: the first piece of work"). Say in a few words what is done.');
  });

  it('flags a parked title and the release name', () => {
    const parked = releaseWith('  - title: CSV export\n', '  - title: TBD\n');
    expectFinding({ 'release.yaml': parked }, 'placeholder-text', { severity: 'error', covers: 'TBD' });
    const named = releaseWith('release: invoices-v1\n', 'release: <name>\n');
    expectFinding({ 'release.yaml': named }, 'placeholder-text', { severity: 'error', covers: '<name>' });
  });

  it('flags a placeholder step among real ones, and a placeholder trigger signal among real ones', () => {
    const steps = rollbackWith('  - Check users are on 1.4.2.\n', '  - Check users are on 1.4.2.\n  - "TODO: verify"\n');
    expectFinding({ 'rollback.yaml': steps }, 'placeholder-text', { severity: 'error', covers: '"TODO: verify"', file: '.release/rollback.yaml' });
    const triggers = rollbackWith('    for: 5m\n', '    for: 5m\n  - signal: "???"\n    threshold: "> 5"\n');
    expectFinding({ 'rollback.yaml': triggers }, 'placeholder-text', { severity: 'error', covers: '"???"', file: '.release/rollback.yaml' });
  });

  it('makes go/no-go question 3 fail on a template step left in the runbook', () => {
    const steps = rollbackWith('  - Check users are on 1.4.2.\n', '  - Check users are on 1.4.2.\n  - "TODO: verify"\n');
    const rollback = evaluateGonogo(check({ 'rollback.yaml': steps })).questions.find((q) => q.id === 'rollback');
    assert.equal(rollback?.verdict, 'fail');
    assert.deepEqual(rollback?.findings.map((f) => f.code), ['placeholder-text']);
  });

  it('leaves fields with a rule of their own to that rule (no double report)', () => {
    const onlyPlaceholderSteps = rollbackWith('steps:\n  - Redeploy 1.4.2.\n  - Check users are on 1.4.2.\n', 'steps:\n  - "TODO: the first step"\n');
    const result = check({ 'rollback.yaml': onlyPlaceholderSteps });
    assert.ok(codes(result).includes('rollback-no-steps'));
    assert.ok(!codes(result).includes('placeholder-text'), codes(result).join(', '));
    expectNo({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: TODO\n') }, 'placeholder-text');
  });

  it('leaves real text alone, including words that merely start like a marker', () => {
    expectNo({}, 'placeholder-text');
    expectNo({ 'release.yaml': releaseWith('    title: Download button\n', '    title: Todo list export\n') }, 'placeholder-text');
    expectNo({ 'release.yaml': releaseWith('    title: Download button\n', '    title: None-of-the-above option in the survey\n') }, 'placeholder-text');
  });
});
