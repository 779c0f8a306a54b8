import type { RuleCode } from './catalog';
import { RULES } from './catalog';
import type { CheckResult } from './engine';
import { dayNumber } from './dates';
import { GONOGO_QUESTION_IDS } from './schemas';
import type { Finding } from './types';

export type QuestionId = (typeof GONOGO_QUESTION_IDS)[number];
export type Verdict = 'pass' | 'fail' | 'needs-answer';

export interface QuestionResult {
  id: QuestionId;
  question: string;
  verdict: Verdict;
  /** Why: facts from the plan, or the recorded answer. */
  reasons: string[];
  /** Where the verdict came from. */
  source: 'plan' | 'record';
  /** The findings that made this question fail (empty when it passes or needs an answer). */
  findings: Finding[];
}

/** The stop owner's recorded "no": the latest go/no-go record on or before today says no-go. */
export interface Veto {
  /** The record's date (its file name). */
  date: string;
  file: string;
  decidedBy?: string;
  reason?: string;
}

export interface GonogoResult {
  questions: QuestionResult[];
  recommendation: 'go' | 'no-go' | 'needs-answers';
  /** The record whose answers were used, if any. */
  recordDate?: string;
  /** Set when the latest record on or before today vetoes the release: the result is then no-go. */
  veto?: Veto;
}

export const QUESTIONS: Record<QuestionId, string> = {
  'one-problem': 'Does this release solve one specific customer problem?',
  owners: 'Does every unfinished task have one named owner?',
  rollback: 'Can we roll back from one short, rehearsed runbook?',
  'dry-run': 'Was the release path tested as one chain on a production-like setup?',
  stakeholders: 'Were stakeholders told what was cut?',
};

const OWNER_CODES = new Set<string>(['owner-missing', 'owner-team-label', 'owner-multiple', 'role-missing']);

/**
 * The five go/no-go questions, answered from the plan where it can tell, and from the latest
 * recorded `gonogo/DATE.yaml` (on or before today) where it cannot.
 */
export function evaluateGonogo(result: CheckResult): GonogoResult {
  const { plan, findings, context } = result;
  const today = context.today;
  const describe = (list: Finding[]) => list.map((f) => `${f.code}: ${f.message}`);
  const openTaskLines = new Set(context.openTasks().map(({ index }) => index));

  const questions: QuestionResult[] = [];
  const add = (id: QuestionId, verdict: Verdict, reasons: string[]) => questions.push({ id, question: QUESTIONS[id], verdict, reasons, source: 'plan', findings: [] });

  const scopeFindings = findings.filter((f) => family(f.code) === 'scope');
  add('one-problem', scopeFindings.length === 0 && plan.release ? 'pass' : 'fail', plan.release ? (scopeFindings.length ? describe(scopeFindings) : [`Problem: ${plan.release.data.problem ?? ''}`]) : ['release.yaml is missing or unreadable.']);

  const ownerFindings = findings.filter((f) => OWNER_CODES.has(f.code) && f.file.endsWith('release.yaml') && isAboutOpenWork(f, openTaskLines));
  const open = context.openTasks().length;
  add('owners', ownerFindings.length === 0 && plan.release ? 'pass' : 'fail', ownerFindings.length ? describe(ownerFindings) : [`${open} unfinished task${open === 1 ? '' : 's'}, each with one named owner; all four roles named.`]);

  const rollbackFindings = findings.filter((f) => family(f.code) === 'rollback');
  const rehearsals = plan.rollback?.data.rehearsals?.filter(Boolean) ?? [];
  add('rollback', rollbackFindings.length === 0 && plan.rollback ? 'pass' : 'fail', rollbackFindings.length ? describe(rollbackFindings) : plan.rollback ? [`Runbook complete; ${rehearsals.length} rehearsal(s) recorded.`] : ['rollback.yaml is missing or unreadable.']);

  const dryRun = plan.release?.data.dry_run;
  const dryRunDay = dayNumber(dryRun?.date);
  const todayDay = dayNumber(today) ?? 0;
  if (dryRunDay === undefined) {
    add('dry-run', 'needs-answer', ['No `dry_run.date` in release.yaml: the plan cannot tell whether the release path was tested.']);
  } else if (dryRunDay > todayDay) {
    // A dated dry run in the future is a plan, not evidence that the path works.
    add('dry-run', 'needs-answer', [`The dry run is planned for ${dryRun?.date}; it has not happened yet.`]);
  } else if (todayDay - dryRunDay > context.limits.dry_run_age_days) {
    add('dry-run', 'needs-answer', [`The last dry run (${dryRun?.date}) is older than ${context.limits.dry_run_age_days} days.`]);
  } else if (dryRun?.environment === 'laptop' || dryRun?.environment === undefined) {
    add('dry-run', 'needs-answer', [`The dry run on ${dryRun?.date} was ${dryRun?.environment ? 'on a laptop' : 'on an unnamed environment'}, not a production-like setup.`]);
  } else {
    add('dry-run', 'pass', [`Dry run on ${dryRun?.date} (${dryRun?.environment})${dryRun?.notes ? `: ${dryRun.notes}` : ''}.`]);
  }

  const parked = (plan.release?.data.parked ?? []).filter(Boolean);
  const untold = findings.filter((f) => f.code === 'parked-not-told');
  add('stakeholders', untold.length === 0 ? 'pass' : 'fail', untold.length ? describe(untold) : [parked.length ? `All ${parked.length} parked item(s) were told.` : 'Nothing was parked.']);

  const record = [...plan.gonogos].filter((g) => g.date <= today).sort((a, b) => a.date.localeCompare(b.date)).pop();
  if (record) {
    for (const question of questions) {
      if (question.verdict !== 'needs-answer') continue;
      const answer = record.data.answers?.find((a) => a?.id === question.id);
      if (!answer || answer.answer === undefined) continue;
      const yes = answer.answer === true || answer.answer === 'yes';
      question.verdict = yes ? 'pass' : 'fail';
      question.source = 'record';
      question.reasons = [`Answered ${yes ? 'yes' : 'no'} on ${record.date}${answer.evidence ? `: ${answer.evidence}` : ''}.`];
    }
  }

  const verdicts = questions.map((q) => q.verdict);
  const recommendation = verdicts.includes('fail') ? 'no-go' : verdicts.includes('needs-answer') ? 'needs-answers' : 'go';
  return { questions, recommendation, ...(record ? { recordDate: record.date } : {}) };
}

function family(code: string): string | undefined {
  return (RULES as Record<string, { family: string }>)[code]?.family;
}

/** Owner findings about done tasks do not block a launch. */
function isAboutOpenWork(finding: Finding, openIndexes: Set<number>): boolean {
  const [first, index] = finding.path ?? [];
  return first !== 'tasks' || typeof index !== 'number' || openIndexes.has(index);
}

export type { RuleCode };
