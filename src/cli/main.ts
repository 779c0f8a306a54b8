import { readFileSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPlan, type CheckResult, type Summary } from '../core/engine';
import { isIsoDate, todayIso } from '../core/dates';
import { evaluateGonogo } from '../core/gonogo';
import { scaffoldFiles } from '../core/scaffold';
import { jsonSchemas } from '../core/schemas';
import { RELEASE_DIR, RELEASE_FILE, type Finding } from '../core/types';
import { readPlan, type PlanRead } from './files';
import { CliFailure, fsReason, isFsError } from './fsErrors';
import { flatLines, inertLine, paint, stylishLines, summaryLine, wantsColour, type Env, type Paint, type Shown } from './output';
import { findingAnchor, fingerprints } from './formats/fingerprint';
import { githubLines } from './formats/github';
import { gitlabReport } from './formats/gitlab';
import { markdownSummary } from './formats/markdown';
import { findRepoRoot, relativeTo } from './formats/repoRoot';
import { sarifLog } from './formats/sarif';

const USAGE = `Usage: release-plan <command> [options]

Commands:
  check [dir]     Check the plan in <dir>/.release/ (default: current folder).
  gonogo [dir]    Answer the five go/no-go questions; exit 0 for go, 1 otherwise.
  init [dir]      Create a commented .release/ to fill in (never overwrites a file).
  schema [outdir] Write the JSON Schemas for the plan files (default: schemas/).

Options:
  --today YYYY-MM-DD   Check as of this day (default: today), for reproducible CI.
  --format FORMAT      Output format (default: text): text or json; for check also
                       github   GitHub Actions annotations (workflow commands),
                       sarif    SARIF 2.1.0 for GitHub code scanning,
                       gitlab   a GitLab Code Quality report (JSON),
                       markdown a release summary for $GITHUB_STEP_SUMMARY or a PR comment.
                       The CI formats give paths relative to the repository root (the git
                       work tree that holds the plan, else the current folder).
  --quiet              check: report errors only; warnings and infos are not shown.
  --max-warnings N     check: exit 1 when there are more than N warnings (even with --quiet).
  -v, --version        Show the version.
  -h, --help           Show this help.

Exit codes: 0 ok (go), 1 errors found (no-go), 2 bad usage, no .release/ folder, or a file or
folder that cannot be read or written.`;

/** Replaced with package.json's version when the CLI is bundled (esbuild.config.mjs). */
declare const RELEASE_PLAN_VERSION: string | undefined;

export class UsageError extends Error {}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  now: () => Date;
  /** Whether stdout is a terminal: findings are then grouped by file and coloured. Default: no. */
  isTTY?: boolean;
  /** Environment variables read: NO_COLOR and FORCE_COLOR. Default: none. */
  env?: Env;
}

export async function run(argv: string[], given: Io): Promise<number> {
  // A message on stderr may quote a path or a value: one line, never a workflow command in a CI log.
  const io: Io = { ...given, err: (text) => given.err(inertLine(text)) };
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      // Every usage message is a sentence of its own before the pointer to --help.
      const sentence = /[.!?]$/.test(error.message) ? error.message : `${error.message}.`;
      io.err(`release-plan: ${sentence} Run \`release-plan --help\` for the commands and options.`);
      return 2;
    }
    if (error instanceof CliFailure) {
      io.err(`release-plan: ${error.message}`);
      return 2;
    }
    if (isFsError(error)) {
      // A file-system failure no command anticipated: still one line, never a stack.
      io.err(`release-plan: ${error.path ? `${display(io.cwd, error.path)}: ` : ''}${fsReason(error)}.`);
      return 2;
    }
    throw error;
  }
}

const FORMATS = ['text', 'json', 'github', 'sarif', 'gitlab', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
/** Formats for CI, made for check: paths relative to the repository root. */
const CI_FORMATS: readonly Format[] = ['github', 'sarif', 'gitlab', 'markdown'];

function isFormat(value: string | undefined): value is Format {
  return (FORMATS as readonly (string | undefined)[]).includes(value);
}

interface Options {
  today: string;
  format: Format;
  quiet: boolean;
  maxWarnings?: number;
}

const OPTIONS = {
  today: { type: 'string' },
  format: { type: 'string', default: 'text' },
  quiet: { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

const EXAMPLE_VALUE: Record<string, string> = { today: '2026-12-01', format: 'json', 'max-warnings': '0' };

/**
 * Checks the options before Node's parser sees them, so a mistake gets our own one-line message:
 * Node's parser calls `--max-warnings -1` "ambiguous" and suggests syntax nobody needs. Returns the
 * arguments with every value joined to its option (`--max-warnings=-1`), which the parser accepts.
 */
function normalizeArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const [written = '', inline] = long ? splitOnce(arg.slice(2), '=') : [arg.slice(1), undefined];
    const name = long ? written : Object.entries(OPTIONS).find(([, option]) => 'short' in option && option.short === written)?.[0];
    const option = name !== undefined ? (OPTIONS as Record<string, { type: string }>)[name] : undefined;
    if (name === undefined || !option) throw new UsageError(`unknown option "${long ? `--${written}` : arg}".`);
    if (option.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
      out.push(`--${name}`);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined) throw new UsageError(`--${name} needs a value, e.g. --${name} ${EXAMPLE_VALUE[name] ?? 'VALUE'}.`);
    if (inline === undefined) i++;
    out.push(`--${name}=${value}`);
  }
  return out;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: normalizeArgs(argv), allowPositionals: true, options: OPTIONS });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // normalizeArgs catches what we know of; never pass the parser's own wording on.
    throw new UsageError('these options could not be read.');
  }
  const { values, positionals } = parsed;
  const [command, target, ...extra] = positionals;
  if (values.help || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (values.version) {
    io.out(`release-plan ${version()}`);
    return 0;
  }
  if (!command) throw new UsageError('no command given.');
  if (extra.length > 0) throw new UsageError(`unexpected argument: ${extra.join(' ')}.`);
  const format = values.format;
  if (!isFormat(format)) throw new UsageError(`--format must be text, json, github, sarif, gitlab or markdown, not "${format}".`);
  if (CI_FORMATS.includes(format) && ['gonogo', 'init', 'schema'].includes(command)) throw new UsageError(`--format ${format} applies to the check command only.`);
  const today = values.today ?? todayIso(io.now());
  if (!isIsoDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}".`);
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings must be a whole number, 0 or more, not "${maxWarnings}".`);
  if ((values.quiet || maxWarnings !== undefined) && command !== 'check') throw new UsageError('--quiet and --max-warnings apply to the check command only.');
  const options: Options = { today, format, quiet: values.quiet ?? false, ...(maxWarnings !== undefined ? { maxWarnings: Number(maxWarnings) } : {}) };
  const folder = resolve(io.cwd, target ?? (command === 'schema' ? 'schemas' : '.'));

  switch (command) {
    case 'check':
      return check(folder, options, io);
    case 'gonogo':
      return gonogo(folder, options, io);
    case 'init':
      return init(folder, today, io);
    case 'schema':
      return schema(folder, io);
    default:
      throw new UsageError(`unknown command "${command}".`);
  }
}

function version(): string {
  if (typeof RELEASE_PLAN_VERSION === 'string') return RELEASE_PLAN_VERSION;
  // Run from source (tests, tsx): read it next to the sources.
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** A path as the user can click or type it from where they are: relative to the current folder. */
function display(cwd: string, path: string): string {
  const rel = relative(cwd, resolve(cwd, path)).split(sep).join('/');
  return rel === '' ? '.' : rel;
}

type Kind = 'missing' | 'dir' | 'file';

/** What is at `path` (links followed); a failure other than "not there" is the caller's one-line error. */
async function kindOf(path: string, io: Io): Promise<Kind> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new CliFailure(`cannot read ${display(io.cwd, path)}: ${fsReason(error)}.`);
  }
}

interface Checked {
  result: CheckResult;
  read: PlanRead;
}

/** "in examples/app" or "in the current folder", and the init command to suggest for it. */
function place(shown: string): { where: string; init: string } {
  const arg = /[\s'"$`]/.test(shown) ? JSON.stringify(shown) : shown;
  return shown === '.' ? { where: 'the current folder', init: 'release-plan init' } : { where: shown, init: `release-plan init ${arg}` };
}

async function load(folder: string, today: string, io: Io): Promise<Checked | undefined> {
  const shown = display(io.cwd, folder);
  const { where, init: initCommand } = place(shown);
  const folderKind = await kindOf(folder, io);
  if (folderKind === 'missing') throw new CliFailure(`${shown} does not exist. Give the folder that holds .release/.`);
  if (folderKind === 'file') throw new CliFailure(`${shown} is a file, not a folder. Give the folder that holds .release/.`);
  const releaseDir = join(folder, RELEASE_DIR);
  const releaseKind = await kindOf(releaseDir, io);
  if (releaseKind === 'missing') {
    io.err(`release-plan: no .release/ folder in ${where}. Run \`${initCommand}\` to create one.`);
    return undefined;
  }
  if (releaseKind === 'file') throw new CliFailure(`${display(io.cwd, releaseDir)} is a file, not a folder. The plan lives in a .release/ folder: move the file away and run \`${initCommand}\`.`);
  let read: PlanRead;
  try {
    read = await readPlan(folder);
  } catch (error) {
    throw new CliFailure(`cannot read ${display(io.cwd, releaseDir)}: ${fsReason(error)}.`);
  }
  if (!read.files.has(RELEASE_FILE) && !read.unreadable.has(RELEASE_FILE)) {
    // Without release.yaml the engine has nothing to check and would report "no problems": in CI
    // a renamed or deleted plan must not pass.
    const near = [...read.files.keys(), ...read.unreadable.keys()].find((path) => /^\.release\/release\.ya?ml$/i.test(path));
    io.err(`release-plan: no ${RELEASE_FILE} in ${where}.${near ? ` Rename ${near} to ${RELEASE_FILE}.` : ` Run \`${initCommand}\` to create one.`}`);
    return undefined;
  }
  return { result: checkPlan(read.files, { today, unreadable: read.unreadable }), read };
}

/**
 * A finding for output: 1-based, with where a link leads, and its path relative to the current
 * folder, or to `root` (the repository root, for the CI formats) when given.
 */
function toShown(finding: Finding, folder: string, read: PlanRead, io: Io, root?: string): Shown {
  const target = read.outside.get(finding.file);
  const path = join(folder, finding.file);
  return {
    file: root !== undefined ? relativeTo(root, path) : display(io.cwd, path),
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
    severity: finding.severity,
    code: finding.code,
    message: target ? `${finding.message} (this file is a link to ${target})` : finding.message,
  };
}

function count(shown: readonly Shown[]): Summary {
  return {
    errors: shown.filter((f) => f.severity === 'error').length,
    warnings: shown.filter((f) => f.severity === 'warning').length,
    infos: shown.filter((f) => f.severity === 'info').length,
    files: new Set(shown.map((f) => f.file)).size,
  };
}

function painter(io: Io): Paint {
  return paint(wantsColour(io.isTTY ?? false, io.env ?? {}));
}

async function check(folder: string, options: Options, io: Io): Promise<number> {
  const checked = await load(folder, options.today, io);
  if (!checked) return 2;
  const root = CI_FORMATS.includes(options.format) ? (await findRepoRoot(folder, io.cwd)).path : undefined;
  const items = checked.result.findings.map((finding) => ({ finding, shown: toShown(finding, folder, checked.read, io, root) }));
  const all = items.map((item) => item.shown);
  // --quiet: warnings and infos are not shown, but --max-warnings still counts the warnings: a CI
  // job that sets both must not pass because the warnings were hidden.
  const kept = options.quiet ? items.filter((item) => item.shown.severity === 'error') : items;
  const shown = kept.map((item) => item.shown);
  const summary = count(shown);
  // GitLab's and SARIF's fingerprints: the code, the repository-relative file and the finding's place in the plan.
  const ids = () => fingerprints(kept.map(({ finding, shown: f }) => ({ code: f.code, file: f.file, anchor: findingAnchor(finding, checked.result.plan) })));
  if (options.format === 'json') {
    io.out(JSON.stringify({ root: folder, diagnostics: shown, summary: { ...summary, today: options.today } }, null, 2));
  } else if (options.format === 'github') {
    for (const line of githubLines(shown)) io.out(line);
    // A plain line in the log after the annotations (no colour: CI logs are not terminals).
    io.out(inertLine(summaryLine(summary, folder, options.today, paint(false))));
  } else if (options.format === 'sarif') {
    io.out(JSON.stringify(sarifLog(shown, { version: version(), root: root ?? io.cwd, fingerprints: ids() }), null, 2));
  } else if (options.format === 'gitlab') {
    io.out(JSON.stringify(gitlabReport(shown, ids()), null, 2));
  } else if (options.format === 'markdown') {
    io.out(markdownSummary({ result: checked.result, shown, today: options.today, quiet: options.quiet }).trimEnd());
  } else {
    // Plan text stays on its line, and no line is a workflow command (see inertLine).
    const p = painter(io);
    for (const line of io.isTTY ? stylishLines(shown, p) : flatLines(shown, p)) io.out(inertLine(line));
    io.out(inertLine(summaryLine(summary, folder, options.today, p)));
  }
  if (summary.errors > 0) return 1;
  const warnings = all.filter((f) => f.severity === 'warning').length;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    const hidden = `${warnings} ${warnings === 1 ? 'warning (hidden by --quiet) exceeds' : 'warnings (hidden by --quiet) exceed'} --max-warnings ${options.maxWarnings}; run without --quiet to see them.`;
    io.err(`release-plan: ${options.quiet ? hidden : `too many warnings: ${warnings}, and --max-warnings allows ${options.maxWarnings}.`}`);
    return 1;
  }
  return 0;
}

async function gonogo(folder: string, options: Options, io: Io): Promise<number> {
  const checked = await load(folder, options.today, io);
  if (!checked) return 2;
  const result = evaluateGonogo(checked.result);
  const questions = result.questions.map((question) => ({ ...question, findings: question.findings.map((finding) => toShown(finding, folder, checked.read, io)) }));
  const veto = result.veto ? { ...result.veto, file: display(io.cwd, join(folder, result.veto.file)) } : undefined;
  if (options.format === 'json') {
    io.out(JSON.stringify({ today: options.today, root: folder, ...result, questions, ...(veto ? { veto } : {}) }, null, 2));
  } else {
    // Reasons and the veto quote plan text: each stays on its line, and no line is a workflow command.
    const say = (line: string) => io.out(inertLine(line));
    const p = painter(io);
    if (result.shipped) {
      // After launch every question says the same: the launch, once, and no recommendation to act on.
      say(result.shipped.message);
      say(`Recommendation: ${p.bold('none')}, the release went out (as of ${options.today}).`);
      return 1;
    }
    const mark = { pass: 'PASS', fail: 'FAIL', 'needs-answer': '????' } as const;
    const markSeverity = { pass: 'info', fail: 'error', 'needs-answer': 'warning' } as const;
    questions.forEach((question, index) => {
      say(`${index + 1}. [${p.severity(markSeverity[question.verdict], mark[question.verdict])}] ${question.question}`);
      for (const reason of question.reasons) say(`     ${reason}`);
      if (question.verdict === 'fail') for (const f of question.findings) say(`     ${f.file}:${f.line}:${f.column} ${p.dim(f.code)}`);
    });
    if (veto) say(p.severity('error', veto.message));
    for (const unread of result.unreadableRecords) say(p.severity('warning', unread.reason));
    const unanswered = result.questions.some((q) => q.verdict === 'needs-answer');
    const waiting = [unanswered ? 'every question is answered' : '', result.unreadableRecords.length > 0 ? 'every go/no-go record can be read' : ''].filter(Boolean).join(' and ');
    const recommendation = { go: 'GO', 'no-go': 'NO-GO', 'needs-answers': `NO-GO until ${waiting}` }[result.recommendation];
    say(`Recommendation: ${p.bold(recommendation)} (as of ${options.today}${result.recordDate ? `, answers recorded ${result.recordDate}` : ''}).`);
  }
  return result.recommendation === 'go' ? 0 : 1;
}

async function init(folder: string, today: string, io: Io): Promise<number> {
  const shown = display(io.cwd, folder);
  if ((await kindOf(folder, io)) === 'file') throw new CliFailure(`${shown} is a file, not a folder. Give init the folder that should hold .release/, e.g. \`release-plan init .\`.`);
  const releaseDir = join(folder, RELEASE_DIR);
  if ((await kindOf(releaseDir, io)) === 'file') throw new CliFailure(`${display(io.cwd, releaseDir)} is a file, not a folder. Move it away, then run init again.`);
  let written = 0;
  for (const [path, text] of scaffoldFiles(today)) {
    const full = join(folder, path);
    try {
      await mkdir(dirname(full), { recursive: true });
    } catch (error) {
      throw new CliFailure(`cannot create the folder ${display(io.cwd, dirname(full))}: ${fsReason(error)}.`);
    }
    try {
      await writeFile(full, text, { flag: 'wx' });
      io.out(`created ${path}`);
      written++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new CliFailure(`cannot write ${display(io.cwd, full)}: ${fsReason(error)}.`);
      io.out(`kept    ${path} (already exists)`);
    }
  }
  io.out(written > 0 ? `Now edit .release/release.yaml and run \`release-plan check\`.` : 'Nothing to do: the plan already exists.');
  return 0;
}

async function schema(outdir: string, io: Io): Promise<number> {
  if ((await kindOf(outdir, io)) === 'file') throw new CliFailure(`${display(io.cwd, outdir)} is a file, not a folder. Give schema a folder to write the JSON Schemas into.`);
  try {
    await mkdir(outdir, { recursive: true });
  } catch (error) {
    throw new CliFailure(`cannot create the folder ${display(io.cwd, outdir)}: ${fsReason(error)}.`);
  }
  for (const [kind, json] of Object.entries(jsonSchemas())) {
    const path = join(outdir, `${kind}.schema.json`);
    try {
      await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
    } catch (error) {
      throw new CliFailure(`cannot write ${display(io.cwd, path)}: ${fsReason(error)}.`);
    }
    io.out(`wrote ${display(io.cwd, path)}`);
  }
  return 0;
}

if (require.main === module) {
  // `release-plan check | head` closes the pipe early: that is not a failure worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  run(process.argv.slice(2), {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    cwd: process.cwd(),
    now: () => new Date(),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // The last resort: one line, no stack. A bug here is still reported, just readably.
      const message = (error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0] ?? '';
      process.stderr.write(`${inertLine(`release-plan: ${message} (an unexpected failure; please report it)`)}\n`);
      process.exitCode = 2;
    },
  );
}
