import { formatScalar } from './edits';

/**
 * Values written into a new YAML file (the next release.yaml, a review draft): one helper so each
 * reads back as the same text. Plain where YAML allows it, else quoted; never a block scalar, which
 * would need the key's indent.
 */

/** Text on one line after `key: ` or `- `: plain or quoted as YAML needs; text over several lines double-quoted. */
export function inlineScalar(value: string): string {
  return formatScalar(value);
}

/**
 * An item of a flow list (`[a, b]`): double-quoted when plain text would be read differently there
 * (`,` `[` `]` `{` `}` end or nest an item), else plain or quoted as `inlineScalar`.
 */
export function flowScalar(value: string): string {
  return formatScalar(value, 'flow');
}

/** A flow list of texts: `[Ann, "Smith, John"]`. */
export function flowList(values: readonly string[]): string {
  return `[${values.map(flowScalar).join(', ')}]`;
}
