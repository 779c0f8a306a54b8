import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import Ajv from 'ajv-draft-04';
import { run } from '../../src/cli/main';
import { docSections, markdownToText, ruleDocs, RULES_DOC_URL } from '../../src/cli/formats/ruleDocs';
import { uriOf } from '../../src/cli/formats/sarif';
import { RULE_CODES, RULES } from '../../src/core/catalog';
import { io, writePlan, freshDirEach } from './cli-io';
import { CLEAN_CHECKIN, CLEAN_CHECKIN_FILE, CLEAN_RELEASE, CLEAN_ROLLBACK, releaseWith, TODAY } from './helpers';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const DOC = join(ROOT, 'docs/rules.md');

/**
 * The official SARIF 2.1.0 JSON Schema (OASIS, "sarif-2.1.0-rtm.5", JSON Schema draft-04), as
 * shipped by Microsoft's SARIF SDK in the npm package @microsoft/jest-sarif
 * (github.com/microsoft/sarif-js-sdk, lib/schemas/sarif-2.1.0-rtm.5.json).
 */
const SCHEMA_PATH = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');

/** RFC 3986: unreserved and reserved characters, and percent-encoded octets; nothing else. */
const URI_CHARS = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

function sarifValidator() {
  // The schema's patterns are not written for the `u` flag; the formats are checked here, not skipped.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URI_CHARS.test(value) && /^[A-Za-z][A-Za-z0-9+.-]*:/.test(value));
  ajv.addFormat('uri-reference', (value: string) => URI_CHARS.test(value));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value)));
  return ajv;
}


interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Region } }[];
  partialFingerprints: Record<string, string>;
}
interface Rule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
  properties: { tags: string[] };
}
interface Log {
  $schema: string;
  version: string;
  runs: { tool: { driver: { name: string; version: string; informationUri: string; rules: Rule[] } }; originalUriBaseIds: Record<string, { uri: string }>; results: Result[] }[];
}
interface Diagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}

async function sarifOf(args: string[], cwd: string): Promise<{ code: number; log: Log; raw: string }> {
  const cap = io(cwd);
  const code = await run(['check', ...args, '--format', 'sarif'], cap);
  assert.deepEqual(cap.stderr, []);
  const raw = cap.stdout.join('\n');
  return { code, log: JSON.parse(raw) as Log, raw };
}

async function jsonOf(args: string[], cwd: string): Promise<Diagnostic[]> {
  const cap = io(cwd);
  await run(['check', ...args, '--format', 'json'], cap);
  return (JSON.parse(cap.stdout.join('\n')) as { diagnostics: Diagnostic[] }).diagnostics;
}

function assertValid(log: unknown): void {
  const validate = sarifValidator().compile(JSON.parse(readFileSyncText(SCHEMA_PATH)) as object);
  const ok = validate(log);
  assert.ok(ok, `not valid SARIF 2.1.0:\n${JSON.stringify(validate.errors?.slice(0, 10), null, 2)}`);
}

function readFileSyncText(path: string): string {
  return readFileSync(path, 'utf8');
}

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

describe('release-plan check --format sarif', () => {
  let dir: string;

  freshDirEach('release-plan-sarif-', (fresh) => (dir = fresh));

  async function plan(entries: Record<string, string>, folder: string): Promise<void> {
    await writePlan(folder, entries);
  }

  const CLEAN = { 'release.yaml': CLEAN_RELEASE, 'rollback.yaml': CLEAN_ROLLBACK, [CLEAN_CHECKIN_FILE]: CLEAN_CHECKIN };

  it('the validator rejects what the schema forbids (so a pass means something)', () => {
    const validate = sarifValidator().compile(JSON.parse(readFileSyncText(SCHEMA_PATH)) as object);
    assert.equal(validate({ version: '2.1.0', runs: [] }), true);
    assert.equal(validate({ version: '2.0.0', runs: [] }), false, 'wrong version');
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false, 'driver without a name');
    const region = (startLine: number) => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.yaml' }, region: { startLine } } }] }] }] });
    assert.equal(validate(region(0)), false, 'line 0 (SARIF lines are 1-based)');
    assert.equal(validate(region(1)), false, 'a uri with a raw space');
    const level = { version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'info' }] }] };
    assert.equal(validate(level), false, '"info" is not a SARIF level');
  });

  it('examples/messy: valid SARIF 2.1.0, one result per finding with the same region, level and message as --format json', async () => {
    const { code, log } = await sarifOf(['examples/messy', '--today', '2099-03-16'], ROOT);
    assert.equal(code, 1, 'errors still exit 1');
    assertValid(log);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [runLog] = log.runs;
    assert.ok(runLog);
    const version = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(runLog.tool.driver.name, 'release-plan');
    assert.equal(runLog.tool.driver.version, version);
    assert.match(runLog.tool.driver.informationUri, /^https:\/\//);

    const diagnostics = await jsonOf(['examples/messy', '--today', '2099-03-16'], ROOT);
    assert.ok(diagnostics.length > 20);
    assert.equal(runLog.results.length, diagnostics.length);
    runLog.results.forEach((result, i) => {
      const d = diagnostics[i] as Diagnostic;
      assert.equal(result.ruleId, d.code);
      assert.equal(runLog.tool.driver.rules[result.ruleIndex]?.id, result.ruleId, 'ruleIndex points at the rule');
      assert.equal(result.level, LEVEL[d.severity as keyof typeof LEVEL]);
      assert.equal(result.message.text, d.message);
      const location = result.locations[0]?.physicalLocation;
      // The CLI runs in the repository root here, so repository-relative = what json prints.
      assert.equal(location?.artifactLocation.uri, d.file);
      assert.equal(location?.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.deepEqual(location?.region, { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn });
    });
    assert.ok(runLog.results.some((r) => r.locations[0]?.physicalLocation.artifactLocation.uri === 'examples/messy/.release/rollback.yaml'));
    assert.deepEqual(new Set(runLog.results.map((r) => r.level)), new Set(['error', 'warning', 'note']));
    const ids = runLog.results.map((r) => r.partialFingerprints['releasePlanFinding/v1']);
    assert.equal(new Set(ids).size, ids.length, 'every result has its own fingerprint');
  });

  it('rules[]: every catalog code and engine-error, with descriptions and help from docs/rules.md and the default level', async () => {
    await plan(CLEAN, dir);
    const { code, log } = await sarifOf([dir], dir);
    assert.equal(code, 0);
    assertValid(log);
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    assert.deepEqual(rules.map((r) => r.id), [...RULE_CODES, 'engine-error']);
    const doc = await readFile(DOC, 'utf8');
    const sections = docSections(doc);
    for (const rule of rules) {
      const info = rule.id === 'engine-error' ? { severity: 'error', summary: undefined, family: 'engine' } : RULES[rule.id as keyof typeof RULES];
      assert.equal(rule.defaultConfiguration.level, LEVEL[info.severity as keyof typeof LEVEL], `${rule.id} level`);
      if (info.summary) assert.equal(rule.shortDescription.text, info.summary);
      assert.ok(rule.shortDescription.text.length > 10, `${rule.id} short description`);
      assert.deepEqual(rule.properties.tags, ['release-plan', info.family]);
      assert.equal(rule.helpUri, `${RULES_DOC_URL}#${rule.id}`);
      const section = sections.get(rule.id) ?? '';
      assert.ok(section.length > 100, `${rule.id} has a section`);
      // help.markdown is the section, with links made absolute; help.text the same without marks.
      assert.equal(rule.help.markdown.replaceAll(`${RULES_DOC_URL}#`, '#').replaceAll(new URL('../schemas', RULES_DOC_URL).href, '../schemas'), section);
      assert.doesNotMatch(rule.help.markdown, /\]\((?!https:\/\/)/, `${rule.id}: every link in help.markdown is absolute`);
      assert.equal(rule.help.text, markdownToText(section));
      assert.doesNotMatch(rule.help.text, /\*\*|\]\(|<kbd>/, `${rule.id}: help.text has no Markdown marks`);
      assert.match(rule.help.text, /Why it matters\./, `${rule.id}: help.text has the whole section`);
      assert.doesNotMatch(rule.fullDescription.text, /^\*\*|What it (checks|means)|Why it matters/, `${rule.id}: fullDescription is the "What it checks" part only`);
      assert.ok(rule.fullDescription.text.length > 40, `${rule.id} full description`);
    }
    const ownerMissing = rules.find((r) => r.id === 'owner-missing');
    assert.match(ownerMissing?.fullDescription.text ?? '', /^Every open task in release\.yaml \(any status\nbut done/);
    assert.match(ownerMissing?.help.markdown ?? '', /Every \[open task\]\(https:\/\/github\.com\/release-plan-vscode\/release-plan\/blob\/HEAD\/docs\/rules\.md#limits-and-team-labels\)/);
    assert.match(ownerMissing?.help.text ?? '', /\n    tasks:\n      - id: T1\n/, 'YAML examples are kept, indented');
    // A `# comment` in a YAML example is not a heading: the section goes on to its end.
    assert.match(rules.find((r) => r.id === 'date-invalid')?.help.markdown ?? '', /# fixed\ntarget: 2026-12-31\n```$/);
    // A code span over two lines reads as one line of text.
    assert.match(rules.find((r) => r.id === 'schema')?.help.text ?? '', /`parked\[0\]\.told` must be the date stakeholders were told \(YYYY-MM-DD\), or false\./);
  });

  it('markdownToText: links, code spans, bold, italics, <kbd> and escapes', () => {
    assert.equal(markdownToText('See [`owner-missing`](#owner-missing), **bold**, *Assign to …*, <kbd>Ctrl</kbd>+<kbd>.</kbd>, `a*b*c`, \\|.'), 'See owner-missing, bold, Assign to …, Ctrl+., a*b*c, |.');
    assert.equal(markdownToText('```yaml\nkey: value\n```'), 'key: value'.replace(/^/, '    ').trim());
    assert.equal(markdownToText('text\n\n```yaml\n# c\nk: v\n```\n\nmore'), 'text\n\n    # c\n    k: v\n\nmore');
  });

  it('a ruleDocs() of a doc that lacks a code fails loudly (a build mistake, never silent)', () => {
    assert.throws(() => ruleDocs('# nothing here\n'), /docs\/rules\.md has no section for owner-missing/);
  });

  it('repository-relative, percent-encoded uris: a folder with spaces, ":" and "," inside a git work tree, checked from a subfolder', async () => {
    await mkdir(join(dir, '.git'));
    const app = join(dir, 'apps', 'my app, v2: web');
    await plan({ ...CLEAN, 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') }, app);
    const { code, log, raw } = await sarifOf(['.', '--today', TODAY], app);
    assert.equal(code, 1);
    assertValid(log);
    const uri = log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri;
    assert.equal(uri, 'apps/my%20app%2C%20v2%3A%20web/.release/release.yaml');
    assert.equal(decodeURIComponent(uri ?? ''), 'apps/my app, v2: web/.release/release.yaml');
    assert.equal(log.runs[0]?.originalUriBaseIds['%SRCROOT%']?.uri, `${pathToFileURL(dir).href}/`);
    assert.doesNotMatch(raw, /"uri": "[^"]* /, 'no raw space in any uri');
  });

  it('a severity override is the result level; an info is a note', async () => {
    await plan({ ...CLEAN, 'config.yaml': 'rules:\n  owner-team-label: info\n', 'release.yaml': releaseWith('    owner: Bo\n', '    owner: backend team\n') }, dir);
    const { code, log } = await sarifOf([dir, '--today', TODAY], dir);
    assert.equal(code, 0, 'no error left: exit 0');
    assertValid(log);
    const result = log.runs[0]?.results.find((r) => r.ruleId === 'owner-team-label');
    assert.equal(result?.level, 'note');
    assert.equal(log.runs[0]?.tool.driver.rules[result?.ruleIndex ?? -1]?.defaultConfiguration.level, 'error', 'the rule keeps its default');
  });

  it('uriOf encodes each segment and keeps the slashes', () => {
    assert.equal(uriOf('a b/c#d/e%f.yaml'), 'a%20b/c%23d/e%25f.yaml');
    assert.equal(uriOf('../x/.release/release.yaml'), '../x/.release/release.yaml');
  });

  describe('the built bin, copied alone into an empty folder (as npm installs it)', function () {
    this.timeout(120_000);

    before(async () => {
      const built = await readFile(CLI, 'utf8').catch(() => '');
      // Rebuild when missing or built before the rule docs were bundled.
      if (!built.includes('Work that nobody owns is work that nobody finishes')) await promisify(execFile)(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT });
    });

    it('has every rule\'s help without docs/ next to it', async () => {
      const alone = join(dir, 'bin');
      await mkdir(alone);
      await copyFile(CLI, join(alone, 'cli.js'));
      await plan(CLEAN, join(dir, 'project'));
      const { stdout } = await promisify(execFile)(process.execPath, [join(alone, 'cli.js'), 'check', 'project', '--today', TODAY, '--format', 'sarif'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
      const log = JSON.parse(stdout) as Log;
      assertValid(log);
      const rules = log.runs[0]?.tool.driver.rules ?? [];
      assert.equal(rules.length, RULE_CODES.length + 1);
      assert.match(rules.find((r) => r.id === 'owner-missing')?.help.markdown ?? '', /\*\*Why it matters\.\*\* Work that nobody owns/);
    });
  });
});
