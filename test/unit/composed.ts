import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, visit } from 'yaml';
import { RULE_CODES } from '../../src/core/catalog';
import { declaredMessages, findingText, isMessage, render, type Message, type MessageArg, type Translate } from '../../src/core/message';
import { shortCommit, type Timeline } from '../../src/core/timeline';
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

/** A message and every message in its values was declared (so it is in the l10n bundle), with the template declared for its id. */
function assertDeclared(message: Message, where: string): void {
  assert.equal(declaredMessages().get(message.id), message.template, `${where} — ${message.id} is not a declared message (not in the l10n bundle)`);
  for (const value of Object.values(message.args)) {
    const items = Array.isArray(value) ? value : typeof value === 'object' && 'items' in value ? [...value.items, value.separator] : [value];
    for (const item of items) if (isMessage(item)) assertDeclared(item, where);
  }
}

/** Every string value in a message, nested messages included, with the id and name it was given under. */
function leaves(message: Message): { id: string; name: string; value: string }[] {
  const of = (name: string, value: MessageArg): { id: string; name: string; value: string }[] =>
    Array.isArray(value) ? value.flatMap((item) => of(name, item)) : isMessage(value) ? leaves(value) : typeof value === 'string' ? [{ id: message.id, name, value }] : typeof value === 'object' && 'items' in value ? value.items.flatMap((item) => of(name, item)) : [];
  return Object.entries(message.args).flatMap(([name, value]) => of(name, value));
}

/** Words that are names in the plan's format, not English: every field name and choice in schemas/, the plan's file names, the rule codes. */
const FORMAT_WORDS = ((): Set<string> => {
  const words = new Set<string>(['release', 'yaml', 'yml', 'checkins', 'gonogo', 'team', 'config', 'review', 'history', 'x', 'x-', ...RULE_CODES, 'engine-error']);
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
 * Text that is not words of ours: no letters (dates, numbers, punctuation), or names of the plan's
 * format — one name (`owner`, `no-go`) or code made of names (`tasks[0].status`,
 * `stable: { version: … }`, `checkins/2026-12-01.yaml`). Names in a phrase ("no owner") are words.
 */
function wordless(value: string): boolean {
  const tokens = value.split(/[^\p{L}\p{N}_-]+/u).filter((token) => /\p{L}/u.test(token));
  if (tokens.length === 0) return true;
  const names = tokens.every((token) => FORMAT_WORDS.has(token.toLowerCase()) || FORMAT_WORDS.has(token));
  return names && (tokens.length === 1 || /[:`[\]{}./=]/.test(value));
}

/**
 * What the plan says, to look values up in: every key and scalar of each file that parses (not
 * its comments), its lines where it does not, and the files' names (file-misnamed quotes them).
 */
function planTexts(files: ReadonlyMap<string, string>): string[] {
  const texts: string[] = [...files.keys()];
  for (const text of files.values()) {
    const doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length > 0) {
      texts.push(...text.split(/\r?\n/));
      continue;
    }
    visit(doc, {
      Scalar: (_key, node) => {
        if (node.value !== null && node.value !== undefined) texts.push(String(node.value));
      },
      Alias: (_key, node) => {
        texts.push(node.source);
      },
      Pair: (_key, pair) => {
        if (pair.value && typeof pair.value === 'object' && 'anchor' in pair.value && typeof pair.value.anchor === 'string') texts.push(pair.value.anchor);
      },
    });
  }
  return texts.map((text) => text.toLowerCase());
}

/** The plan's own text (a whole value, or whole words of one), case-insensitively and without the quotes a message put around it. */
function fromPlan(value: string, texts: readonly string[]): boolean {
  const plain = value.replace(/^["'`]|["'`]$/g, '').toLowerCase();
  const words = new RegExp(`(^|[^\\p{L}\\p{N}])${plain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u');
  return texts.some((text) => text === plain || words.test(text));
}

/**
 * Texts a check may quote besides the plan files: what the plan's git history says (authors,
 * commits as quoted, task ids and titles of earlier versions, dates) — data, never words of ours.
 */
function historyTexts(timeline: Timeline | undefined): string[] {
  if (!timeline) return [];
  const texts: string[] = [];
  for (const event of timeline.events) {
    texts.push(event.author, event.commit, shortCommit(event.commit), event.date);
    for (const value of Object.values(event)) if (typeof value === 'string') texts.push(value);
  }
  return texts.map((text) => text.toLowerCase());
}

/** One message of a finding (its own, or one of its related information's) held to the standard below. */
function assertMessageComposed(l10n: Message, message: string, where: string, texts: readonly string[]): void {
  assert.ok(isMessage(l10n), `${where} — carries no message as data`);
  assert.equal(findingText(l10n), message, `${where} — its message renders differently`);
  assertDeclared(l10n, where);
  // A value the template asks for and nobody gave stays "{name}" in the text.
  assert.doesNotMatch(render(l10n, marking).replace(/［[^［］]*］/g, ''), /\{\w+\}/, `${where} — a placeholder was left unfilled`);
  for (const { id, name, value } of leaves(l10n)) {
    const plain = value.trim();
    if (plain === '' || wordless(plain)) continue;
    const inPlan = fromPlan(plain, texts);
    assert.ok(inPlan, `${where} — {${name}} of ${id} is "${value}": words of ours passed as a value, not the plan's text`);
  }
  assert.ok(render(l10n, marking).includes('［'), `${where} — has no words of its own to translate`);
}

/**
 * The engine's promise to translators, checked on a check's findings and their related
 * information: each carries its message as data, renders to its English `message`, and every value
 * in it is the plan's own text — or, given the check's `timeline`, what git recorded (an author, a
 * commit) — or has no words, so no English is pasted into a sentence a translator sees.
 */
export function assertComposed(findings: readonly Finding[], files: ReadonlyMap<string, string>, timeline?: Timeline): void {
  const texts = [...planTexts(files), ...historyTexts(timeline)];
  for (const finding of findings) {
    const where = `${finding.code} in ${finding.file}: ${finding.message}`;
    assertMessageComposed(finding.l10n, finding.message, where, texts);
    for (const info of finding.related ?? []) {
      assertMessageComposed(info.l10n, info.message, `${where} — related information "${info.message}"`, texts);
      assert.ok(files.has(info.file), `${where} — related information points at ${info.file}, not a plan file`);
    }
  }
}

/**
 * A sentence rendered with `marking`: outside its ［…］ words there may be only the plan's own text
 * or text without words of ours (for sentences that are not findings: go/no-go, readiness, health).
 */
export function assertOnlyPlanText(text: string, files: ReadonlyMap<string, string>, where: string): void {
  assert.match(text, /［/, `${where}: "${text}" is not translated`);
  const texts = planTexts(files);
  for (const segment of text.split(/［[^［］]*］/)) {
    const plain = segment.trim();
    if (plain === '' || wordless(plain)) continue;
    assert.ok(fromPlan(plain, texts), `${where}: "${plain}" in "${text}" is neither translated nor the plan's text`);
  }
}
