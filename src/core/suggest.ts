/**
 * "Did you mean …?" for a misspelled field name or rule code: the closest candidate, if it is
 * close enough to be a likely typo rather than a different word. Case is ignored when comparing.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // At most two edits, and at most a third of the word: `onwer` → `owner`, but `id` ≠ `by`.
  const allowed = Math.min(2, Math.ceil(Math.max(typed.length, 1) / 3));
  // A change of case alone (`Owner` for `owner`) is the closest of all, not a match.
  return best !== undefined && best !== word && bestDistance <= allowed ? best : undefined;
}

/**
 * Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. Swaps count as one
 * edit because `onwer` for `owner` is the commonest typo of all.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((d[i - 1]?.[j] ?? 0) + 1, (d[i]?.[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (d[i - 2]?.[j - 2] ?? 0) + 1);
      (d[i] as number[])[j] = value;
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

/** True when `word` differs from `suggestion` only in upper and lower case. */
export function onlyCaseDiffers(word: string, suggestion: string): boolean {
  return word !== suggestion && word.toLowerCase() === suggestion.toLowerCase();
}
