import * as vscode from 'vscode';
import type { CheckResult } from '../core/engine';
import { evaluateGonogo, findingsFor, type QuestionId } from '../core/gonogo';
import { isPlaceholder } from '../core/placeholder';
import { RELEASE_DIR } from '../core/types';
import { Disposable } from './dispose';
import { exists } from './documentEdits';

/** `contributes.walkthroughs[].id` in package.json; VS Code's full id is `<extension id>#<this>`. */
export const WALKTHROUGH_ID = 'releasePlan.gettingStarted';

/** The walkthrough of the extension `extensionId`, as `workbench.action.openWalkthrough` takes it. */
export function walkthroughFullId(extensionId: string): string {
  return `${extensionId}#${WALKTHROUGH_ID}`;
}

/** A step of it as VS Code registers it: `<extension id>#<walkthrough id>#<step id>`. */
export function walkthroughStepId(extensionId: string, step: string): string {
  return `${walkthroughFullId(extensionId)}#${step}`;
}

/**
 * Set in `globalState` once the walkthrough was opened for this user. Global, not per workspace:
 * the walkthrough teaches the method, not a repository, so a user sees it once (and, synced, on
 * none of their other machines), not in every new repository; "Welcome: Open Walkthrough..." (the
 * command palette, or the Help menu) brings it back any time.
 */
export const SHOWN_KEY = 'releasePlan.walkthroughShown';

/**
 * The context keys the walkthrough's steps complete on (`onContext:` in package.json). Each is true
 * when any folder's plan has the fact (the walkthrough is one per user, not one per folder).
 * `releasePlan.hasPlan` (step 1) is set in extension.ts from the store.
 */
export const WALKTHROUGH_CONTEXT_KEYS = {
  /** Step 2: release.yaml states one customer problem in one sentence (no problem-* finding). */
  problemStated: 'releasePlan.problemStated',
  /** Step 3: go/no-go question 2 passes: every unfinished task has one named owner, all four roles are named. */
  allOwned: 'releasePlan.allOwned',
  /** Step 4: go/no-go question 3 passes: a complete runbook, rehearsed (timed, production-like). */
  rollbackRehearsed: 'releasePlan.rollbackRehearsed',
} as const;

export type WalkthroughFacts = Record<keyof typeof WALKTHROUGH_CONTEXT_KEYS, boolean>;

/**
 * The steps a plan completes (`contributes.walkthroughs[0].steps[].id`) and the fact behind each;
 * `hasPlan` is "any folder has a plan" (the `releasePlan.hasPlan` key). Step 5 completes when the
 * go/no-go runs (`onCommand:`), which VS Code sees by itself.
 */
export const PLAN_STEPS = {
  createPlan: 'hasPlan',
  stateProblem: 'problemStated',
  assignOwners: 'allOwned',
  rehearseRollback: 'rollbackRehearsed',
} as const satisfies Record<string, keyof WalkthroughFacts | 'hasPlan'>;

export type PlanStep = keyof typeof PLAN_STEPS;

/** The facts behind the context keys, from the checked plans of every folder. */
export function walkthroughFacts(results: readonly CheckResult[]): WalkthroughFacts {
  return {
    problemStated: results.some(problemStated),
    allOwned: results.some((result) => passes(result, 'owners')),
    rollbackRehearsed: results.some((result) => passes(result, 'rollback')),
  };
}

/** A real problem (not a "TODO: …" placeholder) that no blocking problem-* finding questions. */
function problemStated(result: CheckResult): boolean {
  const problem = result.plan.release?.data.problem;
  if (typeof problem !== 'string' || isPlaceholder(problem)) return false;
  // Scope findings also fail go/no-go question 1, but they are not about the sentence.
  return findingsFor('one-problem', result.findings).every((finding) => !finding.code.startsWith('problem-'));
}

function passes(result: CheckResult, question: QuestionId): boolean {
  return evaluateGonogo(result).questions.some((q) => q.id === question && q.verdict === 'pass');
}

/** What the walkthrough context needs of the plan store. */
export interface PlanSource {
  all(): readonly { result: CheckResult }[];
  onDidChange: vscode.Event<unknown>;
}

/** What it needs of the extension context: the extension's id and where to remember "shown". */
export interface WalkthroughHost {
  extension: { id: string };
  globalState: vscode.Memento & { setKeysForSync?(keys: readonly string[]): void };
}

/** Injected in tests; the defaults are VS Code's. */
export interface WalkthroughDeps {
  setContext(key: string, value: boolean): Thenable<unknown>;
  /** Ticks a step by its full id (VS Code keeps the tick per user profile, across windows). */
  markStepComplete(stepId: string): Thenable<unknown>;
  /** The folders of the workspace (read when the first-run check runs). */
  folders(): readonly { uri: vscode.Uri }[];
  exists(uri: vscode.Uri): Thenable<boolean>;
  open(fullId: string): Thenable<unknown>;
}

/** VS Code's: the real context keys, workspace folders, file system and walkthrough command. */
export const vscodeDeps: WalkthroughDeps = {
  setContext: (key, value) => vscode.commands.executeCommand('setContext', key, value),
  // The command behind the walkthrough page's own checkbox (no `f1`: not in the palette).
  markStepComplete: (stepId) => vscode.commands.executeCommand('welcome.markStepComplete', stepId),
  folders: () => vscode.workspace.workspaceFolders ?? [],
  exists,
  // `false`: in the active editor group, not to the side.
  open: (fullId) => vscode.commands.executeCommand('workbench.action.openWalkthrough', fullId, false),
};

/**
 * The Getting Started walkthrough's side in the extension: keeps the context keys its steps tick
 * off on in step with the plan store, ticks the steps the plan has done, and opens it once for a
 * user whose first activation is in a workspace without a plan. Nothing here writes a file, so it
 * runs in Restricted Mode too.
 *
 * Why it ticks steps itself, besides the `onContext:` completion events: VS Code (1.139's
 * gettingStartedService) ticks an `onContext:` step only when its key turns true after the
 * walkthrough was registered. A key that is already true when it registers (registration is lazy
 * and can wait up to 5 s for an experiment service, so it often comes after this extension set its
 * keys; it did in the test bed) is recorded as seen for the whole window session and never ticks
 * the step: a workspace whose plan already states its problem showed step 2 unticked in every
 * window. So when a fact is true (at
 * activation, or when it turns true) the step is ticked through `welcome.markStepComplete`, the
 * command behind the page's own checkbox; VS Code keeps the tick per user, as it does for
 * `onContext:`. A tick is never taken back: the walkthrough records what the user did once.
 */
export class WalkthroughContext extends Disposable {
  private last: WalkthroughFacts | undefined;
  /** Steps ticked (or being ticked) while their fact holds; a fact turning false forgets its step. */
  private readonly marked = new Set<PlanStep>();
  /** Resolves to true when this activation opened the walkthrough (tests await it). */
  readonly firstRun: Promise<boolean>;

  constructor(
    private readonly store: PlanSource,
    private readonly host: WalkthroughHost,
    private readonly deps: WalkthroughDeps = vscodeDeps,
  ) {
    super();
    this._register(store.onDidChange(() => this.update()));
    this.update();
    this.firstRun = openOnce(host, deps).catch(() => false);
  }

  /** Sets the context keys whose value changed and ticks the steps whose fact turned true; returns the facts. */
  update(): WalkthroughFacts {
    const results = this.store.all().map((plan) => plan.result);
    const facts = walkthroughFacts(results);
    for (const [name, key] of Object.entries(WALKTHROUGH_CONTEXT_KEYS) as [keyof WalkthroughFacts, string][]) {
      if (this.last?.[name] !== facts[name]) void this.deps.setContext(key, facts[name]);
    }
    this.last = facts;
    const holds = { ...facts, hasPlan: results.length > 0 };
    for (const [step, fact] of Object.entries(PLAN_STEPS) as [PlanStep, keyof typeof holds][]) {
      if (!holds[fact]) this.marked.delete(step);
      else if (!this.marked.has(step)) {
        this.marked.add(step);
        // Refused (a VS Code without the command, or not done registering the walkthrough; 1.139
        // keeps the tick even then): the next change of the plan tries again.
        this.deps.markStepComplete(walkthroughStepId(this.host.extension.id, step)).then(undefined, () => this.marked.delete(step));
      }
    }
    return facts;
  }
}

/**
 * Opens the walkthrough if it was never shown to this user and no folder of the workspace has a
 * `.release/` (what `workspaceContains:.release` activates on; a stat per folder, not the store,
 * whose first check may still be running). An empty window is no workspace: nothing to start in.
 */
export async function openOnce(host: WalkthroughHost, deps: WalkthroughDeps = vscodeDeps): Promise<boolean> {
  if (host.globalState.get<boolean>(SHOWN_KEY)) return false;
  const folders = deps.folders();
  if (folders.length === 0) return false;
  for (const folder of folders) if (await deps.exists(vscode.Uri.joinPath(folder.uri, RELEASE_DIR))) return false;
  host.globalState.setKeysForSync?.([SHOWN_KEY]);
  // Remembered first: a failing open must not make every later activation try again.
  await host.globalState.update(SHOWN_KEY, true);
  await deps.open(walkthroughFullId(host.extension.id));
  return true;
}
