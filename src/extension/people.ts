import type { CheckResult } from '../core/engine';

/** People to offer as owners: team.yaml first, then role holders and current owners. */
export function ownerCandidates(result: CheckResult): string[] {
  const people = result.context.people;
  const names: string[] = [...people.names];
  const consider = (value: unknown) => {
    const verdict = people.judge(value);
    if (verdict.kind === 'ok') names.push(people.canonical(verdict.person));
  };
  const roles = result.plan.release?.data.roles ?? {};
  for (const role of ['delivery', 'scope', 'readiness', 'stop'] as const) consider(roles[role]);
  for (const { task } of result.context.tasks()) consider(task.owner);
  return [...new Set(names)];
}
