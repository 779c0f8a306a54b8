import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkPlan } from '../../src/core/engine';
import { CLEAN_RELEASE, CLEAN_ROLLBACK, TODAY } from '../unit/helpers';

/** The labels of test/corpus/problems.yaml, in the order the precedence below applies them. */
export const LABELS = ['missing', 'multi-sentence', 'broad', 'vague', 'one'] as const;
export type Label = (typeof LABELS)[number];

export interface Labelled {
  text: string;
  label: Label;
}

const CORPUS = join(__dirname, 'problems.yaml');
const CLEAN_PROBLEM = 'problem: Customers cannot download their invoices as PDF.';

export function loadCorpus(path = CORPUS): Labelled[] {
  const data = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  return Object.entries(data).flatMap(([label, texts]) => {
    if (!(LABELS as readonly string[]).includes(label)) throw new Error(`${path}: unknown label ${label}`);
    if (!Array.isArray(texts)) throw new Error(`${path}: ${label} must be a list of statements`);
    return texts.map((text) => ({ text: String(text), label: label as Label }));
  });
}

/**
 * What the rules say about a statement, run through the real engine on an otherwise clean plan:
 * missing, else multi-sentence, else broad, else vague, else one.
 */
export function predict(text: string): Label {
  if (!CLEAN_RELEASE.includes(CLEAN_PROBLEM)) throw new Error('the clean release no longer has the expected problem line');
  // JSON text is a valid YAML double-quoted scalar: quotes, colons and line breaks stay the statement's own.
  const release = CLEAN_RELEASE.replace(CLEAN_PROBLEM, `problem: ${JSON.stringify(text)}`);
  const files = new Map([
    ['.release/release.yaml', release],
    ['.release/rollback.yaml', CLEAN_ROLLBACK],
  ]);
  const codes = new Set(checkPlan(files, { today: TODAY }).findings.map((f) => f.code));
  if (codes.has('problem-missing')) return 'missing';
  if (codes.has('problem-not-one-sentence')) return 'multi-sentence';
  if (codes.has('problem-too-broad')) return 'broad';
  if (codes.has('problem-vague')) return 'vague';
  return 'one';
}

export interface Agreement {
  label: Label;
  total: number;
  agreed: number;
  /** agreed / total, 0..1 */
  rate: number;
}

export interface CorpusResult {
  entries: (Labelled & { predicted: Label })[];
  /** confusion[label][predicted] = count */
  confusion: Record<Label, Record<Label, number>>;
  agreement: Agreement[];
}

export function runCorpus(corpus = loadCorpus()): CorpusResult {
  const entries = corpus.map((entry) => ({ ...entry, predicted: predict(entry.text) }));
  const confusion = Object.fromEntries(LABELS.map((label) => [label, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as Record<Label, Record<Label, number>>;
  for (const { label, predicted } of entries) confusion[label][predicted]++;
  const agreement = LABELS.flatMap((label) => {
    const total = entries.filter((e) => e.label === label).length;
    if (total === 0) return [];
    const agreed = confusion[label][label];
    return [{ label, total, agreed, rate: agreed / total }];
  });
  return { entries, confusion, agreement };
}

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

/** The confusion table as Markdown (rows = label, columns = predicted) plus per-label agreement. */
export function formatTable(result: CorpusResult): string {
  const present = LABELS.filter((label) => result.agreement.some((a) => a.label === label));
  const header = `| label \\ predicted | ${present.join(' | ')} | agreement |`;
  const rule = `|---|${present.map(() => '---:').join('|')}|---:|`;
  const rows = present.map((label) => {
    const a = result.agreement.find((x) => x.label === label) as Agreement;
    return `| ${label} (${a.total}) | ${present.map((p) => String(result.confusion[label][p])).join(' | ')} | ${a.agreed}/${a.total} = ${percent(a.rate)} |`;
  });
  return [header, rule, ...rows].join('\n');
}

export function formatAgreement(result: CorpusResult): string {
  return result.agreement.map((a) => `${a.label}: ${a.agreed}/${a.total} = ${percent(a.rate)}`).join(', ');
}
