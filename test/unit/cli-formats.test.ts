import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';
import { run } from '../../src/cli/main';
import { escapeData, escapeProperty, githubLines } from '../../src/cli/formats/github';
import { countdown, escapeMarkdown, MARKDOWN_MAX_CHARS, MARKDOWN_MAX_FINDINGS, MARKDOWN_MAX_REASONS, MARKDOWN_MAX_TEXT, MARKDOWN_MAX_VERDICT_REASONS, markdownSummary } from '../../src/cli/formats/markdown';
import { checkPlan } from '../../src/core/engine';
import { planFiles } from '../../bench/plans';
import { findRepoRoot } from '../../src/cli/formats/repoRoot';
import { RULES_DOC_URL } from '../../src/cli/formats/ruleDocs';
import type { Shown } from '../../src/cli/output';
import { io, writePlan, freshDirEach } from './cli-io';
import { CLEAN_CHECKIN, CLEAN_CHECKIN_FILE, CLEAN_RELEASE, CLEAN_ROLLBACK, files, releaseWith, TODAY } from './helpers';

const ROOT = resolve(__dirname, '../..');
const MESSY = ['examples/messy', '--today', '2099-03-16'];


interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  related?: { message: string }[];
}

async function check(args: string[], cwd: string): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const cap = io(cwd);
  const code = await run(['check', ...args], cap);
  return { code, stdout: cap.stdout, stderr: cap.stderr };
}

async function diagnostics(args: string[], cwd: string): Promise<Diagnostic[]> {
  const { stdout } = await check([...args, '--format', 'json'], cwd);
  return (JSON.parse(stdout.join('\n')) as { diagnostics: Diagnostic[] }).diagnostics;
}

/** Whether some folder from `dir` up has a `.git` entry (then "not in a git repository" cannot be tested there). */
function insideGit(dir: string): boolean {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return true;
    if (at === parse(at).root) return false;
  }
}

/** The cells of a Markdown table row, split on unescaped pipes. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
}

const GITHUB_LINE = /^::(error|warning|notice) file=([^,]*),line=(\d+)(?:,col=(\d+))?,endLine=(\d+)(?:,endColumn=(\d+))?,title=([a-z-]+)::(.*)$/;

describe('release-plan check: CI formats', () => {
  let dir: string;

  freshDirEach('release-plan-formats-', (fresh) => (dir = fresh));

  async function plan(entries: Record<string, string>, folder = dir): Promise<void> {
    await writePlan(folder, entries);
  }

  const CLEAN = { 'release.yaml': CLEAN_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN };
  const MARKED = releaseWith('    owner: Bo\n', '    owner: backend team\n');

  describe('--format github', () => {
    it('escapes as @actions/core: %, CR, LF in data; also : and , in properties', () => {
      assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
      assert.equal(escapeProperty('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext%3A a%2C b');
      assert.equal(escapeData('%0A'), '%250A', 'an already escaped-looking text is escaped again, so it reads back as written');
    });

    it('examples/messy: one workflow command per finding, positions as --format json, then the summary; exit 1', async () => {
      const { code, stdout, stderr } = await check([...MESSY, '--format', 'github'], ROOT);
      assert.equal(code, 1);
      assert.deepEqual(stderr, []);
      const json = await diagnostics(MESSY, ROOT);
      assert.equal(stdout.length, json.length + 1);
      assert.match(stdout[stdout.length - 1] ?? '', /^release-plan: \d+ errors, \d+ warnings, 1 info in .*examples\/messy \(checked as of 2099-03-16\)\.$/);
      json.forEach((d, i) => {
        const line = stdout[i] ?? '';
        const m = GITHUB_LINE.exec(line);
        assert.ok(m, `not a workflow command: ${line}`);
        assert.equal(m[1], { error: 'error', warning: 'warning', info: 'notice' }[d.severity]);
        assert.equal(m[2], d.file.replace(/:/g, '%3A').replace(/,/g, '%2C'));
        assert.match(d.file, /^examples\/messy\/\.release\//, 'relative to the repository root, which is the current folder here');
        assert.deepEqual([Number(m[3]), Number(m[5])], [d.line, d.endLine]);
        if (d.line === d.endLine) assert.deepEqual([Number(m[4]), Number(m[6])], [d.column, d.endColumn]);
        assert.equal(m[7], d.code);
        // An annotation's related information follows its message, one line each.
        assert.equal(m[8], escapeData([d.message, ...(d.related ?? []).map((r) => `- ${r.message}`)].join('\n')));
      });
      assert.ok(
        stdout.includes('::error file=examples/messy/.release/release.yaml,line=53,col=12,endLine=53,endColumn=24,title=owner-team-label::"backend team" is a group, not a person. Name one person for task CR-2.'),
      );
      // "> 2%" in the message's example reads back as "%" once GitHub unescapes it.
      assert.ok(stdout.some((line) => line.startsWith('::warning file=examples/messy/.release/rollback.yaml,line=18,col=5,') && line.includes('(e.g. "error rate > 2%25")')));
    });

    it('a crafted plan: %, CR/LF in plan text; an info is a notice; a finding over several lines has no columns', async () => {
      const release = releaseWith('    owner: Bo\n', '    owner: "backend team 100%\\r\\nsquad"\n').replace(
        'problem: Customers cannot download their invoices as PDF.\n',
        'problem: |\n  Customers cannot pay by card.\n  Admins cannot export reports.\n',
      );
      await plan({ 'release.yaml': release, 'rollback.yaml': CLEAN_ROLLBACK }); // no check-in: checkin-stale (info)
      const { code, stdout } = await check(['--today', TODAY, '--format', 'github'], dir);
      assert.equal(code, 1);
      assert.ok(stdout.includes('::error file=.release/release.yaml,line=21,col=12,endLine=21,endColumn=40,title=owner-team-label::"backend team 100%25%0D%0Asquad" is a group, not a person. Name one person for task T1.'), stdout.join('\n'));
      assert.ok(stdout.some((line) => line.startsWith('::warning file=.release/release.yaml,line=2,endLine=5,title=problem-too-broad::')), 'no col/endColumn when the range spans lines');
      assert.ok(stdout.some((line) => /^::notice file=\.release\/release\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=checkin-stale::/.test(line)));
      for (const line of stdout.slice(0, -1)) assert.doesNotMatch(line, /[\r\n]/);
    });

    it('file names with spaces, ":" and ",": escaped properties, relative to the git top level, from any current folder', async () => {
      await mkdir(join(dir, '.git'));
      const app = join(dir, 'apps', 'my app, v2: web');
      await plan({ ...CLEAN, 'release.yaml': MARKED }, app);
      for (const cwd of [dir, app, join(app, '.release'), tmpdir()]) {
        const { code, stdout } = await check([app, '--today', TODAY, '--format', 'github'], cwd);
        assert.equal(code, 1);
        assert.equal(stdout[0], '::error file=apps/my app%2C v2%3A web/.release/release.yaml,line=19,col=12,endLine=19,endColumn=24,title=owner-team-label::"backend team" is a group, not a person. Name one person for task T1.', `from ${cwd}`);
      }
    });

    it('a .git file (a submodule or worktree) marks the top level too', async () => {
      await mkdir(join(dir, 'outer', '.git'), { recursive: true });
      await mkdir(join(dir, 'outer', 'sub'), { recursive: true });
      await writeFile(join(dir, 'outer', 'sub', '.git'), 'gitdir: ../.git/modules/sub\n');
      assert.deepEqual(await findRepoRoot(join(dir, 'outer', 'sub', 'x'), dir), { path: join(dir, 'outer', 'sub'), from: 'git' });
      assert.deepEqual(await findRepoRoot(join(dir, 'outer', 'y'), dir), { path: join(dir, 'outer'), from: 'git' });
    });

    it('outside a git work tree, paths are relative to the current folder', async function () {
      if (insideGit(dir)) this.skip(); // the temporary folder is inside a git work tree on this machine
      const app = join(dir, 'web');
      await plan({ ...CLEAN, 'release.yaml': MARKED }, app);
      assert.deepEqual(await findRepoRoot(app, dir), { path: dir, from: 'cwd' });
      const { stdout } = await check(['web', '--today', TODAY, '--format', 'github'], dir);
      assert.match(stdout[0] ?? '', /^::error file=web\/\.release\/release\.yaml,line=19,/);
    });

    it('githubLines: notice for info, columns only on one line', () => {
      const base: Shown = { file: 'a,b:c/.release/release.yaml', line: 3, column: 2, endLine: 3, endColumn: 9, severity: 'info', code: 'checkin-stale', message: 'x' };
      assert.deepEqual(githubLines([base, { ...base, severity: 'warning', endLine: 4 }]), [
        '::notice file=a%2Cb%3Ac/.release/release.yaml,line=3,col=2,endLine=3,endColumn=9,title=checkin-stale::x',
        '::warning file=a%2Cb%3Ac/.release/release.yaml,line=3,endLine=4,title=checkin-stale::x',
      ]);
    });

    it('--quiet: only the errors', async () => {
      const { stdout } = await check([...MESSY, '--format', 'github', '--quiet'], ROOT);
      assert.ok(stdout.length > 5);
      for (const line of stdout.slice(0, -1)) assert.match(line, /^::error /);
    });
  });

  describe('--format gitlab', () => {
    interface Issue {
      description: string;
      check_name: string;
      fingerprint: string;
      severity: string;
      location: { path: string; lines: { begin: number } };
    }

    async function report(args: string[], cwd: string): Promise<{ code: number; issues: Issue[] }> {
      const { code, stdout } = await check([...args, '--format', 'gitlab'], cwd);
      return { code, issues: JSON.parse(stdout.join('\n')) as Issue[] };
    }

    it('examples/messy: a Code Quality array, one issue per finding, severities critical/minor, unique fingerprints; exit 1', async () => {
      const { code, issues } = await report(MESSY, ROOT);
      assert.equal(code, 1);
      const json = await diagnostics(MESSY, ROOT);
      assert.equal(issues.length, json.length);
      issues.forEach((issue, i) => {
        const d = json[i] as Diagnostic;
        assert.deepEqual(Object.keys(issue), ['description', 'check_name', 'fingerprint', 'severity', 'location']);
        assert.deepEqual(issue.location, { path: d.file, lines: { begin: d.line } });
        assert.equal(issue.description, d.message);
        assert.equal(issue.check_name, d.code);
        assert.equal(issue.severity, { error: 'critical', warning: 'minor', info: 'info' }[d.severity]);
        assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
      });
      assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
    });

    it('fingerprints follow the finding, not its line; identical findings get distinct ones', async () => {
      await plan({ ...CLEAN, 'release.yaml': MARKED });
      const before = await report(['--today', TODAY], dir);
      await plan({ ...CLEAN, 'release.yaml': `# a comment\n# and another\n${MARKED}` });
      const after = await report(['--today', TODAY], dir);
      assert.equal(before.issues.length, 1);
      assert.equal(after.issues[0]?.location.lines.begin, (before.issues[0]?.location.lines.begin ?? 0) + 2);
      assert.equal(after.issues[0]?.fingerprint, before.issues[0]?.fingerprint, 'same finding, same fingerprint');

      const otherTask = await report(['--today', TODAY], dir).then(async () => {
        await plan({ ...CLEAN, 'release.yaml': releaseWith('    owner: Cy\n', '    owner: backend team\n') });
        return report(['--today', TODAY], dir);
      });
      assert.notEqual(otherTask.issues[0]?.fingerprint, before.issues[0]?.fingerprint, 'another task, another fingerprint');

      // Two tasks with the same id and the same group as owner: the same code, file and anchor.
      await plan({ ...CLEAN, 'release.yaml': MARKED.replace('  - id: T2\n    title: Download button\n    owner: Cy\n', '  - id: T1\n    title: Download button\n    owner: backend team\n') });
      const twice = (await report(['--today', TODAY], dir)).issues.filter((i) => i.check_name === 'owner-team-label');
      assert.equal(twice.length, 2);
      assert.equal(twice[0]?.description, twice[1]?.description);
      assert.notEqual(twice[0]?.fingerprint, twice[1]?.fingerprint);
    });

    it('a clean plan is an empty array, exit 0', async () => {
      await plan(CLEAN);
      assert.deepEqual(await report(['--today', TODAY], dir), { code: 0, issues: [] });
    });

    describe('fingerprints (the GitLab report\'s and SARIF\'s partialFingerprints)', () => {
      interface Fingerprinted {
        code: string;
        file: string;
        line: number;
        message: string;
        fingerprint: string;
      }

      /** Each finding with its GitLab fingerprint, checked that SARIF gives the same one. */
      async function fingerprinted(args: string[], cwd: string): Promise<Fingerprinted[]> {
        const { issues } = await report(args, cwd);
        const sarif = JSON.parse((await check([...args, '--format', 'sarif'], cwd)).stdout.join('\n')) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
        const sarifIds = sarif.runs[0]?.results.map((r) => r.partialFingerprints['releasePlanFinding/v1']);
        assert.deepEqual(sarifIds, issues.map((i) => i.fingerprint), 'SARIF and GitLab give each finding the same fingerprint');
        return issues.map((i) => ({ code: i.check_name, file: i.location.path, line: i.location.lines.begin, message: i.description, fingerprint: i.fingerprint }));
      }

      function assertUnique(found: readonly Fingerprinted[]): void {
        const seen = new Map<string, Fingerprinted>();
        for (const f of found) {
          assert.ok(!seen.has(f.fingerprint), `two findings share a fingerprint: ${JSON.stringify(seen.get(f.fingerprint))} and ${JSON.stringify(f)}`);
          seen.set(f.fingerprint, f);
        }
      }

      it('the same plan checked on two consecutive days: the same fingerprint for every finding, though day counts changed', async () => {
        const monday = await fingerprinted(['examples/messy', '--today', '2099-03-17'], ROOT);
        const tuesday = await fingerprinted(['examples/messy', '--today', '2099-03-18'], ROOT);
        assert.deepEqual(tuesday.map((f) => [f.code, f.file, f.line]), monday.map((f) => [f.code, f.file, f.line]), 'the same findings');
        const changed = new Set(monday.filter((f, i) => f.message !== tuesday[i]?.message).map((f) => f.code));
        assert.deepEqual([...changed].sort(), ['owner-overloaded', 'rollback-rehearsal-stale', 'scope-over-capacity'], 'messages that count days changed');
        assert.deepEqual(tuesday.map((f) => f.fingerprint), monday.map((f) => f.fingerprint));
        assertUnique(monday);

        // checkin-stale counts working days since the last check-in and names today's file.
        await plan(CLEAN);
        const before = await fingerprinted(['--today', '2026-12-03'], dir);
        const after = await fingerprinted(['--today', '2026-12-04'], dir);
        assert.deepEqual(before.map((f) => f.code), ['checkin-stale']);
        assert.notEqual(after[0]?.message, before[0]?.message);
        assert.equal(after[0]?.fingerprint, before[0]?.fingerprint);
      });

      it('lines added above (a comment at the top of every file) and a task inserted before the others keep every fingerprint', async () => {
        const messy = join(dir, 'messy');
        await cp(join(ROOT, 'examples/messy'), messy, { recursive: true });
        const original = await fingerprinted(['messy', '--today', '2099-03-16'], dir);
        const files = (await readdir(join(messy, '.release'), { recursive: true })).filter((name) => name.endsWith('.yaml'));
        for (const name of files) {
          const path = join(messy, '.release', name);
          await writeFile(path, `# Reviewed on Monday.\n# Nothing changed.\n${await readFile(path, 'utf8')}`);
        }
        const moved = await fingerprinted(['messy', '--today', '2099-03-16'], dir);
        assert.deepEqual(moved.map((f) => [f.code, f.file, f.line - 2]), original.map((f) => [f.code, f.file, f.line]));
        // task-id-duplicate names the line of the first use: its message changed, its fingerprint must not.
        assert.ok(moved.some((f, i) => f.message !== original[i]?.message));
        assert.deepEqual(moved.map((f) => f.fingerprint), original.map((f) => f.fingerprint));

        // A finished task inserted first: every other task's index moves by one, its id does not.
        const release = join(messy, '.release/release.yaml');
        const text = await readFile(release, 'utf8');
        await writeFile(release, text.replace(/^tasks:\n/m, 'tasks:\n  - id: CR-0\n    title: Warm-up\n    owner: Ana Costa\n    status: done\n    added: 2099-02-16\n'));
        const inserted = await fingerprinted(['messy', '--today', '2099-03-16'], dir);
        // The findings about tasks, by code and message (which name the task, not its place; a line number it names moved).
        const aboutTasks = (found: readonly Fingerprinted[]) => {
          const byText = new Map<string, string[]>();
          for (const f of found) {
            if (!f.file.endsWith('release.yaml') || !/\bCR-\d+\b/.test(f.message)) continue;
            const key = `${f.code}: ${f.message.replace(/\bline \d+/, 'line N')}`;
            byText.set(key, [...(byText.get(key) ?? []), f.fingerprint].sort());
          }
          return byText;
        };
        assert.ok(aboutTasks(original).size >= 10);
        assert.deepEqual(aboutTasks(inserted), aboutTasks(original));
      });

      it('different findings never share one: the same code, file and place get #2, #3; tasks without an id keep their index', async () => {
        assertUnique(await fingerprinted(MESSY, ROOT));
        // Two tasks with the same id and the same group as owner, and two tasks without an id.
        const twice = MARKED.replace('  - id: T2\n    title: Download button\n    owner: Cy\n', '  - id: T1\n    title: Download button\n    owner: backend team\n')
          .replace('parked:\n', '  - title: Untitled one\n    owner: backend team\n  - title: Untitled two\n    owner: backend team\nparked:\n');
        await plan({ ...CLEAN, 'release.yaml': twice });
        const found = (await fingerprinted(['--today', TODAY], dir)).filter((f) => f.code === 'owner-team-label');
        assert.equal(found.length, 4);
        assertUnique(found);
        // Two syntax errors of the same kind, without a YAML path: told apart too.
        await plan({ ...CLEAN, 'rollback.yaml': `${CLEAN_ROLLBACK}oops: [a\n`, 'checkins/2026-11-29.yaml': 'shipped: [a\n' });
        const syntax = await fingerprinted(['--today', TODAY], dir);
        assert.ok(syntax.filter((f) => f.code === 'yaml-syntax').length >= 2);
        assertUnique(syntax);
      });
    });
  });

  describe('--format markdown', () => {
    async function markdown(args: string[], cwd: string): Promise<{ code: number; text: string }> {
      const { code, stdout, stderr } = await check([...args, '--format', 'markdown'], cwd);
      assert.deepEqual(stderr, []);
      return { code, text: stdout.join('\n') };
    }

    /** The rows of the table that follows `heading` (header and separator excluded). */
    function tableAfter(text: string, heading: string): string[] {
      const lines = text.split('\n');
      const start = lines.indexOf(heading);
      assert.ok(start >= 0, `no ${heading}`);
      const rows: string[] = [];
      for (const line of lines.slice(start + 1)) {
        if (line.startsWith('|')) rows.push(line);
        else if (rows.length > 0) break;
      }
      return rows.slice(2);
    }

    it('examples/messy: name, T-minus, verdict with reasons, the five questions, findings per file with rule links', async () => {
      const { code, text } = await markdown(MESSY, ROOT);
      assert.equal(code, 1);
      const lines = text.split('\n');
      assert.equal(lines[0], '## Release plan: checkout\\-rescue'.replace('\\-', '-'));
      assert.equal(lines[2], '**🔴 No-go** · target 2099-03-26 (T-10 days) · checked as of 2099-03-16');
      assert.match(lines[4] ?? '', /^> Some customers are charged twice/);
      const json = await diagnostics(MESSY, ROOT);
      const errors = json.filter((d) => d.severity === 'error').length;
      const warnings = json.filter((d) => d.severity === 'warning').length;
      const reasons = lines.slice(6, lines.indexOf('### Go/no-go') - 1);
      assert.deepEqual(reasons, [
        `- ${errors} errors in the plan`,
        '- Fails: Does this release solve one specific customer problem?',
        '- Fails: Does every unfinished task have one named owner?',
        '- Fails: Can we roll back from one short, rehearsed runbook?',
        '- Fails: Were stakeholders told what was cut?',
        '- Unanswered: Was the release path tested as one chain on a production-like setup?',
        `- ${warnings} warnings`,
      ]);

      const questions = tableAfter(text, '### Go/no-go').map(cells);
      assert.deepEqual(
        questions.map((row) => [row[0], row[1], row[2]]),
        [
          ['1', 'Does this release solve one specific customer problem?', '❌ Fail'],
          ['2', 'Does every unfinished task have one named owner?', '❌ Fail'],
          ['3', 'Can we roll back from one short, rehearsed runbook?', '❌ Fail'],
          ['4', 'Was the release path tested as one chain on a production-like setup?', '❓ Needs an answer'],
          ['5', 'Were stakeholders told what was cut?', '❌ Fail'],
        ],
      );
      assert.equal(questions[3]?.[3], 'The last dry run (2099-02-20) is older than 14 days.');

      assert.equal(json.filter((d) => d.severity === 'info').length, 1);
      assert.ok(lines.includes(`${errors} errors, ${warnings} warnings, 1 info in 4 files.`));
      const files = [...new Set(json.map((d) => d.file))];
      assert.deepEqual(lines.filter((line) => line.startsWith('#### ')), files.map((file) => `#### ${file}`));
      let listed = 0;
      for (const file of files) {
        const rows = tableAfter(text, `#### ${file}`).map(cells);
        const expected = json.filter((d) => d.file === file);
        assert.equal(rows.length, expected.length, file);
        rows.forEach((row, i) => {
          const d = expected[i] as Diagnostic;
          assert.equal(row.length, 4);
          assert.equal(row[0], String(d.line));
          assert.equal(row[1], { error: '🔴 error', warning: '🟡 warning', info: '🔵 info' }[d.severity]);
          assert.equal(row[3], `[${d.code}](${RULES_DOC_URL}#${d.code})`);
          listed++;
        });
      }
      assert.equal(listed, json.length);
      assert.ok(text.includes('| 53 | 🔴 error | "backend team" is a group, not a person. Name one person for task CR-2. | [owner-team-label]('));
      // Message text is escaped: the backticks of `clears:` and the ">" of "> 3%" are shown, not interpreted.
      assert.ok(text.includes('Add \\`clears:\\` with the one person'));
      assert.ok(text.includes('(e.g. "error rate &gt; 2%")'));
    });

    it('a clean plan: Go, the reason, five passing questions, no findings; exit 0', async () => {
      await plan(CLEAN);
      const { code, text } = await markdown(['--today', TODAY], dir);
      assert.equal(code, 0);
      assert.match(text, /^## Release plan: invoices-v1\n\n\*\*🟢 Go\*\* · target 2026-12-18 \(T-17 days\) · checked as of 2026-12-01\n\n> Customers cannot download their invoices as PDF\.\n\n- Every go\/no-go question passes and the plan has no findings\.\n/);
      assert.deepEqual(tableAfter(text, '### Go/no-go').map((row) => cells(row)[2]), ['✅ Pass', '✅ Pass', '✅ Pass', '✅ Pass', '✅ Pass']);
      assert.match(text, /### Findings\n\nNo findings\.$/);
    });

    it('plan text cannot inject HTML, break a table, mention people or start a list', async () => {
      const name = 'Billing | v2 <script>alert(1)</script> & @acme/backend *now* `x` $5 [link](https://evil.example) #1';
      const title = 'Export | <img src=x onerror=alert(1)> \\ ~~gone~~ _x_';
      const release = CLEAN_RELEASE.replace('release: invoices-v1', `release: ${JSON.stringify(name)}`)
        .replace('problem: Customers cannot download their invoices as PDF.', 'problem: "- Customers <b>cannot</b>\\ndownload invoices."')
        .replace('    title: PDF export endpoint\n    owner: Bo\n', `    title: ${JSON.stringify(title)}\n    owner: backend team\n`)
        .replace('  - title: CSV export\n', '  - title: "CSV | <script>x</script>"\n')
        .replace('    told: 2026-11-29\n', '');
      await plan({ ...CLEAN, 'release.yaml': release });
      const { code, text } = await markdown(['--today', TODAY], dir);
      assert.equal(code, 1);
      assert.doesNotMatch(text, /<(?!br>)/, 'no "<" but our own <br>');
      assert.doesNotMatch(text, /@acme/, 'no @-mention');
      const lines = text.split('\n');
      assert.equal(lines[0], '## Release plan: Billing \\| v2 &lt;script&gt;alert(1)&lt;/script&gt; &amp; @\u2060acme/backend \\*now\\* \\`x\\` \\$5 \\[link\\](https://evil.example) \\#\u20601');
      assert.equal(lines[4], '> \\- Customers &lt;b&gt;cannot&lt;/b&gt; download invoices.', 'one line, no list, no HTML');
      // Every table row keeps its four columns, whatever the plan says.
      for (const heading of ['### Go/no-go', '#### .release/release.yaml']) for (const row of tableAfter(text, heading)) assert.equal(cells(row).length, 4, row);
      const rows = tableAfter(text, '#### .release/release.yaml').map(cells);
      assert.equal(rows.find((row) => row[3]?.startsWith('[owner-team-label]'))?.[2], '"backend team" is a group, not a person. Name one person for task T1.');
      const parked = rows.find((row) => row[3]?.startsWith('[parked-not-told]'))?.[2] ?? '';
      assert.match(parked, /^"CSV \\\| &lt;script&gt;x&lt;\/script&gt;" was parked but Dee/);
      const question5 = tableAfter(text, '### Go/no-go').map(cells)[4];
      assert.equal(question5?.[2], '❌ Fail');
      assert.match(question5?.[3] ?? '', /^"CSV \\\| &lt;script&gt;x&lt;\/script&gt;" was parked/);
    });

    it('escapeMarkdown: each special character, and what only matters at the start', () => {
      assert.equal(escapeMarkdown('a|b<c>d&e'), 'a\\|b&lt;c&gt;d&amp;e');
      assert.equal(escapeMarkdown('*_`[]~#$\\'), '\\*\\_\\`\\[\\]\\~\\#\u2060\\$\\\\');
      assert.equal(escapeMarkdown('line\r\nbreak\nand\rmore'), 'line break and more');
      assert.equal(escapeMarkdown('- item'), '\\- item');
      assert.equal(escapeMarkdown('+ item'), '\\+ item');
      assert.equal(escapeMarkdown('12. item'), '12\\. item');
      assert.equal(escapeMarkdown('3) item'), '3\\) item');
      assert.equal(escapeMarkdown('> quote'), '&gt; quote');
      assert.equal(escapeMarkdown('ask @ana'), 'ask @\u2060ana');
      assert.equal(escapeMarkdown('a\u2028b\u2029c\u0085d'), 'a b c d');
      assert.equal(escapeMarkdown('v1.2 - a-b 3.'), 'v1.2 - a-b 3.', 'nothing to escape in the middle');
    });

    it('escapeMarkdown: no GitHub autolink to an issue or pull request (#123, GH-123, owner/repo#1)', () => {
      // GitHub links these after rendering, even written \\#1: a word joiner (U+2060) breaks them.
      assert.equal(escapeMarkdown('fixes #123'), 'fixes \\#\u2060123');
      assert.equal(escapeMarkdown('#1'), '\\#\u20601');
      assert.equal(escapeMarkdown('see GH-123 and gh-7'), 'see GH\u2060-123 and gh\u2060-7');
      assert.equal(escapeMarkdown('acme/billing#42'), 'acme/billing\\#\u206042');
      assert.equal(escapeMarkdown('GHOST-1 high-5'), 'GHOST-1 high-5', 'only GH-<number> is a reference');
      for (const text of ['fixes #123', 'GH-123', 'acme/billing#42', 'GH-1#2']) {
        const escaped = escapeMarkdown(text);
        assert.doesNotMatch(escaped, /#\d|\bGH-\d/i, escaped);
      }
    });

    it('T-minus words as in the Release view', () => {
      assert.deepEqual([9, 1, 0, -1, -3, undefined].map(countdown), ['T-9 days', 'T-1 day', 'launch day', '1 day late', '3 days late', 'no target date']);
    });

    it('--quiet lists errors only; the verdict still counts everything', async () => {
      const { text } = await markdown([...MESSY, '--quiet'], ROOT);
      assert.match(text, /### Findings \(errors only\)\n\n\d+ errors, 0 warnings in \d+ files\./);
      assert.doesNotMatch(text, /🟡 warning \|/);
      assert.match(text, /\n- \d+ warnings\n/, 'the verdict\'s reasons still count the warnings');
    });

    it(`lists at most ${MARKDOWN_MAX_FINDINGS} findings and counts the rest`, async () => {
      const tasks = Array.from({ length: 130 }, (_, i) => `  - id: X${i}\n    title: Task ${i}\n    owner: backend team\n    status: done\n    added: 2026-11-20\n`).join('');
      await plan({ ...CLEAN, 'release.yaml': CLEAN_RELEASE.replace('parked:\n', `${tasks}parked:\n`) });
      const { text } = await markdown(['--today', TODAY], dir);
      const rows = tableAfter(text, '#### .release/release.yaml');
      assert.equal(rows.length, MARKDOWN_MAX_FINDINGS);
      assert.match(text, /\n…and 30 more findings not listed here: run `release-plan check` for all of them\.$/);
    });

    it('a 3000-task messy plan: under the 65,536 characters of a PR comment; at most 5 reasons per question, long text cut', async () => {
      for (const [path, text] of planFiles(3000, { messy: true })) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      const { code, text } = await markdown(['--today', '2026-12-01'], dir);
      assert.equal(code, 1);
      assert.ok(text.length < 65_536, `${text.length} characters`);
      for (const line of text.split('\n')) assert.ok(line.length <= 2_000, `a line of ${line.length} characters: ${line.slice(0, 200)}…`);
      const questions = tableAfter(text, '### Go/no-go').map(cells);
      assert.equal(questions.length, 5);
      const owners = (questions[1]?.[3] ?? '').split('<br>');
      assert.equal(owners.length, MARKDOWN_MAX_REASONS + 1, 'five reasons, then how many more');
      assert.match(owners[MARKDOWN_MAX_REASONS] ?? '', /^…and \d+ more reasons: run `release-plan gonogo` for all of them\.$/);
      for (const row of questions) assert.ok((row[3] ?? '').split('<br>').length <= MARKDOWN_MAX_REASONS + 1);
      // Findings: at most 100 listed, the rest counted; a finding that lists 2000 tasks is cut.
      const rows = tableAfter(text, '#### .release/release.yaml').map(cells);
      assert.ok(rows.length > 0 && rows.length <= MARKDOWN_MAX_FINDINGS);
      assert.match(text, /\n…and \d+ more findings not listed here: run `release-plan check` for all of them\.$/);
      const risky = rows.find((row) => row[3]?.startsWith('[scope-too-risky]'))?.[2] ?? '';
      assert.match(risky, /^2000 open risky tasks \(B-3, B-4, .*…$/);
      assert.ok(risky.length <= MARKDOWN_MAX_TEXT + 1);
    });

    it(`stops listing findings before ${MARKDOWN_MAX_CHARS} characters, whatever their files and messages`, () => {
      // 100 findings, each in its own file with a long path, each message long and all escapes.
      const shown: Shown[] = Array.from({ length: MARKDOWN_MAX_FINDINGS }, (_, i) => ({
        file: `apps/${'very-long-folder-name/'.repeat(10)}${i}/.release/release.yaml`,
        line: i + 1, column: 1, endLine: i + 1, endColumn: 2, severity: 'error', code: 'owner-team-label',
        message: `*${'<&>|'.repeat(500)}`,
      }));
      const text = markdownSummary({ result: checkPlan(files({}), { today: TODAY }), shown, today: TODAY, quiet: false });
      assert.ok(text.length < MARKDOWN_MAX_CHARS + 200, `${text.length} characters`);
      const listed = text.split('\n').filter((line) => line.startsWith('| ') && line.includes('[owner-team-label]')).length;
      assert.ok(listed > 10 && listed < MARKDOWN_MAX_FINDINGS, `${listed} listed`);
      assert.match(text, new RegExp(`\\n…and ${MARKDOWN_MAX_FINDINGS - listed} more findings not listed here: run \`release-plan check\` for all of them\\.\\n$`));
      for (const line of text.split('\n').filter((l) => l.includes('[owner-team-label]'))) assert.ok(cells(line)[2]!.length <= MARKDOWN_MAX_TEXT + 1, line.slice(0, 100));
    });

    it(`lists at most ${MARKDOWN_MAX_VERDICT_REASONS} reasons under the verdict (one per unreadable go/no-go record)`, async () => {
      const records = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`gonogo/2026-11-${String(i + 10).padStart(2, '0')}.yaml`, 'decision: maybe\n']));
      await plan({ ...CLEAN, ...records });
      const { text } = await markdown(['--today', TODAY], dir);
      const lines = text.split('\n');
      const reasons = lines.slice(6, lines.indexOf('### Go/no-go') - 1);
      assert.equal(reasons.length, MARKDOWN_MAX_VERDICT_REASONS + 1, reasons.join('\n'));
      assert.match(reasons[0] ?? '', /^- Go\/no-go record \.release\/gonogo\/2026-11-10\.yaml: /);
      assert.match(reasons[MARKDOWN_MAX_VERDICT_REASONS] ?? '', /^- …and \d+ more reasons: run `release-plan gonogo` for all of them\.$/);
    });

    it('an unreadable release.yaml: no name, no-go, still the questions and the finding', async () => {
      await plan({ 'rollback.yaml': CLEAN_ROLLBACK });
      await mkdir(join(dir, '.release', 'release.yaml'));
      const { code, text } = await markdown(['--today', TODAY], dir);
      assert.equal(code, 1);
      assert.match(text, /^## Release plan\n\n\*\*🔴 No-go\*\* · release\.yaml cannot be read · checked as of 2026-12-01\n\n- 1 error, 0 warnings in the plan\n/);
      assert.equal(tableAfter(text, '### Go/no-go').length, 5);
      assert.match(text, /\| \[file-unreadable\]\(/);
    });
  });

  describe('usage', () => {
    it('--help lists every format', async () => {
      const cap = io(dir);
      assert.equal(await run(['--help'], cap), 0);
      const help = cap.stdout.join('\n');
      for (const format of ['text or json', 'github', 'sarif', 'gitlab', 'markdown']) assert.ok(help.includes(format), format);
      assert.match(help, /repository root/);
    });

    for (const format of ['github', 'sarif', 'gitlab', 'markdown']) {
      it(`--format ${format} is for check only (exit 2 for gonogo)`, async () => {
        await plan(CLEAN);
        const cap = io(dir);
        assert.equal(await run(['gonogo', '--format', format], cap), 2);
        assert.deepEqual(cap.stdout, []);
        assert.equal(cap.stderr[0], `release-plan: --format ${format} applies to the check command only. Run \`release-plan --help\` for the commands and options.`);
      });

      it(`--format ${format}: no .release/ folder is exit 2, nothing on stdout`, async () => {
        const { code, stdout, stderr } = await check(['--format', format], dir);
        assert.equal(code, 2);
        assert.deepEqual(stdout, []);
        assert.match(stderr[0] ?? '', /no \.release\/ folder/);
      });
    }

    it('--max-warnings still applies (exit 1), with the output in the chosen format', async () => {
      await plan({ ...CLEAN, 'rollback.yaml': releaseWith('    threshold: "> 2%"\n', '', CLEAN_ROLLBACK) });
      const { code, stdout, stderr } = await check(['--today', TODAY, '--format', 'gitlab', '--max-warnings', '0'], dir);
      assert.equal(code, 1);
      assert.equal((JSON.parse(stdout.join('\n')) as unknown[]).length, 1);
      assert.match(stderr[0] ?? '', /too many warnings: 1/);
    });
  });
});
