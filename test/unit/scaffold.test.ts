import assert from 'node:assert/strict';
import { checkPlan } from '../../src/core/engine';
import { isPlaceholder } from '../../src/core/placeholder';
import { rollbackScaffold, scaffoldFiles } from '../../src/core/scaffold';
import { covered, TODAY } from './helpers';

const scaffold = () => scaffoldFiles(TODAY);

/** Each finding as `file code "covered text"`, in the order check reports them. */
function todoList(files: Map<string, string>): string[] {
  return checkPlan(files, { today: TODAY }).findings.map((f) => `${f.file.replace('.release/', '')} ${f.severity} ${f.code} ${covered(files.get(f.file) ?? '', f)}`);
}

/** The scaffold with every placeholder filled in the way a team would. */
function filledIn(): Map<string, string> {
  // Field → what a team writes there; only the placeholder values are replaced, never comments.
  const fills: Record<string, string> = {
    problem: 'Customers cannot export their invoices as PDF.',
    scope: 'Ana',
    delivery: 'Bo',
    readiness: 'Cy',
    stop: 'Ana',
    title: 'PDF export endpoint',
    owner: 'Bo',
    version: '"1.4.2"',
    decides: 'Ana',
    runs: 'Bo',
    verifies: 'Cy',
    signal: 'error rate',
    threshold: '"> 2% of requests"',
    '-': 'Redeploy the stable version.',
  };
  const fill = (text: string) => text.replace(/^(\s*(?:- )?)([a-z_]+: |- |)"TODO: [^"]*"$/gm, (_all, indent: string, key: string) => {
    const field = key ? key.replace(/: $/, '').replace(/^- $/, '-') : '-';
    const value = fills[field];
    if (value === undefined) throw new Error(`no fill for ${field}`);
    return `${indent}${key}${value}`;
  });
  return new Map([...scaffold()].map(([path, text]) => [path, fill(text)]));
}

describe('init scaffold', () => {
  it('writes release.yaml and rollback.yaml, commented, and no team.yaml', () => {
    const files = scaffold();
    assert.deepEqual([...files.keys()], ['.release/release.yaml', '.release/rollback.yaml']);
    for (const text of files.values()) assert.match(text, /^# /);
    assert.match(files.get('.release/release.yaml') ?? '', /^# Optional: list the people who can own work in \.release\/team\.yaml/m);
  });

  it('invents no people and no problem: each of those fields is a placeholder', () => {
    const text = [...scaffold().values()].join('\n');
    const fields = ['problem', 'scope', 'delivery', 'readiness', 'stop', 'owner', 'version', 'decides', 'runs', 'verifies'];
    for (const field of fields) {
      const value = new RegExp(`^\\s*${field}: "(.*)"$`, 'm').exec(text)?.[1];
      assert.ok(value !== undefined, `no quoted ${field}: in the scaffold`);
      assert.ok(isPlaceholder(value), `${field}: ${value} is not a placeholder`);
    }
    assert.doesNotMatch(text, /^\s*[a-z_]+: (Ana|Bo|Cy)\b/m);
  });

  it('checks with errors (the CLI exits 1), one finding on each field to fill, in order', () => {
    const files = scaffold();
    const result = checkPlan(files, { today: TODAY });
    assert.ok(result.findings.some((f) => f.severity === 'error'));
    assert.deepEqual(todoList(files), [
      'release.yaml error problem-missing "TODO: the one customer problem this release solves, in one sentence"',
      'release.yaml error role-missing "TODO: the one person who decides what is in scope"',
      'release.yaml error role-missing "TODO: the one person who gets the work delivered"',
      'release.yaml error role-missing "TODO: the one person who says the release is ready"',
      'release.yaml error role-missing "TODO: the one person who may stop the release"',
      'release.yaml error placeholder-text "TODO: the first piece of work"',
      'release.yaml error owner-missing "TODO: one person"',
      'rollback.yaml error rollback-no-stable "TODO: the last known good version, e.g. 1.4.2"',
      'rollback.yaml error rollback-role-missing "TODO: the one person who decides to roll back"',
      'rollback.yaml error rollback-role-missing "TODO: the one person who runs the rollback"',
      'rollback.yaml error rollback-role-missing "TODO: the one person who checks users are back on the stable version"',
      'rollback.yaml error rollback-no-triggers triggers',
      'rollback.yaml error rollback-no-steps steps',
      'rollback.yaml warning rollback-not-rehearsed rehearsals',
    ]);
  });

  it('is the whole to-do list: with the placeholders filled in, no error is left', () => {
    const left = todoList(filledIn());
    assert.deepEqual(left.filter((line) => / error /.test(line)), []);
    assert.deepEqual(left, ['rollback.yaml warning rollback-not-rehearsed rehearsals']);
  });

  it('gives the same runbook to the "create rollback.yaml" quick fix', () => {
    assert.equal(rollbackScaffold(), scaffold().get('.release/rollback.yaml'));
  });

  it('dates the plan from the day it is written', () => {
    const text = scaffoldFiles('2027-03-01').get('.release/release.yaml') ?? '';
    assert.match(text, /^target: 2027-03-22$/m);
    assert.match(text, /^backup: 2027-03-29$/m);
  });
});
