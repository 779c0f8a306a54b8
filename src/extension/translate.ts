import * as vscode from 'vscode';
import { english, render, type Message, type Translate } from '../core/message';

/**
 * The engine's sentences in the user's language. Each message is looked up by its English template
 * with its id as the comment — the key `template/id` in l10n/bundle.l10n.json (`npm run l10n` adds
 * every template core declares), so a translator sees what each sentence is for and two messages
 * with the same English may be translated differently — and filled with its values by name. The
 * one translator of the extension: render every core `Message` through it.
 */
export const engineTranslate: Translate = (template, args, id) => vscode.l10n.t({ message: template, args, comment: [id] });

/**
 * What a check renders its findings, go/no-go and summaries with: the display language's bundle
 * when VS Code loaded one, else English as core writes it (no copies of thousands of findings).
 */
export function checkTranslator(): Translate {
  return vscode.l10n.bundle ? engineTranslate : english;
}

/** `message` rendered in the user's language (nested messages too). */
export function localize(message: Message): string {
  return render(message, engineTranslate);
}
