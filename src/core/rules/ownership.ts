import { RELEASE_ROLES } from '../lists';
import { isPlaceholder } from '../placeholder';
import { plural, taskLabel, type RuleContext } from '../context';
import type { OwnerVerdict } from '../people';
import type { SourceFile, YamlPath } from '../source';

const RELEASE_ROLE_DESCRIPTIONS: Record<(typeof RELEASE_ROLES)[number], string> = {
  scope: 'scope owner (decides what is in and out)',
  delivery: 'delivery owner (gets the work done)',
  readiness: 'release-readiness owner (says the release is ready)',
  stop: 'person who may stop the release',
} as const;

/**
 * Reports a value that should name exactly one person. Shared by task owners, release roles,
 * rollback roles and blocker clearers; `what` names the field in messages.
 */
export function checkPerson(ctx: RuleContext, source: SourceFile, path: YamlPath, value: unknown, what: string, options: { reportMissing: boolean }): OwnerVerdict {
  const verdict = ctx.people.judge(value);
  switch (verdict.kind) {
    case 'missing':
      if (options.reportMissing) {
        const filled = verdict.placeholder ? `: "${verdict.placeholder}" is a placeholder, not a person` : '';
        ctx.report(source, path, 'owner-missing', `${capitalize(what)} has no owner${filled}. Name the one person who will finish it.`, { prefer: 'value' });
      }
      break;
    case 'multiple':
      ctx.report(source, path, 'owner-multiple', verdict.ambiguous ? ambiguousMessage(what, verdict.people) : `${capitalize(what)} names ${verdict.people.length} people (${verdict.people.join(', ')}). Shared ownership means nobody owns it: keep one and move the others to notes.`, { prefer: 'value' });
      break;
    case 'team-label':
      ctx.report(source, path, 'owner-team-label', verdict.role ? `"${String(value)}" names a role, not a person. Write the name of the one person for ${what}.` : `"${String(value)}" is a group, not a person. Name one person for ${what}.`, { prefer: 'value' });
      break;
    case 'unknown':
      ctx.report(source, path, 'owner-unknown', `"${verdict.person}" is not in team.yaml. Add them to people (or as an alias), or fix the spelling.`, { prefer: 'value' });
      break;
    case 'ok':
      break;
  }
  return verdict;
}

export function checkOwnership(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  const { source, data } = release;

  for (const { task, index } of ctx.tasks()) {
    const label = taskLabel(task, index);
    // Finished work needs no owner any more; unfinished work needs exactly one.
    checkPerson(ctx, source, ['tasks', index, 'owner'], task.owner, `task ${label}`, { reportMissing: task.status !== 'done' });
    const clears = task.clears !== undefined ? checkPerson(ctx, source, ['tasks', index, 'clears'], task.clears, `the blocker of task ${label}`, { reportMissing: false }) : undefined;
    // A task is blocked when it says so, and also when it names a blocker while still open.
    const namesBlocker = typeof task.blocker === 'string' && !isPlaceholder(task.blocker);
    if (task.status === 'blocked' || (task.status !== 'done' && namesBlocker)) checkBlocked(ctx, source, index, label, task.blocker, clears, task.status === 'blocked' ? 'status' : 'blocker');
  }

  const roles = data.roles ?? {};
  for (const [role, description] of RELEASE_ROLES.map((role) => [role, RELEASE_ROLE_DESCRIPTIONS[role]] as const)) {
    const value = roles[role];
    const verdict = ctx.people.judge(value);
    if (verdict.kind === 'missing') {
      const filled = verdict.placeholder ? ` ("${verdict.placeholder}" is a placeholder, not a person)` : '';
      // An absent role points at the `roles` key, not at the whole map of the other roles.
      ctx.report(source, value === undefined ? ['roles'] : ['roles', role], 'role-missing', `No ${description}${filled}. Add \`roles.${role}:\` with one person's name.`, { prefer: value === undefined ? 'key' : 'value', data: { field: role } });
    } else {
      checkPerson(ctx, source, ['roles', role], value, `the ${role} role`, { reportMissing: false });
    }
  }

  const holders = (['scope', 'delivery', 'readiness'] as const).map((role) => ctx.people.judge(roles[role]));
  const names = holders.map((verdict) => (verdict.kind === 'ok' || verdict.kind === 'unknown' ? verdict.person : undefined));
  if (names.every((name) => name !== undefined) && new Set(names.map((name) => ctx.people.canonical(name as string))).size === 1) {
    ctx.report(source, ['roles'], 'roles-one-person', `${names[0]} holds the scope, delivery and readiness roles. One person cannot check their own work: give readiness or scope to someone else.`);
  }

  checkOverload(ctx);
}

/** A blocked task needs the one person who removes the blocker, or nobody will. */
function checkBlocked(ctx: RuleContext, source: SourceFile, index: number, label: string, blocker: string | undefined, clears: OwnerVerdict | undefined, saidBy: 'status' | 'blocker'): void {
  if (clears?.kind === 'ok' || clears?.kind === 'unknown') return;
  const why =
    clears === undefined ? 'names nobody who clears it' :
    clears.kind === 'missing' ? (clears.placeholder ? `has the placeholder "${clears.placeholder}" as its clearer` : 'names nobody who clears it') :
    clears.kind === 'multiple' ? (clears.ambiguous ? `names "${clears.people.join(', ')}" as its clearer, which may be one person written surname-first, or two` : `has ${clears.people.length} people as its clearer, so nobody is`) :
    clears.role ? 'names a role as its clearer, not a person' : 'names a group as its clearer, not a person';
  const by = blocker && blocker.trim() !== '' ? ` by "${blocker.trim()}"` : '';
  const path = ['tasks', index, clears === undefined ? saidBy : 'clears'];
  const fix = clears?.kind === 'multiple' && clears.ambiguous ? surnameFirstFix(clears.people) : 'Add `clears:` with the one person who removes the blocker.';
  ctx.report(source, path, 'task-blocked-unowned', `Task ${label} is blocked${by} and ${why}. ${fix}`, { prefer: 'value', severity: ctx.nearTarget() ? 'error' : 'warning' });
}

function checkOverload(ctx: RuleContext): void {
  const release = ctx.release;
  if (!release) return;
  const { source } = release;
  const limit = ctx.limits.open_tasks_per_owner;
  const horizon = ctx.horizon();
  const daysLeft = horizon ? ctx.workingDaysLeft(horizon) : undefined;
  const owned = ctx.openTasks().flatMap((entry) => {
    const owner = ownerOf(ctx, entry.task.owner);
    return owner ? [{ ...entry, owner }] : [];
  });
  const totals = new Map<string, number>();
  for (const { owner } of owned) totals.set(owner, (totals.get(owner) ?? 0) + 1);

  const running = new Map<string, { count: number; days: number; reportedDays: boolean }>();
  for (const { task, index, owner } of owned) {
    const load = running.get(owner) ?? { count: 0, days: 0, reportedDays: false };
    running.set(owner, load);
    load.count++;
    load.days += task.estimate ?? 0;
    if (load.count === limit + 1) {
      ctx.report(source, ['tasks', index, 'owner'], 'owner-overloaded', `${owner} owns ${plural(totals.get(owner) ?? load.count, 'open task')}; the limit is ${limit}. Hand some to someone else or park them.`, { prefer: 'value' });
    }
    if (daysLeft !== undefined && horizon && !load.reportedDays) {
      const available = (daysLeft * ctx.people.capacity(owner)) / 5;
      if (load.days > available) {
        load.reportedDays = true;
        ctx.report(source, ['tasks', index, 'owner'], 'owner-overloaded', `${owner}'s open estimates reach ${plural(round(load.days), 'day')} by task ${taskLabel(task, index)}, but only ${plural(round(available), 'working day')} ${round(available) === 1 ? 'is' : 'are'} left before ${horizon.name}. Cut or move work.`, { prefer: 'value' });
      }
    }
  }
}

function ownerOf(ctx: RuleContext, value: unknown): string | undefined {
  const verdict = ctx.people.judge(value);
  return verdict.kind === 'ok' || verdict.kind === 'unknown' ? ctx.people.canonical(verdict.person) : undefined;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** "Smith, John" reads as one person surname-first or as two people: ask, do not guess. */
function ambiguousMessage(what: string, people: string[]): string {
  const [surname, given] = people;
  const written = `${surname}, ${given}`;
  return `${capitalize(what)} names "${written}": is this one person written surname-first, or two people? For one person, write "${given} ${surname}" or list "${written}" in team.yaml; for two, keep one owner and move the other to notes.`;
}

/** The fix for a clearer written "Smith, John", in the same words as the owner-multiple message. */
function surnameFirstFix(people: string[]): string {
  const [surname, given] = people;
  return `For one person, write \`clears: ${given} ${surname}\` or list "${surname}, ${given}" in team.yaml; for two, keep the one who removes the blocker.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
