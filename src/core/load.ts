import { RELEASE_ROLES, ROLLBACK_ROLES } from './schemas';
import type { CheckResult } from './engine';

export interface PersonLoad {
  person: string;
  openTasks: { id: string; title: string; status: string; estimate?: number }[];
  /** Sum of open estimates, in days. */
  estimate: number;
  /** Working days this person has before the horizon the rules use (capacity-adjusted), if there is one. */
  available?: number;
  roles: string[];
}

const memo = new WeakMap<CheckResult, PersonLoad[]>();

/**
 * Each person's open work and roles: for hovers, the owner chart and overload messages. Computed
 * once per check result and shared by every caller: treat it as read-only.
 */
export function ownerLoads(result: CheckResult): PersonLoad[] {
  let loads = memo.get(result);
  if (!loads) {
    loads = computeLoads(result);
    memo.set(result, loads);
  }
  return loads;
}

function computeLoads(result: CheckResult): PersonLoad[] {
  const { context, plan } = result;
  const people = context.people;
  const loads = new Map<string, PersonLoad>();
  // The same horizon and day count as owner-overloaded, so a hover never disagrees with a finding.
  const horizon = context.horizon();
  const daysLeft = horizon ? context.workingDaysLeft(horizon) : undefined;
  const entry = (name: string): PersonLoad => {
    const person = people.canonical(name);
    let load = loads.get(person);
    if (!load) {
      load = { person, openTasks: [], estimate: 0, roles: [], ...(daysLeft !== undefined ? { available: Math.round(((daysLeft * people.capacity(person)) / 5) * 10) / 10 } : {}) };
      loads.set(person, load);
    }
    return load;
  };
  for (const name of people.names) entry(name);
  const single = (value: unknown): string | undefined => {
    const verdict = people.judge(value);
    return verdict.kind === 'ok' || verdict.kind === 'unknown' ? verdict.person : undefined;
  };
  for (const { task, index } of context.openTasks()) {
    const owner = single(task.owner);
    if (!owner) continue;
    const load = entry(owner);
    load.openTasks.push({ id: task.id !== undefined ? String(task.id) : `#${index + 1}`, title: task.title ?? '', status: task.status ?? 'todo', ...(typeof task.estimate === 'number' ? { estimate: task.estimate } : {}) });
    load.estimate += task.estimate ?? 0;
  }
  const roles = plan.release?.data.roles ?? {};
  for (const role of RELEASE_ROLES) {
    const holder = single(roles[role]);
    if (holder) entry(holder).roles.push(role);
  }
  const rollbackRoles = plan.rollback?.data.roles ?? {};
  for (const role of ROLLBACK_ROLES) {
    const holder = single(rollbackRoles[role]);
    if (holder) entry(holder).roles.push(`rollback ${role}`);
  }
  return [...loads.values()];
}
