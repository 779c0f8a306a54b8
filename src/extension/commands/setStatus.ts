import * as vscode from 'vscode';
import { setValue } from '../../core/edits';
import { STATUSES } from '../../core/schemas';
import { RELEASE_FILE } from '../../core/types';
import { editTarget, report } from '../documentEdits';
import { planUri } from '../planFiles';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { resolveTask, stringArg } from './targets';

/** Set Status: `{ id | index, status }` or prompts. */
export const setStatus: Command = {
  id: COMMAND_IDS.setStatus,
  async run(ctx, arg?: unknown) {
    const task = await resolveTask(ctx.store, arg, vscode.l10n.t('Set the status of which task?'), ctx.prompts);
    if (!task) return false;
    const given = stringArg(arg, 'status');
    const status = given ?? (await ctx.prompts.pick(STATUSES.map((label) => ({ label })), { placeHolder: vscode.l10n.t('New status of {0}', task.id) }))?.label;
    if (!status) return false;
    if (!(STATUSES as readonly string[]).includes(status)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" is not a status: use one of {1}.', status, STATUSES.join(', ')));
      return false;
    }
    const done = report(await editTarget(planUri(task.plan.folder, RELEASE_FILE), task.target, (text, path) => setValue(text, [...path, 'status'], status), task.readVersion));
    await ctx.store.refresh(task.plan.folder);
    return done;
  },
};
