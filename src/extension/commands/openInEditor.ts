import * as vscode from 'vscode';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';

export const openInEditor: Command = {
  id: COMMAND_IDS.openInEditor,
  async run(_ctx, uri: unknown, range: unknown) {
    if (!(uri instanceof vscode.Uri)) return;
    const editor = await vscode.window.showTextDocument(uri, { preview: true, ...(range instanceof vscode.Range ? { selection: range } : {}) });
    if (range instanceof vscode.Range) editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  },
};
