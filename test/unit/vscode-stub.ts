/**
 * A small stand-in for the `vscode` module, so unit tests can run the extension's pure parts (the
 * Release view's rows, the status bar's and the hover's words) in plain node. Importing this file
 * makes `require('vscode')` return it. `l10n.t` formats like VS Code's, through `bundle` when one
 * is set (a pseudo-locale in the tests), otherwise in English.
 */
import Module from 'node:module';

/** `{0}`, `{1}`… (and `{name}` for a record of args) replaced as VS Code's `l10n.t` does. */
export function format(message: string, args: readonly unknown[] | Record<string, unknown>): string {
  return message.replace(/\{([^{}]+)\}/g, (whole, key: string) => {
    const value = Array.isArray(args) ? args[Number(key)] : (args as Record<string, unknown>)[key];
    return value === undefined ? whole : String(value);
  });
}

export const l10n = {
  /** Set by tests: the translated message for an English one and its comment, if any (undefined: English). */
  bundle: undefined as ((message: string, comment?: readonly string[]) => string | undefined) | undefined,
  /** Every message asked for, for tests that check what was translated. */
  asked: new Set<string>(),
  t(message: string | { message: string; args?: unknown[] | Record<string, unknown>; comment?: string | string[] }, ...rest: unknown[]): string {
    const text = typeof message === 'string' ? message : message.message;
    const args = typeof message === 'string' ? (rest.length === 1 && typeof rest[0] === 'object' && rest[0] !== null ? (rest[0] as Record<string, unknown>) : rest) : (message.args ?? []);
    const comment = typeof message === 'string' || message.comment === undefined ? undefined : [message.comment].flat();
    l10n.asked.add(text);
    return format(l10n.bundle?.(text, comment) ?? text, args);
  },
};

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export class MarkdownString {
  isTrusted: unknown;
  constructor(
    public value = '',
    readonly supportThemeIcons = false,
  ) {}
  appendMarkdown(text: string): this {
    this.value += text;
    return this;
  }
  appendText(text: string): this {
    this.value += text.replace(/[\\`*_{}[\]()#+\-.!]/g, (ch) => `\\${ch}`);
    return this;
  }
}

export class Uri {
  constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path.replace(/\/$/, ''), ...parts].join('/'));
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

const stub = { l10n, ThemeColor, ThemeIcon, MarkdownString, Uri };

type Resolve = (request: string, ...rest: unknown[]) => string;
const internals = Module as unknown as { _resolveFilename: Resolve; _cache: Record<string, unknown> };
const STUB_ID = '\u0000vscode-stub';
if (!internals._cache[STUB_ID]) {
  const resolve = internals._resolveFilename;
  internals._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? STUB_ID : resolve.call(this, request, ...rest);
  };
  internals._cache[STUB_ID] = { id: STUB_ID, filename: STUB_ID, loaded: true, exports: stub };
}
