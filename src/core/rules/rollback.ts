import { dayNumber } from '../dates';
import { taskLabel, type RuleContext } from '../context';
import { ROLLBACK_FILE } from '../types';
import { checkPerson } from './ownership';

const ROLLBACK_ROLES = {
  decides: 'who decides to roll back',
  runs: 'who runs the rollback',
  verifies: 'who verifies users are back on the stable version',
} as const;

/** Days before target from which an unrehearsed rollback is an error. */
const REHEARSAL_DEADLINE_DAYS = 3;

export function checkRollback(ctx: RuleContext): void {
  checkMigrations(ctx);
  const release = ctx.release;
  const rollback = ctx.plan.rollback;
  if (!rollback) {
    if (release && !ctx.plan.present.has(ROLLBACK_FILE)) {
      ctx.report(release.source, [], 'rollback-missing', 'There is no .release/rollback.yaml. Nothing ships that cannot be rolled back: write the runbook (the quick fix creates one from a template).');
    }
    return;
  }
  const { source, data } = rollback;

  if (data.stable?.version === undefined || String(data.stable.version).trim() === '') {
    ctx.report(source, ['stable'], 'rollback-no-stable', 'Name the last known good version to go back to: `stable: { version: … }` (and its build, config, migrations, flags).');
  }

  const triggers = data.triggers ?? [];
  if (triggers.filter(Boolean).length === 0) {
    ctx.report(source, ['triggers'], 'rollback-no-triggers', 'Agree when to roll back before launch: add `triggers:` with a signal, a threshold and how long it holds.');
  }
  triggers.forEach((trigger, index) => {
    if (trigger && (trigger.threshold === undefined || String(trigger.threshold).trim() === '')) {
      ctx.report(source, ['triggers', index], 'rollback-trigger-vague', `The trigger "${trigger.signal ?? ''}" has no threshold, so nobody can tell when it fires. Add \`threshold:\` (e.g. "error rate > 2%").`);
    }
  });

  const roles = data.roles ?? {};
  for (const [role, description] of Object.entries(ROLLBACK_ROLES) as [keyof typeof ROLLBACK_ROLES, string][]) {
    const value = roles[role];
    if (ctx.people.judge(value).kind === 'missing') {
      // An absent role points at the `roles` key, not at the whole map of the other roles.
      ctx.report(source, value === undefined ? ['roles'] : ['roles', role], 'rollback-role-missing', `Name ${description}: add \`roles.${role}:\` with one person.`, { prefer: value === undefined ? 'key' : 'value' });
    } else {
      checkPerson(ctx, source, ['roles', role], value, `the rollback ${role} role`, { reportMissing: false });
    }
  }

  const steps = (data.steps ?? []).filter((step) => typeof step === 'string' && step.trim() !== '');
  if (steps.length === 0) {
    ctx.report(source, ['steps'], 'rollback-no-steps', 'The runbook has no steps. Write them in order, in plain language, so anyone on call can follow them.');
  } else if (steps.length > ctx.limits.runbook_steps) {
    ctx.report(source, ['steps'], 'rollback-too-long', `The runbook has ${steps.length} steps; the limit is ${ctx.limits.runbook_steps}. A rollback done under stress needs a short runbook: merge or automate steps.`);
  }

  checkRehearsals(ctx);
}

function checkRehearsals(ctx: RuleContext): void {
  const rollback = ctx.plan.rollback;
  if (!rollback) return;
  const { source, data } = rollback;
  const today = dayNumber(ctx.today);
  const target = dayNumber(ctx.release?.data.target);
  const rehearsals = (data.rehearsals ?? [])
    .map((rehearsal, index) => ({ rehearsal, index, day: dayNumber(rehearsal?.date) }))
    .filter((entry) => entry.rehearsal !== undefined && entry.day !== undefined);

  if (rehearsals.length === 0) {
    const close = target !== undefined && today !== undefined && target - today <= REHEARSAL_DEADLINE_DAYS;
    const when = !close || target === undefined || today === undefined ? '' : target < today ? ' and the target date has passed' : ' and the target is days away';
    ctx.report(source, ['rehearsals'], 'rollback-not-rehearsed', `The rollback was never rehearsed${when}. Run it once on a production-like setup and time it (Release Plan: Start Rollback Rehearsal).`, { severity: close ? 'error' : 'warning' });
    return;
  }

  const latest = rehearsals.reduce((best, entry) => ((entry.day ?? 0) >= (best.day ?? 0) ? entry : best));
  if (today !== undefined && latest.day !== undefined && today - latest.day > ctx.limits.rehearsal_age_days) {
    ctx.report(source, ['rehearsals', latest.index, 'date'], 'rollback-rehearsal-stale', `The last rehearsal was ${today - latest.day} days ago; the limit is ${ctx.limits.rehearsal_age_days}. The system has changed since: rehearse again.`, { prefer: 'value' });
  }
  const minutes = latest.rehearsal?.minutes;
  if (typeof data.target_minutes === 'number' && typeof minutes === 'number' && minutes > data.target_minutes) {
    ctx.report(source, ['rehearsals', latest.index, 'minutes'], 'rollback-too-slow', `The last rehearsal took ${minutes} minutes; the target is ${data.target_minutes}. Shorten or automate the slowest step, then rehearse again.`, { prefer: 'value' });
  }
}

function checkMigrations(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  for (const { task, index } of ctx.tasks()) {
    const position = (task.risk ?? []).indexOf('migration');
    if (position === -1 || (task.rollback ?? '').trim() !== '') continue;
    ctx.report(release.source, ['tasks', index, 'risk', position], 'migration-no-rollback', `Task ${taskLabel(task, index)} migrates data but does not say how it is undone. Add \`rollback:\` (e.g. "down migration tested on a copy").`, { prefer: 'value' });
  }
}
