import { createHash } from 'node:crypto';
import type { Shown } from '../output';

/**
 * A stable id per finding: a hash of its code, repository-relative file and message — not of its
 * line, so a finding keeps its id when lines are added above it, and a fixed one disappears. Two
 * findings with the same code, file and message (the same placeholder twice) are told apart by
 * their order: the second gets `#2` in its hash, the third `#3`. 32 hex digits of SHA-256.
 */
export function fingerprints(shown: readonly Shown[]): string[] {
  const seen = new Map<string, number>();
  return shown.map((f) => {
    const key = [f.code, f.file, f.message].join('\0');
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return createHash('sha256')
      .update(occurrence === 1 ? key : `${key}\0#${occurrence}`)
      .digest('hex')
      .slice(0, 32);
  });
}
