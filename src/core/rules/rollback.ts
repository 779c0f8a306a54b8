import { dayNumber } from '../dates';
import { counted, taskLabel, type RuleContext } from '../context';
import { evidenceState, happenedRecords } from '../evidence';
import { defineMessages } from '../message';
import { isPlaceholder } from '../placeholder';
import { ROLLBACK_ROLES } from '../lists';
import type { Rehearsal } from '../schemas';
import { ROLLBACK_FILE } from '../types';
import { valueAt, type Loose } from '../validate';
import { checkPerson } from './ownership';

/**
 * The sentences of the rollback rules. A rehearsal that does not count says so in one of four ways,
 * each in three forms: far from target, close to it, and after it has passed.
 */
export const messages = defineMessages({
  'rollback-missing': 'There is no .release/rollback.yaml. Nothing ships that cannot be rolled back: create it with the stable version to go back to, the triggers, who decides, runs and verifies, and the steps (`release-plan init` writes a template without overwriting your files).',
  'rollback-no-stable': 'Name the last known good version to go back to: `{example}` (and its build, config, migrations, flags).',
  'rollback-no-stable/placeholder': 'The stable version "{version}" is a placeholder. Write the last known good version to go back to (e.g. "1.4.2").',
  'rollback-no-triggers': 'Agree when to roll back before launch: add `triggers:` with a signal, a threshold and how long it holds.',
  'rollback-no-triggers/placeholders': 'Agree when to roll back before launch: add `triggers:` with a signal, a threshold and how long it holds. The triggers listed are placeholders.',
  'rollback-trigger-vague': 'The trigger "{signal}" has no threshold, so nobody can tell when it fires. Add `threshold:` (e.g. "error rate > 2%").',
  'rollback-role-missing/decides': 'Name who decides to roll back: add `roles.decides:` with one person.',
  'rollback-role-missing/runs': 'Name who runs the rollback: add `roles.runs:` with one person.',
  'rollback-role-missing/verifies': 'Name who verifies users are back on the stable version: add `roles.verifies:` with one person.',
  'rollback-role-missing/decides/placeholder': '"{placeholder}" is a placeholder, not a person. Name who decides to roll back: add `roles.decides:` with one person.',
  'rollback-role-missing/runs/placeholder': '"{placeholder}" is a placeholder, not a person. Name who runs the rollback: add `roles.runs:` with one person.',
  'rollback-role-missing/verifies/placeholder': '"{placeholder}" is a placeholder, not a person. Name who verifies users are back on the stable version: add `roles.verifies:` with one person.',
  'rollback-roles-one-person': '{person} decides, runs and verifies the rollback. Under stress one person cannot do all three: one decides, one runs it, and the rest verify users are back on the stable version. Give `runs:` or `verifies:` to someone else.',
  'rollback-no-steps': 'The runbook has no steps. Write them in order, in plain language, so anyone on call can follow them.',
  'rollback-no-steps/placeholders': 'The runbook has no steps. The steps listed are placeholders. Write them in order, in plain language, so anyone on call can follow them.',
  'rollback-too-long': 'The runbook has {steps}; the limit is {limit}. A rollback done under stress needs a short runbook: merge or automate steps.',
  'rollback-not-rehearsed/untimed': 'The rollback has not been rehearsed in a way that counts: the rehearsal on {date} was not timed: add `minutes:` with how long it took.',
  'rollback-not-rehearsed/untimed/target-close': 'The rollback has not been rehearsed in a way that counts and the target is days away: the rehearsal on {date} was not timed: add `minutes:` with how long it took.',
  'rollback-not-rehearsed/untimed/target-passed': 'The rollback has not been rehearsed in a way that counts and the target date has passed: the rehearsal on {date} was not timed: add `minutes:` with how long it took.',
  'rollback-not-rehearsed/environment': 'The rollback has not been rehearsed in a way that counts: the rehearsal on {date} ran on "{environment}", not a production-like setup: rehearse on staging or a copy of production.',
  'rollback-not-rehearsed/environment/target-close': 'The rollback has not been rehearsed in a way that counts and the target is days away: the rehearsal on {date} ran on "{environment}", not a production-like setup: rehearse on staging or a copy of production.',
  'rollback-not-rehearsed/environment/target-passed': 'The rollback has not been rehearsed in a way that counts and the target date has passed: the rehearsal on {date} ran on "{environment}", not a production-like setup: rehearse on staging or a copy of production.',
  'rollback-not-rehearsed/planned': 'The rollback has not been rehearsed: the rehearsal on {date} is planned, it has not happened yet. Run it on a production-like setup, time it, and keep its date and minutes here.',
  'rollback-not-rehearsed/planned/target-close': 'The rollback has not been rehearsed and the target is days away: the rehearsal on {date} is planned, it has not happened yet. Run it on a production-like setup, time it, and keep its date and minutes here.',
  'rollback-not-rehearsed/planned/target-passed': 'The rollback has not been rehearsed and the target date has passed: the rehearsal on {date} is planned, it has not happened yet. Run it on a production-like setup, time it, and keep its date and minutes here.',
  'rollback-not-rehearsed/never': 'The rollback was never rehearsed. Run it once on a production-like setup, time it, and add it under `rehearsals:` with its date and minutes.',
  'rollback-not-rehearsed/never/target-close': 'The rollback was never rehearsed and the target is days away. Run it once on a production-like setup, time it, and add it under `rehearsals:` with its date and minutes.',
  'rollback-not-rehearsed/never/target-passed': 'The rollback was never rehearsed and the target date has passed. Run it once on a production-like setup, time it, and add it under `rehearsals:` with its date and minutes.',
  'rollback-rehearsal-stale': 'The last rehearsal was {age} ago; the limit is {limit}. The system has changed since: rehearse again.',
  'rollback-too-slow': 'The last rehearsal took {duration}; the target is {target}. Shorten or automate the slowest step, then rehearse again.',
  'migration-no-rollback': 'Task {task} migrates data but does not say how it is undone. Add `rollback:` (e.g. "down migration tested on a copy").',
  'migration-no-rollback/placeholder': 'Task {task} migrates data but its `rollback:` is still a placeholder ("{line}"). Replace it with how it is undone (e.g. "down migration tested on a copy").',
  'migration-no-rollback/no-way-back': 'Task {task} migrates data but its `rollback:` says there is no way back ("{line}"). Nothing ships that cannot be rolled back: make the migration reversible (expand/contract, a tested down migration, a restore from a copy) and write how (e.g. "down migration tested on a copy").',
});

export function checkRollback(ctx: RuleContext): void {
  checkMigrations(ctx);
  const release = ctx.release;
  const rollback = ctx.plan.rollback;
  if (!rollback) {
    if (release && !ctx.plan.present.has(ROLLBACK_FILE)) {
      ctx.report(release.source, [], 'rollback-missing', messages('rollback-missing'));
    }
    return;
  }
  const { source, data } = rollback;

  const version = data.stable?.version;
  if (version === undefined || String(version).trim() === '') {
    ctx.report(source, ['stable'], 'rollback-no-stable', messages('rollback-no-stable', { example: 'stable: { version: … }' }));
  } else if (isPlaceholder(String(version))) {
    ctx.report(source, ['stable', 'version'], 'rollback-no-stable', messages('rollback-no-stable/placeholder', { version: String(version).trim() }), { prefer: 'value' });
  }

  // A trigger whose signal is a placeholder ("TODO: …") is not agreed yet, so it is no trigger.
  const triggers = (data.triggers ?? []).map((trigger, index) => ({ trigger, index })).filter(({ trigger }) => trigger && !isPlaceholder(trigger.signal));
  if (triggers.length === 0) {
    const filled = (data.triggers ?? []).some(Boolean);
    ctx.report(source, ['triggers'], 'rollback-no-triggers', messages(filled ? 'rollback-no-triggers/placeholders' : 'rollback-no-triggers'));
  }
  for (const { trigger, index } of triggers) {
    // A placeholder threshold ("TODO: when it fires") is template text: placeholder-text says so.
    if (trigger && (trigger.threshold === undefined || String(trigger.threshold).trim() === '')) {
      ctx.report(source, ['triggers', index], 'rollback-trigger-vague', messages('rollback-trigger-vague', { signal: String(trigger.signal ?? '') }));
    }
  }

  const roles = data.roles ?? {};
  for (const role of ROLLBACK_ROLES) {
    const value = roles[role];
    const verdict = ctx.people.judge(value);
    if (verdict.kind === 'missing') {
      const message = verdict.placeholder ? messages(`rollback-role-missing/${role}/placeholder`, { placeholder: verdict.placeholder }) : messages(`rollback-role-missing/${role}`);
      // An absent role points at the `roles` key, not at the whole map of the other roles.
      ctx.report(source, value === undefined ? ['roles'] : ['roles', role], 'rollback-role-missing', message, { prefer: value === undefined ? 'key' : 'value', data: { field: role } });
    } else {
      checkPerson(ctx, source, ['roles', role], value, { kind: 'rollback-role', role }, { reportMissing: false });
    }
  }

  checkRolesOnePerson(ctx);

  const steps = (data.steps ?? []).filter((step) => typeof step === 'string' && !isPlaceholder(step));
  if (steps.length === 0) {
    const filled = (data.steps ?? []).some((step) => typeof step === 'string' && step.trim() !== '');
    ctx.report(source, ['steps'], 'rollback-no-steps', messages(filled ? 'rollback-no-steps/placeholders' : 'rollback-no-steps'));
  } else if (steps.length > ctx.limits.runbook_steps) {
    ctx.report(source, ['steps'], 'rollback-too-long', messages('rollback-too-long', { steps: counted(steps.length, 'step'), limit: ctx.limits.runbook_steps }));
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
    ctx.report(rollback.source, ['roles'], 'rollback-roles-one-person', messages('rollback-roles-one-person', { person: names[0] as string }));
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
    // Close to the target, the sentence says how close: days away, or already passed.
    const when = !close || target === undefined || today === undefined ? '' : target < today ? '/target-passed' : '/target-close';
    const severity = close ? 'error' : 'warning';
    const last = happened[happened.length - 1];
    if (last) {
      const untimed = typeof last.rehearsal?.minutes !== 'number';
      const date = String(last.rehearsal?.date);
      const message = untimed ? messages(`rollback-not-rehearsed/untimed${when}`, { date }) : messages(`rollback-not-rehearsed/environment${when}`, { date, environment: String(last.rehearsal?.environment) });
      ctx.report(source, ['rehearsals', last.index, untimed ? 'date' : 'environment'], 'rollback-not-rehearsed', message, { severity, prefer: 'value' });
    } else if (planned) {
      ctx.report(source, ['rehearsals', planned.index, 'date'], 'rollback-not-rehearsed', messages(`rollback-not-rehearsed/planned${when}`, { date: String(planned.rehearsal?.date) }), { severity, prefer: 'value' });
    } else {
      ctx.report(source, ['rehearsals'], 'rollback-not-rehearsed', messages(`rollback-not-rehearsed/never${when}`), { severity });
    }
    return;
  }

  const latest = counting[counting.length - 1];
  const latestDay = dayNumber(latest?.rehearsal?.date);
  if (latest && today !== undefined && latestDay !== undefined && today - latestDay > ctx.limits.rehearsal_age_days) {
    ctx.report(source, ['rehearsals', latest.index, 'date'], 'rollback-rehearsal-stale', messages('rollback-rehearsal-stale', { age: counted(today - latestDay, 'day'), limit: ctx.limits.rehearsal_age_days }), { prefer: 'value' });
  }
  const minutes = latest?.rehearsal?.minutes;
  if (latest && typeof data.target_minutes === 'number' && typeof minutes === 'number' && minutes > data.target_minutes) {
    ctx.report(source, ['rehearsals', latest.index, 'minutes'], 'rollback-too-slow', messages('rollback-too-slow', { duration: counted(minutes, 'minute'), target: data.target_minutes }), { prefer: 'value' });
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
    const label = taskLabel(task, index);
    const message = noWayBack ? messages('migration-no-rollback/no-way-back', { task: label, line }) : line === '' ? messages('migration-no-rollback', { task: label }) : messages('migration-no-rollback/placeholder', { task: label, line });
    ctx.report(release.source, ['tasks', index, 'risk', position], 'migration-no-rollback', message, { prefer: 'value' });
  }
}

/** A rollback line that states there is none: "none", "no rollback possible", "N/A - forward only", "irreversible". */
export function saysNoWayBack(text: string): boolean {
  return /^(?:none|no|n\/a|na|nothing)(?:\W*$|\s*[-–—:,;(])|\bno (?:rollback|roll-back|way back|down migration)\b|\b(?:irreversible|not reversible|forward[- ]only|one[- ]way)\b|\b(?:cannot|can't|can not) be (?:undone|reverted|rolled back)\b|\bnot (?:possible|supported|needed|required)\b|^(?:none|no rollback) (?:needed|required)\b|\bno need\b/i.test(text);
}

