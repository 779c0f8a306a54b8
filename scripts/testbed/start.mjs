#!/usr/bin/env node
// `npm start`: try the extension in a real VS Code without installing VS Code. Builds the extension,
// installs the test bed if missing (install.mjs), and serves VS Code (code-server, on 127.0.0.1
// only) with the extension installed, opened on a copy of examples/messy (or examples/). Prints
// the URL to open in a browser; Ctrl-C stops everything and removes the temp folder.
//
// Options: --in-place   open the repository's example folder itself (edits are kept)
//          --port N     use this port instead of a free one
//          --folder D   open another folder (always in place)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ensureTestbed } from './install.mjs';
import {
  ROOT, codeServerCleanup, freePort, installExtensionFolder, log, makeRunDir,
  removeDir, startCodeServer, withCleanup, writeUserData,
} from './lib.mjs';

const argv = process.argv.slice(2);
const option = (name) => {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
};

const paths = ensureTestbed();
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('[testbed] npm run build failed');
  process.exit(1);
}

await withCleanup(async (register) => {
  const runDir = makeRunDir('release-plan-start-');
  register(async () => removeDir(runDir));

  const extensionsDir = path.join(runDir, 'extensions');
  // RELEASE_PLAN_TESTBED_EXTENSION: serve another extension folder instead of this checkout.
  const extension = installExtensionFolder(path.resolve(process.env.RELEASE_PLAN_TESTBED_EXTENSION || ROOT), extensionsDir);
  const userDataDir = path.join(runDir, 'user-data');
  writeUserData(userDataDir, { 'workbench.startupEditor': 'none' });

  let workspace;
  if (option('--folder')) {
    workspace = path.resolve(option('--folder'));
  } else {
    const examples = path.join(ROOT, 'examples');
    const source = existsSync(path.join(examples, 'messy')) ? path.join(examples, 'messy') : examples;
    if (argv.includes('--in-place')) {
      workspace = source;
    } else {
      workspace = path.join(runDir, 'workspace', path.basename(source));
      cpSync(source, workspace, { recursive: true });
    }
  }

  const port = option('--port') ? Number(option('--port')) : await freePort();
  const codeServer = codeServerCleanup(register, port);
  const server = await startCodeServer({
    paths, runDir, port, userDataDir, extensionsDir, workspace,
    onSpawn: codeServer.onSpawn,
  });

  const url = `${server.url}?folder=${encodeURIComponent(workspace)}`;
  console.log('');
  console.log(`  VS Code (code-server) with ${extension.id} ${extension.version}, on ${workspace}`);
  console.log(`  Open: ${url}`);
  console.log('  Ctrl-C stops it.');
  console.log('');
  const exit = await server.exited; // until Ctrl-C (handled by withCleanup) or code-server exits
  log(`code-server exited (${JSON.stringify(exit)})`);
});
