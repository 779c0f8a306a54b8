import * as vscode from 'vscode';
import { appendToList } from '../../core/edits';
import { RELEASE_FILE } from '../../core/types';
import { editPlanFile, report } from '../documentEdits';
import { ownerCandidates } from '../people';
import { planUri } from '../planFiles';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { resolvePlan, stringArg } from './targets';

/** Add Task: `{ title, owner, id? }` or prompts; the id defaults to the next free `T<n>`. */
export const addTask: Command = {
  id: COMMAND_IDS.addTask,
  async run(ctx, arg?: unknown) {
    const plan = await resolvePlan(ctx.store, arg, ctx.prompts);
    if (!plan) return undefined;
    const title = stringArg(arg, 'title') ?? (await ctx.prompts.input({ prompt: vscode.l10n.t('Task title'), placeHolder: vscode.l10n.t('What gets done, in a few words'), validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A task needs a title.')) }));
    if (!title) return undefined;
    const owner = stringArg(arg, 'owner') ?? (await ctx.prompts.person(ownerCandidates(plan.result), vscode.l10n.t('Who owns "{0}"? One person.', title)));
    if (!owner) return undefined;
    const ids = new Set(plan.result.context.tasks().map(({ task }) => String(task.id)));
    let next = ids.size + 1;
    while (ids.has(`T${next}`)) next++;
    const id = stringArg(arg, 'id') ?? `T${next}`;
    const task = { id, title: title.trim(), owner, status: 'todo', added: plan.today };
    const done = report(await editPlanFile(planUri(plan.folder, RELEASE_FILE), (text) => appendToList(text, ['tasks'], task)));
    await ctx.store.refresh(plan.folder);
    return done ? id : undefined;
  },
};
