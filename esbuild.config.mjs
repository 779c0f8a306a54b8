// Builds the bundles: the extension (node, vscode external), the CLI (node), its MCP server and the
// dashboard webview (browser), plus the integration test suite and its companion extension
// (test/integration; see scripts/testbed). `--watch` rebuilds on change; `--production` minifies.
// The GitHub Action's bundle (action/index.js, committed) is built by `npm run build:action` only.
import * as esbuild from 'esbuild';
import { zodEnglishOnly, zodWithoutJsonSchema } from './scripts/build/zod-english-only.mjs';
import { copyFileSync, mkdirSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { WEB_BUDGET_BYTES, checkWebBundleFile } from './scripts/check-web-bundle.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--only=cli,action` builds only the named bundles (see `name` below); `--outdir=DIR` writes the
// one selected bundle to DIR instead (scripts/pack-cli.mjs stages the npm package with it, and
// test/unit/action.test.ts rebuilds the action to compare it with the committed file). The action's
// bundle is committed, so it is built only when named (`npm run build:action`): a plain build,
// which CI runs before the tests, never rewrites it.
const flag = (name) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(`--${name}=`.length);
const only = flag('only')?.split(',');
const outdirFlag = flag('outdir');
// `release-plan --version` prints this, fixed at build time (the bundle has no package.json next to it).
const { version, dependencies = {} } = JSON.parse(readFileSync('package.json', 'utf8'));

// Every shipped bundle holds third-party code: the extension, the CLI and the action the runtime
// dependencies (yaml, zod), the dashboard @vscode-elements and lit. Their licenses ask for their
// notices in every copy, so each bundle ends with them.
// The MCP server's bundle (dist/mcp.js) holds the SDK and what it bundles besides the runtime dependencies.
const MCP_PACKAGES = ['@modelcontextprotocol/sdk', 'ajv', 'ajv-formats', 'fast-deep-equal', 'fast-uri', 'json-schema-traverse', 'zod-to-json-schema'];
const WEBVIEW_PACKAGES = ['@vscode-elements/elements', '@lit/context', '@lit/reactive-element', 'lit', 'lit-element', 'lit-html'];
function thirdPartyNotices(names = Object.keys(dependencies)) {
  const notices = [...names]
    .sort()
    .map((name) => {
      const { version: used, license } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8'));
      const text = readFileSync(`node_modules/${name}/LICENSE`, 'utf8').trim().replace(/\*\//g, '* /');
      return `${name} ${used} (${license}):\n\n${text}`;
    });
  return `/*! Bundled third-party code and its licenses.\n\n${notices.join('\n\n')}\n*/`;
}
const cliDefine = {
  RELEASE_PLAN_VERSION: JSON.stringify(version),
  // The CLI installed alone (npm) has no docs/ next to it: SARIF's rule help is read from this copy.
  RELEASE_PLAN_RULES_DOC: JSON.stringify(readFileSync('docs/rules.md', 'utf8')),
};

const common = {
  plugins: [zodEnglishOnly],
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  charset: 'utf8',
};

// Integration suite: one output file per source file, so that the suite's index.ts (its `run()`)
// finds the compiled `*.test.js` files next to it. mocha stays external: it is resolved from this
// checkout's node_modules at run time, by @vscode/test-electron and by the test companion alike.
const suiteDir = 'test/integration/suite';
const suiteEntries = existsSync(suiteDir)
  ? Object.fromEntries(
      readdirSync(suiteDir)
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
        .map((file) => [file.slice(0, -'.ts'.length), `${suiteDir}/${file}`]),
    )
  : {};

// After each build of the web bundle: its no-Node check (a violation fails the build), and its
// minified size against the budget (reported; see README "In the browser").
function webBundleCheck() {
  return {
    name: 'web-bundle-check',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        const file = `${build.initialOptions.outdir}/extension.js`;
        const problems = checkWebBundleFile(file);
        for (const problem of problems) console.error(`✘ ${problem}`);
        if (problems.length > 0) {
          console.error('✘ The web bundle must not need Node (scripts/check-web-bundle.mjs).');
          process.exitCode = 1;
        }
        if (production) {
          const bytes = statSync(file).size;
          const over = bytes > WEB_BUDGET_BYTES;
          console[over ? 'warn' : 'log'](`${over ? '▲ ' : ''}${file}: ${(bytes / 1024).toFixed(1)} KB minified, budget ${WEB_BUDGET_BYTES / 1024} KB${over ? ' — over budget' : ''}`);
        }
      });
    },
  };
}

const builds = [
  {
    ...common,
    name: 'extension',
    entryPoints: { extension: 'src/extension/extension.ts' },
    plugins: [zodEnglishOnly, zodWithoutJsonSchema],
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    footer: { js: thirdPartyNotices() },
  },
  {
    // The web entry (package.json `browser`): the same extension for a browser web worker
    // (vscode.dev, github.dev). One CommonJS file, `vscode` external; on platform `browser` the
    // `yaml` package resolves to its browser build. Nothing from Node may be in it: after every
    // build scripts/check-web-bundle.mjs fails on `require("fs")`, `process.`, `Buffer` and the like.
    ...common,
    name: 'web',
    entryPoints: { extension: 'src/extension/web.ts' },
    plugins: [zodEnglishOnly, zodWithoutJsonSchema, webBundleCheck()],
    outdir: 'dist/web',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    footer: { js: thirdPartyNotices() },
  },
  {
    ...common,
    name: 'cli',
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    footer: { js: thirdPartyNotices() },
    define: cliDefine,
  },
  {
    // `release-plan mcp`: the MCP server with its SDK, its own file next to dist/cli.js, which
    // loads it only for that command (the SDK would triple the CLI bundle).
    ...common,
    name: 'mcp',
    entryPoints: { mcp: 'src/cli/mcp.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    footer: { js: thirdPartyNotices([...Object.keys(dependencies), ...MCP_PACKAGES]) },
    define: cliDefine,
  },
  {
    // The GitHub Action (action.yml): the CLI and src/action in one committed file, the same
    // whatever the mode (no source map, minified), so a rebuild can be compared with it.
    ...common,
    name: 'action',
    namedOnly: true,
    entryPoints: { index: 'src/action/index.ts' },
    outdir: 'action',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: false,
    minify: true,
    footer: { js: thirdPartyNotices() },
    // src/cli/main.ts runs itself when it is the main module; inside the action it is a library.
    define: { ...cliDefine, 'require.main': 'undefined' },
  },
  {
    ...common,
    name: 'webview',
    entryPoints: { webview: 'webview/src/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    footer: { js: thirdPartyNotices(WEBVIEW_PACKAGES) },
  },
  {
    ...common,
    sourcemap: true,
    minify: false,
    name: 'test-suite',
    entryPoints: suiteEntries,
    outdir: 'dist/test/integration/suite',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
  },
  {
    ...common,
    sourcemap: true,
    minify: false,
    name: 'test-companion',
    entryPoints: { extension: 'test/integration/companion/src/extension.ts' },
    outdir: 'dist/test/integration/companion',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    footer: { js: thirdPartyNotices() },
  },
  {
    // The web test bed's companion (scripts/testbed/web.mjs): the web subset of the suite bundled in,
    // for the web worker extension host.
    ...common,
    sourcemap: false,
    minify: false,
    name: 'web-test-companion',
    entryPoints: { extension: 'test/integration/web/companion.ts' },
    outdir: 'dist/test/integration/web-companion',
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    footer: { js: thirdPartyNotices() },
  },
]
  .filter(({ name, namedOnly }) => (only ? only.includes(name) : !namedOnly))
  .filter((options) => Object.keys(options.entryPoints).length > 0)
  .filter((options) => Object.values(options.entryPoints).every((entry) => existsSync(entry)))
  .map(({ name: _name, namedOnly: _namedOnly, ...options }) => (outdirFlag ? { ...options, outdir: outdirFlag } : options));
if ((outdirFlag && !only) || (only && (builds.length !== only.length || (outdirFlag && builds.length !== 1)))) {
  console.error(`esbuild.config.mjs: --only=${only?.join(',') ?? ''} must name bundles that exist (extension, web, cli, mcp, webview, action, test-suite, test-companion, web-test-companion)${outdirFlag ? ', one with --outdir' : ''}.`);
  process.exit(2);
}

// The dashboard loads the codicon font from the extension's own files (no node_modules at run time).
function copyCodicons() {
  const from = 'node_modules/@vscode/codicons/dist';
  if (!existsSync(from)) return;
  mkdirSync('dist/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`${from}/${file}`, `dist/codicons/${file}`);
  // The icon font's license (CC BY 4.0) travels with it.
  copyFileSync('node_modules/@vscode/codicons/LICENSE', 'dist/codicons/LICENSE');
}
if (!only || only.includes('webview')) copyCodicons();

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
