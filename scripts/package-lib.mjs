// What a .vsix of this extension must and must not hold, shared by `npm run package`
// (scripts/package.mjs refuses to write a package that breaks these rules) and
// test/unit/package.test.ts (which lists the package exactly as vsce does).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The .vsix may be at most this big (bytes on disk, compressed). */
export const BUDGET_BYTES = 600 * 1024;

export function readManifest(root = ROOT) {
  return JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
}

/**
 * `--baseContentUrl` and `--baseImagesUrl` for vsce, from the manifest's `repository`: README
 * links become …/blob/HEAD/<path> and images …/raw/HEAD/<path>, which the Marketplace and
 * Open VSX can show (docs/images/ does not ship).
 */
export function baseUrls(manifest) {
  const url = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  const match = /^(?:git\+)?https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(url ?? '');
  if (!match) throw new Error(`package.json "repository" must be a https://github.com/<owner>/<name> URL (it is ${JSON.stringify(url ?? null)}).`);
  const home = `https://github.com/${match[1]}/${match[2]}`;
  return { baseContentUrl: `${home}/blob/HEAD/`, baseImagesUrl: `${home}/raw/HEAD/` };
}

export function vsixFileName(manifest) {
  return `${manifest.name}-${manifest.version}.vsix`;
}

// Top-level folders and files that may ship; anything else in the package is a mistake.
const ALLOWED = [
  /^package\.json$/,
  /^package\.nls(\.[\w-]+)?\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE(\.txt|\.md)?$/,
  /^dist\/(extension|webview|web\/extension)\.js$/,
  /^dist\/codicons\/(codicon\.(css|ttf)|LICENSE)$/,
  /^media\/.+\.(svg|png|css|md)$/,
  /^schemas\/[\w-]+\.schema\.json$/,
  /^docs\/rules\.md$/,
  /^l10n\/bundle\.l10n(\.[\w-]+)?\.json$/,
];
// The reasons some files must never ship (checked before ALLOWED, for a clearer message).
const FORBIDDEN = [
  [/(^|\/)node_modules\//, 'node_modules (the bundles hold every dependency)'],
  [/^(src|webview|test|scripts|bench|examples|packages)\//, 'sources, tests, scripts or examples'],
  [/^dist\/test\//, 'the integration test bundles'],
  [/\.map$/, 'a source map'],
  [/\.(ts|mts|cts|tsx)$/, 'TypeScript source'],
  [/^docs\/images\//, 'README screenshots (the Marketplace loads them from the repository)'],
  [/\.vsix$/, 'a package inside the package'],
  [/^\./, 'a dotfile'],
];

/**
 * The files the installed extension opens, found from the manifest and the extension's code:
 * `main`, every path the manifest names (icons, yamlValidation schemas, walkthrough media, …),
 * the l10n bundle, every `extensionUri`-relative path built from literals in src/extension, and
 * the files those stylesheets load (`url(...)`).
 */
export function requiredFiles(manifest, root = ROOT) {
  const required = new Map(); // path -> why
  const add = (file, why) => {
    const normal = path.posix.normalize(file.replace(/^\.\//, ''));
    if (!required.has(normal)) required.set(normal, why);
  };
  add(manifest.main, '"main"');
  if (manifest.browser) add(manifest.browser, '"browser"');
  add('package.json', 'the manifest');
  add('README.md', 'the Marketplace page');
  add('CHANGELOG.md', 'the Marketplace page');
  add('LICENSE', '"license"');
  // The icon font ships with its own license (CC BY 4.0), which asks for it in every copy.
  add('dist/codicons/LICENSE', 'the codicons font\'s license');
  if (manifest.l10n) add(`${manifest.l10n}/bundle.l10n.json`, '"l10n"');
  if (existsSync(path.join(root, 'package.nls.json'))) add('package.nls.json', 'the manifest\'s %keys%');
  for (const file of readdirSync(path.join(root, 'schemas'))) if (file.endsWith('.schema.json')) add(`schemas/${file}`, 'schemas/');

  // Every string in the manifest (outside build-only keys) that names a file of this checkout.
  const buildOnly = new Set(['scripts', 'bin', 'files', 'dependencies', 'devDependencies', 'engines', 'repository', 'homepage', 'bugs']);
  const visit = (value, where) => {
    if (typeof value === 'string') {
      const candidate = value.replace(/^\.\//, '');
      if (/^[\w.-]+(\/[\w.-]+)*\.\w+$/.test(candidate) && isFile(path.join(root, candidate))) add(candidate, where);
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${where}[${index}]`));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, `${where}.${key}`);
  };
  for (const [key, value] of Object.entries(manifest)) if (!buildOnly.has(key)) visit(value, key);

  // Paths the extension builds from its own install folder: joinPath(…extensionUri, 'a', 'b')
  // and the dashboard's asset('a', 'b').
  for (const file of walk(path.join(root, 'src', 'extension'))) {
    if (!file.endsWith('.ts')) continue;
    const code = readFileSync(file, 'utf8');
    const calls = /(?:joinPath\(\s*[\w.]*[eE]xtensionUri\s*,|\basset\()\s*((?:'[^']*'\s*,?\s*)+)\)/g;
    for (const match of code.matchAll(calls)) {
      const parts = [...match[1].matchAll(/'([^']*)'/g)].map((part) => part[1]);
      const target = parts.join('/');
      if (/\.\w+$/.test(target)) add(target, path.relative(root, file));
    }
  }

  // What the shipped stylesheets load.
  for (const [file] of [...required]) {
    if (!file.endsWith('.css') || !isFile(path.join(root, file))) continue;
    for (const match of readFileSync(path.join(root, file), 'utf8').matchAll(/url\(\s*["']?([^"')?#]+)/g)) {
      if (/^(data:|https?:|\/)/.test(match[1])) continue;
      add(path.posix.join(path.posix.dirname(file), match[1]), file);
    }
  }
  return required;
}

/** Problems of a package listing (paths relative to the extension root): files that should not be there, or are missing. */
export function packageProblems(files, manifest, root = ROOT) {
  const problems = [];
  const present = new Set(files);
  for (const file of files) {
    const forbidden = FORBIDDEN.find(([pattern]) => pattern.test(file));
    if (forbidden) problems.push(`${file} should not ship: ${forbidden[1]}`);
    else if (!ALLOWED.some((pattern) => pattern.test(file))) problems.push(`${file} should not ship: nothing in the installed extension uses it (or add it to scripts/package-lib.mjs and .vscodeignore)`);
  }
  for (const [file, why] of requiredFiles(manifest, root)) {
    const shipped = present.has(file) || (file === 'LICENSE' && (present.has('LICENSE.txt') || present.has('LICENSE.md')));
    if (!shipped) problems.push(`${file} is missing (needed by ${why})`);
  }
  return problems;
}

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/**
 * The entries of a zip file (a .vsix), read from its central directory: name, sizes, and a
 * `read()` that inflates the entry. Enough for vsce's output (no zip64, no encryption).
 */
export function readZip(buffer) {
  const endOfCentralDirectory = 0x06054b50;
  let end = -1;
  for (let offset = buffer.length - 22; offset >= Math.max(0, buffer.length - 22 - 0xffff); offset--) {
    if (buffer.readUInt32LE(offset) === endOfCentralDirectory) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip file (no end of central directory)');
  const count = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  const entries = [];
  for (let index = 0; index < count; index++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error(`zip central directory entry ${index} is damaged`);
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const localHeader = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    const read = () => {
      const start = localHeader + 30 + buffer.readUInt16LE(localHeader + 26) + buffer.readUInt16LE(localHeader + 28);
      const data = buffer.subarray(start, start + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`${name}: unsupported zip compression method ${method}`);
    };
    entries.push({ name, size, compressedSize, read });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// vsce stores README.md and CHANGELOG.md as readme.md and changelog.md, and LICENSE as LICENSE.txt.
const VSCE_RENAMES = new Map([
  ['readme.md', 'README.md'],
  ['changelog.md', 'CHANGELOG.md'],
]);

/** The extension's files in a .vsix, relative to its `extension/` folder, under their names in the checkout. */
export function vsixExtensionFiles(entries) {
  return entries
    .filter((entry) => entry.name.startsWith('extension/'))
    .map((entry) => entry.name.slice('extension/'.length))
    .map((file) => VSCE_RENAMES.get(file) ?? file);
}
