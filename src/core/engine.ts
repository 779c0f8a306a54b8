import { isRuleCode, RULES } from './catalog';
import { RuleContext } from './context';
import { isIsoDate } from './dates';
import { defineMessages, english, findingText, type Translate } from './message';
import { loadPlan, type ParseCache, type Plan, type UnreadableReason } from './plan';
import { checkCommunication } from './rules/communication';
import { checkDates } from './rules/dates';
import { checkTaskIds } from './rules/files';
import { checkOwnership } from './rules/ownership';
import { checkRollback } from './rules/rollback';
import { checkPlaceholders } from './rules/placeholders';
import { checkProblem } from './rules/problem';
import { checkReview } from './rules/review';
import { checkScope } from './rules/scope';
import type { Timeline } from './timeline';
import { RELEASE_FILE, type Finding, type PlanFiles } from './types';

export interface CheckOptions {
  /** The day the plan is checked on, YYYY-MM-DD. Rules never read the clock. */
  today: string;
  /**
   * Plan files that exist but could not be read (no permission, a folder in a file's place, not
   * UTF-8), by path, with the message saying why and what to do (`readPlanTree`'s `reasons`): each
   * becomes one `file-unreadable` finding and counts as present, so it is not also reported as missing.
   */
  unreadable?: ReadonlyMap<string, UnreadableReason>;
  /** Where each file's parse is kept between checks: the shared cache by default; `false` parses every file. */
  cache?: ParseCache | false;
  /**
   * The language findings and everything derived from this check (go/no-go, summaries) are
   * rendered in: English by default; the extension passes `vscode.l10n`.
   */
  translate?: Translate;
  /**
   * The plan's history from version control (`planTimeline`): `plan-churn` and the late-addition
   * author read it. Without one (no git, `--no-git`) those rules say nothing about history.
   */
  timeline?: Timeline;
}

export interface CheckResult {
  plan: Plan;
  findings: Finding[];
  context: RuleContext;
  /** What rendered `findings[].message`; the go/no-go and summaries of this result render with it too. */
  translate: Translate;
}

const messages = defineMessages({
  /** `{error}` is the thrown error's own text (a bug's, in English), shown as it is. */
  'engine-error': 'Release Plan could not finish checking ({family}): {error}. Please report this.',
});

const FAMILIES: ((ctx: RuleContext) => void)[] = [checkTaskIds, checkOwnership, checkProblem, checkScope, checkDates, checkRollback, checkCommunication, checkPlaceholders, checkReview];
/**
 * After the launch watch the release is history (see launch.ts): a record is kept readable —
 * syntax, schema and dates (the files' own findings) and unique task ids — and judged no more,
 * except by the review family: the post-release review is written now, and what it learns (a
 * recurring blocker, the rhythm after a rescue) is for the next release.
 */
const HISTORY_FAMILIES: ((ctx: RuleContext) => void)[] = [checkTaskIds, checkReview];

/** Loads and checks a `.release/` folder. Never throws: every problem is a finding. */
export function checkPlan(files: PlanFiles, options: CheckOptions): CheckResult {
  if (!isIsoDate(options.today)) throw new RangeError(`today must be YYYY-MM-DD, got ${options.today}`);
  const plan = loadPlan(files, options.unreadable, options.cache);
  const context = new RuleContext(plan, options.today, options.timeline);
  for (const family of context.launch.phase === 'history' ? HISTORY_FAMILIES : FAMILIES) {
    try {
      family(context);
    } catch (error) {
      // A bug in one rule family must not hide the others' findings.
      const message = messages('engine-error', { family: family.name, error: error instanceof Error ? error.message : String(error) });
      context.findings.push({
        file: RELEASE_FILE,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        code: 'engine-error',
        message: findingText(message),
        l10n: message,
      });
    }
  }
  const translate = options.translate ?? english;
  const checked = applySeverityOverrides([...plan.fileFindings, ...context.findings], plan).sort(compareFindings);
  // Findings are made in English (parses are cached and shared); another language renders copies.
  const renderings = new WeakMap<object, string>();
  const findings =
    translate === english
      ? checked
      : checked.map((finding) => ({
          ...finding,
          message: findingText(finding.l10n, translate, renderings),
          ...(finding.related ? { related: finding.related.map((info) => ({ ...info, message: findingText(info.l10n, translate, renderings) })) } : {}),
        }));
  return { plan, findings, context, translate };
}

function applySeverityOverrides(findings: Finding[], plan: Plan): Finding[] {
  const overrides = plan.config.rules ?? {};
  return findings.flatMap((finding) => {
    const override = Object.hasOwn(overrides, finding.code) ? overrides[finding.code] : undefined;
    if (!override || !isRuleCode(finding.code)) return [finding];
    if (override === 'off') return [];
    return [{ ...finding, severity: override }];
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
    files: new Set(findings.map((f) => f.file)).size,
  };
}

export { RULES };
