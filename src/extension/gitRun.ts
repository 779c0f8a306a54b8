import { execFile } from 'node:child_process';
import { GIT_ENV, type GitRun } from '../core/gitLog';

/** Bytes git may print for one read (the versions' texts in one batch). */
const MAX_OUTPUT = 512 * 1024 * 1024;

/**
 * Runs the Git extension's own git (`gitPath`, from `api.git.path`) in `cwd` without a shell, for
 * the reader the CLI shares (src/core/gitLog.ts). Rejects with git's exit code and stderr, or
 * `code: 'ENOENT'` when that git cannot be started. The reader's environment (`GIT_ENV`): English
 * messages, and never the network or a prompt (a partial clone's missing blob is not fetched).
 */
export function extensionGitRunner(gitPath: string, cwd: string): GitRun {
  return (args, input) =>
    new Promise((resolve, reject) => {
      const child = execFile(gitPath, [...args], { cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT, windowsHide: true, env: { ...process.env, ...GIT_ENV } }, (error, stdout, stderr) => {
        if (error) reject({ code: (error as NodeJS.ErrnoException).code ?? (error as { code?: number }).code, stderr: stderr.toString('utf8'), message: error.message, stdout });
        else resolve(stdout);
      });
      child.stdin?.on('error', () => {
        // git exited before reading all of its input: the exit callback above reports it.
      });
      child.stdin?.end(input ?? '');
    });
}
