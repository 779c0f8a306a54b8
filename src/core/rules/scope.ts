import { dayNumber } from '../dates';
import { plural, taskLabel, type RuleContext } from '../context';

export function checkScope(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  const { source } = release;
  const limits = ctx.limits;

  const open = ctx.openTasks();
  if (open.length > limits.open_tasks) {
    ctx.report(source, ['tasks'], 'scope-too-many-tasks', `${plural(open.length, 'open task')}; the limit is ${limits.open_tasks}. Park what does not solve the problem.`);
  }

  const risky = open.filter(({ task }) => (task.risk ?? []).some(Boolean));
  risky.slice(limits.risky_tasks).forEach(({ task, index }) => {
    ctx.report(source, ['tasks', index, 'risk'], 'scope-too-risky', `${plural(risky.length, 'open risky task')} (${risky.map(({ task: t, index: i }) => taskLabel(t, i)).join(', ')}); the limit is ${limits.risky_tasks}. Make ${taskLabel(task, index)} smaller, or move it to the next release.`);
  });

  checkRefactors(ctx);
  checkLateAdditions(ctx);
  checkCapacity(ctx);
}

/**
 * Titles that describe reworking what exists rather than fixing the customer problem. "Clean up"
 * and "tidy" count only with an internal object ("the database layer", "the deployment setup"),
 * since "Clean up expired sessions nightly" is product behaviour; "rewrite" not with copy
 * ("Rewrite the error messages"); "replace" and "migrate to" only with a library or framework.
 */
const INTERNALS = String.raw`(?:code(?:base)?|layers?|modules?|setup|config(?:uration)?|architecture|structure|internals|legacy|tech(?:nical)? debt|dependencies|deps|build|pipeline|infra(?:structure)?|repo(?:sitory)?|folders?|imports|classes|components?|services?|models?|schema|css|styles(?:heets?)?|tests|test suite|scripts?|helpers?|utils|handlers?|state machine|backend|frontend|api|database|db|monolith|workflows?|deployment)`;
const LIBRARIES = String.raw`(?:librar(?:y|ies)|frameworks?|component library|sdk|orm|toolkit|ui kit|design system|state management|bundler|build system|react|vue|angular|svelte|next\.?js|typescript|kotlin|swiftui|jetpack compose|graphql|microservices?)`;
const REFACTOR_TITLES: [RegExp, string][] = [
  [/\b(?:refactor(?:ing|s)?|re-?architect(?:ing|ure)?|restructur(?:e|ing))\b/i, 'it restructures existing code'],
  [/\b(?:re-?writ(?:e|es|ing))\b(?!.*\b(?:copy|text|wording|messages?|e-?mails?|docs|documentation|help|faq|titles?|descriptions?|instructions|labels?)\b)/i, 'it rewrites something that already works'],
  [new RegExp(String.raw`\b(?:clean(?:-|\s+)?up|cleanup|tidy(?:\s+up)?)\b.*\b${INTERNALS}\b`, 'i'), 'it cleans up internals customers never see'],
  [new RegExp(String.raw`\breplac(?:e|es|ing)\b.*\b${LIBRARIES}\b`, 'i'), 'it swaps a library or framework'],
  [new RegExp(String.raw`\b(?:migrat(?:e|es|ing)|port(?:s|ing)?|mov(?:e|es|ing)|switch(?:es|ing)?)\b.*\bto\b.*\b${LIBRARIES}\b`, 'i'), 'it moves the code to another library or framework'],
];

/** Why an open task's title reads as a refactor, or undefined. */
export function refactorReason(title: unknown): string | undefined {
  if (typeof title !== 'string') return undefined;
  return REFACTOR_TITLES.find(([pattern]) => pattern.test(title))?.[1];
}

function checkRefactors(ctx: RuleContext): void {
  const source = ctx.release?.source;
  if (!source) return;
  for (const { task, index } of ctx.openTasks()) {
    const label = taskLabel(task, index);
    if (task.kind === 'refactor') {
      ctx.report(source, ['tasks', index, 'kind'], 'scope-refactor', `Task ${label} is a refactor. A rescue release ships the fix, not a rewrite: park it.`, { prefer: 'value' });
      continue;
    }
    // `kind: fix` is the team saying this rework is how the customer problem gets fixed.
    const reason = task.kind === 'fix' ? undefined : refactorReason(task.title);
    if (reason) {
      ctx.report(source, ['tasks', index, 'title'], 'scope-refactor', `Task ${label} reads as a refactor: ${reason}. A rescue release ships the fix for the one customer problem, not a rework: park it. If this is how the customer problem gets fixed, set \`kind: fix\`.`, { prefer: 'value' });
    }
  }
}

/** After freeze.scope nothing joins; after freeze.features no new feature joins. One finding per task. */
function checkLateAdditions(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  const { source, data } = release;
  const scopeFreeze = dayNumber(data.freeze?.scope);
  const featureFreeze = dayNumber(data.freeze?.features);
  for (const { task, index } of ctx.tasks()) {
    const added = dayNumber(task.added);
    if (added === undefined) continue;
    const label = taskLabel(task, index);
    if (scopeFreeze !== undefined && added > scopeFreeze) {
      ctx.report(source, ['tasks', index, 'added'], 'scope-late-addition', `Task ${label} was added on ${task.added}, after the scope froze on ${data.freeze?.scope} (freeze.scope). Park it, or have the scope owner trade it for something of equal size.`, { prefer: 'value' });
    } else if (featureFreeze !== undefined && added > featureFreeze && (task.kind ?? 'feature') === 'feature') {
      ctx.report(source, ['tasks', index, 'added'], 'scope-late-addition', `Task ${label} is a new feature added on ${task.added}, after feature requests stopped on ${data.freeze?.features} (freeze.features). Park it for the next release, or set \`kind:\` if it is not a feature.`, { prefer: 'value' });
    }
  }
}

function checkCapacity(ctx: RuleContext): void {
  const release = ctx.release;
  const horizon = ctx.horizon();
  if (!release || !horizon) return;
  const daysLeft = ctx.workingDaysLeft(horizon);
  const open = ctx.openTasks();
  const estimated = open.reduce((sum, { task }) => sum + (task.estimate ?? 0), 0);
  if (estimated === 0) return;
  // Without team.yaml the team is whoever owns open work; a group label or "Ana/Bo" is not a person.
  const owners = open.flatMap(({ task }) => {
    const verdict = ctx.people.judge(task.owner);
    return verdict.kind === 'ok' || verdict.kind === 'unknown' ? [ctx.people.canonical(verdict.person)] : [];
  });
  const team = ctx.people.names.length > 0 ? ctx.people.names : [...new Set(owners)];
  if (team.length === 0) return; // nobody named yet: the owner rules come first
  const available = team.reduce((sum, person) => sum + (daysLeft * ctx.people.capacity(person)) / 5, 0);
  if (estimated > available) {
    ctx.report(release.source, ['tasks'], 'scope-over-capacity', `Open estimates add up to ${Math.round(estimated * 10) / 10} days, but ${team.length === 1 ? '1 person has' : `${team.length} people have`} ${Math.round(available * 10) / 10} working days before ${horizon.name}. Cut scope until it fits.`);
  }
}
