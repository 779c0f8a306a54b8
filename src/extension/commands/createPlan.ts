import * as vscode from 'vscode';
import { scaffoldFiles } from '../../core/scaffold';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { exists, newFileEdit, refuseUntrusted, report } from '../documentEdits';
import { planUri } from '../planFiles';

/** Scaffolds `.release/` like `release-plan init`: creates missing files, never overwrites one. */
export const createPlan: Command = {
  id: COMMAND_IDS.createPlan,
  async run(ctx, folderArg?: unknown) {
    if (!report(refuseUntrusted() ?? { ok: true })) return undefined;
    const folder = await pickFolder(folderArg);
    if (!folder) return undefined;
    const edit = new vscode.WorkspaceEdit();
    const created: vscode.Uri[] = [];
    for (const [path, text] of scaffoldFiles(ctx.store.today())) {
      const uri = planUri(folder, path);
      if (await exists(uri)) continue;
      newFileEdit(uri, text, edit);
      created.push(uri);
    }
    if (created.length > 0 && !(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Could not create the release plan in {0}.', folder.name));
      return undefined;
    }
    for (const uri of created) await (await vscode.workspace.openTextDocument(uri)).save();
    const release = planUri(folder, '.release/release.yaml');
    await vscode.window.showTextDocument(release);
    await ctx.store.refresh(folder);
    if (created.length === 0) void vscode.window.showInformationMessage(vscode.l10n.t('{0} already has a release plan; nothing was overwritten.', folder.name));
    return created;
  },
};

async function pickFolder(arg: unknown): Promise<vscode.WorkspaceFolder | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(arg);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) {
    if (!folders[0]) void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the plan lives in its .release/ folder.'));
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Where should the release plan live?') });
}
