import type { TextEdit } from './edits';

/**
 * One edit that turns `before` into `after`, touching only the span between their common prefix
 * and suffix. Lets a command compose several core edits in memory and still apply a small,
 * undoable change that leaves the rest of the document (and the cursor) alone.
 */
export function diffEdit(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return [{ start, end: endBefore, text: after.slice(start, endAfter) }];
}
