import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { listFiles, PackageManager } from '@vscode/vsce';
import { baseUrls, packageProblems, readManifest, readZip, requiredFiles, vsixExtensionFiles } from '../../scripts/package-lib.mjs';

/**
 * The .vsix as vsce makes it: the file list vsce would package (its own `listFiles`, as
 * `vsce ls --no-dependencies` prints it), and a package really built into a temp folder by
 * `scripts/package.mjs --no-build` from the current dist/ (about 2 s; `npm run test:unit` builds
 * dist/ first). A file the installed extension opens but the package lacks fails here, not in a
 * user's VS Code.
 */
const ROOT = resolve(__dirname, '../..');
const manifest = readManifest(ROOT);
const BUILD_HINT = ' (dist/ is made by `npm run build`; `npm run test:unit` runs it first)';

/** What the dashboard, the diagnostics and the manifest open from the install folder, named here once more by hand. */
const MUST_SHIP = [
  'package.json',
  'package.nls.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'dist/extension.js',
  'dist/web/extension.js',
  'dist/webview.js',
  'dist/codicons/codicon.css',
  'dist/codicons/codicon.ttf',
  'docs/rules.md',
  'l10n/bundle.l10n.json',
  'media/release.svg',
  'media/dashboard.css',
  'media/icon.png',
  'schemas/release.schema.json',
  'schemas/rollback.schema.json',
  'schemas/team.schema.json',
  'schemas/config.schema.json',
  'schemas/checkin.schema.json',
  'schemas/review.schema.json',
  'schemas/gonogo.schema.json',
];

function pngSize(png: Buffer): { width: number; height: number } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', 'not a PNG file');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the extension package (.vsix)', function () {
  this.timeout(60_000);

  describe('what vsce would package (listFiles, as `vsce ls --no-dependencies`)', () => {
    let files: string[];
    before(async () => {
      files = await listFiles({ cwd: ROOT, packageManager: PackageManager.None });
    });

    it('holds every file the installed extension needs', () => {
      const missing = MUST_SHIP.filter((file) => !files.includes(file));
      assert.deepEqual(missing, [], `missing from the package${BUILD_HINT}`);
    });

    it('holds no sources, tests, maps, node_modules, screenshots or the CLI', () => {
      const unwanted = files.filter((file) => /^(src|webview|test|scripts|bench|examples|packages|node_modules|docs\/images|dist\/test)\/|\.map$|\.tsx?$|^dist\/cli\.js$|^\./.test(file));
      assert.deepEqual(unwanted, []);
    });

    it('has nothing wrong by the rules `npm run package` enforces (required from the manifest and the code, nothing unexpected)', () => {
      assert.deepEqual(packageProblems(files, manifest, ROOT), [], BUILD_HINT);
    });
  });

  describe('the rules (scripts/package-lib.mjs)', () => {
    it('finds the files the extension opens from its manifest, its code and its stylesheets', () => {
      const required = requiredFiles(manifest, ROOT);
      // from the code: asset('dist', 'webview.js'), asset('dist', 'codicons', 'codicon.css'),
      // joinPath(context.extensionUri, 'docs', 'rules.md'); from codicon.css: url("./codicon.ttf")
      for (const file of ['dist/webview.js', 'dist/codicons/codicon.css', 'dist/codicons/codicon.ttf', 'docs/rules.md', 'media/dashboard.css']) {
        assert.ok(required.has(file), `${file} should be required`);
      }
      // from the manifest: main, browser, icons, yamlValidation schemas, l10n
      for (const file of ['dist/extension.js', 'dist/web/extension.js', 'media/icon.png', 'media/release.svg', 'schemas/release.schema.json', 'l10n/bundle.l10n.json']) {
        assert.ok(required.has(file), `${file} should be required`);
      }
      assert.ok(!required.has('dist/cli.js'), 'bin is the CLI package\'s, not the extension\'s');
    });

    it('reports a file that should not ship, and a needed file that is missing', () => {
      const good = [...requiredFiles(manifest, ROOT).keys()];
      assert.deepEqual(packageProblems(good, manifest, ROOT), []);
      const problems = packageProblems(
        [...good.filter((file) => file !== 'dist/codicons/codicon.ttf' && file !== 'dist/webview.js'), 'src/core/engine.ts', 'dist/extension.js.map', 'node_modules/yaml/dist/index.js', 'docs/images/workbench.png', 'test/unit/package.test.ts', 'dist/cli.js', 'coverage/index.html'],
        manifest,
        ROOT,
      );
      const about = (file: string) => problems.filter((problem) => problem.startsWith(`${file} `));
      for (const file of ['src/core/engine.ts', 'dist/extension.js.map', 'node_modules/yaml/dist/index.js', 'docs/images/workbench.png', 'test/unit/package.test.ts', 'dist/cli.js', 'coverage/index.html']) {
        assert.equal(about(file).length, 1, `${file}: ${problems.join('\n')}`);
        assert.match(about(file)[0]!, /should not ship/);
      }
      assert.match(about('dist/codicons/codicon.ttf')[0] ?? '', /is missing \(needed by dist\/codicons\/codicon\.css\)/);
      assert.match(about('dist/webview.js')[0] ?? '', /is missing \(needed by src\/extension\/dashboard\/dashboardPanel\.ts\)/);
      assert.equal(problems.length, 9, problems.join('\n'));
    });

    it('derives the README base URLs from "repository", and refuses one that is not on GitHub', () => {
      assert.deepEqual(baseUrls({ repository: { type: 'git', url: 'https://github.com/release-plan-vscode/release-plan.git' } }), {
        baseContentUrl: 'https://github.com/release-plan-vscode/release-plan/blob/HEAD/',
        baseImagesUrl: 'https://github.com/release-plan-vscode/release-plan/raw/HEAD/',
      });
      assert.deepEqual(baseUrls(manifest), baseUrls({ repository: 'https://github.com/release-plan-vscode/release-plan' }));
      assert.throws(() => baseUrls({}), /"repository" must be a https:\/\/github\.com\/<owner>\/<name> URL \(it is null\)/);
      assert.throws(() => baseUrls({ repository: 'git@example.com:a/b.git' }), /it is "git@example\.com:a\/b\.git"/);
    });
  });

  describe('.vscodeignore (an allowlist)', () => {
    let dir: string;
    after(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('leaves out whatever a new folder or build step adds, and keeps walkthrough media', async () => {
      dir = await mkdtemp(join(tmpdir(), 'release-plan-vscodeignore-'));
      const put = async (file: string, text = 'x') => {
        await mkdir(dirname(join(dir, file)), { recursive: true });
        await writeFile(join(dir, file), text);
      };
      await put('package.json', JSON.stringify({ name: 'x', publisher: 'x', version: '0.0.1', engines: { vscode: '^1.100.0' } }));
      await put('.vscodeignore', readFileSync(join(ROOT, '.vscodeignore'), 'utf8'));
      const kept = ['README.md', 'CHANGELOG.md', 'LICENSE', 'package.nls.json', 'package.nls.de.json', 'dist/extension.js', 'dist/web/extension.js', 'dist/webview.js', 'dist/codicons/codicon.css', 'dist/codicons/codicon.ttf', 'media/icon.png', 'media/walkthrough/plan-dark.svg', 'media/walkthrough/plan.md', 'schemas/release.schema.json', 'docs/rules.md', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json'];
      const dropped = ['dist/cli.js', 'dist/extension.js.map', 'dist/web/extension.js.map', 'dist/test/integration/suite/index.js', 'media/icon-256.png', 'src/extension/extension.ts', 'webview/src/main.ts', 'docs/images/workbench.png', 'docs/ci.md', 'packages/cli/package.json', 'action.yml', '.github/workflows/ci.yml', 'node_modules/yaml/package.json', 'release-plan-0.1.0.vsix', 'coverage/lcov.info', 'tsconfig.json'];
      for (const file of [...kept, ...dropped]) await put(file);
      const files = await listFiles({ cwd: dir, packageManager: PackageManager.None });
      assert.deepEqual([...files].sort(), ['package.json', ...kept].sort());
    });
  });

  describe('a .vsix built by scripts/package.mjs --no-build into a temp folder', () => {
    let dir: string;
    let output: string;
    let entries: ReturnType<typeof readZip>;
    const entry = (name: string) => {
      const found = entries.find((candidate) => candidate.name === name);
      assert.ok(found, `${name} is not in the .vsix (it has: ${entries.map((e) => e.name).join(', ')})`);
      return found;
    };

    before(async function () {
      if (!existsSync(join(ROOT, 'dist', 'extension.js'))) assert.fail(`dist/extension.js is missing${BUILD_HINT}`);
      dir = await mkdtemp(join(tmpdir(), 'release-plan-vsix-'));
      const vsix = join(dir, 'out', 'release-plan.vsix');
      const started = Date.now();
      try {
        ({ stdout: output } = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', 'package.mjs'), '--no-build', '--out', vsix], { cwd: ROOT, env: { ...process.env, GITHUB_ACTIONS: '' } }));
      } catch (error) {
        const failed = error as { stdout?: string; stderr?: string; message: string };
        assert.fail(`scripts/package.mjs failed:\n${failed.stdout ?? ''}\n${failed.stderr ?? failed.message}`);
      }
      // Measured here: ~1 s. Much slower would belong in a CI script of its own, not the unit run.
      assert.ok(Date.now() - started < 30_000, `packaging took ${Date.now() - started} ms`);
      entries = readZip(readFileSync(vsix));
    });
    after(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('holds what the installed extension needs and nothing else', () => {
      const files = vsixExtensionFiles(entries);
      assert.deepEqual(packageProblems(files, manifest, ROOT), []);
      const missing = MUST_SHIP.filter((file) => !files.includes(file) && !(file === 'LICENSE' && files.includes('LICENSE.txt')));
      assert.deepEqual(missing, []);
      assert.deepEqual(
        entries.map((e) => e.name).filter((name) => !name.startsWith('extension/')).sort(),
        ['[Content_Types].xml', 'extension.vsixmanifest'],
      );
    });

    it('ships the files as they are in the checkout (bundles, rules, LICENSE)', () => {
      for (const file of ['dist/extension.js', 'dist/web/extension.js', 'dist/webview.js', 'dist/codicons/codicon.ttf', 'docs/rules.md']) {
        assert.ok(entry(`extension/${file}`).read().equals(readFileSync(join(ROOT, file))), `${file} differs from the checkout's`);
      }
      assert.equal(entry('extension/LICENSE.txt').read().toString('utf8'), readFileSync(join(ROOT, 'LICENSE'), 'utf8'));
      assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} Release Plan contributors\n/);
    });

    it('has a README whose images and links work on the Marketplace (absolute https URLs into the repository)', () => {
      const readme = entry('extension/readme.md').read().toString('utf8');
      const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map((match) => match[1]!);
      assert.ok(images.length >= 1, 'the README shows screenshots');
      for (const image of images) assert.match(image, /^https:\/\/github\.com\/release-plan-vscode\/release-plan\/raw\/HEAD\/docs\/images\/[\w-]+\.png$/);
      const links = [...readme.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)/g)].map((match) => match[1]!);
      const relative = links.filter((link) => !/^(https?:|mailto:|#)/.test(link));
      assert.deepEqual(relative, [], 'relative links would be broken on the Marketplace');
      assert.ok(links.some((link) => link.startsWith('https://github.com/release-plan-vscode/release-plan/blob/HEAD/docs/rules.md')));
      assert.doesNotMatch(readme, /<img\s[^>]*src="(?!https:)/);
    });

    it('names the icon, licence, repository and banner in its manifest, and the icon is 128×128', () => {
      const xml = entry('extension.vsixmanifest').read().toString('utf8');
      assert.match(xml, /<Icon>extension\/media\/icon\.png<\/Icon>/);
      assert.match(xml, /<License>extension\/LICENSE\.txt<\/License>/);
      assert.match(xml, /Links\.Source" Value="https:\/\/github\.com\/release-plan-vscode\/release-plan\.git"/);
      assert.match(xml, /Branding\.Color" Value="#[0-9a-f]{6}"/i);
      assert.match(xml, /Content\.Changelog" Path="extension\/changelog\.md"/);
      assert.deepEqual(pngSize(entry('extension/media/icon.png').read()), { width: 128, height: 128 });
      const packaged = JSON.parse(entry('extension/package.json').read().toString('utf8'));
      assert.equal(packaged.version, manifest.version);
      assert.equal(packaged.engines.vscode, manifest.engines.vscode);
    });

    it('prints the listing, file count and size', () => {
      assert.match(output, /extension\/dist\/extension\.js\s+[\d.]+ KB\s+[\d.]+ KB zipped/);
      const count = /(\d+) files, ([\d.]+) KB \(([\d.]+) KB unpacked\), budget 600\.0 KB/.exec(output);
      assert.ok(count, output);
      assert.equal(Number(count[1]), entries.length);
    });
  });

  it('media/icon-256.png is the same icon at 256×256 (for pages outside VS Code)', () => {
    assert.deepEqual(pngSize(readFileSync(join(ROOT, 'media', 'icon-256.png'))), { width: 256, height: 256 });
    assert.deepEqual(pngSize(readFileSync(join(ROOT, manifest.icon))), { width: 128, height: 128 });
  });

  it('@types/vscode is not newer than engines.vscode (vsce refuses that)', () => {
    const minimum = (range: string | undefined) => {
      const match = /(\d+)\.(\d+)\.(\d+)/.exec(range ?? '');
      assert.ok(match, `not a version range: ${range}`);
      return match.slice(1).map(Number) as [number, number, number];
    };
    const [typesMajor, typesMinor] = minimum(manifest.devDependencies['@types/vscode']);
    const [engineMajor, engineMinor] = minimum(manifest.engines.vscode);
    assert.ok(typesMajor < engineMajor || (typesMajor === engineMajor && typesMinor <= engineMinor), `@types/vscode ${manifest.devDependencies['@types/vscode']} vs engines.vscode ${manifest.engines.vscode}`);
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')).version as string;
    const [installedMajor, installedMinor] = minimum(installed);
    assert.ok(installedMajor === engineMajor && installedMinor <= engineMinor, `installed @types/vscode ${installed} would let the code use API newer than engines.vscode ${manifest.engines.vscode}`);
  });
});

describe('the names users are sent to are ours', () => {
  it('no file points at the unrelated npm package `release-plan` or the GitHub repository release-plan/release-plan', async () => {
    const { execFileSync } = await import('node:child_process');
    const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: join(__dirname, '..', '..'), encoding: 'utf8' }).split('\n').filter((file) => file && !file.startsWith('action/') && file !== 'package-lock.json' && !file.endsWith('.png'));
    const wrong: string[] = [];
    for (const file of tracked) {
      let text: string;
      try {
        text = readFileSync(join(__dirname, '..', '..', file), 'utf8');
      } catch {
        continue;
      }
      if (/github\.com\/release-plan\/release-plan\b|uses: release-plan\/release-plan@|npm (?:i|install)(?: -D| --save-dev)? release-plan(?![-\w])|(?<![\w.-])release-plan@\d/.test(text)) wrong.push(file);
    }
    assert.deepEqual(wrong, []);
  });
});
