import assert from 'node:assert/strict';
import { check, codes, covered, expectFinding, expectNo, only, releaseWith, single, textOf } from './helpers';

describe('file rules', () => {
  describe('yaml-syntax', () => {
    it('fires at the parser position and skips the file\'s other rules', () => {
      const text = releaseWith('  delivery: Bo\n', '  delivery: [Bo\n');
      const result = check({ 'release.yaml': text });
      const found = only(result, 'yaml-syntax');
      assert.ok(found.length >= 1);
      for (const finding of found) {
        assert.equal(finding.severity, 'error');
        assert.equal(finding.file, '.release/release.yaml');
        // The unclosed `[` is on line 10 (0-based 9); the parser notices it there or on the next line.
        assert.ok(finding.range.start.line >= 9 && finding.range.start.line <= 11, JSON.stringify(finding.range));
      }
      // A typo must not turn into a wave of "missing" findings for the same file.
      assert.deepEqual(new Set(codes(result)), new Set(['yaml-syntax']));
    });

    it('fires on a tab used as indentation, covering the tab', () => {
      const finding = expectFinding({ 'rollback.yaml': 'stable:\n\tversion: "1.4.2"\n' }, 'yaml-syntax', { severity: 'error', covers: '\t', file: '.release/rollback.yaml' });
      assert.equal(finding.range.start.line, 1);
      assert.match(finding.message, /[Tt]ab/);
    });

    it('reports a duplicate key at the second key', () => {
      const text = `${releaseWith('backup: 2026-12-23\n', 'backup: 2026-12-23\ntarget: 2026-12-19\n')}`;
      const finding = single(check({ 'release.yaml': text }), 'yaml-syntax');
      assert.equal(finding.range.start.line, 4);
      assert.match(finding.message, /unique/);
    });

    it('stops at brackets nested more than 64 deep, at the 65th bracket, without parsing', () => {
      const text = '['.repeat(5000);
      const result = check({ 'rollback.yaml': text });
      const finding = single(result, 'yaml-syntax');
      assert.deepEqual(finding.range, { start: { line: 0, character: 64 }, end: { line: 0, character: 65 } });
      assert.match(finding.message, /nested more than 64 levels/);
    });

    it('does not count brackets inside quotes or comments, nor 60 real levels', () => {
      const quoted = releaseWith('problem: Customers cannot download their invoices as PDF.', `problem: "Customers cannot download ${'['.repeat(100)} invoices."  # ${'{'.repeat(100)}`);
      expectNo({ 'release.yaml': quoted }, 'yaml-syntax');
      const nested = releaseWith('  - Check users are on 1.4.2.\n', `  - Check users are on 1.4.2.\nnotes_deep: ${'['.repeat(60)}${']'.repeat(60)}\n`, CLEAN_ROLLBACK_TEXT);
      const result = expectNo({ 'rollback.yaml': nested }, 'yaml-syntax');
      assert.deepEqual(codes(result), ['schema']);
    });

    it('reports at most 10 syntax errors per file', () => {
      const text = Array.from({ length: 40 }, (_, i) => `k${i}: "unclosed\n  - x: ]`).join('\n');
      const found = only(check({ 'rollback.yaml': text }), 'yaml-syntax');
      assert.ok(found.length >= 1 && found.length <= 10, `${found.length} yaml-syntax findings`);
    });

    it('does not fire on valid YAML', () => {
      expectNo({}, 'yaml-syntax');
    });
  });

  describe('file-too-large', () => {
    it('fires over 2 MB, on the first line, and the file is not parsed', () => {
      const text = `release: big\nproblem: ${'x'.repeat(2 * 1024 * 1024)}\n`;
      const finding = expectFinding({ 'release.yaml': text }, 'file-too-large', { severity: 'error', covers: 'release: big' });
      assert.match(finding.message, /2 MB/);
      assert.deepEqual(codes(check({ 'release.yaml': text })), ['file-too-large']);
    });

    it('does not fire just under the limit', () => {
      const text = `${CLEAN_PREFIX}notes_padding_comment: x\n`.replace('notes_padding_comment: x\n', `# ${'x'.repeat(1024 * 1024)}\n`);
      expectNo({ 'release.yaml': text }, 'file-too-large');
    });
  });

  describe('schema', () => {
    it('wrong type: at the value, with the path', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('estimate: 2', 'estimate: two') }, 'schema', { severity: 'error', covers: 'two' });
      assert.match(finding.message, /`tasks\.0\.estimate`: must be a number/);
      assert.deepEqual(finding.path, ['tasks', 0, 'estimate']);
    });

    it('bad enum value: lists the allowed values', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('status: doing', 'status: started') }, 'schema', { severity: 'error', covers: 'started' });
      assert.match(finding.message, /`tasks\.0\.status`: must be one of `todo`, `doing`, `blocked`, `done`/);
    });

    it('unknown field: at the key, naming the known fields', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('    status: doing\n', '    status: doing\n    priority: high\n') }, 'schema', { severity: 'error', covers: 'priority' });
      assert.match(finding.message, /Unknown field `priority` in `tasks\.0`/);
      assert.match(finding.message, /Known fields: id, title, owner/);
    });

    it('unknown top-level field', () => {
      expectFinding({ 'release.yaml': `${CLEAN_PREFIX}owner: Ana\n` }, 'schema', { severity: 'error', covers: 'owner' });
    });

    it('a bad value in rollback.yaml, team.yaml, config.yaml and a gonogo record', () => {
      expectFinding({ 'rollback.yaml': releaseWith('target_minutes: 15', 'target_minutes: soon', CLEAN_ROLLBACK_TEXT) }, 'schema', { severity: 'error', covers: 'soon', file: '.release/rollback.yaml' });
      expectFinding({ 'team.yaml': 'people:\n  - name: Ana\n    capacity: 9\n' }, 'schema', { severity: 'error', covers: '9', file: '.release/team.yaml' });
      expectFinding({ 'config.yaml': 'rules:\n  scope-refactor: loud\n' }, 'schema', { severity: 'error', covers: 'loud', file: '.release/config.yaml' });
      expectFinding({ 'gonogo/2026-11-30.yaml': 'decision: maybe\n' }, 'schema', { severity: 'error', covers: 'maybe', file: '.release/gonogo/2026-11-30.yaml' });
    });

    it('missing required field of a list item', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('    title: Download button\n', '') }, 'schema', { severity: 'error', covers: 'id: T2' });
      assert.match(finding.message, /Missing required field `title` in `tasks\.1`/);
    });

    it('an empty required field is reported as missing, not as a wrong type', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('    title: Download button\n', '    title:\n') }, 'schema', { severity: 'error', covers: 'id: T2' });
      assert.match(finding.message, /Missing required field `title`/);
    });

    it('drops only the bad value: the rest of the task is still checked', () => {
      const text = releaseWith('    owner: Bo\n    status: doing\n', '    owner: QA\n    status: started\n');
      assert.deepEqual(codes(check({ 'release.yaml': text })).sort(), ['owner-team-label', 'schema']);
    });

    it('does not fire on the clean plan', () => {
      expectNo({}, 'schema');
    });
  });

  describe('task-id-duplicate', () => {
    it('fires on the second use of an id, at its value', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('id: T2', 'id: T1') }, 'task-id-duplicate', { severity: 'error', covers: 'T1' });
      assert.equal(finding.range.start.line, 21);
      assert.match(finding.message, /already used by task 1/);
    });

    it('treats 1 and "1" as the same id', () => {
      const text = releaseWith('id: T2', 'id: "1"', releaseWith('id: T1', 'id: 1'));
      expectFinding({ 'release.yaml': text }, 'task-id-duplicate', { severity: 'error', covers: '"1"' });
    });

    it('does not fire on distinct ids', () => {
      expectNo({}, 'task-id-duplicate');
    });
  });

  describe('config.yaml rules: severity overrides', () => {
    const refactor = { 'release.yaml': releaseWith('    estimate: 1\n', '    estimate: 1\n    kind: refactor\n') };

    it('`off` removes a code', () => {
      expectNo({ ...refactor, 'config.yaml': 'rules:\n  scope-refactor: off\n' }, 'scope-refactor');
    });

    it('`error` raises a warning to an error', () => {
      expectFinding({ ...refactor, 'config.yaml': 'rules:\n  scope-refactor: error\n' }, 'scope-refactor', { severity: 'error', covers: 'refactor' });
    });

    it('`warning` lowers an error', () => {
      expectFinding({ 'release.yaml': releaseWith('    owner: Bo\n', '    owner: QA\n'), 'config.yaml': 'rules:\n  owner-team-label: warning\n' }, 'owner-team-label', { severity: 'warning', covers: 'QA' });
    });

    it('leaves other codes alone', () => {
      const result = check({ ...refactor, 'release.yaml': releaseWith('    owner: Bo\n', '    owner: QA\n', refactor['release.yaml']), 'config.yaml': 'rules:\n  scope-refactor: off\n' });
      assert.deepEqual(codes(result), ['owner-team-label']);
      assert.equal(result.findings[0]?.severity, 'error');
    });

    it('an invalid override is a schema finding and changes nothing', () => {
      const result = check({ ...refactor, 'config.yaml': 'rules:\n  scope-refactor: loud\n' });
      assert.equal(only(result, 'scope-refactor')[0]?.severity, 'warning');
      const finding = single(result, 'schema');
      assert.equal(covered(textOf({ 'config.yaml': 'rules:\n  scope-refactor: loud\n' }, finding.file), finding), 'loud');
    });
  });
});

import { CLEAN_RELEASE as CLEAN_PREFIX, CLEAN_ROLLBACK as CLEAN_ROLLBACK_TEXT } from './helpers';
