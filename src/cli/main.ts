import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Summary } from '../core/engine';
import { isIsoDate, todayIso } from '../core/dates';
import { decodePlanBytes } from '../core/decode';
import { applyEdits } from '../core/edits';
import { evaluateGonogo } from '../core/gonogo';
import { launchState, type ShippedRecord } from '../core/launch';
import { render } from '../core/message';
import { historyExistsReason, parkedCandidates, planNext, type NextOptions } from '../core/next';
import { SHIP_BLOCKING_CODES, shipEdit } from '../core/planEdits';
import { scaffoldFiles } from '../core/scaffold';
import { jsonSchemas, SHIP_OUTCOMES, type ShipOutcome } from '../core/schemas';
import { RELEASE_DIR, RELEASE_FILE } from '../core/types';
import { planTimeline } from '../core/timeline';
import { display, kindOf, load, place, toShown } from './load';
import { carryOutNext } from './next';
import { readPlanVersions } from './git';
import { historyLines } from './historyText';
import { CliFailure, fsReason, isFsError } from './fsErrors';
import { flatLines, inertLine, paint, stylishLines, summaryLine, wantsColour, type Env, type Paint, type Shown } from './output';
import { findingAnchor, fingerprints } from './formats/fingerprint';
import { githubLines } from './formats/github';
import { gitlabReport } from './formats/gitlab';
import { markdownSummary } from './formats/markdown';
import { findRepoRoot } from './formats/repoRoot';
import { sarifLog } from './formats/sarif';

const USAGE = `Usage: release-plan <command> [options]

Commands:
  check [dir]     Check the plan in <dir>/.release/ (default: current folder).
  gonogo [dir]    Answer the five go/no-go questions; exit 0 for go, 1 otherwise.
  init [dir]      Create a commented .release/ to fill in (never overwrites a file).
  ship [dir]      Record how the release ended: writes \`shipped:\` into release.yaml
                  (comments kept). After its date the checks switch to after-launch mode.
  next [dir]      Close the shipped release and start the next one: moves release.yaml,
                  rollback.yaml, review.yaml, checkins/ and gonogo/ into
                  .release/history/<release>/ and writes a new release.yaml (same roles,
                  parked items as candidate tasks with no owner) and rollback.yaml (stable
                  version = what shipped, no rehearsals). team.yaml and config.yaml stay.
  history [dir]   The plan's history from git: one line per change of release.yaml
                  (tasks added and removed, dates moved, owners changed), with its date,
                  author and commit; --format json gives the timeline as data. Reads the
                  main line (first-parent history of HEAD; a merge's changes by the person
                  who merged), renames followed.
  schema [outdir] Write the JSON Schemas for the plan files (default: schemas/).
  mcp [dir]       Serve the plan to AI agents: a Model Context Protocol server on stdin and
                  stdout with read-only tools (release-plan_status, release-plan_findings,
                  release-plan_gonogo, release-plan_explainRule) and the resource
                  release-plan://plan. It checks the files again on every call; it stops
                  when the client closes. See docs/agents.md.

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
  --no-git             check, gonogo, mcp: do not read the plan's history from git. By default,
                       inside a git repository, the committed versions of release.yaml are
                       read (plan-churn, and who added a late task without \`added:\`);
                       without git or outside a repository the plan is checked without them.
  --outcome OUTCOME    ship (required): shipped, rolled-back (it went out and was rolled
                       back) or slipped (it did not go out).
  --date YYYY-MM-DD    ship: the day it happened (default: today).
  --version VERSION    ship: the version that went out, e.g. 1.5.0.
  --name NAME          next (required): the new release's name, e.g. invoices-v2.
  --target YYYY-MM-DD  next (required): the new release's target date.
  --backup YYYY-MM-DD  next: the new release's backup date, after the target.
  -v, --version        Show the version.
  -h, --help           Show this help.

Exit codes: 0 ok (go), 1 errors found (no-go), 2 bad usage, no .release/ folder, or a file or
folder that cannot be read or written; ship: 2 also when release.yaml has errors or already
records another outcome; next: 2 also when the release has not gone out (no \`shipped:\`, a
slip, a launch after today), a file to move has errors, or the history folder exists; history:
2 also outside a git repository or without git.`;

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
  /** Read the plan's history from git (check, gonogo; not with --no-git). */
  git: boolean;
}

const OPTIONS = {
  today: { type: 'string' },
  format: { type: 'string', default: 'text' },
  quiet: { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  outcome: { type: 'string' },
  date: { type: 'string' },
  /** `--version V` after the ship command (see normalizeArgs); never typed as such. */
  'ship-version': { type: 'string' },
  name: { type: 'string' },
  target: { type: 'string' },
  backup: { type: 'string' },
  'no-git': { type: 'boolean', default: false },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

const EXAMPLE_VALUE: Record<string, string> = { today: '2026-12-01', format: 'json', 'max-warnings': '0', outcome: 'shipped', date: '2026-12-18', 'ship-version': '1.5.0', name: 'invoices-v2', target: '2027-01-29', backup: '2027-02-05' };

/**
 * Checks the options before Node's parser sees them, so a mistake gets our own one-line message:
 * Node's parser calls `--max-warnings -1` "ambiguous" and suggests syntax nobody needs. Returns the
 * arguments with every value joined to its option (`--max-warnings=-1`), which the parser accepts.
 */
function normalizeArgs(argv: readonly string[]): string[] {
  const out: string[] = [];
  // The first word that is not an option or its value: after `ship`, --version names the version that went out.
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      command ??= arg;
      out.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const [written = '', inline] = long ? splitOnce(arg.slice(2), '=') : [arg.slice(1), undefined];
    const typed = long ? written : Object.entries(OPTIONS).find(([, option]) => 'short' in option && option.short === written)?.[0];
    const name = typed === 'version' && command === 'ship' ? 'ship-version' : typed === 'ship-version' ? undefined : typed;
    const option = name !== undefined ? (OPTIONS as Record<string, { type: string }>)[name] : undefined;
    if (name === undefined || !option) throw new UsageError(`unknown option "${long ? `--${written}` : arg}".`);
    const shown = name === 'ship-version' ? 'version' : name;
    if (option.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${shown} takes no value.`);
      out.push(`--${name}`);
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined) throw new UsageError(`--${shown} needs a value, e.g. --${shown} ${EXAMPLE_VALUE[name] ?? 'VALUE'}.`);
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
  if (command === 'mcp' && format !== 'text') throw new UsageError(`--format ${format} does not apply to mcp: it speaks the Model Context Protocol on stdin and stdout.`);
  if (CI_FORMATS.includes(format) && ['gonogo', 'init', 'ship', 'next', 'schema', 'history'].includes(command)) throw new UsageError(`--format ${format} applies to the check command only.`);
  if (values['no-git'] && !['check', 'gonogo', 'mcp'].includes(command)) throw new UsageError('--no-git applies to the check, gonogo and mcp commands only.');
  if (command !== 'ship' && (values.outcome !== undefined || values.date !== undefined)) throw new UsageError(`--${values.outcome !== undefined ? 'outcome' : 'date'} applies to the ship command only.`);
  const nextOption = (['name', 'target', 'backup'] as const).find((option) => values[option] !== undefined);
  if (command !== 'next' && nextOption !== undefined) throw new UsageError(`--${nextOption} applies to the next command only.`);
  if (command === 'next' && format !== 'text') throw new UsageError(`--format ${format} does not apply to next: it prints what it moved and wrote.`);
  const today = values.today ?? todayIso(io.now());
  if (!isIsoDate(today)) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${today}".`);
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) throw new UsageError(`--max-warnings must be a whole number, 0 or more, not "${maxWarnings}".`);
  if ((values.quiet || maxWarnings !== undefined) && command !== 'check') throw new UsageError('--quiet and --max-warnings apply to the check command only.');
  const options: Options = { today, format, quiet: values.quiet ?? false, git: !values['no-git'], ...(maxWarnings !== undefined ? { maxWarnings: Number(maxWarnings) } : {}) };
  const folder = resolve(io.cwd, target ?? (command === 'schema' ? 'schemas' : '.'));

  switch (command) {
    case 'check':
      return check(folder, options, io);
    case 'gonogo':
      return gonogo(folder, options, io);
    case 'init':
      return init(folder, today, io);
    case 'ship':
      return ship(folder, today, shipRecord(values, today), io);
    case 'next':
      return next(folder, today, nextOptions(values, today), io);
    case 'schema':
      return schema(folder, io);
    case 'history':
      return history(folder, options, io);
    case 'mcp':
      return mcp(folder, { git: options.git, ...(values.today !== undefined ? { today } : {}) }, io);
    default:
      throw new UsageError(`unknown command "${command}".`);
  }
}

function version(): string {
  if (typeof RELEASE_PLAN_VERSION === 'string') return RELEASE_PLAN_VERSION;
  // Run from source (tests, tsx): read it next to the sources.
  return (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
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
  const checked = await load(folder, options.today, io, options.git);
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
  const checked = await load(folder, options.today, io, options.git);
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

/** The record `ship` writes, from its options: --outcome is required, --date defaults to today. */
function shipRecord(values: { outcome?: string | undefined; date?: string | undefined; 'ship-version'?: string | undefined }, today: string): ShippedRecord {
  const { outcome, date = today } = values;
  const choices = 'shipped, rolled-back or slipped';
  if (outcome === undefined) throw new UsageError(`ship needs --outcome: ${choices} (e.g. --outcome shipped).`);
  if (!(SHIP_OUTCOMES as readonly string[]).includes(outcome)) throw new UsageError(`--outcome must be ${choices}, not "${outcome}".`);
  if (!isIsoDate(date)) throw new UsageError(`--date must be a date written YYYY-MM-DD, not "${date}".`);
  const version = values['ship-version']?.trim();
  if (version === '') throw new UsageError('--version must not be empty: give the version that went out, e.g. --version 1.5.0.');
  return { date, outcome: outcome as ShipOutcome, ...(version !== undefined ? { version } : {}) };
}

/**
 * `release-plan ship`: writes `shipped:` into release.yaml with the comment-keeping edit of the
 * core (`shipEdit`). Refuses (exit 2) while release.yaml has errors of its own, and when it already
 * records another outcome; the same record again is nothing to do (exit 0).
 */
async function ship(folder: string, today: string, record: ShippedRecord, io: Io): Promise<number> {
  const checked = await load(folder, today, io);
  const full = join(folder, RELEASE_FILE);
  const shown = display(io.cwd, full);
  const broken = checked.result.findings.filter((f) => f.file === RELEASE_FILE && f.severity === 'error' && SHIP_BLOCKING_CODES.has(f.code));
  if (broken.length > 0) {
    io.err(`release-plan: ${shown} has errors, so ship leaves it as it is: fix them, then run ship again.`);
    for (const line of flatLines(broken.map((f) => toShown(f, folder, checked.read, io)), paint(false))) io.err(line);
    return 2;
  }
  // Read again as bytes: the text the edit applies to is the file as it is now, and a UTF-8 byte-order mark stays.
  let bytes: Uint8Array;
  try {
    bytes = await readFile(full);
  } catch (error) {
    throw new CliFailure(`cannot read ${shown}: ${fsReason(error)}.`);
  }
  const decoded = decodePlanBytes(bytes);
  if (decoded.text === undefined) throw new CliFailure(`cannot read ${shown}: ${render(decoded.reason)}`);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
  const edit = shipEdit(decoded.text, record);
  if (!edit.ok) throw new CliFailure(`could not edit ${shown}: ${render(edit.reason)}.`);
  const name = checked.result.plan.release?.data.release ?? 'the release';
  const what = { shipped: `${name} shipped${record.version !== undefined ? ` ${record.version}` : ''} on ${record.date}`, 'rolled-back': `${name}${record.version !== undefined ? ` ${record.version}` : ''} was rolled back on ${record.date}`, slipped: `${name} slipped on ${record.date}` }[record.outcome];
  if (edit.edits.length === 0) {
    io.out(inertLine(`Nothing to do: ${shown} already records that ${what}.`));
    return 0;
  }
  try {
    await writeFile(full, bom + applyEdits(decoded.text, edit.edits));
  } catch (error) {
    throw new CliFailure(`cannot write ${shown}: ${fsReason(error)}.`);
  }
  io.out(inertLine(`Recorded in ${shown}: ${what}.`));
  io.out(inertLine(afterShip(record, today)));
  return 0;
}

/** What the checks do now, in the words of launch.ts's phases. */
function afterShip(record: ShippedRecord, today: string): string {
  if (record.outcome === 'slipped') return 'Nothing went out, so the plan is checked as before: agree a new target and backup date and tell stakeholders.';
  const launch = launchState({ shipped: record }, today);
  if (launch.phase === 'planning') return `${record.date} is after today (${today}): until that day the plan is checked as before.`;
  if (launch.phase === 'watch') return `After-launch mode: until the end of ${launch.watchEnds} the owners stay on watch and the rollback rules still apply (\`release-plan check\` lists who is on watch and the triggers); no capacity, freeze or target-date warnings. After that the release is history.`;
  return `The watch ended on ${launch.watchEnds}: the release is history, and only its files are checked (syntax, schema, dates, task ids).`;
}

/** What `next` is asked for: --name and --target are required; the core checks what they say. */
function nextOptions(values: { name?: string | undefined; target?: string | undefined; backup?: string | undefined }, today: string): NextOptions {
  if (values.name === undefined) throw new UsageError('next needs --name: the new release\'s name (e.g. --name invoices-v2).');
  if (values.target === undefined) throw new UsageError('next needs --target: the new release\'s target date (e.g. --target 2027-01-29).');
  return { name: values.name, target: values.target, ...(values.backup !== undefined ? { backup: values.backup } : {}), today };
}

/**
 * `release-plan next`: carries out core's `planNext` — the closed release's files moved into
 * `.release/history/<name>/`, the next release.yaml and rollback.yaml written. Refused (exit 2,
 * nothing changed) for every reason the core gives, and when the history folder holds anything on
 * disk (an empty one is used).
 * A step that fails midway is undone; whatever could not be is listed.
 */
async function next(folder: string, today: string, options: NextOptions, io: Io): Promise<number> {
  const checked = await load(folder, today, io);
  const planned = planNext(checked.read.files, options, checked.read.unreadable, checked.read.bom);
  if (!planned.ok) throw new CliFailure(render(planned.reason));
  // The folder may hold files the plan reader skips (not YAML): anything in it is a past release.
  // An empty one (an undone close leaves it; git does not even keep it) is used.
  const historyFull = join(folder, planned.historyDir);
  const historyKind = await kindOf(historyFull, io);
  if (historyKind === 'file' || (historyKind === 'dir' && (await readdir(historyFull)).length > 0)) throw new CliFailure(render(historyExistsReason(planned.historyDir)));
  const shown = (path: string) => display(io.cwd, join(folder, path));
  const outcome = await carryOutNext(folder, planned);
  if (!outcome.ok) {
    const { failed, left } = outcome;
    const what = failed.step === 'mkdir' ? `cannot create the folder ${shown(failed.path)}` : failed.step === 'move' ? `cannot move ${shown(failed.path)} to ${shown(failed.to ?? '')}` : `cannot write ${shown(failed.path)}`;
    const stays = [...left.moved.map((m) => `${shown(m.from)} is now ${shown(m.to)}`), ...left.created.map((path) => `${shown(path)} was written`), ...(left.folder ? [`${shown(left.folder)} was created`] : [])];
    io.err(inertLine(`release-plan: ${what}: ${failed.reason}. ${stays.length === 0 ? 'Nothing was changed.' : 'What was done could not all be undone:'}`));
    for (const line of stays) io.err(inertLine(`  ${line}`));
    return 2;
  }
  for (const move of planned.moves) {
    const slash = /\.ya?ml$/.test(move.from) ? '' : '/';
    io.out(inertLine(`moved   ${shown(move.from)}${slash} -> ${shown(move.to)}${slash}`));
  }
  for (const create of planned.creates) io.out(inertLine(`created ${shown(create.path)}`));
  const candidates = parkedCandidates(checked.result.plan.release?.data).length;
  const owners = candidates === 0 ? '' : candidates === 1 ? ', give the candidate task one owner' : `, give each of the ${candidates} candidate tasks one owner`;
  io.out(inertLine(`Closed ${planned.closed} (now in ${shown(planned.historyDir)}/) and started ${options.name.trim()}: write its problem${owners}, then run \`release-plan check\`.`));
  return 0;
}

/**
 * `release-plan history`: the plan's timeline from git — one line per change (date, author, what,
 * commit), or the Timeline as JSON. Exit 2 outside a git repository or without git.
 */
async function history(folder: string, options: Options, io: Io): Promise<number> {
  const shown = display(io.cwd, folder);
  const folderKind = await kindOf(folder, io);
  if (folderKind === 'missing') throw new CliFailure(`${shown} does not exist. Give the folder that holds .release/.`);
  if (folderKind === 'file') throw new CliFailure(`${shown} is a file, not a folder. Give the folder that holds .release/.`);
  // As every command that reads the plan: no .release/ folder is a usage error, not "no committed version".
  if ((await kindOf(join(folder, RELEASE_DIR), io)) === 'missing') {
    const { where, init } = place(shown);
    throw new CliFailure(`no .release/ folder in ${where}. Run \`${init}\` to create one.`);
  }
  const read = await readPlanVersions(folder);
  if (!read.ok) {
    const where = place(shown).where;
    if (read.reason === 'not-a-repository') throw new CliFailure(`${where} is not inside a git repository: history reads the committed versions of ${RELEASE_FILE} from git. Run it in the repository that holds the plan (or \`git init\` and commit the plan).`);
    throw new CliFailure(`${read.message}: history reads the committed versions of ${RELEASE_FILE} from git.`);
  }
  const timeline = planTimeline(read.versions, read.truncated);
  if (options.format === 'json') {
    io.out(JSON.stringify({ root: folder, file: read.path, versions: read.versions.length, ...timeline }, null, 2));
    return 0;
  }
  const say = (line: string) => io.out(inertLine(line));
  if (read.versions.length === 0) {
    say(`No committed version of ${read.path} yet: its history starts with the first commit of the plan.`);
    return 0;
  }
  for (const line of historyLines(timeline)) say(line);
  const changes = timeline.events.length;
  say(`release-plan: ${changes} ${changes === 1 ? 'change' : 'changes'} in ${timeline.points.length} ${timeline.points.length === 1 ? 'version' : 'versions'} of ${read.path}${timeline.release !== undefined ? ` (release ${timeline.release})` : ''}.`);
  return 0;
}

/**
 * `release-plan mcp`: the MCP server (src/cli/mcp.ts). Bundled, it is dist/mcp.js next to
 * dist/cli.js, loaded only now, so the SDK never weighs on the other commands. Without --today
 * each call checks as of the day it is made.
 */
async function mcp(folder: string, options: { git: boolean; today?: string }, io: Io): Promise<number> {
  const shown = display(io.cwd, folder);
  const folderKind = await kindOf(folder, io);
  if (folderKind === 'missing') throw new CliFailure(`${shown} does not exist. Give the folder that holds .release/.`);
  if (folderKind === 'file') throw new CliFailure(`${shown} is a file, not a folder. Give the folder that holds .release/.`);
  const server = loadMcp();
  await server.serveMcp({ folder, cwd: io.cwd, git: options.git, version: version(), log: io.err, ...(options.today !== undefined ? { today: options.today } : {}) });
  return 0;
}

/** dist/mcp.js next to the bundled CLI; run from source (tests, tsx), mcp.ts. */
function loadMcp(): typeof import('./mcp') {
  const bundled = typeof RELEASE_PLAN_VERSION === 'string';
  const path = join(__dirname, bundled ? 'mcp.js' : 'mcp.ts');
  try {
    return require(path) as typeof import('./mcp');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && (error as Error).message.includes(path)) {
      throw new CliFailure(`the MCP server is missing: ${path} should be next to the CLI (reinstall release-plan-cli).`);
    }
    throw error;
  }
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
