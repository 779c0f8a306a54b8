import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { checkPlan } from '../../src/core/engine';
import { assertRangesInside, CLEAN_RELEASE, CLEAN_ROLLBACK, files, said, TODAY } from './helpers';

const RUNS = 200;

/** Checks `text` as release.yaml and as rollback.yaml; throws if the engine throws or a range leaves its file. */
function checkBoth(text: string): boolean {
  for (const name of ['release.yaml', 'rollback.yaml']) {
    const plan = files({ [name]: text });
    const result = checkPlan(plan, { today: TODAY });
    assertRangesInside(plan, result.findings);
    const broken = result.findings.find((f) => f.code === 'engine-error');
    if (broken) throw new Error(broken.message);
  }
  return true;
}

/** Characters that matter to YAML and to line counting, mixed into random text. */
const yamlChar = fc.constantFrom(':', '-', ' ', '  ', '\n', '\r\n', '\r', '\t', '#', '[', ']', '{', '}', ',', '"', "'", '&a', '*a', '!', '|', '>', '?', '%', '@', '`', '\uFEFF', '\u0000', 'é', '李', '🚀', 'owner', 'tasks', 'QA');
const yamlish = fc.array(fc.oneof(yamlChar, fc.string({ maxLength: 4 })), { maxLength: 80 }).map((parts) => parts.join(''));

/** Plan-shaped values, so random YAML reaches the rules and not only the schema. */
const planValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('Ana', 'Ana/Bo', 'QA', 'backend team', '2026-12-18', '2026-02-30', 'todo', 'done', 'migration', 'refactor', '', 'Customers cannot pay; several fixes.'),
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -5, max: 40 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom('release', 'problem', 'target', 'backup', 'roles', 'tasks', 'owner', 'status', 'risk', 'kind', 'added', 'estimate', 'parked', 'told', 'stable', 'version', 'steps', 'triggers', 'threshold', 'rehearsals', 'date', 'minutes', 'id', 'title'), fc.string({ maxLength: 6 })),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

type Mutation = { kind: 'delete' | 'insert' | 'replace' | 'swap'; at: number; length: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'replace', 'swap'),
  at: fc.nat(),
  length: fc.integer({ min: 0, max: 12 }),
  text: fc.oneof(yamlish, fc.constantFrom('\n', ' ', ':', '- ', '\t', '"', '[', '*x', '&x ')),
});

function mutate(base: string, mutations: Mutation[]): string {
  let text = base;
  for (const { kind, at, length, text: insert } of mutations) {
    if (kind === 'swap') {
      const lines = text.split('\n');
      const i = at % lines.length;
      const j = (at + length + 1) % lines.length;
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      text = lines.join('\n');
      continue;
    }
    const position = text.length === 0 ? 0 : at % (text.length + 1);
    const removed = kind === 'insert' ? 0 : length;
    const added = kind === 'delete' ? '' : insert;
    text = text.slice(0, position) + added + text.slice(position + removed);
  }
  return text;
}

describe('property: any input, no throw, every range inside its file', function () {
  this.timeout(60_000);

  it('random strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 }), fc.string({ unit: 'binary', maxLength: 100 }), yamlish), checkBoth), { numRuns: RUNS });
  });

  it('random YAML from arbitrary values', () => {
    fc.assert(
      fc.property(planValue, fc.constantFrom<'block' | 'flow'>('block', 'flow'), (value, style) => {
        let text: string;
        try {
          text = stringify(value, { collectionStyle: style });
        } catch {
          return true; // not every JS value stringifies; that is yaml's business, not ours
        }
        return checkBoth(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('random values merged into the clean release', () => {
    fc.assert(
      fc.property(fc.constantFrom('roles', 'tasks', 'parked', 'dry_run', 'freeze', 'target', 'problem'), planValue, (key, value) => {
        const text = CLEAN_RELEASE.replace(new RegExp(`^${key}:[\\s\\S]*?(?=^\\w)`, 'm'), stringify({ [key]: value }));
        return checkBoth(text);
      }),
      { numRuns: RUNS },
    );
  });

  it('mutations of CLEAN_RELEASE and CLEAN_ROLLBACK (delete, insert, replace, swap lines)', () => {
    fc.assert(
      fc.property(fc.constantFrom(CLEAN_RELEASE, CLEAN_ROLLBACK, CLEAN_RELEASE.replace(/\n/g, '\r\n'), `\uFEFF${CLEAN_RELEASE}`), fc.array(mutation, { minLength: 1, maxLength: 5 }), (base, mutations) => checkBoth(mutate(base, mutations))),
      { numRuns: RUNS },
    );
  });

  it('the invariant itself catches a range past the end of a line', () => {
    const plan = files({});
    const bad = { file: '.release/release.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 99 } }, severity: 'error' as const, code: 'x', message: 'x', l10n: said('x') };
    assert.throws(() => assertRangesInside(plan, [bad]), /past the end of its line/);
    const reversed = { ...bad, range: { start: { line: 1, character: 0 }, end: { line: 0, character: 1 } } };
    assert.throws(() => assertRangesInside(plan, [reversed]), /after end/);
    assert.throws(() => assertRangesInside(plan, [{ ...bad, range: { start: { line: 400, character: 0 }, end: { line: 400, character: 0 } } }]), /past the last line/);
  });
});
