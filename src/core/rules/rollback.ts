import { dayNumber } from '../dates';
import { taskLabel, type RuleContext } from '../context';
import { evidenceState, happenedRecords } from '../evidence';
import { isPlaceholder } from '../placeholder';
import { ROLLBACK_ROLES } from '../lists';
import type { Rehearsal } from '../schemas';
import { ROLLBACK_FILE } from '../types';
import { valueAt, type Loose } from '../validate';
import { checkPerson } from './ownership';

const ROLLBACK_ROLE_DESCRIPTIONS: Record<(typeof ROLLBACK_ROLES)[number], string> = {
  decides: 'who decides to roll back',
  runs: 'who runs the rollback',
  verifies: 'who verifies users are back on the stable version',
} as const;

export function checkRollback(ctx: RuleContext): void {
  checkMigrations(ctx);
  const release = ctx.release;
  const rollback = ctx.plan.rollback;
  if (!rollback) {
    if (release && !ctx.plan.present.has(ROLLBACK_FILE)) {
      ctx.report(release.source, [], 'rollback-missing', 'There is no .release/rollback.yaml. Nothing ships that cannot be rolled back: create it with the stable version to go back to, the triggers, who decides, runs and verifies, and the steps (`release-plan init` writes a template without overwriting your files).');
    }
    return;
  }
  const { source, data } = rollback;

  const version = data.stable?.version;
  if (version === undefined || String(version).trim() === '') {
    ctx.report(source, ['stable'], 'rollback-no-stable', 'Name the last known good version to go back to: `stable: { version: … }` (and its build, config, migrations, flags).');
  } else if (isPlaceholder(String(version))) {
    ctx.report(source, ['stable', 'version'], 'rollback-no-stable', `The stable version "${String(version).trim()}" is a placeholder. Write the last known good version to go back to (e.g. "1.4.2").`, { prefer: 'value' });
  }

  // A trigger whose signal is a placeholder ("TODO: …") is not agreed yet, so it is no trigger.
  const triggers = (data.triggers ?? []).map((trigger, index) => ({ trigger, index })).filter(({ trigger }) => trigger && !isPlaceholder(trigger.signal));
  if (triggers.length === 0) {
    const filled = (data.triggers ?? []).some(Boolean) ? ' The triggers listed are placeholders.' : '';
    ctx.report(source, ['triggers'], 'rollback-no-triggers', `Agree when to roll back before launch: add \`triggers:\` with a signal, a threshold and how long it holds.${filled}`);
  }
  for (const { trigger, index } of triggers) {
    // A placeholder threshold ("TODO: when it fires") is template text: placeholder-text says so.
    if (trigger && (trigger.threshold === undefined || String(trigger.threshold).trim() === '')) {
      ctx.report(source, ['triggers', index], 'rollback-trigger-vague', `The trigger "${trigger.signal ?? ''}" has no threshold, so nobody can tell when it fires. Add \`threshold:\` (e.g. "error rate > 2%").`);
    }
  }

  const roles = data.roles ?? {};
  for (const [role, description] of ROLLBACK_ROLES.map((role) => [role, ROLLBACK_ROLE_DESCRIPTIONS[role]] as const)) {
    const value = roles[role];
    const verdict = ctx.people.judge(value);
    if (verdict.kind === 'missing') {
      const filled = verdict.placeholder ? `"${verdict.placeholder}" is a placeholder, not a person. ` : '';
      // An absent role points at the `roles` key, not at the whole map of the other roles.
      ctx.report(source, value === undefined ? ['roles'] : ['roles', role], 'rollback-role-missing', `${filled}Name ${description}: add \`roles.${role}:\` with one person.`, { prefer: value === undefined ? 'key' : 'value', data: { field: role } });
    } else {
      checkPerson(ctx, source, ['roles', role], value, `the rollback ${role} role`, { reportMissing: false });
    }
  }

  checkRolesOnePerson(ctx);

  const steps = (data.steps ?? []).filter((step) => typeof step === 'string' && !isPlaceholder(step));
  if (steps.length === 0) {
    const filled = (data.steps ?? []).some((step) => typeof step === 'string' && step.trim() !== '') ? ' The steps listed are placeholders.' : '';
    ctx.report(source, ['steps'], 'rollback-no-steps', `The runbook has no steps.${filled} Write them in order, in plain language, so anyone on call can follow them.`);
  } else if (steps.length > ctx.limits.runbook_steps) {
    ctx.report(source, ['steps'], 'rollback-too-long', `The runbook has ${steps.length} steps; the limit is ${ctx.limits.runbook_steps}. A rollback done under stress needs a short runbook: merge or automate steps.`);
  }

  checkRehearsals(ctx);
}

/** The method: one person decides, another runs the rollback, the rest verify. */
function checkRolesOnePerson(ctx: RuleContext): void {
  const rollback = ctx.plan.rollback;
  if (!rollback) return;
  const roles = rollback.data.roles ?? {};
  const names = ROLLBACK_ROLES.map((role) => {
    const verdict = ctx.people.judge(roles[role]);
    return verdict.kind === 'ok' || verdict.kind === 'unknown' ? ctx.people.canonical(verdict.person) : undefined;
  });
  if (names.every((name) => name !== undefined) && new Set(names).size === 1) {
    ctx.report(rollback.source, ['roles'], 'rollback-roles-one-person', `${names[0]} decides, runs and verifies the rollback. Under stress one person cannot do all three: one decides, one runs it, and the rest verify users are back on the stable version. Give \`runs:\` or \`verifies:\` to someone else.`);
  }
}

/** Environments that are not production-like: a rehearsal there does not show the rollback works. */
const NOT_PRODUCTION_LIKE = /\b(?:laptop|local(?:host)?|my machine|dev box|desktop)\b/i;

export interface RehearsalEvidence<T> {
  /** Rehearsals dated on or before today, oldest first. */
  happened: T[];
  /** Those that count: timed (`minutes:`) and not on a laptop. */
  counting: T[];
  /** The first rehearsal dated after today, if any. */
  planned?: T;
}

/**
 * Which rehearsals are evidence that the rollback works — the one definition the rules and go/no-go
 * question 3 share: it has happened, it was timed, and it ran on a production-like setup.
 */
export function rehearsalEvidence<T extends { rehearsal: Loose<Rehearsal> | undefined }>(recorded: readonly T[], today: string): RehearsalEvidence<T> {
  const happened = happenedRecords(recorded, ({ rehearsal }) => rehearsal?.date, today);
  const counting = happened.filter(({ rehearsal }) => typeof rehearsal?.minutes === 'number' && !NOT_PRODUCTION_LIKE.test(String(rehearsal?.environment ?? '')));
  const planned = recorded.find(({ rehearsal }) => evidenceState(rehearsal?.date, today) === 'planned');
  return { happened, counting, ...(planned ? { planned } : {}) };
}

function checkRehearsals(ctx: RuleContext): void {
  const rollback = ctx.plan.rollback;
  if (!rollback) return;
  const { source, data } = rollback;
  const today = dayNumber(ctx.today);
  const target = dayNumber(ctx.release?.data.target);
  const recorded = (data.rehearsals ?? []).map((rehearsal, index) => ({ rehearsal, index })).filter(({ rehearsal }) => rehearsal !== undefined);
  // Only a rehearsal that has happened, was timed and ran production-like is evidence.
  const { happened, counting, planned } = rehearsalEvidence(recorded, ctx.today);

  if (counting.length === 0) {
    const close = ctx.nearTarget();
    const when = !close || target === undefined || today === undefined ? '' : target < today ? ' and the target date has passed' : ' and the target is days away';
    const severity = close ? 'error' : 'warning';
    const last = happened[happened.length - 1];
    if (last) {
      const untimed = typeof last.rehearsal?.minutes !== 'number';
      const why = untimed ? 'was not timed: add `minutes:` with how long it took' : `ran on "${String(last.rehearsal?.environment)}", not a production-like setup: rehearse on staging or a copy of production`;
      ctx.report(source, ['rehearsals', last.index, untimed ? 'date' : 'environment'], 'rollback-not-rehearsed', `The rollback has not been rehearsed in a way that counts${when}: the rehearsal on ${last.rehearsal?.date} ${why}.`, { severity, prefer: 'value' });
    } else if (planned) {
      ctx.report(source, ['rehearsals', planned.index, 'date'], 'rollback-not-rehearsed', `The rollback has not been rehearsed${when}: the rehearsal on ${planned.rehearsal?.date} is planned, it has not happened yet. Run it on a production-like setup, time it, and keep its date and minutes here.`, { severity, prefer: 'value' });
    } else {
      ctx.report(source, ['rehearsals'], 'rollback-not-rehearsed', `The rollback was never rehearsed${when}. Run it once on a production-like setup, time it, and add it under \`rehearsals:\` with its date and minutes.`, { severity });
    }
    return;
  }

  const latest = counting[counting.length - 1];
  const latestDay = dayNumber(latest?.rehearsal?.date);
  if (latest && today !== undefined && latestDay !== undefined && today - latestDay > ctx.limits.rehearsal_age_days) {
    ctx.report(source, ['rehearsals', latest.index, 'date'], 'rollback-rehearsal-stale', `The last rehearsal was ${today - latestDay} days ago; the limit is ${ctx.limits.rehearsal_age_days}. The system has changed since: rehearse again.`, { prefer: 'value' });
  }
  const minutes = latest?.rehearsal?.minutes;
  if (latest && typeof data.target_minutes === 'number' && typeof minutes === 'number' && minutes > data.target_minutes) {
    ctx.report(source, ['rehearsals', latest.index, 'minutes'], 'rollback-too-slow', `The last rehearsal took ${minutes} minutes; the target is ${data.target_minutes}. Shorten or automate the slowest step, then rehearse again.`, { prefer: 'value' });
  }
}

function checkMigrations(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  for (const { task, index } of ctx.tasks()) {
    const position = (task.risk ?? []).indexOf('migration');
    if (position === -1) continue;
    // `rollback: false` (or a list) was dropped by the schema, whose finding on the value already says what to write.
    if (task.rollback === undefined && valueAt(release.source.data, ['tasks', index, 'rollback']) !== undefined) continue;
    const line = (task.rollback ?? '').trim();
    // "none", "forward only", "cannot be undone": the task says there is no way back, which is the finding.
    const noWayBack = saysNoWayBack(line);
    // A placeholder (the "TODO: …" a template writes) does not say how anything is undone either.
    if (!noWayBack && !isPlaceholder(task.rollback)) continue;
    const how = noWayBack
      ? `its \`rollback:\` says there is no way back ("${line}"). Nothing ships that cannot be rolled back: make the migration reversible (expand/contract, a tested down migration, a restore from a copy) and write how`
      : line === '' ? 'does not say how it is undone. Add `rollback:`' : `its \`rollback:\` is still a placeholder ("${line}"). Replace it with how it is undone`;
    ctx.report(release.source, ['tasks', index, 'risk', position], 'migration-no-rollback', `Task ${taskLabel(task, index)} migrates data but ${how} (e.g. "down migration tested on a copy").`, { prefer: 'value' });
  }
}

/** A rollback line that states there is none: "none", "no rollback possible", "N/A - forward only", "irreversible". */
export function saysNoWayBack(text: string): boolean {
  return /^(?:none|no|n\/a|na|nothing)(?:\W*$|\s*[-–—:,;(])|\bno (?:rollback|roll-back|way back|down migration)\b|\b(?:irreversible|not reversible|forward[- ]only|one[- ]way)\b|\b(?:cannot|can't|can not) be (?:undone|reverted|rolled back)\b|\bnot (?:possible|supported|needed|required)\b|^(?:none|no rollback) (?:needed|required)\b|\bno need\b/i.test(text);
}

