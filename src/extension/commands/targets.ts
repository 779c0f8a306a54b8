import * as vscode from 'vscode';
import type { FolderPlan, PlanStore } from '../planStore';
import type { ReleaseNode } from '../tree/releaseTree';

/** A task as commands receive it: a tree row, or `{ folder?, id | index }` from tests and links. */
export interface TaskRef {
  plan: FolderPlan;
  index: number;
  id: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plan a command acts on: from an argument's folder, the active editor, or a pick. */
export async function resolvePlan(store: PlanStore, arg?: unknown): Promise<FolderPlan | undefined> {
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
  const picked = await vscode.window.showQuickPick(
    plans.map((plan) => ({ label: plan.folder.name, plan })),
    { placeHolder: vscode.l10n.t('Which release?') },
  );
  return picked?.plan;
}

/** The task a command acts on; prompts with a task list when none was given. */
export async function resolveTask(store: PlanStore, arg: unknown, placeHolder: string): Promise<TaskRef | undefined> {
  const node = arg as Partial<ReleaseNode> | undefined;
  const plan = await resolvePlan(store, arg); // a tree row's folder or `{ folder: Uri }`
  if (!plan) return undefined;
  const tasks = plan.result.context.tasks();
  const toRef = (index: number): TaskRef | undefined => {
    const task = tasks.find((t) => t.index === index);
    return task ? { plan, index, id: task.task.id !== undefined ? String(task.task.id) : `#${index + 1}` } : undefined;
  };
  if (node?.task) return toRef(node.task.index);
  if (isRecord(arg) && typeof arg.index === 'number') return toRef(arg.index);
  if (isRecord(arg) && (typeof arg.id === 'string' || typeof arg.id === 'number')) {
    const match = tasks.find((t) => String(t.task.id) === String(arg.id));
    return match ? toRef(match.index) : undefined;
  }
  const picked = await vscode.window.showQuickPick(
    tasks.map(({ task, index }) => ({ label: `${task.id ?? `#${index + 1}`} ${task.title ?? ''}`, description: [typeof task.owner === 'string' ? task.owner : 'no owner', task.status ?? 'todo'].join(' · '), index })),
    { placeHolder },
  );
  return picked ? toRef(picked.index) : undefined;
}

export function stringArg(arg: unknown, key: string): string | undefined {
  return isRecord(arg) && typeof arg[key] === 'string' ? (arg[key] as string) : undefined;
}
