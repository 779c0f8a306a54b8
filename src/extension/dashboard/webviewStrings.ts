import * as vscode from 'vscode';
import { WEBVIEW_STRING_COMMENTS, WEBVIEW_STRINGS, type StringKey } from '../../shared/strings';

/**
 * The dashboard's words in VS Code's display language, put in the page for the webview's `t()`.
 * The English is src/shared/strings.ts (also the webview's fallback), looked up by that English
 * and, where it has one, its translator's comment; `npm run l10n` puts every entry in
 * l10n/bundle.l10n.json under the same key (a unit test keeps the bundle current).
 */
export function webviewStrings(): Record<StringKey, string> {
  const out = {} as Record<StringKey, string>;
  for (const key of Object.keys(WEBVIEW_STRINGS) as StringKey[]) {
    const message = WEBVIEW_STRINGS[key];
    const comment = WEBVIEW_STRING_COMMENTS[key];
    out[key] = comment === undefined ? vscode.l10n.t(message) : vscode.l10n.t({ message, comment: [comment] });
  }
  return out;
}
