import type { Message } from './message';

/** A zero-based position, the way editors count (line and UTF-16 character). */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A range as people and terminals count it: 1-based lines and columns (`file:line:column`). */
export interface OneBased {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** `range` counted from 1, for what people read (the CLI's lines, agents' answers). */
export function oneBased(range: Range): OneBased {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * One finding of the engine. Plain data: the VS Code layer turns it into a `vscode.Diagnostic`,
 * the CLI into a text line. `file` is relative to the workspace folder, with forward slashes.
 */
export interface Finding {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  /** What it says, rendered from `l10n` in the check's language (`CheckResult.translate`; English in the CLI). */
  message: string;
  /** The YAML path the finding is about (e.g. ['tasks', 2, 'owner']), when a rule knows it. */
  path?: (string | number)[];
  /**
   * Facts a fix needs, so no layer re-parses the English message: e.g. `{ field: 'stop' }` for a
   * missing role, `{ suggestion: 'owner' }` for a misspelled key, `{ rename: '.release/team.yaml' }`.
   */
  data?: Readonly<Record<string, string>>;
  /** `message` as data — its id, English template and values — for rendering in any language (`findingText`). */
  l10n: Message;
  /**
   * Other places that explain the finding (each move of a target date, each day a blocker came
   * back): VS Code's related information, the CLI's indented lines, SARIF's relatedLocations.
   */
  related?: RelatedInfo[];
}

/** A place related to a finding: a file and range (relative path, like `Finding.file`) and what happened there. */
export interface RelatedInfo {
  file: string;
  range: Range;
  /** Rendered from `l10n` in the check's language. */
  message: string;
  l10n: Message;
}

/** The `.release/` folder as text, keyed by path relative to the workspace folder. */
export type PlanFiles = ReadonlyMap<string, string>;

export const RELEASE_DIR = '.release';
export const RELEASE_FILE = `${RELEASE_DIR}/release.yaml`;
export const ROLLBACK_FILE = `${RELEASE_DIR}/rollback.yaml`;
export const TEAM_FILE = `${RELEASE_DIR}/team.yaml`;
export const CONFIG_FILE = `${RELEASE_DIR}/config.yaml`;
export const CHECKINS_DIR = `${RELEASE_DIR}/checkins`;
export const GONOGO_DIR = `${RELEASE_DIR}/gonogo`;
/** The post-release review of the current release (written after launch, moved with it into history). */
export const REVIEW_FILE = `${RELEASE_DIR}/review.yaml`;
/**
 * Past releases, one folder each (`.release/history/<name>/` with its release.yaml, rollback.yaml,
 * review.yaml, checkins/ and gonogo/): read-only input to the rules, never checked as the current plan.
 */
export const HISTORY_DIR = `${RELEASE_DIR}/history`;
