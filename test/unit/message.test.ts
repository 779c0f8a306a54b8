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
import { assertComposed, assertOnlyPlanText, marking } from './composed';

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
        for (const text of shown) {
          // The stable version's readiness detail is the plan's own text, with no words of ours.
          if (text === summary.rollback.checks.find((c) => c.id === 'stable')?.detail && !text.includes('［')) continue;
          assertOnlyPlanText(text, files, `examples/${name} on ${today}`);
        }
      }
    }
  });
});

describe('go/no-go, readiness and health in another language: every reason the plan can give', () => {
  it('vetoes, unreadable records, dry runs, parked items, rehearsals and recorded answers: only plan text stays untranslated', async () => {
    const { files, releaseWith, CLEAN_ROLLBACK, TODAY } = await import('./helpers');
    const scenarios: Record<string, Record<string, string | undefined>> = {
      veto: { 'gonogo/2026-11-30.yaml': 'decision: no-go\ndecided_by: Ana\nreason: the payment provider is down\n' },
      'veto by nobody': { 'gonogo/2026-11-30.yaml': 'decision: no-go\n' },
      'unreadable record': { 'gonogo/2026-11-30.yaml': 'decision: maybe\n' },
      'broken record': { 'gonogo/2026-11-30.yaml': 'decision: [\n' },
      'misnamed record': { 'gonogo/latest.yaml': 'decision: go\n' },
      'recorded answers': { 'gonogo/2026-11-30.yaml': 'decision: go\ndecided_by: Ana\nanswers:\n  - id: dry-run\n    answer: yes\n    evidence: ran it on staging\n' },
      'dry run planned': { 'release.yaml': releaseWith('date: 2026-11-28\n  environment: staging', 'date: 2026-12-05\n  environment: staging') },
      'dry run on a laptop': { 'release.yaml': releaseWith('environment: staging', 'environment: laptop') },
      'dry run undated': { 'release.yaml': releaseWith('dry_run:\n  date: 2026-11-28\n  environment: staging\n', '') },
      'told is planned': { 'release.yaml': releaseWith('told: 2026-11-29', 'told: 2026-12-05') },
      'not told, nobody asked': { 'release.yaml': releaseWith('    asked_by: Dee\n    told: 2026-11-29\n', '') },
      'no rollback': { 'rollback.yaml': undefined },
      'untimed rehearsal': { 'rollback.yaml': CLEAN_ROLLBACK.replace('    minutes: 11\n', '') },
      'no owners': { 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') },
      'no problem': { 'release.yaml': releaseWith('problem: Customers cannot download their invoices as PDF.\n', '') },
      shipped: { 'release.yaml': releaseWith('parked:', 'shipped:\n  date: 2026-11-30\n  outcome: shipped\n  version: 1.5.0\nparked:') },
      'shipped, no version': { 'release.yaml': releaseWith('parked:', 'shipped:\n  date: 2026-11-30\n  outcome: shipped\nparked:') },
      'rolled back': { 'release.yaml': releaseWith('parked:', 'shipped:\n  date: 2026-11-30\n  outcome: rolled-back\n  version: 1.5.0\nparked:') },
      'rolled back, no version': { 'release.yaml': releaseWith('parked:', 'shipped:\n  date: 2026-11-30\n  outcome: rolled-back\nparked:') },
    };
    for (const [name, entries] of Object.entries(scenarios)) {
      const plan = files(entries);
      const result = checkPlan(plan, { today: TODAY, translate: marking, cache: false });
      const summary = summarizeRelease(result);
      const gonogo = evaluateGonogo(result);
      const shown = [...gonogo.questions.flatMap((q) => [q.question, ...q.reasons]), ...gonogo.unreadableRecords.map((r) => r.reason), ...(gonogo.veto ? [gonogo.veto.message] : []), ...(gonogo.shipped ? [gonogo.shipped.message] : [])];
      if (summary) shown.push(...summary.rollback.checks.flatMap((c) => [c.label, ...(c.id === 'stable' && !c.detail.includes('［') ? [] : [c.detail])]), ...releaseHealth(summary, marking).reasons);
      for (const text of shown) assertOnlyPlanText(text, plan, name);
    }
  });
});
