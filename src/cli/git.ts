import { execFile } from 'node:child_process';
import { GIT_ENV, type GitRun, type GitUnavailable, type GitVersions, MAX_VERSIONS, readPlanVersions as readWith } from '../core/gitLog';

export type { GitUnavailable, GitVersions } from '../core/gitLog';
export { MAX_VERSIONS } from '../core/gitLog';

/** Bytes git may print for one read (the versions' texts in one batch). */
const MAX_OUTPUT = 512 * 1024 * 1024;

/**
 * Runs `git` (from PATH) without a shell; `input` goes to its stdin. Rejects with git's exit code
 * and stderr, or `code: 'ENOENT'` when git is not installed.
 */
export function gitRunner(command = 'git', cwd?: string): GitRun {
  return (args, input) =>
    new Promise((resolve, reject) => {
      const child = execFile(command, [...args], { encoding: 'buffer', maxBuffer: MAX_OUTPUT, windowsHide: true, ...(cwd !== undefined ? { cwd } : {}), env: { ...process.env, ...GIT_ENV } }, (error, stdout, stderr) => {
        const err = stderr.toString('utf8');
        if (error) reject({ code: (error as NodeJS.ErrnoException).code ?? (error as { code?: number }).code, stderr: err, message: error.message, stdout });
        else resolve(stdout);
      });
      child.stdin?.on('error', () => {
        // git exited before reading all of its input: the exit callback above reports it.
      });
      child.stdin?.end(input ?? '');
    });
}

/**
 * The committed versions of `<folder>/.release/release.yaml`, read with the git on PATH by the
 * reader the extension shares (src/core/gitLog.ts): the first-parent chain of HEAD, renames followed.
 */
export function readPlanVersions(folder: string, maxVersions = MAX_VERSIONS): Promise<GitVersions | GitUnavailable> {
  return readWith(gitRunner(), folder, maxVersions);
}
