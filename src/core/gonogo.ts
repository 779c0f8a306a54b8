import { RULE_CODES, RULES, type RuleCode } from './catalog';
import { daysBetween } from './dates';
import type { CheckResult } from './engine';
import { evidenceState, happenedRecords, hasHappened, latestHappened } from './evidence';
import { isPlaceholder } from './placeholder';
import { properName, type Dated } from './plan';
import { rehearsalEvidence } from './rules/rollback';
import { undatedJoins } from './rules/scope';
import { valueAt } from './validate';
import { counted, taskLabel } from './context';
import { defineMessages, findingText, render, type Message, type Translate } from './message';
import { GONOGO_QUESTION_IDS, RELEASE_ROLES, ROLLBACK_ROLES, type Gonogo } from './schemas';
import { GONOGO_DIR, RELEASE_FILE, ROLLBACK_FILE, type Finding } from './types';

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
  /**
   * Set when only the plan can settle this open question (tasks nothing dates after a freeze: write
   * their `added:`): a recorded answer does not count — a record cannot vouch for tasks it may not
   * have seen — and Run Go/No-Go does not ask a person for one.
   */
  planOnly?: true;
}

/** The stop owner's recorded "no": the latest go/no-go record on or before today says no-go. */
export interface Veto {
  /** The record's date (its file name). */
  date: string;
  file: string;
  decidedBy?: string;
  reason?: string;
  /** "Vetoed by Ana on 2026-12-17: …", the one wording every surface shows. */
  message: string;
}

export interface GonogoResult {
  questions: QuestionResult[];
  recommendation: 'go' | 'no-go' | 'needs-answers';
  /** The record whose answers were used, if any. */
  recordDate?: string;
  /** Set when the latest record on or before today vetoes the release: the result is then no-go. */
  veto?: Veto;
  /**
   * Go/no-go records that exist but whose decision cannot be read (broken YAML, not UTF-8, a
   * decision that is neither go nor no-go, a file name that is not a date). Any of them may be a
   * veto, so while one is left the result is never go.
   */
  unreadableRecords: { file: string; reason: string }[];
  /**
   * Set once the release went out (`shipped:` with outcome shipped or rolled-back, dated on or
   * before today): the go/no-go is history. Every question then fails with `message` as its reason
   * and the recommendation is no-go — never go for a launch that already happened.
   */
  shipped?: { date: string; outcome: 'shipped' | 'rolled-back'; version?: string; message: string };
}

type Decision = 'go' | 'no-go';

/** The decision a record states, read from its raw data (a misspelled `NO-GO` was dropped by the schema, not by us). */
function decisionIn(record: Dated<Gonogo>): Decision | undefined {
  return decisionOf((record.source.data as { decision?: unknown } | undefined)?.decision);
}

/** A recorded decision as people type it: `no-go`, `NO-GO`, `No Go`, `no_go`, `nogo`; `go`, `GO`. */
function decisionOf(value: unknown): Decision | undefined {
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (word === 'go') return 'go';
  if (word === 'no-go' || word === 'nogo') return 'no-go';
  return undefined;
}

/** The go/no-go's own sentences: the five questions, and the reasons for each answer. */
const messages = defineMessages({
  'gonogo/question/one-problem': 'Does this release solve one specific customer problem?',
  'gonogo/question/owners': 'Does every unfinished task have one named owner?',
  'gonogo/question/rollback': 'Can we roll back from one short, rehearsed runbook?',
  'gonogo/question/dry-run': 'Was the release path tested as one chain on a production-like setup?',
  'gonogo/question/stakeholders': 'Were stakeholders told what was cut?',
  'gonogo/veto': 'Vetoed by {person} on {date}: {reason}',
  'gonogo/veto/nobody': 'Vetoed by someone not named (no decided_by) on {date}: {reason}',
  'gonogo/veto/no-reason': 'Vetoed by {person} on {date}: no reason recorded',
  'gonogo/veto/nobody/no-reason': 'Vetoed by someone not named (no decided_by) on {date}: no reason recorded',
  'gonogo/answered-yes': 'Answered yes on {date}.',
  'gonogo/answered-yes/evidence': 'Answered yes on {date}: {evidence}',
  'gonogo/answered-no': 'Answered no on {date}.',
  'gonogo/answered-no/evidence': 'Answered no on {date}: {evidence}',
  'gonogo/records-unreadable': 'The go/no-go records in {folder}/ cannot be read (see its finding). They may hold a veto, so the release cannot be go until they can.',
  'gonogo/record-unreadable': 'Go/no-go record {file}: it cannot be read (see its findings). It may hold a veto, so the release cannot be go until it is fixed.',
  'gonogo/record-misnamed': 'Go/no-go record {file}: it is not named gonogo/YYYY-MM-DD.yaml, so its decision is not read. It may hold a veto, so the release cannot be go until it is fixed.',
  'gonogo/record-no-decision': 'Go/no-go record {file}: `decision:` is not go or no-go. It may hold a veto, so the release cannot be go until it is fixed.',
  'gonogo/finding': '{code}: {message}',
  'gonogo/no-release': 'release.yaml is missing or unreadable.',
  'gonogo/no-problem': 'No problem statement: say in one sentence which customer problem this release solves (`problem:` in release.yaml).',
  'gonogo/problem': 'Problem: {problem}',
  'gonogo/task-unreadable': 'Task #{number} cannot be read (its finding in release.yaml says why): the plan cannot tell who owns it.',
  'gonogo/tasks-unreadable': '`tasks:` in release.yaml cannot be read (its finding says why): the plan cannot tell who owns the work.',
  'gonogo/task-unowned': 'Task {task} has no one named owner.',
  'gonogo/role-unnamed': 'roles.{role} names no one person.',
  'gonogo/owners-pass/one': '1 unfinished task, with one named owner; all four roles named.',
  'gonogo/owners-pass': '{count} unfinished tasks, each with one named owner; all four roles named.',
  'gonogo/runbook-misnamed': 'The runbook is in {file}, which is not read: rename it to {proper}.',
  'gonogo/no-runbook': 'rollback.yaml is missing or unreadable.',
  'gonogo/rehearsal-untimed': 'The rehearsal on {date} does not count: it was not timed.',
  'gonogo/rehearsal-not-production': 'The rehearsal on {date} does not count: it did not run on a production-like setup.',
  'gonogo/rehearsal-planned': 'The rollback rehearsal is planned for {date}; it has not happened, so the runbook is not rehearsed yet.',
  'gonogo/never-rehearsed': 'The rollback was never rehearsed: run it once on a production-like setup and time it.',
  'gonogo/no-stable': 'The runbook names no stable version to go back to.',
  'gonogo/no-trigger': 'The runbook has no agreed trigger.',
  'gonogo/no-steps': 'The runbook has no steps.',
  'gonogo/rollback-role-unnamed': 'roles.{role} in the runbook names no one person.',
  'gonogo/rollback-pass': 'Runbook complete; {rehearsals} on a production-like setup, the last on {date}, {minutes} min.',
  'gonogo/dry-run-undated': 'No `dry_run.date` in release.yaml: the plan cannot tell whether the release path was tested.',
  'gonogo/dry-run-planned': 'The dry run is planned for {date}; it has not happened yet.',
  'gonogo/dry-run-old': 'The last dry run ({date}) is older than {days} days.',
  'gonogo/dry-run-laptop': 'The dry run on {date} was on a laptop, not a production-like setup.',
  'gonogo/dry-run-unnamed': 'The dry run on {date} was on an unnamed environment, not a production-like setup.',
  'gonogo/dry-run-pass': 'Dry run on {date} ({environment}).',
  'gonogo/dry-run-pass/notes': 'Dry run on {date} ({environment}): {notes}',
  'gonogo/no-release-parked': 'release.yaml is missing or unreadable, so nobody can tell what was parked.',
  'gonogo/tell-planned': '"{title}": telling the stakeholders is planned for {date}; it has not happened yet.',
  'gonogo/tell-planned/asker': '"{title}": telling {asker} (who asked for it) is planned for {date}; it has not happened yet.',
  'gonogo/not-told': '"{title}" was parked but the stakeholders were not told.',
  'gonogo/not-told/asker': '"{title}" was parked but {asker} (who asked for it) was not told.',
  'gonogo/shipped': 'Shipped on {date}: the go/no-go is history and is not asked again.',
  'gonogo/shipped/version': 'Shipped {version} on {date}: the go/no-go is history and is not asked again.',
  'gonogo/rolled-back': 'Rolled back on {date}: the go/no-go is history and is not asked again.',
  'gonogo/rolled-back/version': '{version} was rolled back on {date}: the go/no-go is history and is not asked again.',
  'gonogo/a-parked-item': 'A parked item',
  'gonogo/nothing-parked': 'Nothing was parked.',
  'gonogo/parked-told/one': 'The parked item was told.',
  'gonogo/parked-told': 'All {count} parked items were told.',
});


/** A finding at one of these severities can fail a question; `info` informs only (and `off` is gone). */
function blocks(finding: Finding): boolean {
  return finding.severity === 'error' || finding.severity === 'warning';
}

/** Judgements about "one person" that the ownership rules report wherever a person is named. */
const PERSON_CODES = ['owner-missing', 'owner-team-label', 'owner-multiple'] as const satisfies readonly RuleCode[];

/**
 * Which findings each question reads — the one definition of these lists (docs/rules.md, "The
 * go/no-go questions", repeats them for readers). Breadth that is about capacity or risk
 * (`scope-over-capacity`, `scope-too-risky`) is a warning in the plan, not a second problem, so
 * question 1 does not read it. `owner-unknown` still names one person, so question 2 does not read
 * it either; an unowned block in today's check-in is work nobody clears, so it does.
 */
export const QUESTION_CODES = {
  'one-problem': ['problem-missing', 'problem-not-one-sentence', 'problem-too-broad', 'problem-vague', 'scope-too-many-tasks', 'scope-refactor', 'scope-late-addition'],
  owners: [...PERSON_CODES, 'role-missing', 'task-blocked-unowned', 'checkin-block-unowned'],
  rollback: RULE_CODES.filter((code) => RULES[code].family === 'rollback'),
  stakeholders: ['parked-not-told'],
} as const satisfies Partial<Record<QuestionId, readonly RuleCode[]>>;

type ReadingQuestion = keyof typeof QUESTION_CODES;

/** The findings that fail `question`: its codes, at a blocking severity. */
export function findingsFor(question: ReadingQuestion, findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => blocks(f) && reads(question, f));
}

function reads(question: ReadingQuestion, finding: Finding): boolean {
  const listed = (QUESTION_CODES[question] as readonly string[]).includes(finding.code);
  const personJudgement = (PERSON_CODES as readonly string[]).includes(finding.code);
  // The ownership rules judge every named person; in rollback.yaml those people are the rollback roles.
  if (question === 'owners') return listed && finding.file !== ROLLBACK_FILE;
  // Template text left in the runbook (a "TODO" step among real ones) is a runbook nobody can follow;
  // a "TODO" task title in the plan is scope nobody has defined (question 1).
  if (question === 'rollback') return listed || ((personJudgement || finding.code === 'placeholder-text') && finding.file === ROLLBACK_FILE);
  if (question === 'one-problem') return listed || (finding.code === 'placeholder-text' && finding.file === RELEASE_FILE);
  return listed;
}

/** The stop owner's no, from a record dated on or before today that says `decision: no-go`. */
function vetoFrom(record: Dated<Gonogo>, translate: Translate): Veto {
  const decidedBy = isPlaceholder(record.data.decided_by) ? undefined : record.data.decided_by;
  const reason = isPlaceholder(record.data.reason) ? undefined : record.data.reason?.trim();
  const date = record.date;
  const said =
    decidedBy !== undefined
      ? reason !== undefined ? messages('gonogo/veto', { person: decidedBy, date, reason }) : messages('gonogo/veto/no-reason', { person: decidedBy, date })
      : reason !== undefined ? messages('gonogo/veto/nobody', { date, reason }) : messages('gonogo/veto/nobody/no-reason', { date });
  const message = render(said, translate);
  return { date: record.date, file: record.source.path, ...(decidedBy ? { decidedBy } : {}), ...(reason ? { reason } : {}), message };
}

/**
 * The five go/no-go questions, answered from the plan where it can tell, and from the latest
 * recorded `gonogo/DATE.yaml` (on or before today) where it cannot. That record's `decision: no-go`
 * is the stop owner's veto: the recommendation is no-go until a later record says go. A recorded
 * go never turns a failing question into a pass.
 */
export function evaluateGonogo(result: CheckResult, translate: Translate = result.translate): GonogoResult {
  let byLanguage = evaluations.get(result);
  if (!byLanguage) evaluations.set(result, (byLanguage = new Map()));
  let evaluated = byLanguage.get(translate);
  if (!evaluated) {
    // In another language than the check's, the findings' texts are rendered in it too.
    const renderings = new WeakMap<object, string>();
    evaluated = evaluate(translate === result.translate ? result : { ...result, translate, findings: result.findings.map((f) => ({ ...f, message: findingText(f.l10n, translate, renderings) })) });
    byLanguage.set(translate, evaluated);
  }
  return evaluated;
}

/**
 * One evaluation per check result (and language: the extension writes a go/no-go record's evidence
 * in English whatever the display language), shared by the tree, the dashboard, the CLI and the
 * command: read-only.
 */
const evaluations = new WeakMap<CheckResult, Map<Translate, GonogoResult>>();

/** `result.translate` is the language its sentences are rendered in. */
function evaluate(result: CheckResult): GonogoResult {
  const { plan, context, translate } = result;
  const today = context.today;
  const launched = launchNote(result);
  // After launch the questions are not asked again: each says so, and fails (fail closed: never a go).
  const asked = launched
    ? GONOGO_QUESTION_IDS.map((id) => answer(id, 'fail', [launched.said]))
    : [oneProblem(result), owners(result), rollback(result), dryRun(result), stakeholders(result)];

  const record = latestHappened(plan.gonogos, (g) => g.date, today);
  if (record && !launched) {
    for (const question of asked) {
      if (question.verdict !== 'needs-answer' || question.planOnly) continue;
      const answer = record.data.answers?.find((a) => a?.id === question.id);
      if (!answer || answer.answer === undefined) continue;
      const yes = answer.answer === true || answer.answer === 'yes';
      const date = record.date;
      question.verdict = yes ? 'pass' : 'fail';
      question.source = 'record';
      question.reasons = [
        answer.evidence
          ? messages(yes ? 'gonogo/answered-yes/evidence' : 'gonogo/answered-no/evidence', { date, evidence: sentence(answer.evidence) })
          : messages(yes ? 'gonogo/answered-yes' : 'gonogo/answered-no', { date }),
      ];
    }
  }
  const questions = asked.map(({ id, verdict, reasons, source, findings, planOnly }) => ({ id, question: render(messages(`gonogo/question/${id}`), translate), verdict, reasons: reasons.map((reason) => render(reason, translate)), source, findings, ...(planOnly ? { planOnly } : {}) }));

  // The latest record that states a decision decides; a later record without one does not lift a veto.
  const decided = happenedRecords(plan.gonogos, (g) => g.date, today).filter((g) => decisionIn(g) !== undefined);
  // Two records of the same day (2026-11-26.yaml and .yml) have no order: a no-go among them wins.
  const lastDay = decided[decided.length - 1]?.date;
  const sameDay = decided.filter((g) => g.date === lastDay);
  const deciding = sameDay.find((g) => decisionIn(g) === 'no-go') ?? sameDay[sameDay.length - 1];
  const veto = deciding && decisionIn(deciding) === 'no-go' ? vetoFrom(deciding, translate) : undefined;
  const unreadableRecords = unreadableDecisions(result).map(({ file, reason }) => ({ file, reason: render(reason, translate) }));
  const verdicts = questions.map((q) => q.verdict);
  const recommendation = launched || veto || verdicts.includes('fail') ? 'no-go' : verdicts.includes('needs-answer') || unreadableRecords.length > 0 ? 'needs-answers' : 'go';
  const shipped = launched ? { ...launched.record, message: render(launched.said, translate) } : undefined;
  return { questions, recommendation, ...(record ? { recordDate: record.date } : {}), ...(veto ? { veto } : {}), unreadableRecords, ...(shipped ? { shipped } : {}) };
}

/** The launch, once it happened (the watch or history, see launch.ts), and the sentence every question says then. */
function launchNote(result: CheckResult): { record: { date: string; outcome: 'shipped' | 'rolled-back'; version?: string }; said: Message } | undefined {
  const { shipped } = result.context.launch;
  if (!result.context.afterLaunch() || !shipped || shipped.outcome === 'slipped') return undefined;
  const { date, version, outcome } = shipped;
  const said = outcome === 'rolled-back'
    ? version !== undefined ? messages('gonogo/rolled-back/version', { version, date }) : messages('gonogo/rolled-back', { date })
    : version !== undefined ? messages('gonogo/shipped/version', { version, date }) : messages('gonogo/shipped', { date });
  return { record: { date, outcome, ...(version !== undefined ? { version } : {}) }, said };
}

/**
 * Every go/no-go record on or before today (or undated) whose decision cannot be read. Fail closed:
 * a broken record may be the stop owner's no, so it is never read as "no veto".
 */
function unreadableDecisions(result: CheckResult): { file: string; reason: Message }[] {
  const { plan, context } = result;
  const loaded = new Map(plan.gonogos.map((g) => [g.source.path, g]));
  const misnamed = new Set(plan.fileFindings.filter((f) => f.code === 'file-misnamed' && (f.data?.rename ?? '').startsWith(`${GONOGO_DIR}/`)).map((f) => f.file));
  // A misnamed `2026-11-30.YAML` makes its proper name count as present and unreadable: one entry is enough.
  const standIns = new Set([...plan.present].map((path) => properName(path)).filter((proper): proper is string => proper !== undefined));
  const out: { file: string; reason: Message }[] = [];
  for (const path of [...plan.present].sort()) {
    // (A real file in its place that cannot be read has a finding of its own; a stand-in has none.)
    if (standIns.has(path) && !loaded.has(path) && plan.fileFindings.every((f) => f.file !== path)) continue;
    // `.release/gonogo` itself unreadable (no permission, a file in the folder's place) hides every record.
    if (path === GONOGO_DIR && plan.unreadable.has(path)) {
      out.push({ file: path, reason: messages('gonogo/records-unreadable', { folder: GONOGO_DIR }) });
      continue;
    }
    const isRecord = path.startsWith(`${GONOGO_DIR}/`) || (properName(path) ?? '').startsWith(`${GONOGO_DIR}/`) || misnamed.has(path);
    if (!isRecord) continue;
    const dated = /(\d{4}-\d{2}-\d{2})\.ya?ml$/i.exec(path)?.[1];
    // A record dated after today is a plan, not a decision, whether or not it can be read.
    if (dated !== undefined && evidenceState(dated, context.today) === 'planned') continue;
    const record = loaded.get(path);
    if (record && decisionIn(record)) continue;
    const reason = plan.unreadable.has(path)
      ? messages('gonogo/record-unreadable', { file: path })
      : !path.startsWith(`${GONOGO_DIR}/`) || dated === undefined || record === undefined
        ? messages('gonogo/record-misnamed', { file: path })
        : messages('gonogo/record-no-decision', { file: path });
    out.push({ file: path, reason });
  }
  return out;
}

/** A question's answer before rendering: its reasons are still messages. */
interface Answer extends Omit<QuestionResult, 'question' | 'reasons'> {
  reasons: Message[];
}

function answer(id: QuestionId, verdict: Verdict, reasons: Message[], failing: Finding[] = []): Answer {
  return { id, verdict, reasons, source: 'plan', findings: verdict === 'fail' ? failing : [] };
}

/** A question that reads findings: fails on any of them, and also on `dataFailures` (facts overrides cannot change). */
function fromFindings(id: ReadingQuestion, result: CheckResult, dataFailures: Message[], passReasons: () => Message[]): Answer {
  const failing = findingsFor(id, result.findings);
  if (failing.length === 0 && dataFailures.length === 0) return answer(id, 'pass', passReasons());
  return answer(id, 'fail', [...failing.map(describe), ...dataFailures], failing);
}

/** A failing finding as a reason: its code and its message (already in the language the check was rendered in). */
function describe(finding: Finding): Message {
  // The finding's text as shown everywhere else: already in the evaluation's language.
  return messages('gonogo/finding', { code: finding.code, message: finding.message });
}

function oneProblem(result: CheckResult): Answer {
  const release = result.plan.release;
  if (!release) return answer('one-problem', 'fail', [messages('gonogo/no-release')]);
  const problem = release.data.problem;
  const failing = findingsFor('one-problem', result.findings);
  // Without a problem statement the answer is no, whatever severity problem-missing was given.
  const stated = !isPlaceholder(problem) ? [] : failing.some((f) => f.code === 'problem-missing') ? [] : [messages('gonogo/no-problem')];
  const answered = fromFindings('one-problem', result, stated, () => [messages('gonogo/problem', { problem: problem ?? '' })]);
  if (answered.verdict !== 'pass') return answered;
  // Tasks nothing dates, after a freeze they may have broken (or a freeze that is not a date): a
  // late addition cannot be ruled out, so the scope is not known to be frozen — whatever severity
  // `scope-added-unknown` was given. Only the plan settles it (`added:`, a readable freeze).
  const undatedTasks = undatedJoins(result.context);
  return undatedTasks ? { ...answer('one-problem', 'needs-answer', [undatedTasks.message]), planOnly: true } : answered;
}

/**
 * The facts a question literally asks about, checked from the plan itself: a severity override
 * changes findings, not facts, so "owner-missing: off" cannot make an unowned task owned. Each fact
 * is listed only when no blocking finding already says it (`covers`: any one of these keys).
 */
interface Fact {
  reason: Message;
  covers: readonly CoverKey[];
}

function withFacts(id: 'owners' | 'rollback', failing: Finding[], facts: Fact[], passReasons: () => Message[]): Answer {
  // Keys, not a test of every fact against every finding: thousands of unowned tasks stay linear.
  const said = coverKeys(failing);
  const untold = facts.filter((fact) => !fact.covers.some((key) => said.has(key))).map((fact) => fact.reason);
  if (failing.length === 0 && untold.length === 0) return answer(id, 'pass', passReasons());
  return answer(id, 'fail', [...failing.map(describe), ...untold], failing);
}

/** What a finding says something about: its code, its file's `data.field`, its path and every path above it. */
type CoverKey = string;

/** `tasks[3].owner` in release.yaml → "path\0.release/release.yaml\0.tasks\0#3\0.owner": a number never reads as a text key. */
const segmentKey = (segment: string | number): string => (typeof segment === 'number' ? `#${segment}` : segment.includes('\0') ? JSON.stringify(segment) : `.${segment}`);
const pathKey = (file: string, path: readonly (string | number)[]): CoverKey => path.reduce<string>((key, segment) => `${key}\0${segmentKey(segment)}`, `path\0${file}`);

function coverKeys(findings: readonly Finding[]): Set<CoverKey> {
  const keys = new Set<CoverKey>();
  for (const finding of findings) {
    keys.add(codeKey(finding.code));
    if (finding.data?.field !== undefined) keys.add(`field\0${finding.file}\0${finding.data.field}`);
    let key = pathKey(finding.file, []);
    keys.add(key);
    for (const segment of finding.path ?? []) {
      key = `${key}\0${segmentKey(segment)}`;
      keys.add(key);
    }
  }
  return keys;
}

/** A finding about `path` (or inside it) in `file`. */
const about = (file: string, path: readonly (string | number)[]): CoverKey[] => [pathKey(file, path)];
/** A finding about role `role` (its value, or the `roles` key when the role is absent). */
const aboutRole = (file: string, role: string): CoverKey[] => [...about(file, ['roles', role]), `field\0${file}\0${role}`];
const codeKey = (code: string): CoverKey => `code\0${code}`;
/** A finding with this code. */
const byCode = (code: RuleCode): CoverKey => codeKey(code);

function owners(result: CheckResult): Answer {
  const release = result.plan.release;
  if (!release) return answer('owners', 'fail', [messages('gonogo/no-release')]);
  const { context } = result;
  const openTasks = context.openTasks();
  const openIndexes = new Set(openTasks.map(({ index }) => index));
  const failing = findingsFor('owners', result.findings).filter((f) => isAboutOpenWork(f, openIndexes));
  const named = (value: unknown) => ['ok', 'unknown'].includes(context.people.judge(value).kind);
  // A task the schema could not read (a text or an empty item where a task belongs): nobody can say who owns it.
  const rawTasks = valueAt(release.source.data, ['tasks']);
  const readable = new Set(context.tasks().map(({ index }) => index));
  const unreadableTasks: Fact[] = Array.isArray(rawTasks)
    ? rawTasks.flatMap((_, index) => (readable.has(index) ? [] : [{ reason: messages('gonogo/task-unreadable', { number: index + 1 }), covers: [] }]))
    : rawTasks !== undefined && rawTasks !== null
      ? [{ reason: messages('gonogo/tasks-unreadable'), covers: [] }]
      : [];
  const facts: Fact[] = [
    ...unreadableTasks,
    ...openTasks.filter(({ task }) => !named(task.owner)).map(({ task, index }) => ({ reason: messages('gonogo/task-unowned', { task: taskLabel(task, index) }), covers: about(RELEASE_FILE, ['tasks', index, 'owner']) })),
    ...RELEASE_ROLES
      .filter((role) => !named(release.data.roles?.[role]))
      .map((role) => ({ reason: messages('gonogo/role-unnamed', { role }), covers: aboutRole(RELEASE_FILE, role) })),
  ];
  const open = openTasks.length;
  return withFacts('owners', failing, facts, () => [open === 1 ? messages('gonogo/owners-pass/one') : messages('gonogo/owners-pass', { count: open })]);
}

function rollback(result: CheckResult): Answer {
  const { plan, context } = result;
  if (!plan.rollback) {
    const failing = findingsFor('rollback', result.findings);
    const misnamed = plan.fileFindings.find((f) => f.code === 'file-misnamed' && f.data?.rename === ROLLBACK_FILE);
    const why = misnamed ? messages('gonogo/runbook-misnamed', { file: misnamed.file, proper: ROLLBACK_FILE }) : messages('gonogo/no-runbook');
    return answer('rollback', 'fail', failing.length ? [...failing.map(describe), ...(misnamed ? [why] : [])] : [why], failing);
  }
  const data = plan.rollback.data;
  const recorded = (data.rehearsals ?? []).map((rehearsal, index) => ({ rehearsal, index })).filter(({ rehearsal }) => rehearsal !== undefined && rehearsal !== null);
  const { happened, counting, planned } = rehearsalEvidence(recorded, context.today);
  const named = (value: unknown) => ['ok', 'unknown'].includes(context.people.judge(value).kind);
  const real = (list: readonly unknown[] | undefined) => (list ?? []).filter((item) => typeof item === 'string' && !isPlaceholder(item));
  const last = happened[happened.length - 1]?.rehearsal;
  const rehearsal = counting.length > 0
    ? undefined
    : last
      ? messages(typeof last.minutes !== 'number' ? 'gonogo/rehearsal-untimed' : 'gonogo/rehearsal-not-production', { date: String(last.date) })
      : planned
        ? messages('gonogo/rehearsal-planned', { date: String(planned.rehearsal?.date) })
        : messages('gonogo/never-rehearsed');
  const facts: Fact[] = [
    ...(data.stable?.version === undefined || isPlaceholder(String(data.stable.version)) ? [{ reason: messages('gonogo/no-stable'), covers: [byCode('rollback-no-stable')] }] : []),
    ...(real((data.triggers ?? []).map((t) => t?.signal)).length === 0 ? [{ reason: messages('gonogo/no-trigger'), covers: [byCode('rollback-no-triggers')] }] : []),
    ...(real(data.steps).length === 0 ? [{ reason: messages('gonogo/no-steps'), covers: [byCode('rollback-no-steps')] }] : []),
    ...ROLLBACK_ROLES.filter((role) => !named(data.roles?.[role])).map((role) => ({ reason: messages('gonogo/rollback-role-unnamed', { role }), covers: aboutRole(ROLLBACK_FILE, role) })),
    ...(rehearsal ? [{ reason: rehearsal, covers: [byCode('rollback-not-rehearsed')] }] : []),
  ];
  return withFacts('rollback', findingsFor('rollback', result.findings), facts, () => {
    const latest = counting[counting.length - 1]?.rehearsal;
    return [messages('gonogo/rollback-pass', { rehearsals: counted(counting.length, 'timed-rehearsal'), date: String(latest?.date), minutes: String(latest?.minutes) })];
  });
}

function dryRun(result: CheckResult): Answer {
  const { context } = result;
  const run = result.plan.release?.data.dry_run;
  const state = evidenceState(run?.date, context.today);
  if (state === 'undated') return answer('dry-run', 'needs-answer', [messages('gonogo/dry-run-undated')]);
  // A dated dry run in the future is a plan, not evidence that the path works.
  const date = String(run?.date);
  if (state === 'planned') return answer('dry-run', 'needs-answer', [messages('gonogo/dry-run-planned', { date })]);
  const age = daysBetween(run?.date as string, context.today) ?? 0;
  if (age > context.limits.dry_run_age_days) return answer('dry-run', 'needs-answer', [messages('gonogo/dry-run-old', { date, days: context.limits.dry_run_age_days })]);
  if (run?.environment === 'laptop' || run?.environment === undefined) {
    return answer('dry-run', 'needs-answer', [messages(run?.environment ? 'gonogo/dry-run-laptop' : 'gonogo/dry-run-unnamed', { date })]);
  }
  const environment = run.environment;
  return answer('dry-run', 'pass', [run.notes ? messages('gonogo/dry-run-pass/notes', { date, environment, notes: sentence(run.notes) }) : messages('gonogo/dry-run-pass', { date, environment })]);
}

function stakeholders(result: CheckResult): Answer {
  if (!result.plan.release) return answer('stakeholders', 'fail', [messages('gonogo/no-release-parked')]);
  const today = result.context.today;
  const parked = (result.plan.release?.data.parked ?? []).filter((item) => item !== undefined && item !== null);
  // Told is a fact with a date that has happened; a severity override cannot make it true.
  const untold = parked.filter((item) => !hasHappened(item.told, today)).map((item) => {
    const title = item.title ?? messages('gonogo/a-parked-item');
    const asker = item.asked_by;
    if (evidenceState(item.told, today) === 'planned') {
      const date = String(item.told);
      return asker ? messages('gonogo/tell-planned/asker', { title, asker, date }) : messages('gonogo/tell-planned', { title, date });
    }
    return asker ? messages('gonogo/not-told/asker', { title, asker }) : messages('gonogo/not-told', { title });
  });
  if (untold.length === 0) return answer('stakeholders', 'pass', [parked.length === 0 ? messages('gonogo/nothing-parked') : parked.length === 1 ? messages('gonogo/parked-told/one') : messages('gonogo/parked-told', { count: parked.length })]);
  return answer('stakeholders', 'fail', untold, findingsFor('stakeholders', result.findings));
}

/** Ends `text` with exactly one period, whatever the plan's text already ends with. */
function sentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Owner findings about done tasks do not block a launch. */
function isAboutOpenWork(finding: Finding, openIndexes: Set<number>): boolean {
  const [first, index] = finding.path ?? [];
  return finding.file !== RELEASE_FILE || first !== 'tasks' || typeof index !== 'number' || openIndexes.has(index);
}

export type { RuleCode };
