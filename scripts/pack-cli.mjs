// `npm run pack:cli [-- --out <dir>]`: the release-plan CLI as an npm package,
// release-plan-cli-<version>.tgz at the repository root (or in <dir>).
//
// The root package.json is the VS Code extension's manifest (private), so the npm package is
// staged in a temporary folder: a minified CLI bundle (dist/cli.js, every dependency inside, so
// the package has none), the MCP server's minified bundle next to it (dist/mcp.js, with the MCP
// SDK inside; `release-plan mcp` loads it, no other command does), schemas/*.schema.json, packages/cli/README.md and the root LICENSE, and
// a package.json made from packages/cli/package.json plus the root's version, license, author,
// repository, homepage and bugs: the extension and the CLI have one version, and one CHANGELOG.md
// at the repository root. `npm pack` then writes the tarball; its file list is printed, and the
// script fails when it holds anything else or lacks one of those files.
// test/unit/cli-package.test.ts runs this, installs the tarball offline and runs `npx release-plan`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGE_DIR = path.join(ROOT, 'packages/cli');
/** Keys of the npm package that come from the root package.json, the one place they are kept. */
export const FROM_ROOT = ['version', 'license', 'author', 'repository', 'homepage', 'bugs'];

/** A reason to stop, said in one line (the staging folder is removed first). */
class PackError extends Error {}
function fail(message) {
  throw new PackError(message);
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The package.json that goes into the tarball. */
export function cliManifest(root = readJson(path.join(ROOT, 'package.json')), cli = readJson(path.join(PACKAGE_DIR, 'package.json'))) {
  const { '//': _comment, ...own } = cli;
  const clash = FROM_ROOT.filter((key) => key in own);
  if (clash.length > 0) throw new Error(`packages/cli/package.json must not set ${clash.join(', ')}: they come from the root package.json`);
  const inherited = Object.fromEntries(FROM_ROOT.filter((key) => root[key] !== undefined).map((key) => [key, root[key]]));
  return { name: own.name, ...inherited, ...own };
}

/** The files the tarball must hold, exactly. */
export function expectedFiles(schemas = readdirSync(path.join(ROOT, 'schemas')).filter((file) => file.endsWith('.schema.json'))) {
  return ['LICENSE', 'README.md', 'dist/cli.js', 'dist/mcp.js', 'package.json', ...schemas.map((file) => `schemas/${file}`)].sort();
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.error) fail(`${command} could not be started: ${result.error.message}`);
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (exit ${result.status}; see above).`);
  return result.stdout;
}

function main() {
  let options;
  try {
    ({ values: options } = parseArgs({ options: { out: { type: 'string' } } }));
  } catch (error) {
    fail(`${error.message}. Usage: npm run pack:cli [-- --out <dir>]`);
  }
  const out = path.resolve(options.out ?? ROOT);
  let manifest;
  try {
    manifest = cliManifest();
  } catch (error) {
    fail(error.message);
  }
  for (const file of ['LICENSE', 'packages/cli/README.md']) {
    if (!existsSync(path.join(ROOT, file))) fail(`${file} is missing: the package ships it.`);
  }

  const stage = mkdtempSync(path.join(tmpdir(), 'release-plan-pack-'));
  try {
    const started = Date.now();
    // The CLI bundle and the MCP server's, minified, straight into the staging folder (dist/ is left as it is).
    for (const bundle of ['cli', 'mcp']) {
      const built = spawnSync(process.execPath, ['esbuild.config.mjs', '--production', `--only=${bundle}`, `--outdir=${path.join(stage, 'dist')}`], { cwd: ROOT, stdio: 'inherit' });
      if (built.status !== 0) fail(`the production build of ${bundle === 'cli' ? 'the CLI' : 'the MCP server'} failed (see above).`);
    }
    mkdirSync(path.join(stage, 'schemas'));
    for (const file of readdirSync(path.join(ROOT, 'schemas')).filter((name) => name.endsWith('.schema.json'))) {
      copyFileSync(path.join(ROOT, 'schemas', file), path.join(stage, 'schemas', file));
    }
    copyFileSync(path.join(PACKAGE_DIR, 'README.md'), path.join(stage, 'README.md'));
    copyFileSync(path.join(ROOT, 'LICENSE'), path.join(stage, 'LICENSE'));
    writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

    mkdirSync(out, { recursive: true });
    // No scripts run, nothing is fetched: the staged package has no dependencies.
    const packed = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--offline', '--pack-destination', out], stage))[0];
    const tarball = path.join(out, packed.filename);

    console.log(`\n${path.relative(process.cwd(), tarball) || tarball}:`);
    for (const file of packed.files) console.log(`  ${file.path.padEnd(36)} ${kb(file.size).padStart(10)}`);
    console.log(`${packed.entryCount} files, ${kb(packed.size)} (${kb(packed.unpackedSize)} unpacked); packed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const files = packed.files.map((file) => file.path).sort();
    const expected = expectedFiles();
    const extra = files.filter((file) => !expected.includes(file));
    const missing = expected.filter((file) => !files.includes(file));
    if (extra.length > 0 || missing.length > 0) {
      fail(`the package is not right:${extra.map((file) => `\n  - holds ${file}`).join('')}${missing.map((file) => `\n  - lacks ${file}`).join('')}`);
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    console.error(`pack:cli: ${error.message}`);
    process.exitCode = 1;
  }
}
