import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { checkPlan, type CheckResult } from '../core/engine';
import { planTimeline } from '../core/timeline';
import { oneBased, RELEASE_DIR, RELEASE_FILE, type Finding } from '../core/types';
import { readPlan, type PlanRead } from './files';
import { CliFailure, fsReason } from './fsErrors';
import { readPlanVersions } from './git';
import type { Io } from './main';
import type { Shown } from './output';
import { relativeTo } from './formats/repoRoot';

/**
 * Reading and checking the plan for a command, and showing its findings: the CLI's commands and
 * its MCP server (mcp.ts) share it. Every failure is a CliFailure: one line, exit 2.
 */

/** A path as the user can click or type it from where they are: relative to the current folder. */
export function display(cwd: string, path: string): string {
  const rel = relative(cwd, resolve(cwd, path)).split(sep).join('/');
  return rel === '' ? '.' : rel;
}

export type Kind = 'missing' | 'dir' | 'file';

/** What is at `path` (links followed); a failure other than "not there" is the caller's one-line error. */
export async function kindOf(path: string, io: Pick<Io, 'cwd'>): Promise<Kind> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new CliFailure(`cannot read ${display(io.cwd, path)}: ${fsReason(error)}.`);
  }
}

export interface Checked {
  result: CheckResult;
  read: PlanRead;
}

/** "in examples/app" or "in the current folder", and the init command to suggest for it. */
export function place(shown: string): { where: string; init: string } {
  const arg = /[\s'"$`]/.test(shown) ? JSON.stringify(shown) : shown;
  return shown === '.' ? { where: 'the current folder', init: 'release-plan init' } : { where: shown, init: `release-plan init ${arg}` };
}

export async function load(folder: string, today: string, io: Pick<Io, 'cwd'>, git = false): Promise<Checked> {
  const shown = display(io.cwd, folder);
  const { where, init: initCommand } = place(shown);
  const folderKind = await kindOf(folder, io);
  if (folderKind === 'missing') throw new CliFailure(`${shown} does not exist. Give the folder that holds .release/.`);
  if (folderKind === 'file') throw new CliFailure(`${shown} is a file, not a folder. Give the folder that holds .release/.`);
  const releaseDir = join(folder, RELEASE_DIR);
  const releaseKind = await kindOf(releaseDir, io);
  if (releaseKind === 'missing') {
    throw new CliFailure(`no .release/ folder in ${where}. Run \`${initCommand}\` to create one.`);
  }
  if (releaseKind === 'file') throw new CliFailure(`${display(io.cwd, releaseDir)} is a file, not a folder. The plan lives in a .release/ folder: move the file away and run \`${initCommand}\`.`);
  let read: PlanRead;
  try {
    read = await readPlan(folder);
  } catch (error) {
    throw new CliFailure(`cannot read ${display(io.cwd, releaseDir)}: ${fsReason(error)}.`);
  }
  if (!read.files.has(RELEASE_FILE) && !read.unreadable.has(RELEASE_FILE)) {
    // Without release.yaml the engine has nothing to check and would report "no problems": in CI
    // a renamed or deleted plan must not pass.
    const near = [...read.files.keys(), ...read.unreadable.keys()].find((path) => /^\.release\/release\.ya?ml$/i.test(path));
    throw new CliFailure(`no ${RELEASE_FILE} in ${where}.${near ? ` Rename ${near} to ${RELEASE_FILE}.` : ` Run \`${initCommand}\` to create one.`}`);
  }
  // The plan's history, when git can give it; without it the plan is checked as it is (no claim about history).
  const versions = git ? await readPlanVersions(folder) : undefined;
  const timeline = versions?.ok ? planTimeline(versions.versions, versions.truncated) : undefined;
  return { result: checkPlan(read.files, { today, unreadable: read.unreadable, ...(timeline ? { timeline } : {}) }), read };
}

/**
 * A finding for output: 1-based, with where a link leads, and its path relative to the current
 * folder, or to `root` (the repository root, for the CI formats) when given.
 */
export function toShown(finding: Finding, folder: string, read: PlanRead, io: Pick<Io, 'cwd'>, root?: string): Shown {
  const target = read.outside.get(finding.file);
  const path = join(folder, finding.file);
  return {
    file: root !== undefined ? relativeTo(root, path) : display(io.cwd, path),
    ...oneBased(finding.range),
    severity: finding.severity,
    code: finding.code,
    message: target ? `${finding.message} (this file is a link to ${target})` : finding.message,
    ...(finding.related?.length
      ? {
          related: finding.related.map((info) => {
            const at = join(folder, info.file);
            return { file: root !== undefined ? relativeTo(root, at) : display(io.cwd, at), ...oneBased(info.range), message: info.message };
          }),
        }
      : {}),
  };
}

