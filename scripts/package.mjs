// `npm run package [-- --out <file.vsix>]`: builds minified bundles and writes
// release-plan-<version>.vsix with @vscode/vsce, offline (no npm or network lookups: the bundles
// hold every dependency, so vsce runs with dependencies: false). README links and images point
// at the repository (`--baseContentUrl`/`--baseImagesUrl` from package.json "repository").
// Then it lists what is in the file, and fails on a package over budget or one that lacks a
// file the installed extension needs or holds one it should not (scripts/package-lib.mjs).
// `--no-build` packages dist/ as it is (test/unit/package.test.ts uses it on the development
// build; the size budget is then only reported, as those bundles are not minified).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createVSIX } from '@vscode/vsce';
import { BUDGET_BYTES, ROOT, baseUrls, packageProblems, readManifest, readZip, vsixExtensionFiles, vsixFileName } from './package-lib.mjs';

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

let options;
try {
  ({ values: options } = parseArgs({ options: { out: { type: 'string' }, 'no-build': { type: 'boolean' } } }));
} catch (error) {
  fail(`${error.message}. Usage: npm run package [-- --out <file.vsix>] [--no-build]`);
}
const build = !options['no-build'];
const manifest = readManifest();
let urls;
try {
  urls = baseUrls(manifest);
} catch (error) {
  fail(error.message);
}
const out = path.resolve(options.out ?? path.join(ROOT, vsixFileName(manifest)));

let started = Date.now();
if (build) {
  const result = spawnSync(process.execPath, ['esbuild.config.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) fail('the production build failed (see above).');
  console.log(`built minified bundles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  started = Date.now();
}

try {
  mkdirSync(path.dirname(out), { recursive: true });
  await createVSIX({ cwd: ROOT, packagePath: out, dependencies: false, ...urls });
} catch (error) {
  fail(`vsce could not package the extension: ${error instanceof Error ? error.message : error}`);
}

// What is really in the file (vsce's own list, `npx vsce ls --no-dependencies`, is the same set
// plus vsce's extension.vsixmanifest and [Content_Types].xml).
const size = statSync(out).size;
const entries = readZip(readFileSync(out));
console.log(`\n${path.relative(process.cwd(), out) || out}:`);
for (const entry of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
  console.log(`  ${entry.name.padEnd(48)} ${kb(entry.size).padStart(10)} ${kb(entry.compressedSize).padStart(10)} zipped`);
}
const unpacked = entries.reduce((sum, entry) => sum + entry.size, 0);
console.log(`${entries.length} files, ${kb(size)} (${kb(unpacked)} unpacked), budget ${kb(BUDGET_BYTES)}; packaged in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const problems = packageProblems(vsixExtensionFiles(entries), manifest);
if (size > BUDGET_BYTES) {
  const over = `the package is ${kb(size)}, over the budget of ${kb(BUDGET_BYTES)}`;
  if (build) problems.push(over);
  else console.log(`note: ${over} (with --no-build, dist/ may hold unminified bundles)`);
}
if (problems.length > 0) fail(`the package is not right:\n  - ${problems.join('\n  - ')}`);
