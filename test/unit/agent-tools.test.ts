import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_TOOLS, agentToolJsonSchema, explainRuleTool, findingsTool, gonogoTool, runAgentTool, statusTool, type AgentToolContext } from '../../src/core/agentTools';
import { RULE_CODES } from '../../src/core/catalog';
import { docSections } from '../../src/core/ruleDocs';
import { marking } from './composed';
import { checkPlan } from '../../src/core/engine';
import { CLEAN_ROLLBACK, check, files, releaseWith } from './helpers';

/**
 * The agent tools of the core (src/core/agentTools.ts), called in-process the way the MCP server
 * and the extension's Language Model Tools call them: a check result and the model's input in,
 * text plus data out. test/unit/mcp.test.ts runs them through the real MCP server.
 */
const RULE_DOCS = docSections(readFileSync(join(__dirname, '../../docs/rules.md'), 'utf8'));
/** The plan is served from /srv/app (its folder), relative paths read from there too, unless `where` says otherwise. */
const context = (entries: Record<string, string | undefined> = {}, today?: string, where: { root: string; cwd: string } = { root: '/srv/app', cwd: '/srv/app' }): AgentToolContext => ({
  result: check(entries, today),
  ruleDocs: RULE_DOCS,
  ...where,
});
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
      reasonCount: 1,
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

  it('findings: a file given as a path to the served plan\'s .release/<file>, relative to the working folder or absolute, and in another letter case', () => {
    const ctx = context({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') }, undefined, { root: '/home/me/app', cwd: '/home/me' });
    for (const file of ['app/.release/release.yaml', './app/.release/release.yaml', '/home/me/app/.release/release.yaml', '../me/app/.release/release.yaml', 'app/sub/../.release/release.yaml', 'RELEASE.yaml', '.Release/Release.YAML', 'app//.release/./release.yaml', 'app\\.release\\release.yaml']) {
      const out = runAgentTool(findingsTool, ctx, { file });
      assert.equal(out.isError, undefined, file);
      assert.deepEqual((out.data.findings as { file: string; code: string }[]).map((f) => [f.file, f.code]), [['.release/release.yaml', 'owner-team-label']], file);
    }
    // A check-in by its path inside .release/.
    assert.equal(runAgentTool(findingsTool, ctx, { file: '/home/me/app/.release/checkins/2026-11-30.yaml' }).isError, undefined);
    // Windows: backslashes or not, the drive and folders in any letter case.
    const windows = context({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') }, undefined, { root: 'C:\\work\\app', cwd: 'C:\\work' });
    for (const file of ['C:\\work\\app\\.release\\release.yaml', 'c:/Work/APP/.release/release.yaml', 'app\\.release\\release.yaml', '.release\\release.yaml']) {
      assert.deepEqual((runAgentTool(findingsTool, windows, { file }).data.findings as { file: string }[]).map((f) => f.file), ['.release/release.yaml'], file);
    }
  });

  it('findings: a path into another folder\'s .release/ is an unknown-file error that names the plan served, never "No findings match" (review 12b)', () => {
    const ctx = context({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') }, undefined, { root: '/work/repo/examples/clean', cwd: '/work/repo' });
    const files = ['.release/release.yaml', '.release/rollback.yaml', '.release/checkins/2026-11-30.yaml'];
    for (const file of ['examples/messy/.release/rollback.yaml', '/work/repo/examples/messy/.release/release.yaml', '../other-project/.release/release.yaml', 'C:\\work\\other\\.release\\release.yaml', '/work/repo/examples/Clean/.release/release.yaml', 'examples/clean/x/.release/release.yaml']) {
      assert.deepEqual(runAgentTool(findingsTool, ctx, { file }), {
        text: `"${file}" is not a file of the plan served here, which is the one in /work/repo/examples/clean. Its files are: ${files.join(', ')}.`,
        data: { error: 'unknown-file', file, plan: '/work/repo/examples/clean', files, fileCount: 3 },
        isError: true,
      }, file);
    }
    // The served plan's own files, by a path from the working folder or as findings give them.
    for (const file of ['examples/clean/.release/rollback.yaml', '/work/repo/examples/clean/.release/rollback.yaml', '.release/rollback.yaml', 'rollback.yaml']) {
      assert.equal(runAgentTool(findingsTool, ctx, { file }).text, 'No findings match (checked as of 2026-12-01).', file);
    }
  });

  it('findings: a file that is not in the plan is an error that lists the plan\'s files, never "No findings match"', () => {
    const ctx = context({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') });
    for (const file of ['rollback.yml', 'examples/app/rollback.yaml', '.release/checkins/2026-12-01.yaml', 'src/release.yaml']) {
      assert.deepEqual(runAgentTool(findingsTool, ctx, { file }), {
        text: `There is no plan file "${file}". The plan's files are: .release/release.yaml, .release/rollback.yaml, .release/checkins/2026-11-30.yaml.`,
        data: { error: 'unknown-file', file, files: ['.release/release.yaml', '.release/rollback.yaml', '.release/checkins/2026-11-30.yaml'], fileCount: 3 },
        isError: true,
      }, file);
    }
    // A file of the plan without findings is an answer, not an error.
    assert.equal(runAgentTool(findingsTool, ctx, { file: 'rollback.yaml' }).text, 'No findings match (checked as of 2026-12-01).');
  });

  it('findings: letter case decides nothing when two plan files differ only in it', () => {
    const ctx = context({ 'Rollback.yaml': CLEAN_ROLLBACK });
    assert.deepEqual(runAgentTool(findingsTool, ctx, { file: 'ROLLBACK.YAML' }), {
      text: '"ROLLBACK.YAML" could be several plan files that differ only in letter case: .release/Rollback.yaml, .release/rollback.yaml. Name one as it is written.',
      data: { error: 'ambiguous-file', file: 'ROLLBACK.YAML', files: ['.release/Rollback.yaml', '.release/rollback.yaml'], fileCount: 2 },
      isError: true,
    });
    // Written exactly, each is found: the misnamed one has its file-misnamed finding.
    assert.deepEqual((runAgentTool(findingsTool, ctx, { file: 'Rollback.yaml' }).data.findings as { code: string }[]).map((f) => f.code), ['file-misnamed']);
    assert.deepEqual(runAgentTool(findingsTool, ctx, { file: 'rollback.yaml' }).data.matching, 0);
  });

  it('findings: a task owned by several people ("Ana/Bo", "Ana and Bo", a list) belongs to each of them', () => {
    for (const owner of ['Ana/Bo', 'Ana and Bo', '[Ana, Bo]', 'Ana & Bo']) {
      const ctx = context({ 'release.yaml': releaseWith('    owner: Bo\n', `    owner: ${owner}\n`) });
      for (const asked of ['Ana', 'bo', ' BO ']) {
        const found = runAgentTool(findingsTool, ctx, { owner: asked });
        assert.deepEqual((found.data.findings as { code: string; task?: { id: string } }[]).map((f) => [f.code, f.task?.id]), [['owner-multiple', 'T1']], `${owner} / ${asked}`);
      }
      // Cy owns T2, which has no finding: an answer, not an error.
      assert.equal(runAgentTool(findingsTool, ctx, { owner: 'Cy' }).text, 'No findings match (checked as of 2026-12-01).');
    }
    // The owner as written still names the task too.
    const written = context({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: Ana/Bo\n') });
    assert.deepEqual((runAgentTool(findingsTool, written, { owner: 'ana/bo' }).data.findings as { code: string }[]).map((f) => f.code), ['owner-multiple']);
  });

  it('findings: a team.yaml alias is the same person as the name', () => {
    const team = 'people:\n  - name: Ana Costa\n    aliases: [Ana]\n  - name: Bo Nielsen\n    aliases: [Bo]\n  - name: Cy\n';
    const ctx = context({ 'team.yaml': team, 'release.yaml': releaseWith('    owner: Bo\n', '    owner: Ana/Bo\n') });
    assert.deepEqual((runAgentTool(findingsTool, ctx, { owner: 'Bo Nielsen' }).data.findings as { code: string }[]).map((f) => f.code), ['owner-multiple']);
    assert.deepEqual(runAgentTool(findingsTool, ctx, { owner: 'Dee' }).data, { error: 'unknown-owner', owner: 'Dee', owners: ['Ana Costa', 'Bo Nielsen', 'Cy'], ownerCount: 3 });
  });

  it('findings: an owner who owns no task is an error that lists the owners, never "No findings match"', () => {
    const ctx = context({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') });
    assert.deepEqual(runAgentTool(findingsTool, ctx, { owner: 'Ana' }), {
      text: 'Nobody called "Ana" owns a task of the release. The owners are: backend team, Cy.',
      data: { error: 'unknown-owner', owner: 'Ana', owners: ['backend team', 'Cy'], ownerCount: 2 },
      isError: true,
    });
    const unowned = context({ 'release.yaml': releaseWith('    owner: Bo\n', '').replace('    owner: Cy\n', '') });
    assert.equal(runAgentTool(findingsTool, unowned, { owner: 'Bo' }).text, 'Nobody called "Bo" owns a task of the release: no task has an owner.');
    // Many owners: the list stops at 20 and counts the rest.
    const many = Array.from({ length: 25 }, (_, i) => `  - id: X${i}\n    title: Task ${i}\n    owner: P${i}\n    status: todo\n    estimate: 1\n    added: 2026-11-16\n`).join('');
    const out = runAgentTool(findingsTool, context({ 'release.yaml': releaseWith('tasks:\n', `tasks:\n${many}`) }), { owner: 'Nobody Here' });
    assert.match(out.text, /The owners are: P0, P1, .*, P19, …and 7 more\.$/);
    assert.equal((out.data.owners as string[]).length, 20);
    assert.equal(out.data.ownerCount, 27);
  });

  it('gonogo: a question lists at most 20 reasons and 20 findings, and counts the rest, in the text and in the data', () => {
    const unowned = Array.from({ length: 30 }, (_, i) => `  - id: X${i}\n    title: Task ${i}\n    status: todo\n    estimate: 1\n    added: 2026-11-16\n`).join('');
    const out = runAgentTool(gonogoTool, context({ 'release.yaml': releaseWith('tasks:\n', `tasks:\n${unowned}`) }), {});
    const lines = out.text.split('\n');
    const start = lines.indexOf('2. [FAIL] Does every unfinished task have one named owner?');
    const end = lines.findIndex((line) => line.startsWith('3. '));
    const owners = lines.slice(start + 1, end);
    assert.equal(owners.length, 42);
    assert.equal(owners[0], '   - owner-missing: Task X0 has no owner. Name the one person who will finish it.');
    assert.equal(owners[19], '   - owner-missing: Task X19 has no owner. Name the one person who will finish it.');
    assert.equal(owners[20], '   - …and 10 more reasons (release-plan_findings lists every finding).');
    assert.equal(owners[21], '   - .release/release.yaml:17:5 owner-missing');
    assert.equal(owners[40], '   - .release/release.yaml:112:5 owner-missing');
    assert.equal(owners[41], '   - …and 10 more findings (release-plan_findings lists them all).');
    const question = (out.data.questions as { id: string; reasons: string[]; reasonCount: number; evidence: { line: number }[]; evidenceCount: number }[])[1];
    assert.equal(question?.id, 'owners');
    assert.deepEqual([question?.reasons.length, question?.reasonCount, question?.evidence.length, question?.evidenceCount], [20, 30, 20, 30]);
    assert.deepEqual(question?.evidence.map((f) => f.line), Array.from({ length: 20 }, (_, i) => 17 + 5 * i));
    // One over: "1 more", in the singular.
    const one = runAgentTool(gonogoTool, context({ 'release.yaml': releaseWith('tasks:\n', `tasks:\n${unowned.split('  - id: X21\n')[0]}`) }), {}).text;
    assert.match(one, /^ {3}- …and 1 more reason \(release-plan_findings lists every finding\)\.$/m);
    assert.match(one, /^ {3}- …and 1 more finding \(release-plan_findings lists them all\)\.$/m);
  });

  it('gonogo and status: go/no-go records that cannot be read are listed up to 20 and counted, the other reasons all kept', () => {
    const records: Record<string, string> = {};
    for (let day = 1; day <= 25; day++) records[`gonogo/2026-11-${String(day).padStart(2, '0')}.yaml`] = 'notes: to be decided\n';
    const ctx = context(records);
    const record = (day: number) => `Go/no-go record .release/gonogo/2026-11-${String(day).padStart(2, '0')}.yaml: \`decision:\` is not go or no-go. It may hold a veto, so the release cannot be go until it is fixed.`;
    const gonogo = runAgentTool(gonogoTool, ctx, {});
    const lines = gonogo.text.split('\n');
    assert.deepEqual(lines.slice(-23, -2), [...Array.from({ length: 20 }, (_, i) => record(i + 1)), '…and 5 more go/no-go records that cannot be read.']);
    assert.equal(gonogo.data.unreadableRecordCount, 25);
    assert.deepEqual((gonogo.data.unreadableRecords as { reason: string }[]).map((r) => r.reason), Array.from({ length: 20 }, (_, i) => record(i + 1)));

    const status = runAgentTool(statusTool, ctx, {});
    const reasons = status.data.reasons as string[];
    assert.equal(status.data.reasonCount, 26);
    // The verdict's other reasons stay; records fill the room left up to 20.
    assert.deepEqual(reasons, [...Array.from({ length: 19 }, (_, i) => record(i + 1)), '50 errors in the plan']);
    const text = status.text.split('\n');
    const at = text.indexOf(`- ${record(19)}`);
    assert.deepEqual(text.slice(at, at + 3), [`- ${record(19)}`, '- …and 6 more go/no-go records that cannot be read.', '- 50 errors in the plan']);
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
    const ctx = { result, ruleDocs: RULE_DOCS, root: '/srv/app', cwd: '/srv/app' };
    // Each line is made of translated words (［…］) and plan data. (A rule's one-line summary is the
    // catalog's, in English, as data.)
    for (const tool of [statusTool, gonogoTool, findingsTool] as const) {
      for (const line of text(tool, ctx).split('\n').filter(Boolean)) assert.match(line, /［/, `${tool.name}: ${line}`);
    }
    assert.match(text(findingsTool, ctx), /^\.release\/release\.yaml［:］\d+［:］\d+［ ］error［ ］owner-team-label［: ］/m);
  });
});
