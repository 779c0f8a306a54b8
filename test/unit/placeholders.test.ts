import assert from 'node:assert/strict';
import { evaluateGonogo } from '../../src/core/gonogo';
import { isPlaceholder } from '../../src/core/placeholder';
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

  it('flags a template threshold on a real trigger (a blank one stays rollback-trigger-vague)', () => {
    const templated = rollbackWith('    threshold: "> 2%"\n', '    threshold: "TODO: when it fires, e.g. > 2% of requests"\n');
    const finding = expectFinding({ 'rollback.yaml': templated }, 'placeholder-text', { severity: 'error', covers: '"TODO: when it fires, e.g. > 2% of requests"', file: '.release/rollback.yaml' });
    assert.match(finding.message, /^The threshold of trigger "error rate" is still template text/);
    expectNo({ 'rollback.yaml': templated }, 'rollback-trigger-vague');
  });

  it('makes go/no-go question 1 fail on a template task title (scope nobody has defined)', () => {
    const release = releaseWith('    title: Download button\n', '    title: "TODO: the first piece of work"\n');
    const q = evaluateGonogo(check({ 'release.yaml': release })).questions.find((x) => x.id === 'one-problem');
    assert.equal(q?.verdict, 'fail');
    assert.deepEqual(q?.findings.map((f) => f.code), ['placeholder-text']);
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

  describe('the one notion of placeholder (src/core/placeholder.ts)', () => {
    const placeholders = ['TODO', 'TODO.', 'TODO ask Ana', 'TODO: x', 'TBC: ask Ana', 'TBD - ask Ana', 'TBD.', '(TBD)', '[TODO]', '"TBD"', 'XXX.', 'Fixme later', 'N.A.', 'n/a', 'N/A - forward only', 'none', '-', '???', '<owner>', '…', '...', ''];
    const real = ['Nadia', 'Todo list export', 'None of the above is real', 'Na Li', 'Ana', 'Customers cannot pay by card.', '1.4.2', 'XXL shirts', 'Fix the login page'];
    for (const text of placeholders) it(`${JSON.stringify(text)} is a placeholder`, () => assert.equal(isPlaceholder(text), true));
    for (const text of real) it(`${JSON.stringify(text)} is real text`, () => assert.equal(isPlaceholder(text), false));

    it('every rule that reads a field reads these as missing', () => {
      expectFinding({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: TODO ask Ana\n') }, 'owner-missing', { severity: 'error', covers: 'TODO ask Ana' });
      expectFinding({ 'release.yaml': releaseWith('problem: Customers cannot download their invoices as PDF.\n', 'problem: "TBD."\n') }, 'problem-missing', { severity: 'error', covers: '"TBD."' });
      expectFinding({ 'rollback.yaml': rollbackWith('  version: "1.4.2"\n', '  version: "TODO 1.4.2"\n') }, 'rollback-no-stable', { severity: 'error', covers: '"TODO 1.4.2"', file: '.release/rollback.yaml' });
      for (const line of ['TODO write the down migration', '"TBC: ask the DBA"', 'None needed']) {
        expectFinding({ 'release.yaml': releaseWith('    estimate: 2\n', `    estimate: 2\n    risk: [migration]\n    rollback: ${line}\n`) }, 'migration-no-rollback', { severity: 'error', covers: 'migration' });
      }
    });
  });
});
