import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { planTimeline } from '../../src/core/timeline';
import { gitRunner, readPlanVersions } from '../../src/cli/git';
import { extensionGitRunner } from '../../src/extension/gitRun';
import { parseBatch } from '../../src/core/gitLog';
import { freshDirEach, io, writePlan } from './cli-io';
import { CLEAN_CHECKIN, CLEAN_CHECKIN_FILE, CLEAN_RELEASE_UNDATED, CLEAN_ROLLBACK, releaseWith } from './helpers';

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
const V1 = releaseWith('target: 2026-12-18', 'target: 2026-12-10', CLEAN_RELEASE_UNDATED);
const V2 = releaseWith(PARKED, `${T3}${PARKED}`, releaseWith('target: 2026-12-18', 'target: 2026-12-14', CLEAN_RELEASE_UNDATED));
const V3 = releaseWith(PARKED, `${T3}${T4}${PARKED}`, CLEAN_RELEASE_UNDATED);
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

  /** A plan (freeze.scope 2026-12-10) started on main by Ana; returns the first commit. */
  async function started(sub = '.'): Promise<string> {
    git(dir, ['init', '-q']);
    await writePlan(join(dir, sub), { 'release.yaml': V1, 'rollback.yaml': ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN, 'checkins/2026-12-13.yaml': CLEAN_CHECKIN });
    return commit(dir, 'Ana Lima', '2026-11-20', 'Start the plan');
  }

  it('reads the main line across a --no-ff merge: the branch’s change comes in the merge, by the person who merged it (repro g3)', async () => {
    const c1 = await started();
    // On a branch, Bo adds T4 after the scope froze; meanwhile on main Cy moves the target.
    git(dir, ['checkout', '-q', '-b', 'late-task']);
    await writePlan(dir, { 'release.yaml': releaseWith(PARKED, `${T4}${PARKED}`, V1) });
    commit(dir, 'Bo Chen', '2026-12-11', 'Add T4');
    git(dir, ['checkout', '-q', 'main']);
    await writePlan(dir, { 'release.yaml': releaseWith('target: 2026-12-10', 'target: 2026-12-18', V1) });
    const c2 = commit(dir, 'Cy Diaz', '2026-12-05', 'Move the target');
    const at = '2026-12-12T10:00:00Z';
    git(dir, ['merge', '-q', '--no-ff', '-m', 'Merge late-task', 'late-task'], { GIT_AUTHOR_NAME: 'Mia Merger', GIT_AUTHOR_EMAIL: 'mia@example.com', GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
    const merge = git(dir, ['rev-parse', 'HEAD']).trim();
    const cap = io(dir);
    assert.equal(await run(['history'], cap), 0);
    assert.deepEqual(cap.stdout, [
      `2026-11-20  Ana Lima    started the plan with task T1 "PDF export endpoint"  (commit ${short(c1)})`,
      `2026-11-20  Ana Lima    started the plan with task T2 "Download button"  (commit ${short(c1)})`,
      `2026-12-05  Cy Diaz     moved the target from 2026-12-10 to 2026-12-18  (commit ${short(c2)})`,
      `2026-12-12  Mia Merger  added task T4 "Export as CSV too" after the scope froze (freeze.scope)  (merged in commit ${short(merge)})`,
      'release-plan: 4 changes in 3 versions of .release/release.yaml (release invoices-v1).',
    ]);
    const checked = io(dir);
    assert.equal(await run(['check', '--today', TODAY], checked), 0);
    assert.deepEqual(checked.stdout, [
      `.release/release.yaml:27:9: warning scope-late-addition: Task T4 was merged in on 2026-12-12 by Mia Merger (merge commit ${short(merge)}), after the scope froze on 2026-12-10 (freeze.scope). Park it, or have the scope owner trade it for something of equal size.`,
      `release-plan: 0 errors, 1 warning in ${dir} (checked as of ${TODAY}).`,
    ]);
    const read = await readPlanVersions(dir);
    assert.ok(read.ok);
    assert.deepEqual(read.versions.map((version) => [version.commit, version.author, version.date, version.merge]), [
      [c1, 'Ana Lima', '2026-11-20', undefined],
      [c2, 'Cy Diaz', '2026-12-05', undefined],
      [merge, 'Mia Merger', '2026-12-12', true],
    ]);
  });

  it('reads a fast-forward merge as the branch’s own commits, by their authors', async () => {
    const c1 = await started();
    git(dir, ['checkout', '-q', '-b', 'moves']);
    await writePlan(dir, { 'release.yaml': V2 });
    const c2 = commit(dir, 'Bo Chen', '2026-11-25', 'Move the target, add T3');
    await writePlan(dir, { 'release.yaml': V3 });
    const c3 = commit(dir, 'Cy Diaz', '2026-12-12', 'Move the target again, add T4');
    git(dir, ['checkout', '-q', 'main']);
    git(dir, ['merge', '-q', '--ff-only', 'moves']);
    const read = await readPlanVersions(dir);
    assert.ok(read.ok);
    assert.deepEqual(read.versions.map((version) => [version.commit, version.author, version.date, version.merge]), [
      [c1, 'Ana Lima', '2026-11-20', undefined],
      [c2, 'Bo Chen', '2026-11-25', undefined],
      [c3, 'Cy Diaz', '2026-12-12', undefined],
    ]);
    const cap = io(dir);
    assert.equal(await run(['check', '--today', TODAY], cap), 0);
    assert.match(cap.stdout[0] ?? '', /warning plan-churn: The target date moved 2 times in this release, last from 2026-12-14 to 2026-12-18 on 2026-12-12 by Cy Diaz\./);
  });

  it('reads plans in folders named projekt-ü, with a space and with a quote, and follows renames between them (repro g7)', async () => {
    const names = ['projekt-ü', 'my plan', 'say "hi"'];
    const c1 = await started(names[0]);
    await writePlan(join(dir, names[0] as string), { 'release.yaml': V2 });
    const c2 = commit(dir, 'Bo Chen', '2026-11-25', 'Move the target, add T3');
    for (const name of names) {
      const cap = io(dir);
      if (name !== names[0]) {
        git(dir, ['mv', names[names.indexOf(name) - 1] as string, name]);
        commit(dir, 'Dee Park', '2026-11-30', `Rename the folder to ${name}`);
      }
      assert.equal(await run(['history', name], cap), 0);
      assert.deepEqual(cap.stdout, [
        `2026-11-20  Ana Lima  started the plan with task T1 "PDF export endpoint"  (commit ${short(c1)})`,
        `2026-11-20  Ana Lima  started the plan with task T2 "Download button"  (commit ${short(c1)})`,
        `2026-11-25  Bo Chen   added task T3 "Retry failed exports"  (commit ${short(c2)})`,
        `2026-11-25  Bo Chen   moved the target from 2026-12-10 to 2026-12-14  (commit ${short(c2)})`,
        `release-plan: 4 changes in 2 versions of ${name}/.release/release.yaml (release invoices-v1).`,
      ]);
    }
    // A change in the last folder is read too, and the check sees the two moves.
    await writePlan(join(dir, names[2] as string), { 'release.yaml': V3 });
    commit(dir, 'Cy Diaz', '2026-12-12', 'Move the target again, add T4');
    const checked = io(dir);
    assert.equal(await run(['check', names[2] as string, '--today', TODAY], checked), 0);
    assert.match(checked.stdout[0] ?? '', /warning plan-churn: The target date moved 2 times in this release/);
  });

  it('dates a change by the day the main line got it: the committer’s own day, whatever the author date or the viewer’s time zone (repros g4, rv2/ff)', async () => {
    await started();
    await writePlan(dir, { 'release.yaml': V2 });
    git(dir, ['add', '-A']);
    // Written on 2026-12-01, rebased onto main at 23:30 in California on 2026-12-10 (2026-12-11 in UTC and in Tokyo).
    git(dir, ['commit', '-q', '-m', 'Late evening', '--author=Bo Chen <bo@example.com>'], { GIT_AUTHOR_DATE: '2026-12-01T09:00:00+01:00', GIT_COMMITTER_DATE: '2026-12-10T23:30:00-08:00', TZ: 'Asia/Tokyo' });
    const read = await readPlanVersions(dir);
    assert.ok(read.ok);
    assert.deepEqual(read.versions.map((version) => [version.author, version.date]), [
      ['Ana Lima', '2026-11-20'],
      ['Bo Chen', '2026-12-10'],
    ]);
  });

  it('a pure rename of the plan’s folder is no version of its own; a deleted plan starts afresh when it comes back', async () => {
    const c1 = await started('old');
    git(dir, ['mv', 'old', 'new']);
    commit(dir, 'Dee Park', '2026-11-30', 'Rename only');
    git(dir, ['rm', '-q', '-r', 'new/.release/release.yaml']);
    const gone = commit(dir, 'Ed Ruiz', '2026-12-01', 'Drop the plan');
    await writePlan(join(dir, 'new'), { 'release.yaml': V2 });
    const back = commit(dir, 'Fay Wu', '2026-12-02', 'A new plan');
    const read = await readPlanVersions(join(dir, 'new'));
    assert.ok(read.ok);
    assert.deepEqual(read.versions.map((version) => [version.commit, version.text === '' ? 'deleted' : 'text']), [
      [c1, 'text'],
      [gone, 'deleted'],
      [back, 'text'],
    ]);
    const timeline = planTimeline(read.versions);
    assert.deepEqual(timeline.points.map((point) => point.commit), [back]);
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

  it('check --no-git, and a plan git has never seen, claim no history: after the freeze they say the tasks cannot be dated, and go/no-go needs an answer (never GO)', async () => {
    await history();
    // Without the history nothing dates T1…T4 (no `added:`): T4 joined after the scope froze, which only git knows.
    const undated = (root: string) => [
      `.release/release.yaml:6:10: info scope-added-unknown: The plan cannot tell whether scope grew after it froze on 2026-12-10 (freeze.scope): 4 tasks (T1, T2, T3, T4) have no valid \`added:\` date, and no commit in the plan's history dates them. Write the day each joined the release as \`added:\`.`,
      '    .release/release.yaml:17:9: Task T1 has no valid `added:` date.',
      '    .release/release.yaml:22:9: Task T2 has no valid `added:` date.',
      '    .release/release.yaml:27:9: Task T3 has no valid `added:` date.',
      '    .release/release.yaml:31:9: Task T4 has no valid `added:` date.',
      `release-plan: 0 errors, 0 warnings, 1 info in ${root} (checked as of ${TODAY}).`,
    ];
    const cap = io(dir);
    assert.equal(await run(['check', '--today', TODAY, '--no-git'], cap), 0);
    assert.deepEqual(cap.stdout, undated(dir));
    const gonogo = io(dir);
    assert.equal(await run(['gonogo', '--today', TODAY, '--no-git'], gonogo), 1);
    assert.match(gonogo.stdout.join('\n'), /^1\. \[\?\?\?\?\] Does this release solve one specific customer problem\?\n {5}The plan cannot tell whether scope grew after it froze on 2026-12-10 \(freeze\.scope\): 4 tasks \(T1, T2, T3, T4\)/m);
    assert.match(gonogo.stdout.join('\n'), /^Recommendation: NO-GO until every question is answered/m);
    const plain = join(dir, 'outside');
    await mkdir(plain);
    await writePlan(plain, { 'release.yaml': V3, 'rollback.yaml': ROLLBACK, 'checkins/2026-12-13.yaml': CLEAN_CHECKIN });
    // Not a repository of its own, but inside `dir`'s: git finds the outer repository, where this plan was never committed.
    const inner = io(plain);
    assert.equal(await run(['check', '--today', TODAY], inner), 0);
    assert.deepEqual(inner.stdout, undated(plain));
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
    await writePlan(dir, { 'release.yaml': CLEAN_RELEASE_UNDATED });
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
      // check does not need git: it checks the plan as it is, and says what it cannot tell without the history.
      await writePlan(dir, { 'rollback.yaml': ROLLBACK, 'checkins/2026-12-13.yaml': CLEAN_CHECKIN });
      const checked = io(dir);
      assert.equal(await run(['check', '--today', TODAY], checked), 0);
      assert.deepEqual(checked.stdout, [
        `.release/release.yaml:6:10: info scope-added-unknown: The plan cannot tell whether scope grew after it froze on 2026-12-10 (freeze.scope): 2 tasks (T1, T2) have no valid \`added:\` date, and no commit in the plan's history dates them. Write the day each joined the release as \`added:\`.`,
        '    .release/release.yaml:17:9: Task T1 has no valid `added:` date.',
        '    .release/release.yaml:22:9: Task T2 has no valid `added:` date.',
        `release-plan: 0 errors, 0 warnings, 1 info in ${dir} (checked as of ${TODAY}).`,
      ]);
    } finally {
      process.env.PATH = path;
    }
  });

  it('history of a repository without the plan committed says so; a folder that does not exist exits 2; --no-git is for check, gonogo and mcp', async () => {
    git(dir, ['init', '-q']);
    await writePlan(dir, { 'release.yaml': CLEAN_RELEASE_UNDATED });
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

  it('a commit that adds a task and pushes back a freeze already passed: the freeze move is listed and the task is late against the old freeze (repro rv2/frz)', async () => {
    await started();
    await writePlan(dir, { 'release.yaml': releaseWith('  scope: 2026-12-10', '  scope: 2026-12-20', releaseWith(PARKED, `${T4}${PARKED}`, V1)) });
    const c2 = commit(dir, 'Bo Chen', '2026-12-12', 'Add T4, push the freeze');
    const cap = io(dir);
    assert.equal(await run(['history'], cap), 0);
    assert.deepEqual(cap.stdout.slice(2), [
      `2026-12-12  Bo Chen   added task T4 "Export as CSV too" after the scope froze (freeze.scope)  (commit ${short(c2)})`,
      `2026-12-12  Bo Chen   moved freeze.scope from 2026-12-10 to 2026-12-20  (commit ${short(c2)})`,
      'release-plan: 4 changes in 2 versions of .release/release.yaml (release invoices-v1).',
    ]);
    const checked = io(dir);
    await run(['check', '--today', TODAY], checked);
    const late = checked.stdout.filter((line) => line.includes('scope-late-addition'));
    assert.equal(late.length, 1);
    assert.equal(late[0]?.replace(/^\.release\/release\.yaml:\d+:\d+: /, ''), `warning scope-late-addition: Task T4 was added on 2026-12-12 by Bo Chen (commit ${short(c2)}), after the scope froze on 2026-12-10 (freeze.scope). Park it, or have the scope owner trade it for something of equal size.`);
  });

  it('history in a folder without .release/: the same usage error as every command (exit 2)', async () => {
    git(dir, ['init', '-q']);
    await writeFile(join(dir, 'README.md'), 'no plan here\n');
    commit(dir, 'Ana Lima', '2026-11-20', 'Readme');
    const cap = io(dir);
    assert.equal(await run(['history'], cap), 2);
    assert.deepEqual([cap.stdout, cap.stderr], [[], ['release-plan: no .release/ folder in the current folder. Run `release-plan init` to create one.']]);
  });

  describe('.release in another repository (issue 11, review 2, repro rv2/super)', () => {
    /** A repository in `<dir>/plans` whose release.yaml (at its top, or in .release/) went V1 → V2; returns its commits. */
    async function plans(top = false): Promise<[string, string, string]> {
      const repo = join(dir, 'plans');
      await mkdir(repo);
      git(repo, ['init', '-q']);
      const write = (text: string) => (top ? writeFile(join(repo, 'release.yaml'), text) : writePlan(repo, { 'release.yaml': text }));
      await write(V1);
      const c1 = commit(repo, 'Ana Lima', '2026-11-20', 'Start the plan');
      await write(V2);
      const c2 = commit(repo, 'Bo Chen', '2026-11-25', 'Move the target');
      return [repo, c1, c2];
    }

    it('a submodule: the history is read from the repository that holds the file', async () => {
      const [repo, c1, c2] = await plans(true);
      const app = join(dir, 'app');
      await mkdir(app);
      git(app, ['init', '-q']);
      await writeFile(join(app, 'README.md'), 'app\n');
      commit(app, 'Dee Park', '2026-11-21', 'App');
      git(app, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', repo, '.release']);
      commit(app, 'Dee Park', '2026-11-26', 'The plan as a submodule');
      const read = await readPlanVersions(app);
      assert.ok(read.ok);
      assert.equal(read.path, 'release.yaml');
      assert.deepEqual(read.versions.map((version) => [version.commit, version.author]), [
        [c1, 'Ana Lima'],
        [c2, 'Bo Chen'],
      ]);
      const cap = io(app);
      assert.equal(await run(['history'], cap), 0);
      assert.equal(cap.stdout.at(-1), 'release-plan: 4 changes in 2 versions of release.yaml (release invoices-v1).');
    });

    it('a link: .release pointing into another repository is read there', async () => {
      const [repo, c1, c2] = await plans();
      const app = join(dir, 'app');
      await mkdir(app);
      git(app, ['init', '-q']);
      await symlink(join(repo, '.release'), join(app, '.release'));
      const read = await readPlanVersions(app);
      assert.ok(read.ok);
      assert.equal(read.path, '.release/release.yaml');
      assert.deepEqual(read.versions.map((version) => version.commit), [c1, c2]);
    });
  });

  describe('no network, no prompt (issue 11, review 2)', () => {
    it('both runners run git with lazy fetching off, no terminal prompt, no askpass helper, no credential manager prompt, English messages', async () => {
      const fake = join(dir, 'fake-git');
      await writeFile(fake, '#!/bin/sh\nprintf \'%s|%s|%s|%s|%s|%s\' "$GIT_NO_LAZY_FETCH" "$GIT_TERMINAL_PROMPT" "${GIT_ASKPASS-unset}" "$GCM_INTERACTIVE" "$LC_ALL" "$GIT_OPTIONAL_LOCKS"\n');
      await chmod(fake, 0o755);
      const env = { GIT_ASKPASS: '/usr/bin/ask', GIT_TERMINAL_PROMPT: '1', LC_ALL: 'de_DE.UTF-8' };
      const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
      Object.assign(process.env, env);
      try {
        for (const runner of [gitRunner(fake, dir), extensionGitRunner(fake, dir)]) {
          assert.equal(Buffer.from(await runner(['version'])).toString('utf8'), '1|0||never|C|0');
        }
      } finally {
        for (const [key, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      }
    });

    it('a partial clone: a version whose text is not here is unknown, never fetched and never an emptied file (repro rv2/partial2)', async () => {
      const origin = join(dir, 'origin');
      await mkdir(origin);
      const previous = dir;
      dir = origin;
      let c3: string | undefined;
      try {
        [, , c3] = await history();
      } finally {
        dir = previous;
      }
      git(origin, ['config', 'uploadpack.allowFilter', 'true']);
      const clone = join(dir, 'clone');
      git(dir, ['clone', '-q', '--filter=blob:none', `file://${origin}`, clone]);
      const read = await readPlanVersions(clone);
      assert.ok(read.ok);
      assert.deepEqual(read.versions.map((version) => [version.commit, version.text]), [[c3, V3]]);
      assert.deepEqual(read.truncated, { reason: 'missing', commit: c3, date: '2026-12-12', read: 1 });
      // Nothing was fetched: the older texts are still not in the clone.
      const v2 = git(origin, ['rev-parse', 'HEAD~2:.release/release.yaml']).trim();
      assert.throws(() => execFileSync('git', ['cat-file', '-e', v2], { cwd: clone, stdio: 'ignore', env: { ...process.env, GIT_NO_LAZY_FETCH: '1' } }));
      const timeline = planTimeline(read.versions, read.truncated);
      assert.equal(timeline.release, 'invoices-v1');
      assert.deepEqual(timeline.origins, []);
      assert.equal(timeline.truncated?.reason, 'missing');
    });

    it('parseBatch: a missing object is null, one cut short or never printed is null, one that is not text is undefined', () => {
      const bytes = (text: string) => new TextEncoder().encode(text);
      assert.deepEqual(parseBatch(bytes(`${'a'.repeat(40)} blob 3\nabc\n${'b'.repeat(40)} missing\n${'c'.repeat(40)} tree 2\nxy\n`), 4), ['abc', null, undefined, null]);
      assert.deepEqual(parseBatch(bytes(`${'a'.repeat(40)} blob 10\nabc`), 1), [null]);
    });
  });

  describe('a cut-off history (issue 11, review 2)', () => {
    it('a shallow clone: the oldest version read is the reading’s start, not the plan’s; check and history say so (repro rv2/shallow)', async () => {
      const origin = join(dir, 'origin');
      await mkdir(origin);
      const previous = dir;
      dir = origin;
      try {
        await history();
      } finally {
        dir = previous;
      }
      const clone = join(dir, 'clone');
      git(dir, ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
      const head = git(clone, ['rev-parse', 'HEAD']).trim();
      const read = await readPlanVersions(clone);
      assert.ok(read.ok);
      assert.deepEqual(read.truncated, { reason: 'shallow', commit: head, date: '2026-12-12', read: 1 });
      const cap = io(clone);
      assert.equal(await run(['history'], cap), 0);
      assert.deepEqual(cap.stdout, [
        `The history before 2026-12-12 (commit ${short(head)}) is not in this clone (a shallow clone): the tasks and dates of that version are where the reading starts, not where the plan started. Fetch the whole history (git fetch --unshallow; in CI, fetch-depth: 0).`,
        'release-plan: 0 changes in 1 version of .release/release.yaml (release invoices-v1).',
      ]);
      // T4 joined after the freeze, but the clone cannot tell when: no late addition from git.
      const checked = io(clone);
      await run(['check', '--today', TODAY, '--format', 'json'], checked);
      assert.equal((JSON.parse(checked.stdout.join('\n')) as { diagnostics: { code: string }[] }).diagnostics.filter((finding) => finding.code === 'scope-late-addition').length, 0);
      const full = io(origin);
      await run(['check', '--today', TODAY, '--format', 'json'], full);
      assert.equal((JSON.parse(full.stdout.join('\n')) as { diagnostics: { code: string }[] }).diagnostics.filter((finding) => finding.code === 'scope-late-addition').length, 1);
      // The full history is not cut off.
      const whole = await readPlanVersions(origin);
      assert.ok(whole.ok);
      assert.equal(whole.truncated, undefined);
    });

    it('a shallow clone deep enough to hold the plan’s first commit is whole', async () => {
      const origin = join(dir, 'origin');
      await mkdir(origin);
      git(origin, ['init', '-q']);
      await writePlan(origin, { 'release.yaml': V1 });
      commit(origin, 'Ana Lima', '2026-11-20', 'Start the plan');
      const clone = join(dir, 'clone');
      git(dir, ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
      assert.equal(git(clone, ['rev-parse', '--is-shallow-repository']).trim(), 'true');
      const read = await readPlanVersions(clone);
      assert.ok(read.ok);
      assert.equal(read.truncated, undefined);
      assert.deepEqual(planTimeline(read.versions, read.truncated).origins.map((origin) => origin.initial), [true, true]);
    });

    it('more versions than the limit: the newest are read and the rest is said to be beyond them', async () => {
      const [, c2, c3] = await history();
      const read = await readPlanVersions(dir, 2);
      assert.ok(read.ok);
      assert.deepEqual(read.versions.map((version) => version.commit), [c2, c3]);
      assert.deepEqual(read.truncated, { reason: 'limit', commit: c2, date: '2026-11-25', read: 2 });
      const exact = await readPlanVersions(dir, 3);
      assert.ok(exact.ok);
      assert.equal(exact.truncated, undefined);
      assert.equal(exact.versions.length, 3);
    });
  });
});
