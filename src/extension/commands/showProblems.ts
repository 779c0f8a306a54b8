import * as vscode from 'vscode';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';

export const showProblems: Command = {
  id: COMMAND_IDS.showProblems,
  async run() {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  },
};
