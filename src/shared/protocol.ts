import * as z from 'zod/mini';
import { STATUSES } from '../core/lists';
import type { PersonLoad } from '../core/load';
import type { ReleaseSummary } from '../core/summary';
import type { ScopeOverTime } from '../core/scopeOverTime';
import type { TrackRecord } from '../core/trackRecord';

/**
 * The dashboard's messages, declared once for both sides. The extension validates everything the
 * webview sends with these schemas (the webview is untrusted); the webview checks the `type` tag.
 */

export interface FindingView {
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  /** The task the finding is about, when it is about one. */
  taskIndex?: number;
}

export interface Health {
  verdict: 'go' | 'at-risk' | 'no-go';
  reasons: string[];
}

/**
 * `folder` is the workspace folder's name, as shown; `folderUri` is which folder it is (two folders
 * of a multi-root workspace may share a name): the page keys its release and its saved state on it.
 */
/**
 * Where the plan's history from Git stands for the folder (the host knows, the core does not):
 * `reading` until the first read finished, `ready` when Git answered (a release never committed
 * then has no history yet), `unavailable` with why (see extension/gitHistory.ts).
 */
export type HistoryNote =
  | { state: 'reading' }
  | { state: 'ready' }
  | { state: 'unavailable'; why: 'web' | 'virtual' | 'missing' | 'disabled' | 'no-git' | 'not-started' | 'no-repository' | 'error'; detail?: string };

export type DashboardState =
  | { kind: 'no-plan'; folder: string; folderUri: string }
  | { kind: 'broken'; folder: string; folderUri: string; findings: FindingView[] }
  | {
      kind: 'plan';
      folder: string;
      folderUri: string;
      /** Increases with every check; actions quote it so a stale view cannot edit blindly. */
      generation: number;
      summary: ReleaseSummary;
      findings: FindingView[];
      loads: PersonLoad[];
      health: Health;
      /** Past releases and this one once it has a `shipped:` record; absent when there is neither. */
      trackRecord?: TrackRecord;
      /** Open tasks and estimate by day from the plan's git history (or why there is none). */
      scope: ScopeOverTime;
      /** Why the history is missing, as the host knows it; absent where nobody reads Git (the CLI, tests without a host). */
      history?: HistoryNote;
    };

export type HostMessage = { type: 'state'; state: DashboardState } | { type: 'notice'; level: 'info' | 'warning'; message: string };

const index = z.number().check(z.int(), z.nonnegative(), z.maximum(100_000));
const generation = z.number().check(z.int(), z.nonnegative());
const shortText = () => z.string().check(z.maxLength(500));
/** Not in one person's name: a line break or another control character. */
const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const WebviewMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('assignOwner'), generation, taskIndex: index, owner: shortText().check(z.refine((owner) => owner.trim() !== '', 'an owner must not be blank'), z.refine((owner) => !LINE_BREAK_OR_CONTROL.test(owner), 'an owner is one line')) }),
  z.strictObject({ type: z.literal('setStatus'), generation, taskIndex: index, status: z.enum(STATUSES) }),
  z.strictObject({ type: z.literal('parkTask'), generation, taskIndex: index, reason: shortText(), askedBy: shortText() }),
  z.strictObject({ type: z.literal('markTold'), generation, parkedIndex: index }),
  z.strictObject({ type: z.literal('runGonogo') }),
  z.strictObject({ type: z.literal('openLocation'), file: z.string().check(z.regex(/^\.release\/[\w./-]+\.ya?ml$/), z.refine((p) => !p.includes('..'))), line: index, character: index }),
]);

export type WebviewMessage = z.infer<typeof WebviewMessageSchema>;
