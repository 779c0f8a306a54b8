import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkPlan, summarize } from '../../src/core/engine';
import { evaluateGonogo } from '../../src/core/gonogo';

// The examples are written for this day (examples/README.md, and each example's .vscode/settings.json).
const EXAMPLES_TODAY = '2099-03-16';

function read(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) files.set(relative(folder, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(join(folder, '.release'));
  return files;
}

describe('examples/', () => {
  it('clean has zero findings and says GO', () => {
    const result = checkPlan(read('examples/clean'), { today: EXAMPLES_TODAY });
    assert.deepEqual(result.findings.map((f) => `${f.file}:${f.range.start.line + 1} ${f.code}`), []);
    assert.equal(evaluateGonogo(result).recommendation, 'go');
  });

  it('messy shows most rule codes', () => {
    const result = checkPlan(read('examples/messy'), { today: EXAMPLES_TODAY });
    const codes = new Set(result.findings.map((f) => f.code));
    assert.ok(codes.size >= 25, `only ${codes.size} codes: ${[...codes].join(', ')}`);
    assert.ok(summarize(result.findings).errors > 5);
    assert.equal(evaluateGonogo(result).recommendation, 'no-go');
  });

  it('the repository\'s own plan has no errors', () => {
    const result = checkPlan(read('.'), { today: '2026-11-25' });
    assert.deepEqual(result.findings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.range.start.line + 1} ${f.code}: ${f.message}`), []);
  });
});
