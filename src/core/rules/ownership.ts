import { RELEASE_ROLES, type ROLLBACK_ROLES } from '../lists';
import { isPlaceholder } from '../placeholder';
import { counted, horizonMessage, taskLabel, type RuleContext } from '../context';
import { defineMessages, type Message, type MessageArg } from '../message';
import type { OwnerVerdict } from '../people';
import type { SourceFile, YamlPath } from '../source';

/**
 * The sentences of the ownership rules. What a person field belongs to (a task, its blocker, a
 * role, a check-in's block) is a fragment of its own, in a sentence-start and a mid-sentence form.
 */
const messages = defineMessages({
  'subject/task': 'task {task}',
  'subject/task/start': 'Task {task}',
  'subject/blocker': 'the blocker of task {task}',
  'subject/blocker/start': 'The blocker of task {task}',
  'subject/role': 'the {role} role',
  'subject/role/start': 'The {role} role',
  'subject/rollback-role': 'the rollback {role} role',
  'subject/rollback-role/start': 'The rollback {role} role',
  'subject/block': 'the block "{block}"',
  'subject/block/start': 'The block "{block}"',
  'owner-missing': '{Subject} has no owner. Name the one person who will finish it.',
  'owner-missing/placeholder': '{Subject} has no owner: "{placeholder}" is a placeholder, not a person. Name the one person who will finish it.',
  'owner-multiple': '{Subject} names {count} people ({people}). Shared ownership means nobody owns it: keep one and move the others to notes.',
  'owner-multiple/surname-first': '{Subject} names "{written}": is this one person written surname-first, or two people? For one person, write "{given} {surname}" or list "{written}" in team.yaml; for two, keep one owner and move the other to notes.',
  'owner-team-label/role': '"{value}" names a role, not a person. Write the name of the one person for {subject}.',
  'owner-team-label/group': '"{value}" is a group, not a person. Name one person for {subject}.',
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
  'owner-overloaded/days': '{person}\'s open estimates reach {days} by task {task}, but only {available} are left before {horizon}. Cut or move work.',
  'owner-overloaded/days/one-left': '{person}\'s open estimates reach {days} by task {task}, but only {available} is left before {horizon}. Cut or move work.',
});

/** What a person field belongs to, so its messages are whole sentences in any language. */
export type Subject =
  | { kind: 'task'; task: MessageArg }
  | { kind: 'blocker'; task: MessageArg }
  | { kind: 'role'; role: (typeof RELEASE_ROLES)[number] }
  | { kind: 'rollback-role'; role: (typeof ROLLBACK_ROLES)[number] }
  | { kind: 'block'; block: string };

function subject(of: Subject, start: boolean): Message {
  switch (of.kind) {
    case 'task':
      return start ? messages('subject/task/start', { task: of.task }) : messages('subject/task', { task: of.task });
    case 'blocker':
      return start ? messages('subject/blocker/start', { task: of.task }) : messages('subject/blocker', { task: of.task });
    case 'role':
      return start ? messages('subject/role/start', { role: of.role }) : messages('subject/role', { role: of.role });
    case 'rollback-role':
      return start ? messages('subject/rollback-role/start', { role: of.role }) : messages('subject/rollback-role', { role: of.role });
    case 'block':
      return start ? messages('subject/block/start', { block: of.block }) : messages('subject/block', { block: of.block });
  }
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
        const Subject = subject(of, true);
        ctx.report(source, path, 'owner-missing', verdict.placeholder ? messages('owner-missing/placeholder', { Subject, placeholder: verdict.placeholder }) : messages('owner-missing', { Subject }), { prefer: 'value' });
      }
      break;
    case 'multiple':
      ctx.report(source, path, 'owner-multiple', verdict.ambiguous ? ambiguousMessage(of, verdict.people) : messages('owner-multiple', { Subject: subject(of, true), count: verdict.people.length, people: verdict.people }), { prefer: 'value' });
      break;
    case 'team-label':
      ctx.report(source, path, 'owner-team-label', messages(verdict.role ? 'owner-team-label/role' : 'owner-team-label/group', { value: String(value), subject: subject(of, false) }), { prefer: 'value' });
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
        const facts = { person: owner, days: counted(round(load.days), 'day'), task: taskLabel(task, index), available: counted(round(available), 'working-day'), horizon: horizonMessage(horizon.name) };
        ctx.report(source, ['tasks', index, 'owner'], 'owner-overloaded', messages(round(available) === 1 ? 'owner-overloaded/days/one-left' : 'owner-overloaded/days', facts), { prefer: 'value' });
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
  return messages('owner-multiple/surname-first', { Subject: subject(of, true), written: `${surname}, ${given}`, given, surname });
}
