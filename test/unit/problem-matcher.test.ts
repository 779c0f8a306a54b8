import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import type { Shown } from '../../src/cli/output';

// The problem matchers `$release-plan` (the CLI's plain output: one finding per line) and
// `$release-plan-grouped` (its output in a terminal: grouped by file) against real CLI output,
// matched the way VS Code's task system does it.

const ROOT = join(__dirname, '..', '..');
const TODAY = '2026-11-25';
const contributes = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).contributes as Record<string, any>;
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

interface Pattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  code?: number;
  message?: number;
  loop?: boolean;
}

/** A contributed matcher with its pattern(s) resolved from contributes.problemPatterns (`$name`). */
function matcher(name: string): { owner: string; source?: string; fileLocation: unknown; label: string; patterns: Pattern[] } {
  const found = (contributes.problemMatchers ?? []).find((m: { name: string }) => m.name === name);
  assert.ok(found, `contributes.problemMatchers has ${name}`);
  let patterns: Pattern | Pattern[] = found.pattern;
  if (typeof found.pattern === 'string') {
    const reference: string = found.pattern;
    assert.match(reference, /^\$/, 'a pattern reference starts with $');
    const named = (contributes.problemPatterns ?? []).find((p: { name: string }) => p.name === reference.slice(1));
    assert.ok(named, `contributes.problemPatterns has ${reference}`);
    patterns = named.patterns ?? named;
  }
  return { ...found, patterns: Array.isArray(patterns) ? patterns : [patterns] };
}

/** What VS Code's Severity.fromValue makes of the severity group (anything else is ignored). */
function severityOf(text: string | undefined): Shown['severity'] | 'ignored' {
  const value = (text ?? '').toLowerCase();
  return value === 'error' ? 'error' : value === 'warning' || value === 'warn' ? 'warning' : value === 'info' ? 'info' : 'ignored';
}

type Problem = Pick<Shown, 'file' | 'line' | 'column' | 'code' | 'message'> & { severity: Shown['severity'] | 'ignored' };

function fill(problem: Partial<Problem>, pattern: Pattern, match: RegExpExecArray): Partial<Problem> {
  const group = (index: number | undefined) => (index === undefined ? undefined : match[index]);
  const out: Partial<Problem> = { ...problem };
  if (pattern.file !== undefined) out.file = group(pattern.file);
  if (pattern.line !== undefined) out.line = Number(group(pattern.line));
  if (pattern.column !== undefined) out.column = Number(group(pattern.column));
  if (pattern.severity !== undefined) out.severity = severityOf(group(pattern.severity));
  if (pattern.code !== undefined) out.code = group(pattern.code);
  if (pattern.message !== undefined) out.message = group(pattern.message);
  return out;
}

/**
 * The problems VS Code's line matcher finds: one pattern matches a line on its own; a multi-line
 * pattern needs its lines in a row, and a last pattern with `loop` matches line after line.
 */
function matchLines(patterns: Pattern[], lines: readonly string[]): Problem[] {
  const regexps = patterns.map((pattern) => new RegExp(pattern.regexp));
  const problems: Problem[] = [];
  let looping: Partial<Problem> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const last = patterns.length - 1;
    if (looping) {
      const match = regexps[last]?.exec(line);
      if (match) {
        problems.push(fill(looping, patterns[last] as Pattern, match) as Problem);
        continue;
      }
      looping = undefined;
    }
    let problem: Partial<Problem> | undefined = {};
    for (let p = 0; p <= last && problem; p++) {
      const match = i + p < lines.length ? regexps[p]?.exec(lines[i + p] as string) : null;
      problem = match ? fill(problem, patterns[p] as Pattern, match) : undefined;
    }
    if (!problem) continue;
    problems.push(problem as Problem);
    if (patterns[last]?.loop) {
      looping = Object.fromEntries(Object.entries(problem).filter(([key]) => key === 'file'));
      i += last;
    }
  }
  return problems;
}

/** The CLI's output lines as a terminal shows them (colours rendered, trailing blanks trimmed). */
async function cliLines(args: string[], cwd: string, isTTY: boolean): Promise<string[]> {
  const out: string[] = [];
  await run(['check', ...args, '--today', TODAY], { out: (text) => out.push(...text.split('\n')), err: () => {}, cwd, now: () => new Date(`${TODAY}T12:00:00Z`), isTTY, env: {} });
  return out.map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trimEnd());
}

/** Every finding the CLI reports, from its JSON output. */
async function findings(args: string[], cwd: string): Promise<Problem[]> {
  const out: string[] = [];
  await run(['check', ...args, '--today', TODAY, '--format', 'json'], { out: (text) => out.push(text), err: () => {}, cwd, now: () => new Date(`${TODAY}T12:00:00Z`) });
  const { diagnostics } = JSON.parse(out.join('\n')) as { diagnostics: Shown[] };
  return diagnostics.map(({ file, line, column, severity, code, message }) => ({ file, line, column, severity, code, message }));
}

const key = (p: Problem) => JSON.stringify([p.file, p.line, p.column, p.severity, p.code, p.message]);
const sorted = (problems: Problem[]) => problems.map(key).sort();

describe('problem matchers for tasks.json ($release-plan, $release-plan-grouped)', () => {
  let spaced: string;

  before(() => {
    // A folder whose name has a space and a colon: paths are matched whole.
    spaced = mkdtempSync(join(tmpdir(), 'release-plan-matcher-'));
    cpSync(join(ROOT, 'examples', 'draft'), join(spaced, 'my plan: v2'), { recursive: true });
  });
  after(() => rmSync(spaced, { recursive: true, force: true }));

  it('are declared with an owner, a source, a localized label and paths relative to the workspace folder', () => {
    for (const name of ['release-plan', 'release-plan-grouped']) {
      const m = matcher(name);
      assert.equal(m.owner, 'release-plan-cli');
      assert.equal(m.source, 'release-plan-cli');
      assert.deepEqual(m.fileLocation, ['relative', '${workspaceFolder}']);
      assert.match(m.label, /^%[^%]+%$/);
      assert.ok(nls[m.label.slice(1, -1)], `${m.label} is in package.nls.json`);
      for (const pattern of m.patterns) assert.doesNotThrow(() => new RegExp(pattern.regexp), pattern.regexp);
    }
    assert.equal(matcher('release-plan').patterns.length, 1);
    assert.equal(matcher('release-plan-grouped').patterns.at(-1)?.loop, true);
  });

  const cases: { name: string; args: () => string[]; cwd: () => string }[] = [
    { name: 'examples/messy (errors and warnings in three files)', args: () => ['examples/messy'], cwd: () => ROOT },
    { name: 'examples/clean (an info)', args: () => ['examples/clean'], cwd: () => ROOT },
    { name: 'a folder named "my plan: v2"', args: () => ['my plan: v2'], cwd: () => spaced },
  ];

  for (const { name, args, cwd } of cases) {
    it(`$release-plan matches every finding of the plain output, whole, and nothing else: ${name}`, async () => {
      const lines = await cliLines(args(), cwd(), false);
      const expected = await findings(args(), cwd());
      assert.ok(expected.length > 0);
      const found = matchLines(matcher('release-plan').patterns, lines);
      assert.deepEqual(sorted(found), sorted(expected));
      assert.equal(lines.length, expected.length + 1, 'one line per finding, then the summary');
    });

    it(`$release-plan-grouped does the same for the terminal's grouped output: ${name}`, async () => {
      const lines = await cliLines(args(), cwd(), true);
      const expected = await findings(args(), cwd());
      assert.deepEqual(sorted(matchLines(matcher('release-plan-grouped').patterns, lines)), sorted(expected));
      // The two formats never match each other's lines: both matchers can be given to one task.
      assert.deepEqual(matchLines(matcher('release-plan').patterns, lines), []);
      assert.deepEqual(matchLines(matcher('release-plan-grouped').patterns, await cliLines(args(), cwd(), false)), []);
    });
  }

  it('maps each severity the CLI prints to VS Code\'s (info → info)', async () => {
    const found = [...matchLines(matcher('release-plan').patterns, await cliLines(['examples/messy'], ROOT, false)), ...matchLines(matcher('release-plan').patterns, await cliLines(['examples/clean'], ROOT, false))];
    assert.deepEqual([...new Set(found.map((p) => p.severity))].sort(), ['error', 'info', 'warning']);
  });

  it('reads the parts of a line as the CLI writes them (file, line, column, severity, code, message)', () => {
    const line = 'examples/messy/.release/release.yaml:53:12: error owner-team-label: "backend team" is a group, not a person. Name one person for task CR-2.';
    assert.deepEqual(matchLines(matcher('release-plan').patterns, [line]), [
      { file: 'examples/messy/.release/release.yaml', line: 53, column: 12, severity: 'error', code: 'owner-team-label', message: '"backend team" is a group, not a person. Name one person for task CR-2.' },
    ]);
    const grouped = ['examples/messy/.release/release.yaml', '  53:12   error    "backend team" is a group: not  a person.  owner-team-label', '', 'release-plan: 1 error, 0 warnings in /x (checked as of 2026-11-25).'];
    assert.deepEqual(matchLines(matcher('release-plan-grouped').patterns, grouped), [
      { file: 'examples/messy/.release/release.yaml', line: 53, column: 12, severity: 'error', code: 'owner-team-label', message: '"backend team" is a group: not  a person.' },
    ]);
  });

  it('find nothing in a clean run\'s output', () => {
    const summary = `release-plan: no problems in ${ROOT} (checked as of ${TODAY}).`;
    for (const name of ['release-plan', 'release-plan-grouped']) assert.deepEqual(matchLines(matcher(name).patterns, [summary, '']), []);
  });
});
