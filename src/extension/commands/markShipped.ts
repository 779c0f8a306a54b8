import * as vscode from 'vscode';
import { isIsoDate } from '../../core/dates';
import { launchState, type ShippedRecord } from '../../core/launch';
import { SHIP_BLOCKING_CODES, shipEdit } from '../../core/planEdits';
import { SHIP_OUTCOMES, type ShipOutcome } from '../../core/schemas';
import { RELEASE_FILE } from '../../core/types';
import { editPlanFile, report } from '../documentEdits';
import { planUri } from '../planFiles';
import type { Prompts } from '../prompts';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { isRecord, resolvePlan, stringArg } from './targets';

/**
 * Mark Release as Shipped: writes `shipped:` (date, outcome, the version that went out) into
 * release.yaml with core's comment-keeping `shipEdit`, like `release-plan ship`. Prompts for the
 * outcome, the date (default: the checked day) and, unless it slipped, the version (optional:
 * Escape leaves it out). Escape on the outcome or the date writes nothing. Refused while
 * release.yaml has errors of its own, or when it already records another outcome.
 * Args (tests, links): `{ folder, outcome, date, version }` skip the matching prompts.
 */
export const markShipped: Command = {
  id: COMMAND_IDS.markShipped,
  async run(ctx, arg?: unknown) {
    const plan = await resolvePlan(ctx.store, arg, ctx.prompts);
    if (!plan) return false;
    const outcome = stringArg(arg, 'outcome') ?? (await pickOutcome(ctx.prompts))?.outcome;
    if (!outcome) return false;
    if (!(SHIP_OUTCOMES as readonly string[]).includes(outcome)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" is not an outcome: use one of {1}.', outcome, SHIP_OUTCOMES.join(', ')));
      return false;
    }
    const date = (stringArg(arg, 'date') ?? (await ctx.prompts.input({
      title: vscode.l10n.t('Mark Release as Shipped'),
      prompt: outcome === 'slipped' ? vscode.l10n.t('The day the release slipped (YYYY-MM-DD)') : vscode.l10n.t('The day it went out (YYYY-MM-DD)'),
      value: plan.today,
      validateInput: (value) => (isIsoDate(value.trim()) ? undefined : vscode.l10n.t('Write the date as YYYY-MM-DD, e.g. {0}.', plan.today)),
    })))?.trim();
    if (date === undefined) return false;
    if (!isIsoDate(date)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" is not a date written YYYY-MM-DD; nothing was written.', date));
      return false;
    }
    // Nothing went out when a release slipped, so there is no version to ask for.
    const given = isRecord(arg) && 'version' in arg ? stringArg(arg, 'version') : outcome === 'slipped' ? undefined : await ctx.prompts.input({
      title: vscode.l10n.t('Mark Release as Shipped'),
      prompt: vscode.l10n.t('The version that went out (optional: Escape or leave empty to record none)'),
      placeHolder: vscode.l10n.t('e.g. 1.5.0'),
    });
    const version = given?.trim() || undefined;
    const record: ShippedRecord = { date, outcome: outcome as ShipOutcome, ...(version !== undefined ? { version } : {}) };

    // The plan as it is now (a prompt may have been open while the file changed).
    await ctx.store.settled();
    const current = ctx.store.get(plan.folder) ?? plan;
    const uri = planUri(current.folder, RELEASE_FILE);
    const broken = current.result.findings.filter((f) => f.file === RELEASE_FILE && f.severity === 'error' && SHIP_BLOCKING_CODES.has(f.code));
    if (broken.length > 0) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} has errors, so Mark Release as Shipped leaves it as it is: fix them (see the Problems panel), then run it again.', RELEASE_FILE));
      return false;
    }
    const text = current.result.plan.release?.source.text;
    if (text !== undefined) {
      const preview = shipEdit(text, record);
      if (preview.ok && preview.edits.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to do: {0} already records this.', RELEASE_FILE));
        return true;
      }
    }
    const done = report(await editPlanFile(uri, (now) => shipEdit(now, record), { expectedVersion: current.versions.get(uri.toString()) }));
    await ctx.store.refresh(current.folder);
    if (done) void vscode.window.showInformationMessage(afterShip(record, current.today));
    return done;
  },
};

async function pickOutcome(prompts: Prompts): Promise<{ outcome: ShipOutcome } | undefined> {
  // The labels are the values written into release.yaml, so they stay as they are; the descriptions are translated.
  const described: Record<ShipOutcome, string> = {
    shipped: vscode.l10n.t('It went out and stays out'),
    'rolled-back': vscode.l10n.t('It went out and was rolled back'),
    slipped: vscode.l10n.t('It did not go out on the target date'),
  };
  const items = SHIP_OUTCOMES.map((outcome) => ({ label: outcome, description: described[outcome], outcome }));
  return prompts.pick(items, { title: vscode.l10n.t('Mark Release as Shipped'), placeHolder: vscode.l10n.t('How did the release end?') });
}

/** What the checks do now, as the CLI says it (launch.ts's phases). */
function afterShip(record: ShippedRecord, today: string): string {
  if (record.outcome === 'slipped') return vscode.l10n.t('Recorded. Nothing went out, so the plan is checked as before: agree a new target and backup date and tell stakeholders.');
  const launch = launchState({ shipped: record }, today);
  if (launch.phase === 'planning') return vscode.l10n.t('Recorded. {0} is after today ({1}): until that day the plan is checked as before.', record.date, today);
  if (launch.phase === 'watch') return vscode.l10n.t('Recorded. After-launch mode: until the end of {0} the owners stay on watch and the rollback rules still apply (see launch-watch in Problems); no capacity, freeze or target-date warnings.', launch.watchEnds ?? record.date);
  return vscode.l10n.t('Recorded. The watch ended on {0}: the release is history, and only its files are checked.', launch.watchEnds ?? record.date);
}
