import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { fails, FAIL_ON, getInput, outputLines } from '../../src/action/action';
import { run } from '../../src/cli/main';
import { todayIso } from '../../src/core/dates';

/**
 * The GitHub Action (action.yml → action/index.js), run the way the runner runs it: node on the
 * committed entry, inputs as INPUT_<NAME> variables (`fail-on` → `INPUT_FAIL-ON`), and files for
 * GITHUB_STEP_SUMMARY and GITHUB_OUTPUT. What it prints and writes is compared with the CLI's own
 * output for the same plan.
 */
const ROOT = resolve(__dirname, '../..');
const ENTRY = join(ROOT, 'action/index.js');
const MESSY = 'examples/messy';
const CLEAN = 'examples/clean';
const DAY = '2099-03-16';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** The committed action entry with only these variables (and PATH): nothing leaks from this shell. */
async function action(env: Record<string, string>, cwd = ROOT): Promise<Ran> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [ENTRY], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number | string; stdout: string; stderr: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The CLI from source, in-process: what the action must have printed or written. */
async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const code = await run(args, { out: (text) => out.push(text), err: () => undefined, cwd: ROOT, now: () => new Date() });
  return { code, out: out.join('\n') };
}

/** Parses a $GITHUB_OUTPUT file written as `name<<DELIMITER` … `DELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!heredoc) {
      assert.equal(lines[i], '', `an output line that is not a heredoc: ${lines[i]}`);
      continue;
    }
    const [, name = '', delimiter = ''] = heredoc;
    const end = lines.indexOf(delimiter, i + 1);
    assert.ok(end > i, `the output ${name} is not closed by its delimiter`);
    outputs[name] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/**
 * A SARIF upload runs only where the job's token may write security events: not for a pull request
 * from a fork, nor for one Dependabot opened (both get a read-only token, and the upload fails
 * with 403).
 */
function assertUploadGuarded(condition: string | undefined): void {
  const text = (condition ?? '').replace(/\s+/g, ' ');
  assert.ok(
    text.includes("(github.event_name != 'pull_request' || (github.event.pull_request.head.repo.full_name == github.repository && github.actor != 'dependabot[bot]'))"),
    `the upload is not guarded for forks and Dependabot: ${condition}`,
  );
}

function assertNoStack(ran: Ran): void {
  for (const line of `${ran.stdout}\n${ran.stderr}`.split('\n')) assert.ok(!/^\s+at /.test(line), `a stack trace line: ${line}`);
}

describe('the GitHub Action (action.yml, action/index.js)', function () {
  this.timeout(60_000);
  let dir: string;
  let summary: string;
  let output: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'release-plan-action-'));
    summary = join(dir, 'step-summary.md');
    output = join(dir, 'github-output.txt');
    // The runner's files may already hold what earlier steps wrote: the action appends.
    await writeFile(summary, '# Earlier step\n\n');
    await writeFile(output, 'earlier=1\n');
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const github = () => ({ GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output });

  it('action/index.js is the current build of src/action and the CLI (run `npm run build:action` and commit it)', async () => {
    const out = join(dir, 'rebuilt');
    await promisify(execFile)(process.execPath, ['esbuild.config.mjs', '--only=action', `--outdir=${out}`], { cwd: ROOT });
    const rebuilt = await readFile(join(out, 'index.js'), 'utf8');
    const committed = await readFile(ENTRY, 'utf8');
    assert.ok(rebuilt === committed, 'action/index.js is stale: run `npm run build:action` and commit action/index.js');
    // It carries the notices of the code it bundles, and the CLI inside does not run itself.
    assert.match(committed, /Bundled third-party code and its licenses\.[\s\S]*yaml[\s\S]*zod/);
  });

  it('action.yml: a node24 action running action/index.js, with the inputs and outputs the entry reads and writes', () => {
    const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      name: string;
      description: string;
      inputs: Record<string, { description: string; required: boolean; default: string }>;
      outputs: Record<string, { description: string }>;
      runs: { using: string; main: string };
    };
    // node20 is deprecated on GitHub's runners (removed in September 2026); node24 is the runtime.
    assert.deepEqual(manifest.runs, { using: 'node24', main: 'action/index.js' });
    assert.ok(existsSync(join(ROOT, manifest.runs.main)));
    assert.deepEqual(Object.keys(manifest.inputs), ['path', 'today', 'fail-on', 'sarif-file']);
    assert.deepEqual(
      Object.fromEntries(Object.entries(manifest.inputs).map(([name, input]) => [name, [input.required, input.default]])),
      { path: [false, '.'], today: [false, ''], 'fail-on': [false, 'error'], 'sarif-file': [false, ''] },
    );
    for (const value of FAIL_ON) assert.match(manifest.inputs['fail-on']!.description, new RegExp(`\\b${value}\\b`));
    assert.deepEqual(Object.keys(manifest.outputs), ['errors', 'warnings', 'verdict']);
    for (const [name, item] of [...Object.entries(manifest.inputs), ...Object.entries(manifest.outputs)]) assert.ok(item.description.length > 10, `${name} is described`);
  });

  it('docs/ci.md lists every input of action.yml, and its YAML setups parse and use only those inputs', () => {
    const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    const doc = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
    for (const name of Object.keys(manifest.inputs)) assert.match(doc, new RegExp(`^\\| \`${name}\` \\|`, 'm'), `docs/ci.md has a row for ${name}`);
    const blocks = [...doc.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
    assert.ok(blocks.length >= 4, 'GitHub (action, CLI), GitLab and pre-commit setups');
    let usesAction = 0;
    for (const block of blocks) {
      const steps = JSON.stringify(parse(block) as unknown);
      for (const match of steps.matchAll(/"uses":"release-plan-vscode\/release-plan@[^"]+","with":(\{[^}]*\})/g)) {
        usesAction++;
        for (const key of Object.keys(JSON.parse(match[1] ?? '{}') as object)) assert.ok(key in manifest.inputs, `docs/ci.md passes the unknown input ${key}`);
      }
    }
    assert.equal(usesAction, 1, 'the GitHub setup uses the action');
  });

  it('.github/workflows/release-plan.yml runs this action on the repository\'s own plan and uploads its SARIF log', () => {
    const workflow = parse(readFileSync(join(ROOT, '.github/workflows/release-plan.yml'), 'utf8')) as {
      jobs: Record<string, { permissions: Record<string, string>; steps: { uses?: string; with?: Record<string, string>; if?: string }[] }>;
    };
    const [job] = Object.values(workflow.jobs);
    assert.ok(job);
    assert.deepEqual(job.permissions, { contents: 'read', 'security-events': 'write' });
    const check = job.steps.find((step) => step.uses === './');
    assert.ok(check, 'a step uses: ./');
    assert.equal(check.with?.path, '.');
    const upload = job.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload, 'a step uploads the SARIF log');
    assert.ok(job.steps.indexOf(upload) > job.steps.indexOf(check));
    assert.ok(check.with?.['sarif-file']);
    assert.equal(upload.with?.sarif_file, check.with['sarif-file']);
    // Uploaded also when the check fails the job, not when it wrote no log, and not where the
    // token cannot write security events (a fork's pull request, Dependabot's).
    assert.match(upload.if ?? '', /!cancelled\(\)/);
    assert.match(upload.if ?? '', /hashFiles\('release-plan\.sarif'\)/);
    assertUploadGuarded(upload.if);
    assert.deepEqual(job.steps.filter((step) => step.uses?.startsWith('actions/')).map((step) => step.uses), ['actions/checkout@v5']);
  });

  it('docs/ci.md: every SARIF upload is skipped where it cannot write (forks, Dependabot); actions v5, Node 22+, node:22', () => {
    const doc = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
    const blocks = [...doc.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((match) => parse(match[1] ?? '') as unknown);
    const steps: { uses?: string; if?: string; with?: Record<string, unknown> }[] = [];
    const images: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if (typeof record.uses === 'string') steps.push(record as (typeof steps)[number]);
        if (typeof record.image === 'string') images.push(record.image);
        Object.values(record).forEach(walk);
      }
    };
    walk(blocks);
    const uploads = steps.filter((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(uploads.length, 2, 'the action setup and the CLI setup upload the SARIF log');
    for (const upload of uploads) {
      assert.match(upload.if ?? '', /!cancelled\(\)/);
      assertUploadGuarded(upload.if);
    }
    const actions = steps.filter((step) => step.uses?.startsWith('actions/')).map((step) => step.uses);
    assert.deepEqual([...new Set(actions)].sort(), ['actions/checkout@v5', 'actions/setup-node@v5']);
    for (const step of steps.filter((s) => s.uses?.startsWith('actions/setup-node@'))) assert.ok([22, 24].includes(Number(step.with?.['node-version'])), `node-version ${String(step.with?.['node-version'])}`);
    assert.deepEqual(images, ['node:22']);
    assert.match(doc, /`runs\.using` is `node24`/);
  });

  it('the bundles still target Node 20 (they run on the runner\'s node24 and on a user\'s Node 20), and the CLI needs Node 20 or later', () => {
    const config = readFileSync(join(ROOT, 'esbuild.config.mjs'), 'utf8');
    const action = /name: 'action',[\s\S]*?target: '([^']+)'/.exec(config)?.[1];
    const cli = /name: 'cli',[\s\S]*?target: '([^']+)'/.exec(config)?.[1];
    assert.deepEqual([action, cli], ['node20', 'node20']);
    const npmPackage = JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as { engines?: { node?: string } };
    assert.equal(npmPackage.engines?.node, '>=20');
  });

  it('on the messy plan: annotations, the job summary, a SARIF file, the outputs, and exit 1 (fail-on defaults to error)', async () => {
    const ran = await action({ INPUT_PATH: MESSY, INPUT_TODAY: DAY, 'INPUT_SARIF-FILE': join(dir, 'reports/release-plan.sarif'), ...github() });
    assertNoStack(ran);
    assert.equal(ran.stderr, '');
    assert.equal(ran.code, 1);

    const annotations = await cli(['check', MESSY, '--today', DAY, '--format', 'github']);
    assert.equal(annotations.code, 1);
    assert.match(annotations.out, /^::error file=examples\/messy\/\.release\/release\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=owner-team-label::/m);
    assert.equal(ran.stdout, `${annotations.out}\nrelease-plan: wrote the SARIF log to ${join(dir, 'reports/release-plan.sarif')}.\nrelease-plan: failing the job (fail-on: error): 16 errors in the plan.\n`);

    const markdown = await cli(['check', MESSY, '--today', DAY, '--format', 'markdown']);
    assert.equal(await readFile(summary, 'utf8'), `# Earlier step\n\n${markdown.out}\n`);
    assert.match(markdown.out, /^## Release plan: checkout-rescue\n\n\*\*🔴 No-go\*\*/);

    const sarif = await cli(['check', MESSY, '--today', DAY, '--format', 'sarif']);
    assert.deepEqual(JSON.parse(await readFile(join(dir, 'reports/release-plan.sarif'), 'utf8')), JSON.parse(sarif.out));

    const counts = JSON.parse((await cli(['check', MESSY, '--today', DAY, '--format', 'json'])).out) as { summary: { errors: number; warnings: number } };
    assert.equal(counts.summary.errors, 16);
    const written = await readFile(output, 'utf8');
    assert.ok(written.startsWith('earlier=1\n'));
    assert.deepEqual(parseOutputs(written.slice('earlier=1\n'.length)), { errors: '16', warnings: String(counts.summary.warnings), verdict: 'no-go' });
  });

  it('on the clean plan: no annotations, a Go summary, outputs 0/0/go, exit 0, and no SARIF file unless asked', async () => {
    const ran = await action({ INPUT_PATH: CLEAN, INPUT_TODAY: DAY, ...github() });
    assertNoStack(ran);
    assert.deepEqual(ran, { code: 0, stdout: `release-plan: no problems in ${join(ROOT, CLEAN)} (checked as of ${DAY}).\n`, stderr: '' });
    assert.match(await readFile(summary, 'utf8'), /^# Earlier step\n\n## Release plan: .+\n\n\*\*🟢 Go\*\*[^\n]*checked as of 2099-03-16\n[\s\S]*### Findings\n\nNo findings\.\n$/);
    assert.deepEqual(parseOutputs((await readFile(output, 'utf8')).slice('earlier=1\n'.length)), { errors: '0', warnings: '0', verdict: 'go' });
  });

  it('fail-on: warning fails on a warning alone, error and never do not; never passes the messy plan', async () => {
    // The clean example as of 2099-03-20: its target passed two days ago (a warning), no error.
    const day = '2099-03-20';
    for (const [failOn, code] of [['warning', 1], ['error', 0], ['never', 0]] as const) {
      const ran = await action({ INPUT_PATH: CLEAN, INPUT_TODAY: day, 'INPUT_FAIL-ON': failOn });
      assert.equal(ran.code, code, `fail-on ${failOn}: ${ran.stdout}`);
      assert.match(ran.stdout, /^::warning file=examples\/clean\/\.release\/release\.yaml,.*title=date-target-passed::/m);
      if (code === 1) assert.match(ran.stdout, /\nrelease-plan: failing the job \(fail-on: warning\): 0 errors and 1 warning in the plan\.\n$/);
    }
    const atRisk = await action({ INPUT_PATH: CLEAN, INPUT_TODAY: day, ...github() });
    const markdown = await readFile(summary, 'utf8');
    // The verdict output is the health the summary leads with.
    assert.match(markdown, /\*\*🟡 At risk\*\*/);
    assert.equal(parseOutputs((await readFile(output, 'utf8')).slice('earlier=1\n'.length)).verdict, 'at-risk');
    assert.equal(atRisk.code, 0);

    const never = await action({ INPUT_PATH: MESSY, INPUT_TODAY: DAY, 'INPUT_FAIL-ON': 'never' });
    assert.equal(never.code, 0);
    assert.match(never.stdout, /^::error file=/m);
    assert.doesNotMatch(never.stdout, /failing the job/);
  });

  it('defaults: path is the workspace (the current folder), today the runner\'s date', async () => {
    const workspace = join(dir, 'workspace');
    await cp(join(ROOT, CLEAN), workspace, { recursive: true });
    const before = todayIso();
    const ran = await action({ ...github() }, workspace);
    const after = todayIso();
    assertNoStack(ran);
    const day = /checked as of (\d{4}-\d{2}-\d{2})\)\.$/m.exec(ran.stdout)?.[1];
    assert.ok(day === before || day === after, `checked as of ${day}, today is ${before}`);
    assert.match(await readFile(summary, 'utf8'), new RegExp(`checked as of ${day}\\n`));
    // Annotation paths are relative to the workspace (no git work tree here: the current folder).
    if (ran.code !== 0) assert.match(ran.stdout, /^::\w+ file=\.release\//m);
  });

  it('a bad input is one ::error:: line naming it, exit 2, and nothing written', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ 'INPUT_FAIL-ON': 'maybe' }, '::error::release-plan: the input fail-on must be error, warning or never, not "maybe".'],
      [{ 'INPUT_FAIL-ON': 'Error' }, '::error::release-plan: the input fail-on must be error, warning or never, not "Error".'],
      [{ INPUT_TODAY: '2099-02-30' }, '::error::release-plan: the input today must be a date written YYYY-MM-DD (or left out for the runner\'s date), not "2099-02-30".'],
      [{ INPUT_TODAY: 'tomorrow' }, '::error::release-plan: the input today must be a date written YYYY-MM-DD (or left out for the runner\'s date), not "tomorrow".'],
      [{ INPUT_PATH: 'no/such/folder' }, '::error::release-plan: no/such/folder does not exist. Give the folder that holds .release/.'],
      [{ INPUT_PATH: 'docs' }, '::error::release-plan: no .release/ folder in docs. Run `release-plan init docs` to create one.'],
      [{ INPUT_PATH: 'package.json' }, '::error::release-plan: package.json is a file, not a folder. Give the folder that holds .release/.'],
    ];
    for (const [inputs, line] of cases) {
      const ran = await action({ INPUT_PATH: MESSY, INPUT_TODAY: DAY, ...inputs, ...github() });
      assert.deepEqual(ran, { code: 2, stdout: `${line}\n`, stderr: '' }, JSON.stringify(inputs));
      assert.equal(await readFile(summary, 'utf8'), '# Earlier step\n\n');
      assert.equal(await readFile(output, 'utf8'), 'earlier=1\n');
    }
  });

  it('a SARIF file or runner file that cannot be written is one ::error:: line and exit 2, never a stack trace', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const sarif = await action({ INPUT_PATH: CLEAN, INPUT_TODAY: DAY, 'INPUT_SARIF-FILE': join(blocker, 'out.sarif') });
    assertNoStack(sarif);
    assert.equal(sarif.code, 2);
    assert.match(sarif.stdout, new RegExp(`\\n::error::release-plan: cannot write the SARIF file ${blocker.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/out\\.sarif at .+: .+\\.\\n$`));

    const out = await action({ INPUT_PATH: CLEAN, INPUT_TODAY: DAY, GITHUB_OUTPUT: join(blocker, 'output') });
    assertNoStack(out);
    assert.equal(out.code, 2);
    assert.match(out.stdout, /\n::error::release-plan: cannot write the step outputs \(\$GITHUB_OUTPUT\) at .+\.\n$/);
  });

  it('a path that starts with "-" is a folder, not an option; inputs are trimmed', async () => {
    const folder = join(dir, '-plan');
    await cp(join(ROOT, CLEAN), folder, { recursive: true });
    const ran = await action({ INPUT_PATH: ' -plan ', INPUT_TODAY: ` ${DAY}\n`, 'INPUT_FAIL-ON': ' error ' }, dir);
    assert.deepEqual(ran, { code: 0, stdout: `release-plan: no problems in ${folder} (checked as of ${DAY}).\n`, stderr: '' });
  });

  describe('its parts', () => {
    it('getInput reads INPUT_<NAME> upper-cased, spaces as _, hyphens kept', () => {
      const env = { 'INPUT_FAIL-ON': ' warning ', INPUT_SARIF_FILE: 'wrong.sarif', 'INPUT_MY_INPUT': 'x' };
      assert.equal(getInput(env, 'fail-on'), 'warning');
      assert.equal(getInput(env, 'sarif-file'), '');
      assert.equal(getInput(env, 'my input'), 'x');
    });

    it('fails() by the fail-on rule', () => {
      const table: [(typeof FAIL_ON)[number], number, number, boolean][] = [
        ['error', 0, 0, false], ['error', 0, 3, false], ['error', 1, 0, true],
        ['warning', 0, 0, false], ['warning', 0, 1, true], ['warning', 2, 0, true],
        ['never', 5, 5, false],
      ];
      for (const [failOn, errors, warnings, expected] of table) assert.equal(fails(failOn, { errors, warnings }), expected, `${failOn} ${errors}/${warnings}`);
    });

    it('outputLines writes each output between a fresh delimiter, so a value may hold line breaks', () => {
      const text = outputLines({ verdict: 'go', note: 'two\nlines' });
      const delimiter = /^verdict<<(ghadelimiter_[0-9a-f-]{36})\n/.exec(text)?.[1];
      assert.ok(delimiter, text);
      assert.equal(text, `verdict<<${delimiter}\ngo\n${delimiter}\nnote<<${delimiter}\ntwo\nlines\n${delimiter}\n`);
      assert.deepEqual(parseOutputs(text), { verdict: 'go', note: 'two\nlines' });
      assert.notEqual(outputLines({ a: '1' }), outputLines({ a: '1' }), 'a new delimiter each time');
      assert.throws(() => outputLines({ a: 'x EOF y' }, 'EOF'), /contains its delimiter/);
    });
  });
});
