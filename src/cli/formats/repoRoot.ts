import { lstat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** The folder CI paths are relative to, and why it was chosen. */
export interface RepoRoot {
  path: string;
  /** `git`: the checked folder is inside a git work tree (its top level); `cwd`: it is not. */
  from: 'git' | 'cwd';
}

/**
 * The repository root for CI formats: the top level of the git work tree that holds `folder` (the
 * nearest folder, from `folder` up, with a `.git` entry — a folder, or the file a submodule or a
 * worktree has, as `git rev-parse --show-toplevel` finds it, without running git), else the
 * current folder. GitHub, GitLab and SARIF viewers resolve paths against the repository root.
 */
export async function findRepoRoot(folder: string, cwd: string): Promise<RepoRoot> {
  let dir = resolve(cwd, folder);
  for (;;) {
    if (await exists(join(dir, '.git'))) return { path: dir, from: 'git' };
    const parent = dirname(dir);
    if (parent === dir) return { path: resolve(cwd), from: 'cwd' };
    dir = parent;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** `path` relative to `root`, with forward slashes (`../x` when it is outside). */
export function relativeTo(root: string, path: string): string {
  const rel = relative(root, path).split(sep).join('/');
  return rel === '' ? '.' : rel;
}
