/**
 * The one notion of "placeholder": text that stands where a person has not written the real thing
 * yet. A placeholder owner is no owner, a placeholder problem is no problem, a placeholder rollback
 * line is no rollback. Templates (`init`, quick fixes) write placeholders on purpose, so the rules
 * keep flagging the field until a person replaces them.
 */
const WHOLE = /^(?:todo|tbd|tba|tbc|fixme|xxx+|n\/?a|none|none yet|\?+|-+|_+|…|\.{2,}|<[^<>]*>|\[[^[\]]*\]|\{\{[^{}]*\}\})$/i;
/** "TODO: write this", "TBD - ask Ana", "FIXME …": a marker that says the text is not final. */
const LEADING_MARKER = /^(?:todo|tbd|tba|fixme|xxx|n\/a)(?![\w/])\s*[:\-–—(…]/i;

export function isPlaceholder(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text === '' || WHOLE.test(text) || LEADING_MARKER.test(text);
}

/** The placeholder text templates write for a field a person must fill in: flagged until replaced. */
export function placeholderFor(what: string): string {
  return `TODO: ${what}`;
}
