/**
 * The one notion of "placeholder": text that stands where a person has not written the real thing
 * yet. A placeholder owner is no owner, a placeholder problem is no problem, a placeholder rollback
 * line is no rollback. Templates (`init`, quick fixes) write placeholders on purpose, so the rules
 * keep flagging the field until a person replaces them.
 */
const WHOLE = /^(?:todo|tbd|tba|tbc|fixme|xxx+|n\/?a|n\.a|none|none yet|\?+|-+|_+|…|\.{2,}|<[^<>]*>|\[[^[\]]*\]|\{\{[^{}]*\}\})$/i;
/** "TODO: write this", "TBD - ask Ana", "n/a (later)": a marker, in any case, then punctuation. */
const LEADING_MARKER = /^(?:todo|tbd|tba|tbc|fixme|xxx|n\/a)(?![\w/])\s*[:\-–—(…]/i;
/**
 * "TODO ask Ana", "TBC 1.4.2", "XXX later", "Fixme": the upper-case markers (and "fixme" in any
 * case) start a placeholder whatever follows. Mixed-case "Todo list export" is a real title.
 */
const SHOUTED_MARKER = /^(?:TODO|TBD|TBA|TBC|FIXME|XXX)(?![\w/])/;
const FIXME = /^fixme\b/i;

export function isPlaceholder(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'string') return false;
  // "(TBD)", "[TODO]", "TBD.", "N.A.": brackets and closing punctuation do not make text real.
  const text = value.trim().replace(/^[([{"'“‘]+\s*(.*?)\s*[)\]}"'”’]+$/s, '$1').replace(/[.!;,]+$/, '').trim();
  if (text === '' || WHOLE.test(text) || LEADING_MARKER.test(text)) return true;
  return SHOUTED_MARKER.test(text) || FIXME.test(text);
}

/** The placeholder text templates write for a field a person must fill in: flagged until replaced. */
export function placeholderFor(what: string): string {
  return `TODO: ${what}`;
}
