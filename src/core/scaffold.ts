import { addDays } from './dates';

/**
 * The files `release-plan init` and "Create Release Plan" write: a realistic, commented plan a
 * team edits rather than a blank form. Dates are relative to `today` so a new plan is not stale.
 */
export function scaffoldFiles(today: string): Map<string, string> {
  const target = addDays(today, 21);
  const backup = addDays(today, 28);
  const freeze = addDays(today, 14);
  return new Map([
    ['.release/release.yaml', releaseTemplate(today, target, backup, freeze)],
    ['.release/rollback.yaml', rollbackTemplate()],
    ['.release/team.yaml', teamTemplate()],
  ]);
}

function releaseTemplate(today: string, target: string, backup: string, freeze: string): string {
  return `# The current release. One release solves one customer problem.
# Check it with release-plan check, or open the folder in VS Code with the Release Plan extension.
release: my-release-v1
# One sentence, from the customer's side.
problem: Customers cannot export their invoices as PDF.
# One target date and one backup date after it.
target: ${target}
backup: ${backup}
freeze:
  # Testing starts: tasks added after this day are late.
  scope: ${freeze}
  features: ${today}
# One person each. "stop" may stop the release.
roles:
  scope: Ana
  delivery: Bo
  readiness: Cy
  stop: Ana
# The release path tested as one chain (production-like, staging, laptop, other).
# dry_run:
#   date: ${today}
#   environment: staging
#   notes: deploy, migrate, smoke test, roll back
tasks:
  - id: T1
    title: PDF export endpoint
    owner: Bo
    status: todo
    estimate: 3
    kind: feature
  - id: T2
    title: Download button on the invoice page
    owner: Cy
    status: todo
    estimate: 1
# Work cut from this release. Tell whoever asked for it, then set told to the date.
parked: []
`;
}

function rollbackTemplate(): string {
  return `# How to get back to the last known good version. Keep it short and rehearse it.
stable:
  version: "1.0.0"
  build: the previous release artifact
  config: the config of the previous release
  migrations: none
  flags: turn off the new feature flags
roles:
  decides: Ana
  runs: Bo
  verifies: Cy
# Agreed before launch: when any of these holds, we roll back.
triggers:
  - signal: error rate
    threshold: "> 2% of requests"
    for: 5m
  - signal: failed payments
    threshold: "> 5 in a row"
    for: 1m
# In order, in plain language.
steps:
  - Announce the rollback in the release channel.
  - Redeploy the stable version.
  - Turn off the new feature flags.
  - Check that users are back on the stable version.
# The recovery time the team aims for, in minutes.
target_minutes: 15
# Appended by "Release Plan: Stop Rollback Rehearsal".
rehearsals: []
`;
}

function teamTemplate(): string {
  return `# People who can own work. Owners must be one of these (aliases count).
people:
  - name: Ana
    aliases: [ana.k]
  - name: Bo
  - name: Cy
    capacity: 3 # days per week on this release
`;
}

/** The rollback.yaml template alone, for the "create rollback.yaml" quick fix. */
export function rollbackScaffold(): string {
  return rollbackTemplate();
}
