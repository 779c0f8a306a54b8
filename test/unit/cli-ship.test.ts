import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { io, writePlan } from './cli-io';
import { CLEAN_CHECKIN, CLEAN_CHECKIN_FILE, CLEAN_RELEASE, CLEAN_ROLLBACK, releaseWith } from './helpers';

/** The clean release with comments, to see that ship keeps them. */
const COMMENTED = `# Our release: one problem, one date.\n${releaseWith('target: 2026-12-18\n', 'target: 2026-12-18 # agreed with sales\n')}# parked work is told\n`;
const SHIPPED_BLOCK = 'shipped:\n  date: 2026-12-18\n  outcome: shipped\n  version: 1.5.0\n';

describe('release-plan ship', () => {
  let dir: string;
  const releaseFile = () => join(dir, '.release', 'release.yaml');
  const releaseText = () => readFile(releaseFile(), 'utf8');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'release-plan-ship-'));
    await writePlan(dir, { 'release.yaml': COMMENTED, 'rollback.yaml': CLEAN_ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN });
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes shipped: into release.yaml, comments kept, and says what the checks do now', async () => {
    const cap = io(dir);
    assert.equal(await run(['ship', '.', '--outcome', 'shipped', '--date', '2026-12-18', '--version', '1.5.0', '--today', '2026-12-19'], cap), 0);
    assert.deepEqual(cap.stderr, []);
    assert.deepEqual(cap.stdout, [
      'Recorded in .release/release.yaml: invoices-v1 shipped 1.5.0 on 2026-12-18.',
      'After-launch mode: until the end of 2026-12-19 the owners stay on watch and the rollback rules still apply (`release-plan check` lists who is on watch and the triggers); no capacity, freeze or target-date warnings. After that the release is history.',
    ]);
    // Added after the last top-level key (the parked list), before the closing comment.
    assert.equal(await releaseText(), COMMENTED.replace('# parked work is told\n', `${SHIPPED_BLOCK}# parked work is told\n`));

    const checked = io(dir);
    assert.equal(await run(['check', '.', '--today', '2026-12-19'], checked), 0);
    const lines = checked.stdout.join('\n');
    assert.match(lines, /^\.release\/release\.yaml:\d+:1: info launch-watch: Shipped 1\.5\.0 on 2026-12-18\. On watch until the end of 2026-12-19: Ana \(scope\), Bo \(delivery\), Cy \(readiness\) and Ana \(may stop the release\); for a rollback, Ana decides, Bo runs it and Cy verifies\. Roll back as soon as a trigger fires: error rate > 2% for 5m\.$/m);
    assert.doesNotMatch(lines, /date-target-passed/);

    const gonogo = io(dir);
    assert.equal(await run(['gonogo', '.', '--today', '2026-12-19'], gonogo), 1);
    assert.deepEqual(gonogo.stdout, ['Shipped 1.5.0 on 2026-12-18: the go/no-go is history and is not asked again.', 'Recommendation: none, the release went out (as of 2026-12-19).']);
  });

  it('--date defaults to today (--today, else the clock); --version is optional', async () => {
    const cap = io(dir, '2026-12-18T09:00:00Z');
    assert.equal(await run(['ship', dir, '--outcome', 'shipped'], cap), 0);
    assert.equal(cap.stdout[0], 'Recorded in .release/release.yaml: invoices-v1 shipped on 2026-12-18.');
    assert.match(await releaseText(), /\nshipped:\n {2}date: 2026-12-18\n {2}outcome: shipped\n# parked work is told\n$/);
  });

  it('a rollback, a slip and a launch dated after today each say what the checks do now', async () => {
    const rolled = io(dir);
    assert.equal(await run(['ship', '--outcome', 'rolled-back', '--date', '2026-11-20', '--version', '1.5.0', '--today', '2026-12-01'], rolled), 0);
    assert.deepEqual(rolled.stdout, ['Recorded in .release/release.yaml: invoices-v1 1.5.0 was rolled back on 2026-11-20.', 'The watch ended on 2026-11-21: the release is history, and only its files are checked (syntax, schema, dates, task ids).']);

    await writePlan(dir, { 'release.yaml': CLEAN_RELEASE });
    const slipped = io(dir);
    assert.equal(await run(['ship', '--outcome', 'slipped', '--today', '2026-12-19'], slipped), 0);
    assert.deepEqual(slipped.stdout, ['Recorded in .release/release.yaml: invoices-v1 slipped on 2026-12-19.', 'Nothing went out, so the plan is checked as before: agree a new target and backup date and tell stakeholders.']);
    const checked = io(dir);
    await run(['check', '--today', '2026-12-19'], checked);
    assert.match(checked.stdout.join('\n'), /warning date-target-passed/);

    await writePlan(dir, { 'release.yaml': CLEAN_RELEASE });
    const planned = io(dir);
    assert.equal(await run(['ship', '--outcome', 'shipped', '--date', '2026-12-18', '--today', '2026-12-01'], planned), 0);
    assert.equal(planned.stdout[1], '2026-12-18 is after today (2026-12-01): until that day the plan is checked as before.');
  });

  it('the same record again is nothing to do (exit 0, file untouched)', async () => {
    await writePlan(dir, { 'release.yaml': `${CLEAN_RELEASE}${SHIPPED_BLOCK}` });
    const cap = io(dir);
    assert.equal(await run(['ship', '--outcome', 'shipped', '--date', '2026-12-18', '--version', '1.5.0'], cap), 0);
    assert.deepEqual(cap.stdout, ['Nothing to do: .release/release.yaml already records that invoices-v1 shipped 1.5.0 on 2026-12-18.']);
    assert.equal(await releaseText(), `${CLEAN_RELEASE}${SHIPPED_BLOCK}`);
  });

  it('refuses another outcome already recorded: exit 2, file untouched', async () => {
    await writePlan(dir, { 'release.yaml': `${CLEAN_RELEASE}${SHIPPED_BLOCK}` });
    const cap = io(dir);
    assert.equal(await run(['ship', '--outcome', 'rolled-back', '--date', '2026-12-18'], cap), 2);
    assert.deepEqual(cap.stdout, []);
    assert.deepEqual(cap.stderr, ['release-plan: could not edit .release/release.yaml: it already says `shipped:` shipped on 2026-12-18, version 1.5.0; to record something else, change or remove `shipped:` by hand (git keeps the old record).']);
    assert.equal(await releaseText(), `${CLEAN_RELEASE}${SHIPPED_BLOCK}`);
  });

  it('refuses while release.yaml has errors of its own, listing them: exit 2, file untouched', async () => {
    const broken = releaseWith('    estimate: 1\n', '    estimate: one\n');
    await writePlan(dir, { 'release.yaml': broken });
    const cap = io(dir);
    assert.equal(await run(['ship', '--outcome', 'shipped'], cap), 2);
    assert.equal(cap.stderr[0], 'release-plan: .release/release.yaml has errors, so ship leaves it as it is: fix them, then run ship again.');
    assert.match(cap.stderr[1] ?? '', /^\.release\/release\.yaml:27:15: error schema: `tasks\[1\]\.estimate` must be/);
    assert.equal(cap.stderr.length, 2);
    assert.equal(await releaseText(), broken);

    await writePlan(dir, { 'release.yaml': 'release: [invoices\n' });
    const syntax = io(dir);
    assert.equal(await run(['ship', '--outcome', 'shipped'], syntax), 2);
    assert.match(syntax.stderr.join('\n'), /error yaml-syntax/);
    assert.equal(await releaseText(), 'release: [invoices\n');

    // A finding about the plan (not the file) does not stop it: the launch is a fact either way.
    await writePlan(dir, { 'release.yaml': releaseWith('    owner: Bo\n', '') });
    assert.equal(await run(['ship', '--outcome', 'shipped'], io(dir)), 0);
  });

  it('refuses without a plan: exit 2', async () => {
    await rm(join(dir, '.release'), { recursive: true });
    const cap = io(dir);
    assert.equal(await run(['ship', '--outcome', 'shipped'], cap), 2);
    assert.match(cap.stderr[0] ?? '', /^release-plan: no \.release\/ folder in the current folder\./);
  });

  it('keeps a UTF-8 byte-order mark and CRLF line ends', async () => {
    await writeFile(releaseFile(), `\uFEFF${CLEAN_RELEASE.replace(/\n/g, '\r\n')}`);
    assert.equal(await run(['ship', '--outcome', 'shipped', '--date', '2026-12-18'], io(dir)), 0);
    assert.equal(await releaseText(), `\uFEFF${CLEAN_RELEASE.replace(/\n/g, '\r\n')}shipped:\r\n  date: 2026-12-18\r\n  outcome: shipped\r\n`);
  });

  describe('usage (exit 2, one line of our own)', () => {
    const usage = async (args: string[]) => {
      const cap = io(dir);
      assert.equal(await run(args, cap), 2, args.join(' '));
      assert.equal(cap.stderr.length, 1);
      return (cap.stderr[0] ?? '').replace(/ Run `release-plan --help` for the commands and options\.$/, '');
    };

    it('--outcome is required and must be one of the three', async () => {
      assert.equal(await usage(['ship']), 'release-plan: ship needs --outcome: shipped, rolled-back or slipped (e.g. --outcome shipped).');
      assert.equal(await usage(['ship', '--outcome', 'done']), 'release-plan: --outcome must be shipped, rolled-back or slipped, not "done".');
      assert.equal(await usage(['ship', '--outcome']), 'release-plan: --outcome needs a value, e.g. --outcome shipped.');
    });

    it('--date must be a date; --version needs a value after ship', async () => {
      assert.equal(await usage(['ship', '--outcome', 'shipped', '--date', '18/12/2026']), 'release-plan: --date must be a date written YYYY-MM-DD, not "18/12/2026".');
      assert.equal(await usage(['ship', '--outcome', 'shipped', '--version']), 'release-plan: --version needs a value, e.g. --version 1.5.0.');
      assert.equal(await usage(['ship', '--outcome', 'shipped', '--version', ' ']), 'release-plan: --version must not be empty: give the version that went out, e.g. --version 1.5.0.');
      assert.equal(await usage(['check', '--ship-version', '1']), 'release-plan: unknown option "--ship-version".');
    });

    it('--outcome and --date belong to ship; CI formats do not', async () => {
      assert.equal(await usage(['check', '--outcome', 'shipped']), 'release-plan: --outcome applies to the ship command only.');
      assert.equal(await usage(['gonogo', '--date', '2026-12-18']), 'release-plan: --date applies to the ship command only.');
      assert.equal(await usage(['ship', '--outcome', 'shipped', '--format', 'sarif']), 'release-plan: --format sarif applies to the check command only.');
    });

    it('--version before a command, or with another, still shows the version; --help lists ship', async () => {
      const version = io(dir);
      assert.equal(await run(['--version'], version), 0);
      assert.match(version.stdout[0] ?? '', /^release-plan \d+\.\d+\.\d+$/);
      const help = io(dir);
      assert.equal(await run(['ship', '--help'], help), 0);
      const text = help.stdout.join('\n');
      assert.match(text, /^ {2}ship \[dir\] {6}Record how the release ended: writes `shipped:` into release\.yaml$/m);
      assert.match(text, /^ {2}--outcome OUTCOME {4}ship \(required\): shipped, rolled-back/m);
      assert.match(text, /^ {2}--date YYYY-MM-DD {4}ship: the day it happened \(default: today\)\.$/m);
      assert.match(text, /^ {2}--version VERSION {4}ship: the version that went out, e\.g\. 1\.5\.0\.$/m);
    });
  });
});
