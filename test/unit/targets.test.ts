import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { appendGonogoRecord } from '../../src/core/records';
import { render } from '../../src/core/message';
import { hasIdentity, locateTarget, textHash, type Located } from '../../src/core/targets';
import { CLEAN_RELEASE, releaseWith } from './helpers';

/** A refusal with its reason in English, as the CLI renders it. */
const english = (located: Located) => (located.ok ? located : { ok: false, reason: render(located.reason) });

describe('locating a write target again in the current text (locateTarget)', () => {
  const T2 = { kind: 'task', id: 'T2', title: 'Download button', index: 1 } as const;

  it('finds the task where it is now, after a task was inserted above it', () => {
    const inserted = CLEAN_RELEASE.replace('tasks:\n', 'tasks:\n  - id: T0\n    title: Inserted\n');
    assert.deepEqual(locateTarget(inserted, T2), { ok: true, path: ['tasks', 2], index: 2 });
  });

  it('refuses when the task was deleted, renamed, or its id is now used twice', () => {
    const deleted = CLEAN_RELEASE.replace(/ {2}- id: T2\n(?: {4}.*\n)+/, '');
    assert.deepEqual(english(locateTarget(deleted, T2)), { ok: false, reason: 'Task T2 is no longer in release.yaml' });
    const renamed = releaseWith('    title: Download button\n', '    title: Export button\n');
    assert.deepEqual(english(locateTarget(renamed, T2)), { ok: false, reason: 'Task T2 is now titled "Export button", not "Download button"' });
    // An id now used twice: the title still tells T2 apart; the same title twice cannot be.
    const twice = releaseWith('  - id: T1\n', '  - id: T2\n');
    assert.deepEqual(locateTarget(twice, T2), { ok: true, path: ['tasks', 1], index: 1 });
    const clone = releaseWith('  - id: T1\n    title: PDF export endpoint\n', '  - id: T2\n    title: Download button\n');
    assert.deepEqual(english(locateTarget(clone, T2)), { ok: false, reason: '2 tasks now have the id "T2"' });
  });

  it('finds a numeric id written as text, and a parked item by its title', () => {
    const numeric = releaseWith('  - id: T2\n', '  - id: 7\n');
    assert.deepEqual(locateTarget(numeric, { kind: 'task', id: '7', index: 0 }), { ok: true, path: ['tasks', 1], index: 1 });
    const parked = CLEAN_RELEASE.replace('parked:\n', 'parked:\n  - title: Dark mode\n    told: false\n');
    assert.deepEqual(locateTarget(parked, { kind: 'parked', title: 'CSV export', index: 0 }), { ok: true, path: ['parked', 1], index: 1 });
  });

  it('falls back to the position only for a target with no id and no title, and says so', () => {
    assert.equal(hasIdentity({ kind: 'task', index: 1 }), false);
    assert.equal(hasIdentity(T2), true);
    assert.deepEqual(locateTarget(CLEAN_RELEASE, { kind: 'task', index: 1 }), { ok: true, path: ['tasks', 1], index: 1 });
    assert.deepEqual(english(locateTarget(CLEAN_RELEASE, { kind: 'task', index: 5 })), { ok: false, reason: 'Task 6 is no longer in release.yaml' });
  });

  it('trusts the position on the very text the target was read from, and only there', () => {
    const clone = releaseWith('  - id: T1\n    title: PDF export endpoint\n', '  - id: T2\n    title: Download button\n');
    const second = { kind: 'task', id: 'T2', title: 'Download button', index: 1, textHash: textHash(clone) } as const;
    assert.deepEqual(locateTarget(clone, second), { ok: true, path: ['tasks', 1], index: 1 }, 'duplicates can be edited on unchanged text');
    const anonymous = { kind: 'task', index: 1, textHash: textHash(CLEAN_RELEASE) } as const;
    assert.deepEqual(locateTarget(CLEAN_RELEASE, anonymous), { ok: true, path: ['tasks', 1], index: 1 });
    const inserted = CLEAN_RELEASE.replace('tasks:\n', 'tasks:\n  - id: T0\n    title: Inserted\n');
    assert.deepEqual(english(locateTarget(inserted, anonymous)), { ok: false, reason: 'Task 2 has no id or title to find it by, and release.yaml changed since it was read' });
    assert.notEqual(textHash('a'), textHash('b'));
    assert.equal(textHash(CLEAN_RELEASE), textHash(`${CLEAN_RELEASE}`));
  });

  it('refuses on a file that no longer parses', () => {
    assert.deepEqual(english(locateTarget('tasks: [\n', T2)), { ok: false, reason: 'release.yaml has YAML errors now; fix them first' });
  });
});

describe('a second go/no-go on the same day (appendGonogoRecord)', () => {
  const first = '# header\ndecision: no-go\ndecided_by: Ana\nreason: no rehearsal\nat: "09:10"\nanswers:\n  - id: rollback\n    answer: no\n    evidence: never rehearsed\n';
  const second = '# Go/no-go decision. Written by Release Plan\ndecision: go\ndecided_by: Ana\nat: "16:40"\nanswers: []\n';

  it('keeps the first decision with its evidence under earlier:, the latest as the file\'s own fields', () => {
    const merged = appendGonogoRecord(first, second);
    assert.ok(merged.ok);
    const data = parse(merged.text);
    assert.equal(data.decision, 'go');
    assert.equal(data.at, '16:40');
    assert.deepEqual(data.earlier, [{ decision: 'no-go', decided_by: 'Ana', reason: 'no rehearsal', at: '09:10', answers: [{ id: 'rollback', answer: 'no', evidence: 'never rehearsed' }] }]);
    const third = appendGonogoRecord(merged.text, second.replace('decision: go', 'decision: no-go'));
    assert.ok(third.ok);
    assert.deepEqual(parse(third.text).earlier.map((e: { decision: string }) => e.decision), ['no-go', 'go']);
  });

  it('keeps the comments of the earlier decision, and an earlier: written as a single map', () => {
    const commented = first.replace('decision: no-go', 'decision: no-go # Bo confirmed on Slack').replace('answer: no', 'answer: no # checked by Cy');
    const merged = appendGonogoRecord(commented, second);
    assert.ok(merged.ok);
    assert.match(merged.text, /decision: no-go # Bo confirmed on Slack/);
    assert.match(merged.text, /answer: no # checked by Cy/);
    assert.equal(parse(merged.text).earlier[0].decision, 'no-go');
    const lone = appendGonogoRecord('decision: no-go\nearlier:\n  decision: go\n  decided_by: Bo\n', second);
    assert.ok(lone.ok);
    assert.deepEqual(parse(lone.text).earlier, [{ decision: 'go', decided_by: 'Bo' }, { decision: 'no-go' }]);
  });

  it('writes the record as it is when the day has none, and refuses to overwrite a broken one', () => {
    assert.deepEqual(appendGonogoRecord(undefined, second), { ok: true, text: second });
    assert.equal(appendGonogoRecord('decision: [\n', second).ok, false);
  });
});
