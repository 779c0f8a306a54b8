import * as vscode from 'vscode';
import { setValue } from '../../core/edits';
import { RELEASE_FILE } from '../../core/types';
import { editTarget, report } from '../documentEdits';
import { ownerCandidates } from '../people';
import { planUri } from '../planFiles';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { resolveTask, stringArg } from './targets';

/** Assign Owner: `{ id | index, owner }` or prompts for the task and the person. */
export const assignOwner: Command = {
  id: COMMAND_IDS.assignOwner,
  async run(ctx, arg?: unknown) {
    const task = await resolveTask(ctx.store, arg, vscode.l10n.t('Assign an owner to which task?'), ctx.prompts);
    if (!task) return false;
    const owner = (stringArg(arg, 'owner') ?? (await ctx.prompts.person(ownerCandidates(task.plan.result), vscode.l10n.t('Who owns {0}? One person.', task.id))))?.trim();
    if (!owner) return false; // nothing, or only spaces: never written over the current owner
    // Re-located by id and title now: the file may have changed while the question was open.
    const done = report(await editTarget(planUri(task.plan.folder, RELEASE_FILE), task.target, (text, path) => setValue(text, [...path, 'owner'], owner.trim()), task.readVersion));
    await ctx.store.refresh(task.plan.folder);
    return done;
  },
};
