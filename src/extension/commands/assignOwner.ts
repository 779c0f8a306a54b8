import * as vscode from 'vscode';
import { setValue } from '../../core/edits';
import { RELEASE_FILE } from '../../core/types';
import { editPlanFile, report } from '../documentEdits';
import { ownerCandidates } from '../people';
import { planUri } from '../planFiles';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { resolveTask, stringArg } from './targets';

/** Assign Owner: `{ id | index, owner }` or prompts for the task and the person. */
export const assignOwner: Command = {
  id: COMMAND_IDS.assignOwner,
  async run(ctx, arg?: unknown) {
    const task = await resolveTask(ctx.store, arg, vscode.l10n.t('Assign an owner to which task?'));
    if (!task) return false;
    const owner = stringArg(arg, 'owner') ?? (await pickPerson(ownerCandidates(task.plan.result), vscode.l10n.t('Who owns {0}? One person.', task.id)));
    if (!owner) return false;
    const uri = planUri(task.plan.folder, RELEASE_FILE);
    const done = report(await editPlanFile(uri, (text) => setValue(text, ['tasks', task.index, 'owner'], owner)));
    await ctx.store.refresh(task.plan.folder);
    return done;
  },
};

/** A QuickPick of people that also accepts a typed name. */
export async function pickPerson(people: string[], placeHolder: string, preferred?: string): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick();
  pick.placeholder = placeHolder;
  const base = people.map((person) => ({ label: person, ...(person === preferred ? { description: vscode.l10n.t('suggested') } : {}) }));
  pick.items = base;
  if (preferred) pick.activeItems = base.filter((item) => item.label === preferred);
  pick.onDidChangeValue((value) => {
    pick.items = value && !people.some((p) => p.toLowerCase() === value.toLowerCase()) ? [...base, { label: value, description: vscode.l10n.t('new name') }] : base;
  });
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.label ?? (pick.value.trim() || undefined));
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
