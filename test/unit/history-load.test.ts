import * as assert from 'node:assert/strict';
import { checkPlan } from '../../src/core/engine';
import { isHistoryPath, isPlanFilePath, loadPlan, properName } from '../../src/core/plan';
import { readPlanTree } from '../../src/core/planTree';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { freshDirEach, io, writePlan } from './cli-io';
import { check, CLEAN_CHECKIN, CLEAN_CHECKIN_FILE, CLEAN_RELEASE, CLEAN_ROLLBACK, codes, files, releaseWith, TODAY } from './helpers';

const PAST = releaseWith('release: invoices-v1', 'release: login-v3').replace('parked:', 'shipped:\n  date: 2026-10-02\n  outcome: shipped\n  version: 1.4.0\nparked:');
const OLDER = releaseWith('release: invoices-v1', 'release: search-v2').replace('target: 2026-12-18', 'target: 2026-08-01');

describe('past releases under .release/history/', () => {
  it('are loaded as history, oldest first, with their rollback, review and dated records', () => {
    const plan = loadPlan(
      files({
        'history/login-v3/release.yaml': PAST,
        'history/login-v3/rollback.yaml': CLEAN_ROLLBACK,
        'history/login-v3/review.yaml': 'pattern: Sales asks on Friday and nobody says no.\n',
        'history/login-v3/checkins/2026-09-30.yaml': 'blocks:\n  - what: staging down\n    clears: Bo\n',
        'history/login-v3/gonogo/2026-10-01.yaml': 'decision: go\ndecided_by: Ana\n',
        'history/search-v2/release.yaml': OLDER,
      }),
      undefined,
      false,
    );
    assert.deepEqual(
      plan.history.map((past) => [past.name, past.dir, past.release?.data.release]),
      [
        ['search-v2', '.release/history/search-v2', 'search-v2'],
        ['login-v3', '.release/history/login-v3', 'login-v3'],
      ],
    );
    const login = plan.history[1];
    assert.equal(login?.rollback?.data.stable?.version, '1.4.2');
    assert.equal(login?.review?.data.pattern, 'Sales asks on Friday and nobody says no.');
    assert.deepEqual(login?.checkins.map((c) => [c.date, c.data.blocks?.[0]?.what]), [['2026-09-30', 'staging down']]);
    assert.deepEqual(login?.gonogos.map((g) => g.date), ['2026-10-01']);
    assert.equal(plan.release?.data.release, 'invoices-v1', 'the current release stays release.yaml');
  });

  it('are never checked as the current plan: no finding points into history/', () => {
    const result = check({
      'history/old/release.yaml': 'release: old\nproblem: TODO\ntarget: not a date\ntasks:\n  - id: A\n    title: x\n    owner: backend team\n',
      'history/old/rollback.yaml': 'stable: [broken',
      'history/old/checkins/2026-13-40.yaml': 'nope: 1\n',
      'history/old/gonogo/notes.yaml': 'decision: maybe\n',
    });
    assert.deepEqual(result.findings.filter((f) => f.file.startsWith('.release/history/')), []);
    assert.deepEqual(codes(check()), codes(result), 'history changes nothing about the current plan');
    assert.equal(result.plan.history[0]?.rollback, undefined, 'a past file that does not parse is absent');
  });

  it('paths: plan files, never misnamed, never the current plan', () => {
    assert.ok(isPlanFilePath('.release/history/v1/release.yaml'));
    assert.ok(isHistoryPath('.release/history/v1/checkins/2026-01-01.yaml'));
    assert.equal(properName('.release/history/v1/checkin/2026-01-01.yaml'), undefined);
    assert.equal(properName('.release/history/v1/Release.yml'), undefined);
    assert.equal(isHistoryPath('.release/release.yaml'), false);
  });

  it('reads review.yaml as the current review, and suggests its name for a typo', () => {
    const result = checkPlan(files({ 'review.yaml': 'pattern: One sentence.\n' }), { today: TODAY });
    assert.equal(result.plan.review?.data.pattern, 'One sentence.');
    const typo = check({ 'reveiw.yaml': 'pattern: x\n' });
    assert.ok(typo.findings.some((f) => f.code === 'file-misnamed' && f.data?.rename === '.release/review.yaml'));
  });

  it('a past release\'s file that cannot be read is not an error of the current plan', () => {
    const reason = { id: 'file-unreadable/link', template: 'This is a symbolic link that cannot be followed, so it was not read. Fix or remove the link.', args: {} };
    const result = checkPlan(files({}), { today: TODAY, unreadable: new Map([['.release/history/old/release.yaml', reason], ['.release/history/old2/checkins', reason]]) });
    assert.deepEqual(codes(result), []);
    assert.equal(result.plan.unreadable.size, 0);
    // The current plan's own unreadable file still is one.
    const current = checkPlan(files({}), { today: TODAY, unreadable: new Map([['.release/team.yaml', reason]]) });
    assert.deepEqual(codes(current), ['file-unreadable']);
  });

  describe('on disk, through the CLI', () => {
    let dir = '';
    freshDirEach('release-plan-history-', (d) => (dir = d));

    it('a non-UTF-8 past release.yaml, a broken link and a stray file under history/: exit 0, no finding', async () => {
      await writePlan(dir, { 'release.yaml': CLEAN_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN, 'history/old/release.yaml': Buffer.from([0x72, 0x3a, 0x20, 0xe9, 0x0a]), 'history/stray.yaml': 'x: 1\n' });
      await mkdir(join(dir, '.release', 'history', 'old2'), { recursive: true });
      await symlink(join(dir, 'nowhere.yaml'), join(dir, '.release', 'history', 'old2', 'release.yaml'));
      const cap = io(dir);
      assert.equal(await run(['check', dir, '--today', TODAY], cap), 0);
      assert.deepEqual(cap.stdout, [`release-plan: no problems in ${dir} (checked as of ${TODAY}).`]);
    });
  });

  it('the plan reader walks a past release down to its check-ins', async () => {
    const tree = new Map<string, string[]>([
      ['.release', ['release.yaml', 'history/']],
      ['.release/history', ['v1/']],
      ['.release/history/v1', ['release.yaml', 'checkins/']],
      ['.release/history/v1/checkins', ['2026-01-02.yaml']],
    ]);
    const read = await readPlanTree({
      list: async (dir) => (tree.get(dir) ?? []).map((name) => (name.endsWith('/') ? { name: name.slice(0, -1), kind: 'dir' as const } : { name, kind: 'file' as const })),
      read: async () => new TextEncoder().encode(CLEAN_RELEASE),
      reason: String,
    });
    assert.deepEqual([...read.files.keys()].sort(), ['.release/history/v1/checkins/2026-01-02.yaml', '.release/history/v1/release.yaml', '.release/release.yaml']);
  });
});
