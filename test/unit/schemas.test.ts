import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FILE_SCHEMAS, jsonSchemas } from '../../src/core/schemas';
import { closest } from '../../src/core/suggest';
import { expectFinding, expectNo, releaseWith } from './helpers';

const DIR = resolve(__dirname, '../../schemas');
const STALE = 'schemas/ is out of date with src/core/schemas.ts: run `npm run schema` and commit the result.';

describe('committed JSON Schemas (schemas/*.schema.json)', () => {
  const expected = jsonSchemas();

  it('has exactly one file per file kind', () => {
    assert.ok(existsSync(DIR), STALE);
    const present = readdirSync(DIR).filter((name) => name.endsWith('.schema.json')).sort();
    assert.deepEqual(present, Object.keys(FILE_SCHEMAS).map((kind) => `${kind}.schema.json`).sort(), STALE);
  });

  for (const kind of Object.keys(FILE_SCHEMAS) as (keyof typeof FILE_SCHEMAS)[]) {
    it(`${kind}.schema.json equals what jsonSchemas() produces now`, () => {
      const path = join(DIR, `${kind}.schema.json`);
      assert.ok(existsSync(path), STALE);
      // Byte for byte, as `release-plan schema` writes it, so a reformatted file is caught too.
      assert.equal(readFileSync(path, 'utf8'), `${JSON.stringify(expected[kind], null, 2)}\n`, STALE);
    });
  }

  it('are draft-7 schemas that describe the input shape', () => {
    const release = expected.release as { $schema: string; required: string[]; additionalProperties: boolean; properties: Record<string, unknown> };
    assert.equal(release.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual([...release.required].sort(), ['backup', 'problem', 'release', 'target']);
    assert.equal(release.additionalProperties, false);
    // Field names are a contract: these must never disappear.
    for (const field of ['release', 'problem', 'target', 'backup', 'freeze', 'roles', 'dry_run', 'tasks', 'parked']) assert.ok(field in release.properties, field);
  });

  it('the release and its tasks take description, notes, links, jira, ticket and any x- field; nothing else unknown', () => {
    type ObjectSchema = { properties: Record<string, { type?: string; items?: unknown }>; additionalProperties: unknown; patternProperties?: Record<string, unknown> };
    const release = expected.release as ObjectSchema;
    const task = release.properties.tasks?.items as ObjectSchema;
    for (const [name, object] of [['release', release], ['task', task]] as const) {
      assert.deepEqual(object.patternProperties, { '^x-': {} }, name);
      assert.equal(object.additionalProperties, false, name);
      for (const field of ['description', 'notes', 'links', 'jira', 'ticket']) assert.ok(field in object.properties, `${name}.${field}`);
      assert.equal(object.properties.links?.type, 'array');
    }
    // Only those two: the roles, a parked item and the rollback file stay strict without x- keys.
    const roles = release.properties.roles as unknown as ObjectSchema;
    assert.equal(roles.patternProperties, undefined);
    assert.equal((expected.rollback as ObjectSchema).patternProperties, undefined);
  });

  it('a wrong-type description reads after "must be" (a noun phrase, one final period)', () => {
    const descriptions = [...JSON.stringify(expected).matchAll(/"description":"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] as string);
    assert.ok(descriptions.length > 20);
    for (const text of descriptions) {
      assert.match(text, /^(A|An|The|Text)\b/, text);
      assert.match(text, /[^.]\.$/, text);
    }
  });
});

describe('"did you mean" for a change of case and a wrong-case x- prefix', () => {
  it('a task field `Owner:` suggests `owner`, saying field names are lower-case', () => {
    const finding = expectFinding({ 'release.yaml': releaseWith('    owner: Bo\n', '    Owner: Bo\n') }, 'schema', { severity: 'error', covers: 'Owner' });
    assert.equal(finding.message, 'Unknown field `Owner` in `tasks[0]`: did you mean `owner`? Field names are lower-case.');
    assert.deepEqual(finding.data, { suggestion: 'owner' });
    const top = expectFinding({ 'release.yaml': releaseWith('problem:', 'PROBLEM:') }, 'schema', { severity: 'error', covers: 'PROBLEM' });
    assert.equal(top.message, 'Unknown field `PROBLEM`: did you mean `problem`? Field names are lower-case.');
  });

  it('a real typo does not get the lower-case remark', () => {
    const finding = expectFinding({ 'release.yaml': releaseWith('    owner: Bo\n', '    onwer: Bo\n') }, 'schema', { severity: 'error', covers: 'onwer' });
    assert.equal(finding.message, 'Unknown field `onwer` in `tasks[0]`: did you mean `owner`?');
  });

  it('`X-Priority:` says x- fields are allowed in lower case and suggests `x-Priority`, not `x-X-Priority`', () => {
    const finding = expectFinding({ 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 2\n    X-Priority: high\n') }, 'schema', { severity: 'error', covers: 'X-Priority' });
    assert.equal(finding.message, 'Unknown field `X-Priority` in `tasks[0]`: extra fields are allowed when their name starts with a lower-case `x-`. Did you mean `x-Priority`?');
    assert.deepEqual(finding.data, { suggestion: 'x-Priority' });
    expectNo({ 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 2\n    x-Priority: high\n') }, 'schema');
  });

  it('where x- fields are not allowed (roles), an X- key gets no x- advice', () => {
    const finding = expectFinding({ 'release.yaml': releaseWith('  stop: Ana\n', '  stop: Ana\n  X-backup: Bo\n') }, 'schema', { severity: 'error', covers: 'X-backup' });
    assert.doesNotMatch(finding.message, /x-/);
  });

  it('config.yaml `Owner-Missing` suggests `owner-missing`, saying rule codes are lower-case', () => {
    const finding = expectFinding({ 'config.yaml': 'rules:\n  Owner-Missing: off\n' }, 'config-unknown-rule', { severity: 'warning', covers: 'Owner-Missing', file: '.release/config.yaml' });
    assert.equal(finding.message, 'There is no rule `Owner-Missing`, so this line is ignored: did you mean `owner-missing`? Rule codes are lower-case.');
    assert.deepEqual(finding.data, { suggestion: 'owner-missing' });
  });

  it('closest(): case alone is a suggestion; the same word is not', () => {
    assert.equal(closest('Owner', ['owner', 'title']), 'owner');
    assert.equal(closest('owner', ['owner', 'title']), undefined);
    assert.equal(closest('X', ['owner']), undefined);
  });
});

describe('a choice written in another case or with spaces around it', () => {
  const blocked = (status: string) => releaseWith('    status: doing\n', `    status: ${status}\n    blocker: API key\n`);

  it('`status: Blocked` is read as `blocked` with one warning on the value, so task-blocked-unowned still fires', () => {
    const entries = { 'release.yaml': blocked('Blocked') };
    const finding = expectFinding(entries, 'schema', { severity: 'warning', covers: 'Blocked' });
    assert.equal(finding.message, 'Write `tasks[0].status` as `blocked`, not "Blocked": the choices are lower-case, with no spaces around them. It is read as `blocked` until then.');
    expectFinding(entries, 'task-blocked-unowned', { severity: 'warning', covers: 'Blocked' });
  });

  it('`status: "blocked "` (a space inside the quotes) is read as `blocked` too', () => {
    const entries = { 'release.yaml': blocked('"blocked "') };
    const finding = expectFinding(entries, 'schema', { severity: 'warning', covers: '"blocked "' });
    assert.match(finding.message, /^Write `tasks\[0\]\.status` as `blocked`, not "blocked ":/);
    expectFinding(entries, 'task-blocked-unowned', { severity: 'warning', covers: '"blocked "' });
  });

  it('`kind: Refactor` and `risk: [Migration]` reach the rules as `refactor` and `migration`', () => {
    const refactor = { 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 2\n    kind: Refactor\n') };
    expectFinding(refactor, 'schema', { severity: 'warning', covers: 'Refactor' });
    expectFinding(refactor, 'scope-refactor', { severity: 'warning', covers: 'Refactor' });
    const migration = { 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 2\n    risk: [Migration]\n') };
    const finding = expectFinding(migration, 'schema', { severity: 'warning', covers: 'Migration' });
    assert.match(finding.message, /^Write `tasks\[0\]\.risk\[0\]` as `migration`, not "Migration"/);
    expectFinding(migration, 'migration-no-rollback', { severity: 'error', covers: 'Migration' });
  });

  it('`dry_run.environment: Staging`, a go/no-go `decision: NO-GO` and a config severity `Error` are read as written in lower case', () => {
    const staging = expectFinding({ 'release.yaml': releaseWith('environment: staging', 'environment: Staging') }, 'schema', { severity: 'warning', covers: 'Staging' });
    assert.match(staging.message, /^Write `dry_run\.environment` as `staging`, not "Staging"/);
    const file = '.release/gonogo/2026-11-30.yaml';
    expectFinding({ 'gonogo/2026-11-30.yaml': 'decision: " NO-GO"\ndecided_by: Ana\nreason: no rehearsal\n' }, 'schema', { severity: 'warning', covers: '" NO-GO"', file });
    const config = { 'config.yaml': 'rules:\n  scope-refactor: Error\n', 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 2\n    kind: refactor\n') };
    expectFinding(config, 'schema', { severity: 'warning', covers: 'Error', file: '.release/config.yaml' });
    expectFinding(config, 'scope-refactor', { severity: 'error', covers: 'refactor' });
  });

  it('a value that is not a choice in any case stays an error, and a choice written right gets nothing', () => {
    const finding = expectFinding({ 'release.yaml': releaseWith('    status: doing\n', '    status: In progress\n') }, 'schema', { severity: 'error', covers: 'In progress' });
    assert.equal(finding.message, '`tasks[0].status` must be one of `todo`, `doing`, `blocked`, `done`.');
    expectFinding({ 'release.yaml': releaseWith('    status: doing\n', '    status: Blocked-ish\n') }, 'schema', { severity: 'error', covers: 'Blocked-ish' });
    expectNo({}, 'schema');
  });
});

describe('one finding per place for a file or value of the wrong kind', () => {
  it('a go/no-go record written as a YAML list gets one finding on its first line, not also "missing decision"', () => {
    const file = '.release/gonogo/2026-11-30.yaml';
    const finding = expectFinding({ 'gonogo/2026-11-30.yaml': '- decision: no-go\n  decided_by: Ana\n' }, 'schema', { severity: 'error', covers: '- decision: no-go', file });
    assert.equal(finding.message, 'This file must be a map of fields (like `decision: …`), but it is a list.');
  });

  it('`rollback: false` on a task gets one finding, on the value', () => {
    const finding = expectFinding({ 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 2\n    rollback: false\n') }, 'schema', { severity: 'error', covers: 'false' });
    assert.equal(finding.message, '`tasks[0].rollback` must be text saying how this task is undone.');
  });
});
