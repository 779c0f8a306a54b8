import assert from 'node:assert/strict';
import { People } from '../../src/core/people';
import { countSentences } from '../../src/core/rules/problem';
import { check, only, releaseWith } from './helpers';

describe('judging owner values', () => {
  const people = new People(undefined);

  it('treats real names that contain label-like words as people', () => {
    for (const name of ['Dev Patel', 'Na Li', 'Lily Eng', 'Ops Johnson']) assert.deepEqual(people.judge(name), { kind: 'ok', person: name }, name);
  });

  it('treats phrases with a group noun, or made only of labels, as groups', () => {
    for (const value of ['backend team', 'Frontend folks', 'the devs', 'backend qa', 'QA', 'Backend-Team', '@acme/backend', '@acme/web-platform']) assert.equal(people.judge(value).kind, 'team-label', value);
  });

  it('treats departments and parties outside the team as groups, alone or in a phrase', () => {
    const departments = ['Legal', 'Finance', 'Compliance', 'HR', 'IT', 'Procurement', 'Accounting', 'Legal Ops', 'IT support', 'finance / legal'];
    const outside = ['Customer Success', 'Vendor', 'Vendors', 'Contractor', 'Contractors', 'Partners', 'Agency', 'Customer', 'Customers', 'Acme vendor', 'external contractors', 'the agency', 'our partners'];
    for (const value of [...departments, ...outside]) assert.equal(people.judge(value).kind, value === 'finance / legal' ? 'multiple' : 'team-label', value);
    assert.deepEqual(people.judge('Customer Success'), { kind: 'team-label', label: 'customer' });
    assert.deepEqual(people.judge('the agency'), { kind: 'team-label', label: 'the agency' }, 'a group, not a role');
    // A label word next to a word that is not one stays a person's name.
    for (const name of ['Dev Patel', 'Itzel Ruiz', 'Hr Vo', 'Ana from Legal']) assert.deepEqual(people.judge(name), { kind: 'ok', person: name }, name);
  });

  it('matches team.yaml names across apostrophes, runs of spaces and accent encodings (NFC/NFD)', () => {
    const team = new People({ people: [{ name: "Siobhán O'Brien" }, { name: 'J. R. Smith', aliases: ['Zoë'] }, { name: 'Rene\u0301 Dupont' }] });
    for (const written of ['Siobhán O’Brien', 'Siobhán O‘Brien', 'siobhán oʼbrien', "Siobha\u0301n O'Brien", "  Siobhán   O'Brien "]) {
      assert.deepEqual(team.judge(written), { kind: 'ok', person: "Siobhán O'Brien" }, written);
    }
    assert.deepEqual(team.judge('J. R.  Smith'), { kind: 'ok', person: 'J. R. Smith' });
    assert.deepEqual(team.judge('J.\u00a0R. Smith'), { kind: 'ok', person: 'J. R. Smith' }, 'a no-break space');
    assert.deepEqual(team.judge('Zoe\u0308'), { kind: 'ok', person: 'J. R. Smith' }, 'an alias written with a combining diaeresis');
    assert.deepEqual(team.judge('René Dupont'), { kind: 'ok', person: 'Rene\u0301 Dupont' }, 'team.yaml in NFD, the owner in NFC');
    assert.deepEqual(team.judge('Siobhan O’Brien'), { kind: 'unknown', person: 'Siobhan O’Brien' }, 'a missing accent is a different spelling');
    // Without team.yaml, two spellings of one name are still one person.
    const loose = new People(undefined);
    assert.equal(loose.canonical("Siobhán O'Brien"), "Siobhán O'Brien");
    assert.equal(loose.canonical('Siobhán O’Brien'), "Siobhán O'Brien");
  });

  it('treats a GitLab subgroup handle of any depth as one group, and two handles as two people', () => {
    for (const value of ['@org/team/sub', '@org/platform/web/checkout']) assert.deepEqual(people.judge(value), { kind: 'team-label', label: value }, value);
    assert.deepEqual(people.judge('@ana/@bo'), { kind: 'multiple', people: ['@ana', '@bo'] });
  });

  it('treats placeholders as nobody, with or without team.yaml', () => {
    const team = new People({ people: [{ name: 'Ana' }] });
    for (const value of ['TODO', 'TBD', '???', '?', '-', 'n/a', '<name>', 'TODO: name the owner', '']) {
      assert.equal(people.judge(value).kind, 'missing', value);
      assert.equal(team.judge(value).kind, 'missing', value);
    }
    assert.deepEqual(people.judge('TODO'), { kind: 'missing', placeholder: 'TODO' });
    assert.equal(people.judge(['TODO', 'Ana']).kind, 'ok', 'a placeholder next to one name in a list leaves that name');
  });

  it('treats role references as a role, not a person', () => {
    for (const value of ['the release owner', 'the owner', 'release manager', 'tech lead', 'PM', 'owner of billing']) assert.deepEqual(people.judge(value), { kind: 'team-label', label: value, role: true }, value);
    assert.equal(people.judge('whoever owns billing').kind, 'team-label');
    assert.equal(people.judge('whoever owns checkout and billing').kind, 'team-label', 'judged whole, not as two people');
  });

  it('reads names with particles as one person', () => {
    for (const name of ['José Ortega y Gasset', 'Ludwig van Beethoven', 'Ana de la Cruz', 'Leonardo da Vinci', 'Otto von Bismarck', 'María del Carmen']) assert.deepEqual(people.judge(name), { kind: 'ok', person: name }, name);
    assert.deepEqual(people.judge('Ana y Bo'), { kind: 'multiple', people: ['Ana', 'Bo'] }, 'a single given name on each side of "y" is two people');
    assert.deepEqual(people.judge('Ana García y Bo Pérez'), { kind: 'multiple', people: ['Ana García', 'Bo Pérez'] });
  });

  it('asks about "Smith, John" unless team.yaml settles it', () => {
    assert.deepEqual(people.judge('Smith, John'), { kind: 'multiple', people: ['Smith', 'John'], ambiguous: true });
    assert.deepEqual(people.judge('Ana Costa, Bo Nielsen'), { kind: 'multiple', people: ['Ana Costa', 'Bo Nielsen'] }, 'two full names are two people');
    assert.deepEqual(new People({ people: [{ name: 'Smith, John' }] }).judge('smith, john'), { kind: 'ok', person: 'Smith, John' });
    assert.deepEqual(new People({ people: [{ name: 'John Smith' }] }).judge('Smith, John'), { kind: 'ok', person: 'John Smith' });
    assert.deepEqual(new People({ people: [{ name: 'Smith' }, { name: 'John' }] }).judge('Smith, John'), { kind: 'multiple', people: ['Smith', 'John'] });
  });

  it('reads a surname with particles written first as one person when team.yaml lists the given-name-first form, else asks', () => {
    const team = new People({ people: [{ name: 'José Ortega y Gasset' }, { name: 'Ana de la Cruz' }] });
    assert.deepEqual(team.judge('Ortega y Gasset, José'), { kind: 'ok', person: 'José Ortega y Gasset' });
    assert.deepEqual(team.judge('de la Cruz, Ana'), { kind: 'ok', person: 'Ana de la Cruz' });
    assert.deepEqual(people.judge('Ortega y Gasset, José'), { kind: 'multiple', people: ['Ortega y Gasset', 'José'], ambiguous: true });
    assert.deepEqual(new People({ people: [{ name: 'Bo' }] }).judge('Ortega y Gasset, José'), { kind: 'multiple', people: ['Ortega y Gasset', 'José'], ambiguous: true });
    assert.deepEqual(people.judge('de la Cruz, Ana María'), { kind: 'multiple', people: ['de la Cruz', 'Ana María'], ambiguous: true });
    assert.deepEqual(people.judge('van der Berg, Jan'), { kind: 'multiple', people: ['van der Berg', 'Jan'], ambiguous: true });
    // Other separators still split: this is three people, not a surname.
    assert.deepEqual(people.judge('Ana and Bo, Cy'), { kind: 'multiple', people: ['Ana', 'Bo', 'Cy'] });
    assert.deepEqual(people.judge('Ana, Bo Nielsen'), { kind: 'multiple', people: ['Ana', 'Bo Nielsen'] });
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
