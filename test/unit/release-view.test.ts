// The ReleaseView: one computation per check, shared by every consumer, linear in the plan.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { planFiles } from '../../bench/plans';
import { readPlan } from '../../src/cli/files';
import { checkPlan, type CheckResult } from '../../src/core/engine';
import { evaluateGonogo } from '../../src/core/gonogo';
import { ownerLoads } from '../../src/core/load';
import { findingsByTask, releaseView, summarizeRelease } from '../../src/core/summary';
import { RELEASE_FILE, ROLLBACK_FILE, type Finding } from '../../src/core/types';
import { check, releaseWith, TODAY } from './helpers';

const ROOT = join(__dirname, '..', '..');

/** The per-task and total counts as they were computed before the view: a filter over all findings per task. */
function naiveCounts(result: CheckResult) {
  const about = (f: Finding, index: number) => f.file === RELEASE_FILE && f.path !== undefined && f.path[0] === 'tasks' && f.path[1] === index;
  return {
    tasks: result.context.tasks().map(({ index }) => ({
      index,
      errors: result.findings.filter((f) => about(f, index) && f.severity === 'error').length,
      warnings: result.findings.filter((f) => about(f, index) && f.severity === 'warning').length,
      findings: result.findings.filter((f) => about(f, index)),
    })),
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    rollbackFailing: (codes: string[]) => result.findings.some((f) => codes.includes(f.code)),
  };
}

/** The result with every read of a finding (and of the list's items) counted. */
function countingReads(result: CheckResult): { result: CheckResult; reads: () => number } {
  let reads = 0;
  const findings = result.findings.map(
    (finding) =>
      new Proxy(finding, {
        get(target, key, receiver) {
          reads++;
          return Reflect.get(target, key, receiver);
        },
      }),
  );
  const list = new Proxy(findings, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { result: { ...result, findings: list }, reads: () => reads };
}

async function examples(): Promise<[string, CheckResult][]> {
  const out: [string, CheckResult][] = [];
  for (const folder of ['examples/clean', 'examples/messy', 'examples/draft', 'test/fixtures/basic', 'test/fixtures/second', '.']) {
    const read = await readPlan(join(ROOT, folder));
    for (const today of [TODAY, '2099-03-16']) out.push([`${folder} on ${today}`, checkPlan(read.files, { today, unreadable: read.unreadable })]);
  }
  out.push(['a messy generated plan', checkPlan(planFiles(300, { messy: true, checkins: 10, today: TODAY }), { today: TODAY })]);
  out.push(['a plan with a broken runbook', check({ 'rollback.yaml': 'stable: [\n' })]);
  return out;
}

describe('ReleaseView', () => {
  it('is computed once per check and shared: the summary, loads and go/no-go every consumer asks for', () => {
    const result = check({ 'release.yaml': releaseWith('owner: Cy', 'owner: backend team') });
    const view = releaseView(result);
    assert.equal(releaseView(result), view);
    assert.equal(summarizeRelease(result), view.summary);
    assert.equal(ownerLoads(result), view.loads);
    assert.equal(evaluateGonogo(result), view.gonogo);
    assert.equal(view.summary?.gonogo, view.gonogo);
    assert.equal(findingsByTask(result), view.taskFindings);
    // Another check (a new result) gets its own view, equal when the plan is.
    const again = { ...result };
    assert.notEqual(releaseView(again), view);
    assert.deepStrictEqual(releaseView(again), view);
  });

  it('counts each task\'s findings and the totals as a filter per task did, on the examples and fixtures', async () => {
    for (const [name, result] of await examples()) {
      const view = releaseView(result);
      const naive = naiveCounts(result);
      if (!view.summary) {
        assert.equal(result.plan.release, undefined, name);
        continue;
      }
      assert.deepEqual(view.summary.tasks.map(({ index, errors, warnings }) => ({ index, errors, warnings })), naive.tasks.map(({ index, errors, warnings }) => ({ index, errors, warnings })), name);
      assert.deepEqual(view.summary.counts, { errors: naive.errors, warnings: naive.warnings }, name);
      for (const { index, findings } of naive.tasks) assert.deepEqual(view.taskFindings.get(index) ?? [], findings, `${name}: task ${index}`);
      const ready = Object.fromEntries(view.summary.rollback.checks.map((c) => [c.id, c.ok]));
      if (result.plan.rollback) {
        assert.equal(ready.triggers && naive.rollbackFailing(['rollback-no-triggers', 'rollback-trigger-vague']), false, name);
        assert.equal(ready.steps && naive.rollbackFailing(['rollback-no-steps', 'rollback-too-long']), false, name);
        assert.equal(ready.roles, !naive.rollbackFailing(['rollback-role-missing']) && !result.findings.some((f) => f.file === ROLLBACK_FILE && f.path?.[0] === 'roles'), name);
      }
    }
  });

  it('reads each finding a bounded number of times: 3000 tasks, ~6000 findings, linear', () => {
    const big = checkPlan(planFiles(3000, { messy: true, today: TODAY }), { today: TODAY, cache: false });
    assert.ok(big.findings.length > 5500, `${big.findings.length} findings`);
    const half = checkPlan(planFiles(1500, { messy: true, today: TODAY }), { today: TODAY, cache: false });
    const counted = countingReads(big);
    const view = releaseView(counted.result);
    assert.equal(view.summary?.tasks.length, 3000);
    // Before, every task filtered every finding: 3000 x 6000 = 18 million reads, 3000 per finding.
    // Now about 35 (each consumer reads a few fields of each finding once).
    const perFinding = counted.reads() / big.findings.length;
    assert.ok(perFinding < 100, `${perFinding.toFixed(1)} reads per finding`);
    const halfCounted = countingReads(half);
    releaseView(halfCounted.result);
    const growth = counted.reads() / halfCounted.reads();
    assert.ok(growth < 2.3, `twice the plan, ${growth.toFixed(2)} times the reads`);
    // The same view as without the counting.
    assert.deepStrictEqual(JSON.parse(JSON.stringify(view.summary)), JSON.parse(JSON.stringify(releaseView({ ...big }).summary)));
  });

  it('go/no-go names each unowned task once, whether a finding or the fact says it, in a large plan', () => {
    const plan = planFiles(400, { messy: true, today: TODAY });
    const result = checkPlan(plan, { today: TODAY });
    const withFinding = evaluateGonogo(result).questions.find((q) => q.id === 'owners');
    const open = new Set(result.context.openTasks().map(({ index }) => index));
    const labelled = result.findings.filter((f) => f.code === 'owner-team-label' && f.file === RELEASE_FILE && open.has(f.path?.[1] as number));
    assert.ok(withFinding && labelled.length > 200);
    assert.equal(withFinding.verdict, 'fail');
    assert.equal(withFinding.reasons.filter((r) => r.startsWith('owner-team-label: ')).length, labelled.length);
    assert.equal(withFinding.reasons.filter((r) => r.endsWith('has no one named owner.')).length, 0, 'a fact a finding already says is not repeated');

    const quiet = new Map(plan).set('.release/config.yaml', 'rules:\n  owner-team-label: info\n');
    const fromFacts = evaluateGonogo(checkPlan(quiet, { today: TODAY })).questions.find((q) => q.id === 'owners');
    assert.equal(fromFacts?.verdict, 'fail');
    assert.equal(fromFacts?.findings.length, 0);
    assert.equal(fromFacts?.reasons.length, labelled.length, 'one fact per unowned open task');
  });
});
