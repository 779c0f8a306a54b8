import assert from 'node:assert/strict';
import { parse, parseDocument } from 'yaml';
import { appendToList, applyEdits, formatScalar, removeListItem, renameKey, setBlockMap, setValue, type EditResult } from '../../src/core/edits';
import { render } from '../../src/core/message';
import { flowList, inlineScalar } from '../../src/core/yamlText';
import { HOSTILE_TEXTS } from './helpers';

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

  describe('every value written reads back as itself, comments and the rest of the file kept (review 12b)', () => {
    /** Every comment of `before` (a line's text from ` #` on) is still in `after`, in order. */
    const keepsComments = (after: string, before: string) => {
      let from = 0;
      for (const comment of before.split('\n').flatMap((line) => / #.*$/.exec(line)?.[0] ?? [])) {
        const at = after.indexOf(comment, from);
        assert.ok(at >= 0, `${comment} kept`);
        from = at + comment.length;
      }
    };
    const read = (text: string): unknown => {
      const doc = parseDocument(text, { uniqueKeys: true });
      assert.deepEqual(doc.errors.map((e) => e.message), [], text.slice(0, 300));
      assert.deepEqual(doc.warnings.map((e) => e.message), [], text.slice(0, 300));
      return doc.toJS();
    };
    const data = parse(PLAN) as { tasks: Record<string, unknown>[]; parked: unknown[] };
    const withTask = (index: number, fields: Record<string, unknown>) => ({ ...data, tasks: data.tasks.map((task, i) => (i === index ? { ...task, ...fields } : task)) });
    const lines = PLAN.split('\n');

    it('setValue replacing a value: only that line changes, to one line that reads back as the text', () => {
      const at = lines.indexOf('    owner: backend team # who?');
      for (const value of HOSTILE_TEXTS) {
        const out = apply(PLAN, setValue(PLAN, ['tasks', 0, 'owner'], value));
        assert.deepEqual(read(out), withTask(0, { owner: value }), JSON.stringify(value));
        const outLines = out.split('\n');
        assert.deepEqual([...outLines.slice(0, at), ...outLines.slice(at + 1)], [...lines.slice(0, at), ...lines.slice(at + 1)], JSON.stringify(value));
        assert.ok(outLines[at]!.startsWith('    owner: ') && outLines[at]!.endsWith(' # who?'), outLines[at]);
      }
    });

    it('setValue adding a missing key: one line more, after the task\'s last line', () => {
      const at = lines.indexOf('    title: Button') + 1;
      for (const value of HOSTILE_TEXTS) {
        const out = apply(PLAN, setValue(PLAN, ['tasks', 1, 'owner'], value));
        assert.deepEqual(read(out), withTask(1, { owner: value }), JSON.stringify(value));
        assert.ok(out.startsWith(lines.slice(0, at).join('\n') + '\n') && out.endsWith('\n' + lines.slice(at).join('\n')), JSON.stringify(value));
      }
    });

    it('appendToList (a task, a text) and setBlockMap (a new key, a key with no value) read back as written', () => {
      const noValue = PLAN.replace('parked: []\n', 'shipped: ~ # not yet\nparked: []\n');
      for (const value of HOSTILE_TEXTS) {
        const task = apply(PLAN, appendToList(PLAN, ['tasks'], { id: 'T4', title: value, owner: value }));
        assert.deepEqual(read(task), { ...data, tasks: [...data.tasks, { id: 'T4', title: value, owner: value }] }, JSON.stringify(value));
        keepsComments(task, PLAN);
        const item = apply(PLAN, appendToList(PLAN, ['parked'], value));
        assert.deepEqual(read(item), { ...data, parked: [value] }, JSON.stringify(value));
        const shipped = apply(PLAN, setBlockMap(PLAN, ['shipped'], { date: '2026-12-18', version: value }));
        assert.deepEqual(read(shipped), { ...data, shipped: { date: '2026-12-18', version: value } }, JSON.stringify(value));
        const filled = apply(noValue, setBlockMap(noValue, ['shipped'], { outcome: 'shipped', version: value }));
        assert.deepEqual(read(filled), { ...data, shipped: { outcome: 'shipped', version: value } }, JSON.stringify(value));
        keepsComments(filled, noValue);
      }
    });

    it('formatScalar, inlineScalar and flowList: one line that reads back after a key, in a list, before a comment, in a flow list', () => {
      for (const value of HOSTILE_TEXTS) {
        const inline = inlineScalar(value);
        assert.equal(inline, formatScalar(value));
        assert.doesNotMatch(inline, /[\r\n\u0085\u2028\u2029]/, JSON.stringify(value));
        assert.deepEqual(read(`a:\n  k: ${inline}   # note\n  n: 1\nb:\n  - ${inline}\n  - ${flowList([value, 'x'])}\n`), { a: { k: value, n: 1 }, b: [value, [value, 'x']] }, JSON.stringify(value));
        if (value.length <= 1024) assert.deepEqual(read(`m:\n  ${formatScalar(value, 'key')}: v # c\n`), { m: { [value]: 'v' } }, JSON.stringify(value));
      }
      // Text starting with a document marker is quoted, not written as a block scalar (`|-` with the text under it).
      assert.deepEqual(['---', '... TBD', '...and send invoices by e-mail'].map((value) => formatScalar(value)), ['"---"', '"... TBD"', '"...and send invoices by e-mail"']);
    });
  });

  it('replaces a block scalar value (`>-`, `|`) with one line, keeping the next line and the header\'s comment (review 12b)', () => {
    const text = 'tasks:\n  - id: T1\n    owner: >-  # folded by hand\n      Ana\n      Keller\n\n    status: todo   # started Monday\n    notes: |\n      line a\n      line b\n    desc: |+\n      kept\n\n  - id: T2\n';
    assert.equal(
      apply(text, setValue(text, ['tasks', 0, 'owner'], 'Dee')),
      'tasks:\n  - id: T1\n    owner: Dee  # folded by hand\n\n    status: todo   # started Monday\n    notes: |\n      line a\n      line b\n    desc: |+\n      kept\n\n  - id: T2\n',
    );
    assert.equal(
      apply(text, setValue(text, ['tasks', 0, 'notes'], '---')),
      'tasks:\n  - id: T1\n    owner: >-  # folded by hand\n      Ana\n      Keller\n\n    status: todo   # started Monday\n    notes: "---"\n    desc: |+\n      kept\n\n  - id: T2\n',
    );
    assert.equal(
      apply(text, setValue(text, ['tasks', 0, 'desc'], 'x')),
      'tasks:\n  - id: T1\n    owner: >-  # folded by hand\n      Ana\n      Keller\n\n    status: todo   # started Monday\n    notes: |\n      line a\n      line b\n    desc: x\n\n  - id: T2\n',
    );
    const crlf = text.replace(/\n/g, '\r\n');
    assert.equal(apply(crlf, setValue(crlf, ['tasks', 0, 'owner'], 'Dee')), crlf.replace('>-  # folded by hand\r\n      Ana\r\n      Keller', 'Dee  # folded by hand'));
  });

  it('refuses to change a value shared through an anchor, and replaces an alias in its place only (review 12b)', () => {
    const text = 'tasks:\n  - id: T1\n    owner: &lead Ana # lead\n  - id: T2\n    owner: *lead\n  - id: T3\n    owner: &solo Cy\n';
    assert.deepEqual(english(setValue(text, ['tasks', 0, 'owner'], 'Dee')), { ok: false, reason: 'the value is shared through the anchor &lead; edit it by hand' });
    // An alias replaced: only T2 changes.
    assert.equal(apply(text, setValue(text, ['tasks', 1, 'owner'], 'Dee')), text.replace('owner: *lead', 'owner: Dee'));
    // An anchor nothing aliases is kept with the new value.
    assert.equal(apply(text, setValue(text, ['tasks', 2, 'owner'], 'Eve')), text.replace('&solo Cy', '&solo Eve'));
    // A map shared through an anchor: adding a key to it, or changing one of its values, changes every alias too.
    const shared = 'defaults: &d\n  status: todo\ntasks:\n  - <<: *d\n    id: T1\n';
    assert.deepEqual(english(setValue(shared, ['defaults', 'status'], 'done')), { ok: false, reason: 'the value is shared through the anchor &d; edit it by hand' });
    assert.deepEqual(english(setValue(shared, ['defaults', 'owner'], 'Ana')), { ok: false, reason: 'the value is shared through the anchor &d; edit it by hand' });
  });

  it('fills an empty value (nothing after the colon, or only a comment) with a space before it and before the comment (review 3 of issue 12)', () => {
    const cases: [string, string][] = [
      ['tasks:\n  - id: T1\n    owner:\n    status: todo\n', 'tasks:\n  - id: T1\n    owner: Dee\n    status: todo\n'],
      ['tasks:\n  - id: T1\n    owner:  # who?\n    status: todo\n', 'tasks:\n  - id: T1\n    owner:  Dee # who?\n    status: todo\n'],
      ['tasks:\r\n  - id: T1\r\n    owner:\r\n', 'tasks:\r\n  - id: T1\r\n    owner: Dee\r\n'],
      ['tasks:\n  - id: T1\n    owner:', 'tasks:\n  - id: T1\n    owner: Dee'],
      ['tasks:\n  - { id: T1, owner: , status: todo }\n', 'tasks:\n  - { id: T1, owner: Dee, status: todo }\n'],
    ];
    for (const [text, expected] of cases) {
      const out = apply(text, setValue(text, ['tasks', 0, 'owner'], 'Dee'));
      assert.equal(out, expected);
      assert.equal(parse(out).tasks[0].owner, 'Dee');
    }
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
