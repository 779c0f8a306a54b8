import * as z from 'zod/mini';
import { RULE_CODES, RULES, isRuleCode, type RuleCode } from './catalog';
import type { CheckResult } from './engine';
import { evaluateGonogo, type GonogoResult, type Verdict } from './gonogo';
import { defineMessages, render, type Message, type MessageArg } from './message';
import { describe } from './schemas';
import { findingsByTask, releaseHealth, summarizeRelease } from './summary';
import { oneBased, type Finding, type Severity } from './types';

// zod/mini loads no messages of its own: a refused argument is explained in English (for models).
z.config(z.locales.en());

const nonEmpty = () => z.string().check(z.minLength(1));

/**
 * The release plan's tools for AI agents: read-only questions an agent asks about the plan, each
 * answered from one check result with the same verdicts and findings a person sees. One
 * definition, served by the CLI's MCP server (`release-plan mcp`, src/cli/mcp.ts) and meant for
 * the extension's Language Model Tools: each tool has its name, the description a model reads,
 * its input (a zod schema; `agentToolJsonSchema` gives the JSON Schema) and a function from a
 * check result and that input to plain text plus the same facts as data.
 */

/** What a tool reads: one check of the plan, and docs/rules.md's section for each rule code (`docSections`). */
export interface AgentToolContext {
  result: CheckResult;
  ruleDocs: ReadonlyMap<string, string>;
  /**
   * The folder that holds the served plan's `.release/`, as an absolute path (`/srv/app`,
   * `C:\work\app`), and the folder a relative path an agent gives is read from (the MCP server's
   * working folder; the plan's folder in the editor). A `file` with folders before `.release/` must
   * lead to `root`: the plan served is the only one answered for.
   */
  root: string;
  cwd: string;
}

/** A tool's answer: text for the model to read, and the same facts as data. `isError` when the input was refused. */
export interface AgentToolOutput {
  text: string;
  data: Record<string, unknown>;
  isError?: true;
}

export interface AgentTool<Input extends z.ZodMiniObject = z.ZodMiniObject> {
  /** Stable: `^[\w-]+$`, the same in MCP and in VS Code (where names must not start with `copilot_` or `vscode_`). */
  name: string;
  /** One-line title for people (MCP's `title`). */
  title: string;
  /** What a model reads to decide when to call the tool and what it gets (English: it is for models). */
  description: string;
  input: Input;
  run(context: AgentToolContext, input: z.output<Input>): AgentToolOutput;
}

const messages = defineMessages({
  'agent/status/release': 'Release: {name}',
  'agent/status/problem': 'Problem: {problem}',
  'agent/status/target': 'Target: {target} ({countdown})',
  'agent/status/target/shipped': 'Target: {target}',
  'agent/status/no-target': 'Target: no target date',
  'agent/status/backup': 'Backup: {backup}',
  'agent/status/no-backup': 'Backup: no backup date',
  'agent/status/no-release': 'release.yaml cannot be read: its findings say why (release-plan_findings with file release.yaml).',
  'agent/status/verdict/go': 'Verdict: Go',
  'agent/status/verdict/at-risk': 'Verdict: At risk',
  'agent/status/verdict/no-go': 'Verdict: No-go',
  'agent/status/reason': '- {reason}',
  'agent/status/more-unreadable': '- …and {count} more go/no-go records that cannot be read.',
  'agent/status/more-unreadable/one': '- …and 1 more go/no-go record that cannot be read.',
  'agent/status/counts': 'Findings: {errors}, {warnings}, {infos} (checked as of {today}).',
  'agent/count/errors': '{count} errors',
  'agent/count/errors/one': '1 error',
  'agent/count/warnings': '{count} warnings',
  'agent/count/warnings/one': '1 warning',
  'agent/count/infos': '{count} infos',
  'agent/count/infos/one': '1 info',
  'agent/countdown/days': 'T-{count} days',
  'agent/countdown/day': 'T-1 day',
  'agent/countdown/launch-day': 'launch day',
  'agent/countdown/late/day': '1 day late',
  'agent/countdown/late/days': '{count} days late',
  'agent/findings/unknown-code': 'There is no rule code "{code}". The codes are: {codes}.',
  'agent/findings/unknown-file': 'There is no plan file "{file}". The plan\'s files are: {files}.',
  'agent/findings/other-plan': '"{file}" is not a file of the plan served here, which is the one in {root}. Its files are: {files}.',
  'agent/findings/ambiguous-file': '"{file}" could be several plan files that differ only in letter case: {files}. Name one as it is written.',
  'agent/findings/unknown-owner': 'Nobody called "{owner}" owns a task of the release. The owners are: {owners}.',
  'agent/findings/unknown-owner/no-owners': 'Nobody called "{owner}" owns a task of the release: no task has an owner.',
  'agent/findings/none': 'No findings match (checked as of {today}).',
  'agent/list/more': '…and {count} more',
  'agent/findings/count': '{shown} of {total} findings in the plan match (checked as of {today}).',
  'agent/findings/more': '…and {count} more that match: narrow the filter or raise the limit.',
  'agent/findings/line': '{file}:{line}:{column} {severity} {code}: {message}',
  'agent/findings/task': '  (task {task}, owner {owner})',
  'agent/findings/task/unowned': '  (task {task}, no owner)',
  'agent/findings/related': '  ↳ {file}:{line}:{column} {message}',
  'agent/findings/rules': 'What the rules check:',
  'agent/findings/rule': '- {code}: {summary}',
  'agent/gonogo/question': '{number}. [{verdict}] {question}',
  'agent/gonogo/verdict/pass': 'PASS',
  'agent/gonogo/verdict/fail': 'FAIL',
  'agent/gonogo/verdict/needs-answer': 'NEEDS AN ANSWER',
  'agent/gonogo/reason': '   - {reason}',
  'agent/gonogo/more-reasons': '   - …and {count} more reasons (release-plan_findings lists every finding).',
  'agent/gonogo/more-reasons/one': '   - …and 1 more reason (release-plan_findings lists every finding).',
  'agent/gonogo/evidence': '   - {file}:{line}:{column} {code}',
  'agent/gonogo/more-evidence': '   - …and {count} more findings (release-plan_findings lists them all).',
  'agent/gonogo/more-evidence/one': '   - …and 1 more finding (release-plan_findings lists them all).',
  'agent/gonogo/more-unreadable': '…and {count} more go/no-go records that cannot be read.',
  'agent/gonogo/more-unreadable/one': '…and 1 more go/no-go record that cannot be read.',
  'agent/gonogo/recommendation/go': 'Recommendation: GO (checked as of {today}).',
  'agent/gonogo/recommendation/no-go': 'Recommendation: NO-GO (checked as of {today}).',
  'agent/gonogo/recommendation/needs-answers': 'Recommendation: NO-GO until every question is answered (checked as of {today}).',
  'agent/gonogo/recorded': 'The answers used were recorded on {date}.',
  'agent/gonogo/shipped': 'Recommendation: none, the release went out (checked as of {today}).',
  'agent/explain/heading': '{code}: {summary}',
  'agent/explain/default': 'Family: {family}. Default severity: {severity}.',
  'agent/explain/override': 'This plan\'s config.yaml sets it to {severity}.',
  'agent/explain/off': 'This plan\'s config.yaml turns it off.',
  'agent/explain/count/none': 'It reports nothing in this plan now.',
  'agent/explain/count/one': 'It reports 1 finding in this plan now (release-plan_findings with this code lists it).',
  'agent/explain/count': 'It reports {count} findings in this plan now (release-plan_findings with this code lists them).',
  'agent/explain/no-doc': 'docs/rules.md has no section for it.',
  /** `{problems}`: what the input schema said of each argument (zod's English), joined. */
  'agent/invalid-arguments': 'Invalid arguments for {tool}: {problems}',
  'agent/invalid-argument': '{argument}: {problem}',
  'agent/separator': '; ',
});

const severities = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

/** The finding facts an agent gets: 1-based like an editor shows them, paths relative to the folder that holds `.release/`. */
export interface AgentFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  /** The catalog's one-line summary of the code (the "All codes" table of docs/rules.md says the same). */
  rule?: string;
  /** The task of release.yaml the finding is about, with its owner as written. */
  task?: { id: string; owner?: string };
  related?: { file: string; line: number; column: number; message: string }[];
}

function agentFinding(finding: Finding, task?: { id: string; owner?: string }): AgentFinding {
  const rule = isRuleCode(finding.code) ? RULES[finding.code].summary : undefined;
  return {
    file: finding.file,
    ...oneBased(finding.range),
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    ...(rule !== undefined ? { rule } : {}),
    ...(task ? { task } : {}),
    ...(finding.related?.length ? { related: finding.related.map((r) => { const { line, column } = oneBased(r.range); return { file: r.file, line, column, message: r.message }; }) } : {}),
  };
}

function countdown(daysLeft: number): Message {
  if (daysLeft > 1) return messages('agent/countdown/days', { count: daysLeft });
  if (daysLeft === 1) return messages('agent/countdown/day');
  if (daysLeft === 0) return messages('agent/countdown/launch-day');
  return daysLeft === -1 ? messages('agent/countdown/late/day') : messages('agent/countdown/late/days', { count: -daysLeft });
}

function counts(result: CheckResult): { errors: number; warnings: number; infos: number } {
  const out = { errors: 0, warnings: 0, infos: 0 };
  for (const f of result.findings) out[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  return out;
}

const noInput = z.strictObject({});

/**
 * At most this many items of one list in an answer (a question's reasons and evidence, the status
 * reasons, the files or owners an error lists); the rest are counted. A plan of 15,000 tasks must
 * not make an answer no model can read.
 */
export const LIST_LIMIT = 20;

/**
 * The status reasons an answer lists: all of them but the go/no-go records that cannot be read past
 * LIST_LIMIT reasons in all (the others, a veto, the counts and the questions, are a dozen at most).
 */
function statusReasons(reasons: readonly string[], unreadable: readonly { reason: string }[]): string[] {
  const records = new Set(unreadable.map((record) => record.reason));
  let room = Math.max(0, LIST_LIMIT - reasons.filter((reason) => !records.has(reason)).length);
  return reasons.filter((reason) => !records.has(reason) || room-- > 0);
}

/** "…and N more reasons", in the singular for one. */
function more(id: 'agent/status/more-unreadable' | 'agent/gonogo/more-reasons' | 'agent/gonogo/more-evidence' | 'agent/gonogo/more-unreadable', count: number): Message {
  return count === 1 ? messages(`${id}/one`) : messages(id, { count });
}

/** A list of names for a message, cut at LIST_LIMIT with "…and N more". */
function capped(names: readonly string[]): MessageArg[] {
  return names.length > LIST_LIMIT ? [...names.slice(0, LIST_LIMIT), messages('agent/list/more', { count: names.length - LIST_LIMIT })] : [...names];
}

/** `release-plan_status`: the release, how far its target is, the verdict and its reasons. */
export const statusTool: AgentTool<typeof noInput> = {
  name: 'release-plan_status',
  title: 'Release status',
  description:
    'The current release of this repository\'s release plan (.release/): its name, the customer problem it solves, the target and backup dates with the countdown (T-minus), the overall verdict (Go, At risk or No-go) with the reasons behind it, the number of errors, warnings and infos the plan checks find, and the go/no-go recommendation. Use it first when asked whether a release is on track or can ship; then release-plan_gonogo for the five go/no-go questions and release-plan_findings for the individual problems. Read-only.',
  input: noInput,
  run({ result }) {
    const say = (message: Message) => render(message, result.translate);
    const summary = summarizeRelease(result);
    const gonogo = evaluateGonogo(result);
    const today = result.context.today;
    const found = counts(result);
    const lines: string[] = [];
    let data: Record<string, unknown>;
    if (!summary) {
      lines.push(say(messages('agent/status/no-release')), say(messages('agent/status/verdict/no-go')));
      data = { release: null, today, verdict: 'no-go', reasons: [], reasonCount: 0, recommendation: gonogo.recommendation, counts: found };
    } else {
      const health = releaseHealth(summary, result.translate);
      lines.push(say(messages('agent/status/release', { name: summary.name })));
      if (summary.problem !== undefined && summary.problem.trim() !== '') lines.push(say(messages('agent/status/problem', { problem: summary.problem.trim() })));
      if (summary.target === undefined) lines.push(say(messages('agent/status/no-target')));
      else if (summary.daysLeft === undefined || gonogo.shipped) lines.push(say(messages('agent/status/target/shipped', { target: summary.target })));
      else lines.push(say(messages('agent/status/target', { target: summary.target, countdown: countdown(summary.daysLeft) })));
      lines.push(say(summary.backup !== undefined ? messages('agent/status/backup', { backup: summary.backup }) : messages('agent/status/no-backup')));
      lines.push(say(messages(`agent/status/verdict/${health.verdict}`)));
      const reasons = statusReasons(health.reasons, summary.gonogo.unreadableRecords);
      const hidden = health.reasons.length - reasons.length;
      // "…and N more" right after the last record listed (the records come before the counts).
      const records = new Set(summary.gonogo.unreadableRecords.map((record) => record.reason));
      const lastRecord = reasons.reduce((last, reason, index) => (records.has(reason) ? index : last), -1);
      if (hidden > 0 && lastRecord < 0) lines.push(say(more('agent/status/more-unreadable', hidden)));
      reasons.forEach((reason, index) => {
        lines.push(say(messages('agent/status/reason', { reason })));
        if (hidden > 0 && index === lastRecord) lines.push(say(more('agent/status/more-unreadable', hidden)));
      });
      data = {
        release: summary.name,
        ...(summary.problem !== undefined ? { problem: summary.problem } : {}),
        ...(summary.target !== undefined ? { target: summary.target } : {}),
        ...(summary.backup !== undefined ? { backup: summary.backup } : {}),
        today,
        ...(summary.daysLeft !== undefined ? { daysLeft: summary.daysLeft } : {}),
        verdict: health.verdict,
        reasons: statusReasons(health.reasons, summary.gonogo.unreadableRecords),
        reasonCount: health.reasons.length,
        recommendation: gonogo.recommendation,
        counts: found,
        ...(gonogo.shipped ? { shipped: { date: gonogo.shipped.date, outcome: gonogo.shipped.outcome, ...(gonogo.shipped.version !== undefined ? { version: gonogo.shipped.version } : {}) } } : {}),
      };
    }
    const count = (n: number, noun: 'errors' | 'warnings' | 'infos') => (n === 1 ? messages(`agent/count/${noun}/one`) : messages(`agent/count/${noun}`, { count: n }));
    lines.push(say(messages('agent/status/counts', { errors: count(found.errors, 'errors'), warnings: count(found.warnings, 'warnings'), infos: count(found.infos, 'infos'), today })));
    return { text: lines.join('\n'), data };
  },
};

const findingsInput = z.strictObject({
  code: describe(z.optional(nonEmpty()), 'Only findings with this rule code, e.g. "owner-missing" (release-plan_explainRule explains a code).'),
  owner: describe(
    z.optional(nonEmpty()),
    'Only findings about tasks this person owns, alone or with others (a task owned by "Ana/Bo" or "Ana and Bo" is Ana\'s and Bo\'s): a name as written in release.yaml or team.yaml (a team.yaml alias is the same person; letter case is ignored). A name that owns no task is an error that lists the owners.',
  ),
  file: describe(
    z.optional(nonEmpty()),
    'Only findings in this plan file: "release.yaml", ".release/rollback.yaml", "checkins/2026-12-01.yaml", or a relative or absolute path to this plan\'s .release/<file> (e.g. "examples/app/.release/rollback.yaml" when the plan served is examples/app). A path into another folder\'s .release/ is an error that names the plan served. Letter case is ignored when only one file fits. A file that is not in the plan is an error that lists the plan\'s files.',
  ),
  severity: describe(z.optional(z.enum(severities)), 'Only findings of this severity.'),
  limit: describe(z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(500))), 'At most this many findings are listed (default 50); the rest are counted.'),
});

export const FINDINGS_DEFAULT_LIMIT = 50;

/**
 * The plan file an agent names, as findings give it (`.release/rollback.yaml`): `rollback.yaml`,
 * `.release/rollback.yaml`, `./.release/rollback.yaml`, backslashes or not, or a relative or absolute
 * path to the served plan's `.release/<file>` (relative to `cwd`). A path into another folder's
 * `.release/` is not this plan's (`otherPlan`). The exact spelling wins; letter case is ignored only
 * when one file fits. `files` is every file of the check.
 */
function planFile(asked: string, files: readonly string[], where: { root: string; cwd: string }): { file: string } | { candidates: string[] } | { otherPlan: true } {
  const path = slashes(asked.trim()).replace(/(^|\/)(\.\/)+/g, '$1');
  const inside = /(?:^|\/)\.release\/(.*)$/i.exec(path);
  if (inside) {
    const before = path.slice(0, inside.index + (path[inside.index] === '/' ? 1 : 0));
    if (before !== '' && !sameFolder(folderOf(before, where.cwd), folderOf(where.root, where.root))) return { otherPlan: true };
  }
  const wanted = `.release/${inside ? inside[1] : path}`;
  if (files.includes(wanted)) return { file: wanted };
  const folded = files.filter((file) => file.toLowerCase() === wanted.toLowerCase());
  return folded.length === 1 && folded[0] !== undefined ? { file: folded[0] } : { candidates: folded };
}

/** A path with `/` for `\\` and no repeated `/` (a UNC path keeps its leading `//`). */
function slashes(path: string): string {
  const forward = path.replace(/\\/g, '/');
  const unc = forward.startsWith('//') ? '/' : '';
  return unc + forward.replace(/\/{2,}/g, '/');
}

/** An absolute path (POSIX `/…`, Windows `C:/…` or `//server/…`) as a list of folder names, `.` and `..` resolved; a relative one is read from `cwd`. */
function folderOf(path: string, cwd: string): { drive: string; names: string[] } {
  const normal = slashes(path);
  const absolute = /^(?:\/|[A-Za-z]:(?:\/|$))/.test(normal);
  const full = absolute ? normal : `${slashes(cwd)}/${normal}`;
  const drive = /^[A-Za-z]:/.exec(full)?.[0].toUpperCase() ?? (full.startsWith('//') ? '//' : '');
  const names: string[] = [];
  for (const name of full.slice(/^[A-Za-z]:/.test(full) ? 2 : 0).split('/')) {
    if (name === '' || name === '.') continue;
    if (name === '..') names.pop();
    else names.push(name);
  }
  return { drive, names };
}

/** The same folder: Windows paths (a drive letter, a UNC share) ignore letter case. */
function sameFolder(a: { drive: string; names: string[] }, b: { drive: string; names: string[] }): boolean {
  if (a.drive !== b.drive || a.names.length !== b.names.length) return false;
  const fold = a.drive !== '' ? (name: string) => name.toLowerCase() : (name: string) => name;
  return a.names.every((name, i) => fold(name) === fold(b.names[i] ?? ''));
}

/**
 * Every file of the check (read, unreadable, or with a finding), in the order an error lists them: the
 * files in .release/ itself, then those in its folders (check-ins and go/no-go records newest first),
 * past releases (history/) last.
 */
function planFiles(result: CheckResult): string[] {
  const all = [...new Set([...result.plan.present, ...result.findings.map((f) => f.file)])].sort();
  const history = all.filter((file) => file.startsWith('.release/history/'));
  const rest = all.filter((file) => !file.startsWith('.release/history/'));
  const inFolder = (file: string) => file.slice('.release/'.length).includes('/');
  const top = rest.filter((file) => !inFolder(file));
  const nested = rest.filter(inFolder).reverse();
  return [...top, ...nested, ...history];
}

/** `release-plan_findings`: the plan's findings, filtered, each with its rule's summary. */
export const findingsTool: AgentTool<typeof findingsInput> = {
  name: 'release-plan_findings',
  title: 'Release plan findings',
  description:
    'The problems the release-plan checks find in this repository\'s release plan (.release/), exactly as the editor and `release-plan check` report them: file, line and column (1-based; paths relative to the folder that holds .release/), severity, rule code, message, the task and owner it is about, and a one-line summary of what each rule checks. Filter by rule code, by task owner, by file or by severity. Use release-plan_explainRule for the full documentation of a code and how to fix it. Read-only.',
  input: findingsInput,
  run({ result, root, cwd }, input) {
    const say = (message: Message) => render(message, result.translate);
    const code = input.code?.trim().toLowerCase();
    if (code !== undefined && !isRuleCode(code) && code !== 'engine-error') return unknownCode(input.code ?? '', result);
    const files = planFiles(result);
    let file: string | undefined;
    if (input.file !== undefined) {
      const found = planFile(input.file, files, { root, cwd });
      if ('otherPlan' in found) return otherPlanFile(input.file, root, files, result);
      if (!('file' in found)) return found.candidates.length > 1 ? unknownFile(input.file, found.candidates, true, result) : unknownFile(input.file, files, false, result);
      file = found.file;
    }
    const people = result.context.people;
    const tasks = new Map<number, { id: string; owner?: string }>();
    for (const task of summarizeRelease(result)?.tasks ?? []) tasks.set(task.index, { id: task.id, ...(task.owner !== undefined ? { owner: task.owner } : {}) });
    // Whom each task belongs to: its owner as written (a team, a list) and each person it names.
    const ownersOf = new Map<number, Set<string>>();
    const owners = new Map<string, string>();
    for (const { task, index } of result.context.tasks()) {
      const written = (Array.isArray(task.owner) ? task.owner : [task.owner]).filter((o): o is string => typeof o === 'string' && o.trim() !== '').map((o) => o.trim());
      const named = people.named(task.owner);
      const keys = new Set<string>();
      for (const name of [...written, ...named]) keys.add(people.key(name));
      ownersOf.set(index, keys);
      for (const name of named.length > 0 ? named : written) if (!owners.has(people.key(name))) owners.set(people.key(name), people.known(name));
    }
    const owner = input.owner !== undefined ? people.key(input.owner) : undefined;
    if (owner !== undefined && ![...ownersOf.values()].some((keys) => keys.has(owner))) return unknownOwner(input.owner ?? '', [...owners.values()], result);
    const taskOf = new Map<Finding, { id: string; owner?: string }>();
    const indexOf = new Map<Finding, number>();
    for (const [index, list] of findingsByTask(result)) {
      const task = tasks.get(index);
      for (const finding of list) {
        indexOf.set(finding, index);
        if (task) taskOf.set(finding, task);
      }
    }
    const matching = result.findings.filter(
      (f) =>
        (code === undefined || f.code === code) &&
        (file === undefined || f.file === file) &&
        (input.severity === undefined || f.severity === input.severity) &&
        (owner === undefined || ownersOf.get(indexOf.get(f) ?? -1)?.has(owner) === true),
    );
    const limit = input.limit ?? FINDINGS_DEFAULT_LIMIT;
    const listed = matching.slice(0, limit).map((f) => agentFinding(f, taskOf.get(f)));
    const today = result.context.today;
    const lines: string[] = [];
    if (matching.length === 0) lines.push(say(messages('agent/findings/none', { today })));
    else lines.push(say(messages('agent/findings/count', { shown: matching.length, total: result.findings.length, today })));
    for (const f of listed) {
      lines.push(say(messages('agent/findings/line', { file: f.file, line: f.line, column: f.column, severity: f.severity, code: f.code, message: f.message })));
      if (f.task) lines.push(say(f.task.owner !== undefined ? messages('agent/findings/task', { task: f.task.id, owner: f.task.owner }) : messages('agent/findings/task/unowned', { task: f.task.id })));
      for (const r of f.related ?? []) lines.push(say(messages('agent/findings/related', { file: r.file, line: r.line, column: r.column, message: r.message })));
    }
    if (matching.length > listed.length) lines.push(say(messages('agent/findings/more', { count: matching.length - listed.length })));
    const rules: Record<string, string> = {};
    for (const f of listed) if (f.rule !== undefined) rules[f.code] = f.rule;
    if (Object.keys(rules).length > 0) {
      lines.push('', say(messages('agent/findings/rules')));
      for (const [ruleCode, summary] of Object.entries(rules)) lines.push(say(messages('agent/findings/rule', { code: ruleCode, summary })));
    }
    return { text: lines.join('\n'), data: { today, total: result.findings.length, matching: matching.length, findings: listed, rules } };
  },
};

function unknownCode(code: string, result: CheckResult): AgentToolOutput {
  const text = render(messages('agent/findings/unknown-code', { code, codes: [...RULE_CODES] }), result.translate);
  return { text, data: { error: 'unknown-code', code, codes: [...RULE_CODES] }, isError: true };
}

function unknownFile(file: string, files: string[], ambiguous: boolean, result: CheckResult): AgentToolOutput {
  const text = render(messages(ambiguous ? 'agent/findings/ambiguous-file' : 'agent/findings/unknown-file', { file, files: capped(files) }), result.translate);
  return { text, data: { error: ambiguous ? 'ambiguous-file' : 'unknown-file', file, files: files.slice(0, LIST_LIMIT), fileCount: files.length }, isError: true };
}

/** A path into another folder's `.release/`: the error says which plan is served (`root`) and lists its files. */
function otherPlanFile(file: string, root: string, files: string[], result: CheckResult): AgentToolOutput {
  const text = render(messages('agent/findings/other-plan', { file, root, files: capped(files) }), result.translate);
  return { text, data: { error: 'unknown-file', file, plan: root, files: files.slice(0, LIST_LIMIT), fileCount: files.length }, isError: true };
}

function unknownOwner(owner: string, owners: string[], result: CheckResult): AgentToolOutput {
  const text = render(owners.length > 0 ? messages('agent/findings/unknown-owner', { owner, owners: capped(owners) }) : messages('agent/findings/unknown-owner/no-owners', { owner }), result.translate);
  return { text, data: { error: 'unknown-owner', owner, owners: owners.slice(0, LIST_LIMIT), ownerCount: owners.length }, isError: true };
}

/**
 * The go/no-go's answer as data: every question with its reasons and the findings behind a failure,
 * each list cut at LIST_LIMIT and counted (`reasonCount`, `evidenceCount`, `unreadableRecordCount`).
 */
function gonogoData(gonogo: GonogoResult, today: string): Record<string, unknown> {
  return {
    today,
    recommendation: gonogo.recommendation,
    ...(gonogo.recordDate !== undefined ? { recordDate: gonogo.recordDate } : {}),
    ...(gonogo.veto ? { veto: gonogo.veto } : {}),
    ...(gonogo.shipped ? { shipped: gonogo.shipped } : {}),
    unreadableRecords: gonogo.unreadableRecords.slice(0, LIST_LIMIT),
    unreadableRecordCount: gonogo.unreadableRecords.length,
    questions: gonogo.questions.map((q) => ({
      id: q.id,
      question: q.question,
      verdict: q.verdict,
      source: q.source,
      reasons: q.reasons.slice(0, LIST_LIMIT),
      reasonCount: q.reasons.length,
      evidence: q.findings.slice(0, LIST_LIMIT).map((f) => agentFinding(f)),
      evidenceCount: q.findings.length,
    })),
  };
}

const VERDICT_WORD: Record<Verdict, 'agent/gonogo/verdict/pass' | 'agent/gonogo/verdict/fail' | 'agent/gonogo/verdict/needs-answer'> = {
  pass: 'agent/gonogo/verdict/pass',
  fail: 'agent/gonogo/verdict/fail',
  'needs-answer': 'agent/gonogo/verdict/needs-answer',
};

/** `release-plan_gonogo`: the five go/no-go questions, each with its verdict and evidence. */
export const gonogoTool: AgentTool<typeof noInput> = {
  name: 'release-plan_gonogo',
  title: 'Go/no-go questions',
  description:
    'The five go/no-go questions for this repository\'s current release, as `release-plan gonogo` answers them: one specific customer problem; one named owner for every unfinished task; a short, rehearsed rollback runbook; a dry run of the release path on a production-like setup; stakeholders told what was cut. Each question has its verdict (pass, fail, needs an answer), the reasons (facts from the plan or the recorded answer) and, for a failure, the findings (file, line, rule code) behind it; then the recommendation (go, no-go, or no-go until every question is answered), a veto by the stop owner if one was recorded, and the launch if the release already went out. Read-only.',
  input: noInput,
  run({ result }) {
    const say = (message: Message) => render(message, result.translate);
    const gonogo = evaluateGonogo(result);
    const today = result.context.today;
    const lines: string[] = [];
    if (gonogo.shipped) {
      lines.push(gonogo.shipped.message, say(messages('agent/gonogo/shipped', { today })));
      return { text: lines.join('\n'), data: gonogoData(gonogo, today) };
    }
    gonogo.questions.forEach((q, index) => {
      lines.push(say(messages('agent/gonogo/question', { number: index + 1, verdict: messages(VERDICT_WORD[q.verdict]), question: q.question })));
      for (const reason of q.reasons.slice(0, LIST_LIMIT)) lines.push(say(messages('agent/gonogo/reason', { reason })));
      if (q.reasons.length > LIST_LIMIT) lines.push(say(more('agent/gonogo/more-reasons', q.reasons.length - LIST_LIMIT)));
      if (q.verdict !== 'fail') return;
      for (const f of q.findings.slice(0, LIST_LIMIT).map((finding) => agentFinding(finding))) lines.push(say(messages('agent/gonogo/evidence', { file: f.file, line: f.line, column: f.column, code: f.code })));
      if (q.findings.length > LIST_LIMIT) lines.push(say(more('agent/gonogo/more-evidence', q.findings.length - LIST_LIMIT)));
    });
    if (gonogo.veto) lines.push(gonogo.veto.message);
    for (const unread of gonogo.unreadableRecords.slice(0, LIST_LIMIT)) lines.push(unread.reason);
    if (gonogo.unreadableRecords.length > LIST_LIMIT) lines.push(say(more('agent/gonogo/more-unreadable', gonogo.unreadableRecords.length - LIST_LIMIT)));
    lines.push(say(messages(`agent/gonogo/recommendation/${gonogo.recommendation}`, { today })));
    if (gonogo.recordDate !== undefined) lines.push(say(messages('agent/gonogo/recorded', { date: gonogo.recordDate })));
    return { text: lines.join('\n'), data: gonogoData(gonogo, today) };
  },
};

const explainInput = z.strictObject({
  code: describe(nonEmpty(), 'A rule code as findings report it, e.g. "owner-team-label" or "rollback-not-rehearsed".'),
});

/** `release-plan_explainRule`: a rule code's documentation (its docs/rules.md section) and what it says in this plan. */
export const explainRuleTool: AgentTool<typeof explainInput> = {
  name: 'release-plan_explainRule',
  title: 'Explain a release-plan rule',
  description:
    'The documentation of one release-plan rule code (as reported by release-plan_findings, the editor or `release-plan check`): what it checks, why it matters, how to fix a finding, its examples and settings, from docs/rules.md; plus its family, its default severity, whether this plan\'s config.yaml changes it, and how many findings it reports in this plan now. Read-only.',
  input: explainInput,
  run({ result, ruleDocs }, input) {
    const say = (message: Message) => render(message, result.translate);
    const code = input.code.trim().toLowerCase();
    if (!isRuleCode(code)) return unknownCode(input.code, result);
    const info = RULES[code as RuleCode];
    const override = Object.hasOwn(result.plan.config.rules ?? {}, code) ? result.plan.config.rules?.[code] : undefined;
    const reported = result.findings.filter((f) => f.code === code).length;
    const doc = ruleDocs.get(code);
    const lines = [say(messages('agent/explain/heading', { code, summary: info.summary })), say(messages('agent/explain/default', { family: info.family, severity: info.severity }))];
    if (override === 'off') lines.push(say(messages('agent/explain/off')));
    else if (override !== undefined) lines.push(say(messages('agent/explain/override', { severity: override })));
    lines.push(say(reported === 0 ? messages('agent/explain/count/none') : reported === 1 ? messages('agent/explain/count/one') : messages('agent/explain/count', { count: reported })));
    lines.push('', doc ?? say(messages('agent/explain/no-doc')));
    return {
      text: lines.join('\n'),
      data: { code, family: info.family, severity: info.severity, summary: info.summary, ...(override !== undefined ? { configured: override } : {}), findings: reported, ...(doc !== undefined ? { documentation: doc } : {}) },
    };
  },
};

/** Every agent tool, in the order they are listed. */
export const AGENT_TOOLS = [statusTool, findingsTool, gonogoTool, explainRuleTool] as const;

/**
 * In VS Code a window may hold several folders with a plan, so the editor's tools (Language Model
 * Tools, src/extension/lmTools.ts) take one more, optional argument: which folder. The MCP server
 * serves one folder and has no such argument.
 */
export const FOLDER_ARGUMENT = describe(
  z.optional(nonEmpty()),
  'The workspace folder whose release plan to use, by name or path; needed only when several open folders have a .release/ plan.',
);

/** A tool's input as the editor takes it: the tool's own arguments and `folder`. */
export function editorToolInput(tool: AgentTool): z.ZodMiniObject {
  return z.extend(tool.input, { folder: FOLDER_ARGUMENT });
}

/**
 * The editor's one writing tool, `release-plan_assignOwner`: its name, description and input. The
 * write itself is the extension's (the same core edit and guarded write path as the Assign Owner
 * command, after the user confirmed the exact change); the MCP server stays read-only.
 */
export const assignOwnerTool = {
  name: 'release-plan_assignOwner',
  title: 'Assign a task owner',
  description:
    'Sets the owner of one task of the current release in this repository\'s release plan (.release/release.yaml), as the "Release Plan: Assign Owner" command does: comments and formatting are kept, the change can be undone, and the user confirms the exact change first. One named person, not a team: a team label is reported by the owner-team-label rule. Refused in Restricted Mode, and when the task is gone or was renamed since the user confirmed. Use release-plan_findings (e.g. with code "owner-missing") to find tasks that need an owner.',
  input: z.strictObject({
    task: describe(nonEmpty(), 'The id of the task as written in release.yaml, e.g. "T2".'),
    owner: describe(nonEmpty(), 'The one person who will own the task, e.g. "Ana".'),
    folder: FOLDER_ARGUMENT,
  }),
} as const;

/** A tool's input as JSON Schema (draft 2020-12), for a manifest such as `contributes.languageModelTools`. */
export function agentToolJsonSchema(tool: Pick<AgentTool, 'input'>): Record<string, unknown> {
  return z.toJSONSchema(tool.input, { io: 'input' }) as Record<string, unknown>;
}

/**
 * Runs a tool on input not yet checked (a model's arguments): a clear message when the input does
 * not fit the tool's schema, never a throw.
 */
export function runAgentTool(tool: AgentTool, context: AgentToolContext, input: unknown): AgentToolOutput {
  const parsed = tool.input.safeParse(input ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => (issue.path.length > 0 ? messages('agent/invalid-argument', { argument: issue.path.join('.'), problem: issue.message }) : issue.message));
    const text = render(messages('agent/invalid-arguments', { tool: tool.name, problems: { items: problems, separator: messages('agent/separator') } }), context.result.translate);
    return { text, data: { error: 'invalid-arguments', problems: problems.map((p) => (typeof p === 'string' ? p : render(p, context.result.translate))) }, isError: true };
  }
  return tool.run(context, parsed.data);
}
