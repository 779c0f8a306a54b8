import assert from 'node:assert/strict';
import { evaluateGonogo, findingsFor, QUESTION_CODES, type GonogoResult, type QuestionId } from '../../src/core/gonogo';
import type { Finding } from '../../src/core/types';
import { checkPlan } from '../../src/core/engine';
import { planTimeline } from '../../src/core/timeline';
import { check, CLEAN_RELEASE, CLEAN_RELEASE_UNDATED, CLEAN_ROLLBACK, files, releaseWith, said, TODAY } from './helpers';

function gonogo(entries: Record<string, string | undefined> = {}, today = TODAY): GonogoResult {
  return evaluateGonogo(check(entries, today));
}

function question(result: GonogoResult, id: QuestionId) {
  const found = result.questions.find((q) => q.id === id);
  assert.ok(found, `no question ${id}`);
  return found;
}

function verdicts(result: GonogoResult): Record<string, string> {
  return Object.fromEntries(result.questions.map((q) => [q.id, q.verdict]));
}

const ALL_PASS = { 'one-problem': 'pass', owners: 'pass', rollback: 'pass', 'dry-run': 'pass', stakeholders: 'pass' };
const release = (find: string, replace: string) => ({ 'release.yaml': releaseWith(find, replace) });
const rollbackWith = (find: string, replace: string) => {
  if (!CLEAN_ROLLBACK.includes(find)) throw new Error(`rollback fixture does not contain: ${find}`);
  return { 'rollback.yaml': CLEAN_ROLLBACK.replace(find, replace) };
};
const config = (rules: Record<string, string>) => ({ 'config.yaml': `rules:\n${Object.entries(rules).map(([code, severity]) => `  ${code}: ${severity}`).join('\n')}\n` });
const LAPTOP = release('environment: staging', 'environment: laptop');
const BROAD = release('problem: Customers cannot download their invoices as PDF.', 'problem: PDF export plus CSV export');
const findingCodes = (list: Finding[]) => list.map((f) => f.code);

describe('go/no-go', () => {
  it('asks the five questions in order and recommends go for the clean plan', () => {
    const result = gonogo();
    assert.deepEqual(result.questions.map((q) => q.id), ['one-problem', 'owners', 'rollback', 'dry-run', 'stakeholders']);
    assert.deepEqual(verdicts(result), ALL_PASS);
    assert.equal(result.recommendation, 'go');
    for (const q of result.questions) {
      assert.equal(q.source, 'plan');
      assert.ok(q.reasons.length > 0, `${q.id} has no reasons`);
    }
  });

  describe('1. one specific problem', () => {
    it('passes with the problem as the reason', () => {
      assert.match(question(gonogo(), 'one-problem').reasons[0] ?? '', /Customers cannot download/);
    });

    it('fails on a broad problem, with the finding as the reason and in its findings', () => {
      const q = question(gonogo(BROAD), 'one-problem');
      assert.equal(q.verdict, 'fail');
      assert.match(q.reasons.join('\n'), /problem-too-broad/);
      assert.deepEqual(findingCodes(q.findings), ['problem-too-broad']);
    });

    it('fails on scope breadth, e.g. a refactor in the release', () => {
      const q = question(gonogo(release('    estimate: 1\n', '    estimate: 1\n    kind: refactor\n')), 'one-problem');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(findingCodes(q.findings), ['scope-refactor']);
    });

    it('does not read capacity or risk: scope-over-capacity and scope-too-risky leave it passing', () => {
      const heavy = { ...release('    estimate: 2\n', '    estimate: 60\n    risk: [billing]\n'), 'config.yaml': 'limits:\n  risky_tasks: 0\n' };
      const result = check(heavy);
      assert.ok(findingCodes(result.findings).includes('scope-over-capacity'), 'fixture must trigger scope-over-capacity');
      assert.ok(findingCodes(result.findings).includes('scope-too-risky'), 'fixture must trigger scope-too-risky');
      const q = question(evaluateGonogo(result), 'one-problem');
      assert.equal(q.verdict, 'pass');
      assert.deepEqual(q.findings, []);
    });

    it('is not failed by a finding the team set to info (or off)', () => {
      assert.equal(question(gonogo({ ...BROAD, ...config({ 'problem-too-broad': 'info' }) }), 'one-problem').verdict, 'pass');
      assert.equal(question(gonogo({ ...BROAD, ...config({ 'problem-too-broad': 'off' }) }), 'one-problem').verdict, 'pass');
      assert.equal(question(gonogo({ ...BROAD, ...config({ 'problem-too-broad': 'error' }) }), 'one-problem').verdict, 'fail');
    });

    it('fails without a problem statement even when problem-missing is turned off', () => {
      const q = question(gonogo({ ...release('problem: Customers cannot download their invoices as PDF.\n', ''), ...config({ 'problem-missing': 'off' }) }), 'one-problem');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(q.reasons, ['No problem statement: say in one sentence which customer problem this release solves (`problem:` in release.yaml).']);
    });

    describe('after a freeze, tasks nothing dates (no added:, no plan history): a late addition cannot be ruled out', () => {
      const UNDATED = { 'release.yaml': CLEAN_RELEASE_UNDATED };
      const REASON = "The plan cannot tell whether new features joined after feature requests stopped on 2026-11-30 (freeze.features): 2 feature tasks (T1, T2) have no valid `added:` date, and no commit in the plan's history dates them. Write the day each joined the release as `added:`.";

      it('needs an answer, never passes: the recommendation is needs-answers, not go', () => {
        const result = gonogo(UNDATED);
        const q = question(result, 'one-problem');
        assert.equal(q.verdict, 'needs-answer');
        assert.deepEqual(q.reasons, [REASON]);
        assert.equal(result.recommendation, 'needs-answers');
      });

      it('whatever severity scope-added-unknown has: a fact, not a finding', () => {
        assert.equal(question(gonogo({ ...UNDATED, ...config({ 'scope-added-unknown': 'off' }) }), 'one-problem').verdict, 'needs-answer');
      });

      it('passes once the tasks are dated: by added:, or by the plan\'s history', () => {
        assert.equal(question(gonogo({ 'release.yaml': CLEAN_RELEASE_UNDATED.replace(/    estimate: (\d)\n/g, '    estimate: $1\n    added: 2026-11-20\n') }), 'one-problem').verdict, 'pass');
        const timeline = planTimeline([{ commit: 'c1'.repeat(20), author: 'Ana', date: '2026-11-20', text: CLEAN_RELEASE_UNDATED }]);
        assert.equal(question(evaluateGonogo(check(UNDATED, TODAY, timeline)), 'one-problem').verdict, 'pass');
      });

      it('a recorded answer does not settle it (a record cannot vouch for tasks it may not have seen, and Release Plan writes yes for every question the plan passed); a failing finding still fails it', () => {
        const record = 'decision: go\ndecided_by: Ana\nanswers:\n  - id: one-problem\n    answer: yes\n    evidence: "Problem: Customers cannot download their invoices as PDF."\n';
        const recorded = gonogo({ ...UNDATED, 'gonogo/2026-12-01.yaml': record });
        const q = question(recorded, 'one-problem');
        assert.deepEqual([q.verdict, q.source, q.planOnly, q.reasons], ['needs-answer', 'plan', true, [REASON]]);
        assert.equal(recorded.recommendation, 'needs-answers');
        const broad = { 'release.yaml': releaseWith('problem: Customers cannot download their invoices as PDF.', 'problem: PDF export plus CSV export', CLEAN_RELEASE_UNDATED) };
        assert.equal(question(gonogo(broad), 'one-problem').verdict, 'fail');
        // Other open questions are still answered by a record.
        assert.equal(question(gonogo({ ...LAPTOP, 'gonogo/2026-11-30.yaml': 'decision: go\nanswers:\n  - id: dry-run\n    answer: yes\n' }), 'dry-run').planOnly, undefined);
      });

      it('a freeze that is not a date leaves the question open (date-invalid reports it; no scope-added-unknown on top)', () => {
        for (const written of ['2026-11-31', '"after QA"', '2026-1-5']) {
          const result = check({ 'release.yaml': CLEAN_RELEASE_UNDATED.replace('  features: 2026-11-30', `  features: ${written}`) }, '2026-12-05');
          const q = question(evaluateGonogo(result), 'one-problem');
          assert.deepEqual([q.verdict, q.reasons], ['needs-answer', ['The plan cannot tell whether new features joined after feature requests stopped: `freeze.features` is not a date (date-invalid). Write it as YYYY-MM-DD.']], written);
          assert.deepEqual(result.findings.filter((f) => f.code === 'scope-added-unknown'), []);
        }
        // Once the scope freeze has passed it covers every task: an unreadable features freeze no longer matters.
        const dated = CLEAN_RELEASE.replace('  features: 2026-11-30', '  features: 2026-11-31');
        assert.equal(question(gonogo({ 'release.yaml': dated }, '2026-12-11'), 'one-problem').verdict, 'pass');
        // `freeze:` that is not a map at all (a date, a list): the same (review 3 of issue 12).
        for (const written of ['freeze: 2026-12-10\n', 'freeze: [2026-12-10]\n']) {
          const text = CLEAN_RELEASE_UNDATED.replace('freeze:\n  scope: 2026-12-10\n  features: 2026-11-30\n', written);
          assert.deepEqual(question(gonogo({ 'release.yaml': text }, '2026-12-11'), 'one-problem').reasons, ['The plan cannot tell whether scope grew after a freeze: `freeze:` is not a map of dates (its finding says why). Write it as `freeze:` with `scope:` and `features:` dates under it.'], written);
        }
        const scopeUnreadable = CLEAN_RELEASE.replace('  scope: 2026-12-10', '  scope: soon');
        assert.match(question(gonogo({ 'release.yaml': scopeUnreadable }, '2026-12-11'), 'one-problem').reasons[0] ?? '', /`freeze\.scope` is not a date/);
      });
    });

    it('fails when release.yaml is unreadable', () => {
      const q = question(gonogo({ 'release.yaml': 'release: [' }), 'one-problem');
      assert.equal(q.verdict, 'fail');
      assert.match(q.reasons[0] ?? '', /missing or unreadable/);
    });
  });

  describe('2. one named owner for every unfinished task', () => {
    it('fails on a task the schema could not read (a text or an empty item where a task belongs): nobody can say who owns it (review 2 of issue 12)', () => {
      const withItems = releaseWith('parked:', '  - Export invoices as CSV too\n  -\nparked:');
      const q = question(gonogo({ 'release.yaml': withItems }), 'owners');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(q.reasons, [
        'Task #3 cannot be read (its finding in release.yaml says why): the plan cannot tell who owns it.',
        'Task #4 cannot be read (its finding in release.yaml says why): the plan cannot tell who owns it.',
      ]);
      const notAList = CLEAN_RELEASE.replace(/tasks:\n[\s\S]*?parked:/, 'tasks: Export invoices\nparked:');
      assert.deepEqual(question(gonogo({ 'release.yaml': notAList }), 'owners').reasons, ['`tasks:` in release.yaml cannot be read (its finding says why): the plan cannot tell who owns the work.']);
      assert.equal(gonogo({ 'release.yaml': notAList }).recommendation, 'no-go');
    });

    it('fails for a group owner on an open task', () => {
      const q = question(gonogo(release('    owner: Bo\n', '    owner: backend team\n')), 'owners');
      assert.equal(q.verdict, 'fail');
      assert.match(q.reasons.join('\n'), /owner-team-label/);
    });

    it('fails for a missing role', () => {
      const q = question(gonogo(release('  stop: Ana\n', '')), 'owners');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(findingCodes(q.findings), ['role-missing']);
    });

    it('fails for a blocked task nobody clears (task-blocked-unowned), listing that finding', () => {
      // Built by hand so this test pins the question's reading, whatever the rule's wording becomes.
      const blocked: Finding = { ...FAKE, code: 'task-blocked-unowned', message: 'Nobody clears the blocker of T2.', l10n: said('Nobody clears the blocker of T2.'), path: ['tasks', 1] };
      const q = question(evaluateGonogo({ ...check(), findings: [blocked] }), 'owners');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(q.findings, [blocked]);
      assert.deepEqual(q.reasons, ['task-blocked-unowned: Nobody clears the blocker of T2.']);
    });

    it('fails for a block in the latest check-in that nobody clears', () => {
      const q = question(gonogo({ 'checkins/2026-12-01.yaml': 'blocks:\n  - what: waiting for the payment sandbox\n' }), 'owners');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(findingCodes(q.findings), ['checkin-block-unowned']);
    });

    it('passes when an owner is one named person missing from team.yaml (owner-unknown)', () => {
      const result = check({ 'team.yaml': 'people:\n  - name: Ana\n  - name: Cy\n' });
      assert.ok(findingCodes(result.findings).includes('owner-unknown'), 'fixture must trigger owner-unknown');
      assert.equal(question(evaluateGonogo(result), 'owners').verdict, 'pass');
    });

    it('overrides change findings, not facts: a group owner still fails it when its rule is set to info', () => {
      const q = question(gonogo({ ...release('    owner: Bo\n', '    owner: backend team\n'), ...config({ 'owner-team-label': 'info' }) }), 'owners');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(q.reasons, ['Task T1 has no one named owner.']);
      assert.deepEqual(q.findings, [], 'no blocking finding: the fact fails it');
    });

    it('states each unowned task and unnamed role once, from the finding when there is one', () => {
      const entries = { 'release.yaml': releaseWith('  stop: Ana\n', '', releaseWith('    owner: Cy\n', '')), ...config({ 'owner-missing': 'off', 'role-missing': 'info' }) };
      const q = question(gonogo(entries), 'owners');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(q.reasons, ['Task T2 has no one named owner.', 'roles.stop names no one person.']);
      const withFindings = question(gonogo({ 'release.yaml': releaseWith('    owner: Cy\n', '') }), 'owners');
      assert.deepEqual(findingCodes(withFindings.findings), ['owner-missing']);
      assert.equal(withFindings.reasons.length, 1, withFindings.reasons.join(' | '));
      const one = question(gonogo(release('    owner: Cy\n    status: todo\n', '    owner: Cy\n    status: done\n')), 'owners');
      assert.deepEqual(one.reasons, ['1 unfinished task, with one named owner; all four roles named.']);
    });

    it('leaves a group named as a rollback role to question 3', () => {
      const result = gonogo(rollbackWith('runs: Bo', 'runs: ops team'));
      assert.equal(question(result, 'owners').verdict, 'pass');
      assert.deepEqual(findingCodes(question(result, 'rollback').findings), ['owner-team-label']);
    });

    it('passes when only a finished task lacks a real owner', () => {
      const q = question(gonogo(release('    owner: Bo\n    status: doing\n', '    owner: QA\n    status: done\n')), 'owners');
      assert.equal(q.verdict, 'pass');
      assert.match(q.reasons[0] ?? '', /1 unfinished task/);
    });
  });

  describe('3. roll back from one short runbook', () => {
    it('fails with a rename hint when the runbook is in rollback.yml', () => {
      const q = question(gonogo({ 'rollback.yaml': undefined, 'rollback.yml': CLEAN_ROLLBACK }), 'rollback');
      assert.equal(q.verdict, 'fail');
      assert.ok(q.reasons.includes('The runbook is in .release/rollback.yml, which is not read: rename it to .release/rollback.yaml.'), q.reasons.join(' | '));
    });

    it('fails without rollback.yaml', () => {
      const q = question(gonogo({ 'rollback.yaml': undefined }), 'rollback');
      assert.equal(q.verdict, 'fail');
      assert.match(q.reasons.join('\n'), /rollback-missing/);
    });

    it('fails when the last rehearsal is stale, unless the team set that to info', () => {
      const q = question(gonogo({}, '2026-12-12'), 'rollback');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(findingCodes(q.findings), ['rollback-rehearsal-stale']);
      assert.equal(question(gonogo(config({ 'rollback-rehearsal-stale': 'info' }), '2026-12-12'), 'rollback').verdict, 'pass');
    });

    it('passes with a complete, recently rehearsed runbook, in plain words', () => {
      const q = question(gonogo(), 'rollback');
      assert.equal(q.verdict, 'pass');
      assert.deepEqual(q.reasons, ['Runbook complete; 1 timed rehearsal on a production-like setup, the last on 2026-11-27, 11 min.']);
    });

    it('does not pass on a rehearsal dated after today, whatever the rehearsal rules say', () => {
      const planned = rollbackWith('  - date: 2026-11-27', '  - date: 2026-12-05 # planned');
      for (const severity of [undefined, 'info', 'off']) {
        const entries = severity ? { ...planned, ...config({ 'rollback-not-rehearsed': severity, 'rollback-rehearsal-stale': severity }) } : planned;
        const q = question(gonogo(entries), 'rollback');
        assert.equal(q.verdict, 'fail', `with overrides ${severity}`);
        assert.match(q.reasons.join('\n'), /2026-12-05[^\n]*planned|planned for 2026-12-05/, `with overrides ${severity}`);
        assert.match(q.reasons.join('\n'), /has not happened/, `with overrides ${severity}`);
      }
    });

    it('fails when never rehearsed even with rollback-not-rehearsed turned off', () => {
      const q = question(gonogo({ ...rollbackWith('rehearsals:\n  - date: 2026-11-27\n    environment: staging\n    minutes: 11\n    by: Bo\n', ''), ...config({ 'rollback-not-rehearsed': 'off' }) }), 'rollback');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(q.reasons, ['The rollback was never rehearsed: run it once on a production-like setup and time it.']);
      assert.deepEqual(q.findings, []);
    });

    it('does not pass a runbook of placeholders even with its rules turned off (facts, not findings)', () => {
      const entries = { ...rollbackWith('steps:\n  - Redeploy 1.4.2.\n  - Check users are on 1.4.2.\n', 'steps:\n  - "TODO: first step"\n'), ...config({ 'rollback-no-steps': 'off' }) };
      const q = question(gonogo(entries), 'rollback');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(q.reasons, ['The runbook has no steps.']);
    });

    it('does not count an untimed rehearsal or one on a laptop', () => {
      const untimed = question(gonogo({ ...rollbackWith('    minutes: 11\n', ''), ...config({ 'rollback-not-rehearsed': 'off' }) }), 'rollback');
      assert.deepEqual(untimed.reasons, ['The rehearsal on 2026-11-27 does not count: it was not timed.']);
      const laptop = question(gonogo({ ...rollbackWith('    environment: staging\n', '    environment: laptop\n'), ...config({ 'rollback-not-rehearsed': 'info' }) }), 'rollback');
      assert.deepEqual(laptop.reasons, ['The rehearsal on 2026-11-27 does not count: it did not run on a production-like setup.']);
    });

    it('counts only the rehearsals that happened', () => {
      const q = question(gonogo(rollbackWith('    by: Bo\n', '    by: Bo\n  - date: 2026-12-10\n    minutes: 9\n')), 'rollback');
      assert.equal(q.verdict, 'pass');
      assert.deepEqual(q.reasons, ['Runbook complete; 1 timed rehearsal on a production-like setup, the last on 2026-11-27, 11 min.']);
    });
  });

  describe('4. release path tested on a production-like setup', () => {
    it('passes after a recent staging dry run', () => {
      assert.equal(question(gonogo(), 'dry-run').verdict, 'pass');
    });

    it('ends the reason with one period when the notes already end with one', () => {
      const q = question(gonogo(release('  environment: staging\n', '  environment: staging\n  notes: deploy, migrate, roll back.\n')), 'dry-run');
      assert.deepEqual(q.reasons, ['Dry run on 2026-11-28 (staging): deploy, migrate, roll back.']);
    });

    it('needs an answer without a dry run', () => {
      const q = question(gonogo(release('dry_run:\n  date: 2026-11-28\n  environment: staging\n', '')), 'dry-run');
      assert.equal(q.verdict, 'needs-answer');
      assert.match(q.reasons[0] ?? '', /dry_run\.date/);
    });

    it('needs an answer after a laptop dry run', () => {
      assert.equal(question(gonogo(LAPTOP), 'dry-run').verdict, 'needs-answer');
    });

    it('needs an answer when the dry run is older than the limit', () => {
      assert.equal(question(gonogo({}, '2026-12-13'), 'dry-run').verdict, 'needs-answer');
      assert.equal(question(gonogo({}, '2026-12-12'), 'dry-run').verdict, 'pass');
    });

    it('needs an answer when the dry run is only scheduled (dated after today)', () => {
      const q = question(gonogo(release('date: 2026-11-28', 'date: 2026-12-05')), 'dry-run');
      assert.equal(q.verdict, 'needs-answer');
      assert.match(q.reasons[0] ?? '', /2026-12-05/);
    });

    it('fails when a recorded answer says no', () => {
      const q = question(gonogo({ ...LAPTOP, 'gonogo/2026-11-30.yaml': 'decision: no-go\nanswers:\n  - id: dry-run\n    answer: no\n' }), 'dry-run');
      assert.equal(q.verdict, 'fail');
      assert.equal(q.source, 'record');
    });
  });

  describe('5. stakeholders told what was cut', () => {
    it('fails when release.yaml cannot be read (nobody can tell what was parked)', () => {
      const q = question(gonogo({ 'release.yaml': 'release: [\n' }), 'stakeholders');
      assert.equal(q.verdict, 'fail');
      assert.match(q.reasons[0] ?? '', /release\.yaml is missing or unreadable/);
    });

    it('fails for a parked item with told: false, listing the finding', () => {
      const q = question(gonogo(release('told: 2026-11-29', 'told: false')), 'stakeholders');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(q.reasons, ['"CSV export" was parked but Dee (who asked for it) was not told.']);
      assert.deepEqual(findingCodes(q.findings), ['parked-not-told']);
    });

    it('does not count a told: dated after today as told, whatever parked-not-told is set to', () => {
      for (const severity of [undefined, 'info', 'off']) {
        const entries = { ...release('told: 2026-11-29', 'told: 2026-12-04'), ...(severity ? config({ 'parked-not-told': severity }) : {}) };
        const q = question(gonogo(entries), 'stakeholders');
        assert.equal(q.verdict, 'fail', `with parked-not-told ${severity}`);
        assert.deepEqual(q.reasons, ['"CSV export": telling Dee (who asked for it) is planned for 2026-12-04; it has not happened yet.']);
      }
    });

    it('still fails when parked-not-told is info, with no finding to list', () => {
      const q = question(gonogo({ ...release('told: 2026-11-29', 'told: false'), ...config({ 'parked-not-told': 'info' }) }), 'stakeholders');
      assert.equal(q.verdict, 'fail');
      assert.deepEqual(q.findings, []);
    });

    it('passes when the parked item was told, in plain words', () => {
      assert.deepEqual(question(gonogo(), 'stakeholders').reasons, ['The parked item was told.']);
    });

    it('passes when nothing was parked', () => {
      const q = question(gonogo({ 'release.yaml': CLEAN_WITHOUT_PARKED }), 'stakeholders');
      assert.equal(q.verdict, 'pass');
      assert.equal(q.reasons[0], 'Nothing was parked.');
    });
  });

  describe('a recorded gonogo/DATE.yaml', () => {
    const RECORD = 'decision: go\ndecided_by: Ana\nanswers:\n  - id: dry-run\n    answer: yes\n    evidence: full chain on the prod-like cluster\n';

    it('answers a needs-answer question, with the evidence as the reason', () => {
      const result = gonogo({ ...LAPTOP, 'gonogo/2026-11-30.yaml': RECORD });
      const q = question(result, 'dry-run');
      assert.equal(q.verdict, 'pass');
      assert.equal(q.source, 'record');
      assert.equal(q.reasons[0], 'Answered yes on 2026-11-30: full chain on the prod-like cluster.');
      assert.equal(result.recordDate, '2026-11-30');
      assert.equal(result.recommendation, 'go');
    });

    it('ends the reason with one period when the evidence already ends with one', () => {
      const record = RECORD.replace('prod-like cluster', 'prod-like cluster.');
      assert.equal(question(gonogo({ ...LAPTOP, 'gonogo/2026-11-30.yaml': record }), 'dry-run').reasons[0], 'Answered yes on 2026-11-30: full chain on the prod-like cluster.');
    });

    it('accepts a YAML boolean answer', () => {
      const record = RECORD.replace('answer: yes', 'answer: true');
      assert.equal(question(gonogo({ ...LAPTOP, 'gonogo/2026-11-30.yaml': record }), 'dry-run').verdict, 'pass');
    });

    it('does not override what the plan can tell', () => {
      const record = `${RECORD}  - id: owners\n    answer: yes\n`;
      const q = question(gonogo({ ...release('    owner: Bo\n', '    owner: QA\n'), 'gonogo/2026-11-30.yaml': record }), 'owners');
      assert.equal(q.verdict, 'fail');
      assert.equal(q.source, 'plan');
    });

    it('is ignored when dated after today', () => {
      assert.equal(question(gonogo({ ...LAPTOP, 'gonogo/2026-12-02.yaml': RECORD }), 'dry-run').verdict, 'needs-answer');
    });

    it('uses the latest record on or before today', () => {
      const no = 'decision: no-go\nanswers:\n  - id: dry-run\n    answer: no\n';
      const result = gonogo({ ...LAPTOP, 'gonogo/2026-11-20.yaml': no, 'gonogo/2026-11-30.yaml': RECORD });
      assert.equal(result.recordDate, '2026-11-30');
      assert.equal(question(result, 'dry-run').verdict, 'pass');
    });
  });

  describe('the stop owner\'s veto', () => {
    const NO_GO = 'decision: no-go\ndecided_by: Ana\nreason: the payment provider has an outage\n';
    const GO = 'decision: go\ndecided_by: Ana\n';

    it('makes a plan whose five questions pass no-go, with who, when and why', () => {
      const result = gonogo({ 'gonogo/2026-11-30.yaml': NO_GO });
      assert.deepEqual(verdicts(result), ALL_PASS);
      assert.equal(result.recommendation, 'no-go');
      assert.deepEqual(result.veto, { date: '2026-11-30', file: '.release/gonogo/2026-11-30.yaml', decidedBy: 'Ana', reason: 'the payment provider has an outage', message: 'Vetoed by Ana on 2026-11-30: the payment provider has an outage' });
    });

    it('counts a veto recorded today', () => {
      assert.equal(gonogo({ 'gonogo/2026-12-01.yaml': NO_GO }).veto?.date, '2026-12-01');
    });

    it('says so when no reason or nobody is recorded', () => {
      assert.equal(gonogo({ 'gonogo/2026-11-30.yaml': 'decision: no-go\ndecided_by: Ana\n' }).veto?.message, 'Vetoed by Ana on 2026-11-30: no reason recorded');
      assert.equal(gonogo({ 'gonogo/2026-11-30.yaml': 'decision: no-go\n' }).veto?.message, 'Vetoed by someone not named (no decided_by) on 2026-11-30: no reason recorded');
    });

    it('holds until a later record on or before today says go', () => {
      const lifted = gonogo({ 'gonogo/2026-11-28.yaml': NO_GO, 'gonogo/2026-11-30.yaml': GO });
      assert.equal(lifted.veto, undefined);
      assert.equal(lifted.recommendation, 'go');
      const planned = gonogo({ 'gonogo/2026-11-28.yaml': NO_GO, 'gonogo/2026-12-02.yaml': GO });
      assert.equal(planned.recommendation, 'no-go');
      assert.equal(planned.veto?.date, '2026-11-28');
    });

    it('ignores a no-go dated after today (planned, not evidence)', () => {
      const result = gonogo({ 'gonogo/2026-12-02.yaml': NO_GO });
      assert.equal(result.veto, undefined);
      assert.equal(result.recommendation, 'go');
    });

    it('a later no-go vetoes an earlier go', () => {
      assert.equal(gonogo({ 'gonogo/2026-11-28.yaml': GO, 'gonogo/2026-11-30.yaml': NO_GO }).recommendation, 'no-go');
    });

    it('reads a no-go however it is capitalised or spaced (NO-GO, No Go, no_go) — and check still flags the spelling', () => {
      for (const spelling of ['NO-GO', 'No-Go', '"no go"', 'no_go', 'nogo']) {
        const entries = { 'gonogo/2026-11-30.yaml': `decision: ${spelling}\ndecided_by: Ana\n` };
        const result = gonogo(entries);
        assert.equal(result.recommendation, 'no-go', spelling);
        assert.equal(result.veto?.decidedBy, 'Ana', spelling);
        assert.ok(check(entries).findings.some((f) => f.code === 'schema' && f.file === '.release/gonogo/2026-11-30.yaml'), `${spelling} is still a schema finding`);
      }
    });

    it('two records of the same day (.yaml and .yml): a no-go among them wins, whatever their order', () => {
      for (const [a, b] of [[GO, NO_GO], [NO_GO, GO]] as const) {
        const result = gonogo({ 'gonogo/2026-11-30.yml': a, 'gonogo/2026-11-30.yaml': b });
        assert.equal(result.recommendation, 'no-go');
        assert.equal(result.veto?.date, '2026-11-30');
      }
    });

    it('reads a day with several decisions by its latest (the file\'s own fields); earlier ones are kept, not counted', () => {
      const day = 'decision: go\ndecided_by: Ana\nat: "16:40"\nearlier:\n  - decision: no-go\n    decided_by: Ana\n    reason: no rehearsal\n    at: "09:10"\n';
      assert.equal(gonogo({ 'gonogo/2026-11-30.yaml': day }).recommendation, 'go');
      const reversed = 'decision: no-go\ndecided_by: Ana\nreason: outage\nearlier:\n  - decision: go\n    decided_by: Ana\n';
      assert.equal(gonogo({ 'gonogo/2026-11-30.yaml': reversed }).veto?.reason, 'outage');
    });

    it('is not lifted by a later record that states no decision', () => {
      const result = gonogo({ 'gonogo/2026-11-28.yaml': NO_GO, 'gonogo/2026-11-30.yaml': 'answers:\n  - id: dry-run\n    answer: yes\n' });
      assert.equal(result.recommendation, 'no-go');
      assert.equal(result.veto?.date, '2026-11-28');
      assert.deepEqual(result.unreadableRecords.map((r) => r.file), ['.release/gonogo/2026-11-30.yaml']);
    });

    describe('fails closed on a record it cannot read: never go while one is left', () => {
      const cases: [string, Record<string, string>][] = [
        ['broken YAML (a value with ": ")', { 'gonogo/2026-11-30.yaml': 'decision: no-go\ndecided_by: Dee\nreason: provider says: outage\n' }],
        ['a decision that is neither go nor no-go', { 'gonogo/2026-11-30.yaml': 'decision: maybe\n' }],
        ['a file name that is not a date', { 'gonogo/30-11-2026.yaml': NO_GO }],
        ['a misnamed extension', { 'gonogo/2026-11-30.YAML': NO_GO }],
        ['a misnamed folder (go-no-go/)', { 'go-no-go/2026-11-30.yaml': NO_GO }],
        ['a misnamed folder (go_no_go/)', { 'go_no_go/2026-11-30.yaml': NO_GO }],
        ['a record written as one file (gonogo.yaml)', { 'gonogo.yaml': NO_GO }],
        ['a record in a sub-folder (gonogo/2026/)', { 'gonogo/2026/2026-11-30.yaml': NO_GO }],
        ['a record without an extension', { 'gonogo/2026-11-30': NO_GO }],
        ['an empty file', { 'gonogo/2026-11-30.yaml': '' }],
      ];
      for (const [what, entries] of cases) {
        it(what, () => {
          const result = gonogo(entries);
          assert.notEqual(result.recommendation, 'go');
          assert.equal(result.unreadableRecords.length, 1, JSON.stringify(result.unreadableRecords));
          assert.match(result.unreadableRecords[0]?.reason ?? '', /may hold a veto, so the release cannot be go until it is fixed\.$/);
        });
      }

      it('a record that cannot be decoded (UTF-16) counts too', () => {
        const result = evaluateGonogo(checkPlan(files({}), { today: TODAY, unreadable: new Map([['.release/gonogo/2026-11-30.yaml', said('save it as UTF-8')]]) }));
        assert.equal(result.recommendation, 'needs-answers');
        assert.match(result.unreadableRecords[0]?.reason ?? '', /^Go\/no-go record \.release\/gonogo\/2026-11-30\.yaml: it cannot be read/);
      });

      it('a gonogo folder that cannot be read (or a file in its place) counts too', () => {
        const result = evaluateGonogo(checkPlan(files({}), { today: TODAY, unreadable: new Map([['.release/gonogo', said('This folder could not be read: permission denied.')]]) }));
        assert.equal(result.recommendation, 'needs-answers');
        assert.match(result.unreadableRecords[0]?.reason ?? '', /^The go\/no-go records in \.release\/gonogo\/ cannot be read/);
      });

      it('but not a broken record dated after today (a plan, not a decision)', () => {
        const result = gonogo({ 'gonogo/2026-12-05.yaml': 'decision: [\n' });
        assert.equal(result.recommendation, 'go');
        assert.deepEqual(result.unreadableRecords, []);
      });
    });
  });

  describe('which findings each question reads', () => {
    it('reads each code from one list, and question 3 reads the whole rollback family', () => {
      assert.ok(QUESTION_CODES.rollback.includes('rollback-roles-one-person'));
      assert.ok(QUESTION_CODES.rollback.includes('migration-no-rollback'));
      assert.ok(!(QUESTION_CODES['one-problem'] as readonly string[]).includes('scope-over-capacity'));
      assert.ok(!(QUESTION_CODES.owners as readonly string[]).includes('owner-unknown'));
    });

    it('never reads an info finding', () => {
      const info: Finding = { ...FAKE, severity: 'info', code: 'problem-too-broad' };
      assert.deepEqual(findingsFor('one-problem', [info]), []);
      assert.deepEqual(findingsFor('one-problem', [{ ...info, severity: 'warning' }]), [{ ...info, severity: 'warning' }]);
    });
  });

  describe('recommendation', () => {
    it('is go when all five pass', () => {
      assert.equal(gonogo().recommendation, 'go');
    });

    it('is no-go when any question fails', () => {
      assert.equal(gonogo({ 'rollback.yaml': undefined }).recommendation, 'no-go');
      assert.equal(gonogo({ 'rollback.yaml': CLEAN_ROLLBACK.replace('minutes: 11', 'minutes: 40') }).recommendation, 'no-go');
    });

    it('is needs-answers (not go) while a question is unanswered', () => {
      assert.equal(gonogo(LAPTOP).recommendation, 'needs-answers');
    });

    it('is no-go when a failure and an unanswered question meet', () => {
      const result = gonogo({ ...LAPTOP, 'rollback.yaml': undefined });
      assert.equal(result.recommendation, 'no-go');
    });
  });
});

const FAKE: Finding = { file: '.release/release.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } }, severity: 'warning', code: 'schema', message: 'x', l10n: said('x') };

const CLEAN_WITHOUT_PARKED = releaseWith('parked:\n  - title: CSV export\n    reason: not the problem we solve\n    asked_by: Dee\n    told: 2026-11-29\n', '');
