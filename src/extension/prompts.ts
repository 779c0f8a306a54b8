import * as vscode from 'vscode';

/**
 * Every question a command asks goes through one of these, so tests can answer them (and change
 * the plan while a question is "open") without driving the UI; the real ones are VS Code's own.
 */
export interface Prompts {
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  /** A person from a list, or a typed name. */
  person(people: readonly string[], placeHolder: string, preferred?: string): Promise<string | undefined>;
  /**
   * A modal question before a change that touches many files: true only when `action` was chosen.
   * Optional, so prompt providers written for commands that never confirm need not answer it;
   * without it the window's modal is shown.
   */
  confirm?(message: string, detail: string, action: string): Promise<boolean>;
}

export const windowPrompts: Prompts = {
  async pick(items, options) {
    return vscode.window.showQuickPick([...items], options);
  },
  async input(options) {
    return vscode.window.showInputBox(options);
  },
  person: pickPerson,
  confirm: confirmModal,
};

/** VS Code's modal warning with one action (and Cancel): true only when the action was chosen. */
export async function confirmModal(message: string, detail: string, action: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
}

/** A QuickPick of people that also accepts a typed name. */
export async function pickPerson(people: readonly string[], placeHolder: string, preferred?: string): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick();
  pick.placeholder = placeHolder;
  const base = people.map((person) => ({ label: person, ...(person === preferred ? { description: vscode.l10n.t('suggested') } : {}) }));
  pick.items = base;
  if (preferred) pick.activeItems = base.filter((item) => item.label === preferred);
  pick.onDidChangeValue((value) => {
    const typed = value.trim();
    pick.items = typed && !people.some((p) => p.toLowerCase() === typed.toLowerCase()) ? [...base, { label: typed, description: vscode.l10n.t('new name') }] : base;
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
