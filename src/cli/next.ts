import { mkdir, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { NextPlan } from '../core/next';
import { fsReason } from './fsErrors';

/** The file-system calls `carryOutNext` makes (tests inject a failing one). */
export interface NextFs {
  mkdir(path: string, options: { recursive: boolean }): Promise<unknown>;
  rename(from: string, to: string): Promise<void>;
  writeFile(path: string, text: string, options: { flag: 'wx' }): Promise<void>;
  unlink(path: string): Promise<void>;
  rmdir(path: string): Promise<void>;
}

export const nodeFs: NextFs = { mkdir, rename, writeFile, unlink, rmdir };

export interface NextFailure {
  ok: false;
  /** The step that failed: the path (and, for a move, where it was going) and the reason in plain words. */
  failed: { step: 'mkdir' | 'move' | 'create'; path: string; to?: string; reason: string };
  /**
   * What is still changed after the failed step was rolled back: moves that could not be put back,
   * new files that could not be removed, the history folder when it could not be removed. All empty
   * when the folder is as it was.
   */
  left: { moved: { from: string; to: string }[]; created: string[]; folder?: string };
}

export type NextOutcome = { ok: true } | NextFailure;

/**
 * Carries out a `planNext` plan in `folder`: creates the history folder (the caller has made sure
 * it does not exist or is empty),
 * moves each file and folder into it, then creates the new files (never overwriting). When a step
 * fails, what was done is undone, last first (new files removed, moves put back, the new history
 * folder removed), and the outcome says what failed and whatever could not be undone: never a
 * silent half state.
 */
export async function carryOutNext(folder: string, plan: NextPlan, fs: NextFs = nodeFs): Promise<NextOutcome> {
  const full = (path: string) => join(folder, ...path.split('/'));
  const history = full(plan.historyDir);
  // `history/` itself is made only for the first past release; both are removed again on failure
  // only when made here. The release's folder is new, or empty (the caller checked: nothing in it).
  let madeParent = false;
  let madeHistory = false;
  try {
    madeParent = (await fs.mkdir(dirname(history), { recursive: true })) !== undefined;
    madeHistory = (await fs.mkdir(history, { recursive: true })) !== undefined;
  } catch (error) {
    return { ok: false, failed: { step: 'mkdir', path: `${plan.historyDir}/`, reason: fsReason(error) }, left: { moved: [], created: [] } };
  }
  const moved: { from: string; to: string }[] = [];
  const created: string[] = [];
  let failed: NextFailure['failed'] | undefined;
  for (const move of plan.moves) {
    try {
      await fs.rename(full(move.from), full(move.to));
      moved.push(move);
    } catch (error) {
      failed = { step: 'move', path: move.from, to: move.to, reason: fsReason(error) };
      break;
    }
  }
  for (const create of failed ? [] : plan.creates) {
    try {
      await fs.writeFile(full(create.path), create.text, { flag: 'wx' });
      created.push(create.path);
    } catch (error) {
      failed = { step: 'create', path: create.path, reason: fsReason(error) };
      break;
    }
  }
  if (!failed) return { ok: true };

  // Undo, last first: the files written here (only ever new ones), then the moves, then the folder.
  const createdLeft: string[] = [];
  for (const path of created.reverse()) await fs.unlink(full(path)).catch(() => createdLeft.unshift(path));
  const movedLeft: { from: string; to: string }[] = [];
  for (const move of moved.reverse()) await fs.rename(full(move.to), full(move.from)).catch(() => movedLeft.unshift(move));
  const folderLeft = madeHistory
    ? await fs.rmdir(history).then(
        () => false,
        () => true,
      )
    : false;
  if (!folderLeft && madeParent) await fs.rmdir(dirname(history)).catch(() => undefined);
  return { ok: false, failed, left: { moved: movedLeft, created: createdLeft, ...(folderLeft ? { folder: `${plan.historyDir}/` } : {}) } };
}
