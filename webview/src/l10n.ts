/**
 * The dashboard's words: looked up by key in the table the host put in the page (`data-l10n` on
 * <body>, translated with vscode.l10n), in English (src/shared/strings.ts) when it has none — the
 * browser tests run without a host. Plan text never goes through here: it is data.
 */
import { formatMessage, usableStrings, WEBVIEW_STRINGS, type StringKey, type WebviewStrings } from '../../src/shared/strings';

function fromPage(): WebviewStrings {
  try {
    return usableStrings(JSON.parse(document.body?.getAttribute('data-l10n') || '{}'));
  } catch {
    return {};
  }
}

const strings = fromPage();

/** The word or sentence `key`, with `{0}`, `{1}`… replaced by `args`. */
export function t(key: StringKey, ...args: (string | number)[]): string {
  return formatMessage(strings[key] ?? WEBVIEW_STRINGS[key], args);
}

/**
 * A sentence with elements in it (`There is no {0} in {1}.` with <code> for each argument): the
 * text around the arguments as strings, each `{n}` as the node given for it.
 */
export function tNodes(key: StringKey, ...nodes: Node[]): (Node | string)[] {
  const out: (Node | string)[] = [];
  for (const [i, part] of t(key).split(/\{(\d+)\}/).entries()) {
    if (i % 2 === 0) {
      if (part) out.push(part);
    } else out.push(nodes[Number(part)] ?? `{${part}}`);
  }
  return out;
}
