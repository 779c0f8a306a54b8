import * as vscode from 'vscode';
import { RELEASE_FILE } from '../../core/types';
import { textHash, type PlanTarget } from '../../core/targets';
import type { FolderPlan, PlanStore } from '../planStore';
import { windowPrompts, type Prompts } from '../prompts';
import type { ReleaseNode } from '../tree/releaseTree';

/** A task as commands receive it: a tree row, or `{ folder?, id | index }` from tests and links. */
export interface TaskRef {
  plan: FolderPlan;
  index: number;
  /** For messages: the task's id, or `#3` for a task without one. */
  id: string;
  /** Who the task is, for the guarded write: re-located by id and title after the prompts. */
  target: PlanTarget;
  /** The version of release.yaml the task was read from (undefined when not open in an editor). */
  readVersion?: number;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plan a command acts on: from an argument's folder, the active editor, or a pick. */
export async function resolvePlan(store: PlanStore, arg?: unknown, prompts: Prompts = windowPrompts): Promise<FolderPlan | undefined> {
  await store.settled();
  const folderUri = isRecord(arg) && arg.folder instanceof vscode.Uri ? arg.folder : isRecord(arg) && isRecord(arg.folder) && arg.folder.uri instanceof vscode.Uri ? arg.folder.uri : undefined;
  if (folderUri) {
    const folder = vscode.workspace.getWorkspaceFolder(folderUri);
    return folder ? store.get(folder) : undefined;
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  const fromEditor = active ? store.forUri(active) : undefined;
  if (fromEditor) return fromEditor;
  const plans = store.all();
  if (plans.length <= 1) {
    if (plans.length === 0) void vscode.window.showWarningMessage(vscode.l10n.t('No release plan found. Run "Release Plan: Create Release Plan" first.'));
    return plans[0];
  }
  const picked = await prompts.pick(
    plans.map((plan) => ({ label: plan.folder.name, plan })),
    { placeHolder: vscode.l10n.t('Which release?') },
  );
  return picked?.plan;
}

/** The task a command acts on; prompts with a task list when none was given. */
export async function resolveTask(store: PlanStore, arg: unknown, placeHolder: string, prompts: Prompts = windowPrompts): Promise<TaskRef | undefined> {
  const node = arg as Partial<ReleaseNode> | undefined;
  const plan = await resolvePlan(store, arg, prompts); // a tree row's folder or `{ folder: Uri }`
  if (!plan) return undefined;
  const tasks = plan.result.context.tasks();
  const releaseUri = vscode.Uri.joinPath(plan.folder.uri, RELEASE_FILE).toString();
  const releaseText = plan.result.plan.release?.source.text;
  const readVersion = plan.versions.get(releaseUri);
  const ref = (index: number, id: string | undefined, title: string | undefined, hash: string | undefined): TaskRef => ({
    plan,
    index,
    id: id ?? `#${index + 1}`,
    target: { kind: 'task', index, ...(id !== undefined ? { id } : {}), ...(title !== undefined ? { title } : {}), ...(hash !== undefined ? { textHash: hash } : {}) },
    ...(readVersion !== undefined ? { readVersion } : {}),
  });
  const toRef = (index: number): TaskRef | undefined => {
    const task = tasks.find((t) => t.index === index);
    if (!task) return undefined;
    const id = task.task.id !== undefined ? String(task.task.id).trim() : undefined;
    const title = typeof task.task.title === 'string' ? task.task.title.trim() : undefined;
    return ref(index, id, title, releaseText === undefined ? undefined : textHash(releaseText));
  };
  // A tree row is the task the user saw when the row was drawn: its identity, not whatever task sits
  // at its index after a re-check (the row's text is not known, so no position is trusted).
  if (node?.task) {
    const shown = node.task;
    return ref(shown.index, shown.id.startsWith('#') ? undefined : shown.id, shown.titled ? shown.title : undefined, undefined);
  }
  if (isRecord(arg) && typeof arg.index === 'number') return toRef(arg.index);
  if (isRecord(arg) && (typeof arg.id === 'string' || typeof arg.id === 'number')) {
    const match = tasks.find((t) => String(t.task.id) === String(arg.id));
    return match ? toRef(match.index) : undefined;
  }
  const picked = await prompts.pick(
    tasks.map(({ task, index }) => ({ label: `${task.id ?? `#${index + 1}`} ${task.title ?? ''}`, description: [typeof task.owner === 'string' ? task.owner : vscode.l10n.t('no owner'), task.status ?? 'todo'].join(' · '), index })),
    { placeHolder },
  );
  return picked ? toRef(picked.index) : undefined;
}

export function stringArg(arg: unknown, key: string): string | undefined {
  return isRecord(arg) && typeof arg[key] === 'string' ? (arg[key] as string) : undefined;
}
