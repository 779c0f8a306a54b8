import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { buildIfStale } from './cli-io';

/**
 * `release-plan mcp` as an agent runs it: the built CLI (dist/cli.js, which loads dist/mcp.js)
 * started as a child process, spoken to with the SDK's own client over stdio.
 */
const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const MCP = join(ROOT, 'dist/mcp.js');
const TODAY = '2099-03-16';
const TOOL_NAMES = ['release-plan_status', 'release-plan_findings', 'release-plan_gonogo', 'release-plan_explainRule'];


interface ToolResult {
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** A client connected to `release-plan mcp <folder>`; `firstLine` is the server's first line on stderr. */
async function connect(folder: string, extra: string[] = ['--no-git']): Promise<{ client: Client; firstLine: Promise<string>; pid: number | null }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', folder, '--today', TODAY, ...extra], cwd: ROOT, stderr: 'pipe' });
  let stderr = '';
  const firstLine = new Promise<string>((done) =>
    transport.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes('\n')) done(stderr.slice(0, stderr.indexOf('\n')));
    }),
  );
  const client = new Client({ name: 'release-plan-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, firstLine, pid: transport.pid };
}

/** Whether a process with this id is still there. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

async function call(client: Client, name: string, args: Record<string, unknown> = {}): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

const textOf = (result: ToolResult) => result.content.map((part) => part.text).join('\n');

/** A raw JSON-RPC reply as the server writes it, one per line. */
type RawReply = { jsonrpc: string; id: string | number | null; result?: { content?: { text: string }[]; structuredContent?: Record<string, unknown> }; error?: { code: number; message: string } };

/**
 * `release-plan mcp` on examples/clean spoken to line by line, without the SDK's client: `send`
 * writes one line, `replies` parses what came back, and `finish(ids)` waits until every id in `ids`
 * was answered (a request left unanswered kills the server after 50 s, so the test fails on its
 * timeout alone), then closes stdin and resolves with how the server exited.
 */
function rawSession() {
  const child = spawn(process.execPath, [CLI, 'mcp', 'examples/clean', '--today', TODAY, '--no-git'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, signal) => done({ code, signal })));
  const replies = () => stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as RawReply);
  const listeners: (() => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  return {
    replies,
    stderr: () => stderr,
    send: (message: unknown) => child.stdin.write(`${typeof message === 'string' ? message : JSON.stringify(message)}\n`),
    async finish(ids: (string | number)[]) {
      // Every id answered (the SDK's answers come asynchronously, the refusals at once).
      const answered = new Promise<void>((done) => {
        const check = () => ids.every((id) => replies().some((reply) => reply.id === id)) && done();
        listeners.push(check);
        check();
      });
      const unanswered = setTimeout(() => child.kill(), 50_000);
      try {
        await answered;
      } finally {
        clearTimeout(unanswered);
      }
      child.stdin.end();
      return exited;
    },
  };
}

describe('release-plan mcp (an MCP server over stdio)', function () {
  this.timeout(60_000);

  before(async () => {
    await buildIfStale(['cli', 'mcp']);
  });

  describe('against examples/messy', () => {
    let client: Client;
    let firstLine: Promise<string>;

    before(async () => {
      ({ client, firstLine } = await connect('examples/messy'));
    });

    after(async () => {
      await client?.close();
    });

    it('initializes as release-plan, with tools and resources, and says on stderr what it serves', async () => {
      const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.deepEqual(client.getServerVersion(), { name: 'release-plan', title: 'Release Plan', version });
      const capabilities = client.getServerCapabilities();
      assert.ok(capabilities?.tools && capabilities.resources);
      assert.match(client.getInstructions() ?? '', /release-plan_status/);
      assert.equal(await firstLine, 'release-plan mcp: serving the release plan in examples/messy over stdio (4 tools, resource release-plan://plan).');
    });

    it('lists the four read-only tools, each with an input schema', async () => {
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((tool) => tool.name), TOOL_NAMES);
      for (const tool of tools) {
        assert.equal(tool.inputSchema.type, 'object', tool.name);
        assert.equal(tool.annotations?.readOnlyHint, true, tool.name);
        assert.ok((tool.description ?? '').length > 100, `${tool.name} tells a model what it does`);
      }
      const byName = new Map(tools.map((tool) => [tool.name, tool]));
      assert.deepEqual(Object.keys(byName.get('release-plan_findings')?.inputSchema.properties ?? {}), ['code', 'owner', 'file', 'severity', 'limit']);
      assert.deepEqual(byName.get('release-plan_explainRule')?.inputSchema.required, ['code']);
      assert.deepEqual(byName.get('release-plan_status')?.inputSchema.properties ?? {}, {});
    });

    it('release-plan_status: the release, T-minus, the verdict and its reasons, the counts', async () => {
      const result = await call(client, 'release-plan_status');
      assert.equal(result.isError, undefined);
      const data = result.structuredContent ?? {};
      assert.equal(data.release, 'checkout-rescue');
      assert.equal(data.target, '2099-03-26');
      assert.equal(data.daysLeft, 10);
      assert.equal(data.verdict, 'no-go');
      assert.equal(data.recommendation, 'no-go');
      assert.deepEqual(data.counts, { errors: 16, warnings: 20, infos: 1 });
      assert.deepEqual((data.reasons as string[]).slice(0, 2), ['16 errors in the plan', 'Fails: Does this release solve one specific customer problem?']);
      const lines = textOf(result).split('\n');
      assert.equal(lines[0], 'Release: checkout-rescue');
      assert.ok(lines.includes('Target: 2099-03-26 (T-10 days)'));
      assert.ok(lines.includes('Backup: 2099-03-20'));
      assert.ok(lines.includes('Verdict: No-go'));
      assert.equal(lines.at(-1), 'Findings: 16 errors, 20 warnings, 1 info (checked as of 2099-03-16).');
    });

    it('release-plan_findings: every finding, filtered by code, owner, file and severity, with the rule\'s summary', async () => {
      const all = await call(client, 'release-plan_findings', { limit: 500 });
      assert.equal(all.structuredContent?.total, 37);
      assert.equal((all.structuredContent?.findings as unknown[]).length, 37);

      const team = await call(client, 'release-plan_findings', { code: 'owner-team-label' });
      const found = team.structuredContent?.findings as { file: string; line: number; column: number; code: string; rule: string; task?: { id: string; owner?: string } }[];
      assert.deepEqual(
        found.map((f) => `${f.file}:${f.line}:${f.column}`),
        ['.release/checkins/2099-03-16.yaml:8:13', '.release/release.yaml:53:12', '.release/release.yaml:167:13', '.release/rollback.yaml:9:12'],
      );
      assert.deepEqual(found[1]?.task, { id: 'CR-2', owner: 'backend team' });
      assert.equal(found[0]?.rule, 'An owner names a group ("backend team", "QA"), not a person.');
      const text = textOf(team).split('\n');
      assert.equal(text[0], '4 of 37 findings in the plan match (checked as of 2099-03-16).');
      assert.ok(text.includes('.release/release.yaml:53:12 error owner-team-label: "backend team" is a group, not a person. Name one person for task CR-2.'));
      assert.ok(text.includes('  (task CR-2, owner backend team)'));
      assert.equal(text.at(-1), '- owner-team-label: An owner names a group ("backend team", "QA"), not a person.');

      const owned = await call(client, 'release-plan_findings', { owner: 'Backend Team' });
      assert.deepEqual((owned.structuredContent?.findings as { code: string }[]).map((f) => f.code), ['owner-team-label']);

      const rollback = await call(client, 'release-plan_findings', { file: 'rollback.yaml', severity: 'error' });
      const inRollback = rollback.structuredContent?.findings as { file: string; severity: string; code: string }[];
      assert.deepEqual(inRollback.map((f) => f.code), ['rollback-no-stable', 'rollback-role-missing', 'owner-team-label']);
      assert.ok(inRollback.every((f) => f.file === '.release/rollback.yaml' && f.severity === 'error'));

      // The served plan's file by its path from the server's working folder (ROOT), or absolute.
      for (const file of ['examples/messy/.release/rollback.yaml', join(ROOT, 'examples/messy/.release/rollback.yaml')]) {
        const byPath = await call(client, 'release-plan_findings', { file, severity: 'error' });
        assert.deepEqual((byPath.structuredContent?.findings as { code: string }[]).map((f) => f.code), ['rollback-no-stable', 'rollback-role-missing', 'owner-team-label'], file);
      }
      // Another plan's file is an error that names the plan served, not "No findings match" (review 12b).
      for (const file of ['examples/clean/.release/rollback.yaml', join(ROOT, 'examples/clean/.release/release.yaml'), '../other-project/.release/release.yaml']) {
        const other = await call(client, 'release-plan_findings', { file });
        assert.equal(other.isError, true, file);
        assert.deepEqual([other.structuredContent?.error, other.structuredContent?.plan], ['unknown-file', join(ROOT, 'examples/messy')], file);
        assert.ok(textOf(other).startsWith(`"${file}" is not a file of the plan served here, which is the one in ${join(ROOT, 'examples/messy')}. Its files are: .release/release.yaml, `), textOf(other));
      }

      const few = await call(client, 'release-plan_findings', { limit: 2 });
      assert.equal((few.structuredContent?.findings as unknown[]).length, 2);
      assert.match(textOf(few), /^…and 35 more that match: narrow the filter or raise the limit\.$/m);

      const none = await call(client, 'release-plan_findings', { code: 'owner-missing', owner: 'Ana' });
      assert.equal(textOf(none), 'No findings match (checked as of 2099-03-16).');
    });

    it('release-plan_gonogo: the five questions with their verdicts, reasons and evidence', async () => {
      const result = await call(client, 'release-plan_gonogo');
      const data = result.structuredContent as { recommendation: string; questions: { id: string; verdict: string; reasons: string[]; evidence: { file: string; line: number; code: string }[] }[] };
      assert.equal(data.recommendation, 'no-go');
      assert.deepEqual(data.questions.map((q) => q.verdict), ['fail', 'fail', 'fail', 'needs-answer', 'fail']);
      assert.deepEqual(data.questions[4]?.evidence.map((f) => `${f.file}:${f.line} ${f.code}`), ['.release/release.yaml:189 parked-not-told', '.release/release.yaml:190 parked-not-told']);
      assert.deepEqual(data.questions[3]?.reasons, ['The last dry run (2099-02-20) is older than 14 days.']);
      const lines = textOf(result).split('\n');
      assert.equal(lines[0], '1. [FAIL] Does this release solve one specific customer problem?');
      assert.ok(lines.includes('4. [NEEDS AN ANSWER] Was the release path tested as one chain on a production-like setup?'));
      assert.ok(lines.includes('   - .release/release.yaml:53:12 owner-team-label'));
      assert.equal(lines.at(-1), 'Recommendation: NO-GO (checked as of 2099-03-16).');
    });

    it('release-plan_explainRule: the code\'s docs/rules.md section, and what it does in this plan', async () => {
      const result = await call(client, 'release-plan_explainRule', { code: 'owner-team-label' });
      assert.equal(result.isError, undefined);
      const lines = textOf(result).split('\n');
      assert.deepEqual(lines.slice(0, 3), [
        'owner-team-label: An owner names a group ("backend team", "QA"), not a person.',
        'Family: ownership. Default severity: error.',
        'It reports 4 findings in this plan now (release-plan_findings with this code lists them).',
      ]);
      assert.match(textOf(result), /^\*\*What it checks\.\*\* A task `owner` \(open or `done`\)/m);
      assert.deepEqual({ ...result.structuredContent, documentation: undefined }, { code: 'owner-team-label', family: 'ownership', severity: 'error', summary: 'An owner names a group ("backend team", "QA"), not a person.', findings: 4, documentation: undefined });
      // Letter case and spaces around a code are forgiven.
      assert.equal((await call(client, 'release-plan_explainRule', { code: ' Rollback-Missing ' })).structuredContent?.findings, 0);
    });

    it('a bad argument gives an error result and the server goes on answering', async () => {
      const unknown = await call(client, 'release-plan_explainRule', { code: 'owner-is-a-team' });
      assert.equal(unknown.isError, true);
      assert.match(textOf(unknown), /^There is no rule code "owner-is-a-team"\. The codes are: owner-missing, owner-team-label, .*, task-id-duplicate\.$/);
      const unknownFilter = await call(client, 'release-plan_findings', { code: 'nope' });
      assert.equal(unknownFilter.isError, true);
      assert.match(textOf(unknownFilter), /^There is no rule code "nope"\./);

      const wrongType = await call(client, 'release-plan_explainRule', { code: 42 });
      assert.equal(wrongType.isError, true);
      assert.match(textOf(wrongType), /Invalid arguments for tool release-plan_explainRule: Invalid input: expected string, received number at code/);
      const missing = await call(client, 'release-plan_explainRule', {});
      assert.equal(missing.isError, true);
      assert.match(textOf(missing), /expected string, received undefined at code/);
      const badLimit = await call(client, 'release-plan_findings', { limit: 0 });
      assert.equal(badLimit.isError, true);
      assert.match(textOf(badLimit), /limit/);
      const extra = await call(client, 'release-plan_status', { verbose: true });
      assert.equal(extra.isError, true);
      assert.match(textOf(extra), /Unrecognized key: "verbose"/);
      const noSuchTool = await call(client, 'release-plan_shipIt');
      assert.equal(noSuchTool.isError, true);
      assert.match(textOf(noSuchTool), /Tool release-plan_shipIt not found/);

      assert.equal((await call(client, 'release-plan_status')).structuredContent?.verdict, 'no-go');
    });

    it('the release-plan://plan resource is the plan\'s Markdown summary', async () => {
      const { resources } = await client.listResources();
      assert.deepEqual(resources.map((r) => [r.uri, r.mimeType]), [['release-plan://plan', 'text/markdown']]);
      const read = await client.readResource({ uri: 'release-plan://plan' });
      const [content] = read.contents as { uri: string; mimeType: string; text: string }[];
      assert.equal(content?.uri, 'release-plan://plan');
      const lines = (content?.text ?? '').split('\n');
      assert.equal(lines[0], '## Release plan: checkout-rescue');
      assert.equal(lines[2], '**🔴 No-go** · target 2099-03-26 (T-10 days) · checked as of 2099-03-16');
      assert.ok(lines.includes('#### .release/release.yaml'), 'findings grouped by file, paths relative to the plan folder');
    });
  });

  it('examples/clean: Go, and every go/no-go question passes; no process is left once the client closes', async () => {
    const { client, pid } = await connect('examples/clean');
    assert.ok(pid !== null && alive(pid));
    try {
      const status = await call(client, 'release-plan_status');
      assert.equal(status.structuredContent?.verdict, 'go');
      assert.deepEqual(status.structuredContent?.counts, { errors: 0, warnings: 0, infos: 0 });
      assert.match(textOf(status), /^Target: 2099-03-18 \(T-2 days\)$/m);
      const gonogo = await call(client, 'release-plan_gonogo');
      assert.deepEqual((gonogo.structuredContent?.questions as { verdict: string }[]).map((q) => q.verdict), ['pass', 'pass', 'pass', 'pass', 'pass']);
      assert.equal(textOf(gonogo).split('\n').at(-2), 'Recommendation: GO (checked as of 2099-03-16).');
      assert.equal(textOf(await call(client, 'release-plan_findings')), 'No findings match (checked as of 2099-03-16).');
    } finally {
      await client.close();
    }
    assert.equal(alive(pid), false);
  });

  it('a folder without .release/: each call says so as an error result (the plan may be created later)', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'release-plan-mcp-'));
    try {
      const { client } = await connect(empty);
      try {
        const result = await call(client, 'release-plan_status');
        assert.equal(result.isError, true);
        assert.match(textOf(result), /^no \.release\/ folder in .*release-plan-mcp-\w+\. Run `release-plan init .*` to create one\.$/);
        await assert.rejects(client.readResource({ uri: 'release-plan://plan' }), /no \.release\/ folder in/);
      } finally {
        await client.close();
      }
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('checks the files again on every call: an owner fixed between two calls is gone from the next answer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'release-plan-mcp-'));
    try {
      await cp(join(ROOT, 'examples/messy'), dir, { recursive: true });
      const { client } = await connect(dir);
      try {
        const before = await call(client, 'release-plan_findings', { code: 'owner-team-label', file: 'release.yaml' });
        assert.deepEqual((before.structuredContent?.findings as { line: number }[]).map((f) => f.line), [53, 167]);
        const file = join(dir, '.release/release.yaml');
        const text = await readFile(file, 'utf8');
        assert.match(text, /^ {4}owner: backend team\b/m);
        await writeFile(file, text.replace(/^( {4}owner: )backend team\b/m, '$1Ana'));
        const after = await call(client, 'release-plan_findings', { code: 'owner-team-label', file: 'release.yaml' });
        assert.deepEqual((after.structuredContent?.findings as { line: number }[]).map((f) => f.line), [167]);
        // One error less; Ana's four days more make her overloaded: one warning more.
        assert.deepEqual((await call(client, 'release-plan_status')).structuredContent?.counts, { errors: 15, warnings: 21, infos: 1 });
        // Ana's tasks (team.yaml: Ana is Ana Costa's alias; CR-4 is Ana's and Bo's): none is about CR-2 now.
        const anas = (await call(client, 'release-plan_findings', { owner: 'ana' })).structuredContent?.findings as { code: string; task?: { id: string } }[];
        assert.deepEqual(anas.map((f) => [f.code, f.task?.id]), [['owner-multiple', 'CR-4'], ['schema', 'CR-13'], ['owner-overloaded', 'CR-15']]);
        assert.match(textOf(await call(client, 'release-plan_findings', { code: 'owner-overloaded' })), /^\.release\/release\.yaml:\d+:\d+ warning owner-overloaded: Ana Costa's open estimates reach 10 days by task CR-15/m);
      } finally {
        await client.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops by itself, exit code 0, when the client closes its input; stdout holds protocol messages only', async () => {
    const child = spawn(process.execPath, [CLI, 'mcp', 'examples/messy', '--today', TODAY, '--no-git'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // 'close': the process exited and its output was read to the end.
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('close', (code, signal) => done({ code, signal })));
    const answered = new Promise<void>((done) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (stdout.split('\n').filter(Boolean).length === 2) done();
      }),
    );
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } })}\n`);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' })}\n`);
    await answered;
    child.stdin.end();
    assert.deepEqual(await exited, { code: 0, signal: null });
    const messages = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: number; result: { tools?: { name: string }[] } });
    assert.deepEqual(messages.map((m) => m.id), [1, 2]);
    assert.deepEqual(messages[1]?.result.tools?.map((t) => t.name), TOOL_NAMES);
    assert.equal(stderr, 'release-plan mcp: serving the release plan in examples/messy over stdio (4 tools, resource release-plan://plan).\n');
  });

  it('a malformed request gets exactly one JSON-RPC error with its id, a code and one sentence, and the server goes on serving', async () => {
    const { send, replies, finish } = rawSession();
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send('this is not json');
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: null });
    send({ jsonrpc: '2.0', id: 3, method: 'tools/call' });
    send({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 5 } });
    send({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'release-plan_findings', arguments: 'notanobject' } });
    send({ jsonrpc: '2.0', id: 6, method: 'tools/call', params: { name: 'release-plan_findings', arguments: [1] } });
    send({ jsonrpc: '2.0', id: 7, method: 'resources/read', params: {} });
    send({ jsonrpc: '2.0', id: 8, method: 'ping', params: [1] });
    send({ jsonrpc: '2.0', id: 9, method: 'ping', extra: true });
    send({ jsonrpc: '2.0', id: 10, method: 'tools/list', params: { _meta: 'x' } });
    send({ jsonrpc: '2.0', id: 11, method: 'tools/list', params: { cursor: 5 } });
    send({ id: 'twelve', method: 'ping' });
    send({ jsonrpc: '2.0', id: null, method: 'ping' });
    send([{ jsonrpc: '2.0', id: 13, method: 'ping' }]);
    send({ jsonrpc: '2.0', id: 20, method: 'tools/call', params: { name: 'release-plan_status', arguments: {} } });
    assert.deepEqual(await finish([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 'twelve', 20]), { code: 0, signal: null });

    const all = replies();
    assert.ok(all.every((reply) => reply.jsonrpc === '2.0'));
    const errors = all.filter((reply) => reply.error).map((reply) => [reply.id, reply.error?.code, reply.error?.message]);
    const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0])) || String(a[2]).localeCompare(String(b[2]));
    assert.deepEqual(errors.sort(byId), [
      [2, -32602, 'Invalid params: the params of tools/call must be an object, not null.'],
      [3, -32602, 'Invalid params: tools/call needs "name", the tool\'s name as a string (tools/list gives them); it is missing.'],
      [4, -32602, 'Invalid params: tools/call needs "name", the tool\'s name as a string (tools/list gives them); it is a number.'],
      [5, -32602, 'Invalid params: the "arguments" of tools/call release-plan_findings must be an object of named arguments, not a string.'],
      [6, -32602, 'Invalid params: the "arguments" of tools/call release-plan_findings must be an object of named arguments, not an array.'],
      [7, -32602, 'Invalid params: resources/read needs "uri", the resource\'s address as a string (release-plan://plan); it is missing.'],
      [8, -32602, 'Invalid params: the params of ping must be an object, not an array.'],
      [9, -32600, 'Invalid request: Unrecognized key: "extra" (ping).'],
      [10, -32602, 'Invalid params: params._meta: Invalid input: expected object, received string (tools/list).'],
      [11, -32602, 'Invalid params: params.cursor: Invalid input: expected string, received number.'],
      [null, -32600, 'Invalid request: "id" must be a string or a number, not null.'],
      [null, -32600, 'Invalid request: a message is one JSON-RPC object, not an array (batches are not supported).'],
      [null, -32700, 'Parse error: this line is not JSON. Send each JSON-RPC message as one JSON object on its own line.'],
      ['twelve', -32600, 'Invalid request: "jsonrpc" must be "2.0" (ping).'],
    ].sort(byId));
    // Exactly one reply per request: the 14 errors, initialize and the status call after them all.
    assert.deepEqual(all.filter((reply) => !reply.error).map((reply) => reply.id), [1, 20]);
    assert.equal(all.length, 16);
    assert.equal(all.find((reply) => reply.id === 20)?.result?.structuredContent?.verdict, 'go');
  });

  it('a message over 8 MiB is answered with a JSON-RPC error (its id when its start says it), and the server goes on serving (review 12b)', async () => {
    const { send, replies, finish, stderr } = rawSession();
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } } });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'ping' });
    // 12 MB of arguments, its id before them; then one without an id at the top level (only inside params).
    send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'release-plan_findings', arguments: { owner: 'a'.repeat(12_000_000) } } });
    send({ jsonrpc: '2.0', method: 'tools/call', params: { name: 'release-plan_findings', arguments: { id: 4, owner: 'b'.repeat(9_000_000) } } });
    send({ jsonrpc: '2.0', id: 5, method: 'ping' });
    assert.deepEqual(await finish([5]), { code: 0, signal: null });
    const tooLarge = 'Invalid request: the message is over 8 MiB, the most one message may be; it was not read.';
    assert.deepEqual(replies().map((reply) => [reply.id, reply.error?.code ?? 'ok', reply.error?.message ?? '']), [[1, 'ok', ''], [2, 'ok', ''], [3, -32600, tooLarge], [null, -32600, tooLarge], [5, 'ok', '']]);
    assert.equal(stderr(), 'release-plan mcp: serving the release plan in examples/clean over stdio (4 tools, resource release-plan://plan).\n');
  });

  it('bad command lines exit 2 with one line before any server starts', async () => {
    const run = async (args: string[]) => {
      try {
        const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd: ROOT });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const failed = error as { code: number; stdout: string; stderr: string };
        return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
      }
    };
    assert.deepEqual(await run(['mcp', 'no-such-folder']), { code: 2, stdout: '', stderr: 'release-plan: no-such-folder does not exist. Give the folder that holds .release/.\n' });
    assert.deepEqual(await run(['mcp', 'package.json']), { code: 2, stdout: '', stderr: 'release-plan: package.json is a file, not a folder. Give the folder that holds .release/.\n' });
    assert.deepEqual(await run(['mcp', '.', '--format', 'json']), {
      code: 2,
      stdout: '',
      stderr: 'release-plan: --format json does not apply to mcp: it speaks the Model Context Protocol on stdin and stdout. Run `release-plan --help` for the commands and options.\n',
    });
    assert.deepEqual(await run(['mcp', '.', '--today', 'tomorrow']), { code: 2, stdout: '', stderr: 'release-plan: --today must be a date written YYYY-MM-DD, not "tomorrow". Run `release-plan --help` for the commands and options.\n' });
  });

  it('the CLI bundle stays without the SDK: dist/cli.js loads dist/mcp.js only for the mcp command', async () => {
    const cli = await readFile(CLI, 'utf8');
    const mcp = await readFile(MCP, 'utf8');
    assert.doesNotMatch(cli, /StdioServerTransport|McpServer/);
    assert.match(mcp, /StdioServerTransport/);
    assert.match(mcp, /@modelcontextprotocol\/sdk 1\.32\.2 \(MIT\)/, 'the bundle carries the SDK\'s license');
  });
});
