import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { appendToList, applyEdits, removeListItem, renameKey, setValue, type EditResult } from '../../src/core/edits';
import { render } from '../../src/core/message';

/** A refusal with its reason in English, as the CLI renders it. */
const english = (result: EditResult) => (result.ok ? result : { ok: false, reason: render(result.reason) });

const PLAN = `# Release plan
release: demo # the name
target: 2026-12-18
roles:
  scope: Ana
tasks:
  - id: T1
    title: Export # keep me
    owner: backend team # who?
  - id: T2
    title: Button
  - id: T3
    title: Pair
    owner:
      - Ana
      - Bo
parked: []
`;

function apply(text: string, result: EditResult): string {
  assert.ok(result.ok, result.ok ? '' : render(result.reason));
  return applyEdits(text, result.edits);
}

describe('edits', () => {
  it('replaces a scalar and keeps its trailing comment', () => {
    const out = apply(PLAN, setValue(PLAN, ['tasks', 0, 'owner'], 'Ana'));
    assert.match(out, /^ {4}owner: Ana # who\?$/m);
    assert.equal(out.replace('owner: Ana # who?', 'owner: backend team # who?'), PLAN);
  });

  it('replaces a value with text over several lines double-quoted on one line, never a block scalar that would end the map (review of issue 12)', () => {
    // [path, value, lines the file gains]: a block list of two owners becomes one line (-2).
    for (const [path, value, gained] of [[['tasks', 0, 'owner'], 'Dee\nEve', 0], [['tasks', 2, 'owner'], 'line one\r\nline two', -2], [['release'], 'a\u2028b\nc: "d"', 0]] as const) {
      const out = apply(PLAN, setValue(PLAN, [...path], value));
      const doc = parse(out);
      assert.equal(path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], doc), value, JSON.stringify(value));
      assert.equal(out.split('\n').length, PLAN.split('\n').length + gained, `${JSON.stringify(value)} on one line`);
      assert.doesNotMatch(out, /: [|>][-+]?(\s|#)/, 'no block scalar');
    }
    // A missing key is added as a block at its indent: it reads back as the same text too.
    const added = apply(PLAN, setValue(PLAN, ['tasks', 1, 'owner'], 'Dee\nEve: "x"'));
    assert.equal(parse(added).tasks[1].owner, 'Dee\nEve: "x"');
  });

  it('adds a missing key at the task indentation', () => {
    const out = apply(PLAN, setValue(PLAN, ['tasks', 1, 'owner'], 'Bo'));
    assert.equal(parse(out).tasks[1].owner, 'Bo');
    assert.match(out, /title: Button\n {4}owner: Bo\n {2}- id: T3/);
  });

  it('adds a missing top-level key at the end of the root map', () => {
    const out = apply(PLAN, setValue(PLAN, ['backup'], '2026-12-25'));
    assert.equal(parse(out).backup, '2026-12-25');
    assert.ok(out.startsWith(PLAN), 'nothing before the insertion changes');
  });

  it('adds a key into an existing nested map', () => {
    const out = apply(PLAN, setValue(PLAN, ['roles', 'stop'], 'Cy'));
    assert.match(out, /roles:\n {2}scope: Ana\n {2}stop: Cy\n/);
  });

  it('creates a missing parent map', () => {
    const text = 'release: x\n';
    const out = apply(text, setValue(text, ['freeze', 'scope'], '2026-12-01'));
    assert.deepEqual(parse(out).freeze, { scope: '2026-12-01' });
  });

  it('replaces a block list owner with one person', () => {
    const out = apply(PLAN, setValue(PLAN, ['tasks', 2, 'owner'], 'Bo'));
    assert.equal(parse(out).tasks[2].owner, 'Bo');
    assert.match(out, /title: Pair\n {4}owner: Bo\nparked/);
  });

  it('quotes values that YAML would misread', () => {
    const out = apply(PLAN, setValue(PLAN, ['tasks', 0, 'owner'], 'yes: no'));
    assert.equal(parse(out).tasks[0].owner, 'yes: no');
  });

  it('appends to an empty flow list by turning it into a block list', () => {
    const out = apply(PLAN, appendToList(PLAN, ['parked'], { title: 'CSV', told: false }));
    assert.deepEqual(parse(out).parked, [{ title: 'CSV', told: false }]);
    assert.match(out, /parked:\n {2}- title: CSV\n {4}told: false\n$/);
  });

  it('appends to a block list after its last item, keeping comments', () => {
    const out = apply(PLAN, appendToList(PLAN, ['tasks'], { id: 'T4', title: 'New' }));
    const tasks = parse(out).tasks;
    assert.equal(tasks.length, 4);
    assert.deepEqual(tasks[3], { id: 'T4', title: 'New' });
    assert.match(out, /# keep me/);
  });

  it('creates a missing list', () => {
    const text = 'stable:\n  version: 1\n';
    const out = apply(text, appendToList(text, ['rehearsals'], { date: '2026-12-01', minutes: 12 }));
    assert.deepEqual(parse(out).rehearsals, [{ date: '2026-12-01', minutes: 12 }]);
  });

  it('removes a list item and returns its data', () => {
    const result = removeListItem(PLAN, ['tasks', 1]);
    const out = apply(PLAN, result);
    assert.deepEqual(parse(out).tasks.map((t: { id: string }) => t.id), ['T1', 'T3']);
    assert.deepEqual(result.removed, { id: 'T2', title: 'Button' });
  });

  it('refuses to edit a file with YAML errors', () => {
    const result = setValue('a: [\n', ['b'], 1);
    assert.equal(result.ok, false);
  });

  describe('renameKey', () => {
    const text = '# plan\ntasks:\n  - id: T1 # first\n    onwer: Bo # who\n    status: todo\n';
    it('renames a misspelled key in place, keeping the value and comments', () => {
      const result = renameKey(text, ['tasks', 0, 'onwer'], 'owner');
      assert.ok(result.ok);
      assert.equal(applyEdits(text, result.edits), text.replace('onwer: Bo # who', 'owner: Bo # who'));
    });
    it('renames a top-level key and a key under a map', () => {
      const config = 'rules:\n  scope-refactr: error\n';
      const result = renameKey(config, ['rules', 'scope-refactr'], 'scope-refactor');
      assert.ok(result.ok);
      assert.equal(applyEdits(config, result.edits), 'rules:\n  scope-refactor: error\n');
      const top = renameKey('relase: a\n', ['relase'], 'release');
      assert.ok(top.ok);
      assert.equal(applyEdits('relase: a\n', top.edits), 'release: a\n');
    });
    it('refuses when the key is gone or the new key exists already', () => {
      assert.equal(renameKey(text, ['tasks', 0, 'nothing'], 'owner').ok, false);
      const both = 'owner: Ana\nonwer: Bo\n';
      assert.deepEqual(english(renameKey(both, ['onwer'], 'owner')), { ok: false, reason: 'owner is already there' });
    });
  });
});

describe('markToldEdit', () => {
  it('sets told: today on an untold item, and refuses to replace a date already recorded', async () => {
    const { markToldEdit } = await import('../../src/core/planEdits');
    const text = 'parked:\n  - title: CSV export\n    told: false\n  - title: Dark mode\n    told: 2026-11-20 # said in the weekly\n';
    const marked = markToldEdit(text, ['parked', 0], '2026-12-01');
    assert.ok(marked.ok);
    assert.match(applyEdits(text, marked.edits), /title: CSV export\n {4}told: 2026-12-01\n/);
    assert.deepEqual(english(markToldEdit(text, ['parked', 1], '2026-12-01')), { ok: false, reason: 'it was already marked told on 2026-11-20' });
  });
});
