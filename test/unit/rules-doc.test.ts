import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CODES, RULES, isRuleCode } from '../../src/core/catalog';

/** docs/rules.md is the page every diagnostic's code links to (`docs/rules.md#<code>`). */
const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8').replace(/\r\n?/g, '\n');
const ENGINE_SOURCE = readFileSync(join(__dirname, '..', '..', 'src', 'core', 'engine.ts'), 'utf8');

/** Codes the engine can emit that are not rules in the catalog (so not configurable). */
const NOT_IN_CATALOG = ['engine-error'];

const FAMILY_HEADINGS: Record<string, string> = {
  Ownership: 'ownership',
  Scope: 'scope',
  Dates: 'dates',
  Rollback: 'rollback',
  Communication: 'communication',
  Review: 'review',
  Files: 'files',
  Engine: 'engine',
};

const anchors = [...DOC.matchAll(/<a id="([^"]*)"><\/a>/g)].map((m) => m[1] as string);
const headings = [...DOC.matchAll(/^### `([^`]*)`[ \t]*$/gm)].map((m) => m[1] as string);

/** The `## Family` a code's section sits under, by walking the headings in order. */
function familyOf(code: string): string | undefined {
  let family: string | undefined;
  for (const line of DOC.split('\n')) {
    const section = /^## (.+?)\s*$/.exec(line);
    if (section) family = FAMILY_HEADINGS[section[1] as string];
    if (line === `### \`${code}\``) return family;
  }
  return undefined;
}

describe('docs/rules.md', () => {
  for (const code of RULE_CODES) {
    it(`has a section for ${code}`, () => {
      assert.ok(
        DOC.includes(`<a id="${code}"></a>\n### \`${code}\`\n`),
        `docs/rules.md needs <a id="${code}"></a> on the line right before the heading ### \`${code}\``,
      );
      assert.equal(familyOf(code), RULES[code].family, `${code} is documented under the wrong family heading`);
    });

    it(`lists ${code} in the table with its family and default severity`, () => {
      const row = new RegExp(`^\\| \\[\`${code}\`\\]\\(#${code}\\) \\| ([a-z]+) \\| ([a-z]+) \\|`, 'm').exec(DOC);
      assert.ok(row, `no table row for ${code}`);
      assert.deepEqual([row[1], row[2]], [RULES[code].family, RULES[code].severity], `table row for ${code}`);
    });
  }

  it('documents engine-error, which the engine emits outside the catalog', () => {
    for (const code of NOT_IN_CATALOG) {
      assert.ok(ENGINE_SOURCE.includes(`code: '${code}'`), `src/core/engine.ts no longer emits ${code}: remove it from the docs and this test`);
      assert.ok(DOC.includes(`<a id="${code}"></a>\n### \`${code}\`\n`), `docs/rules.md needs a section for ${code}`);
    }
  });

  it('documents no code that does not exist', () => {
    const known = (code: string) => isRuleCode(code) || NOT_IN_CATALOG.includes(code);
    assert.deepEqual(anchors.filter((code) => !known(code)), [], 'anchors for unknown codes');
    assert.deepEqual(headings.filter((code) => !known(code)), [], 'sections for unknown codes');
  });

  it('has exactly one section per code', () => {
    const twice = (list: string[]) => list.filter((code, i) => list.indexOf(code) !== i);
    assert.deepEqual(twice(anchors), [], 'duplicate anchors');
    assert.deepEqual(twice(headings), [], 'duplicate sections');
    assert.deepEqual([...headings].sort(), [...RULE_CODES, ...NOT_IN_CATALOG].sort());
  });

  it('links only to anchors that exist', () => {
    const targets = new Set([...anchors, ...[...DOC.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slug(m[1] as string))]);
    const broken = [...DOC.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1] as string).filter((id) => !targets.has(id));
    assert.deepEqual(broken, []);
  });
});

/** GitHub's heading ids: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

describe("README's rule-code table", () => {
  const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8').replace(/\r\n?/g, '\n');
  const rows = new Map([...README.matchAll(/^\| (\w+) \| (.*) \|$/gm)].map((m) => [m[1] as string, [...(m[2] as string).matchAll(/\[`([^`]+)`\]\(docs\/rules\.md#([^)]+)\)/g)].map((l) => [l[1], l[2]])]));

  it('lists every rule code once, in its family row, linked to its section', () => {
    for (const code of RULE_CODES) {
      const family = RULES[code].family;
      const row = rows.get(family);
      assert.ok(row, `README has no "${family}" row in its rule-code table`);
      assert.ok(row.some(([listed, anchor]) => listed === code && anchor === code), `README's ${family} row lacks ${code}`);
    }
    const listed = [...rows.values()].flat().map(([code]) => code);
    assert.equal(new Set(listed).size, listed.length, 'a code is listed twice');
  });
});
