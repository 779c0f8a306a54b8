import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { declaredGroups, declaredMessages, defineMessages, fill, LIST_SEPARATOR, render } from '../../src/core/message';
import { checkPlan } from '../../src/core/engine';
import { evaluateGonogo } from '../../src/core/gonogo';
import { releaseHealth, summarizeRelease } from '../../src/core/summary';
import { readPlanFiles } from '../../src/cli/files';
// @ts-expect-error: a plain ES module script, without types
import { engineTemplates } from '../../scripts/l10n.mjs';
import { assertComposed, marking } from './composed';

const ROOT = join(__dirname, '..', '..');

function coreSources(dir = join(ROOT, 'src', 'core')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? coreSources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

describe('engine messages: ids + data, rendered in any language', () => {
  it('fills {name} placeholders like vscode.l10n.t, leaves unknown ones, and renders nested messages with the same translator', () => {
    assert.equal(fill('{a} and {b}, not {c}', { a: '1', b: 'two' }), '1 and two, not {c}');
    const m = defineMessages({ 'test/outer': 'Task {task} is blocked by {what}.', 'test/inner': 'a group of {n}' });
    const message = m('test/outer', { task: 'T1', what: m('test/inner', { n: 3 }) });
    assert.equal(render(message), 'Task T1 is blocked by a group of 3.');
    assert.equal(render(message, (template, args) => `<${fill(template, args)}>`), '<Task T1 is blocked by <a group of 3>.>');
    assert.equal(render(m('test/outer', { task: 'T1.', what: 'x' })), 'Task T1. is blocked by x.', 'a doubled period after quoted text collapses');
  });

  it('every module of src/core that declares messages registers them, and no id is declared twice', async () => {
    const templates = (await engineTemplates()) as Map<string, string>;
    const declared = coreSources().reduce((n, file) => n + (readFileSync(file, 'utf8').split('\n').filter((line) => !/^\s*(\*|\/\/)/.test(line) && /\bdefineMessages\(\{/.test(line)).length), 0);
    const groups = declaredGroups().filter((g) => !Object.keys(g.templates).some((id) => id.startsWith('test/')));
    assert.equal(groups.length, declared, 'one registered group per defineMessages call in src/core');
    const ids = [...groups.flatMap((g) => Object.keys(g.templates)), LIST_SEPARATOR.id];
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'ids are unique');
    assert.equal([...templates.keys()].filter((id) => !id.startsWith('test/')).length, ids.length);
    assert.equal(declaredMessages().size >= ids.length, true);
  });

  it('a template holds no braces but its {name} placeholders (vscode.l10n.t would read them as placeholders)', async () => {
    const templates = (await engineTemplates()) as Map<string, string>;
    const stray = [...templates].filter(([, template]) => /[{}]/.test(template.replace(/\{\w+\}/g, '')));
    assert.deepEqual(stray, []);
  });

  it('the examples in another language: every finding, go/no-go question and reason, readiness line and health reason is translated, with only plan text left as is', async () => {
    for (const name of ['messy', 'clean', 'draft']) {
      const files = await readPlanFiles(join(ROOT, 'examples', name));
      for (const today of ['2099-03-16', '2099-03-26']) {
        const english = checkPlan(files, { today });
        assertComposed(english.findings, files);
        const result = checkPlan(files, { today, translate: marking, cache: false });
        // The same findings, each rendered by the translator.
        assert.deepEqual(result.findings.map((f) => f.code), english.findings.map((f) => f.code));
        for (const f of result.findings) assert.equal(f.message, render(f.l10n, marking));
        const summary = summarizeRelease(result);
        assert.ok(summary);
        const shown = [
          ...evaluateGonogo(result).questions.flatMap((q) => [q.question, ...q.reasons]),
          ...summary.rollback.checks.flatMap((c) => [c.label, c.detail]),
          ...releaseHealth(summary, marking).reasons,
        ];
        // The stable version in readiness is the plan's own text.
        const planText = [...files.values()].join('\n');
        for (const text of shown) assert.ok(text.includes('［') || planText.includes(text), `examples/${name} on ${today}: "${text}" is not translated`);
      }
    }
  });
});
