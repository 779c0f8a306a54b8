import * as vscode from 'vscode';
import { closeCheck, historyExistsReason, nextDateProblem, nextNameProblem, planNext, suggestNextName, type NextOptions } from '../../core/next';
import type { Message } from '../../core/message';
import { RELEASE_FILE } from '../../core/types';
import { applyFileOperations, exists, refuseUntrusted, report } from '../documentEdits';
import { planUri, readPlanFiles } from '../planFiles';
import { confirmModal } from '../prompts';
import { localize } from '../translate';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { isRecord, resolvePlan, stringArg } from './targets';

/**
 * Close Release and Start Next, like `release-plan next`: core's `planNext` decides everything —
 * the closed release's files moved into `.release/history/<name>/`, the next release.yaml (same
 * roles, parked items as ownerless candidate tasks) and rollback.yaml — and this carries it out as
 * one guarded, undoable WorkspaceEdit after a modal confirmation that lists every move. Refused
 * (before any prompt) while the release has not gone out, a file has errors of its own, or the
 * history folder exists. Prompts: the name (offered from the closed one), the target date, the
 * backup date (optional). Escape on any writes nothing.
 * Args (tests, links): `{ folder, name, target, backup }` skip the matching prompts.
 */
export const closeAndStartNext: Command = {
  id: COMMAND_IDS.closeAndStartNext,
  async run(ctx, arg?: unknown) {
    const untrusted = refuseUntrusted();
    if (untrusted) return report(untrusted);
    const plan = await resolvePlan(ctx.store, arg, ctx.prompts);
    if (!plan) return false;
    const { folder, today } = plan;
    const title = vscode.l10n.t('Close Release and Start Next');
    const before = await readPlanFiles(folder);
    if (!before) return report({ ok: false, reason: vscode.l10n.t('No release plan found. Run "Release Plan: Create Release Plan" first.') });
    const closable = closeCheck(before.files, today, before.unreadable);
    if (!closable.ok) return report({ ok: false, reason: localize(closable.reason) });
    // The plan reader skips what is not YAML: a history folder holding only such files is a past release too (as in the CLI).
    if (await exists(planUri(folder, closable.historyDir))) return report({ ok: false, reason: localize(historyExistsReason(closable.historyDir)) });

    const name = stringArg(arg, 'name') ?? (await ctx.prompts.input({
      title,
      prompt: vscode.l10n.t('The next release\'s name (its `release:`); {0} moves to {1}/', closable.closed, closable.historyDir),
      value: suggestNextName(closable.closed) ?? '',
      validateInput: (value) => optional(nextNameProblem(value)),
    }));
    if (name === undefined) return false;
    const target = (stringArg(arg, 'target') ?? (await ctx.prompts.input({
      title,
      prompt: vscode.l10n.t('The next release\'s target date (YYYY-MM-DD)'),
      placeHolder: vscode.l10n.t('e.g. {0}', today),
      validateInput: (value) => optional(nextDateProblem('target', value, { today })),
    })))?.trim();
    if (target === undefined) return false;
    const givenBackup = isRecord(arg) && 'backup' in arg ? stringArg(arg, 'backup') : await ctx.prompts.input({
      title,
      prompt: vscode.l10n.t('The backup date, after the target (optional: Escape or leave empty to add one later)'),
      validateInput: (value) => (value.trim() === '' ? undefined : optional(nextDateProblem('backup', value, { today, target }))),
    });
    const backup = givenBackup?.trim() || undefined;
    const options: NextOptions = { name, target, today, ...(backup !== undefined ? { backup } : {}) };

    // Planned from the files as they are now: a prompt may have been open while they changed.
    const now = await readPlanFiles(folder);
    if (!now) return report({ ok: false, reason: vscode.l10n.t('No release plan found. Run "Release Plan: Create Release Plan" first.') });
    const planned = planNext(now.files, options, now.unreadable, now.bom);
    if (!planned.ok) return report({ ok: false, reason: localize(planned.reason) });
    if (await exists(planUri(folder, planned.historyDir))) return report({ ok: false, reason: localize(historyExistsReason(planned.historyDir)) });
    const lines = [
      ...planned.moves.map((move) => vscode.l10n.t('{0} → {1}', move.from, move.to)),
      ...planned.creates.map((create) => vscode.l10n.t('new {0}', create.path)),
      vscode.l10n.t('team.yaml and config.yaml stay. Undo puts everything back.'),
    ];
    const action = vscode.l10n.t('Close and Start Next');
    const confirm = ctx.prompts.confirm ?? confirmModal;
    if (!(await confirm(vscode.l10n.t('Close {0} and start {1}?', planned.closed, name.trim()), lines.join('\n'), action))) return false;

    const done = report(await applyFileOperations(folder, planned));
    await ctx.store.refresh(folder);
    if (!done) return false;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(planUri(folder, RELEASE_FILE)));
    void vscode.window.showInformationMessage(vscode.l10n.t('Closed {0} (now in {1}/) and started {2}: write its problem and give each candidate task one owner.', planned.closed, planned.historyDir, name.trim()));
    return true;
  },
};

/** An input box's complaint: core's reason in the user's language, or none. */
function optional(problem: Message | undefined): string | undefined {
  return problem ? localize(problem) : undefined;
}
