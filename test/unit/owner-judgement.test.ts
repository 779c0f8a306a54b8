import assert from 'node:assert/strict';
import { People } from '../../src/core/people';
import { countSentences } from '../../src/core/rules/scope';
import { check, only, releaseWith } from './helpers';

describe('judging owner values', () => {
  const people = new People(undefined);

  it('treats real names that contain label-like words as people', () => {
    for (const name of ['Dev Patel', 'Na Li', 'Lily Eng', 'Ops Johnson']) assert.deepEqual(people.judge(name), { kind: 'ok', person: name }, name);
  });

  it('treats phrases with a group noun, or made only of labels, as groups', () => {
    for (const value of ['backend team', 'Frontend folks', 'the devs', 'backend qa', 'QA', 'TBD', 'Backend-Team']) assert.equal(people.judge(value).kind, 'team-label', value);
  });

  it('an empty team.yaml does not make every owner unknown', () => {
    assert.equal(new People({ people: [] }).judge('Ana').kind, 'ok');
    assert.deepEqual(codes(check({ 'team.yaml': 'people: []\n' })), []);
  });
});

describe('refinements', () => {
  it('does not ask an owner of finished work', () => {
    const release = releaseWith('    owner: Bo\n    status: doing\n', '    status: done\n');
    assert.deepEqual(only(check({ 'release.yaml': release }), 'owner-missing'), []);
    assert.equal(only(check({ 'release.yaml': releaseWith('    owner: Bo\n', '') }), 'owner-missing').length, 1);
  });

  it('reads "no." at a sentence end as a full stop', () => {
    assert.equal(countSentences('Customers say no. They leave.'), 2);
    assert.equal(countSentences('Customers cannot pay, e.g. by card.'), 1);
  });

  it('checks blocks only in the latest check-in', () => {
    const result = check({ 'checkins/2026-11-20.yaml': 'blocks:\n  - what: old block\n', 'checkins/2026-11-30.yaml': 'blocks:\n  - what: API key\n    clears: Bo\n' });
    assert.deepEqual(only(result, 'checkin-block-unowned'), []);
    const latest = check({ 'checkins/2026-11-30.yaml': 'blocks:\n  - what: API key\n' });
    assert.equal(only(latest, 'checkin-block-unowned').length, 1);
  });

  it('says "must not be empty" for an empty release name', () => {
    const schema = only(check({ 'release.yaml': releaseWith('release: invoices-v1', 'release: ""') }), 'schema');
    assert.match(schema[0]?.message ?? '', /must not be empty/);
  });
});

function codes(result: ReturnType<typeof check>): string[] {
  return result.findings.map((f) => f.code);
}

describe('vague owners and spellings', () => {
  it('treats "someone else" and "whoever is on call" as nobody in particular', () => {
    const people = new People(undefined);
    for (const value of ['someone else', 'whoever is on call', 'nobody yet', 'ops on call', 'On-call engineer']) assert.equal(people.judge(value).kind, 'team-label', value);
  });

  it('counts "Bo" and "bo" as one person without team.yaml', () => {
    const people = new People(undefined);
    assert.equal(people.canonical('Bo'), 'Bo');
    assert.equal(people.canonical('bo'), 'Bo');
  });
});
