import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { run } from '../cli/main';
import { readPlan } from '../cli/files';
import { fsReason } from '../cli/fsErrors';
import { escapeData } from '../cli/formats/github';
import { isIsoDate, todayIso } from '../core/dates';
import { checkPlan } from '../core/engine';
import { english } from '../core/message';
import { releaseHealth, summarizeRelease } from '../core/summary';

/**
 * The GitHub Action (action.yml at the repository root): `release-plan check` on the plan in
 * `path`, as GitHub Actions wants it. It runs the CLI in-process (bundled into action/index.js,
 * so the user's job installs nothing) and
 * - prints the findings as workflow commands (`--format github`): annotations on the changed lines;
 * - appends the release summary (`--format markdown`) to `$GITHUB_STEP_SUMMARY`;
 * - writes the SARIF log (`--format sarif`) to `sarif-file`, when given, for code scanning;
 * - sets the outputs `errors`, `warnings` and `verdict` in `$GITHUB_OUTPUT`;
 * - fails (exit 1) by the `fail-on` rule. A bad input, a missing plan or a file that cannot be
 *   read or written is one `::error::` line and exit 2.
 */

export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionIo {
  /** The environment: `INPUT_<NAME>` (upper case, spaces as `_`, hyphens kept), GITHUB_STEP_SUMMARY, GITHUB_OUTPUT. */
  env: Readonly<Record<string, string | undefined>>;
  /** The job's working directory (the workspace): `path` and `sarif-file` are relative to it. */
  cwd: string;
  now: () => Date;
  /** One line to stdout, where the runner reads workflow commands. */
  out: (line: string) => void;
}

/** An input as the runner passes it (`with: { fail-on: … }` → `INPUT_FAIL-ON`), trimmed; '' when unset. */
export function getInput(env: ActionIo['env'], name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Whether the job fails: `error` on any error, `warning` on any error or warning, `never` never. */
export function fails(failOn: FailOn, counts: { errors: number; warnings: number }): boolean {
  if (failOn === 'never') return false;
  return counts.errors > 0 || (failOn === 'warning' && counts.warnings > 0);
}

/**
 * Outputs in the `$GITHUB_OUTPUT` file format that holds any value, line breaks included:
 * `name<<DELIMITER`, the value, `DELIMITER` (a fresh random delimiter, as `@actions/core` does).
 */
export function outputLines(outputs: Readonly<Record<string, string>>, delimiter = `ghadelimiter_${randomUUID()}`): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`the output ${name} contains its delimiter`);
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
}

/** A failure of the action itself: one `::error::` line, exit 2. */
class ActionFailure extends Error {}

interface Ran {
  code: number;
  out: string[];
  err: string[];
}

export async function runAction(io: ActionIo): Promise<number> {
  try {
    return await act(io);
  } catch (error) {
    if (!(error instanceof ActionFailure)) throw error;
    io.out(`::error::${escapeData(error.message)}`);
    return 2;
  }
}

async function act(io: ActionIo): Promise<number> {
  const failOn = getInput(io.env, 'fail-on') || 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new ActionFailure(`release-plan: the input fail-on must be error, warning or never, not "${failOn}".`);
  }
  const today = getInput(io.env, 'today') || todayIso(io.now());
  if (!isIsoDate(today)) throw new ActionFailure(`release-plan: the input today must be a date written YYYY-MM-DD (or left out for the runner's date), not "${today}".`);
  const path = getInput(io.env, 'path') || '.';
  const sarifFile = getInput(io.env, 'sarif-file');

  // `--` so that a path starting with "-" is a path, not an option.
  const cli = async (format: string): Promise<Ran> => {
    const ran: Ran = { code: 0, out: [], err: [] };
    ran.code = await run(['check', '--today', today, '--format', format, '--', path], {
      out: (text) => ran.out.push(text),
      err: (text) => ran.err.push(text),
      cwd: io.cwd,
      now: io.now,
    });
    // Exit 2: bad usage, no plan, a file that cannot be read. The CLI said why, one line each.
    if (ran.code === 2) throw new ActionFailure(ran.err.join('\n') || `release-plan check ${path} failed.`);
    return ran;
  };

  // Annotations first, so the log shows them even when a later step fails.
  const annotations = await cli('github');
  for (const line of annotations.out) io.out(line);

  const counts = JSON.parse((await cli('json')).out.join('\n')) as { summary: { errors: number; warnings: number } };
  const { errors, warnings } = counts.summary;

  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    const markdown = (await cli('markdown')).out.join('\n');
    await writing(summaryFile, 'the job summary ($GITHUB_STEP_SUMMARY)', () => appendFile(summaryFile, `${markdown}\n`));
  }

  if (sarifFile) {
    const target = resolve(io.cwd, sarifFile);
    const sarif = (await cli('sarif')).out.join('\n');
    await writing(target, `the SARIF file ${sarifFile}`, async () => {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, `${sarif}\n`);
    });
    io.out(`release-plan: wrote the SARIF log to ${sarifFile}.`);
  }

  const outputFile = io.env.GITHUB_OUTPUT;
  if (outputFile) {
    const verdict = await verdictOf(resolve(io.cwd, path), today);
    const text = outputLines({ errors: String(errors), warnings: String(warnings), verdict });
    await writing(outputFile, 'the step outputs ($GITHUB_OUTPUT)', () => appendFile(outputFile, text));
  }

  if (!fails(failOn as FailOn, { errors, warnings })) return 0;
  const counted = failOn === 'warning' ? `${plural(errors, 'error')} and ${plural(warnings, 'warning')}` : plural(errors, 'error');
  io.out(`release-plan: failing the job (fail-on: ${failOn}): ${counted} in the plan.`);
  return 1;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

async function writing(path: string, what: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    throw new ActionFailure(`release-plan: cannot write ${what} at ${path}: ${fsReason(error)}.`);
  }
}

/**
 * The release's health, the verdict the job summary leads with: `go`, `at-risk` or `no-go`
 * (`no-go` when release.yaml cannot be read). The CLI has just read the same plan.
 */
async function verdictOf(folder: string, today: string): Promise<string> {
  let read;
  try {
    read = await readPlan(folder);
  } catch (error) {
    throw new ActionFailure(`release-plan: cannot read ${folder}: ${fsReason(error)}.`);
  }
  const summary = summarizeRelease(checkPlan(read.files, { today, unreadable: read.unreadable }));
  return summary ? releaseHealth(summary, english).verdict : 'no-go';
}
