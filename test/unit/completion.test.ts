import assert from 'node:assert/strict';
import { completionSite, suggestValues } from '../../src/core/completion';
import { ownerLoads } from '../../src/core/load';
import { check } from './helpers';

const at = (text: string) => completionSite(text.replace('|', ''), text.indexOf('|'));

describe('completion', () => {
  it('finds the key of the value being typed', () => {
    assert.deepEqual(at('tasks:\n  - id: T1\n    owner: A|'), { key: 'owner', prefix: 'A', parent: 'tasks' });
    assert.deepEqual(at('roles:\n  stop: |'), { key: 'stop', prefix: '', parent: 'roles' });
    assert.deepEqual(at('freeze:\n  scope: 2026|'), { key: 'scope', prefix: '2026', parent: 'freeze' });
  });

  it('finds the list a new item belongs to', () => {
    assert.equal(at('tasks:\n  - id: T1\n    risk:\n      - |')?.key, 'risk');
    assert.equal(at('    risk: [billing, |')?.key, 'risk');
  });

  it('offers nothing outside a value', () => {
    assert.equal(at('tasks:\n  - id: T1\n    ow|'), undefined);
  });

  it('offers people, enums and dates by key', () => {
    const people = ['Ana', 'Bo'];
    assert.deepEqual(suggestValues({ key: 'owner', prefix: '' }, people, '2026-11-25').map((s) => s.value), people);
    assert.deepEqual(suggestValues({ key: 'status', prefix: '' }, people, '2026-11-25').map((s) => s.value), ['todo', 'doing', 'blocked', 'done']);
    const dates = suggestValues({ key: 'target', prefix: '' }, people, '2026-11-25'); // a Wednesday
    assert.deepEqual(dates.slice(0, 4).map((d) => [d.detail, d.value]), [
      ['today', '2026-11-25'],
      ['tomorrow', '2026-11-26'],
      ['next Monday', '2026-11-30'],
      ['next Friday', '2026-11-27'],
    ]);
    assert.deepEqual(suggestValues({ key: 'scope', parent: 'roles', prefix: '' }, people, '2026-11-25').map((s) => s.kind), ['person', 'person']);
    assert.deepEqual(suggestValues({ key: 'title', prefix: '' }, people, '2026-11-25'), []);
  });
});

describe('ownerLoads', () => {
  it('sums each person\'s open tasks, estimates and roles', () => {
    const loads = ownerLoads(check());
    const bo = loads.find((l) => l.person === 'Bo');
    assert.deepEqual(bo?.openTasks.map((t) => t.id), ['T1']);
    assert.equal(bo?.estimate, 2);
    assert.deepEqual(bo?.roles, ['delivery', 'rollback runs']);
    assert.equal(typeof bo?.available, 'number');
  });
});
