import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { run } from '../../src/cli/main';
import { carryOutNext, nodeFs, type NextFs } from '../../src/cli/next';
import { planNext, type NextPlan } from '../../src/core/next';
import { freshDirEach, io, writePlan } from './cli-io';
import { CLEAN_CHECKIN, CLEAN_CHECKIN_FILE, CLEAN_RELEASE, CLEAN_ROLLBACK, files } from './helpers';

const SHIPPED_RELEASE = `${CLEAN_RELEASE}shipped:\n  date: 2026-12-18\n  outcome: shipped\n  version: 1.5.0\n`;
const NEXT = ['next', '--name', 'invoices-v2', '--target', '2027-01-29', '--backup', '2027-02-05', '--today', '2026-12-21'];

/** Every file under `dir` (relative, forward slashes) with its text. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path).split(sep).join('/')] = await readFile(path, 'utf8');
    }
  };
  await walk(dir);
  return out;
}

describe('release-plan next', () => {
  let dir = '';
  freshDirEach('release-plan-next-', (d) => (dir = d));

  const PLAN = {
    'release.yaml': SHIPPED_RELEASE,
    'rollback.yaml': CLEAN_ROLLBACK,
    [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN,
    'gonogo/2026-12-17.yaml': 'decided_by: Ana\n',
    'gonogo/notes.txt': 'not a plan file, moved with its folder\n',
    'review.yaml': 'went_well: [fast]\n',
    'team.yaml': 'people:\n  - name: Ana\n  - name: Bo\n  - name: Cy\n',
    'config.yaml': 'limits:\n  open_tasks: 9\n',
  };

  it('moves the closed release into history/, writes the next release and runbook, says what it did; check then flags the ownerless candidate only in the new plan', async () => {
    await writePlan(dir, PLAN);
    const expected = planNext(files(Object.fromEntries(Object.entries(PLAN).filter(([name]) => name.endsWith('.yaml')))), { name: 'invoices-v2', target: '2027-01-29', backup: '2027-02-05', today: '2026-12-21' });
    assert.ok(expected.ok);
    const cap = io(dir);
    assert.equal(await run(NEXT, cap), 0);
    assert.deepEqual(cap.stderr, []);
    assert.deepEqual(cap.stdout, [
      'moved   .release/release.yaml -> .release/history/invoices-v1/release.yaml',
      'moved   .release/rollback.yaml -> .release/history/invoices-v1/rollback.yaml',
      'moved   .release/review.yaml -> .release/history/invoices-v1/review.yaml',
      'moved   .release/checkins/ -> .release/history/invoices-v1/checkins/',
      'moved   .release/gonogo/ -> .release/history/invoices-v1/gonogo/',
      'created .release/release.yaml',
      'created .release/rollback.yaml',
      'Closed invoices-v1 (now in .release/history/invoices-v1/) and started invoices-v2: write its problem, give the candidate task one owner, then run `release-plan check`.',
    ]);
    assert.deepEqual(await tree(join(dir, '.release')), {
      'config.yaml': PLAN['config.yaml'],
      'team.yaml': PLAN['team.yaml'],
      'release.yaml': expected.creates[0]?.text,
      'rollback.yaml': expected.creates[1]?.text,
      'history/invoices-v1/release.yaml': SHIPPED_RELEASE,
      'history/invoices-v1/rollback.yaml': CLEAN_ROLLBACK,
      'history/invoices-v1/review.yaml': PLAN['review.yaml'],
      [`history/invoices-v1/${CLEAN_CHECKIN_FILE}`]: CLEAN_CHECKIN,
      'history/invoices-v1/gonogo/2026-12-17.yaml': PLAN['gonogo/2026-12-17.yaml'],
      'history/invoices-v1/gonogo/notes.txt': PLAN['gonogo/notes.txt'],
    });

    const checked = io(dir);
    assert.equal(await run(['check', '--today', '2026-12-21', '--format', 'json'], checked), 1);
    const report = JSON.parse(checked.stdout.join('\n')) as { diagnostics: { file: string; code: string; line: number }[] };
    assert.deepEqual(report.diagnostics.filter((d) => d.file.includes('history/')), []);
    assert.deepEqual(report.diagnostics.filter((d) => d.code === 'owner-missing').map((d) => `${d.file}:${d.line}`), ['.release/release.yaml:16']);

    // A second run: the new release has not shipped, so nothing moves again.
    const again = io(dir);
    assert.equal(await run(NEXT, again), 2);
    assert.deepEqual(again.stderr, ['release-plan: invoices-v2 has no `shipped:` record, so it is not closed: record how it ended first (Mark Release as Shipped, or `release-plan ship`).']);
  });

  describe('refusals: exit 2, one line, nothing written or moved', () => {
    const refused = async (entries: Record<string, string>, args: string[] = NEXT): Promise<string[]> => {
      await writePlan(dir, entries);
      const before = await tree(dir);
      const cap = io(dir);
      assert.equal(await run(args, cap), 2, args.join(' '));
      assert.deepEqual(cap.stdout, []);
      assert.deepEqual(await tree(dir), before);
      return cap.stderr;
    };

    it('not shipped, slipped, or dated after today', async () => {
      assert.deepEqual(await refused({ ...PLAN, 'release.yaml': CLEAN_RELEASE }), ['release-plan: invoices-v1 has no `shipped:` record, so it is not closed: record how it ended first (Mark Release as Shipped, or `release-plan ship`).']);
      assert.deepEqual(await refused({ 'release.yaml': SHIPPED_RELEASE.replace('outcome: shipped', 'outcome: slipped') }), ['release-plan: invoices-v1 slipped on 2026-12-18: nothing went out, so it is not closed. Agree a new target and backup date in the same release instead.']);
      assert.deepEqual(await refused({ 'release.yaml': SHIPPED_RELEASE }, ['next', '--name', 'v2', '--target', '2027-01-29', '--today', '2026-12-10']), ['release-plan: invoices-v1 is recorded as going out on 2026-12-18, after today (2026-12-10): it can be closed from that day on.']);
    });

    it('the history folder exists with a past release in it', async () => {
      assert.deepEqual(await refused({ ...PLAN, 'history/invoices-v1/release.yaml': 'release: invoices-v1\n' }), ['release-plan: .release/history/invoices-v1/ already exists, so nothing was moved: a past release is never overwritten. Rename or remove that folder (or rename the release) first.']);
    });

    it('the history folder exists with only files the plan reader skips in it', async () => {
      await writePlan(dir, { 'history/invoices-v1/notes.txt': 'what we learned\n' });
      assert.deepEqual(await refused(PLAN), ['release-plan: .release/history/invoices-v1/ already exists, so nothing was moved: a past release is never overwritten. Rename or remove that folder (or rename the release) first.']);
    });

    it('a file it would move has a name Release Plan does not read (rollback.yml, review.yml, checkin/…): each is listed, nothing moves', async () => {
      const { 'rollback.yaml': runbook, 'review.yaml': review, ...rest } = PLAN;
      assert.deepEqual(await refused({ ...rest, 'rollback.yml': runbook, 'review.yml': review, 'checkin/2026-12-17.yaml': CLEAN_CHECKIN }), [
        'release-plan: invoices-v1 is not closed while plan files have names Release Plan does not read: they would stay behind for the next release. First rename checkin/2026-12-17.yaml to checkins/2026-12-17.yaml, rename review.yml to review.yaml, rename rollback.yml to rollback.yaml, then run it again.',
      ]);
    });

    it('release.yaml or rollback.yaml has errors', async () => {
      assert.deepEqual(await refused({ ...PLAN, 'release.yaml': 'release: [x\n' }), ['release-plan: .release/release.yaml has errors, so the release is not closed: fix them, then run it again.']);
      assert.deepEqual(await refused({ ...PLAN, 'release.yaml': SHIPPED_RELEASE, 'rollback.yaml': 'steps: one\n' }), ['release-plan: .release/rollback.yaml has errors, so the next runbook cannot be started from it: fix them, then run it again.']);
    });

    it('bad name or dates', async () => {
      await writePlan(dir, PLAN);
      const args = (name: string, target: string, backup?: string) => ['next', '--name', name, '--target', target, ...(backup ? ['--backup', backup] : []), '--today', '2026-12-21'];
      assert.deepEqual(await refused(PLAN, args('TBD', '2027-01-29')), ['release-plan: The new release needs a real name, not "TBD".']);
      assert.deepEqual(await refused(PLAN, args('v2', '2027-1-29')), ['release-plan: The target date must be written YYYY-MM-DD, not "2027-1-29".']);
      assert.deepEqual(await refused(PLAN, args('v2', '2026-12-01')), ['release-plan: The target date 2026-12-01 is before today (2026-12-21); give a day still ahead.']);
      assert.deepEqual(await refused(PLAN, args('v2', '2027-01-29', '2027-01-20')), ['release-plan: The backup date 2027-01-20 must be after the target date 2027-01-29.']);
    });

    it('usage: --name and --target are required; the options belong to next', async () => {
      const usage = async (args: string[]) => {
        const lines = await refused(PLAN, args);
        assert.equal(lines.length, 1);
        return (lines[0] ?? '').replace(/ Run `release-plan --help` for the commands and options\.$/, '');
      };
      assert.equal(await usage(['next', '--target', '2027-01-29']), "release-plan: next needs --name: the new release's name (e.g. --name invoices-v2).");
      assert.equal(await usage(['next', '--name', 'v2']), "release-plan: next needs --target: the new release's target date (e.g. --target 2027-01-29).");
      assert.equal(await usage(['next', '--name']), 'release-plan: --name needs a value, e.g. --name invoices-v2.');
      assert.equal(await usage(['check', '--name', 'v2']), 'release-plan: --name applies to the next command only.');
      assert.equal(await usage(['ship', '--outcome', 'shipped', '--backup', '2027-01-01']), 'release-plan: --backup applies to the next command only.');
      assert.equal(await usage([...NEXT, '--format', 'json']), 'release-plan: --format json does not apply to next: it prints what it moved and wrote.');
    });
  });

  it('keeps rollback.yaml\'s UTF-8 byte-order mark, in the history copy and in the new runbook', async () => {
    const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
    await writePlan(dir, { 'release.yaml': SHIPPED_RELEASE, 'rollback.yaml': Buffer.concat([BOM, Buffer.from(CLEAN_ROLLBACK)]) });
    assert.equal(await run(NEXT, io(dir)), 0);
    const expected = planNext(files({ 'release.yaml': SHIPPED_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK }), { name: 'invoices-v2', target: '2027-01-29', backup: '2027-02-05', today: '2026-12-21' });
    assert.ok(expected.ok);
    assert.deepEqual(await readFile(join(dir, '.release', 'rollback.yaml')), Buffer.concat([BOM, Buffer.from(expected.creates[1]?.text ?? '')]));
    assert.deepEqual(await readFile(join(dir, '.release', 'history', 'invoices-v1', 'rollback.yaml')), Buffer.concat([BOM, Buffer.from(CLEAN_ROLLBACK)]));
    // release.yaml had none, and the new one has none.
    assert.equal((await readFile(join(dir, '.release', 'release.yaml')))[0], '#'.charCodeAt(0));
  });

  it('--help lists next and its options', async () => {
    const help = io(dir);
    assert.equal(await run(['next', '--help'], help), 0);
    const text = help.stdout.join('\n');
    assert.match(text, /^ {2}next \[dir\] {6}Close the shipped release and start the next one: moves release\.yaml,$/m);
    assert.match(text, /^ {2}--name NAME {10}next \(required\): the new release's name, e\.g\. invoices-v2\.$/m);
    assert.match(text, /^ {2}--target YYYY-MM-DD {2}next \(required\): the new release's target date\.$/m);
    assert.match(text, /^ {2}--backup YYYY-MM-DD {2}next: the new release's backup date, after the target\.$/m);
  });

  describe('a step that fails midway is undone and reported', () => {
    async function plannedHere(): Promise<NextPlan> {
      await writePlan(dir, PLAN);
      const result = planNext(files({ 'release.yaml': SHIPPED_RELEASE, 'gonogo/2026-12-17.yaml': PLAN['gonogo/2026-12-17.yaml'] }), { name: 'v2', target: '2027-01-29', today: '2026-12-21' });
      assert.ok(result.ok);
      return result;
    }
    /** Node's file system, with `fail` deciding which call throws (an EACCES, like a locked file). */
    const failing = (fail: (call: string, path: string) => boolean): NextFs => {
      const error = () => Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return {
        mkdir: (path, options) => (fail('mkdir', path) ? Promise.reject(error()) : nodeFs.mkdir(path, options)),
        rename: (from, to) => (fail('rename', from) ? Promise.reject(error()) : nodeFs.rename(from, to)),
        writeFile: (path, text, options) => (fail('writeFile', path) ? Promise.reject(error()) : nodeFs.writeFile(path, text, options)),
        unlink: (path) => (fail('unlink', path) ? Promise.reject(error()) : nodeFs.unlink(path)),
        rmdir: (path) => (fail('rmdir', path) ? Promise.reject(error()) : nodeFs.rmdir(path)),
      };
    };

    it('a move that fails: the moves before it are put back, the folder removed, nothing changed', async () => {
      const plan = await plannedHere();
      const before = await tree(dir);
      const outcome = await carryOutNext(dir, plan, failing((call, path) => call === 'rename' && path.endsWith(`${sep}gonogo`)));
      assert.deepEqual(outcome, { ok: false, failed: { step: 'move', path: '.release/gonogo', to: '.release/history/invoices-v1/gonogo', reason: 'permission denied' }, left: { moved: [], created: [] } });
      assert.deepEqual(await tree(dir), before);
      // history/ was made for this release only, so it went too.
      assert.equal((await readdir(join(dir, '.release'))).includes('history'), false);
    });

    it('a file that cannot be written, and a move that cannot be put back: each is listed', async () => {
      const plan = await plannedHere();
      const outcome = await carryOutNext(dir, plan, failing((call, path) => (call === 'writeFile' && path.endsWith('rollback.yaml')) || (call === 'rename' && path.includes(`history${sep}invoices-v1${sep}checkins`))));
      assert.deepEqual(outcome, {
        ok: false,
        failed: { step: 'create', path: '.release/rollback.yaml', reason: 'permission denied' },
        left: { moved: [{ from: '.release/checkins', to: '.release/history/invoices-v1/checkins' }], created: [], folder: '.release/history/invoices-v1/' },
      });
      const now = await tree(join(dir, '.release'));
      assert.equal(now['release.yaml'], SHIPPED_RELEASE);
      assert.equal(now['rollback.yaml'], CLEAN_ROLLBACK);
      assert.equal(now[`history/invoices-v1/${CLEAN_CHECKIN_FILE}`], CLEAN_CHECKIN);
    });
  });

  it('a step that fails on disk is reported in one line with what it changed (here: nothing)', async () => {
    await writePlan(dir, PLAN);
    // A file where the history folder must go: the folder for this release cannot be made.
    await writeFile(join(dir, '.release', 'history'), 'not a folder\n');
    const before = await tree(dir);
    const cap = io(dir);
    assert.equal(await run(NEXT, cap), 2);
    assert.deepEqual(cap.stdout, []);
    assert.deepEqual(cap.stderr, ['release-plan: cannot create the folder .release/history/invoices-v1: something with that name already exists. Nothing was changed.']);
    assert.deepEqual(await tree(dir), before);
  });

  it('an empty history folder (an undone close leaves one; git does not keep it) is used, and kept if a step fails', async () => {
    await writePlan(dir, PLAN);
    await mkdir(join(dir, '.release', 'history', 'invoices-v1'), { recursive: true });
    const cap = io(dir);
    assert.equal(await run(NEXT, cap), 0, cap.stderr.join('\n'));
    assert.equal(await readFile(join(dir, '.release', 'history', 'invoices-v1', 'release.yaml'), 'utf8'), SHIPPED_RELEASE);

    const result = planNext(files({ 'release.yaml': SHIPPED_RELEASE.replace('invoices-v1', 'invoices-v2') }), { name: 'v3', target: '2027-01-29', today: '2026-12-21' });
    assert.ok(result.ok);
    await writePlan(dir, { 'release.yaml': SHIPPED_RELEASE.replace('invoices-v1', 'invoices-v2') });
    await mkdir(join(dir, '.release', 'history', 'invoices-v2'));
    const outcome = await carryOutNext(dir, { ...result, moves: result.moves.filter((move) => move.from === '.release/release.yaml'), creates: [{ path: '.release/team.yaml', text: 'exists already\n' }] });
    assert.deepEqual(outcome, { ok: false, failed: { step: 'create', path: '.release/team.yaml', reason: 'something with that name already exists' }, left: { moved: [], created: [] } });
    assert.deepEqual(await readdir(join(dir, '.release', 'history', 'invoices-v2')), [], 'the empty folder that was there stays');
    assert.equal(await readFile(join(dir, '.release', 'release.yaml'), 'utf8'), SHIPPED_RELEASE.replace('invoices-v1', 'invoices-v2'), 'the move was put back');
  });

  it('refuses without .release/ and creates nothing', async () => {
    const cap = io(dir);
    assert.equal(await run(NEXT, cap), 2);
    assert.match(cap.stderr[0] ?? '', /^release-plan: no \.release\/ folder in the current folder\./);
    assert.deepEqual(await readdir(dir), []);
  });

  it('never overwrites: a stale plan whose new release.yaml is still there fails, and nothing changes', async () => {
    await writePlan(dir, PLAN);
    const result = planNext(files({ 'release.yaml': SHIPPED_RELEASE }), { name: 'v2', target: '2027-01-29', today: '2026-12-21' });
    assert.ok(result.ok);
    // A plan computed earlier whose moves no longer apply: release.yaml stays, so creating it fails and is undone.
    const stale: NextPlan = { ...result, moves: [] };
    const before = await tree(dir);
    const outcome = await carryOutNext(dir, stale);
    assert.deepEqual(outcome, { ok: false, failed: { step: 'create', path: '.release/release.yaml', reason: 'something with that name already exists' }, left: { moved: [], created: [] } });
    assert.deepEqual(await tree(dir), before);
  });
});
