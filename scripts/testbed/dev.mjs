#!/usr/bin/env node
// `npm run dev`: build, then open desktop VS Code (`code` on PATH) with this checkout as the
// extension under development, on examples/messy (or examples/). Without `code`, says what to do.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
if (which.status !== 0 || !which.stdout.trim()) {
  console.log('`code` (desktop VS Code) is not on PATH. Use `npm start` to try the extension in VS Code in a browser,');
  console.log('or install VS Code and its `code` command, then run `npm run dev` again.');
  process.exit(1);
}
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const examples = path.join(ROOT, 'examples');
const folder = existsSync(path.join(examples, 'messy')) ? path.join(examples, 'messy') : examples;
console.log(`code --extensionDevelopmentPath=${ROOT} ${folder}`);
spawn('code', [`--extensionDevelopmentPath=${ROOT}`, folder], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
