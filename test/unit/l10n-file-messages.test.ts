import assert from 'node:assert/strict';
import { brokenLinkReason, readPlanTree, type PlanTreeEntry } from '../../src/core/planTree';
import { checkPlan } from '../../src/core/engine';
import { declaredMessages, render } from '../../src/core/message';
import { FILE_SCHEMAS, descriptionOf } from '../../src/core/schemas';
import type { Finding } from '../../src/core/types';
import { CLEAN_RELEASE, CLEAN_ROLLBACK, TODAY } from './helpers';

/** The codes of parse-time and file-level findings: made in source, validate, plan, planTree, decode and engine. */
const FILE_CODES = new Set(['yaml-syntax', 'file-too-large', 'schema', 'date-invalid', 'file-misnamed', 'file-unreadable', 'engine-error']);

function assertComposed(findings: readonly Finding[]): number {
  let seen = 0;
  for (const finding of findings.filter((f) => FILE_CODES.has(f.code))) {
    assert.ok(finding.l10n, `${finding.code} has its message as data: ${finding.message}`);
    assert.equal(render(finding.l10n), finding.message, finding.l10n.id);
    seen++;
  }
  return seen;
}

/** Every description in the file schemas, as `validate` reads it after "must be". */
function descriptions(): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    const def = (node as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
    if (!def) return;
    const description = descriptionOf(node);
    if (description) found.add(description);
    for (const key of ['innerType', 'element', 'valueType', 'catchall']) visit(def[key]);
    for (const child of Object.values((def.shape as Record<string, unknown> | undefined) ?? {})) visit(child);
    for (const option of (def.options as unknown[] | undefined) ?? []) visit(option);
  };
  for (const { schema } of Object.values(FILE_SCHEMAS)) visit(schema);
  return found;
}

describe('parse-time and file-level findings are composed from message ids', () => {
  it('every schema description has its own "must be …" message (none is pasted in as English)', () => {
    const templates = new Map([...declaredMessages()].filter(([id]) => id.startsWith('schema/expected/')).map(([id, template]) => [template, id]));
    const all = descriptions();
    assert.ok(all.size > 20, `the schemas describe their fields (${all.size})`);
    for (const description of all) {
      const clause = description.trim().replace(/\.+$/, '');
      assert.ok(templates.has(clause.charAt(0).toLowerCase() + clause.slice(1)), `no schema/expected/… message for "${description}"`);
    }
  });

  it('their templates hold no braces but placeholders', () => {
    const prefixes = /^(schema|yaml|file-too-large|file-misnamed|file-unreadable|date-invalid|engine-error)(\/|$)/;
    const mine = [...declaredMessages()].filter(([id]) => prefixes.test(id));
    assert.ok(mine.length > 100, `${mine.length} templates`);
    for (const [id, template] of mine) assert.doesNotMatch(template.replace(/\{\w+\}/g, ''), /[{}]/, id);
  });

  it('YAML errors, schema findings and misnamed files carry l10n that renders to their message', () => {
    const broken = [
      'release: x\n  problem: y\n',
      'a: [x\nb: {y: 1\n',
      'a: x\na: y\nb: "q\\q"\nc: !!x y\n',
      `${'a: [b c]\n'.repeat(15)}`,
      'a: *nope\n',
      `a: ${'['.repeat(80)}\n`,
    ];
    for (const text of broken) {
      const result = checkPlan(new Map([['.release/release.yaml', text]]), { today: TODAY, cache: false });
      assert.ok(assertComposed(result.findings) > 0, text);
    }
    const schema = CLEAN_RELEASE.replace('release: invoices-v1', "release: ''\nrelese: x\nX-y: 1\nzzz: 1").replace('estimate: 2', 'estimate: two').replace('status: doing', 'status: Doing ').replace('target: 2026-12-18', 'target: 2026-02-30');
    const files = new Map([
      ['.release/release.yaml', schema],
      ['.release/rollback.yml', CLEAN_ROLLBACK],
      ['.release/team.yaml', '- a\n'],
      ['.release/config.yaml', 'limits:\n  open_tasks: -1\n'],
      ['.release/checkins.yaml', 'shipped: []\n'],
      ['.release/checkins/someday.yaml', 'shipped: 5\n'],
    ]);
    const result = checkPlan(files, { today: TODAY, cache: false });
    assert.ok(assertComposed(result.findings) >= 10, result.findings.map((f) => f.code).join(' '));
  });

  it('file-unreadable findings are composed from the readers\' reasons', async () => {
    const entries: Record<string, PlanTreeEntry[]> = {
      '.release': [
        { name: 'release.yaml', kind: 'dir' },
        { name: 'rollback.yaml', kind: 'broken-link', why: brokenLinkReason('gone.yaml', { kind: 'missing' }) },
        { name: 'team.yaml', kind: 'broken-link' },
        { name: 'config.yaml', kind: 'other' },
        { name: 'checkins', kind: 'file' },
        { name: 'gonogo', kind: 'dir' },
        { name: 'draft.yaml', kind: 'file' },
        { name: 'notes.yaml', kind: 'file' },
      ],
    };
    const tree = await readPlanTree({
      list: async (dir) => {
        if (dir === '.release/gonogo') throw new Error('EACCES');
        return entries[dir] ?? [];
      },
      read: async (path) => {
        if (path.endsWith('draft.yaml')) return new Uint8Array([0xff, 0xfe, 0x61, 0x00]);
        throw new Error('EIO');
      },
      reason: (error) => (error as Error).message,
    });
    const notes = tree.unreadable.get('.release/notes.yaml');
    assert.equal(notes && render(notes), 'This file could not be read: EIO.');
    const result = checkPlan(new Map(), { today: TODAY, unreadable: tree.unreadable, cache: false });
    assert.equal(assertComposed(result.findings.filter((f) => f.code === 'file-unreadable')), tree.unreadable.size);
  });
});
