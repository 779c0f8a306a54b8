import { createHash } from 'node:crypto';
import { isMessage, type Message, type MessageArg } from '../../core/message';
import type { Plan } from '../../core/plan';
import { RELEASE_FILE, type Finding } from '../../core/types';

/** What a finding's fingerprint is made of: its code, its repository-relative file and where in the file it is. */
export interface FingerprintKey {
  code: string;
  file: string;
  /** `findingAnchor`: the finding's place in the plan, stable from day to day and when lines move. */
  anchor: string;
}

/**
 * A stable id per finding: a hash of its code, repository-relative file and anchor (`findingAnchor`)
 * — not of its line or its message, so a finding keeps its id when lines are added above it and
 * from one day to the next while its day counts change, and a fixed one disappears. Findings with
 * the same code, file and anchor (two tasks with the same id and the same group as owner) are told
 * apart by their order: the second gets `#2` in its hash, the third `#3`. 32 hex digits of SHA-256.
 */
export function fingerprints(keys: readonly FingerprintKey[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((f) => {
    const key = [f.code, f.file, f.anchor].join('\0');
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return createHash('sha256')
      .update(occurrence === 1 ? key : `${key}\0#${occurrence}`)
      .digest('hex')
      .slice(0, 32);
  });
}

/**
 * Where a finding is in the plan, in words that do not change with the day or with lines moving:
 * - its YAML path (`["tasks",3,"owner"]`), with a task's index replaced by the task's id when it
 *   has one (`["tasks",{"id":"CR-4"},"owner"]`), so inserting or removing a task above keeps the
 *   fingerprints of the others; a task without an id, and any other list item, keeps its index;
 * - without a path (a YAML syntax error), the message's id and its values except numbers (day
 *   counts, sizes and line numbers change while the finding stays the same).
 */
export function findingAnchor(finding: Finding, plan: Plan | undefined): string {
  if (finding.path) return `path:${JSON.stringify(finding.path.map((segment, index) => (index === 1 && typeof segment === 'number' ? taskKey(finding, segment, plan) : segment)))}`;
  return `message:${JSON.stringify(stableMessage(finding.l10n))}`;
}

function taskKey(finding: Finding, index: number, plan: Plan | undefined): number | { id: string } {
  if (finding.file !== RELEASE_FILE || finding.path?.[0] !== 'tasks') return index;
  const id = plan?.release?.data.tasks?.[index]?.id;
  return typeof id === 'string' && id.trim() !== '' ? { id } : index;
}

function stableMessage(message: Message): unknown {
  const args = Object.entries(message.args)
    .filter(([, value]) => !isNumeric(value))
    .map(([name, value]) => [name, stableArg(value)]);
  return [message.id, Object.fromEntries(args)];
}

function stableArg(value: MessageArg): unknown {
  if (isMessage(value)) return stableMessage(value);
  if (Array.isArray(value)) return value.filter((item) => !isNumeric(item)).map(stableArg);
  if (typeof value === 'object' && value !== null && 'items' in value) return value.items.filter((item) => !isNumeric(item)).map(stableArg);
  return value;
}

/** A count, a size or a line number, as a number or written as one. */
function isNumeric(value: MessageArg): boolean {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value));
}
