// Builds the three bundles: the extension (node, vscode external), the CLI (node) and the
// dashboard webview (browser), plus the integration test suite and its companion extension
// (test/integration; see scripts/testbed). `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { zodEnglishOnly, zodWithoutJsonSchema } from './scripts/build/zod-english-only.mjs';
import { copyFileSync, mkdirSync, existsSync, readdirSync, readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `release-plan --version` prints this, fixed at build time (the bundle has no package.json next to it).
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

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

const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension/extension.ts' },
    plugins: [zodEnglishOnly, zodWithoutJsonSchema],
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    define: { RELEASE_PLAN_VERSION: JSON.stringify(version) },
  },
  {
    ...common,
    entryPoints: { webview: 'webview/src/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    ...common,
    sourcemap: true,
    minify: false,
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
    entryPoints: { extension: 'test/integration/companion/src/extension.ts' },
    outdir: 'dist/test/integration/companion',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
].filter((options) => Object.keys(options.entryPoints).length > 0).filter((options) => Object.values(options.entryPoints).every((entry) => existsSync(entry)));

// The dashboard loads the codicon font from the extension's own files (no node_modules at run time).
function copyCodicons() {
  const from = 'node_modules/@vscode/codicons/dist';
  if (!existsSync(from)) return;
  mkdirSync('dist/codicons', { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`${from}/${file}`, `dist/codicons/${file}`);
}
copyCodicons();

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
