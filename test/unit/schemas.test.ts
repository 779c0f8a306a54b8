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
