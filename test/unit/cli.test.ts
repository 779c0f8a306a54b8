import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { run } from '../../src/cli/main';
import { jsonSchemas } from '../../src/core/schemas';
import { io, writePlan, type Captured, freshDirEach } from './cli-io';
import { CLEAN_CHECKIN, CLEAN_CHECKIN_FILE, CLEAN_RELEASE, CLEAN_ROLLBACK, releaseWith, TODAY } from './helpers';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
/** Root reads and writes regardless of permissions, so permission cases cannot fail as root. */
const asRoot = process.getuid?.() === 0;


describe('release-plan CLI', () => {
  let dir: string;

  freshDirEach('release-plan-cli-', (fresh) => (dir = fresh));

  async function plan(entries: Record<string, string>, folder = dir): Promise<void> {
    await writePlan(folder, entries);
  }

  const MARKED = releaseWith('    owner: Bo\n', '    owner: backend team\n');
  /** A clean plan: release, rollback and yesterday's check-in (so no checkin-stale). */
  const CLEAN = { 'release.yaml': CLEAN_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN };

  describe('check', () => {
    it('prints path:line:col: severity code: message (1-based) and a summary; exit 1 on errors', async () => {
      await plan({ ...CLEAN, 'release.yaml': MARKED });
      const cap = io(dir);
      assert.equal(await run(['check', '.', '--today', TODAY], cap), 1);
      assert.deepEqual(cap.stderr, []);
      assert.equal(cap.stdout.length, 2);
      // "backend team" is on line 19, column 12 (0-based 18:11).
      assert.match(cap.stdout[0] ?? '', /^\.release\/release\.yaml:19:12: error owner-team-label: "backend team" is a group, not a person\./);
      assert.equal(cap.stdout[1], `release-plan: 1 error, 0 warnings in ${dir} (checked as of ${TODAY}).`);
    });

    it('exits 0 for a clean plan, and for warnings only', async () => {
      await plan(CLEAN);
      const clean = io(dir);
      assert.equal(await run(['check', dir, '--today', TODAY], clean), 0);
      assert.deepEqual(clean.stdout, [`release-plan: no problems in ${dir} (checked as of ${TODAY}).`]);

      const warned = io(dir);
      assert.equal(await run(['check', dir, '--today', '2026-12-19'], warned), 0);
      assert.match(warned.stdout.join('\n'), /warning date-target-passed/);
      assert.match(warned.stdout[warned.stdout.length - 1] ?? '', /0 errors, \d+ warnings/);
    });

    it('defaults dir to the current folder and --today to io.now()', async () => {
      await plan(CLEAN);
      const late = io(dir, '2026-12-19T08:00:00Z');
      assert.equal(await run(['check'], late), 0);
      assert.match(late.stdout.join('\n'), /date-target-passed/);
      assert.match(late.stdout[late.stdout.length - 1] ?? '', /as of 2026-12-19/);
    });

    it('--format json: diagnostics with 1-based lines and a summary', async () => {
      await plan({ ...CLEAN, 'release.yaml': MARKED, 'rollback.yaml': releaseWith('    threshold: "> 2%"\n', '', CLEAN_ROLLBACK) });
      const cap = io(dir);
      assert.equal(await run(['check', dir, '--today', TODAY, '--format', 'json'], cap), 1);
      const output = JSON.parse(cap.stdout.join('\n')) as { diagnostics: Record<string, unknown>[]; summary: Record<string, unknown> };
      assert.deepEqual(Object.keys(output), ['root', 'diagnostics', 'summary']);
      assert.equal((output as unknown as { root: string }).root, dir);
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
      await plan({ ...CLEAN, 'checkins/2026-11-30.yaml': 'blocks:\n  - what: staging is down\n' });
      const cap = io(dir);
      assert.equal(await run(['check', dir, '--today', TODAY], cap), 0);
      assert.match(cap.stdout[0] ?? '', /^\.release\/checkins\/2026-11-30\.yaml:2:5: warning checkin-block-unowned: /);
    });
  });

  describe('bad usage: exit 2 with a clear message', () => {
    it('no .release/ folder', async () => {
      const cap = io(dir);
      assert.equal(await run(['check', dir], cap), 2);
      assert.deepEqual(cap.stderr, ['release-plan: no .release/ folder in the current folder. Run `release-plan init` to create one.']);
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
      ['a bad --format', ['check', '.', '--format', 'xml'], /--format must be text, json, github, sarif, gitlab or markdown, not "xml"/],
      ['a bad --today', ['check', '.', '--today', '2026-02-30'], /--today must be a date written YYYY-MM-DD/],
      ['a --today that is not ISO', ['check', '.', '--today', '01/12/2026'], /--today must be a date/],
      ['no command', [], /no command given/],
      ['an unknown command', ['deploy'], /unknown command "deploy"/],
      ['an unknown option', ['check', '--fast'], /^release-plan: unknown option "--fast"\./],
      ['an unknown short option', ['check', '-x'], /^release-plan: unknown option "-x"\./],
      ['an extra argument', ['check', 'a', 'b'], /^release-plan: unexpected argument: b\. Run/],
      ['an extra path', ['check', '.', '/tmp/x'], /^release-plan: unexpected argument: \/tmp\/x\. Run `release-plan --help`/],
      ['a negative --max-warnings as its own argument', ['check', '--max-warnings', '-1'], /^release-plan: --max-warnings must be a whole number, 0 or more, not "-1"\./],
      ['a word as --max-warnings', ['check', '--max-warnings', 'abc'], /^release-plan: --max-warnings must be a whole number, 0 or more, not "abc"\./],
      ['--max-warnings without a value', ['check', '--max-warnings'], /^release-plan: --max-warnings needs a value, e\.g\. --max-warnings 0\./],
      ['--today followed by another option', ['check', '--today', '--quiet'], /^release-plan: --today must be a date written YYYY-MM-DD, not "--quiet"\./],
      ['a value given to a flag', ['check', '--quiet=yes'], /^release-plan: --quiet takes no value\./],
    ] as const) {
      it(name, async () => {
        await plan({ 'release.yaml': CLEAN_RELEASE });
        const cap = io(dir);
        assert.equal(await run([...argv], cap), 2);
        // One line of our own, pointing to --help; never the option parser's wording.
        assert.equal(cap.stderr.length, 1);
        assert.equal(cap.stderr[0]?.includes('\n'), false);
        assert.match(cap.stderr[0] ?? '', pattern);
        assert.match(cap.stderr[0] ?? '', /\. Run `release-plan --help` for the commands and options\.$/, 'our sentence ends with a full stop before the pointer to --help');
        assert.doesNotMatch(cap.stderr[0] ?? '', /ambiguous|ERR_PARSE_ARGS|argument missing|To specify an option argument/i);
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
      await plan(CLEAN);
      const cap = io(dir);
      assert.equal(await run(['gonogo', dir, '--today', TODAY], cap), 0);
      assert.equal(cap.stdout.filter((line) => /^\d\. \[PASS\]/.test(line)).length, 5);
      assert.match(cap.stdout[cap.stdout.length - 1] ?? '', /^Recommendation: GO \(as of 2026-12-01\)/);
    });

    it('exits 1 for no-go', async () => {
      await plan({ ...CLEAN, 'release.yaml': MARKED });
      const cap = io(dir);
      assert.equal(await run(['gonogo', dir, '--today', TODAY], cap), 1);
      assert.ok(cap.stdout.includes('2. [FAIL] Does every unfinished task have one named owner?'));
      assert.match(cap.stdout[cap.stdout.length - 1] ?? '', /^Recommendation: NO-GO/);
    });

    it('exits 1 while a question needs an answer, and 0 once a record answers it', async () => {
      await plan({ ...CLEAN, 'release.yaml': releaseWith('environment: staging', 'environment: laptop') });
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
    it('creates a commented plan whose check fails (exit 1) until its placeholders are filled in', async () => {
      const cap = io(dir);
      assert.equal(await run(['init', dir], cap), 0);
      assert.deepEqual((await readdir(join(dir, '.release'))).sort(), ['release.yaml', 'rollback.yaml']);
      assert.ok(cap.stdout.includes('created .release/release.yaml'));
      assert.match(await readFile(join(dir, '.release/release.yaml'), 'utf8'), /^# /);

      const checked = io(dir);
      assert.equal(await run(['check', dir, '--format', 'json'], checked), 1);
      const output = JSON.parse(checked.stdout.join('\n')) as { diagnostics: { code: string; severity: string }[]; summary: { errors: number } };
      assert.ok(output.diagnostics.some((d) => d.code === 'owner-missing' && d.severity === 'error'), JSON.stringify(output.diagnostics));
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

  describe('paths, formats and options', () => {
    const VAGUE_ROLLBACK = releaseWith('    threshold: "> 2%"\n', '', CLEAN_ROLLBACK);

    it('prints paths relative to the current folder; JSON has the absolute root and relative files', async () => {
      const app = join(dir, 'apps/web');
      await plan({ ...CLEAN, 'release.yaml': MARKED }, app);
      const parent = io(dir);
      assert.equal(await run(['check', 'apps/web', '--today', TODAY], parent), 1);
      assert.match(parent.stdout[0] ?? '', /^apps\/web\/\.release\/release\.yaml:19:12: error owner-team-label: "backend team" is a group/);
      assert.equal(parent.stdout[parent.stdout.length - 1], `release-plan: 1 error, 0 warnings in ${app} (checked as of ${TODAY}).`);

      const inside = io(join(app, '.release'));
      assert.equal(await run(['check', '..', '--today', TODAY], inside), 1);
      assert.match(inside.stdout[0] ?? '', /^release\.yaml:19:12: error owner-team-label: /);

      const json = io(dir);
      assert.equal(await run(['check', 'apps/web', '--today', TODAY, '--format', 'json'], json), 1);
      const output = JSON.parse(json.stdout.join('\n')) as { root: string; diagnostics: { file: string }[] };
      assert.equal(output.root, app);
      assert.deepEqual(output.diagnostics.map((d) => d.file), ['apps/web/.release/release.yaml']);
    });

    it('--quiet shows and counts errors only', async () => {
      await plan({ ...CLEAN, 'release.yaml': MARKED, 'rollback.yaml': VAGUE_ROLLBACK });
      const loud = io(dir);
      assert.equal(await run(['check', '--today', TODAY], loud), 1);
      assert.match(loud.stdout[loud.stdout.length - 1] ?? '', /: 1 error, 1 warning in /);

      const quiet = io(dir);
      assert.equal(await run(['check', '--today', TODAY, '--quiet'], quiet), 1);
      assert.equal(quiet.stdout.length, 2);
      assert.match(quiet.stdout[0] ?? '', / error owner-team-label: /);
      assert.match(quiet.stdout[1] ?? '', /: 1 error, 0 warnings in /);

      const json = io(dir);
      await run(['check', '--today', TODAY, '--quiet', '--format', 'json'], json);
      const output = JSON.parse(json.stdout.join('\n')) as { diagnostics: { severity: string }[]; summary: { warnings: number } };
      assert.deepEqual(output.diagnostics.map((d) => d.severity), ['error']);
      assert.equal(output.summary.warnings, 0);
    });

    it('--max-warnings N: exit 1 when warnings exceed N, counting them even when --quiet hides them', async () => {
      await plan({ ...CLEAN, 'rollback.yaml': VAGUE_ROLLBACK });
      const over = io(dir);
      assert.equal(await run(['check', '--today', TODAY, '--max-warnings', '0'], over), 1);
      assert.deepEqual(over.stderr, ['release-plan: too many warnings: 1, and --max-warnings allows 0.']);
      assert.equal(await run(['check', '--today', TODAY, '--max-warnings', '1'], io(dir)), 0);
      assert.equal(await run(['check', '--today', TODAY], io(dir)), 0);
      const quiet = io(dir);
      assert.equal(await run(['check', '--today', TODAY, '--max-warnings', '0', '--quiet'], quiet), 1);
      assert.deepEqual(quiet.stdout, [`release-plan: no problems in ${dir} (checked as of ${TODAY}).`]);
      assert.deepEqual(quiet.stderr, ['release-plan: 1 warning (hidden by --quiet) exceeds --max-warnings 0; run without --quiet to see them.']);
      assert.equal(await run(['check', '--today', TODAY, '--max-warnings', '1', '--quiet'], io(dir)), 0);
      assert.equal(await run(['check', '--today', TODAY, '--quiet'], io(dir)), 0);
    });

    for (const bad of ['x', '-1', '1.5', '']) {
      it(`--max-warnings "${bad}" is bad usage`, async () => {
        await plan(CLEAN);
        const cap = io(dir);
        assert.equal(await run(['check', `--max-warnings=${bad}`], cap), 2);
        assert.match(cap.stderr[0] ?? '', new RegExp(`^release-plan: --max-warnings must be a whole number, 0 or more, not "${bad.replace('.', '\\.')}"\\.`));
      });
    }

    it('--quiet and --max-warnings belong to check only', async () => {
      await plan(CLEAN);
      const cap = io(dir);
      assert.equal(await run(['gonogo', '--quiet'], cap), 2);
      assert.match(cap.stderr[0] ?? '', /^release-plan: --quiet and --max-warnings apply to the check command only\./);
    });

    it('--version and -v print the version from package.json', async () => {
      const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      for (const flag of ['--version', '-v']) {
        const cap = io(dir);
        assert.equal(await run([flag], cap), 0);
        assert.deepEqual(cap.stdout, [`release-plan ${version}`]);
      }
    });

    it('the summary counts infos when there are any', async () => {
      await plan({ ...CLEAN, 'rollback.yaml': VAGUE_ROLLBACK, 'config.yaml': 'rules:\n  rollback-trigger-vague: info\n' });
      const cap = io(dir);
      assert.equal(await run(['check', '--today', TODAY], cap), 0);
      assert.match(cap.stdout[0] ?? '', /^\.release\/rollback\.yaml:\d+:\d+: info rollback-trigger-vague: /);
      assert.equal(cap.stdout[1], `release-plan: 0 errors, 0 warnings, 1 info in ${dir} (checked as of ${TODAY}).`);
    });

    it('on a terminal, groups findings by file (plain with NO_COLOR)', async () => {
      await plan({ ...CLEAN, 'release.yaml': MARKED, 'rollback.yaml': VAGUE_ROLLBACK });
      const cap = { ...io(dir), isTTY: true, env: { NO_COLOR: '1' } };
      assert.equal(await run(['check', '--today', TODAY], cap), 1);
      const [header1, row1, blank1, header2, row2, blank2, summary, ...rest] = cap.stdout;
      assert.equal(header1, '.release/release.yaml');
      assert.match(row1 ?? '', /^ {2}19:12 {2}error {2}"backend team" is a group, not a person\..* {2}owner-team-label$/);
      assert.equal(blank1, '');
      assert.equal(header2, '.release/rollback.yaml');
      assert.match(row2 ?? '', /^ {2}\d+:\d+ {2}warning {2}The trigger "error rate" has no threshold.* {2}rollback-trigger-vague$/);
      assert.equal(blank2, '');
      assert.equal(summary, `release-plan: 1 error, 1 warning in ${dir} (checked as of ${TODAY}).`);
      assert.deepEqual(rest, []);
      assert.ok(!cap.stdout.join('\n').includes('\x1b['));
    });

    it('colours only on a terminal; NO_COLOR turns them off, FORCE_COLOR=0 off and FORCE_COLOR=1 on', async () => {
      await plan({ ...CLEAN, 'release.yaml': MARKED });
      const coloured = async (isTTY: boolean, env: Record<string, string>, format = 'text') => {
        const cap = { ...io(dir), isTTY, env };
        await run(['check', '--today', TODAY, '--format', format], cap);
        return cap.stdout.join('\n').includes('\x1b[');
      };
      assert.equal(await coloured(true, {}), true);
      assert.equal(await coloured(true, { NO_COLOR: '1' }), false);
      assert.equal(await coloured(true, { NO_COLOR: '' }), true, 'an empty NO_COLOR is not set');
      assert.equal(await coloured(true, { FORCE_COLOR: '0' }), false);
      assert.equal(await coloured(false, {}), false);
      assert.equal(await coloured(false, { FORCE_COLOR: '1' }), true);
      assert.equal(await coloured(false, { FORCE_COLOR: '1' }, 'json'), false);

      const forced = { ...io(dir), env: { FORCE_COLOR: '1' } };
      await run(['check', '--today', TODAY], forced);
      assert.match(forced.stdout[0] ?? '', /^\.release\/release\.yaml:19:12: \x1b\[31merror\x1b\[39m owner-team-label: /);
    });
  });

  describe('plan files that cannot be read or are misnamed', () => {
    const findingLines = (cap: Captured) => cap.stdout.filter((line) => !line.startsWith('release-plan:'));

    for (const bom of [true, false]) {
      it(`a UTF-16 LE release.yaml ${bom ? 'with' : 'without'} a BOM: one file-unreadable, not "run init"`, async () => {
        await plan({ ...CLEAN });
        const body = Buffer.from(CLEAN_RELEASE, 'utf16le');
        await writeFile(join(dir, '.release/release.yaml'), bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
        const cap = io(dir);
        assert.equal(await run(['check', '--today', TODAY], cap), 1);
        assert.deepEqual(cap.stderr, []);
        assert.deepEqual(findingLines(cap), [
          `.release/release.yaml:1:1: error file-unreadable: This file is saved as UTF-16 (little-endian, ${bom ? 'with a' : 'no'} byte-order mark), not UTF-8, so it was not read. Save it as UTF-8 and check again (Windows PowerShell writes UTF-16 with \`>\` and \`Out-File\`: use \`Out-File -Encoding utf8\`).`,
        ]);
      });
    }

    it('a folder named release.yaml is file-unreadable', async () => {
      await plan({ ...CLEAN });
      await rm(join(dir, '.release/release.yaml'));
      await mkdir(join(dir, '.release/release.yaml'));
      const cap = io(dir);
      assert.equal(await run(['check', '--today', TODAY], cap), 1);
      assert.deepEqual(findingLines(cap), ['.release/release.yaml:1:1: error file-unreadable: This is a folder, not a file, so it was not read. Move what is inside it out, remove the folder and write release.yaml as a file.']);
    });

    it('rollback.yml gives file-misnamed, not rollback-missing', async () => {
      await plan({ 'release.yaml': CLEAN_RELEASE, 'rollback.yml': CLEAN_ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN });
      const cap = io(dir);
      assert.equal(await run(['check', '--today', TODAY], cap), 1);
      assert.deepEqual(findingLines(cap), ['.release/rollback.yml:1:1: error file-misnamed: Release Plan reads rollback.yaml, not rollback.yml: rename this file to rollback.yaml; until then it is ignored.']);
    });

    it('follows a symlinked release.yaml; a link out of the folder is named in its findings', async () => {
      const outside = await mkdtemp(join(tmpdir(), 'release-plan-outside-'));
      try {
        await plan({ 'rollback.yaml': CLEAN_ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN });
        await writeFile(join(outside, 'release.yaml'), MARKED);
        await symlink(join(outside, 'release.yaml'), join(dir, '.release/release.yaml'));
        const cap = io(dir);
        assert.equal(await run(['check', '--today', TODAY], cap), 1);
        assert.deepEqual(cap.stderr, []);
        const lines = findingLines(cap);
        assert.equal(lines.length, 1);
        assert.match(lines[0] ?? '', /^\.release\/release\.yaml:19:12: error owner-team-label: .*\(this file is a link to (.*)\)$/);
        assert.ok(lines[0]?.endsWith(`(this file is a link to ${await realpath(join(outside, 'release.yaml'))})`), lines[0]);
      } finally {
        await rm(outside, { recursive: true, force: true });
      }
    });

    it('a broken link as release.yaml is file-unreadable', async () => {
      await plan({ 'rollback.yaml': CLEAN_ROLLBACK });
      await symlink(join(dir, 'gone.yaml'), join(dir, '.release/release.yaml'));
      const cap = io(dir);
      assert.equal(await run(['check', '--today', TODAY], cap), 1);
      assert.match(findingLines(cap).join('\n'), /^\.release\/release\.yaml:1:1: error file-unreadable: This is a symbolic link to .*gone\.yaml that does not exist/);
    });

    it(`a release.yaml without read permission is file-unreadable${asRoot ? ' (skipped as root: root reads any file)' : ''}`, async function () {
      if (asRoot) this.skip();
      await plan(CLEAN);
      await chmod(join(dir, '.release/release.yaml'), 0o000);
      const cap = io(dir);
      assert.equal(await run(['check', '--today', TODAY], cap), 1);
      assert.deepEqual(findingLines(cap), ['.release/release.yaml:1:1: error file-unreadable: This file could not be read: permission denied.']);
    });
  });

  describe('file-system failures: one line, exit 2, for every command', () => {
    const cases: [string, string[], string][] = [
      ['check on a file', ['check', 'package.json'], 'release-plan: package.json is a file, not a folder. Give the folder that holds .release/.'],
      ['check on a missing folder', ['check', 'nope'], 'release-plan: nope does not exist. Give the folder that holds .release/.'],
      ['gonogo on a file', ['gonogo', 'package.json'], 'release-plan: package.json is a file, not a folder. Give the folder that holds .release/.'],
      ['init package.json', ['init', 'package.json'], 'release-plan: package.json is a file, not a folder. Give init the folder that should hold .release/, e.g. `release-plan init .`.'],
      ['init under a file', ['init', 'package.json/app'], 'release-plan: cannot create the folder package.json/app/.release: a part of the path is a file, not a folder.'],
      ['schema into a file', ['schema', 'package.json'], 'release-plan: package.json is a file, not a folder. Give schema a folder to write the JSON Schemas into.'],
      ['schema under a file', ['schema', 'package.json/out'], 'release-plan: cannot create the folder package.json/out: a part of the path is a file, not a folder.'],
    ];
    for (const [name, argv, message] of cases) {
      it(name, async () => {
        await writeFile(join(dir, 'package.json'), '{}\n');
        const cap = io(dir);
        assert.equal(await run(argv, cap), 2);
        assert.deepEqual(cap.stderr, [message]);
        assert.deepEqual(cap.stdout, []);
      });
    }

    it('.release is a file', async () => {
      await writeFile(join(dir, '.release'), 'release: x\n');
      for (const command of ['check', 'gonogo', 'init']) {
        const cap = io(dir);
        assert.equal(await run([command], cap), 2, command);
        assert.equal(cap.stderr.length, 1, command);
        assert.match(cap.stderr[0] ?? '', /^release-plan: \.release is a file, not a folder\. /, command);
      }
    });

    it(`an unreadable .release/ and a read-only target folder${asRoot ? ' (skipped as root: root ignores file permissions)' : ''}`, async function () {
      if (asRoot) this.skip();
      await plan(CLEAN);
      await chmod(join(dir, '.release'), 0o000);
      const unreadable = io(dir);
      assert.equal(await run(['check'], unreadable), 2);
      assert.deepEqual(unreadable.stderr, ['release-plan: cannot read .release: permission denied.']);
      await chmod(join(dir, '.release'), 0o755);

      await mkdir(join(dir, 'ro'));
      await chmod(join(dir, 'ro'), 0o555);
      const init = io(dir);
      assert.equal(await run(['init', 'ro'], init), 2);
      assert.deepEqual(init.stderr, ['release-plan: cannot create the folder ro/.release: permission denied.']);
      const schema = io(dir);
      assert.equal(await run(['schema', 'ro'], schema), 2);
      assert.match(schema.stderr.join('\n'), /^release-plan: cannot write ro\/\w+\.schema\.json: permission denied\.$/);
    });
  });

  describe('gonogo output', () => {
    it('prints the veto before the recommendation, and the findings under a failed question', async () => {
      await plan({ ...CLEAN, 'release.yaml': MARKED, 'gonogo/2026-11-30.yaml': 'decision: no-go\ndecided_by: Ana\nreason: card payments fail on staging\n' });
      const cap = io(dir);
      assert.equal(await run(['gonogo', '--today', TODAY], cap), 1);
      const owners = cap.stdout.indexOf('2. [FAIL] Does every unfinished task have one named owner?');
      assert.ok(owners >= 0, cap.stdout.join('\n'));
      const next = cap.stdout.findIndex((line) => line.startsWith('3. '));
      assert.ok(cap.stdout.slice(owners, next).includes('     .release/release.yaml:19:12 owner-team-label'), cap.stdout.join('\n'));
      assert.equal(cap.stdout[cap.stdout.length - 2], 'Vetoed by Ana on 2026-11-30: card payments fail on staging');
      assert.match(cap.stdout[cap.stdout.length - 1] ?? '', /^Recommendation: NO-GO /);
    });

    it('JSON: root, and finding and veto paths relative to the current folder', async () => {
      await plan({ ...CLEAN, 'release.yaml': MARKED, 'gonogo/2026-11-30.yaml': 'decision: no-go\ndecided_by: Ana\nreason: card payments fail\n' });
      const cap = io(dirname(dir));
      assert.equal(await run(['gonogo', basename(dir), '--today', TODAY, '--format', 'json'], cap), 1);
      const output = JSON.parse(cap.stdout.join('\n')) as { root: string; veto: { file: string; decidedBy: string }; questions: { id: string; findings: Record<string, unknown>[] }[] };
      assert.equal(output.root, dir);
      assert.equal(output.veto.file, `${basename(dir)}/.release/gonogo/2026-11-30.yaml`);
      assert.equal(output.veto.decidedBy, 'Ana');
      const finding = output.questions.find((q) => q.id === 'owners')?.findings[0];
      assert.deepEqual({ ...finding, message: undefined }, { file: `${basename(dir)}/.release/release.yaml`, line: 19, column: 12, endLine: 19, endColumn: 24, severity: 'error', code: 'owner-team-label', message: undefined });
    });
  });

  describe('the built bin (dist/cli.js)', function () {
    this.timeout(120_000);

    before(async () => {
      if (!existsSync(CLI)) await promisify(execFile)(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT });
    });

    it('runs check with a shebang, exit codes and output', async () => {
      await plan({ ...CLEAN, 'release.yaml': MARKED });
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
      assert.match(usage.stderr, /missing does not exist\. Give the folder that holds \.release\/\.\n$/);
    });
  });
});
