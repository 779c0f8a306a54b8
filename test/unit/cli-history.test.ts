import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { planTimeline } from '../../src/core/timeline';
import { readPlanVersions } from '../../src/cli/git';
import { freshDirEach, io, writePlan } from './cli-io';
import { CLEAN_CHECKIN, CLEAN_CHECKIN_FILE, CLEAN_RELEASE, CLEAN_ROLLBACK, releaseWith } from './helpers';

/** Runs git in `cwd` with a fixed identity and no user or system configuration. */
function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'user.name=Test Committer', '-c', 'user.email=committer@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env },
  });
}

/** Commits everything in `repo` as `author` on `date` (author and committer dates), and returns the commit's hash. */
function commit(repo: string, author: string, date: string, message: string): string {
  const at = `${date}T10:00:00Z`;
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', message, `--author=${author} <${author.split(' ')[0]?.toLowerCase()}@example.com>`], { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
  return git(repo, ['rev-parse', 'HEAD']).trim();
}

const T3 = '  - id: T3\n    title: Retry failed exports\n    owner: Bo\n    estimate: 1\n';
const T4 = '  - id: T4\n    title: Export as CSV too\n    owner: Cy\n    estimate: 1\n';
const PARKED = 'parked:\n';
const V1 = releaseWith('target: 2026-12-18', 'target: 2026-12-10');
const V2 = releaseWith(PARKED, `${T3}${PARKED}`, releaseWith('target: 2026-12-18', 'target: 2026-12-14'));
const V3 = releaseWith(PARKED, `${T3}${T4}${PARKED}`);
const TODAY = '2026-12-14';
/** Rehearsed recently as of TODAY (no rollback-rehearsal-stale). */
const ROLLBACK = CLEAN_ROLLBACK.replace('date: 2026-11-27', 'date: 2026-12-10');

describe('release-plan history and check with git (a real repository)', () => {
  let dir: string;
  freshDirEach('release-plan-git-', (fresh) => (dir = fresh));

  /** A repository in `dir` whose plan (in `sub`) was started by Ana, moved by Bo and moved again, with a late task, by Cy. */
  async function history(sub = '.'): Promise<string[]> {
    git(dir, ['init', '-q']);
    const folder = join(dir, sub);
    await writePlan(folder, { 'release.yaml': V1, 'rollback.yaml': ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN, 'checkins/2026-12-13.yaml': CLEAN_CHECKIN });
    const c1 = commit(dir, 'Ana Lima', '2026-11-20', 'Start the plan');
    await writePlan(folder, { 'release.yaml': V2 });
    const c2 = commit(dir, 'Bo Chen', '2026-11-25', 'Move the target, add T3');
    await writeFile(join(dir, 'README.md'), 'not the plan\n');
    commit(dir, 'Dee Park', '2026-11-30', 'Unrelated change');
    await writePlan(folder, { 'release.yaml': V3 });
    const c3 = commit(dir, 'Cy Diaz', '2026-12-12', 'Move the target again, add T4');
    return [c1, c2, c3];
  }

  const short = (hash: string | undefined) => (hash ?? '').slice(0, 7);

  it('history prints one line per change: date, author, what, commit', async () => {
    const [c1, c2, c3] = await history();
    const cap = io(dir);
    assert.equal(await run(['history'], cap), 0);
    assert.deepEqual(cap.stderr, []);
    assert.deepEqual(cap.stdout, [
      `2026-11-20  Ana Lima  started the plan with task T1 "PDF export endpoint"  (commit ${short(c1)})`,
      `2026-11-20  Ana Lima  started the plan with task T2 "Download button"  (commit ${short(c1)})`,
      `2026-11-25  Bo Chen   added task T3 "Retry failed exports"  (commit ${short(c2)})`,
      `2026-11-25  Bo Chen   moved the target from 2026-12-10 to 2026-12-14  (commit ${short(c2)})`,
      `2026-12-12  Cy Diaz   added task T4 "Export as CSV too" after the scope froze (freeze.scope)  (commit ${short(c3)})`,
      `2026-12-12  Cy Diaz   moved the target from 2026-12-14 to 2026-12-18  (commit ${short(c3)})`,
      'release-plan: 6 changes in 3 versions of .release/release.yaml (release invoices-v1).',
    ]);
  });

  it('history --format json gives the timeline of the committed versions, oldest first', async () => {
    const [c1, c2, c3] = await history('app');
    const cap = io(dir);
    assert.equal(await run(['history', 'app', '--format', 'json'], cap), 0);
    const out = JSON.parse(cap.stdout.join('\n'));
    assert.equal(out.file, 'app/.release/release.yaml');
    assert.equal(out.versions, 3);
    assert.equal(out.release, 'invoices-v1');
    const expected = planTimeline([
      { commit: c1 as string, author: 'Ana Lima', date: '2026-11-20', text: V1 },
      { commit: c2 as string, author: 'Bo Chen', date: '2026-11-25', text: V2 },
      { commit: c3 as string, author: 'Cy Diaz', date: '2026-12-12', text: V3 },
    ]);
    assert.deepEqual({ events: out.events, points: out.points, origins: out.origins }, { events: expected.events, points: expected.points, origins: expected.origins });
  });

  it('follows the plan through a rename of its folder (git log --follow)', async () => {
    const [c1, c2] = await history('old');
    git(dir, ['mv', 'old', 'new']);
    await writePlan(join(dir, 'new'), { 'release.yaml': releaseWith('target: 2026-12-18', 'target: 2026-12-21', V3) });
    const c4 = commit(dir, 'Ed Ruiz', '2026-12-13', 'Rename the folder, move the target');
    const read = await readPlanVersions(join(dir, 'new'));
    assert.ok(read.ok);
    assert.deepEqual(
      read.versions.map((version) => [version.commit, version.author, version.date]),
      [
        [c1, 'Ana Lima', '2026-11-20'],
        [c2, 'Bo Chen', '2026-11-25'],
        [read.versions[2]?.commit, 'Cy Diaz', '2026-12-12'],
        [c4, 'Ed Ruiz', '2026-12-13'],
      ],
    );
    assert.equal(read.versions[0]?.text, V1);
  });

  it('check reads the history: plan-churn with each move as an indented line, and who added a late task', async () => {
    const [, c2, c3] = await history();
    const cap = io(dir);
    assert.equal(await run(['check', '--today', TODAY], cap), 0);
    assert.deepEqual(cap.stderr, []);
    assert.deepEqual(cap.stdout, [
      '.release/release.yaml:3:9: warning plan-churn: The target date moved 2 times in this release, last from 2026-12-14 to 2026-12-18 on 2026-12-12 by Cy Diaz. A date that keeps moving is not a commitment: cut scope to fit this one and hold it.',
      `    .release/release.yaml:3:9: Moved from 2026-12-10 to 2026-12-14 on 2026-11-25 by Bo Chen (commit ${short(c2)}).`,
      `    .release/release.yaml:3:9: Moved from 2026-12-14 to 2026-12-18 on 2026-12-12 by Cy Diaz (commit ${short(c3)}).`,
      `.release/release.yaml:31:9: warning scope-late-addition: Task T4 was added on 2026-12-12 by Cy Diaz (commit ${short(c3)}), after the scope froze on 2026-12-10 (freeze.scope). Park it, or have the scope owner trade it for something of equal size.`,
      `release-plan: 0 errors, 2 warnings in ${dir} (checked as of ${TODAY}).`,
    ]);
  });

  it('on a terminal, each move is an indented line under its finding; gonogo reads the history too (--no-git does not)', async () => {
    const [, c2, c3] = await history();
    const tty = { ...io(dir), isTTY: true, env: { NO_COLOR: '1' } };
    assert.equal(await run(['check', '--today', TODAY], tty), 0);
    assert.deepEqual(tty.stdout.slice(0, 5), [
      '.release/release.yaml',
      '  3:9   warning  The target date moved 2 times in this release, last from 2026-12-14 to 2026-12-18 on 2026-12-12 by Cy Diaz. A date that keeps moving is not a commitment: cut scope to fit this one and hold it.  plan-churn',
      `                 3:9 Moved from 2026-12-10 to 2026-12-14 on 2026-11-25 by Bo Chen (commit ${short(c2)}).`,
      `                 3:9 Moved from 2026-12-14 to 2026-12-18 on 2026-12-12 by Cy Diaz (commit ${short(c3)}).`,
      `  31:9  warning  Task T4 was added on 2026-12-12 by Cy Diaz (commit ${short(c3)}), after the scope froze on 2026-12-10 (freeze.scope). Park it, or have the scope owner trade it for something of equal size.  scope-late-addition`,
    ]);
    const gonogo = io(dir);
    await run(['gonogo', '--today', TODAY], gonogo);
    assert.ok(gonogo.stdout.includes('     .release/release.yaml:31:9 scope-late-addition'), gonogo.stdout.join('\n'));
    const without = io(dir);
    await run(['gonogo', '--today', TODAY, '--no-git'], without);
    assert.ok(!without.stdout.some((line) => line.includes('scope-late-addition')), without.stdout.join('\n'));
  });

  it('check --no-git, and a plan git has never seen, claim no history', async () => {
    await history();
    const cap = io(dir);
    assert.equal(await run(['check', '--today', TODAY, '--no-git'], cap), 0);
    assert.deepEqual(cap.stdout, [`release-plan: no problems in ${dir} (checked as of ${TODAY}).`]);
    const plain = join(dir, 'outside');
    await mkdir(plain);
    await writePlan(plain, { 'release.yaml': V3, 'rollback.yaml': ROLLBACK, 'checkins/2026-12-13.yaml': CLEAN_CHECKIN });
    // Not a repository of its own, but inside `dir`'s: git finds the outer repository, where this plan was never committed.
    const inner = io(plain);
    assert.equal(await run(['check', '--today', TODAY], inner), 0);
    assert.deepEqual(inner.stdout, [`release-plan: no problems in ${plain} (checked as of ${TODAY}).`]);
  });

  it('sarif gives each move as a related location; github and markdown list them with the finding', async () => {
    const [, c2, c3] = await history();
    const sarif = io(dir);
    assert.equal(await run(['check', '--today', TODAY, '--format', 'sarif'], sarif), 0);
    const results = JSON.parse(sarif.stdout.join('\n')).runs[0].results as { ruleId: string; relatedLocations?: unknown }[];
    const region = { startLine: 3, startColumn: 9, endLine: 3, endColumn: 19 };
    assert.deepEqual(results.find((result) => result.ruleId === 'plan-churn')?.relatedLocations, [
      { id: 0, physicalLocation: { artifactLocation: { uri: '.release/release.yaml', uriBaseId: '%SRCROOT%' }, region }, message: { text: `Moved from 2026-12-10 to 2026-12-14 on 2026-11-25 by Bo Chen (commit ${short(c2)}).` } },
      { id: 1, physicalLocation: { artifactLocation: { uri: '.release/release.yaml', uriBaseId: '%SRCROOT%' }, region }, message: { text: `Moved from 2026-12-14 to 2026-12-18 on 2026-12-12 by Cy Diaz (commit ${short(c3)}).` } },
    ]);
    assert.equal(results.find((result) => result.ruleId === 'scope-late-addition')?.relatedLocations, undefined);

    const github = io(dir);
    assert.equal(await run(['check', '--today', TODAY, '--format', 'github'], github), 0);
    assert.equal(
      github.stdout[0],
      `::warning file=.release/release.yaml,line=3,col=9,endLine=3,endColumn=19,title=plan-churn::The target date moved 2 times in this release, last from 2026-12-14 to 2026-12-18 on 2026-12-12 by Cy Diaz. A date that keeps moving is not a commitment: cut scope to fit this one and hold it.%0A- Moved from 2026-12-10 to 2026-12-14 on 2026-11-25 by Bo Chen (commit ${short(c2)}).%0A- Moved from 2026-12-14 to 2026-12-18 on 2026-12-12 by Cy Diaz (commit ${short(c3)}).`,
    );

    const markdown = io(dir);
    assert.equal(await run(['check', '--today', TODAY, '--format', 'markdown'], markdown), 0);
    assert.ok(markdown.stdout.join('\n').includes(`cut scope to fit this one and hold it.<br>↳ Moved from 2026-12-10 to 2026-12-14 on 2026-11-25 by Bo Chen (commit ${short(c2)}).<br>↳ Moved from`));
  });

  it('history outside a git repository (or without git) exits 2 with a clear message', async () => {
    await writePlan(dir, { 'release.yaml': CLEAN_RELEASE });
    const cap = io(dir);
    assert.equal(await run(['history', '.'], cap), 2);
    assert.deepEqual(cap.stdout, []);
    assert.deepEqual(cap.stderr, ['release-plan: the current folder is not inside a git repository: history reads the committed versions of .release/release.yaml from git. Run it in the repository that holds the plan (or `git init` and commit the plan).']);

    const path = process.env.PATH;
    process.env.PATH = join(dir, 'no-git-here');
    try {
      const none = io(dir);
      assert.equal(await run(['history'], none), 2);
      assert.deepEqual(none.stderr, ['release-plan: git is not installed (or not on PATH), so the plan’s history cannot be read: history reads the committed versions of .release/release.yaml from git.']);
      // check does not need git: it checks the plan as it is.
      await writePlan(dir, { 'rollback.yaml': ROLLBACK, 'checkins/2026-12-13.yaml': CLEAN_CHECKIN });
      const checked = io(dir);
      assert.equal(await run(['check', '--today', TODAY], checked), 0);
      assert.deepEqual(checked.stdout, [`release-plan: no problems in ${dir} (checked as of ${TODAY}).`]);
    } finally {
      process.env.PATH = path;
    }
  });

  it('history of a repository without the plan committed says so; a folder that does not exist exits 2; --no-git is for check, gonogo and mcp', async () => {
    git(dir, ['init', '-q']);
    await writePlan(dir, { 'release.yaml': CLEAN_RELEASE });
    const cap = io(dir);
    assert.equal(await run(['history'], cap), 0);
    assert.deepEqual(cap.stdout, ['No committed version of .release/release.yaml yet: its history starts with the first commit of the plan.']);
    const missing = io(dir);
    assert.equal(await run(['history', 'nowhere'], missing), 2);
    assert.deepEqual(missing.stderr, ['release-plan: nowhere does not exist. Give the folder that holds .release/.']);
    const usage = io(dir);
    assert.equal(await run(['history', '--no-git'], usage), 2);
    assert.match(usage.stderr[0] ?? '', /^release-plan: --no-git applies to the check, gonogo and mcp commands only\./);
    const format = io(dir);
    assert.equal(await run(['history', '--format', 'sarif'], format), 2);
  });
});
