import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CLEAN_CHECKIN, CLEAN_CHECKIN_FILE, CLEAN_RELEASE, CLEAN_ROLLBACK, releaseWith, TODAY } from './helpers';
import { buildIfStale } from './cli-io';

/**
 * The built `dist/cli.js` run as a child process, the way CI and a terminal run it: exit codes,
 * output, and never a stack trace.
 */
const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const asRoot = process.getuid?.() === 0;
const hasScript = existsSync('/usr/bin/script');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with NO_COLOR / FORCE_COLOR cleared unless `env` sets them. */
async function cli(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Ran> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  Object.assign(env, options.env);
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: options.cwd, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function assertNoStack(ran: Ran): void {
  for (const line of `${ran.stdout}\n${ran.stderr}`.split('\n')) assert.ok(!line.startsWith('    at '), `a stack trace line: ${line}`);
}


const MARKED = releaseWith('    owner: Bo\n', '    owner: backend team\n');
const VAGUE_ROLLBACK = releaseWith('    threshold: "> 2%"\n', '', CLEAN_ROLLBACK);

describe('release-plan as a process (dist/cli.js)', function () {
  this.timeout(120_000);
  let dir: string;

  before(async () => {
    await buildIfStale(['cli']);
  });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'release-plan-proc-'));
  });

  afterEach(async () => {
    await chmod(dir, 0o755).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  async function plan(entries: Record<string, string | Buffer>, folder = dir): Promise<void> {
    const all = { 'release.yaml': CLEAN_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN, ...entries };
    for (const [name, text] of Object.entries(all)) {
      const path = join(folder, '.release', name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    }
  }

  it('--version and -v print package.json\'s version (bundled at build time)', async () => {
    const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const ran = await cli([flag], { cwd: dir });
      assert.deepEqual(ran, { code: 0, stdout: `release-plan ${version}\n`, stderr: '' });
    }
  });

  it('prints paths relative to the current folder when run from a parent folder', async () => {
    await plan({ 'release.yaml': MARKED });
    const ran = await cli(['check', basename(dir), '--today', TODAY], { cwd: dirname(dir) });
    assert.equal(ran.code, 1);
    assert.match(ran.stdout, new RegExp(`^${basename(dir)}/\\.release/release\\.yaml:19:12: error owner-team-label: `));
    assertNoStack(ran);
  });

  it('--quiet and --max-warnings', async () => {
    await plan({ 'rollback.yaml': VAGUE_ROLLBACK });
    const plain = await cli(['check', '--today', TODAY], { cwd: dir });
    assert.equal(plain.code, 0);
    assert.match(plain.stdout, /warning rollback-trigger-vague/);

    const over = await cli(['check', '--today', TODAY, '--max-warnings', '0'], { cwd: dir });
    assert.equal(over.code, 1);
    assert.equal(over.stderr, 'release-plan: too many warnings: 1, and --max-warnings allows 0.\n');

    // Fail closed in CI: hidden warnings still count against --max-warnings.
    const quiet = await cli(['check', '--today', TODAY, '--max-warnings', '0', '--quiet'], { cwd: dir });
    assert.deepEqual(quiet, { code: 1, stdout: `release-plan: no problems in ${dir} (checked as of ${TODAY}).\n`, stderr: 'release-plan: 1 warning (hidden by --quiet) exceeds --max-warnings 0; run without --quiet to see them.\n' });

    for (const value of ['many', '-1']) {
      const bad = await cli(['check', '--max-warnings', value], { cwd: dir });
      assert.equal(bad.code, 2);
      assert.equal(bad.stderr, `release-plan: --max-warnings must be a whole number, 0 or more, not "${value}". Run \`release-plan --help\` for the commands and options.\n`);
      assertNoStack(bad);
    }
  });

  it('colours: none in a pipe, none with NO_COLOR, FORCE_COLOR=1 forces them, FORCE_COLOR=0 stops them', async () => {
    await plan({ 'release.yaml': MARKED });
    const escapes = async (env: Record<string, string>) => (await cli(['check', '--today', TODAY], { cwd: dir, env })).stdout.includes('\x1b[');
    assert.equal(await escapes({}), false);
    assert.equal(await escapes({ NO_COLOR: '1' }), false);
    assert.equal(await escapes({ FORCE_COLOR: '1' }), true);
    assert.equal(await escapes({ FORCE_COLOR: '0' }), false);
  });

  it(`on a terminal: grouped by file and coloured, plain with NO_COLOR${hasScript ? '' : ' (skipped: no `script` to give it a terminal)'}`, async function () {
    if (!hasScript) this.skip();
    await plan({ 'release.yaml': MARKED });
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check --today ${TODAY}`;
    const env = (({ FORCE_COLOR: _force, NO_COLOR: _no, ...rest }) => rest)(process.env);
    const tty = await promisify(execFile)('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: dir, env }).catch((error: { stdout: string }) => error);
    const lines = tty.stdout.replace(/\r/g, '').split('\n');
    assert.equal(lines[0], '\x1b[4m.release/release.yaml\x1b[24m');
    assert.match(lines[1] ?? '', /^ {2}\x1b\[2m19:12\x1b\[22m {2}\x1b\[31merror\x1b\[39m {2}"backend team" is a group/);

    const plainCommand = `NO_COLOR=1 ${command}`;
    const plain = await promisify(execFile)('/usr/bin/script', ['-qec', plainCommand, '/dev/null'], { cwd: dir, env }).catch((error: { stdout: string }) => error);
    const plainLines = plain.stdout.replace(/\r/g, '').split('\n');
    assert.equal(plainLines[0], '.release/release.yaml');
    assert.match(plainLines[1] ?? '', /^ {2}19:12 {2}error {2}"backend team" is a group.* {2}owner-team-label$/);
  });

  it('a symlinked release.yaml is read (not "run init")', async () => {
    await plan({});
    await rm(join(dir, '.release/release.yaml'));
    await writeFile(join(dir, 'plan.yaml'), MARKED);
    await symlink('../plan.yaml', join(dir, '.release/release.yaml'));
    const ran = await cli(['check', '--today', TODAY], { cwd: dir });
    assert.equal(ran.code, 1);
    assert.equal(ran.stderr, '');
    assert.match(ran.stdout, /^\.release\/release\.yaml:19:12: error owner-team-label: .*\.\n/);
    assert.doesNotMatch(ran.stdout, /this file is a link/, 'the link stays inside the folder');
  });

  for (const bom of [true, false]) {
    it(`a UTF-16 LE release.yaml ${bom ? 'with' : 'without'} a BOM gives one file-unreadable`, async () => {
      const body = Buffer.from(CLEAN_RELEASE, 'utf16le');
      await plan({ 'release.yaml': bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body });
      const ran = await cli(['check', '--today', TODAY], { cwd: dir });
      assert.equal(ran.code, 1);
      assert.equal(ran.stderr, '');
      const lines = ran.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 2, ran.stdout);
      assert.match(lines[0] ?? '', /^\.release\/release\.yaml:1:1: error file-unreadable: This file is saved as UTF-16 .*Save it as UTF-8/);
      assert.match(lines[1] ?? '', /^release-plan: 1 error, 0 warnings in /);
    });
  }

  it('a folder named release.yaml gives file-unreadable', async () => {
    await plan({});
    await rm(join(dir, '.release/release.yaml'));
    await mkdir(join(dir, '.release/release.yaml'));
    const ran = await cli(['check', '--today', TODAY], { cwd: dir });
    assert.equal(ran.code, 1);
    assert.match(ran.stdout, /^\.release\/release\.yaml:1:1: error file-unreadable: This is a folder, not a file/);
    assertNoStack(ran);
  });

  describe('file-system failures: one line on stderr, exit 2, no stack', () => {
    const cases: [string, string[], RegExp][] = [
      ['check on a file', ['check', 'package.json'], /^release-plan: package\.json is a file, not a folder\./],
      ['gonogo on a missing folder', ['gonogo', 'nope'], /^release-plan: nope does not exist\./],
      ['init package.json', ['init', 'package.json'], /^release-plan: package\.json is a file, not a folder\. Give init the folder/],
      ['init under a file', ['init', 'package.json/app'], /^release-plan: cannot create the folder package\.json\/app\/\.release: a part of the path is a file, not a folder\./],
      ['schema into a file', ['schema', 'package.json'], /^release-plan: package\.json is a file, not a folder\./],
      ['schema under a file', ['schema', 'package.json/out'], /^release-plan: cannot create the folder package\.json\/out: a part of the path is a file/],
    ];
    for (const [name, args, pattern] of cases) {
      it(name, async () => {
        await writeFile(join(dir, 'package.json'), '{}\n');
        const ran = await cli(args, { cwd: dir });
        assert.equal(ran.code, 2);
        assert.equal(ran.stdout, '');
        assert.match(ran.stderr, pattern);
        assert.equal(ran.stderr.trimEnd().split('\n').length, 1, ran.stderr);
        assertNoStack(ran);
      });
    }

    it('.release is a file', async () => {
      await writeFile(join(dir, '.release'), 'x\n');
      const ran = await cli(['check'], { cwd: dir });
      assert.equal(ran.code, 2);
      assert.match(ran.stderr, /^release-plan: \.release is a file, not a folder\. [^\n]*\n$/);
      assertNoStack(ran);
    });

    it(`an unreadable .release/ and read-only targets${asRoot ? ' (skipped as root: root ignores file permissions)' : ''}`, async function () {
      if (asRoot) this.skip();
      await plan({});
      await chmod(join(dir, '.release'), 0o000);
      const check = await cli(['check'], { cwd: dir });
      await chmod(join(dir, '.release'), 0o755);
      assert.deepEqual(check, { code: 2, stdout: '', stderr: 'release-plan: cannot read .release: permission denied.\n' });

      await mkdir(join(dir, 'ro'));
      await chmod(join(dir, 'ro'), 0o555);
      for (const command of ['init', 'schema']) {
        const ran = await cli([command, 'ro'], { cwd: dir });
        assert.equal(ran.code, 2, command);
        assert.match(ran.stderr, /^release-plan: cannot (?:create the folder|write) ro\/[^\n]*: permission denied\.\n$/, command);
        assertNoStack(ran);
      }
    });
  });
});
