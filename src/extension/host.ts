import type { GitRun } from '../core/gitLog';

/**
 * What the extension needs from the machine it runs on, beyond the `vscode` API: the one seam
 * between the desktop entry (src/extension/extension.ts, Node) and the web entry
 * (src/extension/web.ts, a browser web worker on vscode.dev / github.dev). Everything else in
 * src/extension and src/core runs unchanged in both; files are read only through `workspace.fs`.
 * Nothing that imports a Node module may be imported outside the desktop entry (the web bundle's
 * check, scripts/check-web-bundle.mjs, fails the build when one slips in).
 */
export interface HostServices {
  /** Where the extension runs: `web` says plainly that the features needing Node are not there. */
  readonly kind: 'desktop' | 'web';
  /**
   * Runs git (the Git extension's own, `gitPath`) in `cwd` for the plan's history; undefined where no
   * process can be started (the web): the history is then unavailable, and the views say why.
   */
  readonly gitRunner: ((gitPath: string, cwd: string) => GitRun) | undefined;
}
