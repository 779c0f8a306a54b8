import { isRuleCode, RULE_CODES, RULES } from '../catalog';
import type { RuleContext } from '../context';
import { defineMessages } from '../message';
import type { SourceFile } from '../source';
import { closest, onlyCaseDiffers } from '../suggest';
import type { Finding } from '../types';

/** The sentences of the task-id and config.yaml `rules:` checks. */
export const messages = defineMessages({
  'task-id-duplicate': 'Task id "{id}" is already used on line {line}. Ids must be unique: give this one a new id.',
  'config-unknown-rule': 'There is no rule `{code}`, so this line is ignored: see docs/rules.md for the list of codes.',
  'config-unknown-rule/guess': 'There is no rule `{code}`, so this line is ignored: did you mean `{guess}`?',
  'config-unknown-rule/guess/case': 'There is no rule `{code}`, so this line is ignored: did you mean `{guess}`? Rule codes are lower-case.',
  'config-unknown-rule/fixed': '`{code}` cannot be changed in config.yaml: it reports a bug in Release Plan itself and is always an error. Remove this line.',
});

export function checkTaskIds(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  const firstSeen = new Map<string, number>();
  for (const { task, index } of ctx.tasks()) {
    if (task.id === undefined) continue;
    const id = String(task.id).trim();
    const first = firstSeen.get(id);
    if (first === undefined) {
      firstSeen.set(id, index);
      continue;
    }
    const line = release.source.rangeFor(['tasks', first, 'id'], 'value').start.line + 1;
    ctx.report(release.source, ['tasks', index, 'id'], 'task-id-duplicate', messages('task-id-duplicate', { id, line }), { prefer: 'value' });
  }
}

/** Codes config.yaml may not override: the engine reports them outside the rule catalog. */
const FIXED_CODES = ['engine-error'];

/**
 * `config-unknown-rule`: a `rules:` key that names no rule. Runs when config.yaml is validated
 * (the plan keeps only config data, not its source). The override itself is ignored by the engine.
 */
export function checkConfigRules(file: SourceFile, data: unknown): Finding[] {
  const rules = (data as { rules?: unknown } | undefined)?.rules;
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return [];
  const findings: Finding[] = [];
  const severity = RULES['config-unknown-rule'].severity;
  for (const code of Object.keys(rules)) {
    if (isRuleCode(code)) continue;
    const path = ['rules', code];
    if (FIXED_CODES.includes(code)) {
      findings.push(file.finding(file.rangeFor(path), severity, 'config-unknown-rule', messages('config-unknown-rule/fixed', { code }), path));
      continue;
    }
    const guess = closest(code, RULE_CODES);
    const message = !guess ? messages('config-unknown-rule', { code }) : onlyCaseDiffers(code, guess) ? messages('config-unknown-rule/guess/case', { code, guess }) : messages('config-unknown-rule/guess', { code, guess });
    const finding = file.finding(file.rangeFor(path), severity, 'config-unknown-rule', message, path);
    findings.push(guess ? { ...finding, data: { suggestion: guess } } : finding);
  }
  return findings;
}
