import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { JSONRPCRequestSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { AGENT_TOOLS, type AgentTool, type AgentToolOutput } from '../core/agentTools';
import { todayIso } from '../core/dates';
import { docSections } from '../core/ruleDocs';
import { CliFailure, fsReason, isFsError } from './fsErrors';
import { display, load, toShown } from './load';
import { markdownSummary } from './formats/markdown';
import { rulesDocText } from './formats/ruleDocs';

/**
 * `release-plan mcp [dir]`: the release plan's agent tools (src/core/agentTools.ts) and a
 * `release-plan://plan` resource, served over stdio with the Model Context Protocol SDK. Bundled
 * on its own (dist/mcp.js, esbuild.config.mjs) and loaded by the CLI only for this command, so the
 * SDK stays out of dist/cli.js. Read-only: nothing is written. The plan is read and checked again
 * on every call, so each answer is about the files as they are now. stdout carries protocol
 * messages only; the one line for people goes to stderr.
 */

export const PLAN_RESOURCE_URI = 'release-plan://plan';

export interface McpOptions {
  /** The folder that holds `.release/`, absolute. */
  folder: string;
  /** The day to check as of (`--today`); by default the day of each call. */
  today?: string;
  /** Read the plan's history from git (not with `--no-git`), as `check` does. */
  git: boolean;
  /** Where paths in messages are shown from, and relative paths an agent gives are read from (the CLI's current folder, absolute). */
  cwd: string;
  version: string;
  /** A line for people (stderr). */
  log: (line: string) => void;
  stdin?: Readable;
  stdout?: Writable;
}

/** docs/rules.md's sections, read once (the bundle carries the text). */
let sections: ReadonlyMap<string, string> | undefined;
function ruleSections(): ReadonlyMap<string, string> {
  sections ??= docSections(rulesDocText());
  return sections;
}

/** Why the plan cannot be checked, as one line (a missing .release/, an unreadable folder). */
function failure(error: unknown, cwd: string): string | undefined {
  if (error instanceof CliFailure) return error.message;
  if (isFsError(error)) return `${error.path ? `${display(cwd, error.path)}: ` : ''}${fsReason(error)}.`;
  return undefined;
}

/** The server, not yet connected: its tools and resource. */
export function createMcpServer(options: Omit<McpOptions, 'log' | 'stdin' | 'stdout'>): McpServer {
  const server = new McpServer(
    { name: 'release-plan', title: 'Release Plan', version: options.version },
    {
      instructions:
        'Read-only tools over the release plan kept in .release/ (release.yaml, rollback.yaml, check-ins, go/no-go records): release-plan_status for the verdict, release-plan_gonogo for the five go/no-go questions, release-plan_findings for the problems the checks find, release-plan_explainRule for what a rule code means and how to fix it. Each call checks the files as they are now.',
    },
  );
  const checked = () => load(options.folder, options.today ?? todayIso(new Date()), { cwd: options.cwd }, options.git);

  for (const tool of AGENT_TOOLS as readonly AgentTool[]) {
    server.registerTool(
      tool.name,
      { title: tool.title, description: tool.description, inputSchema: tool.input, annotations: { title: tool.title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } },
      async (input: Record<string, unknown>) => {
        let output: AgentToolOutput;
        try {
          const { result } = await checked();
          // A path the agent gives is read from the server's working folder; it must lead to this plan's folder.
          output = tool.run({ result, ruleDocs: ruleSections(), root: options.folder, cwd: options.cwd }, input);
        } catch (error) {
          const reason = failure(error, options.cwd);
          if (reason === undefined) throw error;
          return { content: [{ type: 'text' as const, text: reason }], isError: true };
        }
        return { content: [{ type: 'text' as const, text: output.text }], structuredContent: output.data, ...(output.isError ? { isError: true } : {}) };
      },
    );
  }

  server.registerResource(
    'plan',
    PLAN_RESOURCE_URI,
    { title: 'Release plan summary', description: 'The current release as Markdown: its name, target and verdict with the reasons, the five go/no-go questions, and every finding by file.', mimeType: 'text/markdown' },
    async (uri: URL) => {
      let text: string;
      try {
        const { result, read } = await checked();
        const shown = result.findings.map((finding) => toShown(finding, options.folder, read, { cwd: options.folder }));
        text = markdownSummary({ result, shown, today: result.context.today, quiet: false });
      } catch (error) {
        const reason = failure(error, options.cwd);
        throw reason === undefined ? error : new Error(reason);
      }
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text }] };
    },
  );
  return server;
}

/** JSON-RPC 2.0's error codes for a message the server cannot take. */
export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const INVALID_PARAMS = -32602;

/** The error reply to one line of input: the request's id (null when it has none), a code and one sentence. */
export interface Refusal {
  id: string | number | null;
  code: number;
  message: string;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a value is, for a sentence: "missing", "null", "an array", "a number"… */
function kind(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * Screens one line of input before the SDK reads it. The SDK drops a message that does not fit
 * JSON-RPC's shape without a word (a client waiting on `{"id":7,…,"params":null}` hangs) and answers
 * a request whose params do not fit with an internal error carrying zod's issues; each such line gets
 * a JSON-RPC error here instead, with one sentence. `undefined`: the line goes on to the SDK.
 * Notifications are never answered (JSON-RPC), so a broken one is left to the SDK too.
 */
export function screenMessage(line: string): Refusal | undefined {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    return { id: null, code: PARSE_ERROR, message: 'Parse error: this line is not JSON. Send each JSON-RPC message as one JSON object on its own line.' };
  }
  if (!isObject(message)) {
    return { id: null, code: INVALID_REQUEST, message: `Invalid request: a message is one JSON-RPC object, not ${kind(message)}${Array.isArray(message) ? ' (batches are not supported)' : ''}.` };
  }
  // A response from the client, or no method at all: the SDK's to judge.
  if (!('method' in message)) return undefined;
  const { id, method } = message;
  const hasId = 'id' in message && id !== undefined;
  const validId = typeof id === 'string' || typeof id === 'number';
  if (!hasId) return undefined;
  if (!validId) return { id: null, code: INVALID_REQUEST, message: `Invalid request: "id" must be a string or a number, not ${kind(id)}.` };
  if (typeof method !== 'string') return { id, code: INVALID_REQUEST, message: `Invalid request: "method" must be a string, not ${kind(method)}.` };
  if (message.jsonrpc !== '2.0') return { id, code: INVALID_REQUEST, message: `Invalid request: "jsonrpc" must be "2.0" (${method}).` };
  const { params } = message;
  if (params !== undefined && !isObject(params)) return { id, code: INVALID_PARAMS, message: `Invalid params: the params of ${method} must be an object, not ${kind(params)}.` };
  const given = params ?? {};
  if (method === 'tools/call') {
    if (typeof given.name !== 'string') return { id, code: INVALID_PARAMS, message: `Invalid params: tools/call needs "name", the tool's name as a string (tools/list gives them); it is ${kind(given.name)}.` };
    if (given.arguments !== undefined && !isObject(given.arguments)) {
      return { id, code: INVALID_PARAMS, message: `Invalid params: the "arguments" of tools/call ${given.name} must be an object of named arguments, not ${kind(given.arguments)}.` };
    }
  }
  if (method === 'resources/read' && typeof given.uri !== 'string') {
    return { id, code: INVALID_PARAMS, message: `Invalid params: resources/read needs "uri", the resource's address as a string (${PLAN_RESOURCE_URI}); it is ${kind(given.uri)}.` };
  }
  // Anything else the SDK's shape of a request refuses (a key it does not know, a `_meta` that is not an object).
  const shape = JSONRPCRequestSchema.safeParse(message);
  if (shape.success) return undefined;
  const aboutParams = shape.error.issues.every((issue) => issue.path[0] === 'params');
  return { id, code: aboutParams ? INVALID_PARAMS : INVALID_REQUEST, message: `${aboutParams ? 'Invalid params' : 'Invalid request'}: ${issuesSaid(shape.error.issues)} (${method}).` };
}

/** Schema issues as one clause: "params._meta: Invalid input: expected object, received number; …". */
function issuesSaid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`).join('; ');
}

/**
 * An error reply the SDK made from a schema's issues (an internal error whose message is zod's
 * issue list as JSON), as invalid params with one sentence; any other message as it is.
 */
export function plainError(message: JSONRPCMessage): JSONRPCMessage {
  if (!('error' in message) || message.error.code !== -32603) return message;
  let issues: unknown;
  try {
    issues = JSON.parse(message.error.message);
  } catch {
    return message;
  }
  if (!Array.isArray(issues) || issues.length === 0 || !issues.every((issue) => isObject(issue) && typeof issue.message === 'string' && Array.isArray(issue.path))) return message;
  return { ...message, error: { code: INVALID_PARAMS, message: `Invalid params: ${issuesSaid(issues as { message: string; path: PropertyKey[] }[])}.` } };
}

/**
 * The most one message may be, in bytes: below the SDK's read buffer (10 MiB), which closes the
 * connection when a line overflows it, so the client would get no answer at all.
 */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
/** How much of an oversized line is searched for its id. */
const ID_SEARCH_CHARS = 64 * 1024;

/** The refusal of a line over MAX_MESSAGE_BYTES, with the request's id when its start says it. */
function tooLarge(line: string): Refusal {
  return { id: topLevelId(line.slice(0, ID_SEARCH_CHARS)) ?? null, code: INVALID_REQUEST, message: `Invalid request: the message is over ${MAX_MESSAGE_BYTES / 1024 / 1024} MiB, the most one message may be; it was not read.` };
}

/**
 * The `id` of a JSON object whose text starts with `head` (cut anywhere): the value of the key
 * "id" at the top level (not one inside params), when it is a number or a string; else undefined.
 */
export function topLevelId(head: string): string | number | undefined {
  let depth = 0;
  let i = 0;
  const string = (): string | undefined => {
    // `head[i]` is the opening quote: the JSON string up to its closing quote, read as JSON.
    let j = i + 1;
    while (j < head.length && head[j] !== '"') j += head[j] === '\\' ? 2 : 1;
    if (j >= head.length) return undefined;
    const text = head.slice(i, j + 1);
    i = j + 1;
    try {
      return JSON.parse(text) as string;
    } catch {
      return undefined;
    }
  };
  while (i < head.length) {
    const c = head[i];
    if (c === '"') {
      const start = i;
      const key = string();
      if (key === undefined) return undefined;
      if (depth === 1 && key === 'id' && /^\s*:/.test(head.slice(i))) {
        const rest = head.slice(i).replace(/^\s*:\s*/, '');
        const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?=\s*[,}])/.exec(rest);
        if (number) return Number.isFinite(Number(number[0])) ? Number(number[0]) : undefined;
        if (rest.startsWith('"')) {
          i = head.length - rest.length;
          return string();
        }
        return undefined;
      }
      if (i === start) return undefined;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    i++;
  }
  return undefined;
}

/** Serves until the client closes stdin (or the connection); resolves then. */
export async function serveMcp(options: McpOptions): Promise<void> {
  const server = createMcpServer(options);
  const stdin = options.stdin ?? process.stdin;
  // The SDK reads the lines that pass the screen (screenMessage); the others are answered here.
  const screened = new PassThrough();
  const transport = new StdioServerTransport(screened, options.stdout ?? process.stdout);
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  const decoder = new StringDecoder('utf8');
  let pending = '';
  // A line over MAX_MESSAGE_BYTES: its start (for its id), while the rest is read and dropped up to its end.
  let oversized: string | undefined;
  const refuse = (refusal: Refusal) => void transport.send({ jsonrpc: '2.0', id: refusal.id, error: { code: refusal.code, message: refusal.message } } as JSONRPCMessage);
  const onData = (chunk: Buffer | string) => {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let end: number;
    while ((end = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, end).replace(/\r$/, '');
      pending = pending.slice(end + 1);
      if (oversized !== undefined) {
        refuse(tooLarge(oversized));
        oversized = undefined;
        continue;
      }
      if (line.trim() === '') continue;
      const refusal = Buffer.byteLength(line, 'utf8') > MAX_MESSAGE_BYTES ? tooLarge(line) : screenMessage(line);
      if (refusal) refuse(refusal);
      else screened.write(`${line}\n`);
    }
    // No line end yet: never hold more than one message may be (the SDK would close the connection).
    if (pending.length > MAX_MESSAGE_BYTES) {
      oversized ??= pending.slice(0, ID_SEARCH_CHARS);
      pending = '';
    }
  };
  // The transport does not watch for the end of its input: a client that goes away ends the server.
  const end = () => void server.close();
  stdin.once('end', end);
  stdin.once('close', end);
  await server.connect(transport);
  // The SDK's own error replies, after connect set them up: a schema's issues become one sentence.
  const send = transport.send.bind(transport);
  transport.send = (message, ...rest) => send(plainError(message), ...rest);
  stdin.on('data', onData);
  options.log(`release-plan mcp: serving the release plan in ${display(options.cwd, options.folder)} over stdio (${AGENT_TOOLS.length} tools, resource ${PLAN_RESOURCE_URI}).`);
  await closed;
  stdin.off('data', onData);
  if (stdin.listenerCount('data') === 0) stdin.pause();
  stdin.off('end', end);
  stdin.off('close', end);
}
