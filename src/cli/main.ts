import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPlan, summarize, type CheckResult } from '../core/engine';
import { isIsoDate, todayIso } from '../core/dates';
import { evaluateGonogo } from '../core/gonogo';
import { scaffoldFiles } from '../core/scaffold';
import { jsonSchemas } from '../core/schemas';
import { RELEASE_FILE, type Finding } from '../core/types';
import { hasReleaseDir, readPlanFiles } from './files';

const USAGE = `Usage: release-plan <command> [options]

Commands:
  check [dir]     Check the plan in <dir>/.release/ (default: current folder).
  gonogo [dir]    Answer the five go/no-go questions; exit 0 for go, 1 otherwise.
  init [dir]      Create a commented .release/ to fill in (never overwrites a file).
  schema [outdir] Write the JSON Schemas for the plan files (default: schemas/).

Options:
  --today YYYY-MM-DD   Check as of this day (default: today), for reproducible CI.
  --format text|json   Output format (default: text).
  -h, --help           Show this help.

Exit codes: 0 ok (go), 1 errors found (no-go), 2 bad usage or no .release/ folder.`;

export class UsageError extends Error {}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  now: () => Date;
}

export async function run(argv: string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`release-plan: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        today: { type: 'string' },
        format: { type: 'string', default: 'text' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const [command, target, ...extra] = positionals;
  if (values.help || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (!command) throw new UsageError('no command given.');
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra.join(' ')}`);
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}".`);
  const today = values.today ?? todayIso(io.now());
  if (!isIsoDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}".`);
  const folder = resolve(io.cwd, target ?? (command === 'schema' ? 'schemas' : '.'));

  switch (command) {
    case 'check':
      return check(folder, today, format, io);
    case 'gonogo':
      return gonogo(folder, today, format, io);
    case 'init':
      return init(folder, today, io);
    case 'schema':
      return schema(folder, io);
    default:
      throw new UsageError(`unknown command "${command}".`);
  }
}

async function load(folder: string, today: string, io: Io): Promise<CheckResult | undefined> {
  if (!(await hasReleaseDir(folder))) {
    io.err(`release-plan: no .release/ folder in ${folder}. Run \`release-plan init ${folder}\` to create one.`);
    return undefined;
  }
  const files = await readPlanFiles(folder);
  if (!files.has(RELEASE_FILE)) {
    // Without release.yaml the engine has nothing to check and would report "no problems": in CI
    // a renamed or deleted plan must not pass.
    const near = [...files.keys()].find((path) => /^\.release\/release\.ya?ml$/i.test(path));
    io.err(`release-plan: no ${RELEASE_FILE} in ${folder}.${near ? ` Rename ${near} to ${RELEASE_FILE}.` : ` Run \`release-plan init ${folder}\` to create one.`}`);
    return undefined;
  }
  return checkPlan(files, { today });
}

async function check(folder: string, today: string, format: 'text' | 'json', io: Io): Promise<number> {
  const result = await load(folder, today, io);
  if (!result) return 2;
  const summary = summarize(result.findings);
  if (format === 'json') {
    io.out(JSON.stringify({ diagnostics: result.findings.map(toJson), summary: { ...summary, today } }, null, 2));
  } else {
    for (const finding of result.findings) {
      io.out(`${finding.file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}: ${finding.severity} ${finding.code}: ${finding.message}`);
    }
    const verdict = summary.errors + summary.warnings === 0 ? 'no problems' : `${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}`;
    io.out(`release-plan: ${verdict} in ${folder} (checked as of ${today}).`);
  }
  return summary.errors > 0 ? 1 : 0;
}

function toJson(finding: Finding) {
  return {
    file: finding.file,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
  };
}

async function gonogo(folder: string, today: string, format: 'text' | 'json', io: Io): Promise<number> {
  const result = await load(folder, today, io);
  if (!result) return 2;
  const gonogoResult = evaluateGonogo(result);
  if (format === 'json') {
    io.out(JSON.stringify({ today, ...gonogoResult }, null, 2));
  } else {
    const mark = { pass: 'PASS', fail: 'FAIL', 'needs-answer': '????' } as const;
    gonogoResult.questions.forEach((question, index) => {
      io.out(`${index + 1}. [${mark[question.verdict]}] ${question.question}`);
      for (const reason of question.reasons) io.out(`     ${reason}`);
    });
    const recommendation = { go: 'GO', 'no-go': 'NO-GO', 'needs-answers': 'NO-GO until every question is answered' }[gonogoResult.recommendation];
    io.out(`Recommendation: ${recommendation} (as of ${today}${gonogoResult.recordDate ? `, answers recorded ${gonogoResult.recordDate}` : ''}).`);
  }
  return gonogoResult.recommendation === 'go' ? 0 : 1;
}

async function init(folder: string, today: string, io: Io): Promise<number> {
  let written = 0;
  for (const [path, text] of scaffoldFiles(today)) {
    const full = join(folder, path);
    await mkdir(dirname(full), { recursive: true });
    try {
      await writeFile(full, text, { flag: 'wx' });
      io.out(`created ${path}`);
      written++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      io.out(`kept    ${path} (already exists)`);
    }
  }
  io.out(written > 0 ? `Now edit .release/release.yaml and run \`release-plan check\`.` : 'Nothing to do: the plan already exists.');
  return 0;
}

async function schema(outdir: string, io: Io): Promise<number> {
  await mkdir(outdir, { recursive: true });
  for (const [kind, json] of Object.entries(jsonSchemas())) {
    const path = join(outdir, `${kind}.schema.json`);
    await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
    io.out(`wrote ${path}`);
  }
  return 0;
}

if (require.main === module) {
  run(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    cwd: process.cwd(),
    now: () => new Date(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`release-plan: unexpected failure: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
