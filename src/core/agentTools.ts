import * as z from 'zod/mini';
import { RULE_CODES, RULES, isRuleCode, type RuleCode } from './catalog';
import type { CheckResult } from './engine';
import { evaluateGonogo, type GonogoResult, type Verdict } from './gonogo';
import { defineMessages, render, type Message } from './message';
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
  'agent/findings/none': 'No findings match (checked as of {today}).',
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
  'agent/gonogo/evidence': '   - {file}:{line}:{column} {code}',
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
      data = { release: null, today, verdict: 'no-go', reasons: [], recommendation: gonogo.recommendation, counts: found };
    } else {
      const health = releaseHealth(summary, result.translate);
      lines.push(say(messages('agent/status/release', { name: summary.name })));
      if (summary.problem !== undefined && summary.problem.trim() !== '') lines.push(say(messages('agent/status/problem', { problem: summary.problem.trim() })));
      if (summary.target === undefined) lines.push(say(messages('agent/status/no-target')));
      else if (summary.daysLeft === undefined || gonogo.shipped) lines.push(say(messages('agent/status/target/shipped', { target: summary.target })));
      else lines.push(say(messages('agent/status/target', { target: summary.target, countdown: countdown(summary.daysLeft) })));
      lines.push(say(summary.backup !== undefined ? messages('agent/status/backup', { backup: summary.backup }) : messages('agent/status/no-backup')));
      lines.push(say(messages(`agent/status/verdict/${health.verdict}`)));
      for (const reason of health.reasons) lines.push(say(messages('agent/status/reason', { reason })));
      data = {
        release: summary.name,
        ...(summary.problem !== undefined ? { problem: summary.problem } : {}),
        ...(summary.target !== undefined ? { target: summary.target } : {}),
        ...(summary.backup !== undefined ? { backup: summary.backup } : {}),
        today,
        ...(summary.daysLeft !== undefined ? { daysLeft: summary.daysLeft } : {}),
        verdict: health.verdict,
        reasons: health.reasons,
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
  owner: describe(z.optional(nonEmpty()), 'Only findings about tasks this person owns (as written in release.yaml; letter case is ignored).'),
  file: describe(z.optional(nonEmpty()), 'Only findings in this plan file, e.g. "release.yaml", ".release/rollback.yaml" or "checkins/2026-12-01.yaml".'),
  severity: describe(z.optional(z.enum(severities)), 'Only findings of this severity.'),
  limit: describe(z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(500))), 'At most this many findings are listed (default 50); the rest are counted.'),
});

export const FINDINGS_DEFAULT_LIMIT = 50;

/** A plan file as an agent may name it: `release.yaml`, `.release/release.yaml`, `./.release/release.yaml`, backslashes or not. */
function sameFile(file: string, asked: string): boolean {
  const wanted = asked.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  return file === wanted || file === `.release/${wanted}`;
}

/** `release-plan_findings`: the plan's findings, filtered, each with its rule's summary. */
export const findingsTool: AgentTool<typeof findingsInput> = {
  name: 'release-plan_findings',
  title: 'Release plan findings',
  description:
    'The problems the release-plan checks find in this repository\'s release plan (.release/), exactly as the editor and `release-plan check` report them: file, line and column (1-based; paths relative to the folder that holds .release/), severity, rule code, message, the task and owner it is about, and a one-line summary of what each rule checks. Filter by rule code, by task owner, by file or by severity. Use release-plan_explainRule for the full documentation of a code and how to fix it. Read-only.',
  input: findingsInput,
  run({ result }, input) {
    const say = (message: Message) => render(message, result.translate);
    const code = input.code?.trim().toLowerCase();
    if (code !== undefined && !isRuleCode(code) && code !== 'engine-error') return unknownCode(input.code ?? '', result);
    const tasks = new Map<number, { id: string; owner?: string }>();
    for (const task of summarizeRelease(result)?.tasks ?? []) tasks.set(task.index, { id: task.id, ...(task.owner !== undefined ? { owner: task.owner } : {}) });
    const taskOf = new Map<Finding, { id: string; owner?: string }>();
    for (const [index, list] of findingsByTask(result)) {
      const task = tasks.get(index);
      if (task) for (const finding of list) taskOf.set(finding, task);
    }
    const owner = input.owner?.trim().toLowerCase();
    const matching = result.findings.filter(
      (f) =>
        (code === undefined || f.code === code) &&
        (input.file === undefined || sameFile(f.file, input.file)) &&
        (input.severity === undefined || f.severity === input.severity) &&
        (owner === undefined || taskOf.get(f)?.owner?.trim().toLowerCase() === owner),
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

/** The go/no-go's answer as data: every question with its reasons and the findings behind a failure. */
function gonogoData(gonogo: GonogoResult, today: string): Record<string, unknown> {
  return {
    today,
    recommendation: gonogo.recommendation,
    ...(gonogo.recordDate !== undefined ? { recordDate: gonogo.recordDate } : {}),
    ...(gonogo.veto ? { veto: gonogo.veto } : {}),
    ...(gonogo.shipped ? { shipped: gonogo.shipped } : {}),
    unreadableRecords: gonogo.unreadableRecords,
    questions: gonogo.questions.map((q) => ({ id: q.id, question: q.question, verdict: q.verdict, source: q.source, reasons: q.reasons, evidence: q.findings.map((f) => agentFinding(f)) })),
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
      for (const reason of q.reasons) lines.push(say(messages('agent/gonogo/reason', { reason })));
      if (q.verdict === 'fail') for (const f of q.findings.map((finding) => agentFinding(finding))) lines.push(say(messages('agent/gonogo/evidence', { file: f.file, line: f.line, column: f.column, code: f.code })));
    });
    if (gonogo.veto) lines.push(gonogo.veto.message);
    for (const unread of gonogo.unreadableRecords) lines.push(unread.reason);
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
