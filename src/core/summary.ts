import { isPlaceholder } from './placeholder';
import { rehearsalEvidence } from './rules/rollback';
import { daysBetween, dayNumber } from './dates';
import { latestHappened } from './evidence';
import type { CheckResult } from './engine';
import { evaluateGonogo, type GonogoResult } from './gonogo';
import type { Range } from './types';
import { RELEASE_FILE, ROLLBACK_FILE } from './types';

/** A place in a plan file, for "reveal in editor". */
export interface Location {
  file: string;
  range: Range;
}

export interface TaskSummary {
  index: number;
  id: string;
  title: string;
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

export function summarizeRelease(result: CheckResult): ReleaseSummary | undefined {
  const release = result.plan.release;
  if (!release) return undefined;
  const { source, data } = release;
  const at = (file: string, range: Range): Location => ({ file, range });
  const findingsFor = (path: (string | number)[]) => result.findings.filter((f) => f.file === RELEASE_FILE && f.path && path.every((segment, i) => f.path?.[i] === segment));

  const tasks: TaskSummary[] = result.context.tasks().map(({ task, index }) => {
    const own = findingsFor(['tasks', index]);
    return {
      index,
      id: task.id !== undefined ? String(task.id) : `#${index + 1}`,
      title: task.title ?? '(untitled)',
      ...(typeof task.owner === 'string' ? { owner: task.owner } : Array.isArray(task.owner) ? { owner: task.owner.filter(Boolean).join(', ') } : {}),
      status: task.status ?? 'todo',
      kind: task.kind ?? 'feature',
      risk: (task.risk ?? []).filter((r): r is NonNullable<typeof r> => !!r),
      ...(typeof task.estimate === 'number' ? { estimate: task.estimate } : {}),
      ...(task.blocker ? { blocker: task.blocker } : {}),
      errors: own.filter((f) => f.severity === 'error').length,
      warnings: own.filter((f) => f.severity === 'warning').length,
      location: at(RELEASE_FILE, source.rangeFor(['tasks', index])),
    };
  });

  const roles = (['scope', 'delivery', 'readiness', 'stop'] as const).map((role) => {
    const value = data.roles?.[role];
    const person = typeof value === 'string' ? value : Array.isArray(value) ? value.filter(Boolean).join(', ') : undefined;
    return { role, ...(person ? { person } : {}), location: at(RELEASE_FILE, source.rangeFor(['roles', role], 'value')) };
  });

  const parked: ParkedSummary[] = [];
  (data.parked ?? []).forEach((item, index) => {
    if (!item) return;
    parked.push({
      index,
      title: item.title ?? '(untitled)',
      ...(item.reason ? { reason: item.reason } : {}),
      ...(item.asked_by ? { askedBy: item.asked_by } : {}),
      told: typeof item.told === 'string' ? item.told : false,
      location: at(RELEASE_FILE, source.rangeFor(['parked', index])),
    });
  });

  const target = typeof data.target === 'string' && dayNumber(data.target) !== undefined ? data.target : undefined;
  const daysLeft = target ? daysBetween(result.context.today, target) : undefined;
  return {
    name: data.release ?? '(unnamed release)',
    ...(data.problem ? { problem: data.problem } : {}),
    ...(target ? { target } : {}),
    ...(typeof data.backup === 'string' ? { backup: data.backup } : {}),
    freeze: { ...(data.freeze?.scope ? { scope: data.freeze.scope } : {}), ...(data.freeze?.features ? { features: data.freeze.features } : {}) },
    today: result.context.today,
    ...(daysLeft !== undefined ? { daysLeft } : {}),
    roles,
    tasks,
    rollback: rollbackReadiness(result),
    gonogo: evaluateGonogo(result),
    decisions: result.plan.gonogos.map((g) => ({ date: g.date, decision: g.data.decision ?? 'unknown', ...(g.data.decided_by ? { decidedBy: g.data.decided_by } : {}), ...(g.data.reason ? { reason: g.data.reason } : {}) })),
    parked,
    counts: {
      errors: result.findings.filter((f) => f.severity === 'error').length,
      warnings: result.findings.filter((f) => f.severity === 'warning').length,
    },
    location: at(RELEASE_FILE, source.rangeFor(['release'], 'value')),
  };
}

function rollbackReadiness(result: CheckResult): ReleaseSummary['rollback'] {
  const rollback = result.plan.rollback;
  const failing = (...codes: string[]) => result.findings.filter((f) => codes.includes(f.code));
  if (!rollback) {
    return { present: false, checks: [{ id: 'stable', label: 'Runbook', ok: false, detail: result.plan.unreadable.has(ROLLBACK_FILE) ? 'rollback.yaml has errors' : 'no rollback.yaml' }], rehearsals: [] };
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
  const target = data.target_minutes !== undefined ? ` (target ${data.target_minutes})` : '';
  const rehearsalDetail = counted
    ? `${counted.date}${counted.minutes !== undefined ? ` · ${counted.minutes} min` : ''}${target}`
    : happened
      ? `${happened.date} · ${happened.minutes === undefined ? 'not timed' : 'not production-like'}`
      : evidence.planned
        ? `planned for ${evidence.planned.rehearsal.date}`
        : 'never';
  const roleNames = (['decides', 'runs', 'verifies'] as const).map((role) => `${role}: ${typeof data.roles?.[role] === 'string' ? data.roles[role] : '—'}`);
  const checks: ReadinessCheck[] = [
    { id: 'stable', label: 'Stable version', ok: stable !== undefined && failing('rollback-no-stable').length === 0, detail: stable ?? 'not named', location: at(['stable']) },
    { id: 'triggers', label: 'Triggers', ok: triggers.length > 0 && failing('rollback-no-triggers', 'rollback-trigger-vague').length === 0, detail: `${triggers.length} agreed`, location: at(['triggers']) },
    { id: 'roles', label: 'Roles', ok: failing('rollback-role-missing').length === 0 && !result.findings.some((f) => f.file === ROLLBACK_FILE && f.path?.[0] === 'roles'), detail: roleNames.join(', '), location: at(['roles']) },
    { id: 'steps', label: 'Steps', ok: steps.length > 0 && failing('rollback-no-steps', 'rollback-too-long').length === 0, detail: `${steps.length} step${steps.length === 1 ? '' : 's'}`, location: at(['steps']) },
    {
      id: 'rehearsal',
      label: 'Last rehearsal',
      ok: counted !== undefined && failing('rollback-not-rehearsed', 'rollback-rehearsal-stale', 'rollback-too-slow').length === 0,
      detail: rehearsalDetail,
      location: at(['rehearsals']),
    },
  ];
  return { present: true, checks, ...(typeof data.target_minutes === 'number' ? { targetMinutes: data.target_minutes } : {}), rehearsals };
}

const RECOMMENDATION = { go: 'Go', 'no-go': 'No-Go', 'needs-answers': 'Needs answers' } as const;

/**
 * The go/no-go in one line, for the Release view: the veto while it holds ("Vetoed by Ana on
 * 2026-12-17: …"), else the latest decision on or before today, else what the plan says now.
 */
export function gonogoHeadline(summary: ReleaseSummary): string {
  const { veto, recommendation } = summary.gonogo;
  if (veto) return veto.message;
  const now = RECOMMENDATION[recommendation];
  const unread = summary.gonogo.unreadableRecords.length;
  if (unread > 0) return `${unread === 1 ? 'a go/no-go record cannot be read' : `${unread} go/no-go records cannot be read`} · now: ${now}`;
  const last = latestHappened(summary.decisions, (d) => d.date, summary.today);
  if (!last) return `not decided · now: ${now}`;
  const decided = `${last.decision} on ${last.date}${last.decidedBy ? ` by ${last.decidedBy}` : ''}`;
  return last.decision === recommendation ? decided : `${decided} · now: ${now}`;
}

/** Go / At risk / No-Go for a release header, with the reasons behind it (a veto first: it decides alone). */
export function releaseHealth(summary: ReleaseSummary): { verdict: 'go' | 'at-risk' | 'no-go'; reasons: string[] } {
  const failing = summary.gonogo.questions.filter((q) => q.verdict === 'fail');
  const open = summary.gonogo.questions.filter((q) => q.verdict === 'needs-answer');
  const veto = summary.gonogo.veto;
  const reasons = [
    ...(veto ? [veto.message] : []),
    ...summary.gonogo.unreadableRecords.map((r) => r.reason),
    ...(summary.counts.errors > 0 ? [`${summary.counts.errors} error${summary.counts.errors === 1 ? '' : 's'} in the plan`] : []),
    ...failing.map((q) => `Fails: ${q.question}`),
    ...open.map((q) => `Unanswered: ${q.question}`),
    ...(summary.counts.warnings > 0 ? [`${summary.counts.warnings} warning${summary.counts.warnings === 1 ? '' : 's'}`] : []),
    ...(summary.daysLeft !== undefined && summary.daysLeft < 0 ? [`Target passed ${summary.daysLeft === -1 ? '1 day' : `${-summary.daysLeft} days`} ago`] : []),
  ];
  if (veto || summary.counts.errors > 0 || failing.length > 0) return { verdict: 'no-go', reasons };
  if (open.length > 0 || summary.gonogo.unreadableRecords.length > 0 || summary.counts.warnings > 0 || (summary.daysLeft ?? 0) < 0) return { verdict: 'at-risk', reasons };
  return { verdict: 'go', reasons: ['Every go/no-go question passes and the plan has no findings.'] };
}
