// Shared pieces of the code-server test bed (run.mjs, start.mjs): lay out an extensions dir and a
// user-data-dir, start code-server on loopback in its own process group, and stop everything.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Headless Chromium's flags for the test beds (scripts/testbed/run.mjs and web.mjs). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function log(message) {
  console.log(`[testbed] ${message}`);
}

export function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** A fresh temp folder for one run (removed by `cleanup`). */
export function makeRunDir(prefix = 'release-plan-testbed-') {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function readManifest(dir = ROOT) {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

/** The manifest as the workbench shows it: every `%key%` replaced from package.nls.json (English). */
export function displayManifest(dir = ROOT) {
  const nlsFile = path.join(dir, 'package.nls.json');
  const nls = existsSync(nlsFile) ? JSON.parse(readFileSync(nlsFile, 'utf8')) : {};
  const resolve = (value) => {
    if (typeof value === 'string') return value.replace(/^%([^%]+)%$/, (whole, key) => nls[key] ?? whole);
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  return resolve(readManifest(dir));
}

/**
 * Copies an extension (its package.json and the folders it needs at run time) into
 * `<extensionsDir>/<publisher>.<name>-<version>/`, the layout VS Code scans. Returns that folder.
 */
// docs/rules.md is in the package (.vscodeignore) for the hovers' links and the Language Model Tools' rule docs.
export function installExtensionFolder(sourceDir, extensionsDir, parts = ['dist', 'media', 'schemas', 'l10n', 'docs/rules.md'], extra = []) {
  const manifest = readManifest(sourceDir);
  const id = `${manifest.publisher}.${manifest.name}`;
  const target = path.join(extensionsDir, `${id}-${manifest.version}`);
  mkdirSync(target, { recursive: true });
  writeFileSync(path.join(target, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const part of [...parts, 'README.md', 'CHANGELOG.md', 'LICENSE', 'package.nls.json']) {
    const from = path.join(sourceDir, part);
    if (!existsSync(from)) continue;
    mkdirSync(path.dirname(path.join(target, part)), { recursive: true });
    cpSync(from, path.join(target, part), { recursive: true });
  }
  for (const { from, to } of extra) cpSync(from, path.join(target, to), { recursive: true });
  if (manifest.main) {
    const main = path.resolve(target, manifest.main);
    const candidates = [main, `${main}.js`];
    if (!candidates.some((file) => existsSync(file))) {
      throw new Error(`${id}: its main ${manifest.main} was not found after the copy (did the build produce it?)`);
    }
  }
  return { id, version: manifest.version, manifest, dir: target };
}

/**
 * Installs a packaged extension the way a user does, with VS Code's own installer:
 * `code-server --extensions-dir E --install-extension file.vsix` (works offline), into a folder of
 * its own, then moves the folder it created into `extensionsDir` — the installer also writes an
 * extensions.json there, and VS Code would then load only what that lists (not the companion).
 * What the package lacks, the installed folder lacks too.
 */
export async function installVsix({ paths, runDir, vsix, extensionsDir }) {
  mkdirSync(extensionsDir, { recursive: true });
  const installDir = path.join(runDir, `vsix-install-${path.basename(extensionsDir)}-${Date.now()}`);
  const { spawnSync } = await import('node:child_process');
  const ran = spawnSync(paths.node, [paths.codeServerEntry, '--extensions-dir', installDir, '--user-data-dir', path.join(runDir, 'install-user-data'), '--install-extension', vsix], {
    cwd: runDir,
    env: codeServerEnv(paths, runDir, {}),
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${ran.stdout ?? ''}${ran.stderr ?? ''}`;
  if (ran.status !== 0 || !/successfully installed/i.test(output)) throw new Error(`installing ${vsix} failed (exit ${ran.status}):\n${output.trim()}`);
  const { readdirSync } = await import('node:fs');
  const folder = readdirSync(installDir).find((name) => /^release-plan\.release-plan-\d/.test(name));
  if (!folder) throw new Error(`${vsix} was installed, but no release-plan.release-plan-* folder is in ${installDir}`);
  const dir = path.join(extensionsDir, folder);
  cpSync(path.join(installDir, folder), dir, { recursive: true });
  rmSync(installDir, { recursive: true, force: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return { id: `${manifest.publisher}.${manifest.name}`, version: manifest.version, manifest, dir };
}

/** User settings that keep the workbench quiet and offline. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.secondarySideBar.showLabels': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'npm.fetchOnlinePackageInfo': false,
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'editor.accessibilitySupport': 'off',
  'accessibility.signals.sounds.volume': 0,
  'remote.autoForwardPorts': false, // no "Ports 1" badge from the servers tests start
};

export function writeUserData(userDataDir, extraSettings = {}) {
  const user = path.join(userDataDir, 'User');
  mkdirSync(user, { recursive: true });
  writeFileSync(path.join(user, 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extraSettings }, null, 2));
}

/** A port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port. */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => {
      request.destroy();
      resolve(0);
    });
  });
}

function processGroupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** SIGTERM to a whole process group, then SIGKILL after `graceMs`. Resolves when it is gone. */
export async function stopProcessGroup(pid, graceMs = 5000) {
  if (!pid || !processGroupAlive(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {}
  const deadline = Date.now() + graceMs;
  while (processGroupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (processGroupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {}
    while (processGroupAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  }
}

/** Synchronous last resort (for process 'exit'): SIGKILL the group. */
export function killProcessGroupSync(pid) {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {}
}

/**
 * The cleanup of a code-server about to be started on `port`, registered (with `withCleanup`'s
 * `register`) before the start, so a Ctrl-C while it starts up still stops it. Give `onSpawn` to
 * `startCodeServer`; `stop()` stops it early (the cleanup then has nothing left to do) and says
 * whether the port is free again (its log line names `label`); with `failIfBound`, a port still
 * bound fails the run.
 */
export function codeServerCleanup(register, port, { failIfBound = false, label = 'code-server' } = {}) {
  let pid;
  const stop = async () => {
    if (!pid) return;
    const stopped = pid;
    pid = undefined;
    await stopProcessGroup(stopped);
    const free = await portIsFree(port);
    log(`${label} stopped (process group ${stopped}); port ${port} ${free ? 'is free' : 'IS STILL BOUND'}`);
    if (!free && failIfBound) process.exitCode = 1;
  };
  register(stop, () => killProcessGroupSync(pid));
  return { onSpawn: (spawned) => { pid = spawned; }, stop };
}

/** The environment for code-server: Node 24 first on PATH, no VS Code variables of a parent VS Code. */
function codeServerEnv(paths, runDir, extraEnv) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Inside a VS Code / code-server terminal these would make code-server hand the folder over to
    // the outer instance instead of starting its own.
    if (key.startsWith('VSCODE_') || key.startsWith('ELECTRON_') || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  env.PATH = `${paths.nodeBinDir}${path.delimiter}${process.env.PATH}`;
  env.XDG_CONFIG_HOME = path.join(runDir, 'xdg-config');
  env.XDG_DATA_HOME = path.join(runDir, 'xdg-data');
  return { ...env, ...extraEnv };
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group and waits until it answers.
 * `onSpawn(pid)` is called right after the spawn, so a Ctrl-C while waiting can still stop it.
 * Returns { pid, port, url, logFile, exited (a promise), isRunning(), stop() }.
 */
export async function startCodeServer({ paths, runDir, port, userDataDir, extensionsDir, workspace, env = {}, logToConsole = false, timeoutMs = 60_000, onSpawn = () => {}, trust = false, name = 'code-server', args: extraArgs = [] }) {
  const configFile = path.join(runDir, `${name}.yaml`);
  writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    paths.codeServerEntry,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    // `trust: true` keeps Workspace Trust on, so a folder opens in Restricted Mode (the restricted pass).
    ...(trust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...extraArgs,
    workspace,
  ];
  const logFile = path.join(runDir, `${name}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(paths.node, args, {
    cwd: runDir,
    env: codeServerEnv(paths, runDir, env),
    detached: true, // own process group: stop() kills code-server and everything it started
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  onSpawn(pid); // lets the caller register its cleanup before we wait for the server
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      out.write(chunk);
      if (logToConsole) process.stdout.write(chunk);
    });
  }
  let exitInfo;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
    child.on('error', (error) => {
      exitInfo = { error };
      resolve(exitInfo);
    });
  });
  const stop = async () => {
    await stopProcessGroup(pid);
    await new Promise((resolve) => out.end(resolve));
  };
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitInfo) {
      await stop();
      throw new Error(`code-server exited before it answered (${JSON.stringify(exitInfo)}); log:\n${tail(logFile)}`);
    }
    if ((await httpStatus(`${url}healthz`)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s; log:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { pid, port, url, logFile, exited, isRunning: () => !exitInfo, stop };
}

export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function removeDir(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch (error) {
    log(`could not remove ${dir}: ${error.message}`);
  }
}

/**
 * Runs `work(register)` and always runs the registered cleanups (last first) afterwards: on
 * success, on error, on SIGINT/SIGTERM/SIGHUP. `register(fn, syncFn)`: `fn` is the async cleanup,
 * `syncFn` an optional synchronous last resort used if the process exits without the async path.
 * Resolves with the exit code `work` returned.
 */
export async function withCleanup(work) {
  const cleanups = [];
  const register = (fn, syncFn) => cleanups.push({ fn, syncFn, done: false });
  let cleaning;
  const cleanup = () => {
    cleaning ??= (async () => {
      for (const entry of [...cleanups].reverse()) {
        if (entry.done) continue;
        try {
          await entry.fn();
        } catch (error) {
          log(`cleanup step failed: ${error.message}`);
        }
        entry.done = true;
      }
    })();
    return cleaning;
  };
  const onExit = () => {
    for (const entry of cleanups) if (!entry.done && entry.syncFn) entry.syncFn();
  };
  const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  const handlers = {};
  for (const [signal, code] of Object.entries(signals)) {
    handlers[signal] = () => {
      log(`${signal}: stopping everything`);
      cleanup().finally(() => process.exit(code));
    };
    process.on(signal, handlers[signal]);
  }
  process.on('exit', onExit);
  // If whoever started us dies (e.g. `npm run` killed with SIGTERM), we are re-parented: stop too,
  // rather than leave code-server running.
  const parent = process.ppid;
  const watchdog = setInterval(() => {
    if (process.ppid === parent) return;
    log('parent process is gone: stopping everything');
    cleanup().finally(() => process.exit(1));
  }, 1000);
  watchdog.unref();
  try {
    return await work(register);
  } finally {
    clearInterval(watchdog);
    await cleanup();
    for (const [signal, handler] of Object.entries(handlers)) process.off(signal, handler);
    process.off('exit', onExit);
  }
}

/**
 * Makes the basic fixture (copied to `dir`) a git repository whose plan has a history, committed at
 * set dates by set authors: Ana Lima started it on 2099-05-04 with T1 and the target 2099-06-08;
 * Bo Chen added T2 and moved the target to 2099-06-15 on 2099-05-20 (the fixture as it is). One
 * move: no plan-churn until a test commits another ("Plan history from git" does, then resets).
 * Returns the two commits, newest last. Throws when git is missing: the in-host suite needs it.
 */
export function makeFixtureRepository(dir) {
  const git = (args, env = {}) => {
    const result = spawnSync('git', ['-c', 'user.name=Release Plan Tests', '-c', 'user.email=tests@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env },
    });
    if (result.error || result.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${dir}: ${result.error?.message ?? result.stderr.trim()}`);
    return result.stdout.trim();
  };
  const commit = (author, email, date, message) => {
    const at = `${date}T10:00:00Z`;
    git(['add', '-A']);
    git(['commit', '-q', '-m', message, `--author=${author} <${email}>`], { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
    return git(['rev-parse', 'HEAD']);
  };
  const release = path.join(dir, '.release', 'release.yaml');
  const final = readFileSync(release, 'utf8');
  const first = final.replace('target: 2099-06-15', 'target: 2099-06-08').replace(/  - id: T2\n[\s\S]*$/, '');
  if (first === final || !first.includes('target: 2099-06-08')) throw new Error('makeFixtureRepository: the basic fixture changed; update its history');
  git(['init', '-q']);
  writeFileSync(release, first);
  const started = commit('Ana Lima', 'ana@example.com', '2099-05-04', 'Start the release plan');
  writeFileSync(release, final);
  const moved = commit('Bo Chen', 'bo@example.com', '2099-05-20', 'Add the download button; move the target a week');
  return [started, moved];
}

/**
 * Runs a test-bed pass (`main` resolves to `{ passed, failed }`), prints the line the harness and
 * CI read ("N passed, M failed") and exits: 1 when anything failed, threw or set an exit code.
 */
export async function exitWithCounts(main) {
  let counts;
  try {
    counts = await main();
  } catch (error) {
    console.error(`[testbed] ERROR: ${error instanceof Error ? error.message : error}`);
    counts = { passed: 0, failed: 1 };
  }
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed > 0 || process.exitCode ? 1 : 0);
}
