import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { run, type Io } from '../../src/cli/main';
import { jsonSchemas } from '../../src/core/schemas';
import { CLEAN_RELEASE, CLEAN_ROLLBACK, releaseWith, TODAY } from './helpers';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

interface Captured extends Io {
  stdout: string[];
  stderr: string[];
}

function io(cwd: string, now = `${TODAY}T12:00:00Z`): Captured {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text), cwd, now: () => new Date(now) };
}

describe('release-plan CLI', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'release-plan-cli-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function plan(entries: Record<string, string>, folder = dir): Promise<void> {
    for (const [name, text] of Object.entries(entries)) {
      const path = join(folder, '.release', name);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    }
  }

  const MARKED = releaseWith('    owner: Bo\n', '    owner: backend team\n');

  describe('check', () => {
    it('prints path:line:col: severity code: message (1-based) and a summary; exit 1 on errors', async () => {
      await plan({ 'release.yaml': MARKED, 'rollback.yaml': CLEAN_ROLLBACK });
      const cap = io(dir);
      assert.equal(await run(['check', '.', '--today', TODAY], cap), 1);
      assert.deepEqual(cap.stderr, []);
      assert.equal(cap.stdout.length, 2);
      // "backend team" is on line 19, column 12 (0-based 18:11).
      assert.match(cap.stdout[0] ?? '', /^\.release\/release\.yaml:19:12: error owner-team-label: "backend team" is a group, not a person\./);
      assert.equal(cap.stdout[1], `release-plan: 1 error, 0 warnings in ${dir} (checked as of ${TODAY}).`);
    });

    it('exits 0 for a clean plan, and for warnings only', async () => {
      await plan({ 'release.yaml': CLEAN_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK });
      const clean = io(dir);
      assert.equal(await run(['check', dir, '--today', TODAY], clean), 0);
      assert.deepEqual(clean.stdout, [`release-plan: no problems in ${dir} (checked as of ${TODAY}).`]);

      const warned = io(dir);
      assert.equal(await run(['check', dir, '--today', '2026-12-19'], warned), 0);
      assert.match(warned.stdout.join('\n'), /warning date-target-passed/);
      assert.match(warned.stdout[warned.stdout.length - 1] ?? '', /0 errors, \d+ warnings/);
    });

    it('defaults dir to the current folder and --today to io.now()', async () => {
      await plan({ 'release.yaml': CLEAN_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK });
      const late = io(dir, '2026-12-19T08:00:00Z');
      assert.equal(await run(['check'], late), 0);
      assert.match(late.stdout.join('\n'), /date-target-passed/);
      assert.match(late.stdout[late.stdout.length - 1] ?? '', /as of 2026-12-19/);
    });

    it('--format json: diagnostics with 1-based lines and a summary', async () => {
      await plan({ 'release.yaml': MARKED, 'rollback.yaml': releaseWith('    threshold: "> 2%"\n', '', CLEAN_ROLLBACK) });
      const cap = io(dir);
      assert.equal(await run(['check', dir, '--today', TODAY, '--format', 'json'], cap), 1);
      const output = JSON.parse(cap.stdout.join('\n')) as { diagnostics: Record<string, unknown>[]; summary: Record<string, unknown> };
      assert.deepEqual(Object.keys(output).sort(), ['diagnostics', 'summary']);
      assert.deepEqual(output.diagnostics[0], {
        file: '.release/release.yaml',
        line: 19,
        column: 12,
        endLine: 19,
        endColumn: 24,
        severity: 'error',
        code: 'owner-team-label',
        message: output.diagnostics[0]?.message,
      });
      assert.equal(typeof output.diagnostics[0]?.message, 'string');
      assert.equal(output.diagnostics[1]?.code, 'rollback-trigger-vague');
      assert.equal(output.diagnostics[1]?.file, '.release/rollback.yaml');
      assert.deepEqual(output.summary, { errors: 1, warnings: 1, infos: 0, files: 2, today: TODAY });
    });

    it('reads check-ins and gonogo records in subfolders', async () => {
      await plan({ 'release.yaml': CLEAN_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK, 'checkins/2026-11-30.yaml': 'blocks:\n  - what: staging is down\n' });
      const cap = io(dir);
      assert.equal(await run(['check', dir, '--today', TODAY], cap), 0);
      assert.match(cap.stdout[0] ?? '', /^\.release\/checkins\/2026-11-30\.yaml:2:5: warning checkin-block-unowned: /);
    });
  });

  describe('bad usage: exit 2 with a clear message', () => {
    it('no .release/ folder', async () => {
      const cap = io(dir);
      assert.equal(await run(['check', dir], cap), 2);
      assert.match(cap.stderr.join('\n'), /no \.release\/ folder in .*release-plan init/);
      assert.deepEqual(cap.stdout, []);
    });

    it('a .release/ folder without release.yaml (check and gonogo)', async () => {
      await plan({ 'rollback.yaml': CLEAN_ROLLBACK });
      const cap = io(dir);
      assert.equal(await run(['check', dir], cap), 2);
      assert.match(cap.stderr.join('\n'), /no \.release\/release\.yaml in .*release-plan init/);
      assert.equal(await run(['gonogo', dir], io(dir)), 2);
    });

    it('a release.yml instead of release.yaml says to rename it', async () => {
      await plan({ 'release.yml': CLEAN_RELEASE });
      const cap = io(dir);
      assert.equal(await run(['check', dir], cap), 2);
      assert.match(cap.stderr.join('\n'), /Rename \.release\/release\.yml to \.release\/release\.yaml/);
    });

    for (const [name, argv, pattern] of [
      ['a bad --format', ['check', '.', '--format', 'xml'], /--format must be text or json, not "xml"/],
      ['a bad --today', ['check', '.', '--today', '2026-02-30'], /--today must be a date written YYYY-MM-DD/],
      ['a --today that is not ISO', ['check', '.', '--today', '01/12/2026'], /--today must be a date/],
      ['no command', [], /no command given/],
      ['an unknown command', ['deploy'], /unknown command "deploy"/],
      ['an unknown option', ['check', '--fast'], /Unknown option/i],
      ['an extra argument', ['check', 'a', 'b'], /unexpected argument: b/],
    ] as const) {
      it(name, async () => {
        await plan({ 'release.yaml': CLEAN_RELEASE });
        const cap = io(dir);
        assert.equal(await run([...argv], cap), 2);
        assert.match(cap.stderr.join('\n'), pattern);
        assert.match(cap.stderr.join('\n'), /Usage: release-plan/);
      });
    }

    it('--help prints usage and exits 0', async () => {
      const cap = io(dir);
      assert.equal(await run(['--help'], cap), 0);
      assert.match(cap.stdout.join('\n'), /^Usage: release-plan/);
    });
  });

  describe('gonogo', () => {
    it('exits 0 for go', async () => {
      await plan({ 'release.yaml': CLEAN_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK });
      const cap = io(dir);
      assert.equal(await run(['gonogo', dir, '--today', TODAY], cap), 0);
      assert.equal(cap.stdout.filter((line) => /^\d\. \[PASS\]/.test(line)).length, 5);
      assert.match(cap.stdout[cap.stdout.length - 1] ?? '', /^Recommendation: GO \(as of 2026-12-01\)/);
    });

    it('exits 1 for no-go', async () => {
      await plan({ 'release.yaml': MARKED, 'rollback.yaml': CLEAN_ROLLBACK });
      const cap = io(dir);
      assert.equal(await run(['gonogo', dir, '--today', TODAY], cap), 1);
      assert.ok(cap.stdout.includes('2. [FAIL] Does every unfinished task have one named owner?'));
      assert.match(cap.stdout[cap.stdout.length - 1] ?? '', /^Recommendation: NO-GO/);
    });

    it('exits 1 while a question needs an answer, and 0 once a record answers it', async () => {
      await plan({ 'release.yaml': releaseWith('environment: staging', 'environment: laptop'), 'rollback.yaml': CLEAN_ROLLBACK });
      const open = io(dir);
      assert.equal(await run(['gonogo', dir, '--today', TODAY], open), 1);
      assert.ok(open.stdout.some((line) => line.startsWith('4. [????]')));

      await plan({ 'gonogo/2026-11-30.yaml': 'decision: go\nanswers:\n  - id: dry-run\n    answer: yes\n    evidence: prod-like run\n' });
      const answered = io(dir);
      assert.equal(await run(['gonogo', dir, '--today', TODAY, '--format', 'json'], answered), 0);
      const output = JSON.parse(answered.stdout.join('\n')) as { today: string; recommendation: string; recordDate: string; questions: { id: string; verdict: string; source: string }[] };
      assert.equal(output.today, TODAY);
      assert.equal(output.recommendation, 'go');
      assert.equal(output.recordDate, '2026-11-30');
      assert.deepEqual(output.questions.find((q) => q.id === 'dry-run'), { ...output.questions.find((q) => q.id === 'dry-run'), verdict: 'pass', source: 'record' });
    });

    it('exits 2 without a .release/ folder', async () => {
      assert.equal(await run(['gonogo', dir], io(dir)), 2);
    });
  });

  describe('init', () => {
    it('creates a commented plan that checks with 0 errors', async () => {
      const cap = io(dir);
      assert.equal(await run(['init', dir], cap), 0);
      assert.deepEqual((await readdir(join(dir, '.release'))).sort(), ['release.yaml', 'rollback.yaml', 'team.yaml']);
      assert.ok(cap.stdout.includes('created .release/release.yaml'));
      assert.match(await readFile(join(dir, '.release/release.yaml'), 'utf8'), /^# /);

      const checked = io(dir);
      assert.equal(await run(['check', dir, '--format', 'json'], checked), 0);
      const output = JSON.parse(checked.stdout.join('\n')) as { diagnostics: { code: string; severity: string }[]; summary: { errors: number } };
      assert.equal(output.summary.errors, 0, JSON.stringify(output.diagnostics));
    });

    it('never overwrites an existing file', async () => {
      const mine = '# my own plan, hands off\nrelease: mine\n';
      await plan({ 'release.yaml': mine });
      const cap = io(dir);
      assert.equal(await run(['init', dir], cap), 0);
      assert.equal(await readFile(join(dir, '.release/release.yaml'), 'utf8'), mine);
      assert.ok(cap.stdout.includes('kept    .release/release.yaml (already exists)'));
      assert.ok(existsSync(join(dir, '.release/rollback.yaml')));

      const again = io(dir);
      assert.equal(await run(['init', dir], again), 0);
      assert.equal(again.stdout[again.stdout.length - 1], 'Nothing to do: the plan already exists.');
      assert.equal(await readFile(join(dir, '.release/release.yaml'), 'utf8'), mine);
    });

    it('creates the folder it is given', async () => {
      assert.equal(await run(['init', 'nested/app'], io(dir)), 0);
      assert.ok(existsSync(join(dir, 'nested/app/.release/release.yaml')));
    });
  });

  describe('schema', () => {
    it('writes one JSON Schema per file kind, equal to jsonSchemas()', async () => {
      const cap = io(dir);
      assert.equal(await run(['schema', 'out'], cap), 0);
      const expected = jsonSchemas();
      assert.deepEqual((await readdir(join(dir, 'out'))).sort(), Object.keys(expected).map((kind) => `${kind}.schema.json`).sort());
      for (const [kind, schema] of Object.entries(expected)) {
        assert.deepEqual(JSON.parse(await readFile(join(dir, 'out', `${kind}.schema.json`), 'utf8')), schema);
      }
      const release = expected.release as { $schema?: string };
      assert.equal(release.$schema, 'http://json-schema.org/draft-07/schema#');
    });

    it('defaults to schemas/ in the current folder', async () => {
      assert.equal(await run(['schema'], io(dir)), 0);
      assert.ok(existsSync(join(dir, 'schemas/release.schema.json')));
    });
  });

  describe('the built bin (dist/cli.js)', function () {
    this.timeout(120_000);

    before(async () => {
      if (!existsSync(CLI)) await promisify(execFile)(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT });
    });

    it('runs check with a shebang, exit codes and output', async () => {
      await plan({ 'release.yaml': MARKED, 'rollback.yaml': CLEAN_ROLLBACK });
      assert.match(await readFile(CLI, 'utf8'), /^#!\/usr\/bin\/env node/);
      const failed = await promisify(execFile)(process.execPath, [CLI, 'check', dir, '--today', TODAY]).then(
        () => assert.fail('expected exit 1'),
        (error: { code: number; stdout: string }) => error,
      );
      assert.equal(failed.code, 1);
      assert.match(failed.stdout, /\.release\/release\.yaml:19:12: error owner-team-label: /);
      const usage = await promisify(execFile)(process.execPath, [CLI, 'check', join(dir, 'missing')]).then(
        () => assert.fail('expected exit 2'),
        (error: { code: number; stderr: string }) => error,
      );
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /no \.release\/ folder/);
    });
  });
});
