/**
 * Dashboard states for the webview tests and the render benchmark, built at test time from the
 * real engine (checkPlan + dashboardState), never from hand-written JSON that could drift.
 */
import { readPlanFiles } from '../../src/cli/files';
import { checkPlan } from '../../src/core/engine';
import { planTimeline, type Truncation } from '../../src/core/timeline';
import { dashboardState } from '../../src/shared/dashboardState';
import type { DashboardState, HistoryNote } from '../../src/shared/protocol';

export const TODAY = '2099-03-16';

export function stateFromFiles(files: Record<string, string>, generation = 1, folder = '/work/synthetic'): DashboardState {
  return dashboardState(folder, checkPlan(new Map(Object.entries(files)), { today: TODAY }), generation);
}

export async function exampleState(name: 'messy' | 'clean' | 'draft', generation = 1): Promise<DashboardState> {
  const folder = new URL(`../../examples/${name}`, import.meta.url).pathname;
  return dashboardState(folder, checkPlan(await readPlanFiles(folder), { today: TODAY }), generation);
}

/**
 * An example's state after its release.yaml changed (a teammate's edit, a `git pull`): same
 * folder, so the dashboard takes it as the next state of the plan it shows.
 */
export async function editedExampleState(name: 'messy' | 'clean' | 'draft', generation: number, edit: (releaseYaml: string) => string): Promise<DashboardState> {
  const folder = new URL(`../../examples/${name}`, import.meta.url).pathname;
  const files = await readPlanFiles(folder);
  const release = files.get('.release/release.yaml');
  if (release === undefined) throw new Error(`examples/${name} has no .release/release.yaml`);
  const edited = edit(release);
  if (edited === release) throw new Error('the edit changed nothing');
  files.set('.release/release.yaml', edited);
  return dashboardState(folder, checkPlan(files, { today: TODAY }), generation);
}

const PEOPLE = ['Ana Keller', 'Bo Lindqvist', 'Chidi Okafor', 'Dana Wu', 'Erik Sand', 'Fatima Zahra', 'Goran Ilic', 'Hana Sato'];

const TEAM = `people:\n${PEOPLE.map((p) => `  - name: ${p}`).join('\n')}\n`;

const ROLLBACK = `stable:
  version: "2099.02.3"
roles:
  decides: Ana Keller
  runs: Bo Lindqvist
  verifies: Chidi Okafor
triggers:
  - signal: HTTP 5xx rate
    threshold: "> 2%"
    for: 5m
steps:
  - Turn off the flag.
  - Deploy the stable version.
  - Check the page loads.
target_minutes: 15
rehearsals:
  - date: 2099-01-20
    minutes: 42
    by: Bo Lindqvist
  - date: 2099-02-05
    minutes: 31
    by: Bo Lindqvist
  - date: 2099-02-19
    minutes: 22
    by: Chidi Okafor
  - date: 2099-03-02
    minutes: 17
    by: Bo Lindqvist
  - date: 2099-03-12
    minutes: 12
    by: Bo Lindqvist
`;

const STATUSES = ['todo', 'doing', 'blocked', 'done'] as const;
const KINDS = ['feature', 'fix', 'chore', 'test', 'ops'] as const;

/**
 * A plan with `n` tasks spread over eight people, statuses, kinds and risks. `reassign`: the task
 * at that index gets another owner (the same plan after a teammate's edit).
 */
export function bigPlan(n: number, generation = 1, { reassign }: { reassign?: number } = {}): DashboardState {
  const tasks: string[] = [];
  for (let i = 0; i < n; i++) {
    const status = STATUSES[i % 4]!;
    tasks.push(
      [
        `  - id: T-${i + 1}`,
        `    title: Task number ${i + 1} of the release, with a realistic title length`,
        i % 17 === 5 && i !== reassign ? '' : `    owner: ${PEOPLE[(i + (i === reassign ? 3 : 0)) % PEOPLE.length]}`,
        `    status: ${status}`,
        `    estimate: ${(i % 5) + 1}`,
        `    kind: ${KINDS[i % KINDS.length]}`,
        i % 11 === 3 ? '    risk: [billing]' : '',
        status === 'blocked' ? `    blocker: Waiting for the vendor\n    clears: ${PEOPLE[(i + 1) % PEOPLE.length]}` : '',
        '    added: 2099-02-10',
      ]
        .filter(Boolean)
        .join('\n'),
    );
  }
  const release = `release: big-${n}
problem: Customers cannot download their invoices as PDF.
target: 2099-03-27
backup: 2099-04-03
freeze:
  scope: 2099-03-06
  features: 2099-02-27
roles:
  scope: Ana Keller
  delivery: Bo Lindqvist
  readiness: Chidi Okafor
  stop: Dana Wu
dry_run:
  date: 2099-03-13
  environment: staging
tasks:
${tasks.join('\n')}
parked:
  - title: CSV export
    reason: Not the problem we solve.
    asked_by: Erik Sand
    told: 2099-03-01
`;
  return stateFromFiles({ '.release/release.yaml': release, '.release/team.yaml': TEAM, '.release/rollback.yaml': ROLLBACK }, generation, `/work/big-${n}`);
}

/** Strings that would run script or render markup if the webview treated plan text as HTML. */
export const XSS = {
  script: '<script>window.__xss = "script"; alert(1)</script>',
  img: '<img src=x onerror="window.__xss = \'img\'; alert(1)">',
  link: 'javascript:alert(1)',
  markdownLink: '[Click me](javascript:window.__xss=1)',
  template: "{{constructor.constructor('window.__xss = 1; alert(1)')()}}",
  svg: '<svg onload="window.__xss = \'svg\'"></svg>',
  entity: '&lt;b&gt;not bold&lt;/b&gt; & <b>bold?</b>',
} as const;

const q = (s: string) => JSON.stringify(s); // a YAML double-quoted scalar is a JSON string

export function xssPlan(generation = 1): DashboardState {
  const release = `release: ${q(XSS.script)}
problem: ${q(`${XSS.img} ${XSS.template}`)}
target: 2099-03-27
backup: 2099-04-03
freeze:
  scope: 2099-03-06
  features: 2099-02-27
roles:
  scope: ${q(XSS.svg)}
  delivery: Bo Lindqvist
  readiness: Chidi Okafor
  stop: Dana Wu
tasks:
  - id: ${q(XSS.img)}
    title: ${q(XSS.script)}
    owner: ${q(XSS.img)}
    status: todo
    estimate: 2
  - id: X-2
    title: ${q(XSS.markdownLink)}
    owner: ${q(XSS.template)}
    status: blocked
    blocker: ${q(XSS.entity)}
    clears: Bo Lindqvist
    estimate: 1
  - id: X-3
    title: ${q(XSS.link)}
    owner: Bo Lindqvist
    status: doing
    estimate: 1
parked:
  - title: ${q(XSS.template)}
    reason: ${q(XSS.img)}
    asked_by: ${q(XSS.link)}
`;
  return stateFromFiles({ '.release/release.yaml': release, '.release/team.yaml': TEAM, '.release/rollback.yaml': ROLLBACK }, generation, `/work/${XSS.script}`);
}

export function zeroTaskPlan(generation = 1): DashboardState {
  const release = `release: empty-start
problem: Customers cannot download their invoices as PDF.
target: 2099-03-27
backup: 2099-04-03
roles:
  scope: Ana Keller
  delivery: Bo Lindqvist
  readiness: Chidi Okafor
  stop: Dana Wu
tasks: []
`;
  return stateFromFiles({ '.release/release.yaml': release, '.release/team.yaml': TEAM }, generation, '/work/empty');
}

/** The reason a veto records; markup in it must stay text. */
export const VETO_REASON = 'the <b>payment</b> provider reports an outage';

/** A plan whose questions may pass but whose stop owner recorded no-go the day before TODAY. */
export function vetoPlan(generation = 1): DashboardState {
  const release = `release: vetoed-v1
problem: Customers cannot download their invoices as PDF.
target: 2099-03-27
backup: 2099-04-03
roles:
  scope: Ana Keller
  delivery: Bo Lindqvist
  readiness: Chidi Okafor
  stop: Dana Wu
tasks:
  - id: V-1
    title: PDF export endpoint
    owner: Bo Lindqvist
    status: doing
    estimate: 2
`;
  const record = `decision: no-go\ndecided_by: Dana Wu\nreason: ${q(VETO_REASON)}\n`;
  return stateFromFiles({ '.release/release.yaml': release, '.release/team.yaml': TEAM, '.release/rollback.yaml': ROLLBACK, '.release/gonogo/2099-03-15.yaml': record }, generation, '/work/vetoed');
}

export function brokenPlan(): DashboardState {
  return stateFromFiles({ '.release/release.yaml': 'release: broken\ntasks:\n  - title: [unclosed\n  owner: : :\nproblem: "never closed\n' }, 1, '/work/broken');
}

export function noPlan(): DashboardState {
  return dashboardState('/work/nothing-here', undefined, 0);
}

/** A past release.yaml under history/: dates in 2098, `shipped:` as given, and anything extra. */
function pastRelease(name: string, target: string, backup: string, shipped: string, outcome: string, extra = '', dated = true): string {
  return `release: ${q(name)}
problem: Customers cannot download their invoices as PDF.
target: ${target}
backup: ${backup}
freeze:
  scope: ${target.slice(0, 8)}01
roles:
  scope: Ana Keller
  delivery: Bo Lindqvist
  readiness: Chidi Okafor
  stop: Ana Keller
tasks:
  - id: P-1
    title: The work
    owner: Bo Lindqvist
    status: done
${dated ? `    added: ${target.slice(0, 8)}01\n` : ''}    estimate: 3
${extra}shipped:
  date: ${shipped}
  outcome: ${outcome}
  version: "${target.slice(2, 4)}.${Number(target.slice(5, 7))}.0"
`;
}

const rehearsed = (date: string, minutes: number) => `rehearsals:\n  - date: ${date}\n    environment: staging\n    minutes: ${minutes}\n`;

/**
 * Three past releases under .release/history/ — a rescue that slipped by 7 days (one task added
 * after the freeze), one on time, one rolled back; rehearsal minutes 40 → 25 → 15; a blocker
 * reported in the first two (`blockers`) — next to examples/clean. `shipped`: the current release
 * has gone out today too. `name`: the rescue's name (and then the blocker's text).
 */
export async function historyState(
  generation = 1,
  { shipped = false, name = 'billing-v2', blockers = true, undated = false, firstTarget }: { shipped?: boolean; name?: string; blockers?: boolean; /** login-v3's task without `added:` */ undated?: boolean; /** The current release's first committed target (its git history: one commit with it, one with today's) */ firstTarget?: string } = {},
): Promise<DashboardState> {
  const folder = new URL('../../examples/clean', import.meta.url).pathname;
  const files = await readPlanFiles(folder);
  const late = `  - id: P-2\n    title: A late ask\n    owner: Bo Lindqvist\n    status: done\n    added: 2098-06-05\n    estimate: 2\n`;
  files.set('.release/history/billing-v2/release.yaml', pastRelease(name, '2098-06-12', '2098-06-19', '2098-06-19', 'shipped', `${late}rescue: true\n`));
  files.set('.release/history/billing-v2/rollback.yaml', rehearsed('2098-06-10', 40));
  files.set('.release/history/billing-v2/review.yaml', 'pattern: Sales asks on Friday and nobody says no.\n');
  files.set('.release/history/login-v3/release.yaml', pastRelease('login-v3', '2098-10-02', '2098-10-09', '2098-10-02', 'shipped', '', !undated));
  files.set('.release/history/login-v3/rollback.yaml', rehearsed('2098-09-28', 25));
  files.set('.release/history/search-v3/release.yaml', pastRelease('search-v3', '2098-12-04', '2098-12-11', '2098-12-04', 'rolled-back'));
  files.set('.release/history/search-v3/rollback.yaml', rehearsed('2098-12-01', 15));
  if (blockers) {
    // The same blocker in two releases (a recurring one), and one reported once (not recurring).
    files.set('.release/history/billing-v2/checkins/2098-06-08.yaml', `blocks:\n  - what: ${q(name === 'billing-v2' ? 'Staging database is down' : name)}\n    clears: Bo Lindqvist\n`);
    files.set('.release/history/login-v3/checkins/2098-09-29.yaml', `blocks:\n  - what: ${q(name === 'billing-v2' ? 'staging database is down.' : name)}\n  - what: VPN certificate expired\n`);
  }
  if (shipped) {
    const release = files.get('.release/release.yaml');
    if (release === undefined) throw new Error('examples/clean has no release.yaml');
    files.set('.release/release.yaml', `${release}\nshipped:\n  date: ${TODAY}\n  outcome: shipped\n  version: 1.5.0\n`);
  }
  const current = files.get('.release/release.yaml') ?? '';
  const timeline =
    firstTarget === undefined
      ? undefined
      : planTimeline([
          { commit: 'a'.repeat(40), author: 'Ana Keller', date: '2099-02-01', text: current.replace(/^target: .*$/m, `target: ${firstTarget}`) },
          { commit: 'b'.repeat(40), author: 'Ana Keller', date: '2099-03-01', text: current },
        ]);
  return dashboardState(folder, checkPlan(files, { today: TODAY, ...(timeline ? { timeline } : {}) }), generation);
}

/**
 * examples/clean with a git history (as the extension reads it): Ana Keller starts the plan on
 * 2099-02-16 with every task open, Bo Lindqvist adds `title` (PDF-9) on 2099-03-05 — after the
 * scope freeze of 2099-03-02 — and the plan as committed on 2099-03-10 is the example as it is.
 * `uncommitted`: the working text has one more open task than the last commit. `note`: what the
 * host says about Git when there is no history (`history: false`).
 */
export async function scopeState(generation = 1, { title = 'SSO for admins', uncommitted = false, history = true, note, truncated }: { title?: string; uncommitted?: boolean; history?: boolean; note?: HistoryNote; truncated?: Truncation } = {}): Promise<DashboardState> {
  const folder = new URL('../../examples/clean', import.meta.url).pathname;
  const files = await readPlanFiles(folder);
  const release = files.get('.release/release.yaml');
  if (release === undefined || !release.includes('\n# Work cut from this release.')) throw new Error('examples/clean changed; update scopeState');
  const addTask = (text: string, id: string, name: string, estimate: number) => text.replace('\n# Work cut from this release.', `  - id: ${id}\n    title: ${q(name)}\n    owner: Bo Lindqvist\n    status: todo\n    estimate: ${estimate}\n\n# Work cut from this release.`);
  const started = release.replace(/status: done/g, 'status: todo');
  const late = addTask(started, 'PDF-9', title, 3);
  const now = addTask(release, 'PDF-9', title, 3);
  const timeline = planTimeline([
    { commit: 'a'.repeat(40), author: 'Ana Keller', date: '2099-02-16', text: started },
    { commit: 'b'.repeat(40), author: 'Bo Lindqvist', date: '2099-03-05', text: late },
    { commit: 'c'.repeat(40), author: 'Chidi Okafor', date: '2099-03-10', text: now },
  ], truncated);
  files.set('.release/release.yaml', uncommitted ? addTask(now, 'PDF-10', 'One more ask', 1) : now);
  return dashboardState(folder, checkPlan(files, { today: TODAY, ...(history ? { timeline } : {}) }), generation, folder, note);
}
