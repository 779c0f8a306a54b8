import assert from 'node:assert/strict';
import { check, CLEAN_ROLLBACK, codes, expectFinding, expectNo, only, releaseWith } from './helpers';

const TEAM = `people:
  - name: Ana
    aliases: [ana.k, "@anak"]
  - name: Bo
  - name: Cy
  - name: Dee
`;

/** The clean release with task T1's owner line replaced. */
const owner = (value: string) => ({ 'release.yaml': releaseWith('    owner: Bo\n', `    owner: ${value}\n`) });

describe('ownership rules', () => {
  describe('owner-missing', () => {
    it('fires on a task without an owner key, at the task line', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('    owner: Bo\n', '') }, 'owner-missing', { severity: 'error', covers: 'id: T1' });
      assert.deepEqual(finding.path, ['tasks', 0, 'owner']);
      assert.match(finding.message, /T1 has no owner/);
    });

    it('fires on an empty owner string, at the value', () => {
      expectFinding(owner('""'), 'owner-missing', { severity: 'error', covers: '""' });
    });

    it('fires once (no extra schema finding) on `owner:` with nothing after it', () => {
      const finding = expectFinding(owner(''), 'owner-missing', { severity: 'error', covers: '' });
      assert.equal(finding.range.start.line, 18);
      expectNo(owner(''), 'schema');
    });

    it('fires on an empty list', () => {
      expectFinding(owner('[]'), 'owner-missing', { severity: 'error', covers: '[]' });
    });

    it('does not fire when every task has one owner', () => {
      expectNo({}, 'owner-missing');
    });

    for (const placeholder of ['TODO', 'TBD', '???', '"-"', '<name>', '"TODO: name the owner"']) {
      it(`fires on the placeholder ${placeholder}, with or without team.yaml`, () => {
        const finding = expectFinding(owner(placeholder), 'owner-missing', { severity: 'error', covers: placeholder });
        assert.match(finding.message, /is a placeholder, not a person/);
        expectFinding({ ...owner(placeholder), 'team.yaml': TEAM }, 'owner-missing', { severity: 'error', covers: placeholder });
        expectNo({ ...owner(placeholder), 'team.yaml': TEAM }, 'owner-unknown');
        expectNo(owner(placeholder), 'owner-team-label');
      });
    }

    it('does not fire for a blocker without `clears` (that is not an owner)', () => {
      expectNo({ 'release.yaml': releaseWith('    status: doing\n', '    status: blocked\n    blocker: waiting for legal\n') }, 'owner-missing');
    });
  });

  describe('owner-team-label', () => {
    for (const label of ['backend team', 'QA', 'backend-Team', 'everyone', '"@qa"', '"@acme/backend"']) {
      it(`fires on "${label}", covering exactly the value`, () => {
        const finding = expectFinding(owner(label), 'owner-team-label', { severity: 'error', covers: label });
        assert.match(finding.message, /group, not a person/);
      });
    }

    it('fires on a role reference, saying it names a role', () => {
      for (const role of ['the release owner', 'the owner', 'release manager', 'whoever owns billing']) {
        const finding = expectFinding(owner(role), 'owner-team-label', { severity: 'error', covers: role });
        if (!role.startsWith('whoever')) assert.match(finding.message, /names a role, not a person/);
      }
    });

    it('uses config.yaml team_labels as extra labels', () => {
      expectFinding({ ...owner('Platypus'), 'config.yaml': 'team_labels: [platypus]\n' }, 'owner-team-label', { severity: 'error', covers: 'Platypus' });
    });

    it('does not fire for a person whose name merely contains a label word inside it', () => {
      // "Allison" contains "all", "Teaman" contains "team": only whole words count.
      expectNo(owner('Allison'), 'owner-team-label');
      expectNo(owner('Teaman'), 'owner-team-label');
    });

    it('does not fire for a label-like word that team.yaml names as an alias', () => {
      const team = 'people:\n  - name: Oscar\n    aliases: [ops]\n  - name: Bo\n  - name: Cy\n  - name: Ana\n';
      const result = expectNo({ ...owner('Ops'), 'team.yaml': team }, 'owner-team-label');
      assert.deepEqual(only(result, 'owner-unknown'), []);
    });

    it('fires on a release role that names a group', () => {
      expectFinding({ 'release.yaml': releaseWith('  stop: Ana\n', '  stop: management\n') }, 'owner-team-label', { severity: 'error', covers: 'management' });
    });

    for (const group of ['Legal', 'Finance', 'Compliance', 'Customer Success', 'Vendor', 'Contractors', 'HR', 'IT', 'Procurement', 'Accounting', 'Partners', 'Agency', 'Customers']) {
      it(`fires on the group "${group}" without team.yaml, as owner and as clearer`, () => {
        const finding = expectFinding(owner(group), 'owner-team-label', { severity: 'error', covers: group });
        assert.match(finding.message, /group, not a person/);
        const clears = { 'release.yaml': releaseWith('    status: doing\n', `    status: blocked\n    blocker: contract review\n    clears: ${group}\n`) };
        assert.match(expectFinding(clears, 'task-blocked-unowned', { severity: 'warning', covers: group }).message, /a group/);
      });
    }

    it('does not fire for a real name next to a department word', () => {
      for (const name of ['Dev Patel', 'Itzel Ruiz', 'Hr Vo']) expectNo(owner(name), 'owner-team-label');
    });
  });

  describe('owner-multiple', () => {
    for (const value of ['Ana and Bo', 'Ana/Bo', 'Ana & Bo', '[Ana, Bo]', 'Ana y Bo']) {
      it(`fires on ${value}`, () => {
        const finding = expectFinding(owner(value), 'owner-multiple', { severity: 'error', covers: value });
        assert.match(finding.message, /names 2 people \(Ana, Bo\)/);
      });
    }

    it('asks whether "Smith, John" is one person surname-first or two people', () => {
      const finding = expectFinding(owner('Smith, John'), 'owner-multiple', { severity: 'error', covers: 'Smith, John' });
      assert.equal(finding.message, 'Task T1 names "Smith, John": is this one person written surname-first, or two people? For one person, write "John Smith" or list "Smith, John" in team.yaml; for two, keep one owner and move the other to notes.');
      // "Ana, Bo" reads both ways too without team.yaml; with Ana and Bo on the team it is two people.
      assert.match(expectFinding(owner('Ana, Bo'), 'owner-multiple', { severity: 'error', covers: 'Ana, Bo' }).message, /surname-first/);
      assert.match(expectFinding({ ...owner('Ana, Bo'), 'team.yaml': TEAM }, 'owner-multiple', { severity: 'error', covers: 'Ana, Bo' }).message, /names 2 people \(Ana, Bo\)/);
    });

    it('accepts "Smith, John" when team.yaml lists that name or John Smith', () => {
      const listed = `${TEAM}  - name: Smith, John\n`;
      expectNo({ ...owner('Smith, John'), 'team.yaml': listed }, 'owner-multiple');
      const result = expectNo({ ...owner('Smith, John'), 'team.yaml': `${TEAM}  - name: John Smith\n` }, 'owner-multiple');
      assert.deepEqual(codes(result), []);
    });

    it('names a GitLab subgroup handle as a group, not as three people', () => {
      expectNo(owner('"@org/team/sub"'), 'owner-multiple');
      const finding = expectFinding(owner('"@org/team/sub"'), 'owner-team-label', { severity: 'error', covers: '"@org/team/sub"' });
      assert.match(finding.message, /"@org\/team\/sub" is a group, not a person/);
    });

    it('reads "Ortega y Gasset, José" as the team\'s José Ortega y Gasset, and asks without him in team.yaml', () => {
      const listed = `${TEAM}  - name: José Ortega y Gasset\n`;
      assert.deepEqual(codes(expectNo({ ...owner('Ortega y Gasset, José'), 'team.yaml': listed }, 'owner-multiple')), []);
      const finding = expectFinding(owner('Ortega y Gasset, José'), 'owner-multiple', { severity: 'error', covers: 'Ortega y Gasset, José' });
      assert.equal(finding.message, 'Task T1 names "Ortega y Gasset, José": is this one person written surname-first, or two people? For one person, write "José Ortega y Gasset" or list "Ortega y Gasset, José" in team.yaml; for two, keep one owner and move the other to notes.');
    });

    it('does not fire on names with particles', () => {
      for (const name of ['José Ortega y Gasset', 'Ludwig van Beethoven', 'Ana de la Cruz']) {
        assert.deepEqual(codes(expectNo(owner(name), 'owner-multiple')), [], name);
      }
    });

    it('fires on a block YAML list, covering the list', () => {
      expectFinding(owner('\n      - Ana\n      - Bo'), 'owner-multiple', { severity: 'error', covers: '- Ana\n      - Bo\n' });
    });

    it('does not fire on a one-item list or a name with a space', () => {
      expectNo(owner('[Bo]'), 'owner-multiple');
      expectNo(owner('Bo Anderson'), 'owner-multiple');
      expectNo(owner('Andrea Sandoval'), 'owner-multiple');
    });

    it('fires on a rollback role shared by two people, in rollback.yaml', () => {
      expectFinding({ 'rollback.yaml': releaseWith('  runs: Bo\n', '  runs: Bo and Cy\n', CLEAN_ROLLBACK) }, 'owner-multiple', { severity: 'error', covers: 'Bo and Cy', file: '.release/rollback.yaml' });
    });
  });

  describe('owner-unknown', () => {
    it('fires for a name missing from team.yaml, as a warning at the value', () => {
      expectFinding({ ...owner('Bob'), 'team.yaml': TEAM }, 'owner-unknown', { severity: 'warning', covers: 'Bob' });
    });

    it('does not fire without team.yaml', () => {
      expectNo(owner('Bob'), 'owner-unknown');
    });

    it('accepts names case-insensitively and aliases from team.yaml', () => {
      expectNo({ ...owner('bo'), 'team.yaml': TEAM }, 'owner-unknown');
      expectNo({ ...owner('ana.k'), 'team.yaml': TEAM }, 'owner-unknown');
      expectNo({ ...owner('"@anak"'), 'team.yaml': TEAM }, 'owner-unknown');
      expectNo({ ...owner('"@Bo"'), 'team.yaml': TEAM }, 'owner-unknown');
    });

    it('matches team.yaml whatever the apostrophe, the spaces between words or the accent encoding', () => {
      const team = `${TEAM}  - name: Siobhán O'Brien\n  - name: J. R. Smith\n`;
      // Curly (autocorrect) and modifier-letter apostrophes, a double space, and the á as a plus a combining accent (NFD).
      for (const written of ['Siobhán O’Brien', 'Siobhán Oʼbrien', 'Siobha\u0301n O\'Brien', '"J. R.  Smith"']) {
        const result = expectNo({ ...owner(written), 'team.yaml': team }, 'owner-unknown');
        assert.deepEqual(codes(result).filter((code) => code.startsWith('owner-')), [], written);
      }
      expectFinding({ ...owner('Siobhán O’Bryan'), 'team.yaml': team }, 'owner-unknown', { severity: 'warning', covers: 'Siobhán O’Bryan' });
    });

    it('counts an alias as the person for roles-one-person', () => {
      const release = releaseWith('  delivery: Bo\n  readiness: Cy\n', '  delivery: ana.k\n  readiness: Ana\n');
      expectFinding({ 'release.yaml': release, 'team.yaml': TEAM }, 'roles-one-person', { severity: 'warning', covers: 'roles' });
    });
  });

  describe('role-missing', () => {
    it('fires once per missing role, at the `roles` key when the role key is absent', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('  delivery: Bo\n', '') }, 'role-missing', { severity: 'error', covers: 'roles' });
      assert.match(finding.message, /roles\.delivery/);
    });

    it('fires at the empty value when the role is present but empty', () => {
      expectFinding({ 'release.yaml': releaseWith('  delivery: Bo\n', '  delivery: ""\n') }, 'role-missing', { severity: 'error', covers: '""' });
    });

    it('fires four times when there is no `roles` at all', () => {
      const result = check({ 'release.yaml': releaseWith('roles:\n  scope: Ana\n  delivery: Bo\n  readiness: Cy\n  stop: Ana\n', '') });
      const found = only(result, 'role-missing');
      assert.equal(found.length, 4);
      assert.deepEqual(found.map((f) => f.message.match(/roles\.(\w+)/)?.[1]).sort(), ['delivery', 'readiness', 'scope', 'stop']);
    });

    it('fires at a placeholder role', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('  stop: Ana\n', '  stop: TBD\n') }, 'role-missing', { severity: 'error', covers: 'TBD' });
      assert.match(finding.message, /"TBD" is a placeholder/);
    });

    it('does not fire when all four roles are named', () => {
      expectNo({}, 'role-missing');
    });
  });

  describe('roles-one-person', () => {
    it('fires when scope, delivery and readiness are the same person', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('  delivery: Bo\n  readiness: Cy\n', '  delivery: Ana\n  readiness: Ana\n') }, 'roles-one-person', { severity: 'warning', covers: 'roles' });
      assert.match(finding.message, /^Ana holds/);
    });

    it('does not fire when only two of the three roles are shared (stop does not count)', () => {
      expectNo({ 'release.yaml': releaseWith('  delivery: Bo\n', '  delivery: Ana\n') }, 'roles-one-person');
    });
  });

  describe('task-blocked-unowned', () => {
    it('also reads a task that names a blocker while its status says todo or doing, on the blocker', () => {
      const release = releaseWith('    owner: Cy\n    status: todo\n', '    owner: Cy\n    status: todo\n    blocker: waiting for legal\n');
      const finding = expectFinding({ 'release.yaml': release }, 'task-blocked-unowned', { severity: 'warning', covers: 'waiting for legal' });
      assert.match(finding.message, /^Task T2 is blocked by "waiting for legal" and names nobody who clears it\./);
      expectNo({ 'release.yaml': releaseWith('    owner: Cy\n    status: todo\n', '    owner: Cy\n    status: done\n    blocker: waiting for legal\n') }, 'task-blocked-unowned');
      expectNo({ 'release.yaml': releaseWith('    owner: Cy\n    status: todo\n', '    owner: Cy\n    status: todo\n    blocker: TBD\n') }, 'task-blocked-unowned');
    });

    const blocked = (clears: string) => ({ 'release.yaml': releaseWith('    status: doing\n', `    status: blocked\n    blocker: waiting for legal\n${clears}`) });

    it('fires on a blocked task without `clears`, at its status', () => {
      const finding = expectFinding(blocked(''), 'task-blocked-unowned', { severity: 'warning', covers: 'blocked' });
      assert.equal(finding.message, 'Task T1 is blocked by "waiting for legal" and names nobody who clears it. Add `clears:` with the one person who removes the blocker.');
    });

    it('fires at `clears` when it is a placeholder, a group, a role or several people', () => {
      assert.match(expectFinding(blocked('    clears: TODO\n'), 'task-blocked-unowned', { severity: 'warning', covers: 'TODO' }).message, /placeholder "TODO"/);
      assert.match(expectFinding(blocked('    clears: legal team\n'), 'task-blocked-unowned', { severity: 'warning', covers: 'legal team' }).message, /a group/);
      assert.match(expectFinding(blocked('    clears: the release owner\n'), 'task-blocked-unowned', { severity: 'warning', covers: 'the release owner' }).message, /a role/);
      assert.match(expectFinding(blocked('    clears: Ana/Bo\n'), 'task-blocked-unowned', { severity: 'warning', covers: 'Ana/Bo' }).message, /2 people/);
    });

    it('says of a clearer "Smith, John" what owner-multiple says: maybe one person surname-first, maybe two', () => {
      const result = blocked('    clears: Smith, John\n');
      const finding = expectFinding(result, 'task-blocked-unowned', { severity: 'warning', covers: 'Smith, John' });
      assert.equal(finding.message, 'Task T1 is blocked by "waiting for legal" and names "Smith, John" as its clearer, which may be one person written surname-first, or two. For one person, write `clears: John Smith` or list "Smith, John" in team.yaml; for two, keep the one who removes the blocker.');
      assert.match(expectFinding(result, 'owner-multiple', { severity: 'error', covers: 'Smith, John' }).message, /one person written surname-first, or two people\?/);
      expectNo({ ...blocked('    clears: Smith, John\n'), 'team.yaml': `${TEAM}  - name: John Smith\n` }, 'task-blocked-unowned');
    });

    it('is an error from 3 days before target', () => {
      expectFinding(blocked(''), 'task-blocked-unowned', { severity: 'warning', covers: 'blocked', today: '2026-12-14' });
      expectFinding(blocked(''), 'task-blocked-unowned', { severity: 'error', covers: 'blocked', today: '2026-12-15' });
    });

    it('does not fire when one person clears it (on the team or not), or the task is not blocked', () => {
      expectNo(blocked('    clears: Ana\n'), 'task-blocked-unowned');
      const unknown = expectNo({ ...blocked('    clears: Eve\n'), 'team.yaml': TEAM }, 'task-blocked-unowned');
      assert.equal(only(unknown, 'owner-unknown').length, 1);
      expectNo({ 'release.yaml': releaseWith('    status: doing\n', '    status: doing\n    blocker: waiting for legal\n    clears: Ana\n') }, 'task-blocked-unowned');
    });
  });

  describe('owner-overloaded', () => {
    const extra = (count: number, who: string) =>
      Array.from({ length: count }, (_, i) => `  - id: X${i}\n    title: chore ${i}\n    owner: ${who}\n    status: todo\n`).join('');

    it('fires on the first open task beyond the per-owner limit', () => {
      // Bo has T1 plus four more open tasks: the fifth (X3) crosses the default limit of 4.
      const release = releaseWith('parked:', `${extra(4, 'Bo')}parked:`);
      const finding = expectFinding({ 'release.yaml': release }, 'owner-overloaded', { severity: 'warning', covers: 'Bo' });
      assert.deepEqual(finding.path, ['tasks', 5, 'owner']);
      assert.match(finding.message, /Bo owns 5 open tasks; the limit is 4/);
    });

    it('does not fire at the limit, nor for done tasks', () => {
      expectNo({ 'release.yaml': releaseWith('parked:', `${extra(3, 'Bo')}parked:`) }, 'owner-overloaded');
      const done = releaseWith('parked:', `${extra(4, 'Bo').replace(/status: todo/g, 'status: done')}parked:`);
      expectNo({ 'release.yaml': done }, 'owner-overloaded');
    });

    it('follows config.yaml limits.open_tasks_per_owner', () => {
      expectFinding({ 'release.yaml': releaseWith('parked:', `${extra(1, 'Bo')}parked:`), 'config.yaml': 'limits:\n  open_tasks_per_owner: 1\n' }, 'owner-overloaded', { severity: 'warning', covers: 'Bo' });
    });

    it('fires when open estimates exceed the working days left before target', () => {
      // 2026-12-01 (Tue) to 2026-12-18 (Fri): 13 working days.
      const finding = expectFinding({ 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 14\n') }, 'owner-overloaded', { severity: 'warning', covers: 'Bo' });
      assert.match(finding.message, /14 days .* 13 working days/);
      expectNo({ 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 13\n') }, 'owner-overloaded');
    });

    it('scales the days by team.yaml capacity', () => {
      const team = 'people:\n  - name: Ana\n  - name: Bo\n    capacity: 2.5\n  - name: Cy\n';
      // Half-time Bo has 6.5 days before target.
      expectFinding({ 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 7\n'), 'team.yaml': team }, 'owner-overloaded', { severity: 'warning', covers: 'Bo' });
      expectNo({ 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 6\n'), 'team.yaml': team }, 'owner-overloaded');
    });
  });

  it('reports several ownership problems in one plan independently', () => {
    const release = releaseWith('    owner: Cy\n', '    owner: QA\n', releaseWith('    owner: Bo\n', '    owner: Ana/Bo\n'));
    assert.deepEqual(codes(check({ 'release.yaml': release })).sort(), ['owner-multiple', 'owner-team-label']);
  });

  it('accepts non-ASCII personal names', () => {
    const release = releaseWith('    owner: Cy\n', '    owner: 李雷\n', releaseWith('    owner: Bo\n', '    owner: Zoë Ångström\n'));
    assert.deepEqual(codes(check({ 'release.yaml': release })), []);
  });
});
