// Generated release plans for `npm run bench` and the unit tests that check the engine's work
// grows linearly with the plan. Plain text in, so they exercise the same path as a real folder.

export const PEOPLE = ['Ana Keller', 'Bo Lindqvist', 'Chidi Okafor', 'Dana Wu', 'Emil Novak', 'Fatima Zahra', 'Goran Petrov', 'Hana Sato', 'Ines Duarte', 'Jon Eriksen', 'Kofi Mensah', 'Lea Brandt'];
const VERBS = ['Add', 'Fix', 'Show', 'Store', 'Validate', 'Export', 'Retry', 'Log', 'Cache', 'Test', 'Document', 'Migrate'];
const THINGS = ['invoice PDF', 'payment retry', 'refund button', 'tax line', 'currency rounding', 'billing address', 'receipt e-mail', 'card expiry warning', 'dunning notice', 'credit note', 'usage report', 'plan upgrade'];
const STATUSES = ['done', 'done', 'doing', 'todo', 'todo', 'blocked'];
const KINDS = ['feature', 'feature', 'fix', 'fix', 'test', 'chore', 'ops', 'feature'];

export interface ReleaseOptions {
  /**
   * A plan in trouble: most open tasks are owned by a team label and touch billing, so a check
   * gives about two findings per task (owner-team-label, scope-too-risky, scope-late-addition),
   * each with a task path.
   */
  messy?: boolean;
}

/**
 * A realistic release.yaml: comments, roles, a dry run, `taskCount` tasks with the usual mix of
 * statuses, kinds, risks, blockers and notes, and two parked items.
 */
export function releaseYaml(taskCount: number, options: ReleaseOptions = {}): string {
  const out: string[] = [];
  out.push(
    '# The current release. One release solves one customer problem.',
    'release: billing-v3',
    'problem: Customers cannot see why their invoice total changed after a plan upgrade.',
    'target: 2027-02-26',
    'backup: 2027-03-05',
    'freeze:',
    '  scope: 2027-02-12 # testing starts',
    '  features: 2027-02-01',
    'roles:',
    '  scope: Ana Keller',
    '  delivery: Bo Lindqvist',
    '  readiness: Chidi Okafor',
    '  stop: Ana Keller',
    'dry_run:',
    '  date: 2026-11-28',
    '  environment: staging',
    '  notes: deploy, migrate a copy of production, upgrade 50 test accounts, roll back',
    'tasks:',
  );
  for (let i = 0; i < taskCount; i++) {
    const id = `B-${i + 1}`;
    const title = `${VERBS[i % VERBS.length]} the ${THINGS[(i * 7) % THINGS.length]} for ${i % 3 === 0 ? 'business' : 'personal'} accounts`;
    const status = STATUSES[i % STATUSES.length] as string;
    const owner = options.messy && i % 7 !== 0 ? 'backend team' : PEOPLE[(i * 5) % PEOPLE.length];
    out.push(`  - id: ${id}`, `    title: ${title}`, `    owner: ${owner}`, `    status: ${status}`);
    out.push(`    estimate: ${[0.5, 1, 2, 3, 1, 2][i % 6]}`);
    out.push(`    kind: ${KINDS[i % KINDS.length]}`);
    if (i % 41 === 9) {
      out.push('    risk: [migration, multi-service]', '    rollback: down migration tested on a copy of production');
    } else if (options.messy || i % 17 === 3) {
      out.push('    risk: [billing]');
    }
    // In a messy plan work keeps arriving after the scope froze (2027-02-12): scope-late-addition.
    out.push(options.messy && i % 2 === 0 ? `    added: 2027-02-${String((i % 14) + 13).padStart(2, '0')}` : `    added: 2027-01-${String((i % 28) + 1).padStart(2, '0')}`);
    if (status === 'blocked') {
      out.push(`    blocker: waiting for the ${THINGS[i % THINGS.length]} API from the payments provider`, `    clears: ${PEOPLE[(i * 3 + 1) % PEOPLE.length]}`);
    }
    if (i % 5 === 2) out.push(`    notes: "Ticket BILL-${1200 + i}; see the design doc, section ${1 + (i % 9)}."`);
    if (i % 10 === 0) out.push(`  # ---- ${THINGS[i % THINGS.length]} ----`);
  }
  out.push(
    'parked:',
    '  - title: Annual billing discount',
    '    reason: a second problem; next release',
    '    asked_by: Head of Sales',
    '    told: 2026-11-20',
    '  - title: Invoice themes',
    '    reason: not the problem we solve',
    '    asked_by: Design review',
    '    told: 2026-11-21',
  );
  return `${out.join('\n')}\n`;
}

export const ROLLBACK_YAML = `stable:
  version: "2026.11.4"
  build: billing-web:2026.11.4
  config: config tag config-2026.11.4
  migrations: down migration 0210 restores the old totals table
  flags: turn off invoice_explanations
roles:
  decides: Ana Keller
  runs: Bo Lindqvist
  verifies: Chidi Okafor
triggers:
  - signal: HTTP 5xx on /billing
    threshold: "> 2% of requests"
    for: 5m
  - signal: invoice totals differ from the ledger
    threshold: any invoice
    for: 0m
steps:
  - Announce the rollback in the release channel.
  - Turn off invoice_explanations.
  - Deploy billing-web:2026.11.4 with config-2026.11.4.
  - Run down migration 0210.
  - Check that invoices load and totals match the ledger.
target_minutes: 15
rehearsals:
  - date: 2026-11-27
    environment: staging
    minutes: 12
    by: Bo Lindqvist
`;

export const TEAM_YAML = `# People who can own work.
people:
${PEOPLE.map((name) => `  - name: ${name}\n    aliases: [${name.split(' ')[0]}]`).join('\n')}
`;

export const CONFIG_YAML = `limits:
  open_tasks: 5000
rules:
  problem-vague: warning
`;

/** The day before `day` (YYYY-MM-DD), in UTC. */
function dayBefore(day: string, back: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - back);
  return date.toISOString().slice(0, 10);
}

/**
 * A `.release/` folder as the editor reads it: release.yaml, rollback.yaml, team.yaml, config.yaml,
 * one check-in a day for `checkins` days up to `today`, and a go/no-go record every two weeks.
 */
export function planFiles(taskCount: number, options: ReleaseOptions & { checkins?: number; today?: string } = {}): Map<string, string> {
  const today = options.today ?? '2026-12-01';
  const files = new Map<string, string>([
    ['.release/release.yaml', releaseYaml(taskCount, options)],
    ['.release/rollback.yaml', ROLLBACK_YAML],
    ['.release/team.yaml', TEAM_YAML],
    ['.release/config.yaml', CONFIG_YAML],
  ]);
  const days = options.checkins ?? 0;
  for (let back = days - 1; back >= 0; back--) {
    const day = dayBefore(today, back);
    files.set(
      `.release/checkins/${day}.yaml`,
      `# Check-in of ${day}.\nshipped:\n  - B-${back + 1} is merged\n  - B-${back + 2} passed review\nblocks:\n  - what: waiting for the sandbox keys of the payments provider\n    clears: ${PEOPLE[back % PEOPLE.length]}\nnotes: the usual, nothing new\n`,
    );
    if (back % 14 === 7) {
      files.set(`.release/gonogo/${day}.yaml`, `decision: no-go\ndecided_by: Ana Keller\nreason: the rollback was not rehearsed yet\nanswers:\n  - id: dry-run\n    answer: no\n    evidence: staging was down\n`);
    }
  }
  return files;
}

/** `text` with task `index`'s title changed (one edit, as a keystroke in the editor makes). */
export function editTitle(text: string, index: number, suffix: string): string {
  const marker = `  - id: B-${index + 1}\n    title: `;
  const at = text.indexOf(marker);
  if (at === -1) throw new Error(`no task B-${index + 1}`);
  const lineEnd = text.indexOf('\n', at + marker.length);
  return `${text.slice(0, lineEnd)}${suffix}${text.slice(lineEnd)}`;
}
