import * as vscode from 'vscode';
import { parkTaskEdit } from '../../core/planEdits';
import { RELEASE_FILE } from '../../core/types';
import { editTarget, report } from '../documentEdits';
import { planUri } from '../planFiles';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { resolveTask, stringArg } from './targets';

/**
 * Park Task: moves a task from `tasks` to `parked` with the reason and who asked for it, and
 * `told: false` until someone confirms the stakeholders were told (Mark as Told).
 */
export const parkTask: Command = {
  id: COMMAND_IDS.parkTask,
  async run(ctx, arg?: unknown) {
    const task = await resolveTask(ctx.store, arg, vscode.l10n.t('Park which task?'), ctx.prompts);
    if (!task) return false;
    const reason = stringArg(arg, 'reason') ?? (await ctx.prompts.input({ prompt: vscode.l10n.t('Why is {0} parked?', task.id), placeHolder: vscode.l10n.t('e.g. does not solve this release\'s problem') }));
    if (reason === undefined) return false;
    const askedBy = stringArg(arg, 'askedBy') ?? (await ctx.prompts.input({ prompt: vscode.l10n.t('Who asked for {0}? They will need to be told.', task.id) }));
    if (askedBy === undefined) return false;
    const done = report(await editTarget(planUri(task.plan.folder, RELEASE_FILE), task.target, (text, path) => parkTaskEdit(text, path[1] as number, reason, askedBy), task.readVersion));
    await ctx.store.refresh(task.plan.folder);
    return done;
  },
};
