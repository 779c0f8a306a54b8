import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Readable, Writable } from 'node:stream';
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
  /** Where paths in messages are shown from (the CLI's current folder). */
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
          output = tool.run({ result, ruleDocs: ruleSections() }, input);
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

/** Serves until the client closes stdin (or the connection); resolves then. */
export async function serveMcp(options: McpOptions): Promise<void> {
  const server = createMcpServer(options);
  const stdin = options.stdin ?? process.stdin;
  const transport = new StdioServerTransport(stdin, options.stdout ?? process.stdout);
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
  });
  // The transport does not watch for the end of its input: a client that goes away ends the server.
  const end = () => void server.close();
  stdin.once('end', end);
  stdin.once('close', end);
  await server.connect(transport);
  options.log(`release-plan mcp: serving the release plan in ${display(options.cwd, options.folder)} over stdio (${AGENT_TOOLS.length} tools, resource ${PLAN_RESOURCE_URI}).`);
  await closed;
  stdin.off('end', end);
  stdin.off('close', end);
}
