import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_TOOLS, agentToolJsonSchema, explainRuleTool, findingsTool, gonogoTool, runAgentTool, statusTool, type AgentToolContext } from '../../src/core/agentTools';
import { RULE_CODES } from '../../src/core/catalog';
import { docSections } from '../../src/core/ruleDocs';
import { marking } from './composed';
import { checkPlan } from '../../src/core/engine';
import { check, files, releaseWith } from './helpers';

/**
 * The agent tools of the core (src/core/agentTools.ts), called in-process the way the MCP server
 * and the extension's Language Model Tools call them: a check result and the model's input in,
 * text plus data out. test/unit/mcp.test.ts runs them through the real MCP server.
 */
const RULE_DOCS = docSections(readFileSync(join(__dirname, '../../docs/rules.md'), 'utf8'));
const context = (entries: Record<string, string | undefined> = {}, today?: string): AgentToolContext => ({ result: check(entries, today), ruleDocs: RULE_DOCS });
const text = (tool: (typeof AGENT_TOOLS)[number], ctx: AgentToolContext, input: unknown = {}) => runAgentTool(tool, ctx, input).text;

describe('agent tools (core)', () => {
  it('four tools with stable names a VS Code tool may have, and a JSON Schema each', () => {
    assert.deepEqual(AGENT_TOOLS.map((tool) => tool.name), ['release-plan_status', 'release-plan_findings', 'release-plan_gonogo', 'release-plan_explainRule']);
    for (const tool of AGENT_TOOLS) {
      assert.match(tool.name, /^(?!copilot_|vscode_)[\w-]+$/);
      const schema = agentToolJsonSchema(tool);
      assert.equal(schema.type, 'object');
      assert.equal(schema.additionalProperties, false, `${tool.name} refuses unknown arguments`);
    }
    assert.deepEqual(agentToolJsonSchema(explainRuleTool).required, ['code']);
    assert.deepEqual((agentToolJsonSchema(findingsTool).properties as Record<string, { enum?: string[] }>).severity?.enum, ['error', 'warning', 'info']);
  });

  it('status: the countdown in words, from T-17 days to launch day and days late', () => {
    assert.match(text(statusTool, context()), /^Target: 2026-12-18 \(T-17 days\)$/m);
    assert.match(text(statusTool, context({}, '2026-12-17')), /^Target: 2026-12-18 \(T-1 day\)$/m);
    assert.match(text(statusTool, context({}, '2026-12-18')), /^Target: 2026-12-18 \(launch day\)$/m);
    assert.match(text(statusTool, context({}, '2026-12-19')), /^Target: 2026-12-18 \(1 day late\)$/m);
    assert.match(text(statusTool, context({}, '2026-12-21')), /^Target: 2026-12-18 \(3 days late\)$/m);
    const clean = runAgentTool(statusTool, context(), {});
    assert.deepEqual(clean.data, {
      release: 'invoices-v1',
      problem: 'Customers cannot download their invoices as PDF.',
      target: '2026-12-18',
      backup: '2026-12-23',
      today: '2026-12-01',
      daysLeft: 17,
      verdict: 'go',
      reasons: ['Every go/no-go question passes and the plan has no findings.'],
      recommendation: 'go',
      counts: { errors: 0, warnings: 0, infos: 0 },
    });
  });

  it('status: no target date, and a release.yaml that cannot be read', () => {
    const undated = text(statusTool, context({ 'release.yaml': releaseWith('target: 2026-12-18\n', '') }));
    assert.match(undated, /^Target: no target date$/m);
    assert.match(undated, /^Verdict: No-go$/m);
    const broken = runAgentTool(statusTool, context({ 'release.yaml': 'release: [unclosed\n' }), {});
    assert.equal(broken.text.split('\n')[0], 'release.yaml cannot be read: its findings say why (release-plan_findings with file release.yaml).');
    assert.equal(broken.data.verdict, 'no-go');
    assert.equal(broken.data.release, null);
  });

  it('findings: a file named with or without .release/ and ./, and an owner in any letter case', () => {
    const ctx = context({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') });
    for (const file of ['release.yaml', '.release/release.yaml', './.release/release.yaml', '.release\\release.yaml']) {
      const found = runAgentTool(findingsTool, ctx, { file }).data.findings as { file: string; code: string; task?: unknown }[];
      assert.deepEqual(found.map((f) => [f.file, f.code, f.task]), [['.release/release.yaml', 'owner-team-label', { id: 'T1', owner: 'backend team' }]], file);
    }
    assert.equal((runAgentTool(findingsTool, ctx, { file: 'rollback.yaml' }).data.findings as unknown[]).length, 0);
    assert.equal((runAgentTool(findingsTool, ctx, { owner: 'BACKEND TEAM' }).data.findings as unknown[]).length, 1);
    assert.equal((runAgentTool(findingsTool, ctx, { owner: 'Cy' }).data.findings as unknown[]).length, 0);
  });

  it('explainRule: what this plan\'s config.yaml does to the rule', () => {
    const off = runAgentTool(explainRuleTool, context({ 'config.yaml': 'rules:\n  date-backup-missing: off\n' }), { code: 'date-backup-missing' });
    assert.deepEqual(off.text.split('\n').slice(0, 4), [
      'date-backup-missing: The release has no backup date.',
      'Family: dates. Default severity: warning.',
      'This plan\'s config.yaml turns it off.',
      'It reports nothing in this plan now.',
    ]);
    assert.equal(off.data.configured, 'off');
    const raised = runAgentTool(explainRuleTool, context({ 'config.yaml': 'rules:\n  date-backup-missing: error\n', 'release.yaml': releaseWith('backup: 2026-12-23\n', '') }), { code: 'date-backup-missing' });
    assert.deepEqual(raised.text.split('\n').slice(2, 4), ['This plan\'s config.yaml sets it to error.', 'It reports 1 finding in this plan now (release-plan_findings with this code lists it).']);
    assert.equal(raised.data.documentation, RULE_DOCS.get('date-backup-missing'));
  });

  it('every rule code has its documentation for explainRule', () => {
    const ctx = context();
    for (const code of RULE_CODES) {
      const out = runAgentTool(explainRuleTool, ctx, { code });
      assert.equal(out.isError, undefined, code);
      assert.ok(typeof out.data.documentation === 'string' && out.data.documentation.length > 40, `${code} has a docs/rules.md section`);
    }
  });

  it('input that does not fit is an error result that names the argument, never a throw', () => {
    const ctx = context();
    assert.deepEqual(runAgentTool(explainRuleTool, ctx, { code: 7 }), {
      text: 'Invalid arguments for release-plan_explainRule: code: Invalid input: expected string, received number',
      data: { error: 'invalid-arguments', problems: ['code: Invalid input: expected string, received number'] },
      isError: true,
    });
    assert.equal(runAgentTool(findingsTool, ctx, { severity: 'fatal', limit: 1.5 }).text, 'Invalid arguments for release-plan_findings: severity: Invalid option: expected one of "error"|"warning"|"info"; limit: Invalid input: expected int, received number');
    assert.equal(runAgentTool(gonogoTool, ctx, 'now').isError, true);
    const unknown = runAgentTool(findingsTool, ctx, { code: 'owner-is-missing' });
    assert.equal(unknown.isError, true);
    assert.equal(unknown.data.error, 'unknown-code');
  });

  it('the answers are in the check\'s language: every sentence is a translatable message', () => {
    const result = checkPlan(files({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') }), { today: '2026-12-01', translate: marking });
    const ctx = { result, ruleDocs: RULE_DOCS };
    // Each line is made of translated words (［…］) and plan data. (A rule's one-line summary is the
    // catalog's, in English, as data.)
    for (const tool of [statusTool, gonogoTool, findingsTool] as const) {
      for (const line of text(tool, ctx).split('\n').filter(Boolean)) assert.match(line, /［/, `${tool.name}: ${line}`);
    }
    assert.match(text(findingsTool, ctx), /^\.release\/release\.yaml［:］\d+［:］\d+［ ］error［ ］owner-team-label［: ］/m);
  });
});
