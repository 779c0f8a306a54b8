import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENT_TOOLS, agentToolJsonSchema, assignOwnerTool, editorToolInput, FOLDER_ARGUMENT } from '../../src/core/agentTools';
import { descriptionOf } from '../../src/core/schemas';

/**
 * package.json's `contributes.languageModelTools` (what VS Code shows a model before the extension
 * is even active) against the one definition in src/core/agentTools.ts: the same tools, the same
 * model descriptions and exactly the input schemas the tools validate with.
 */
const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;

interface ManifestTool {
  name: string;
  toolReferenceName?: string;
  canBeReferencedInPrompt?: boolean;
  displayName: string;
  userDescription?: string;
  modelDescription: string;
  inputSchema?: Record<string, unknown>;
  tags?: string[];
}
const contributed = manifest.contributes.languageModelTools as ManifestTool[];
const byName = new Map(contributed.map((tool) => [tool.name, tool]));

describe('Language Model Tools manifest (package.json ↔ core agent tools)', () => {
  it('contributes the four read-only agent tools and release-plan_assignOwner, in that order', () => {
    assert.deepEqual(contributed.map((tool) => tool.name), [...AGENT_TOOLS.map((tool) => tool.name), 'release-plan_assignOwner']);
  });

  it('each read-only tool: the core description for models, and its core schema plus the optional folder', () => {
    for (const tool of AGENT_TOOLS) {
      const entry = byName.get(tool.name);
      assert.ok(entry, tool.name);
      assert.equal(entry.modelDescription, tool.description, tool.name);
      assert.deepEqual(entry.inputSchema, agentToolJsonSchema({ input: editorToolInput(tool) }), tool.name);
      // The core schema, untouched: the MCP server's arguments are the same but for `folder`.
      const { folder, ...own } = (entry.inputSchema?.properties ?? {}) as Record<string, unknown>;
      assert.deepEqual(own, agentToolJsonSchema(tool).properties ?? {}, tool.name);
      assert.deepEqual(folder, { description: descriptionOf(FOLDER_ARGUMENT), type: 'string', minLength: 1 });
      assert.equal(entry.inputSchema?.additionalProperties, false);
      assert.ok(entry.tags?.includes('read-only'));
    }
  });

  it('release-plan_assignOwner: its core description and schema, task and owner required', () => {
    const entry = byName.get('release-plan_assignOwner');
    assert.ok(entry);
    assert.equal(entry.modelDescription, assignOwnerTool.description);
    assert.deepEqual(entry.inputSchema, agentToolJsonSchema(assignOwnerTool));
    assert.deepEqual(entry.inputSchema?.required, ['task', 'owner']);
    assert.deepEqual(Object.keys(entry.inputSchema?.properties ?? {}), ['task', 'owner', 'folder']);
    assert.ok(!entry.tags?.includes('read-only'));
  });

  it('names VS Code accepts, a unique #reference for each (#releasePlan is the status), and a translated name and description', () => {
    const references = contributed.map((tool) => tool.toolReferenceName);
    assert.deepEqual(references, ['releasePlan', 'releasePlanFindings', 'releasePlanGonogo', 'releasePlanRule', 'releasePlanAssignOwner']);
    for (const tool of contributed) {
      assert.match(tool.name, /^(?!copilot_|vscode_)[\w-]+$/);
      assert.match(tool.toolReferenceName ?? '', /^[\w-]+$/);
      assert.equal(tool.canBeReferencedInPrompt, true, `${tool.name}: canBeReferencedInPrompt needs toolReferenceName, which it has`);
      for (const text of [tool.displayName, tool.userDescription]) {
        const key = /^%([^%]+)%$/.exec(text ?? '')?.[1];
        assert.ok(key && nls[key]?.trim(), `${tool.name}: ${text} is a %key% of package.nls.json`);
      }
    }
  });

  it('engines.vscode is at least 1.95, where the Language Model Tools API is stable', () => {
    const version = /^\^?(\d+)\.(\d+)\./.exec(manifest.engines.vscode);
    assert.ok(version);
    assert.ok(Number(version[1]) > 1 || Number(version[2]) >= 95, manifest.engines.vscode);
  });
});
