import assert from 'node:assert/strict';
import { checkPlan } from '../../src/core/engine';
import { assertRangesInside, CLEAN_RELEASE, CLEAN_ROLLBACK, covered, files, only, releaseWith, TODAY } from './helpers';

/** A release.yaml / rollback.yaml with one known finding each, to prove the other file is still checked. */
const MARKED_RELEASE = releaseWith('    owner: Bo\n', '    owner: backend team\n');
const MARKED_ROLLBACK = releaseWith('    threshold: "> 2%"\n', '', CLEAN_ROLLBACK);

function seeded(seed: number, length: number): string {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += String.fromCharCode((state >>> 16) % 256);
  }
  return out;
}

function aliasBomb(levels: number): string {
  let text = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
  let previous = 'a';
  for (let level = 0; level < levels; level++) {
    const name = `b${level}`;
    text += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
    previous = name;
  }
  return text;
}

const BAD_INPUTS: { name: string; text: () => string; codes: string[] }[] = [
  { name: 'malformed YAML', text: () => 'stable: {version: 1\nsteps: [\n', codes: ['yaml-syntax'] },
  { name: 'a tab-indented file', text: () => 'stable:\n\tversion: "1.4.2"\nsteps:\n\t- Redeploy\n', codes: ['yaml-syntax'] },
  { name: 'an empty file', text: () => '', codes: [] },
  { name: 'a file of comments only', text: () => '# nothing yet\n', codes: [] },
  { name: 'a file that is a list', text: () => '- stable\n- steps\n', codes: ['schema'] },
  { name: 'a file that is a plain string', text: () => 'just some words\n', codes: ['schema'] },
  { name: 'wrong types everywhere', text: () => 'stable: 5\nsteps: yes\ntriggers: {signal: x}\ntarget_minutes: soon\nrehearsals: 3\ntasks: 7\nproblem: [a, b]\n', codes: ['schema'] },
  { name: 'a 10 MB file', text: () => `stable:\n  version: "1"\nsteps:\n${'  - step\n'.repeat(10 * 1024 * 1024 / 9)}`, codes: ['file-too-large'] },
  { name: 'an alias bomb', text: () => aliasBomb(10), codes: ['yaml-syntax'] },
  { name: '5000 levels of [', text: () => '['.repeat(5000), codes: ['yaml-syntax'] },
  { name: '5000 levels of balanced [ ] under a key', text: () => `steps: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, codes: ['yaml-syntax'] },
  { name: '2000 levels of nested block maps', text: () => Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'), codes: [] },
  { name: 'binary bytes with NUL', text: () => `\u0000${seeded(7, 4096)}\u0000`, codes: [] },
  { name: 'duplicate keys', text: () => 'steps:\n  - a\nsteps:\n  - b\n', codes: ['yaml-syntax'] },
  { name: 'control characters and lone CR line ends', text: () => 'stable:\r  version: "1"\rsteps: [a]\u0007\r', codes: [] },
  { name: 'lone surrogates', text: () => 'steps:\n  - "\uD800"\n  - \uDC00x\n', codes: [] },
  { name: 'a value containing ": "', text: () => 'steps:\n  - title: Fix: login\n', codes: ['yaml-syntax'] },
  { name: 'several YAML documents', text: () => 'steps: [a]\n---\nsteps: [b]\n...\nx: 1\n', codes: ['yaml-syntax'] },
  { name: '1500 levels of nested lists', text: () => Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}- `).join('\n'), codes: ['yaml-syntax'] },
  { name: 'an alias to an anchor that does not exist', text: () => 'steps:\n  - *nothing\n', codes: ['yaml-syntax'] },
  { name: 'stray brackets, commas and colons', text: () => 'a: 1\n]\nb: }\nc: [1,,2]\n- d\ne: x: y\nf: "g"h\n', codes: ['yaml-syntax'] },
  { name: 'directives, tags and anchors', text: () => '%FOO bar\n---\na: !!binary x\nb: &x &y 1\nc: !custom [1]\nd: *\n', codes: ['yaml-syntax'] },
  { name: 'block text with bad indentation', text: () => 'steps:\n  - |x\n      a\n    b\n  - >\n  c\n', codes: ['yaml-syntax'] },
  { name: 'a very long key', text: () => `${'k'.repeat(1100)}: 1\n`, codes: [] },
  { name: 'a list as a key', text: () => '? [a, b]\n: 1\n[c]: 2\n', codes: [] },
  { name: 'bad escapes and unclosed quotes', text: () => 'steps:\n  - "a\\qb"\n  - \'c\n', codes: ['yaml-syntax'] },
];

/** Words of the parser's own vocabulary: a person reading a finding should never meet them. */
const PARSER_JARGON = /YAML\.parse|parseAllDocuments|compact mapping|call stack|token|implicit|indicator|scalar|flow[- ](seq|map)|block-(seq|map)|map-value|\bind\b|plain value|resource exhaustion|stringified|mapAsMap/i;

describe('bad input: a clear diagnostic, never a crash, nothing lost', () => {
  for (const input of BAD_INPUTS) {
    describe(input.name, () => {
      for (const [bad, other, otherCode] of [
        ['rollback.yaml', 'release.yaml', 'owner-team-label'],
        ['release.yaml', 'rollback.yaml', 'rollback-trigger-vague'],
      ] as const) {
        it(`as ${bad}: findings inside the file, and ${other} is still checked`, () => {
          const text = input.text();
          const plan = files({ 'release.yaml': MARKED_RELEASE, 'rollback.yaml': MARKED_ROLLBACK, [bad]: text });
          const started = Date.now();
          const result = checkPlan(plan, { today: TODAY });
          assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
          const inBad = result.findings.filter((f) => f.file === `.release/${bad}`);
          assert.ok(inBad.length > 0, `no findings for the bad ${bad}`);
          for (const code of input.codes) assert.ok(inBad.some((f) => f.code === code), `no ${code} in ${inBad.map((f) => f.code).join(', ')}`);
          assert.equal(result.findings.filter((f) => f.code === 'engine-error').length, 0);
          assertRangesInside(plan, result.findings);
          assert.equal(only(result, otherCode).length, 1, `${other} was not checked: ${result.findings.map((f) => f.code).join(', ')}`);
          for (const finding of result.findings) assert.ok(finding.message.length > 0);
        });
      }
    });
  }

  it('no message uses the parser\'s vocabulary or ends in a doubled period', () => {
    for (const input of BAD_INPUTS) {
      for (const name of ['release.yaml', 'rollback.yaml', 'config.yaml']) {
        const result = checkPlan(files({ [name]: input.text() }), { today: TODAY });
        for (const finding of result.findings) {
          assert.doesNotMatch(finding.message, PARSER_JARGON, `${input.name} as ${name}: ${finding.message}`);
          assert.doesNotMatch(finding.message, /(?<!\.)\.\.(?!\.)/, `${input.name} as ${name}: ${finding.message}`);
        }
      }
    }
  });

  it('the jargon check would catch the parser\'s own wording', () => {
    for (const raw of ['Nested mappings are not allowed in compact mappings', 'Source contains multiple documents; please use YAML.parseAllDocuments()', 'Maximum call stack size exceeded', 'Unexpected flow-seq-end token in YAML stream: "]"', 'Implicit map keys need to be followed by map values']) {
      assert.match(raw, PARSER_JARGON);
    }
  });

  it('a syntax error in a check-in or gonogo record does not stop the rest', () => {
    const plan = files({ 'release.yaml': MARKED_RELEASE, 'checkins/2026-11-30.yaml': 'blocks: [', 'gonogo/2026-11-30.yaml': 'decision: go\n\tby: Ana\n' });
    const result = checkPlan(plan, { today: TODAY });
    assert.equal(only(result, 'yaml-syntax').length, 2);
    assert.equal(only(result, 'owner-team-label').length, 1);
    assertRangesInside(plan, result.findings);
  });

  describe('encodings and names: ranges still cover the offending text', () => {
    it('a UTF-8 BOM', () => {
      const text = `\uFEFF${MARKED_RELEASE}`;
      const result = checkPlan(files({ 'release.yaml': text }), { today: TODAY });
      const [finding] = only(result, 'owner-team-label');
      assert.ok(finding);
      assert.equal(finding.range.start.line, 18);
      assert.equal(finding.range.start.character, 11);
      assert.equal(covered(text, finding), 'backend team');
    });

    it('a BOM on an error on the first line keeps the column of the text', () => {
      const text = `\uFEFFrelease: [oops\n${CLEAN_RELEASE.split('\n').slice(1).join('\n')}`;
      const result = checkPlan(files({ 'release.yaml': text }), { today: TODAY });
      assertRangesInside(files({ 'release.yaml': text }), result.findings);
      assert.ok(only(result, 'yaml-syntax').length > 0);
    });

    it('CRLF line ends', () => {
      const text = MARKED_RELEASE.replace(/\n/g, '\r\n');
      const rollback = MARKED_ROLLBACK.replace(/\n/g, '\r\n');
      const plan = files({ 'release.yaml': text, 'rollback.yaml': rollback });
      const result = checkPlan(plan, { today: TODAY });
      assert.deepEqual(result.findings.map((f) => f.code).sort(), ['owner-team-label', 'rollback-trigger-vague']);
      const [label] = only(result, 'owner-team-label');
      assert.ok(label);
      assert.equal(covered(text, label), 'backend team');
      const [vague] = only(result, 'rollback-trigger-vague');
      assert.ok(vague);
      assert.equal(covered(rollback, vague), 'signal: error rate');
      assertRangesInside(plan, result.findings);
    });

    it('CRLF with a multi-line range (a block list of owners)', () => {
      const text = releaseWith('    owner: Bo\n', '    owner:\n      - Ana\n      - Bo\n').replace(/\n/g, '\r\n');
      const result = checkPlan(files({ 'release.yaml': text }), { today: TODAY });
      const [finding] = only(result, 'owner-multiple');
      assert.ok(finding);
      assert.equal(covered(text, finding).replace(/\r/g, ''), '- Ana\n      - Bo\n');
    });

    it('non-ASCII names are people; "backend-Team" is a group', () => {
      const text = releaseWith('    owner: Cy\n', '    owner: 李雷\n', releaseWith('    owner: Bo\n', '    owner: Zoë Ångström\n'));
      assert.deepEqual(checkPlan(files({ 'release.yaml': text }), { today: TODAY }).findings, []);
      const labelled = releaseWith('    owner: Bo\n', '    owner: backend-Team\n');
      const [finding] = only(checkPlan(files({ 'release.yaml': labelled }), { today: TODAY }), 'owner-team-label');
      assert.ok(finding);
      assert.equal(covered(labelled, finding), 'backend-Team');
    });

    it('astral characters before the offending value count as two UTF-16 columns, like editors', () => {
      const text = releaseWith('    owner: Bo\n', '    owner: "🚀 Zoë/李雷"\n');
      const [finding] = only(checkPlan(files({ 'release.yaml': text }), { today: TODAY }), 'owner-multiple');
      assert.ok(finding);
      assert.equal(covered(text, finding), '"🚀 Zoë/李雷"');
      assert.equal(finding.range.end.character - finding.range.start.character, '"🚀 Zoë/李雷"'.length);
    });

    it('a team.yaml with non-ASCII aliases resolves owners', () => {
      const team = 'people:\n  - name: Zoë Ångström\n    aliases: [zoë]\n  - name: 李雷\n  - name: Ana\n  - name: Bo\n  - name: Cy\n';
      const text = releaseWith('    owner: Cy\n', '    owner: 李雷\n', releaseWith('    owner: Bo\n', '    owner: ZOË\n'));
      const result = checkPlan(files({ 'release.yaml': text, 'team.yaml': team }), { today: TODAY });
      assert.deepEqual(only(result, 'owner-unknown'), []);
    });
  });
});
