import * as vscode from 'vscode';
import { completionSite, suggestValues } from '../core/completion';
import { ownerCandidates } from './people';
import type { PlanStore } from './planStore';
import { engineTranslate } from './translate';

const KIND: Record<string, vscode.CompletionItemKind> = {
  person: vscode.CompletionItemKind.User,
  enum: vscode.CompletionItemKind.EnumMember,
  date: vscode.CompletionItemKind.Value,
};

/** Owner names, statuses, risk and kind values, and dates ("today", "next Monday"…). */
export class PlanCompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggers = [':', ' ', '['];

  constructor(private readonly store: PlanStore) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const site = completionSite(document.getText(), document.offsetAt(position));
    if (!site) return [];
    const plan = this.store.forUri(document.uri);
    const people = plan ? ownerCandidates(plan.result) : [];
    const range = new vscode.Range(position.translate(0, -site.prefix.length), position);
    return suggestValues(site, people, this.store.today(), engineTranslate).map((suggestion, index) => {
      const item = new vscode.CompletionItem({ label: suggestion.value, description: suggestion.detail }, KIND[suggestion.kind]);
      item.range = range;
      item.sortText = String(index).padStart(3, '0');
      return item;
    });
  }
}
