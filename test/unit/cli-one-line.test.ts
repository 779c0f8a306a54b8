import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { inertLine, oneLine } from '../../src/cli/output';
import { io, writePlan, type Captured, freshDirEach } from './cli-io';
import { CLEAN_CHECKIN, CLEAN_CHECKIN_FILE, CLEAN_RELEASE, CLEAN_ROLLBACK, TODAY } from './helpers';

/**
 * Plan text in the CLI's text output stays on its line: a GitHub runner executes every log line
 * that starts with `::` (after leading spaces) as a workflow command, and `##[` anywhere in a
 * line as a legacy one, and the problem matchers read one finding per line. So a task id, a title
 * or a reason with a line break must not start a line of its own.
 */

/** Every kind of line break a runner, a terminal or an editor may split on. */
const BREAKS = /[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]/;

/** A line a GitHub runner would run as a workflow command (modern `::` at its start, or legacy `##[` anywhere). */
function isCommand(line: string): boolean {
  return line.trimStart().startsWith('::') || line.includes('##[');
}

function assertInert(lines: readonly string[], what: string): void {
  assert.ok(lines.length > 0, `${what}: printed nothing`);
  for (const line of lines) {
    assert.doesNotMatch(line, BREAKS, `${what}: a line break inside one printed line: ${JSON.stringify(line)}`);
    assert.ok(!isCommand(line), `${what}: a line a runner executes: ${JSON.stringify(line)}`);
  }
}

describe('text output keeps plan text on one line, never a workflow command', () => {
  let dir: string;

  freshDirEach('release-plan-one-line-', (fresh) => (dir = fresh));

  // A task id, a parked item's title, the problem statement and a veto reason, each with a line
  // break that would start a workflow command (and a legacy `##[` command in the title).
  const RELEASE = CLEAN_RELEASE.replace('problem: Customers cannot download their invoices as PDF.', 'problem: "Customers cannot download their invoices\\u2028::error::problem as PDF."')
    .replace('  - id: T1\n    title: PDF export endpoint\n    owner: Bo\n', '  - id: "Z\\n::error file=evil::pwned"\n    title: PDF export endpoint\n    owner: backend team\n')
    .replace('  - title: CSV export\n', '  - title: "CSV\\u0085::notice::parked ##[error]legacy"\n')
    .replace('    told: 2026-11-29\n', '');
  const GONOGO = 'decision: no-go\ndecided_by: Ana\nreason: "card payments fail\\n::error::reason"\n';

  async function messyPlan(): Promise<void> {
    await writePlan(dir, { 'release.yaml': RELEASE, 'rollback.yaml': CLEAN_ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN, 'gonogo/2026-11-30.yaml': GONOGO });
  }

  async function ran(args: string[], options: Partial<Captured> = {}): Promise<Captured & { code: number }> {
    const cap = { ...io(dir), ...options };
    const code = await run(args, cap);
    return Object.assign(cap, { code });
  }

  it('check (flat lines): each finding on its line, starting with its path; the text as written, breaks as spaces', async () => {
    await messyPlan();
    const { code, stdout, stderr } = await ran(['check', '--today', TODAY]);
    assert.equal(code, 1);
    assert.deepEqual(stderr, []);
    assertInert(stdout, 'check');
    for (const line of stdout.slice(0, -1)) assert.match(line, /^\.release\/[^:]+:\d+:\d+: (error|warning|info) [a-z-]+: /);
    assert.ok(stdout.some((line) => line.endsWith('Name one person for task Z ::error file=evil::pwned.')), stdout.join('\n'));
    assert.ok(stdout.some((line) => line.includes('"CSV ::notice::parked ##\u2060[error]legacy" was parked')), stdout.join('\n'));
  });

  it('check on a terminal (grouped by file): each finding on its line', async () => {
    await messyPlan();
    const { stdout } = await ran(['check', '--today', TODAY], { isTTY: true, env: { FORCE_COLOR: '0' } });
    assertInert(stdout.filter((line) => line !== ''), 'check (stylish)');
    assert.ok(stdout.some((line) => /^ {2}\d+:\d+ +error +"backend team" is a group, not a person\. Name one person for task Z ::error file=evil::pwned\. +owner-team-label$/.test(line)), stdout.join('\n'));
  });

  it('a file name with a line break is one line too', async () => {
    await writePlan(dir, { 'release.yaml': CLEAN_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN, 'checkins/2026-11-29\n::error::file.yaml': 'shipped: [x]\n' });
    const { stdout } = await ran(['check', '--today', TODAY]);
    assertInert(stdout, 'check');
    assert.ok(stdout.some((line) => line.startsWith('.release/checkins/2026-11-29 ::error::file.yaml:1:1: ')), stdout.join('\n'));
  });

  it('gonogo: questions, reasons, the veto and the recommendation each on one line', async () => {
    await messyPlan();
    const { code, stdout, stderr } = await ran(['gonogo', '--today', TODAY]);
    assert.equal(code, 1);
    assert.deepEqual(stderr, []);
    assertInert(stdout, 'gonogo');
    assert.ok(stdout.includes('     Problem: Customers cannot download their invoices ::error::problem as PDF.'), stdout.join('\n'));
    assert.ok(stdout.includes('Vetoed by Ana on 2026-11-30: card payments fail ::error::reason'), stdout.join('\n'));
    assert.ok(stdout.some((line) => line.startsWith('     "CSV ::notice::parked ##\u2060[error]legacy" was parked')), stdout.join('\n'));
  });

  it('json keeps the plan text exactly as written (it is for programs, not logs)', async () => {
    await messyPlan();
    const { stdout } = await ran(['check', '--today', TODAY, '--format', 'json']);
    const { diagnostics } = JSON.parse(stdout.join('\n')) as { diagnostics: { code: string; message: string }[] };
    assert.ok(diagnostics.some((d) => d.message.includes('task Z\n::error file=evil::pwned.')));
  });

  it('errors on stderr that quote a path or a value are one line', async () => {
    const folder = join(dir, 'evil\n::error::pwned');
    await mkdir(folder);
    const missing = await ran(['check', folder]);
    assert.equal(missing.code, 2);
    assertInert(missing.stderr, 'no .release/');
    assert.match(missing.stderr[0] ?? '', /^release-plan: no \.release\/ folder in .*evil ::error::pwned\. Run `release-plan init ".*evil\\n::error::pwned"` to create one\.$/);

    const usage = await ran(['check', '--format', 'x\n::error::format']);
    assert.equal(usage.code, 2);
    assertInert(usage.stderr, 'usage');
  });

  it('oneLine and inertLine', () => {
    assert.equal(oneLine('a\r\nb\nc\rd\ve\ff\x1cg\x1dh\x1ei\x85j\u2028k\u2029l'), 'a b c d e f g h i j k l');
    assert.equal(oneLine('no break'), 'no break');
    // A leading `::` gets an invisible word joiner between its colons; `##[` too, anywhere.
    assert.equal(inertLine('::error::x'), ':\u2060:error::x');
    assert.equal(inertLine('   ::warning::x'), '   :\u2060:warning::x');
    assert.equal(inertLine('a\n::error::x'), 'a ::error::x', 'after a collapsed break `::` is mid-line: as written');
    assert.equal(inertLine('see ##[error]x and ##[group]y'), 'see ##\u2060[error]x and ##\u2060[group]y');
    assert.equal(inertLine('path:1:2: error code: a::b'), 'path:1:2: error code: a::b');
  });
});
