import { addDays } from './dates';
import { placeholderFor } from './placeholder';

/**
 * The files `release-plan init` and "Create Release Plan" write: a commented plan that reads as the
 * to-do list for filling it in. Every field only a person can fill (the problem, the people, the
 * stable version, the triggers, the steps) holds a placeholder the rules flag, so `check` fails
 * (exit 1) and each finding names the field — never invented people or an invented problem that
 * would pass as real. No team.yaml: a placeholder team would turn the real owners a team writes in
 * later into owner-unknown findings. Dates are relative to `today` so a new plan is not stale.
 */
export function scaffoldFiles(today: string): Map<string, string> {
  const target = addDays(today, 21);
  const backup = addDays(today, 28);
  const freeze = addDays(today, 14);
  return new Map([
    ['.release/release.yaml', releaseTemplate(today, target, backup, freeze)],
    ['.release/rollback.yaml', rollbackTemplate()],
  ]);
}

/** A YAML double-quoted scalar: placeholders contain ": ", which plain YAML would misread. */
const todo = (what: string) => JSON.stringify(placeholderFor(what));

function releaseTemplate(today: string, target: string, backup: string, freeze: string): string {
  return `# The current release. One release solves one customer problem.
# Replace every "TODO: …" below; \`release-plan check\` (or VS Code with the Release Plan extension)
# lists each one that is left, so the plan is done when check passes.
release: my-release-v1
# One sentence, from the customer's side, e.g. "Customers cannot export their invoices as PDF."
problem: ${todo('the one customer problem this release solves, in one sentence')}
# One target date and one backup date after it.
target: ${target}
backup: ${backup}
freeze:
  # Testing starts: tasks added after this day are late.
  scope: ${freeze}
  # No new features after this day.
  features: ${today}
# One named person each ("the backend team" is not a person). "stop" may stop the release.
roles:
  scope: ${todo('the one person who decides what is in scope')}
  delivery: ${todo('the one person who gets the work delivered')}
  readiness: ${todo('the one person who says the release is ready')}
  stop: ${todo('the one person who may stop the release')}
# The release path tested as one chain (production-like, staging, laptop, other).
# dry_run:
#   date: ${today}
#   environment: staging
#   notes: deploy, migrate, smoke test, roll back
# Every task has exactly one named owner. status: todo, doing, blocked (with blocker: and
# clears:), done. kind: feature, fix, chore, test, ops. risk: migration, billing, permissions,
# multi-service (a migration also needs rollback: saying how it is undone).
tasks:
  - id: T1
    title: ${todo('the first piece of work')}
    owner: ${todo('one person')}
    status: todo
    estimate: 1 # working days
    kind: feature
# Work cut from this release. Tell whoever asked for it, then set told to the date, e.g.
#   - title: CSV export
#     reason: not the problem we solve
#     asked_by: Head of Sales
#     told: ${today}
parked: []
# Optional: list the people who can own work in .release/team.yaml (name, aliases, capacity) so
# misspelled owners are caught; see docs/rules.md.
`;
}

function rollbackTemplate(): string {
  return `# How to get back to the last known good version. Keep it short and rehearse it.
# Replace every "TODO: …"; \`release-plan check\` lists each one that is left.
stable:
  version: ${todo('the last known good version, e.g. 1.4.2')}
  # build: the previous release artifact
  # config: the config of the previous release
  # migrations: none
  # flags: turn off the new feature flags
# One person each: one decides, one runs, another verifies.
roles:
  decides: ${todo('the one person who decides to roll back')}
  runs: ${todo('the one person who runs the rollback')}
  verifies: ${todo('the one person who checks users are back on the stable version')}
# Agreed before launch: when any of these holds, we roll back.
# e.g. signal: error rate, threshold: "> 2% of requests", for: 5m
triggers:
  - signal: ${todo('what you watch, e.g. error rate')}
    threshold: ${todo('when it fires, e.g. > 2% of requests')}
    for: 5m
# In order, in plain language, e.g. "Redeploy the stable version."
steps:
  - ${todo('the first step, e.g. announce the rollback in the release channel')}
# The recovery time the team aims for, in minutes.
target_minutes: 15
# Appended by "Release Plan: Stop Rollback Rehearsal" (date, minutes, by, environment).
rehearsals: []
`;
}

/** The rollback.yaml template alone, for the "create rollback.yaml" quick fix. */
export function rollbackScaffold(): string {
  return rollbackTemplate();
}
