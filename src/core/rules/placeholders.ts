import { taskLabel, type RuleContext } from '../context';
import { isPlaceholder } from '../placeholder';
import type { SourceFile, YamlPath } from '../source';

/**
 * `placeholder-text`: template text left in a field no other rule reads as missing — a task's or a
 * parked item's title, the release name, one runbook step or trigger among real ones, a trigger's threshold. Fields with
 * a rule of their own (owners, roles, the problem, the stable version, a migration's rollback line,
 * a runbook with no real step or trigger at all) are reported by that rule, never twice.
 */
export function checkPlaceholders(ctx: RuleContext): void {
  const release = ctx.release;
  if (release) {
    const { source, data } = release;
    if (typeof data.release === 'string' && isPlaceholder(data.release)) report(ctx, source, ['release'], data.release, 'The release name', 'Name the release (e.g. billing-v1)');
    for (const { task, index } of ctx.tasks()) {
      if (typeof task.title === 'string' && isPlaceholder(task.title)) report(ctx, source, ['tasks', index, 'title'], task.title, `The title of task ${taskLabel(task, index)}`, 'Say in a few words what is done');
    }
    (data.parked ?? []).forEach((item, index) => {
      if (item && typeof item.title === 'string' && isPlaceholder(item.title)) report(ctx, source, ['parked', index, 'title'], item.title, `The title of parked item ${index + 1}`, 'Say what was cut');
    });
  }

  const rollback = ctx.plan.rollback;
  if (rollback) {
    const { source, data } = rollback;
    const steps = (data.steps ?? []).map((step, index) => ({ step, index })).filter(({ step }) => typeof step === 'string' && step.trim() !== '');
    // With no real step at all, rollback-no-steps already says the runbook is empty.
    if (steps.some(({ step }) => !isPlaceholder(step))) {
      for (const { step, index } of steps) if (isPlaceholder(step)) report(ctx, source, ['steps', index], step as string, `Step ${index + 1} of the runbook`, 'Write the step in plain language, or delete it');
    }
    const triggers = (data.triggers ?? []).map((trigger, index) => ({ trigger, index })).filter(({ trigger }) => trigger && typeof trigger.signal === 'string');
    if (triggers.some(({ trigger }) => !isPlaceholder(trigger?.signal))) {
      for (const { trigger, index } of triggers) if (isPlaceholder(trigger?.signal)) report(ctx, source, ['triggers', index, 'signal'], trigger?.signal ?? '', `The signal of trigger ${index + 1}`, 'Name what you watch (e.g. error rate), or delete the trigger');
    }
    // A real signal with a template threshold: nobody can tell when it fires (a blank one is rollback-trigger-vague).
    for (const { trigger, index } of triggers) {
      const threshold = trigger?.threshold === undefined ? '' : String(trigger.threshold);
      if (!isPlaceholder(trigger?.signal) && threshold.trim() !== '' && isPlaceholder(threshold)) report(ctx, source, ['triggers', index, 'threshold'], threshold, `The threshold of trigger "${trigger?.signal}"`, 'Write when it fires (e.g. "> 2% of requests")');
    }
  }
}

function report(ctx: RuleContext, source: SourceFile, path: YamlPath, value: string, what: string, todo: string): void {
  ctx.report(source, path, 'placeholder-text', `${what} is still template text ("${value.trim()}"). ${todo}.`, { prefer: 'value' });
}
