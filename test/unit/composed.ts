import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_CODES } from '../../src/core/catalog';
import { findingText, isMessage, render, type Message, type Translate } from '../../src/core/message';
import type { Finding } from '../../src/core/types';

/**
 * A translator that wraps a template's own words in ［…］ and leaves the values it is filled with
 * outside: what a finding shows outside the brackets is exactly what was passed in as data.
 */
export const marking: Translate = (template, args) =>
  template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (name !== undefined) return Object.hasOwn(args, name) ? args[name] : part;
      return part === '' ? '' : `［${part}］`;
    })
    .join('');

/** Every string value in a message, nested messages included, with the id and name it was given under. */
function leaves(message: Message): { id: string; name: string; value: string }[] {
  return Object.entries(message.args).flatMap(([name, value]) => (isMessage(value) ? leaves(value) : typeof value === 'string' ? [{ id: message.id, name, value }] : []));
}

/** Words that are names in the plan's format, not English: every field name and choice in schemas/, the plan's file names, the rule codes. */
const FORMAT_WORDS = ((): Set<string> => {
  const words = new Set<string>(['release', 'yaml', 'yml', 'checkins', 'gonogo', 'team', 'config', 'x', 'x-', ...RULE_CODES, 'engine-error']);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && typeof value === 'object' && value !== null) for (const name of Object.keys(value)) words.add(name);
      if (key === 'enum' && Array.isArray(value)) for (const choice of value) words.add(String(choice));
      visit(value);
    }
  };
  const dir = join(__dirname, '..', '..', 'schemas');
  for (const file of readdirSync(dir)) visit(JSON.parse(readFileSync(join(dir, file), 'utf8')));
  return words;
})();

/**
 * Text that is not words of ours: no letters (dates, numbers, punctuation), or only names of the
 * plan's format (`tasks[0].status`, `stable: { version: … }`, `checkins/2026-12-01.yaml`, `no-go`).
 */
function wordless(value: string): boolean {
  return value.split(/[^\p{L}\p{N}_-]+/u).every((token) => !/\p{L}/u.test(token) || FORMAT_WORDS.has(token.toLowerCase()) || FORMAT_WORDS.has(token));
}

/** The plan's own text, found case-insensitively and without the quotes a message put around it. */
function fromPlan(value: string, texts: readonly string[]): boolean {
  const plain = value.replace(/^["'`]|["'`]$/g, '').toLowerCase();
  return texts.some((text) => text.includes(plain));
}

/**
 * The engine's promise to translators, checked on a check's findings: each carries its message as
 * data, renders to its English `message`, and every value in it is the plan's own text (or has no
 * words), so no English is pasted into a sentence a translator sees.
 */
export function assertComposed(findings: readonly Finding[], files: ReadonlyMap<string, string>): void {
  // The plan's text, and its files' names (file-misnamed quotes them).
  const texts = [...files.values(), ...files.keys()].map((text) => text.toLowerCase());
  for (const finding of findings) {
    const where = `${finding.code} in ${finding.file}: ${finding.message}`;
    assert.ok(isMessage(finding.l10n), `${where} — carries no message as data`);
    assert.equal(findingText(finding.l10n), finding.message, `${where} — its message renders differently`);
    for (const { id, name, value } of leaves(finding.l10n)) {
      const plain = value.trim();
      if (plain === '' || wordless(plain)) continue;
      const inPlan = fromPlan(plain, texts) || plain.split(/, |; /).every((piece) => wordless(piece) || fromPlan(piece, texts));
      assert.ok(inPlan, `${where} — {${name}} of ${id} is "${value}": words of ours passed as a value, not the plan's text`);
    }
    assert.ok(render(finding.l10n, marking).includes('［'), `${where} — has no words of its own to translate`);
  }
}
