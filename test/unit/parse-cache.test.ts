// The parse cache: a re-check after an edit parses only the edited file, gives exactly what a check
// without the cache gives, and stays bounded.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { editTitle, planFiles } from '../../bench/plans';
import { readPlan } from '../../src/cli/files';
import { checkPlan, type CheckResult } from '../../src/core/engine';
import { evaluateGonogo } from '../../src/core/gonogo';
import { ownerLoads } from '../../src/core/load';
import { ParseCache, sharedParseCache } from '../../src/core/plan';
import { summarizeRelease } from '../../src/core/summary';
import { files, releaseWith, TODAY } from './helpers';

const ROOT = join(__dirname, '..', '..');

/** A cache that records every file it parses. */
function recording(options: ConstructorParameters<typeof ParseCache>[0] = {}): { cache: ParseCache; parsed: string[] } {
  const parsed: string[] = [];
  return { cache: new ParseCache({ ...options, onParse: (path) => parsed.push(path) }), parsed };
}

/** Everything a check gives that consumers read, as plain data (frozen or not). */
function observable(result: CheckResult): unknown {
  const { plan } = result;
  return structuredClone({
    findings: result.findings,
    release: plan.release?.data,
    rollback: plan.rollback?.data,
    team: plan.team?.data,
    config: plan.config,
    checkins: plan.checkins.map((c) => [c.date, c.source.path, c.data]),
    gonogos: plan.gonogos.map((g) => [g.date, g.source.path, g.data]),
    present: [...plan.present].sort(),
    unreadable: [...plan.unreadable].sort(),
    fileFindings: plan.fileFindings,
    summary: summarizeRelease(result),
    loads: ownerLoads(result),
    gonogo: evaluateGonogo(result),
  });
}

describe('parse cache', () => {
  it('re-parses only the file whose text changed', () => {
    const { cache, parsed } = recording();
    const plan = files({ 'team.yaml': 'people:\n  - name: Ana\n  - name: Bo\n  - name: Cy\n', 'checkins/2026-11-29.yaml': 'shipped: []\n' });
    checkPlan(plan, { today: TODAY, cache });
    assert.deepEqual([...parsed].sort(), [...plan.keys()].sort(), 'the first check parses every file');

    parsed.length = 0;
    checkPlan(plan, { today: TODAY, cache });
    assert.deepEqual(parsed, [], 'the same texts again: nothing parsed');

    const edited = new Map(plan).set('.release/release.yaml', releaseWith('owner: Cy', 'owner: Bo'));
    checkPlan(edited, { today: TODAY, cache });
    assert.deepEqual(parsed, ['.release/release.yaml']);

    parsed.length = 0;
    checkPlan(new Map(edited).set('.release/checkins/2026-11-29.yaml', 'shipped: [T1]\n'), { today: TODAY, cache });
    assert.deepEqual(parsed, ['.release/checkins/2026-11-29.yaml'], 'a new check-in text: only that file');
    assert.equal(cache.hits > 0, true);
  });

  it('gives exactly what a check without the cache gives, edit after edit', () => {
    const { cache } = recording();
    let plan = planFiles(60, { messy: true, checkins: 8, today: TODAY });
    const variants: Map<string, string>[] = [plan];
    for (let i = 0; i < 4; i++) {
      plan = new Map(plan).set('.release/release.yaml', editTitle(plan.get('.release/release.yaml') as string, 3 * i, ` (edit ${i})`));
      variants.push(plan);
    }
    // A file that stops parsing, then parses again; a check-in that becomes a list; back to the first text.
    variants.push(new Map(plan).set('.release/rollback.yaml', 'stable: [unclosed\n'));
    variants.push(new Map(plan).set('.release/checkins/2026-11-30.yaml', '- shipped\n'));
    variants.push(variants[0] as Map<string, string>);
    for (const [index, variant] of variants.entries()) {
      assert.deepStrictEqual(observable(checkPlan(variant, { today: TODAY, cache })), observable(checkPlan(variant, { today: TODAY, cache: false })), `variant ${index}`);
    }
  });

  it('gives the same as without the cache on the examples and fixtures, checked twice', async () => {
    for (const folder of ['examples/clean', 'examples/messy', 'examples/draft', 'test/fixtures/basic', 'test/fixtures/second', '.']) {
      const read = await readPlan(join(ROOT, folder));
      const { cache } = recording();
      const uncached = observable(checkPlan(read.files, { today: TODAY, unreadable: read.unreadable, cache: false }));
      assert.deepStrictEqual(observable(checkPlan(read.files, { today: TODAY, unreadable: read.unreadable, cache })), uncached, `${folder}, first check`);
      assert.deepStrictEqual(observable(checkPlan(read.files, { today: TODAY, unreadable: read.unreadable, cache })), uncached, `${folder}, from the cache`);
    }
  });

  it('keeps two folders with the same file names apart', () => {
    const { cache, parsed } = recording();
    const first = files({});
    const second = files({ 'release.yaml': releaseWith('owner: Cy', 'owner: backend team') });
    const a = checkPlan(first, { today: TODAY, cache });
    const b = checkPlan(second, { today: TODAY, cache });
    assert.notDeepEqual(a.findings, b.findings);
    parsed.length = 0;
    assert.deepStrictEqual(checkPlan(first, { today: TODAY, cache }).findings, a.findings);
    assert.deepStrictEqual(checkPlan(second, { today: TODAY, cache }).findings, b.findings);
    assert.deepEqual(parsed, [], 'both versions of release.yaml stay cached');
  });

  it('stays within its bounds: files, versions per path, characters', () => {
    const byFiles = new ParseCache({ maxFiles: 5 });
    const plan = planFiles(5, { checkins: 20, today: TODAY });
    checkPlan(plan, { today: TODAY, cache: byFiles });
    assert.equal(byFiles.size, 5);

    const { cache: byVersions, parsed } = recording({ maxVersions: 2 });
    const release = releaseWith('owner: Cy', 'owner: Bo');
    for (let i = 0; i < 10; i++) checkPlan(files({ 'release.yaml': `${release}# edit ${i}\n` }), { today: TODAY, cache: byVersions });
    // release.yaml: the last two versions; rollback.yaml and the check-in: one each.
    assert.equal(byVersions.size, 4);
    parsed.length = 0;
    checkPlan(files({ 'release.yaml': `${release}# edit 8\n` }), { today: TODAY, cache: byVersions });
    checkPlan(files({ 'release.yaml': `${release}# edit 0\n` }), { today: TODAY, cache: byVersions });
    assert.deepEqual(parsed, ['.release/release.yaml'], 'edit 8 is still held, edit 0 was dropped');

    const byChars = new ParseCache({ maxChars: 3000 });
    checkPlan(planFiles(5, { checkins: 30, today: TODAY }), { today: TODAY, cache: byChars });
    assert.ok(byChars.size > 0 && byChars.size < 34, `${byChars.size} files held`);
    const big = new ParseCache({ maxChars: 100 });
    checkPlan(new Map([['.release/release.yaml', releaseWith('owner: Cy', 'owner: Bo')]]), { today: TODAY, cache: big });
    assert.equal(big.size, 0, 'a file larger than the whole budget is parsed but not kept');
  });

  it('drops the least recently used file first', () => {
    const { cache, parsed } = recording({ maxFiles: 3 });
    const one = (name: string) => new Map([[`.release/checkins/${name}.yaml`, 'shipped: []\n']]);
    for (const day of ['2026-11-01', '2026-11-02', '2026-11-03']) checkPlan(one(day), { today: TODAY, cache });
    checkPlan(one('2026-11-01'), { today: TODAY, cache }); // used again: now the most recent
    checkPlan(one('2026-11-04'), { today: TODAY, cache }); // drops 2026-11-02
    parsed.length = 0;
    checkPlan(one('2026-11-01'), { today: TODAY, cache });
    checkPlan(one('2026-11-02'), { today: TODAY, cache });
    assert.deepEqual(parsed, ['.release/checkins/2026-11-02.yaml']);
  });

  it('hands out data nobody can change: writing to a cached finding or value throws', () => {
    const { cache } = recording();
    const result = checkPlan(files({ 'release.yaml': releaseWith('owner: Cy', 'owner: backend team') }), { today: TODAY, cache });
    const task = result.plan.release?.data.tasks?.[1];
    assert.ok(task);
    assert.throws(() => {
      task.owner = 'Cy';
    }, TypeError);
    const schema = checkPlan(files({ 'release.yaml': `${releaseWith('owner: Cy', 'ownr: Cy')}` }), { today: TODAY, cache }).plan.fileFindings[0];
    assert.equal(schema?.code, 'schema');
    assert.throws(() => {
      (schema as { message: string }).message = 'changed';
    }, TypeError);
    // A second check of the same text sees the original values.
    assert.equal(checkPlan(files({ 'release.yaml': releaseWith('owner: Cy', 'owner: backend team') }), { today: TODAY, cache }).plan.release?.data.tasks?.[1]?.owner, 'backend team');
  });

  it('is shared by every check unless one asks for its own', () => {
    const plan = files({ 'release.yaml': `${releaseWith('owner: Cy', 'owner: Bo')}# shared ${Date.now()}\n` });
    checkPlan(plan, { today: TODAY });
    const before = sharedParseCache.parses;
    checkPlan(plan, { today: TODAY });
    assert.equal(sharedParseCache.parses, before, 'the second check parsed nothing');
    checkPlan(plan, { today: TODAY, cache: false });
    assert.equal(sharedParseCache.parses, before, 'cache: false leaves the shared cache alone');
  });
});
