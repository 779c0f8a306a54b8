import { RELEASE_ROLES, ROLLBACK_ROLES } from './schemas';
import { isPlaceholder } from './placeholder';
import { rehearsalEvidence } from './rules/rollback';
import { daysBetween, dayNumber } from './dates';
import { latestHappened } from './evidence';
import type { CheckResult } from './engine';
import { evaluateGonogo, type GonogoResult } from './gonogo';
import { defineMessages, render, type Message, type Translate } from './message';
import { ownerLoads, type PersonLoad } from './load';
import type { Finding, Range } from './types';
import { RELEASE_FILE, ROLLBACK_FILE } from './types';

/** A place in a plan file, for "reveal in editor". */
export interface Location {
  file: string;
  range: Range;
}

export interface TaskSummary {
  index: number;
  id: string;
  /** The task's title, or "(untitled)" in the check's language when it has none (`titled: false`). */
  title: string;
  titled: boolean;
  owner?: string;
  status: 'todo' | 'doing' | 'blocked' | 'done';
  kind: string;
  risk: string[];
  estimate?: number;
  blocker?: string;
  errors: number;
  warnings: number;
  location: Location;
}

export interface ReadinessCheck {
  id: 'stable' | 'triggers' | 'roles' | 'steps' | 'rehearsal';
  label: string;
  ok: boolean;
  detail: string;
  location?: Location;
}

export interface ParkedSummary {
  index: number;
  /** The item's title, or "(untitled)" in the check's language when it has none. */
  title: string;
  reason?: string;
  askedBy?: string;
  told: string | false;
  location: Location;
}

/**
 * Everything the tree, status bar and dashboard show about one release, as plain data derived
 * from a check result. Nothing here re-parses: it reads the loaded plan and its findings.
 */
export interface ReleaseSummary {
  name: string;
  problem?: string;
  target?: string;
  backup?: string;
  freeze: { scope?: string; features?: string };
  today: string;
  /** Days from today to target (negative once passed). */
  daysLeft?: number;
  roles: { role: string; person?: string; location: Location }[];
  tasks: TaskSummary[];
  rollback: { present: boolean; checks: ReadinessCheck[]; targetMinutes?: number; rehearsals: { date: string; minutes?: number; by?: string; environment?: string }[] };
  /** The five questions; `gonogo.veto` is set while the stop owner's latest recorded decision is no-go. */
  gonogo: GonogoResult;
  decisions: { date: string; decision: string; decidedBy?: string; reason?: string }[];
  parked: ParkedSummary[];
  counts: { errors: number; warnings: number };
  location: Location;
}

/**
 * What every consumer of one check shows (the Release view, the status bar, the dashboard, hovers):
 * computed once per check result, in time linear in its tasks and findings, and shared. Plain data,
 * read-only: a consumer that needs another shape copies it.
 */
export interface ReleaseView {
  /** Undefined while release.yaml is missing or cannot be read. */
  summary: ReleaseSummary | undefined;
  loads: PersonLoad[];
  gonogo: GonogoResult;
  /** The findings about each task of release.yaml (its `tasks[index]` or anything inside it), by index. */
  taskFindings: ReadonlyMap<number, readonly Finding[]>;
}

const views = new WeakMap<CheckResult, ReleaseView>();

/** The view of `result`, computed on first use and then shared by every caller (a new check is a new result). */
export function releaseView(result: CheckResult): ReleaseView {
  let view = views.get(result);
  if (!view) {
    view = { summary: summarizeRelease(result), loads: ownerLoads(result), gonogo: evaluateGonogo(result), taskFindings: findingsByTask(result) };
    views.set(result, view);
  }
  return view;
}

const byTask = new WeakMap<CheckResult, ReadonlyMap<number, readonly Finding[]>>();

/** The findings about each task of release.yaml, by task index: one pass over the findings. */
export function findingsByTask(result: CheckResult): ReadonlyMap<number, readonly Finding[]> {
  let index = byTask.get(result);
  if (!index) {
    const found = new Map<number, Finding[]>();
    for (const finding of result.findings) {
      const path = finding.path;
      if (finding.file !== RELEASE_FILE || !path || path[0] !== 'tasks' || typeof path[1] !== 'number') continue;
      const list = found.get(path[1]);
      if (list) list.push(finding);
      else found.set(path[1], [finding]);
    }
    index = found;
    byTask.set(result, index);
  }
  return index;
}

const summaries = new WeakMap<CheckResult, ReleaseSummary | undefined>();

/**
 * The release as the tree, status bar and dashboard show it. Computed once per check result and
 * shared by every caller (see `releaseView`): treat it as read-only.
 */
export function summarizeRelease(result: CheckResult): ReleaseSummary | undefined {
  if (summaries.has(result)) return summaries.get(result);
  const summary = summarize(result);
  summaries.set(result, summary);
  return summary;
}

function summarize(result: CheckResult): ReleaseSummary | undefined {
  const release = result.plan.release;
  if (!release) return undefined;
  const { source, data } = release;
  const at = (file: string, range: Range): Location => ({ file, range });
  const taskFindings = findingsByTask(result);
  let errors = 0;
  let warnings = 0;
  const byCode = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    if (finding.severity === 'error') errors++;
    else if (finding.severity === 'warning') warnings++;
    const list = byCode.get(finding.code);
    if (list) list.push(finding);
    else byCode.set(finding.code, [finding]);
  }

  const untitled = render(messages('summary/untitled'), result.translate);
  const tasks: TaskSummary[] = result.context.tasks().map(({ task, index }) => {
    // Built field by field (in the order the view shows them), not with spreads: 3000 tasks add up.
    const summary = { index, id: task.id !== undefined ? String(task.id) : `#${index + 1}`, title: task.title ?? untitled, titled: task.title !== undefined } as TaskSummary;
    if (typeof task.owner === 'string') summary.owner = task.owner;
    else if (Array.isArray(task.owner)) summary.owner = task.owner.filter(Boolean).join(', ');
    summary.status = task.status ?? 'todo';
    summary.kind = task.kind ?? 'feature';
    summary.risk = (task.risk ?? []).filter((r): r is NonNullable<typeof r> => !!r);
    if (typeof task.estimate === 'number') summary.estimate = task.estimate;
    if (task.blocker) summary.blocker = task.blocker;
    summary.errors = 0;
    summary.warnings = 0;
    for (const finding of taskFindings.get(index) ?? []) {
      if (finding.severity === 'error') summary.errors++;
      else if (finding.severity === 'warning') summary.warnings++;
    }
    summary.location = at(RELEASE_FILE, source.rangeFor(['tasks', index]));
    return summary;
  });

  const roles = RELEASE_ROLES.map((role) => {
    const value = data.roles?.[role];
    const person = typeof value === 'string' ? value : Array.isArray(value) ? value.filter(Boolean).join(', ') : undefined;
    return { role, ...(person ? { person } : {}), location: at(RELEASE_FILE, source.rangeFor(['roles', role], 'value')) };
  });

  const parked: ParkedSummary[] = [];
  (data.parked ?? []).forEach((item, index) => {
    if (!item) return;
    parked.push({
      index,
      title: item.title ?? untitled,
      ...(item.reason ? { reason: item.reason } : {}),
      ...(item.asked_by ? { askedBy: item.asked_by } : {}),
      told: typeof item.told === 'string' ? item.told : false,
      location: at(RELEASE_FILE, source.rangeFor(['parked', index])),
    });
  });

  const target = typeof data.target === 'string' && dayNumber(data.target) !== undefined ? data.target : undefined;
  const daysLeft = target ? daysBetween(result.context.today, target) : undefined;
  return {
    name: data.release ?? render(messages('summary/unnamed-release'), result.translate),
    ...(data.problem ? { problem: data.problem } : {}),
    ...(target ? { target } : {}),
    ...(typeof data.backup === 'string' ? { backup: data.backup } : {}),
    freeze: { ...(data.freeze?.scope ? { scope: data.freeze.scope } : {}), ...(data.freeze?.features ? { features: data.freeze.features } : {}) },
    today: result.context.today,
    ...(daysLeft !== undefined ? { daysLeft } : {}),
    roles,
    tasks,
    rollback: rollbackReadiness(result, byCode),
    gonogo: evaluateGonogo(result),
    decisions: result.plan.gonogos.map((g) => ({ date: g.date, decision: g.data.decision ?? 'unknown', ...(g.data.decided_by ? { decidedBy: g.data.decided_by } : {}), ...(g.data.reason ? { reason: g.data.reason } : {}) })),
    parked,
    counts: { errors, warnings },
    location: at(RELEASE_FILE, source.rangeFor(['release'], 'value')),
  };
}

function rollbackReadiness(result: CheckResult, byCode: ReadonlyMap<string, readonly Finding[]>): ReleaseSummary['rollback'] {
  const t = (message: Message) => render(message, result.translate);
  const rollback = result.plan.rollback;
  const failing = (...codes: string[]) => codes.flatMap((code) => byCode.get(code) ?? []);
  if (!rollback) {
    return { present: false, checks: [{ id: 'stable', label: t(messages('readiness/runbook')), ok: false, detail: t(messages(result.plan.unreadable.has(ROLLBACK_FILE) ? 'readiness/runbook-has-errors' : 'readiness/no-runbook')) }], rehearsals: [] };
  }
  const { source, data } = rollback;
  const at = (path: (string | number)[]): Location => ({ file: ROLLBACK_FILE, range: source.rangeFor(path) });
  // Readiness is what the runbook holds, not only what the findings say: a rule set to off does not make a TODO step real.
  const triggers = (data.triggers ?? []).filter((t) => t && !isPlaceholder(t.signal));
  const steps = (data.steps ?? []).filter((step) => typeof step === 'string' && !isPlaceholder(step));
  const stable = data.stable?.version !== undefined && !isPlaceholder(String(data.stable.version)) ? String(data.stable.version) : undefined;
  const rehearsals = (data.rehearsals ?? [])
    .filter((r): r is NonNullable<typeof r> & { date: string } => !!r && typeof r.date === 'string')
    .map((r) => ({ date: r.date, ...(typeof r.minutes === 'number' ? { minutes: r.minutes } : {}), ...(r.by ? { by: r.by } : {}), ...(r.environment ? { environment: r.environment } : {}) }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const evidence = rehearsalEvidence(rehearsals.map((rehearsal) => ({ rehearsal })), result.context.today);
  const counted = evidence.counting[evidence.counting.length - 1]?.rehearsal;
  const happened = evidence.happened[evidence.happened.length - 1]?.rehearsal;
  const rehearsalDetail = t(rehearsalMessage(counted, happened, evidence.planned?.rehearsal.date, data.target_minutes));
  const roleNames = ROLLBACK_ROLES.map((role) => (typeof data.roles?.[role] === 'string' ? t(messages('readiness/role', { role, person: data.roles[role] as string })) : t(messages('readiness/role/nobody', { role }))));
  const checks: ReadinessCheck[] = [
    { id: 'stable', label: t(messages('readiness/stable')), ok: stable !== undefined && failing('rollback-no-stable').length === 0, detail: stable ?? t(messages('readiness/not-named')), location: at(['stable']) },
    { id: 'triggers', label: t(messages('readiness/triggers')), ok: triggers.length > 0 && failing('rollback-no-triggers', 'rollback-trigger-vague').length === 0, detail: t(messages('readiness/agreed', { count: triggers.length })), location: at(['triggers']) },
    { id: 'roles', label: t(messages('readiness/roles')), ok: failing('rollback-role-missing').length === 0 && !result.findings.some((f) => f.file === ROLLBACK_FILE && f.path?.[0] === 'roles'), detail: roleNames.join(t(messages('readiness/list-separator'))), location: at(['roles']) },
    { id: 'steps', label: t(messages('readiness/steps')), ok: steps.length > 0 && failing('rollback-no-steps', 'rollback-too-long').length === 0, detail: t(steps.length === 1 ? messages('readiness/steps/one') : messages('readiness/steps/count', { count: steps.length })), location: at(['steps']) },
    {
      id: 'rehearsal',
      label: t(messages('readiness/last-rehearsal')),
      ok: counted !== undefined && failing('rollback-not-rehearsed', 'rollback-rehearsal-stale', 'rollback-too-slow').length === 0,
      detail: rehearsalDetail,
      location: at(['rehearsals']),
    },
  ];
  return { present: true, checks, ...(typeof data.target_minutes === 'number' ? { targetMinutes: data.target_minutes } : {}), rehearsals };
}

/** The last rehearsal in a few words: "2026-11-20 · 18 min (target 20)", "2026-11-20 · not timed", "planned for …", "never". */
function rehearsalMessage(counting: { date: string; minutes?: number } | undefined, happened: { date: string; minutes?: number } | undefined, planned: string | undefined, targetMinutes: number | undefined): Message {
  if (counting) {
    const { date, minutes } = counting;
    if (targetMinutes === undefined) return minutes !== undefined ? messages('readiness/rehearsal', { date, minutes }) : messages('readiness/rehearsal/untimed-count', { date });
    return minutes !== undefined ? messages('readiness/rehearsal/target', { date, minutes, target: targetMinutes }) : messages('readiness/rehearsal/untimed-count/target', { date, target: targetMinutes });
  }
  if (happened) return messages(happened.minutes === undefined ? 'readiness/rehearsal/not-timed' : 'readiness/rehearsal/not-production', { date: happened.date });
  if (planned !== undefined) return messages('readiness/rehearsal/planned', { date: planned });
  return messages('readiness/rehearsal/never');
}

/**
 * The go/no-go in one line, for the Release view: the veto while it holds ("Vetoed by Ana on
 * 2026-12-17: …"), else the latest decision on or before today, else what the plan says now.
 */
export function gonogoHeadline(summary: ReleaseSummary, translate: Translate): string {
  const { veto, recommendation, shipped } = summary.gonogo;
  // After launch the go/no-go is history: the launch is what there is to say.
  if (shipped) return shipped.message;
  if (veto) return veto.message;
  const now = messages(`gonogo/now/${recommendation}`);
  const unread = summary.gonogo.unreadableRecords.length;
  if (unread > 0) return render(unread === 1 ? messages('headline/record-unreadable', { now }) : messages('headline/records-unreadable', { count: unread, now }), translate);
  const last = latestHappened(summary.decisions, (d) => d.date, summary.today);
  if (!last) return render(messages('headline/not-decided', { now }), translate);
  const decision = last.decision === 'go' || last.decision === 'no-go' ? messages(`headline/decision/${last.decision}`) : last.decision;
  const decided = last.decidedBy ? messages('headline/decided/by', { decision, date: last.date, person: last.decidedBy }) : messages('headline/decided', { decision, date: last.date });
  return render(last.decision === recommendation ? decided : messages('headline/decided/now', { decided, now }), translate);
}

/** Go / At risk / No-Go for a release header, with the reasons behind it (a veto first: it decides alone). */
export function releaseHealth(summary: ReleaseSummary, translate: Translate): { verdict: 'go' | 'at-risk' | 'no-go'; reasons: string[] } {
  const failing = summary.gonogo.questions.filter((q) => q.verdict === 'fail');
  const open = summary.gonogo.questions.filter((q) => q.verdict === 'needs-answer');
  const veto = summary.gonogo.veto;
  const { errors, warnings } = summary.counts;
  const shipped = summary.gonogo.shipped;
  if (shipped) {
    // The go/no-go is history (every question says so): never a Go verdict for a launch that happened.
    const counts = [
      ...(errors > 0 ? [render(errors === 1 ? messages('health/errors/one') : messages('health/errors', { count: errors }), translate)] : []),
      ...(warnings > 0 ? [render(warnings === 1 ? messages('health/warnings/one') : messages('health/warnings', { count: warnings }), translate)] : []),
    ];
    return { verdict: 'no-go', reasons: [shipped.message, ...counts] };
  }
  const late = summary.daysLeft !== undefined && summary.daysLeft < 0 ? -summary.daysLeft : undefined;
  // The veto, the records' reasons and the questions are already in the check's language.
  const reasons = [
    ...(veto ? [veto.message] : []),
    ...summary.gonogo.unreadableRecords.map((r) => r.reason),
    ...(errors > 0 ? [render(errors === 1 ? messages('health/errors/one') : messages('health/errors', { count: errors }), translate)] : []),
    ...failing.map((q) => render(messages('health/fails', { question: q.question }), translate)),
    ...open.map((q) => render(messages('health/unanswered', { question: q.question }), translate)),
    ...(warnings > 0 ? [render(warnings === 1 ? messages('health/warnings/one') : messages('health/warnings', { count: warnings }), translate)] : []),
    ...(late !== undefined ? [render(late === 1 ? messages('health/late/one') : messages('health/late', { count: late }), translate)] : []),
  ];
  if (veto || errors > 0 || failing.length > 0) return { verdict: 'no-go', reasons };
  if (open.length > 0 || summary.gonogo.unreadableRecords.length > 0 || warnings > 0 || late !== undefined) return { verdict: 'at-risk', reasons };
  return { verdict: 'go', reasons: [render(messages('health/go'), translate)] };
}

/** The summary's own words: rollback readiness, the go/no-go headline, the release's health. */
const messages = defineMessages({
  'summary/untitled': '(untitled)',
  'summary/unnamed-release': '(unnamed release)',
  'readiness/runbook': 'Runbook',
  'readiness/runbook-has-errors': 'rollback.yaml has errors',
  'readiness/no-runbook': 'no rollback.yaml',
  'readiness/stable': 'Stable version',
  'readiness/not-named': 'not named',
  'readiness/triggers': 'Triggers',
  'readiness/agreed': '{count} agreed',
  'readiness/roles': 'Roles',
  'readiness/role': '{role}: {person}',
  'readiness/role/nobody': '{role}: —',
  'readiness/list-separator': ', ',
  'readiness/steps': 'Steps',
  'readiness/steps/one': '1 step',
  'readiness/steps/count': '{count} steps',
  'readiness/last-rehearsal': 'Last rehearsal',
  'readiness/rehearsal': '{date} · {minutes} min',
  'readiness/rehearsal/target': '{date} · {minutes} min (target {target})',
  'readiness/rehearsal/untimed-count': '{date}',
  'readiness/rehearsal/untimed-count/target': '{date} (target {target})',
  'readiness/rehearsal/not-timed': '{date} · not timed',
  'readiness/rehearsal/not-production': '{date} · not production-like',
  'readiness/rehearsal/planned': 'planned for {date}',
  'readiness/rehearsal/never': 'never',
  'gonogo/now/go': 'Go',
  'gonogo/now/no-go': 'No-Go',
  'gonogo/now/needs-answers': 'Needs answers',
  'headline/record-unreadable': 'a go/no-go record cannot be read · now: {now}',
  'headline/records-unreadable': '{count} go/no-go records cannot be read · now: {now}',
  'headline/not-decided': 'not decided · now: {now}',
  'headline/decision/go': 'go',
  'headline/decision/no-go': 'no-go',
  'headline/decided': '{decision} on {date}',
  'headline/decided/by': '{decision} on {date} by {person}',
  'headline/decided/now': '{decided} · now: {now}',
  'health/errors/one': '1 error in the plan',
  'health/errors': '{count} errors in the plan',
  'health/fails': 'Fails: {question}',
  'health/unanswered': 'Unanswered: {question}',
  'health/warnings/one': '1 warning',
  'health/warnings': '{count} warnings',
  'health/late/one': 'Target passed 1 day ago',
  'health/late': 'Target passed {count} days ago',
  'health/go': 'Every go/no-go question passes and the plan has no findings.',
});
