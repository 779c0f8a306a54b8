import { taskLabel, type RuleContext } from '../context';
import { defineMessages, type Message } from '../message';
import { isPlaceholder } from '../placeholder';
import type { SourceFile, YamlPath } from '../source';

/** The sentences of `placeholder-text`: one per kind of field, each naming the template text it found. */
export const messages = defineMessages({
  'placeholder-text/release': 'The release name is still template text ("{value}"). Name the release (e.g. billing-v1).',
  'placeholder-text/task-title': 'The title of task {task} is still template text ("{value}"). Say in a few words what is done.',
  'placeholder-text/parked-title': 'The title of parked item {number} is still template text ("{value}"). Say what was cut.',
  'placeholder-text/step': 'Step {number} of the runbook is still template text ("{value}"). Write the step in plain language, or delete it.',
  'placeholder-text/signal': 'The signal of trigger {number} is still template text ("{value}"). Name what you watch (e.g. error rate), or delete the trigger.',
  'placeholder-text/threshold': 'The threshold of trigger "{signal}" is still template text ("{value}"). Write when it fires (e.g. "> 2% of requests").',
});

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
    if (typeof data.release === 'string' && isPlaceholder(data.release)) report(ctx, source, ['release'], messages('placeholder-text/release', { value: data.release.trim() }));
    for (const { task, index } of ctx.tasks()) {
      if (typeof task.title === 'string' && isPlaceholder(task.title)) report(ctx, source, ['tasks', index, 'title'], messages('placeholder-text/task-title', { task: taskLabel(task, index), value: task.title.trim() }));
    }
    (data.parked ?? []).forEach((item, index) => {
      if (item && typeof item.title === 'string' && isPlaceholder(item.title)) report(ctx, source, ['parked', index, 'title'], messages('placeholder-text/parked-title', { number: index + 1, value: item.title.trim() }));
    });
  }

  const rollback = ctx.plan.rollback;
  if (rollback) {
    const { source, data } = rollback;
    const steps = (data.steps ?? []).map((step, index) => ({ step, index })).filter(({ step }) => typeof step === 'string' && step.trim() !== '');
    // With no real step at all, rollback-no-steps already says the runbook is empty.
    if (steps.some(({ step }) => !isPlaceholder(step))) {
      for (const { step, index } of steps) if (isPlaceholder(step)) report(ctx, source, ['steps', index], messages('placeholder-text/step', { number: index + 1, value: (step as string).trim() }));
    }
    const triggers = (data.triggers ?? []).map((trigger, index) => ({ trigger, index })).filter(({ trigger }) => trigger && typeof trigger.signal === 'string');
    if (triggers.some(({ trigger }) => !isPlaceholder(trigger?.signal))) {
      for (const { trigger, index } of triggers) if (isPlaceholder(trigger?.signal)) report(ctx, source, ['triggers', index, 'signal'], messages('placeholder-text/signal', { number: index + 1, value: (trigger?.signal ?? '').trim() }));
    }
    // A real signal with a template threshold: nobody can tell when it fires (a blank one is rollback-trigger-vague).
    for (const { trigger, index } of triggers) {
      const threshold = trigger?.threshold === undefined ? '' : String(trigger.threshold);
      if (!isPlaceholder(trigger?.signal) && threshold.trim() !== '' && isPlaceholder(threshold)) report(ctx, source, ['triggers', index, 'threshold'], messages('placeholder-text/threshold', { signal: String(trigger?.signal), value: threshold.trim() }));
    }
  }
}

function report(ctx: RuleContext, source: SourceFile, path: YamlPath, message: Message): void {
  ctx.report(source, path, 'placeholder-text', message, { prefer: 'value' });
}
