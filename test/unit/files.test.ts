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

    it('reports a duplicate key at the second key, naming the key and both lines', () => {
      const text = `${releaseWith('backup: 2026-12-23\n', 'backup: 2026-12-23\ntarget: 2026-12-19\n')}`;
      const finding = single(check({ 'release.yaml': text }), 'yaml-syntax');
      assert.equal(finding.range.start.line, 4);
      assert.equal(covered(text, finding), 't');
      assert.equal(finding.message, '`target` appears twice in this map, on lines 3 and 5; keep one.');
    });

    it('names a duplicate key inside a task, and in a one-line map', () => {
      const text = releaseWith('    owner: Bo\n    status: doing\n', '    owner: Bo\n    status: doing\n    owner: Cy\n');
      const finding = single(check({ 'release.yaml': text }), 'yaml-syntax');
      assert.equal(finding.message, '`owner` appears twice in this map, on lines 19 and 21; keep one.');
      const flow = single(check({ 'rollback.yaml': releaseWith('roles:\n  decides: Ana\n  runs: Bo\n  verifies: Cy\n', 'roles: { decides: Ana, runs: Bo, decides: Cy }\n', CLEAN_ROLLBACK_TEXT) }), 'yaml-syntax');
      assert.equal(flow.message, '`decides` appears twice in this map, on line 3; keep one.');
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

  describe('yaml-syntax in plain words: each parser error says what to do, at its position', () => {
    /** Rollback files with one syntax mistake each; `covers` is the exact text the first finding covers. */
    const CASES: { name: string; text: string; covers: string; line: number; message: RegExp }[] = [
      { name: 'a value containing ": "', text: 'steps:\n  - title: Fix: login\n', covers: 'F', line: 1, message: /^This value contains ": ", so it reads as a second field on the same line\. Put the value in quotes: `title: "Fix: login"`\.$/ },
      { name: 'several documents', text: 'steps: [a]\n---\ntriggers: []\n', covers: '---', line: 1, message: /several YAML documents .*Keep one and remove the extra `---` line\.$/ },
      { name: 'a tab as indentation', text: 'stable:\n\tversion: "1"\n', covers: '\t', line: 1, message: /^A tab is used for indentation here; YAML allows only spaces\. Replace the tab with spaces\.$/ },
      { name: 'fields that do not line up', text: 'stable:\n    version: "1"\n  build: b7\n', covers: 'build', line: 2, message: /^`build` is indented 2 spaces, unlike the fields above it: `version` \(4 spaces\) and `stable` \(0 spaces\)\. Indent it by 4 spaces \(column 5\) to line it up with `version`, or start it at column 1, with no spaces, to line it up with `stable`\.$/ },
      { name: 'a field at the column of the list\'s dash', text: 'steps:\n  - a: 1\n  b: 2\n', covers: ' ', line: 2, message: /^This line does not line up with the fields above it\./ },
      { name: 'an unclosed double quote', text: 'steps:\n  - "Redeploy\ntarget_minutes: 5\n', covers: '', line: 3, message: /^A `"` quote is not closed\. Add the closing `"`/ },
      { name: 'an unclosed [', text: 'steps: [a, b\n', covers: '', line: 1, message: /^A `\[` is not closed\. Add the closing `\]`/ },
      { name: 'an unclosed {', text: 'stable: {version: 1\n', covers: '', line: 1, message: /^A `\{` is not closed\. Add the closing `\}`/ },
      { name: 'a line without a colon', text: 'target_minutes: 5\nsteps\n', covers: 'steps', line: 1, message: /^This line has no `:`\. Write it as `field: value`/ },
      { name: 'a value starting with @', text: 'roles:\n  runs: @bo\n', covers: '@', line: 1, message: /^A value cannot start with `@` unless it is in quotes\. .*`owner: "@ana"`\.$/ },
      { name: 'a bad escape in double quotes', text: 'steps:\n  - "C:\\q"\n', covers: '\\', line: 1, message: /backslash .*Write `\\\\` for a backslash, or use single quotes\.$/ },
      { name: 'a stray ]', text: 'target_minutes: 5\n]\n', covers: ']', line: 1, message: /^This `\]` closes nothing: there is no `\[` before it\./ },
      { name: 'a dash on the line of its field', text: 'steps: - Redeploy\n', covers: '-', line: 0, message: /^A `- ` list item cannot start on the same line as its field\./ },
      { name: 'an empty item in brackets', text: 'steps: [a,, b]\n', covers: ',', line: 0, message: /^There is an extra comma here\./ },
      { name: 'a # without a space before it', text: 'steps:\n  - "Redeploy"#now\n', covers: '#now', line: 1, message: /^A `#` starts a comment only after a space\./ },

      { name: 'an alias to no anchor', text: 'steps:\n  - *redeploy\n', covers: '*redeploy', line: 1, message: /^The alias `\*redeploy` refers to no anchor `&redeploy` above it\./ },
    ];

    for (const { name, text, covers, line, message } of CASES) {
      it(name, () => {
        const [finding] = only(check({ 'rollback.yaml': text }), 'yaml-syntax');
        assert.ok(finding, `no yaml-syntax for ${JSON.stringify(text)}`);
        assert.equal(finding.file, '.release/rollback.yaml');
        assert.equal(finding.range.start.line, line);
        assert.equal(covered(text, finding), covers);
        assert.match(finding.message, message);
      });
    }

    it('a value containing ": " names the field and the value, on the value', () => {
      const text = releaseWith('    reason: not the problem we solve\n', '    reason: Not now: maybe v2\n');
      const finding = single(check({ 'release.yaml': text }), 'yaml-syntax');
      assert.deepEqual(finding.range.start, { line: 30, character: 12 });
      assert.equal(covered(text, finding), 'N');
      assert.equal(finding.message, 'This value contains ": ", so it reads as a second field on the same line. Put the value in quotes: `reason: "Not now: maybe v2"`.');
      const withQuotes = single(check({ 'rollback.yaml': 'steps:\n  - check: the "live" flag: on  # note\n' }), 'yaml-syntax');
      assert.match(withQuotes.message, /Put the value in quotes: `check: 'the "live" flag: on'`\.$/);
      const long = single(check({ 'rollback.yaml': `steps:\n  - check: ${'x'.repeat(70)}: y\n` }), 'yaml-syntax');
      assert.match(long.message, /Put the value in quotes: `check: "…"`\.$/);
    });

    it('deep nesting says so once, in plain words', () => {
      const text = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
      const found = only(check({ 'rollback.yaml': text }), 'yaml-syntax');
      assert.equal(found.length, 1);
      assert.match(found[0]?.message ?? '', /^This file is nested too deeply to check\./);
    });
  });

  describe('yaml-syntax: a field indented one space off is one finding, on its own line', () => {
    const OWNER = 'Indent it by 4 spaces (column 5) to line it up with `title`.';

    it('one space too far inside a task: on the key, naming the column of the fields above', () => {
      const text = releaseWith('    owner: Bo\n', '     owner: Bo\n');
      const finding = single(check({ 'release.yaml': text }), 'yaml-syntax');
      assert.deepEqual(finding.range, { start: { line: 18, character: 5 }, end: { line: 18, character: 10 } });
      assert.equal(covered(text, finding), 'owner');
      assert.equal(finding.message, `\`owner\` is indented 5 spaces, unlike \`title\` above it (4 spaces). ${OWNER}`);
    });

    it('one space too little inside a task', () => {
      const text = releaseWith('    status: doing\n', '   status: doing\n');
      const finding = single(check({ 'release.yaml': text }), 'yaml-syntax');
      assert.deepEqual(finding.range, { start: { line: 19, character: 3 }, end: { line: 19, character: 9 } });
      assert.equal(finding.message, '`status` is indented 3 spaces, unlike `owner` above it (4 spaces). Indent it by 4 spaces (column 5) to line it up with `owner`.');
    });

    it('both slips in one task: one finding each, nothing on the lines around them', () => {
      const text = releaseWith('    owner: Bo\n    status: doing\n', '     owner: Bo\n   status: todo\n');
      const found = only(check({ 'release.yaml': text }), 'yaml-syntax');
      assert.deepEqual(found.map((f) => [f.range.start.line, covered(text, f)]), [[18, 'owner'], [19, 'status']]);
      assert.doesNotMatch(found.map((f) => f.message).join(' '), /": "|one line/);
      // Both name the field that really is at column 5, not the slipped `owner`.
      assert.equal(found[1]?.message, '`status` is indented 3 spaces, unlike `title` above it (4 spaces). Indent it by 4 spaces (column 5) to line it up with `title`.');
    });

    it('many slips: at most 10 findings in line order, the last says how many more', () => {
      const text = Array.from({ length: 400 }, (_, i) => (i % 2 ? ` b${i}: 2` : `a${i}: 1`)).join('\n');
      const found = only(check({ 'rollback.yaml': text }), 'yaml-syntax');
      assert.equal(found.length, 10);
      assert.deepEqual(found.map((f) => f.range.start.line), [1, 3, 5, 7, 9, 11, 13, 15, 17, 19]);
      assert.match(found[9]?.message ?? '', /\(\d+ more YAML errors not shown: fix this one first\.\)$/);
    });

    it('a top-level field indented one space', () => {
      const text = releaseWith('target: 2026-12-18\n', ' target: 2026-12-18\n');
      const finding = single(check({ 'release.yaml': text }), 'yaml-syntax');
      assert.deepEqual(finding.range, { start: { line: 2, character: 1 }, end: { line: 2, character: 7 } });
      assert.equal(finding.message, '`target` is indented 1 space, unlike `problem` above it (0 spaces). Start it at column 1, with no spaces, to line it up with `problem`.');
    });

    it('between two levels, both columns are named; the lines after it are not blamed', () => {
      const text = releaseWith('  delivery: Bo\n', ' delivery: Bo\n');
      const finding = single(check({ 'release.yaml': text }), 'yaml-syntax');
      assert.deepEqual(finding.range.start, { line: 9, character: 1 });
      assert.equal(covered(text, finding), 'delivery');
      assert.equal(finding.message, '`delivery` is indented 1 space, unlike the fields above it: `scope` (2 spaces) and `roles` (0 spaces). Indent it by 2 spaces (column 3) to line it up with `scope`, or start it at column 1, with no spaces, to line it up with `roles`.');
    });

    it('indented text inside `|`, quotes or brackets is not a field; other errors are still reported', () => {
      const block = releaseWith('    estimate: 2\n', '    estimate: 2\n    notes: |\n      Ask Ana:\n       first: then Bo\n    links: ["https://a.example",\n       "https://b.example"]\n');
      expectNo({ 'release.yaml': block }, 'yaml-syntax');
      const broken = releaseWith('  delivery: Bo\n', '  delivery: [Bo\n', block);
      const found = only(check({ 'release.yaml': broken }), 'yaml-syntax');
      assert.ok(found.length > 0);
      for (const finding of found) assert.doesNotMatch(finding.message, /is indented \d+ spaces?, unlike/);
      // A deeper line inside an open bracket is not a misplaced field: the error on the line above stays.
      const flow = releaseWith('    estimate: 2\n', '    estimate: 2\n    links: [ "https://a.example" x,\n       b: c ]\n');
      const comma = single(check({ 'release.yaml': flow }), 'yaml-syntax');
      assert.equal(comma.range.start.line, 21);
      assert.match(comma.message, /^Items inside `\[ \]` or `\{ \}` need a comma between them/);
    });

    it('lines swallowed by a bracket left open get no ": " advice, once per line', () => {
      const text = releaseWith('    estimate: 2\n', '    estimate: 2\n    jira: [\n');
      const found = only(check({ 'release.yaml': text }), 'yaml-syntax');
      assert.match(found[0]?.message ?? '', /^A `\[` is not closed\./);
      const swallowed = found.slice(1);
      assert.ok(swallowed.length > 0);
      assert.equal(new Set(swallowed.map((f) => f.range.start.line)).size, swallowed.length);
      for (const finding of swallowed) assert.equal(finding.message, 'This line is read as part of an unfinished value above it. Look for a `[`, `{` or quote left open above, or a line indented differently from the fields around it.');
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
      assert.equal(finding.message, '`tasks[0].estimate` must be a number: the working days left (0.5 for half a day).');
      assert.deepEqual(finding.path, ['tasks', 0, 'estimate']);
    });

    it('bad enum value: lists the allowed values', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('status: doing', 'status: started') }, 'schema', { severity: 'error', covers: 'started' });
      assert.equal(finding.message, '`tasks[0].status` must be one of `todo`, `doing`, `blocked`, `done`.');
    });

    it('unknown field: at the key, naming the known fields', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('    status: doing\n', '    status: doing\n    priority: high\n') }, 'schema', { severity: 'error', covers: 'priority' });
      assert.match(finding.message, /^Unknown field `priority` in `tasks\[0\]`\. Known fields: id, title, owner, /);
      assert.match(finding.message, /a field whose name starts with `x-` \(e\.g\. `x-priority:`\)\.$/);
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
      assert.equal(finding.message, 'Missing required field `title` in `tasks[1]`.');
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

    it('a misspelled field says "did you mean", at the key', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('    owner: Bo\n', '    onwer: Bo\n') }, 'schema', { severity: 'error', covers: 'onwer' });
      assert.equal(finding.message, 'Unknown field `onwer` in `tasks[0]`: did you mean `owner`?');
      assert.deepEqual(finding.data, { suggestion: 'owner' });
      assert.deepEqual(finding.path, ['tasks', 0, 'onwer']);
      const role = expectFinding({ 'release.yaml': releaseWith('  stop: Ana\n', '  stopp: Ana\n') }, 'schema', { severity: 'error', covers: 'stopp' });
      assert.equal(role.message, 'Unknown field `stopp` in `roles`: did you mean `stop`?');
      const top = expectFinding({ 'release.yaml': releaseWith('problem:', 'problme:') }, 'schema', { severity: 'error', covers: 'problme' });
      assert.equal(top.message, 'Unknown field `problme`: did you mean `problem`?');
    });

    it('several unknown fields in one map: one finding each, on its key', () => {
      const text = releaseWith('    status: doing\n', '    status: doing\n    titel: x\n    priority: high\n');
      const found = only(check({ 'release.yaml': text }), 'schema');
      assert.deepEqual(found.map((f) => covered(text, f)), ['titel', 'priority']);
      assert.match(found[0]?.message ?? '', /did you mean `title`\?$/);
      assert.doesNotMatch(found[1]?.message ?? '', /did you mean/);
    });

    it('tasks and the release accept description, notes, links, jira, ticket and x- fields', () => {
      const extras = (indent: string) =>
        [`description: More about it.`, `notes: Ask Ana first.`, `links:`, `  - https://example.com/spec`, `  - { title: Design, url: "https://example.com/design" }`, `jira: PAY-123`, `ticket: 4711`, `x-priority: high`, `x-estimate-history: [3, 2]`]
          .map((line) => `${indent}${line}\n`)
          .join('');
      const text = releaseWith('    estimate: 2\n', `    estimate: 2\n${extras('    ')}`, releaseWith('tasks:\n', `${extras('')}tasks:\n`));
      expectNo({ 'release.yaml': text }, 'schema');
    });

    it('extra fields are still checked: a link map with an unknown key, links that are not a list', () => {
      const link = releaseWith('    estimate: 2\n', '    estimate: 2\n    links:\n      - { title: Spec, ur: "https://example.com" }\n');
      const finding = expectFinding({ 'release.yaml': link }, 'schema', { severity: 'error', covers: 'ur' });
      assert.match(finding.message, /^Unknown field `ur` in `tasks\[0\]\.links\[0\]`: did you mean `url`\?$/);
      const notList = expectFinding({ 'release.yaml': releaseWith('    estimate: 2\n', '    estimate: 2\n    links: 5\n') }, 'schema', { severity: 'error', covers: '5' });
      assert.equal(notList.message, '`tasks[0].links` must be a list of links: each a URL, or a map with `title:` and `url:`.');
    });

    it('x- fields only where extra fields are allowed (not in roles)', () => {
      expectFinding({ 'release.yaml': releaseWith('  stop: Ana\n', '  stop: Ana\n  x-backup: Bo\n') }, 'schema', { severity: 'error', covers: 'x-backup' });
    });

    it('a wrong type uses the field\'s description: told: true must be a date, or false', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('    told: 2026-11-29\n', '    told: true\n') }, 'schema', { severity: 'error', covers: 'true' });
      assert.equal(finding.message, '`parked[0].told` must be the date stakeholders were told (YYYY-MM-DD), or false.');
      const title = expectFinding({ 'release.yaml': releaseWith('title: Download button', 'title: [a, b]') }, 'schema', { severity: 'error', covers: '[a, b]' });
      assert.equal(title.message, '`tasks[1].title` must be text saying what is done, in a few words.');
    });

    it('a field without a description names the type', () => {
      const finding = expectFinding({ 'rollback.yaml': releaseWith('  - Redeploy 1.4.2.\n', '  - [Redeploy]\n', CLEAN_ROLLBACK_TEXT) }, 'schema', { severity: 'error', covers: '[Redeploy]', file: '.release/rollback.yaml' });
      assert.equal(finding.message, '`steps[0]` must be text.');
    });

    it('no message ends in a doubled period, even when the user\'s text ends in one', () => {
      const text = releaseWith('id: T1', 'id: T1.', releaseWith('    owner: Bo\n', '    owner: QA\n'));
      const result = check({ 'release.yaml': text });
      assert.ok(result.findings.length > 0);
      for (const finding of result.findings) assert.doesNotMatch(finding.message, /(?<!\.)\.\.(?!\.)/, finding.message);
    });
  });

  describe('task-id-duplicate', () => {
    it('fires on the second use of an id, at its value', () => {
      const finding = expectFinding({ 'release.yaml': releaseWith('id: T2', 'id: T1') }, 'task-id-duplicate', { severity: 'error', covers: 'T1' });
      assert.equal(finding.range.start.line, 22);
      assert.equal(finding.message, 'Task id "T1" is already used on line 17. Ids must be unique: give this one a new id.');
    });

    it('treats 1 and "1" as the same id', () => {
      const text = releaseWith('id: T2', 'id: "1"', releaseWith('id: T1', 'id: 1'));
      expectFinding({ 'release.yaml': text }, 'task-id-duplicate', { severity: 'error', covers: '"1"' });
    });

    it('does not fire on distinct ids', () => {
      expectNo({}, 'task-id-duplicate');
    });
  });

  describe('config-unknown-rule', () => {
    it('fires on a misspelled code, at the key, with the closest code, and the override is ignored', () => {
      const refactor = releaseWith('    estimate: 1\n', '    estimate: 1\n    kind: refactor\n');
      const entries = { 'release.yaml': refactor, 'config.yaml': 'rules:\n  scope-refactr: error\n' };
      const finding = expectFinding(entries, 'config-unknown-rule', { severity: 'warning', covers: 'scope-refactr', file: '.release/config.yaml' });
      assert.equal(finding.message, 'There is no rule `scope-refactr`, so this line is ignored: did you mean `scope-refactor`?');
      assert.deepEqual(finding.data, { suggestion: 'scope-refactor' });
      assert.deepEqual(finding.path, ['rules', 'scope-refactr']);
      assert.equal(single(check(entries), 'scope-refactor').severity, 'warning');
    });

    it('without a close code, points to the list', () => {
      const finding = expectFinding({ 'config.yaml': 'limits:\n  open_tasks: 8\nrules:\n  owner-unknown: off\n  no-friday-deploys: error\n' }, 'config-unknown-rule', { severity: 'warning', covers: 'no-friday-deploys', file: '.release/config.yaml' });
      assert.equal(finding.message, 'There is no rule `no-friday-deploys`, so this line is ignored: see docs/rules.md for the list of codes.');
      assert.equal(finding.data, undefined);
    });

    it('engine-error cannot be overridden, and says so', () => {
      const finding = expectFinding({ 'config.yaml': 'rules:\n  engine-error: off\n' }, 'config-unknown-rule', { severity: 'warning', covers: 'engine-error', file: '.release/config.yaml' });
      assert.match(finding.message, /^`engine-error` cannot be changed in config\.yaml/);
    });

    it('can itself be overridden like any rule', () => {
      expectFinding({ 'config.yaml': 'rules:\n  config-unknown-rule: error\n  scope-refactr: off\n' }, 'config-unknown-rule', { severity: 'error', covers: 'scope-refactr', file: '.release/config.yaml' });
      expectNo({ 'config.yaml': 'rules:\n  config-unknown-rule: off\n  scope-refactr: off\n' }, 'config-unknown-rule');
    });

    it('does not fire on real codes, nor without config.yaml', () => {
      expectNo({ 'config.yaml': 'rules:\n  scope-refactor: error\n  owner-unknown: off\n  yaml-syntax: warning\n' }, 'config-unknown-rule');
      expectNo({}, 'config-unknown-rule');
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
