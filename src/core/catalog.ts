import type { Severity } from './types';

export type RuleFamily = 'ownership' | 'scope' | 'dates' | 'rollback' | 'communication' | 'review' | 'files';

export interface RuleInfo {
  family: RuleFamily;
  severity: Severity;
  summary: string;
}

/**
 * Every code the engine can report, with its default severity. Codes are stable: docs, quick fixes
 * and users' `config.yaml` overrides refer to them. docs/rules.md has one section per code.
 */
export const RULES = {
  'owner-missing': { family: 'ownership', severity: 'error', summary: 'A task has no owner.' },
  'owner-team-label': { family: 'ownership', severity: 'error', summary: 'An owner names a group ("backend team", "QA"), not a person.' },
  'owner-multiple': { family: 'ownership', severity: 'error', summary: 'An owner names several people ("Ana and Bo", "Ana/Bo", a list).' },
  'owner-unknown': { family: 'ownership', severity: 'warning', summary: 'An owner is not in team.yaml (names and aliases count).' },
  'role-missing': { family: 'ownership', severity: 'error', summary: 'A release role (scope, delivery, readiness, stop) has nobody.' },
  'roles-one-person': { family: 'ownership', severity: 'warning', summary: 'Scope, delivery and readiness are all one person.' },
  'task-blocked-unowned': { family: 'ownership', severity: 'warning', summary: 'A blocked task names nobody who clears the blocker (an error from 3 days before target).' },
  'owner-overloaded': { family: 'ownership', severity: 'warning', summary: 'A person has more open tasks, or more estimated days, than fit before target.' },
  'problem-missing': { family: 'scope', severity: 'error', summary: 'The release does not state the customer problem it solves.' },
  'problem-not-one-sentence': { family: 'scope', severity: 'warning', summary: 'The problem statement is more than one sentence.' },
  'problem-vague': { family: 'scope', severity: 'warning', summary: 'The problem names no customer-visible outcome.' },
  'problem-too-broad': { family: 'scope', severity: 'warning', summary: 'The problem statement lists several outcomes.' },
  'scope-too-many-tasks': { family: 'scope', severity: 'warning', summary: 'More open tasks than the limit.' },
  'scope-too-risky': { family: 'scope', severity: 'warning', summary: 'More open risky tasks than the limit.' },
  'scope-refactor': { family: 'scope', severity: 'warning', summary: 'A refactor is in the release.' },
  'scope-late-addition': { family: 'scope', severity: 'warning', summary: 'A task was added after the scope freeze.' },
  'scope-added-unknown': { family: 'scope', severity: 'info', summary: 'A freeze has passed and nothing tells when some tasks joined (no `added:`, no commit in the plan\'s history).' },
  'scope-over-capacity': { family: 'scope', severity: 'warning', summary: 'Open estimates exceed the working days the team has left.' },
  'date-target-missing': { family: 'dates', severity: 'error', summary: 'The release has no target date.' },
  'date-backup-missing': { family: 'dates', severity: 'warning', summary: 'The release has no backup date.' },
  'date-backup-before-target': { family: 'dates', severity: 'error', summary: 'The backup date is not after the target date.' },
  'date-target-passed': { family: 'dates', severity: 'warning', summary: 'The target date has passed.' },
  'plan-churn': { family: 'dates', severity: 'warning', summary: 'The target date moved more than once in this release (from the plan\'s git history).' },
  'date-invalid': { family: 'dates', severity: 'error', summary: 'A date is not a real YYYY-MM-DD date.' },
  'rollback-missing': { family: 'rollback', severity: 'error', summary: 'There is no rollback.yaml.' },
  'rollback-no-stable': { family: 'rollback', severity: 'error', summary: 'The runbook does not name the stable version to go back to.' },
  'rollback-no-triggers': { family: 'rollback', severity: 'error', summary: 'The runbook has no agreed triggers.' },
  'rollback-trigger-vague': { family: 'rollback', severity: 'warning', summary: 'A trigger has no threshold.' },
  'rollback-role-missing': { family: 'rollback', severity: 'error', summary: 'A rollback role (decides, runs, verifies) has nobody.' },
  'rollback-roles-one-person': { family: 'rollback', severity: 'warning', summary: 'One person decides, runs and verifies the rollback.' },
  'rollback-no-steps': { family: 'rollback', severity: 'error', summary: 'The runbook has no steps.' },
  'rollback-too-long': { family: 'rollback', severity: 'warning', summary: 'The runbook has more steps than the limit.' },
  'rollback-not-rehearsed': { family: 'rollback', severity: 'warning', summary: 'The rollback was never rehearsed (an error from 3 days before target).' },
  'rollback-rehearsal-stale': { family: 'rollback', severity: 'warning', summary: 'The last rehearsal is older than the limit.' },
  'rollback-too-slow': { family: 'rollback', severity: 'warning', summary: 'The last rehearsal took longer than target_minutes.' },
  'migration-no-rollback': { family: 'rollback', severity: 'error', summary: 'A migration task does not say how it is undone.' },
  'parked-not-told': { family: 'communication', severity: 'warning', summary: 'Stakeholders were not told about parked work.' },
  'checkin-block-unowned': { family: 'communication', severity: 'warning', summary: 'A block in a check-in has no one person who clears it.' },
  'checkin-stale': { family: 'communication', severity: 'info', summary: 'Work is open but the daily check-in stopped.' },
  'launch-watch': { family: 'communication', severity: 'info', summary: 'The release went out: who is on watch until the day after, and the rollback triggers to act on.' },
  'review-missing': { family: 'review', severity: 'warning', summary: 'The release went out 3 working days ago or more and there is no post-release review (review.yaml).' },
  'review-not-one-sentence': { family: 'review', severity: 'warning', summary: 'A review answer that should be one sentence (the pattern, what changed, why it worked, why scope grew) is more.' },
  'blocker-recurring': { family: 'review', severity: 'info', summary: 'The same blocker was reported on two or more days, or in two or more releases.' },
  'rhythm-owner-changed': { family: 'review', severity: 'info', summary: 'Within the two releases after a rescue, the release-readiness owner or the rollback check changed.' },
  'config-unknown-rule': { family: 'files', severity: 'warning', summary: 'config.yaml names a rule code that does not exist.' },
  'file-unreadable': { family: 'files', severity: 'error', summary: 'A plan file exists but cannot be read (permissions, a folder in its place, not UTF-8).' },
  'file-misnamed': { family: 'files', severity: 'error', summary: 'A plan file has a name Release Plan does not read (e.g. rollback.yml, Team.yaml): it is ignored until renamed.' },
  'placeholder-text': { family: 'files', severity: 'error', summary: 'A field still holds template text (TODO, TBD, <…>) that no other rule reports.' },
  'yaml-syntax': { family: 'files', severity: 'error', summary: 'The file is not valid YAML.' },
  'file-too-large': { family: 'files', severity: 'error', summary: 'The file is too large to check (over 2 MB).' },
  schema: { family: 'files', severity: 'error', summary: 'A field has the wrong type, a bad value, or is unknown.' },
  'task-id-duplicate': { family: 'files', severity: 'error', summary: 'Two tasks share an id.' },
} as const satisfies Record<string, RuleInfo>;

export type RuleCode = keyof typeof RULES;

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

export function isRuleCode(code: string): code is RuleCode {
  return Object.hasOwn(RULES, code);
}
