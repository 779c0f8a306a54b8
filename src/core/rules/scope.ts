import { dayNumber, workingDaysBetween } from '../dates';
import { plural, taskLabel, type RuleContext } from '../context';

/** Phrases that show a problem statement bundles several outcomes. */
const BROAD_PATTERNS: [RegExp, string][] = [
  [/\bseveral\b/i, '"several"'],
  [/\bvarious\b/i, '"various"'],
  [/\bimprovements?\b/i, '"improvements"'],
  [/\bclean-?ups?\b/i, '"cleanup"'],
  [/\bplus\b/i, '"plus"'],
  [/\bas well as\b/i, '"as well as"'],
  [/\band also\b/i, '"and also"'],
  [/\betc\.?(?=\s|$)/i, '"etc"'],
  [/;/, 'a semicolon'],
];

const ABBREVIATIONS = /\b(?:e\.g|i\.e|etc|vs|mr|mrs|ms|dr|approx|incl)\.$/i;

export function countSentences(text: string): number {
  const parts = text.trim().split(/(?<=[.!?])\s+(?=\S)/);
  let count = 0;
  let pending = '';
  for (const part of parts) {
    pending = pending ? `${pending} ${part}` : part;
    if (!ABBREVIATIONS.test(pending)) {
      count++;
      pending = '';
    }
  }
  return count + (pending ? 1 : 0);
}

export function checkScope(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  const { source, data } = release;
  const limits = ctx.limits;

  const problem = data.problem?.trim() ?? '';
  if (!problem) {
    ctx.report(source, ['problem'], 'problem-missing', 'State the one customer problem this release solves, in one sentence: `problem: Customers cannot …`.', { prefer: 'value' });
  } else {
    const sentences = countSentences(problem);
    if (sentences > 1) {
      ctx.report(source, ['problem'], 'problem-not-one-sentence', `The problem takes ${sentences} sentences. If it needs more than one, the release is solving more than one problem: keep the one customers feel most.`, { prefer: 'value' });
    }
    const broad = BROAD_PATTERNS.filter(([pattern]) => pattern.test(problem)).map(([, name]) => name);
    if (broad.length > 0) {
      ctx.report(source, ['problem'], 'problem-too-broad', `The problem lists several outcomes (${broad.join(', ')}). Pick the one customer problem; park the rest for a later release.`, { prefer: 'value' });
    }
  }

  const open = ctx.openTasks();
  if (open.length > limits.open_tasks) {
    ctx.report(source, ['tasks'], 'scope-too-many-tasks', `${plural(open.length, 'open task')}; the limit is ${limits.open_tasks}. Park what does not solve the problem.`);
  }

  const risky = open.filter(({ task }) => (task.risk ?? []).some(Boolean));
  risky.slice(limits.risky_tasks).forEach(({ task, index }) => {
    ctx.report(source, ['tasks', index, 'risk'], 'scope-too-risky', `${plural(risky.length, 'open risky task')} (${risky.map(({ task: t, index: i }) => taskLabel(t, i)).join(', ')}); the limit is ${limits.risky_tasks}. Make ${taskLabel(task, index)} smaller, or move it to the next release.`);
  });

  for (const { task, index } of open) {
    if (task.kind === 'refactor') {
      ctx.report(source, ['tasks', index, 'kind'], 'scope-refactor', `Task ${taskLabel(task, index)} is a refactor. A rescue release ships the fix, not a rewrite: park it.`, { prefer: 'value' });
    }
  }

  const freeze = dayNumber(data.freeze?.scope);
  if (freeze !== undefined) {
    for (const { task, index } of ctx.tasks()) {
      const added = dayNumber(task.added);
      if (added !== undefined && added > freeze) {
        ctx.report(source, ['tasks', index, 'added'], 'scope-late-addition', `Task ${taskLabel(task, index)} was added on ${task.added}, after the scope froze on ${data.freeze?.scope}. Park it, or have the scope owner trade it for something of equal size.`, { prefer: 'value' });
      }
    }
  }

  checkCapacity(ctx);
}

function checkCapacity(ctx: RuleContext): void {
  const release = ctx.release;
  const horizon = ctx.horizon();
  if (!release || !horizon) return;
  const daysLeft = workingDaysBetween(ctx.today, horizon.date);
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
