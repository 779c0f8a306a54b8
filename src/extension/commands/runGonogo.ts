import * as vscode from 'vscode';
import { GONOGO_DIR, RELEASE_FILE } from '../../core/types';
import { evaluateGonogo, type QuestionId, type QuestionResult } from '../../core/gonogo';
import { english } from '../../core/message';
import { appendGonogoRecord, gonogoRecord, type RecordedAnswer } from '../../core/records';
import { basename, editPlanFile, exists, report, writePlanFile, type WriteResult } from '../documentEdits';
import { ownerCandidates } from '../people';
import { planUri } from '../planFiles';
import { pickPerson } from '../prompts';
import type { Command } from './command';
import { COMMAND_IDS } from './ids';
import { isRecord, resolvePlan } from './targets';

export interface GonogoArgs {
  answers?: Partial<Record<QuestionId, RecordedAnswer>>;
  decision?: 'go' | 'no-go';
  decidedBy?: string;
  /** Why, for a no-go: what must change before the release may go. */
  reason?: string;
}

const ICON = { pass: '$(pass)', fail: '$(error)', 'needs-answer': '$(question)' } as const;

/**
 * Run Go/No-Go Checklist: walks the five questions showing the engine's verdict and evidence,
 * asks a person only what the plan cannot tell, recommends, records `gonogo/<today>.yaml`.
 */
export const runGonogo: Command = {
  id: COMMAND_IDS.runGonogo,
  async run(ctx, rawArgs?: unknown) {
    const args: GonogoArgs = isRecord(rawArgs) ? (rawArgs as GonogoArgs) : {};
    const plan = await resolvePlan(ctx.store, rawArgs, ctx.prompts);
    if (!plan) return undefined;
    const result = evaluateGonogo(plan.result);
    if (result.shipped) {
      // After launch there is no decision to make: say so plainly instead of walking five failing questions.
      const { date, outcome, version, message } = result.shipped;
      const open = vscode.l10n.t('Open release.yaml');
      void vscode.window.showInformationMessage(message, open).then((choice) => {
        if (choice === open) void vscode.window.showTextDocument(planUri(plan.folder, RELEASE_FILE));
      });
      return { shipped: { date, outcome, ...(version !== undefined ? { version } : {}) }, message };
    }
    const answers: Partial<Record<QuestionId, RecordedAnswer>> = { ...args.answers };
    const total = result.questions.length;

    for (const [index, question] of result.questions.entries()) {
      const title = vscode.l10n.t('Go/No-Go ({0}/{1}): {2}', index + 1, total, question.question);
      // Only the plan settles a plan-only question (write `added:`): nobody is asked, and no answer counts.
      if (question.planOnly) delete answers[question.id];
      if (question.verdict === 'needs-answer' && !question.planOnly && !answers[question.id]) {
        const answer = await askQuestion(title, question);
        if (!answer) return undefined;
        answers[question.id] = answer;
      } else if (!args.answers && !args.decision) {
        const ok = await showVerdict(title, question);
        if (!ok) return undefined;
      }
    }

    const final = result.questions.map((q) => (answers[q.id] ? { ...q, verdict: answers[q.id]?.answer === 'yes' ? 'pass' : 'fail' } : q));
    const blocking = final.filter((q) => q.verdict !== 'pass');
    // An earlier no-go today or before stands until someone decides go: recommend no-go and say why.
    const recommended = blocking.length === 0 && !result.veto ? 'go' : 'no-go';
    const decision = args.decision ?? (await pickDecision(recommended, blocking.length, result.veto?.message));
    if (!decision) return undefined;
    const stop = plan.result.plan.release?.data.roles?.stop;
    const stopPerson = typeof stop === 'string' ? stop : undefined;
    const decidedBy = args.decidedBy ?? (await pickPerson(ownerCandidates(plan.result), vscode.l10n.t('Who makes this decision? (the stop role by default)'), stopPerson));
    if (!decidedBy) return undefined;
    // Asked only in the interactive flow: callers that pass the decision pass the reason too (or none).
    const reason = decision === 'go' || args.decision ? args.reason : await askReason(blocking);
    if (reason === undefined && decision === 'no-go' && !args.decision) return undefined;

    const uri = planUri(plan.folder, `${GONOGO_DIR}/${plan.today}.yaml`);
    // The record is the team's shared file: its evidence is written in English, like the rest of the format.
    const record = gonogoRecord(evaluateGonogo(plan.result, english), decision, decidedBy, answers, reason?.trim() || undefined, localTime());
    if (!report(await recordDecision(uri, record))) return undefined;
    await ctx.store.refresh(plan.folder);

    const blockers = blocking.map((q) => q.question).join(' · ');
    const summary =
      decision === 'go'
        ? blocking.length
          ? vscode.l10n.t('Recorded GO. Blocking: {0}', blockers)
          : vscode.l10n.t('Recorded GO. All five questions pass.')
        : blocking.length
          ? vscode.l10n.t('Recorded NO-GO. Blocking: {0}', blockers)
          : vscode.l10n.t('Recorded NO-GO. All five questions pass.');
    const open = vscode.l10n.t('Open Record');
    void (blocking.length ? vscode.window.showWarningMessage(summary, open) : vscode.window.showInformationMessage(summary, open)).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(uri);
    });
    return { uri, decision, blocking: blocking.map((q) => q.id) };
  },
};

async function showVerdict(title: string, question: QuestionResult): Promise<boolean> {
  // The reasons follow as their own rows, so the first row only states the verdict.
  const verdict = question.verdict === 'pass' ? vscode.l10n.t('Pass — continue') : question.verdict === 'needs-answer' ? vscode.l10n.t('Open until the plan answers it — continue') : vscode.l10n.t('Fails — continue');
  const next = { label: `${ICON[question.verdict]} ${verdict}` };
  const reasons = question.reasons.slice(0, 6).map((reason) => ({ label: `$(info) ${reason}`, reason: true }));
  const picked = await vscode.window.showQuickPick([next, ...reasons], { title, placeHolder: vscode.l10n.t('The plan answers this question. Press Enter to continue.'), ignoreFocusOut: true });
  return picked !== undefined;
}

async function askQuestion(title: string, question: QuestionResult): Promise<RecordedAnswer | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: `$(check) ${vscode.l10n.t('Yes')}`, answer: 'yes' as const, detail: question.reasons.join(' · ') },
      { label: `$(x) ${vscode.l10n.t('No')}`, answer: 'no' as const },
    ],
    { title, placeHolder: vscode.l10n.t('The plan cannot tell: answer it.'), ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  const evidence = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Evidence (a link, a date, who checked)'), ignoreFocusOut: true });
  if (evidence === undefined) return undefined;
  return { answer: picked.answer, ...(evidence.trim() ? { evidence: evidence.trim() } : {}) };
}

async function askReason(blocking: readonly { question: string }[]): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Go/No-Go: why no-go?'),
    prompt: vscode.l10n.t('What must change before the release may go. It is recorded and shown with the veto.'),
    value: blocking.map((q) => q.question).join(' · '),
    ignoreFocusOut: true,
  });
}

async function pickDecision(recommended: 'go' | 'no-go', blocking: number, veto: string | undefined): Promise<'go' | 'no-go' | undefined> {
  const why = veto ?? (blocking === 1 ? vscode.l10n.t('recommended: 1 question not passing') : vscode.l10n.t('recommended: {0} questions not passing', blocking));
  const items = [
    { label: vscode.l10n.t('No-Go'), value: 'no-go' as const, description: recommended === 'no-go' ? why : '' },
    { label: vscode.l10n.t('Go'), value: 'go' as const, description: recommended === 'go' ? vscode.l10n.t('recommended: all five pass') : vscode.l10n.t('against the recommendation') },
  ];
  const ordered = recommended === 'go' ? [items[1], items[0]] : items;
  const picked = await vscode.window.showQuickPick(ordered.filter((i): i is (typeof items)[number] => !!i), { title: vscode.l10n.t('Go/No-Go: the decision'), placeHolder: recommended === 'go' ? vscode.l10n.t('Recommendation: GO') : vscode.l10n.t('Recommendation: NO-GO'), ignoreFocusOut: true });
  return picked?.value;
}

/** The local time of day, HH:MM: recorded with each decision so a day with several reads in order. */
function localTime(now = new Date()): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/**
 * Writes today's record. A second decision today keeps the first (with its evidence and comments)
 * under `earlier:`; the latest counts. The merge is computed from the document's text at the
 * moment of the edit, never from a copy read earlier; a record with unsaved changes is left alone.
 */
async function recordDecision(uri: vscode.Uri, record: string): Promise<WriteResult> {
  if (!(await exists(uri))) return writePlanFile(uri, record);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.isDirty) return { ok: false, reason: vscode.l10n.t('{0} has unsaved changes; save or revert them first.', basename(uri)) };
  return editPlanFile(
    uri,
    (current) => {
      const merged = appendGonogoRecord(current, record);
      return merged.ok ? { ok: true, edits: [{ start: 0, end: current.length, text: merged.text }] } : { ok: false, reason: merged.reason };
    },
    { expectedVersion: document.version },
  );
}
