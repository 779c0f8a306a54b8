import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { cliManifest, expectedFiles, FROM_ROOT } from '../../scripts/pack-cli.mjs';
import { run } from '../../src/cli/main';

/**
 * The CLI as an npm package (scripts/pack-cli.mjs): the tarball `npm run pack:cli` writes, then
 * installed offline into an empty project and run through `npx release-plan`, as a team's CI
 * would run it after `npm i -D release-plan-cli`.
 */
const ROOT = resolve(__dirname, '../..');
const rootManifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string; repository: unknown };

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment without the npm_* variables of the npm that started mocha (they could point npm at this checkout), offline. */
function npxEnv(): Record<string, string> {
  const env: Record<string, string> = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => !/^npm_/i.test(entry[0]) && entry[1] !== undefined));
  Object.assign(env, { npm_config_offline: 'true', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', NO_COLOR: '1' });
  delete env.FORCE_COLOR;
  return env;
}

/** Runs a command with npxEnv(). */
async function exec(command: string, args: string[], cwd: string): Promise<Ran> {
  const env = npxEnv();
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number | string; stdout: string; stderr: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the CLI npm package (npm run pack:cli)', function () {
  this.timeout(120_000);

  describe('its package.json', () => {
    it('takes the version and the other shared keys from the root package.json: one version for the extension and the CLI', () => {
      const manifest = cliManifest();
      assert.equal(manifest.name, 'release-plan-cli');
      assert.equal(manifest.version, rootManifest.version);
      assert.equal(manifest.license, rootManifest.license);
      assert.deepEqual(manifest.repository, rootManifest.repository);
      assert.deepEqual(manifest.bin, { 'release-plan': 'dist/cli.js' });
      assert.deepEqual(manifest.engines, { node: '>=20' });
      assert.equal(manifest.private, undefined);
      assert.equal(manifest['//'], undefined, 'the comment key is not shipped');
      for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts']) assert.equal(manifest[key], undefined, `${key} in the npm package`);
    });

    it('refuses a packages/cli/package.json that sets a key the root owns', () => {
      assert.ok(FROM_ROOT.includes('version'));
      assert.throws(() => cliManifest({ version: '1.0.0' }, { name: 'release-plan-cli', version: '0.9.0' }), /must not set version: they come from the root package\.json/);
      assert.deepEqual(cliManifest({ version: '2.3.4', license: 'MIT', private: true }, { name: 'release-plan-cli', bin: { 'release-plan': 'dist/cli.js' } }), {
        name: 'release-plan-cli',
        version: '2.3.4',
        license: 'MIT',
        bin: { 'release-plan': 'dist/cli.js' },
      });
    });
  });

  it('its README names only commands, options and formats the CLI has', async () => {
    const readme = readFileSync(join(ROOT, 'packages/cli/README.md'), 'utf8');
    const help: string[] = [];
    assert.equal(await run(['--help'], { out: (text) => help.push(text), err: () => undefined, cwd: ROOT, now: () => new Date() }), 0);
    const usage = help.join('\n');
    const synopsis = /^```\n(release-plan [\s\S]*?)^```$/m.exec(readme)?.[1];
    assert.ok(synopsis, 'the README has the command synopsis');
    for (const option of new Set(synopsis.match(/--[a-z-]+/g))) assert.ok(usage.includes(option), `${option} is not in --help`);
    for (const command of new Set([...synopsis.matchAll(/^release-plan ([a-z]+)/gm)].map((m) => m[1] ?? ''))) assert.match(usage, new RegExp(`^  ${command} `, 'm'));
    for (const format of synopsis.match(/(?<=--format )[a-z|]+/g)?.flatMap((list) => list.split('|')) ?? []) assert.match(usage, new RegExp(`\\b${format}\\b`), `format ${format}`);
    assert.match(readme, /npm install --save-dev release-plan-cli/);
  });

  describe('packed, installed offline into an empty project and run with npx', () => {
    let dir: string;
    let tarball: string;
    let project: string;
    let packed: Ran;

    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'release-plan-npm-'));
      packed = await exec(process.execPath, [join(ROOT, 'scripts/pack-cli.mjs'), '--out', dir], ROOT);
      assert.equal(packed.code, 0, `pack:cli failed:\n${packed.stdout}\n${packed.stderr}`);
      tarball = join(dir, `release-plan-cli-${rootManifest.version}.tgz`);
      project = join(dir, 'project');
      await cp(join(ROOT, 'examples/messy'), join(project, 'messy'), { recursive: true });
      assert.equal((await exec('npm', ['init', '-y'], project)).code, 0);
      const installed = await exec('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund'], project);
      assert.equal(installed.code, 0, `npm install failed:\n${installed.stdout}\n${installed.stderr}`);
    });

    after(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('writes release-plan-<root version>.tgz holding dist/cli.js, dist/mcp.js, schemas, README.md, LICENSE and package.json, nothing else', async () => {
      assert.ok(existsSync(tarball), `no ${tarball}; pack:cli printed:\n${packed.stdout}`);
      const listed = (await exec('tar', ['-tzf', tarball], dir)).stdout.split('\n').filter(Boolean).map((entry) => entry.replace(/^package\//, '')).sort();
      const schemas = readdirSync(join(ROOT, 'schemas')).filter((file) => file.endsWith('.schema.json'));
      assert.ok(schemas.length >= 6, 'every plan file has a schema');
      assert.deepEqual(listed, expectedFiles(schemas));
      assert.deepEqual(listed, ['LICENSE', 'README.md', 'dist/cli.js', 'dist/mcp.js', 'package.json', ...schemas.map((file) => `schemas/${file}`)].sort());
      // What npm itself would pack from the installed package: the same files (its "files" field).
      const dry = await exec('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], join(project, 'node_modules/release-plan-cli'));
      assert.equal(dry.code, 0, dry.stderr);
      const dryFiles = (JSON.parse(dry.stdout) as { files: { path: string }[] }[])[0]!.files.map((file) => file.path).sort();
      assert.deepEqual(dryFiles, listed);
      // pack:cli prints the list too.
      for (const file of listed) assert.match(packed.stdout, new RegExp(`^  ${file.replace(/[.*]/g, '\\$&')} `, 'm'));
    });

    it('ships a minified bundle with the licenses of what it bundles, and the repository\'s LICENSE', async () => {
      const installed = join(project, 'node_modules/release-plan-cli');
      const cli = await readFile(join(installed, 'dist/cli.js'), 'utf8');
      assert.ok(cli.startsWith('#!/usr/bin/env node\n'));
      // Minified (a development build averages ~30 characters a line) and without a source map.
      assert.ok(cli.length / cli.split('\n').length > 500, 'minified: long lines');
      assert.doesNotMatch(cli, /sourceMappingURL/);
      assert.match(cli, /Bundled third-party code and its licenses\.[\s\S]*yaml \d+\.\d+\.\d+ \(ISC\)[\s\S]*zod \d+\.\d+\.\d+ \(MIT\)/);
      assert.doesNotMatch(cli, /StdioServerTransport/, 'the MCP SDK is not in the CLI bundle');
      const mcp = await readFile(join(installed, 'dist/mcp.js'), 'utf8');
      assert.ok(mcp.length / mcp.split('\n').length > 500, 'the MCP bundle is minified too');
      assert.doesNotMatch(mcp, /sourceMappingURL/);
      assert.match(mcp, /Bundled third-party code and its licenses\.[\s\S]*@modelcontextprotocol\/sdk \d+\.\d+\.\d+ \(MIT\)[\s\S]*ajv \d+\.\d+\.\d+ \(MIT\)[\s\S]*zod \d+\.\d+\.\d+ \(MIT\)/);
      assert.equal(await readFile(join(installed, 'LICENSE'), 'utf8'), await readFile(join(ROOT, 'LICENSE'), 'utf8'));
      assert.equal(await readFile(join(installed, 'README.md'), 'utf8'), await readFile(join(ROOT, 'packages/cli/README.md'), 'utf8'));
      for (const file of readdirSync(join(ROOT, 'schemas'))) {
        assert.equal(await readFile(join(installed, 'schemas', file), 'utf8'), await readFile(join(ROOT, 'schemas', file), 'utf8'), file);
      }
    });

    it('installs with no dependencies: node_modules holds the package alone', async () => {
      const modules = readdirSync(join(project, 'node_modules')).filter((name) => !name.startsWith('.')).sort();
      assert.deepEqual(modules, ['release-plan-cli']);
      const installed = JSON.parse(await readFile(join(project, 'node_modules/release-plan-cli/package.json'), 'utf8')) as Record<string, unknown>;
      assert.equal(installed.version, rootManifest.version);
      assert.equal(installed.dependencies, undefined);
    });

    it('npx release-plan --version prints the root package.json\'s version', async () => {
      assert.deepEqual(await exec('npx', ['release-plan', '--version'], project), { code: 0, stdout: `release-plan ${rootManifest.version}\n`, stderr: '' });
    });

    it('npx release-plan check finds the messy plan\'s problems (exit 1)', async () => {
      const ran = await exec('npx', ['release-plan', 'check', 'messy', '--today', '2099-03-16'], project);
      assert.equal(ran.code, 1, ran.stderr);
      assert.match(ran.stdout, /^messy\/\.release\/release\.yaml:\d+:\d+: error owner-team-label: "backend team" is a group, not a person\./m);
      assert.match(ran.stdout, /^release-plan: 16 errors, \d+ warnings, 1 info in .*messy \(checked as of 2099-03-16\)\.$/m);
      const none = await exec('npx', ['release-plan', 'check'], project);
      assert.deepEqual(none, { code: 2, stdout: '', stderr: 'release-plan: no .release/ folder in the current folder. Run `release-plan init` to create one.\n' });
    });

    it('npx release-plan mcp answers an MCP client over stdio: initialize, the tools, a call', async () => {
      const transport = new StdioClientTransport({ command: 'npx', args: ['release-plan', 'mcp', 'messy', '--today', '2099-03-16'], cwd: project, env: npxEnv(), stderr: 'pipe' });
      const client = new Client({ name: 'release-plan-package-test', version: '1.0.0' });
      await client.connect(transport);
      try {
        assert.equal(client.getServerVersion()?.version, rootManifest.version);
        assert.deepEqual((await client.listTools()).tools.map((tool) => tool.name), ['release-plan_status', 'release-plan_findings', 'release-plan_gonogo', 'release-plan_explainRule']);
        const status = (await client.callTool({ name: 'release-plan_status', arguments: {} })) as { structuredContent?: { release?: string; verdict?: string; counts?: { errors: number } } };
        assert.deepEqual([status.structuredContent?.release, status.structuredContent?.verdict, status.structuredContent?.counts?.errors], ['checkout-rescue', 'no-go', 16]);
        // The rule's documentation comes from the bundle: no docs/ next to the installed CLI.
        const explained = (await client.callTool({ name: 'release-plan_explainRule', arguments: { code: 'owner-team-label' } })) as { content: { text: string }[] };
        assert.match(explained.content[0]?.text ?? '', /\*\*What it checks\.\*\*/);
      } finally {
        await client.close();
      }
    });

    it('--format sarif from the installed copy carries every rule\'s help, read from docs/rules.md at build time', async () => {
      const ran = await exec('npx', ['release-plan', 'check', 'messy', '--today', '2099-03-16', '--format', 'sarif'], project);
      assert.equal(ran.code, 1, ran.stderr);
      const log = JSON.parse(ran.stdout) as {
        version: string;
        runs: { tool: { driver: { version: string; rules: { id: string; help: { text: string; markdown: string } }[] } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
      };
      assert.equal(log.version, '2.1.0');
      const [sarifRun] = log.runs;
      assert.ok(sarifRun);
      assert.equal(sarifRun.tool.driver.version, rootManifest.version);
      // No docs/ next to the installed CLI: the help must come from the bundle.
      assert.ok(!existsSync(join(project, 'node_modules/release-plan-cli/docs')));
      const rule = sarifRun.tool.driver.rules.find((r) => r.id === 'owner-team-label');
      assert.ok(rule, 'owner-team-label is among the rules');
      const rulesDoc = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
      const section = rulesDoc.slice(rulesDoc.search(/^#+ .*owner-team-label/m));
      const firstLine = section.split('\n').slice(1).find((line) => /^[A-Z]/.test(line.trim()))?.trim();
      assert.ok(firstLine, 'the section has prose');
      assert.ok(rule.help.markdown.includes(firstLine.slice(0, 40)), `help.markdown holds the section's text: ${firstLine}`);
      for (const r of sarifRun.tool.driver.rules) assert.ok(r.help.text.length > 40 && r.help.markdown.length > 40, `${r.id} has help`);
      assert.ok(sarifRun.results.some((result) => result.ruleId === 'owner-team-label' && result.locations[0]?.physicalLocation.artifactLocation.uri === 'messy/.release/release.yaml'));
    });
  });
});
