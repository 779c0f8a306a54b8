import { RELEASE_ROLES, type ROLLBACK_ROLES } from '../lists';
import { isPlaceholder } from '../placeholder';
import { counted, horizonKey, taskLabel, type RuleContext } from '../context';
import { defineMessages, type Message, type MessageArg } from '../message';
import type { OwnerVerdict } from '../people';
import type { SourceFile, YamlPath } from '../source';

/**
 * The sentences of the ownership rules. What a person field belongs to (a task, its blocker, a
 * role, a check-in's block) is a fragment of its own, in a sentence-start and a mid-sentence form.
 */
const messages = defineMessages({
  'owner-missing/task': 'Task {task} has no owner. Name the one person who will finish it.',
  'owner-missing/placeholder/task': 'Task {task} has no owner: "{placeholder}" is a placeholder, not a person. Name the one person who will finish it.',
  'owner-multiple/task': 'Task {task} names {count} people ({people}). Shared ownership means nobody owns it: keep one and move the others to notes.',
  'owner-multiple/surname-first/task': 'Task {task} names "{written}": is this one person written surname-first, or two people? For one person, write "{given} {surname}" or list "{written}" in team.yaml; for two, keep one owner and move the other to notes.',
  'owner-team-label/role/task': '"{value}" names a role, not a person. Write the name of the one person for task {task}.',
  'owner-team-label/group/task': '"{value}" is a group, not a person. Name one person for task {task}.',
  'owner-missing/blocker': 'The blocker of task {task} has no owner. Name the one person who will finish it.',
  'owner-missing/placeholder/blocker': 'The blocker of task {task} has no owner: "{placeholder}" is a placeholder, not a person. Name the one person who will finish it.',
  'owner-multiple/blocker': 'The blocker of task {task} names {count} people ({people}). Shared ownership means nobody owns it: keep one and move the others to notes.',
  'owner-multiple/surname-first/blocker': 'The blocker of task {task} names "{written}": is this one person written surname-first, or two people? For one person, write "{given} {surname}" or list "{written}" in team.yaml; for two, keep one owner and move the other to notes.',
  'owner-team-label/role/blocker': '"{value}" names a role, not a person. Write the name of the one person for the blocker of task {task}.',
  'owner-team-label/group/blocker': '"{value}" is a group, not a person. Name one person for the blocker of task {task}.',
  'owner-missing/role': 'The {role} role has no owner. Name the one person who will finish it.',
  'owner-missing/placeholder/role': 'The {role} role has no owner: "{placeholder}" is a placeholder, not a person. Name the one person who will finish it.',
  'owner-multiple/role': 'The {role} role names {count} people ({people}). Shared ownership means nobody owns it: keep one and move the others to notes.',
  'owner-multiple/surname-first/role': 'The {role} role names "{written}": is this one person written surname-first, or two people? For one person, write "{given} {surname}" or list "{written}" in team.yaml; for two, keep one owner and move the other to notes.',
  'owner-team-label/role/role': '"{value}" names a role, not a person. Write the name of the one person for the {role} role.',
  'owner-team-label/group/role': '"{value}" is a group, not a person. Name one person for the {role} role.',
  'owner-missing/rollback-role': 'The rollback {role} role has no owner. Name the one person who will finish it.',
  'owner-missing/placeholder/rollback-role': 'The rollback {role} role has no owner: "{placeholder}" is a placeholder, not a person. Name the one person who will finish it.',
  'owner-multiple/rollback-role': 'The rollback {role} role names {count} people ({people}). Shared ownership means nobody owns it: keep one and move the others to notes.',
  'owner-multiple/surname-first/rollback-role': 'The rollback {role} role names "{written}": is this one person written surname-first, or two people? For one person, write "{given} {surname}" or list "{written}" in team.yaml; for two, keep one owner and move the other to notes.',
  'owner-team-label/role/rollback-role': '"{value}" names a role, not a person. Write the name of the one person for the rollback {role} role.',
  'owner-team-label/group/rollback-role': '"{value}" is a group, not a person. Name one person for the rollback {role} role.',
  'owner-missing/block': 'The block "{block}" has no owner. Name the one person who will finish it.',
  'owner-missing/placeholder/block': 'The block "{block}" has no owner: "{placeholder}" is a placeholder, not a person. Name the one person who will finish it.',
  'owner-multiple/block': 'The block "{block}" names {count} people ({people}). Shared ownership means nobody owns it: keep one and move the others to notes.',
  'owner-multiple/surname-first/block': 'The block "{block}" names "{written}": is this one person written surname-first, or two people? For one person, write "{given} {surname}" or list "{written}" in team.yaml; for two, keep one owner and move the other to notes.',
  'owner-team-label/role/block': '"{value}" names a role, not a person. Write the name of the one person for the block "{block}".',
  'owner-team-label/group/block': '"{value}" is a group, not a person. Name one person for the block "{block}".',
  'owner-unknown': '"{person}" is not in team.yaml. Add them to people (or as an alias), or fix the spelling.',
  'role-missing/scope': 'No scope owner (decides what is in and out). Add `roles.scope:` with one person\'s name.',
  'role-missing/delivery': 'No delivery owner (gets the work done). Add `roles.delivery:` with one person\'s name.',
  'role-missing/readiness': 'No release-readiness owner (says the release is ready). Add `roles.readiness:` with one person\'s name.',
  'role-missing/stop': 'No person who may stop the release. Add `roles.stop:` with one person\'s name.',
  'role-missing/scope/placeholder': 'No scope owner (decides what is in and out) ("{placeholder}" is a placeholder, not a person). Add `roles.scope:` with one person\'s name.',
  'role-missing/delivery/placeholder': 'No delivery owner (gets the work done) ("{placeholder}" is a placeholder, not a person). Add `roles.delivery:` with one person\'s name.',
  'role-missing/readiness/placeholder': 'No release-readiness owner (says the release is ready) ("{placeholder}" is a placeholder, not a person). Add `roles.readiness:` with one person\'s name.',
  'role-missing/stop/placeholder': 'No person who may stop the release ("{placeholder}" is a placeholder, not a person). Add `roles.stop:` with one person\'s name.',
  'roles-one-person': '{person} holds the scope, delivery and readiness roles. One person cannot check their own work: give readiness or scope to someone else.',
  'task-blocked-unowned/nobody': 'Task {task} is blocked and names nobody who clears it. Add `clears:` with the one person who removes the blocker.',
  'task-blocked-unowned/nobody/by': 'Task {task} is blocked by "{blocker}" and names nobody who clears it. Add `clears:` with the one person who removes the blocker.',
  'task-blocked-unowned/placeholder': 'Task {task} is blocked and has the placeholder "{placeholder}" as its clearer. Add `clears:` with the one person who removes the blocker.',
  'task-blocked-unowned/placeholder/by': 'Task {task} is blocked by "{blocker}" and has the placeholder "{placeholder}" as its clearer. Add `clears:` with the one person who removes the blocker.',
  'task-blocked-unowned/surname-first': 'Task {task} is blocked and names "{written}" as its clearer, which may be one person written surname-first, or two. For one person, write `clears: {given} {surname}` or list "{written}" in team.yaml; for two, keep the one who removes the blocker.',
  'task-blocked-unowned/surname-first/by': 'Task {task} is blocked by "{blocker}" and names "{written}" as its clearer, which may be one person written surname-first, or two. For one person, write `clears: {given} {surname}` or list "{written}" in team.yaml; for two, keep the one who removes the blocker.',
  'task-blocked-unowned/several': 'Task {task} is blocked and has {count} people as its clearer, so nobody is. Add `clears:` with the one person who removes the blocker.',
  'task-blocked-unowned/several/by': 'Task {task} is blocked by "{blocker}" and has {count} people as its clearer, so nobody is. Add `clears:` with the one person who removes the blocker.',
  'task-blocked-unowned/role': 'Task {task} is blocked and names a role as its clearer, not a person. Add `clears:` with the one person who removes the blocker.',
  'task-blocked-unowned/role/by': 'Task {task} is blocked by "{blocker}" and names a role as its clearer, not a person. Add `clears:` with the one person who removes the blocker.',
  'task-blocked-unowned/group': 'Task {task} is blocked and names a group as its clearer, not a person. Add `clears:` with the one person who removes the blocker.',
  'task-blocked-unowned/group/by': 'Task {task} is blocked by "{blocker}" and names a group as its clearer, not a person. Add `clears:` with the one person who removes the blocker.',
  'owner-overloaded/count': '{person} owns {count}; the limit is {limit}. Hand some to someone else or park them.',
  'owner-overloaded/days/target': '{person}\'s open estimates reach {days} by task {task}, but only {available} are left before target. Cut or move work.',
  'owner-overloaded/days/one-left/target': '{person}\'s open estimates reach {days} by task {task}, but only {available} is left before target. Cut or move work.',
  'owner-overloaded/days/release-day': '{person}\'s open estimates reach {days} by task {task}, but only {available} are left before the release today. Cut or move work.',
  'owner-overloaded/days/one-left/release-day': '{person}\'s open estimates reach {days} by task {task}, but only {available} is left before the release today. Cut or move work.',
  'owner-overloaded/days/backup': '{person}\'s open estimates reach {days} by task {task}, but only {available} are left before the backup date. Cut or move work.',
  'owner-overloaded/days/one-left/backup': '{person}\'s open estimates reach {days} by task {task}, but only {available} is left before the backup date. Cut or move work.',
});

/** What a person field belongs to, so its messages are whole sentences in any language. */
export type Subject =
  | { kind: 'task'; task: MessageArg }
  | { kind: 'blocker'; task: MessageArg }
  | { kind: 'role'; role: (typeof RELEASE_ROLES)[number] }
  | { kind: 'rollback-role'; role: (typeof ROLLBACK_ROLES)[number] }
  | { kind: 'block'; block: string };

/** The values a subject's sentences take: the task's label, the role's key or the block's text. */
function subjectArgs(of: Subject): Record<string, MessageArg> {
  switch (of.kind) {
    case 'task':
    case 'blocker':
      return { task: of.task };
    case 'role':
    case 'rollback-role':
      return { role: of.role };
    case 'block':
      return { block: of.block };
  }
}

/**
 * The sentence `variant` (e.g. `owner-multiple`) for what the field belongs to: one whole sentence
 * per kind of subject (`owner-multiple/role`), so no translation pastes a fragment into a frame.
 * The id is built, so the compiler cannot check its values; the tests check every finding's
 * rendering for unfilled placeholders instead.
 */
function aboutSubject(variant: 'owner-missing' | 'owner-missing/placeholder' | 'owner-multiple' | 'owner-multiple/surname-first' | 'owner-team-label/role' | 'owner-team-label/group', of: Subject, args: Record<string, MessageArg>): Message {
  const make = messages as unknown as (id: string, args: Record<string, MessageArg>) => Message;
  return make(`${variant}/${of.kind}`, { ...subjectArgs(of), ...args });
}

/**
 * Reports a value that should name exactly one person. Shared by task owners, release roles,
 * rollback roles and blocker clearers; `of` says what the field belongs to.
 */
export function checkPerson(ctx: RuleContext, source: SourceFile, path: YamlPath, value: unknown, of: Subject, options: { reportMissing: boolean }): OwnerVerdict {
  const verdict = ctx.people.judge(value);
  switch (verdict.kind) {
    case 'missing':
      if (options.reportMissing) {
        ctx.report(source, path, 'owner-missing', verdict.placeholder ? aboutSubject('owner-missing/placeholder', of, { placeholder: verdict.placeholder }) : aboutSubject('owner-missing', of, {}), { prefer: 'value' });
      }
      break;
    case 'multiple':
      ctx.report(source, path, 'owner-multiple', verdict.ambiguous ? ambiguousMessage(of, verdict.people) : aboutSubject('owner-multiple', of, { count: verdict.people.length, people: verdict.people }), { prefer: 'value' });
      break;
    case 'team-label':
      ctx.report(source, path, 'owner-team-label', aboutSubject(verdict.role ? 'owner-team-label/role' : 'owner-team-label/group', of, { value: String(value) }), { prefer: 'value' });
      break;
    case 'unknown':
      ctx.report(source, path, 'owner-unknown', messages('owner-unknown', { person: verdict.person }), { prefer: 'value' });
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
    checkPerson(ctx, source, ['tasks', index, 'owner'], task.owner, { kind: 'task', task: label }, { reportMissing: task.status !== 'done' });
    const clears = task.clears !== undefined ? checkPerson(ctx, source, ['tasks', index, 'clears'], task.clears, { kind: 'blocker', task: label }, { reportMissing: false }) : undefined;
    // A task is blocked when it says so, and also when it names a blocker while still open.
    const namesBlocker = typeof task.blocker === 'string' && !isPlaceholder(task.blocker);
    if (task.status === 'blocked' || (task.status !== 'done' && namesBlocker)) checkBlocked(ctx, source, index, label, task.blocker, clears, task.status === 'blocked' ? 'status' : 'blocker');
  }

  const roles = data.roles ?? {};
  for (const role of RELEASE_ROLES) {
    const value = roles[role];
    const verdict = ctx.people.judge(value);
    if (verdict.kind === 'missing') {
      const message = verdict.placeholder ? messages(`role-missing/${role}/placeholder`, { placeholder: verdict.placeholder }) : messages(`role-missing/${role}`);
      // An absent role points at the `roles` key, not at the whole map of the other roles.
      ctx.report(source, value === undefined ? ['roles'] : ['roles', role], 'role-missing', message, { prefer: value === undefined ? 'key' : 'value', data: { field: role } });
    } else {
      checkPerson(ctx, source, ['roles', role], value, { kind: 'role', role }, { reportMissing: false });
    }
  }

  const holders = (['scope', 'delivery', 'readiness'] as const).map((role) => ctx.people.judge(roles[role]));
  const names = holders.map((verdict) => (verdict.kind === 'ok' || verdict.kind === 'unknown' ? verdict.person : undefined));
  if (names.every((name) => name !== undefined) && new Set(names.map((name) => ctx.people.canonical(name as string))).size === 1) {
    ctx.report(source, ['roles'], 'roles-one-person', messages('roles-one-person', { person: names[0] as string }));
  }

  checkOverload(ctx);
}

/** A blocked task needs the one person who removes the blocker, or nobody will. */
function checkBlocked(ctx: RuleContext, source: SourceFile, index: number, label: MessageArg, blocker: string | undefined, clears: OwnerVerdict | undefined, saidBy: 'status' | 'blocker'): void {
  if (clears?.kind === 'ok' || clears?.kind === 'unknown') return;
  const by = blocker !== undefined && blocker.trim() !== '' ? blocker.trim() : undefined;
  const path = ['tasks', index, clears === undefined ? saidBy : 'clears'];
  ctx.report(source, path, 'task-blocked-unowned', blockedMessage(label, by, clears), { prefer: 'value', severity: ctx.nearTarget() ? 'error' : 'warning' });
}

function blockedMessage(task: MessageArg, by: string | undefined, clears: Exclude<OwnerVerdict, { kind: 'ok' | 'unknown' }> | undefined): Message {
  if (clears === undefined || (clears.kind === 'missing' && !clears.placeholder)) return by ? messages('task-blocked-unowned/nobody/by', { task, blocker: by }) : messages('task-blocked-unowned/nobody', { task });
  if (clears.kind === 'missing') {
    const placeholder = clears.placeholder as string;
    return by ? messages('task-blocked-unowned/placeholder/by', { task, blocker: by, placeholder }) : messages('task-blocked-unowned/placeholder', { task, placeholder });
  }
  if (clears.kind === 'multiple' && clears.ambiguous) {
    const [surname = '', given = ''] = clears.people;
    const names = { task, written: `${surname}, ${given}`, given, surname };
    return by ? messages('task-blocked-unowned/surname-first/by', { ...names, blocker: by }) : messages('task-blocked-unowned/surname-first', names);
  }
  if (clears.kind === 'multiple') return by ? messages('task-blocked-unowned/several/by', { task, blocker: by, count: clears.people.length }) : messages('task-blocked-unowned/several', { task, count: clears.people.length });
  if (clears.role) return by ? messages('task-blocked-unowned/role/by', { task, blocker: by }) : messages('task-blocked-unowned/role', { task });
  return by ? messages('task-blocked-unowned/group/by', { task, blocker: by }) : messages('task-blocked-unowned/group', { task });
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
      ctx.report(source, ['tasks', index, 'owner'], 'owner-overloaded', messages('owner-overloaded/count', { person: owner, count: counted(totals.get(owner) ?? load.count, 'open-task'), limit }), { prefer: 'value' });
    }
    if (daysLeft !== undefined && horizon && !load.reportedDays) {
      const available = (daysLeft * ctx.people.capacity(owner)) / 5;
      if (load.days > available) {
        load.reportedDays = true;
        const facts = { person: owner, days: counted(round(load.days), 'day'), task: taskLabel(task, index), available: counted(round(available), 'working-day') };
        ctx.report(source, ['tasks', index, 'owner'], 'owner-overloaded', messages(round(available) === 1 ? `owner-overloaded/days/one-left/${horizonKey(horizon.name)}` : `owner-overloaded/days/${horizonKey(horizon.name)}`, facts), { prefer: 'value' });
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
function ambiguousMessage(of: Subject, people: string[]): Message {
  const [surname = '', given = ''] = people;
  return aboutSubject('owner-multiple/surname-first', of, { written: `${surname}, ${given}`, given, surname });
}
