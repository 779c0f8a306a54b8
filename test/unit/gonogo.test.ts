import assert from 'node:assert/strict';
import { evaluateGonogo, type GonogoResult, type QuestionId } from '../../src/core/gonogo';
import { check, CLEAN_ROLLBACK, releaseWith, TODAY } from './helpers';

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
const LAPTOP = release('environment: staging', 'environment: laptop');

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

    it('fails on a broad problem, with the finding as the reason', () => {
      const q = question(gonogo(release('problem: Customers cannot download their invoices as PDF.', 'problem: PDF export plus CSV export')), 'one-problem');
      assert.equal(q.verdict, 'fail');
      assert.match(q.reasons.join('\n'), /problem-too-broad/);
    });

    it('fails on any scope finding, e.g. a refactor in the release', () => {
      assert.equal(question(gonogo(release('    estimate: 1\n', '    estimate: 1\n    kind: refactor\n')), 'one-problem').verdict, 'fail');
    });

    it('fails when release.yaml is unreadable', () => {
      const q = question(gonogo({ 'release.yaml': 'release: [' }), 'one-problem');
      assert.equal(q.verdict, 'fail');
      assert.match(q.reasons[0] ?? '', /missing or unreadable/);
    });
  });

  describe('2. one named owner for every unfinished task', () => {
    it('fails for a group owner on an open task', () => {
      const q = question(gonogo(release('    owner: Bo\n', '    owner: backend team\n')), 'owners');
      assert.equal(q.verdict, 'fail');
      assert.match(q.reasons.join('\n'), /owner-team-label/);
    });

    it('fails for a missing role', () => {
      assert.equal(question(gonogo(release('  stop: Ana\n', '')), 'owners').verdict, 'fail');
    });

    it('passes when only a finished task lacks a real owner', () => {
      const q = question(gonogo(release('    owner: Bo\n    status: doing\n', '    owner: QA\n    status: done\n')), 'owners');
      assert.equal(q.verdict, 'pass');
      assert.match(q.reasons[0] ?? '', /1 unfinished task/);
    });
  });

  describe('3. roll back from one short runbook', () => {
    it('fails without rollback.yaml', () => {
      const q = question(gonogo({ 'rollback.yaml': undefined }), 'rollback');
      assert.equal(q.verdict, 'fail');
      assert.match(q.reasons.join('\n'), /rollback-missing/);
    });

    it('fails when the last rehearsal is stale', () => {
      assert.equal(question(gonogo({}, '2026-12-12'), 'rollback').verdict, 'fail');
    });

    it('passes with a complete, recently rehearsed runbook', () => {
      assert.match(question(gonogo(), 'rollback').reasons[0] ?? '', /1 rehearsal/);
    });
  });

  describe('4. release path tested on a production-like setup', () => {
    it('passes after a recent staging dry run', () => {
      assert.equal(question(gonogo(), 'dry-run').verdict, 'pass');
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
    it('fails for a parked item with told: false', () => {
      const q = question(gonogo(release('told: 2026-11-29', 'told: false')), 'stakeholders');
      assert.equal(q.verdict, 'fail');
      assert.match(q.reasons.join('\n'), /parked-not-told/);
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

const CLEAN_WITHOUT_PARKED = releaseWith('parked:\n  - title: CSV export\n    reason: not the problem we solve\n    asked_by: Dee\n    told: 2026-11-29\n', '');
