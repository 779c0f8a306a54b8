import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPlan } from '../../src/cli/files';
import { decodePlanBytes } from '../../src/core/decode';
import { checkPlan } from '../../src/core/engine';
import { evaluateGonogo } from '../../src/core/gonogo';
import { check, CLEAN_RELEASE, CLEAN_ROLLBACK, codes, english, expectFinding, expectNo, files, only, said, single, TODAY } from './helpers';
import { render, type Message } from '../../src/core/message';

const YAML = 'release: invoices-v1\nproblem: Customers cannot pay.\n';

function utf16le(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

function utf16be(text: string, bom: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1] as number;
    be[i + 1] = le[i] as number;
  }
  return bom ? Buffer.concat([Buffer.from([0xfe, 0xff]), be]) : be;
}

function utf32le(text: string, bom: boolean): Uint8Array {
  const units = [...text].map((char) => char.codePointAt(0) as number);
  const out = Buffer.alloc((units.length + (bom ? 1 : 0)) * 4);
  let offset = 0;
  if (bom) offset = out.writeUInt32LE(0xfeff, 0);
  for (const unit of units) offset = out.writeUInt32LE(unit, offset);
  return out;
}

describe('decoding plan files (decodePlanBytes)', () => {
  it('reads UTF-8, with or without a byte-order mark, and an empty file', () => {
    assert.deepEqual(decodePlanBytes(Buffer.from(`${YAML}owner: José\n`, 'utf8')), { text: `${YAML}owner: José\n` });
    assert.deepEqual(decodePlanBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(YAML)])), { text: YAML });
    assert.deepEqual(decodePlanBytes(new Uint8Array()), { text: '' });
  });

  for (const [name, bytes, says] of [
    ['UTF-16 LE with a BOM', utf16le(YAML, true), 'UTF-16 (little-endian, with a byte-order mark)'],
    ['UTF-16 LE without a BOM', utf16le(YAML, false), 'UTF-16 (little-endian, no byte-order mark)'],
    ['UTF-16 BE with a BOM', utf16be(YAML, true), 'UTF-16 (big-endian, with a byte-order mark)'],
    ['UTF-16 BE without a BOM', utf16be(YAML, false), 'UTF-16 (big-endian, no byte-order mark)'],
    ['UTF-32 LE with a BOM', utf32le(YAML, true), 'UTF-32 (little-endian, with a byte-order mark)'],
    ['UTF-32 LE without a BOM', utf32le(YAML, false), 'UTF-32 (little-endian, no byte-order mark)'],
  ] as const) {
    it(`names ${name} and says to save it as UTF-8`, () => {
      const decoded = decodePlanBytes(bytes);
      assert.equal(decoded.text, undefined);
      assert.equal(english(decoded.reason), `This file is saved as ${says}, not UTF-8, so it was not read. Save it as UTF-8 and check again (Windows PowerShell writes UTF-16 with \`>\` and \`Out-File\`: use \`Out-File -Encoding utf8\`).`);
    });
  }

  it('reports invalid UTF-8 with the line and column of the first bad byte', () => {
    // "Jos\xe9" is José in Latin-1: 0xE9 alone is not UTF-8.
    const bytes = Buffer.concat([Buffer.from('release: x\nowner: Jos'), Buffer.from([0xe9]), Buffer.from('\n')]);
    assert.match(english(decodePlanBytes(bytes).reason), /^This file is not valid UTF-8 text \(the first bad byte is on line 2, column 11; it may be saved as Latin-1 or Windows-1252\), so it was not read\. Save it as UTF-8/);
    // An encoded UTF-16 surrogate (ED A0 80) and an overlong slash (C0 AF) are not UTF-8 either.
    assert.match(english(decodePlanBytes(Buffer.from([0x61, 0xed, 0xa0, 0x80])).reason), /line 1, column 2/);
    assert.match(english(decodePlanBytes(Buffer.from([0xc0, 0xaf])).reason), /line 1, column 1/);
  });

  it('leaves UTF-8 text with a few NUL bytes to the parser (not mistaken for UTF-16)', () => {
    const text = `${YAML}\u0000notes: x\n`;
    assert.deepEqual(decodePlanBytes(Buffer.from(text)), { text });
  });
});

describe('file-unreadable: files that exist but cannot be read', () => {
  const UTF16 = decodePlanBytes(utf16le(CLEAN_RELEASE, true)).reason as Message;

  it('a release.yaml that cannot be read gives exactly one finding, on 0:0, and nothing "missing"', () => {
    const result = checkPlan(files({ 'release.yaml': undefined }), { today: TODAY, unreadable: new Map([['.release/release.yaml', UTF16]]) });
    const finding = single(result, 'file-unreadable');
    assert.deepEqual(finding, { file: '.release/release.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: 'file-unreadable', message: render(UTF16), l10n: UTF16 });
    assert.deepEqual(codes(result), ['file-unreadable']);
    assert.equal(result.plan.present.has('.release/release.yaml'), true);
    assert.equal(result.plan.unreadable.has('.release/release.yaml'), true);
  });

  it('an unreadable rollback.yaml is not also rollback-missing, and fails question 3', () => {
    const result = checkPlan(files({ 'rollback.yaml': undefined }), { today: TODAY, unreadable: new Map([['.release/rollback.yaml', said('This file could not be read: permission denied.')]]) });
    assert.equal(single(result, 'file-unreadable').file, '.release/rollback.yaml');
    assert.deepEqual(only(result, 'rollback-missing'), []);
    assert.equal(evaluateGonogo(result).questions.find((q) => q.id === 'rollback')?.verdict, 'fail');
  });

  it('wins over text given for the same path, and works for a dated file', () => {
    const result = checkPlan(files({ 'checkins/2026-11-30.yaml': 'blocks: [' }), { today: TODAY, unreadable: new Map([['.release/checkins/2026-11-30.yaml', said('no')]]) });
    assert.deepEqual(codes(result).filter((code) => code !== 'checkin-stale'), ['file-unreadable']);
  });

  it('is not reported for readable files', () => {
    expectNo({}, 'file-unreadable');
  });
});

describe('file-misnamed: plan files Release Plan would otherwise ignore', () => {
  it('rollback.yml: the finding on its first line, and no plain rollback-missing', () => {
    const finding = expectFinding({ 'rollback.yaml': undefined, 'rollback.yml': CLEAN_ROLLBACK }, 'file-misnamed', { severity: 'error', covers: 'stable:', file: '.release/rollback.yml' });
    assert.equal(finding.message, 'Release Plan reads rollback.yaml, not rollback.yml: rename this file to rollback.yaml; until then it is ignored.');
    assert.deepEqual(finding.data, { rename: '.release/rollback.yaml' });
    expectNo({ 'rollback.yaml': undefined, 'rollback.yml': CLEAN_ROLLBACK }, 'rollback-missing');
  });

  for (const [name, proper] of [
    ['config.yml', 'config.yaml'],
    ['team.yml', 'team.yaml'],
    ['Team.yaml', 'team.yaml'],
    ['CONFIG.YML', 'config.yaml'],
    ['release.yml', 'release.yaml'],
    ['Checkins/2026-11-29.yaml', 'checkins/2026-11-29.yaml'],
    ['gonogo/2026-11-29.YAML', 'gonogo/2026-11-29.yaml'],
    ['rollbacks.yaml', 'rollback.yaml'],
    ['teams.yaml', 'team.yaml'],
    ['releases.yaml', 'release.yaml'],
    ['roll-back.yml', 'rollback.yaml'],
    ['rolback.yaml', 'rollback.yaml'],
    ['go-no-go/2026-11-29.yaml', 'gonogo/2026-11-29.yaml'],
    ['go_no_go/2026-11-29.yaml', 'gonogo/2026-11-29.yaml'],
    ['check-ins/2026-11-29.yaml', 'checkins/2026-11-29.yaml'],
    ['checkin/2026-11-29.yml', 'checkins/2026-11-29.yml'],
  ] as const) {
    it(`${name} → rename to ${proper}`, () => {
      const finding = expectFinding({ [proper]: undefined, [name]: 'people:\n  - name: Ana\n' }, 'file-misnamed', { severity: 'error', covers: 'people:', file: `.release/${name}` });
      assert.equal(finding.message, `Release Plan reads ${proper}, not ${name}: rename this file to ${proper}; until then it is ignored.`);
    });
  }

  it('when the proper file exists too, says only that one is read', () => {
    const finding = expectFinding({ 'rollback.yml': CLEAN_ROLLBACK }, 'file-misnamed', { severity: 'error', covers: 'stable:', file: '.release/rollback.yml' });
    assert.equal(finding.message, 'Both rollback.yml and rollback.yaml exist; only rollback.yaml is read. Move what you need from this file into rollback.yaml and delete this one.');
    assert.equal(finding.data, undefined);
  });

  it('a misnamed team file keeps team.yaml absent (no owner-unknown from an unread team)', () => {
    expectNo({ 'team.yml': 'people:\n  - name: Zed\n' }, 'owner-unknown');
  });

  it('is not reported for proper names, dated .yml files or unrelated files', () => {
    expectNo({ 'checkins/2026-11-29.yml': 'shipped: [x]\n', 'notes.yaml': 'a: 1\n', 'team.yaml': 'people:\n  - name: Ana\n  - name: Bo\n  - name: Cy\n  - name: Dee\n' }, 'file-misnamed');
    // Other YAML in .release/ is the team's own business: not read, not reported.
    const other = { 'foo.yaml': 'a: 1\n', 'test.yaml': 'a: 1\n', 'tasks.yaml': 'a: 1\n', 'release-plan.yaml': 'a: 1\n', 'archive/2026-10-01.yaml': 'a: 1\n', 'logs/2026-11-29.yaml': 'a: 1\n' };
    assert.deepEqual(check(other).findings, []);
  });

  it('gonogo.yaml and checkins.yaml at the top: names the folder and the dated file name, no rename', () => {
    const gonogo = expectFinding({ 'gonogo.yaml': 'decision: no-go\n' }, 'file-misnamed', { severity: 'error', covers: 'decision: no-go', file: '.release/gonogo.yaml' });
    assert.equal(gonogo.message, 'Release Plan reads go/no-go records from the gonogo/ folder, one file per day named by its date (gonogo/2026-12-01.yaml), not from gonogo.yaml: move this file there under the day\'s date; until then it is ignored.');
    assert.equal(gonogo.data, undefined);
    const checkins = expectFinding({ 'check-ins.yaml': 'shipped: [x]\n' }, 'file-misnamed', { severity: 'error', covers: 'shipped: [x]', file: '.release/check-ins.yaml' });
    assert.match(checkins.message, /^Release Plan reads daily check-ins from the checkins\/ folder, one file per day named by its date \(checkins\/2026-12-01\.yaml\), not from check-ins\.yaml:/);
  });

  it('a misnamed go/no-go record is not silently skipped by gonogo', () => {
    const result = check({ 'gonogo.yaml': 'decision: no-go\nreason: not ready\n' });
    assert.notEqual(evaluateGonogo(result).recommendation, 'go');
  });
});

describe('reading .release/ from disk (CLI)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'release-plan-read-'));
    await mkdir(join(dir, 'repo/.release'), { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('follows symbolic links to files and folders, and notes links that leave the folder', async () => {
    await mkdir(join(dir, 'shared/checkins'), { recursive: true });
    await writeFile(join(dir, 'shared/release.yaml'), CLEAN_RELEASE);
    await writeFile(join(dir, 'shared/checkins/2026-11-30.yaml'), 'shipped: [x]\n');
    await writeFile(join(dir, 'repo/rollback.source.yaml'), CLEAN_ROLLBACK);
    await symlink(join(dir, 'shared/release.yaml'), join(dir, 'repo/.release/release.yaml'));
    await symlink('../rollback.source.yaml', join(dir, 'repo/.release/rollback.yaml'));
    await symlink(join(dir, 'shared/checkins'), join(dir, 'repo/.release/checkins'));
    const read = await readPlan(join(dir, 'repo'));
    assert.deepEqual([...read.files.keys()].sort(), ['.release/checkins/2026-11-30.yaml', '.release/release.yaml', '.release/rollback.yaml']);
    assert.equal(read.files.get('.release/release.yaml'), CLEAN_RELEASE);
    assert.deepEqual(read.unreadable, new Map());
    // The rollback link stays inside repo/; the other two lead out of it.
    assert.deepEqual([...read.outside.keys()].sort(), ['.release/checkins/2026-11-30.yaml', '.release/release.yaml']);
    assert.match(read.outside.get('.release/release.yaml') ?? '', /shared\/release\.yaml$/);
  });

  it('a broken link, a folder named release.yaml and a UTF-16 file are unreadable entries', async () => {
    await symlink(join(dir, 'nowhere.yaml'), join(dir, 'repo/.release/rollback.yaml'));
    await mkdir(join(dir, 'repo/.release/release.yaml'));
    await writeFile(join(dir, 'repo/.release/team.yaml'), utf16le('people:\n  - name: Ana\n', true));
    const read = await readPlan(join(dir, 'repo'));
    assert.deepEqual(read.files, new Map());
    assert.match(english(read.unreadable.get('.release/rollback.yaml')), /^This is a symbolic link to .*nowhere\.yaml that does not exist, so it was not read\. Fix or remove the link\.$/);
    assert.equal(english(read.unreadable.get('.release/release.yaml')), 'This is a folder, not a file, so it was not read. Move what is inside it out, remove the folder and write release.yaml as a file.');
    assert.match(english(read.unreadable.get('.release/team.yaml')), /saved as UTF-16 \(little-endian, with a byte-order mark\)/);
  });

  it('a file where the checkins/ folder belongs is an unreadable entry', async () => {
    await writeFile(join(dir, 'repo/.release/checkins'), 'shipped: [x]\n');
    const read = await readPlan(join(dir, 'repo'));
    assert.deepEqual(new Map([...read.unreadable].map(([path, why]) => [path, english(why)])), new Map([['.release/checkins', 'This should be a folder of dated files (e.g. checkins/2026-12-01.yaml), but it is a file, so it was not read. Move it away and create the folder.']]));
  });

  it('a link loop inside .release/ ends (no endless walk)', async () => {
    await symlink('..', join(dir, 'repo/.release/loop'));
    await writeFile(join(dir, 'repo/.release/release.yaml'), YAML);
    const read = await readPlan(join(dir, 'repo'));
    assert.deepEqual([...read.files.keys()], ['.release/release.yaml']);
  });
});

describe('reading go/no-go records wherever a person saved them (readPlan)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'release-plan-records-'));
    await mkdir(join(dir, '.release', 'gonogo', '2026'), { recursive: true });
    await writeFile(join(dir, '.release', 'release.yaml'), CLEAN_RELEASE);
    await writeFile(join(dir, '.release', 'rollback.yaml'), CLEAN_ROLLBACK);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('passes a record without an extension and one in a sub-folder to the engine, and no hidden file', async () => {
    await writeFile(join(dir, '.release', 'gonogo', '2026-11-29'), 'decision: no-go\n');
    await writeFile(join(dir, '.release', 'gonogo', '2026', '2026-11-30.yaml'), 'decision: no-go\n');
    await writeFile(join(dir, '.release', 'gonogo', '.DS_Store'), 'junk');
    const read = await readPlan(dir);
    assert.deepEqual([...read.files.keys()].filter((path) => path.includes('gonogo')).sort(), ['.release/gonogo/2026-11-29', '.release/gonogo/2026/2026-11-30.yaml']);
    const result = checkPlan(read.files, { today: TODAY, unreadable: read.unreadable });
    assert.deepEqual(only(result, 'file-misnamed').map((f) => [f.file, f.data?.rename]), [
      ['.release/gonogo/2026-11-29', '.release/gonogo/2026-11-29.yaml'],
      ['.release/gonogo/2026/2026-11-30.yaml', '.release/gonogo/2026-11-30.yaml'],
    ]);
    assert.notEqual(evaluateGonogo(result).recommendation, 'go');
  });
});
