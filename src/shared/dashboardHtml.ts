import { WEBVIEW_STRINGS, type WebviewStrings } from './strings';

/**
 * The dashboard page. One function for the extension host and the browser tests, so the tests
 * exercise the real Content-Security-Policy: nothing but our nonce'd script and our styles run.
 */
export interface DashboardHtmlOptions {
  /** `webview.cspSource` in VS Code; the test server's origin in the browser tests. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconsUri: string;
  title: string;
  /**
   * The dashboard's words in the display language (see strings.ts), put in the page for the
   * webview's `t()`; absent (the browser tests) or partial, the English is used.
   */
  strings?: WebviewStrings;
  /** The display language (`vscode.env.language`), for the page's `lang`. */
  lang?: string;
}

export function dashboardHtml(o: DashboardHtmlOptions): string {
  const csp = [
    "default-src 'none'",
    `img-src ${o.cspSource} data:`,
    `style-src ${o.cspSource} 'nonce-${o.nonce}'`,
    `font-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
    // Not covered by default-src: no form may post anywhere, no <base> may redirect relative URLs.
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${attr(o.lang ?? 'en')}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.codiconsUri)}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>${text(o.title)}</title>
</head>
<body data-l10n="${attr(JSON.stringify(o.strings ?? {}))}">
<main id="app" aria-live="polite"><p class="loading">${text(o.strings?.loading ?? WEBVIEW_STRINGS.loading)}</p></main>
<script nonce="${o.nonce}" src="${attr(o.scriptUri)}"></script>
</body>
</html>`;
}

/** 32 random characters for a per-load nonce. */
export function makeNonce(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  return Array.from(random(24), (byte) => byte.toString(16).padStart(2, '0')).join('').slice(0, 32);
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
