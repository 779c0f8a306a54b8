import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CODES, RULES } from '../../src/core/catalog';

/** All unit test sources, to check that every rule code has a positive and a negative case. */
const SOURCES = readdirSync(__dirname)
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => readFileSync(join(__dirname, name), 'utf8'))
  .join('\n');

describe('rule catalog', () => {
  it('has a family, a default severity and a summary for every code', () => {
    for (const code of RULE_CODES) {
      const rule = RULES[code];
      assert.match(code, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(['error', 'warning', 'info'].includes(rule.severity), code);
      assert.ok(rule.summary.endsWith('.'), code);
    }
  });

  for (const code of RULE_CODES) {
    it(`${code} has a positive and a negative unit test`, () => {
      const quoted = `'${code}'`;
      const positive = new RegExp(`(?:expectFinding\\([\\s\\S]{0,400}?|single\\([^)]*)${quoted}`);
      assert.match(SOURCES, positive, `no expectFinding(…, ${quoted}, …) or single(…, ${quoted})`);
      assert.ok(new RegExp(`expectNo\\([\\s\\S]{0,400}?${quoted}`).test(SOURCES), `no expectNo(…, ${quoted})`);
    });
  }
});
