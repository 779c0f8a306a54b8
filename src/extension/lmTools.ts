import * as vscode from 'vscode';
import { AGENT_TOOLS, assignOwnerTool, runAgentTool, type AgentTool, type AgentToolOutput } from '../core/agentTools';
import { parseDocument } from 'yaml';
import { changedSinceConfirmed, setValue } from '../core/edits';
import { docSections } from '../core/ruleDocs';
import { textHash, type PlanTarget } from '../core/targets';
import { RELEASE_FILE } from '../core/types';
import { valueAt } from '../core/validate';
import { editTarget, refuseUntrusted } from './documentEdits';
import { planUri } from './planFiles';
import type { FolderPlan, PlanStore } from './planStore';

/**
 * The release plan's Language Model Tools (`contributes.languageModelTools` in package.json): the
 * read-only agent tools of src/core/agentTools.ts — the same answers as `release-plan mcp` — run on
 * the plan store's current check (never a re-parse), plus one writing tool, Assign Owner, which
 * asks the user to confirm the exact change (`prepareInvocation`) and then writes through the
 * guarded write path like the Assign Owner command. A tool never throws into the host for bad
 * input: the answer says what was wrong (and carries `error` in its data).
 */

/** `LanguageModelDataPart` (stable after the `engines.vscode` version, so looked up, not imported). */
interface DataPartClass {
  json(value: unknown, mime?: string): unknown;
}
const dataPartClass = (vscode as unknown as { LanguageModelDataPart?: DataPartClass }).LanguageModelDataPart;

/** A tool's answer as VS Code wants it: the text, and the same facts as JSON when the host knows data parts. */
export function toolResult(output: AgentToolOutput): vscode.LanguageModelToolResult {
  const parts: unknown[] = [new vscode.LanguageModelTextPart(output.text)];
  if (typeof dataPartClass?.json === 'function') parts.push(dataPartClass.json(output.isError ? { ...output.data, isError: true } : output.data));
  return new vscode.LanguageModelToolResult(parts as vscode.LanguageModelTextPart[]);
}

function refused(text: string, data: Record<string, unknown>): AgentToolOutput {
  return { text, data, isError: true };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The workspace folder an input names (by name or path), or the one folder with a plan. */
export async function planFor(store: PlanStore, input: unknown): Promise<{ plan: FolderPlan } | { error: AgentToolOutput }> {
  await store.settled();
  const plans = store.all();
  const names = plans.map((plan) => plan.folder.name);
  const asked = isRecord(input) ? input.folder : undefined;
  if (asked !== undefined && (typeof asked !== 'string' || asked.trim() === '')) {
    return { error: refused(vscode.l10n.t('Invalid arguments: folder must be the name or path of a workspace folder.'), { error: 'invalid-arguments', folders: names }) };
  }
  if (plans.length === 0) return { error: refused(vscode.l10n.t('No open folder has a release plan (.release/release.yaml).'), { error: 'no-plan', folders: [] }) };
  if (asked === undefined) {
    if (plans.length === 1) return { plan: plans[0] as FolderPlan };
    return { error: refused(vscode.l10n.t('Several open folders have a release plan: {0}. Say which one with the folder argument.', names.join(', ')), { error: 'folder-needed', folders: names }) };
  }
  const wanted = asked.trim().replace(/[\\/]+$/, '');
  const byPath = plans.filter((p) => p.folder.uri.fsPath === wanted || p.folder.uri.path === wanted || p.folder.uri.toString() === wanted);
  const byName = plans.filter((p) => p.folder.name === wanted);
  const byAnyCase = plans.filter((p) => p.folder.name.toLowerCase() === wanted.toLowerCase());
  // A path names one folder; a name may be shared by several (a multi-root workspace allows it): then say which.
  const matches = byPath.length > 0 ? byPath : byName.length > 0 ? byName : byAnyCase;
  if (matches.length > 1) {
    const paths = matches.map((p) => p.folder.uri.fsPath || p.folder.uri.path);
    return { error: refused(vscode.l10n.t('Several open folders with a release plan are called "{0}": {1}. Give the folder\'s path instead.', wanted, paths.join(', ')), { error: 'ambiguous-folder', folder: wanted, folders: paths }) };
  }
  const [plan] = matches;
  if (!plan) return { error: refused(vscode.l10n.t('No open folder with a release plan is called "{0}". The folders with a plan: {1}.', wanted, names.join(', ')), { error: 'unknown-folder', folder: wanted, folders: names }) };
  return { plan };
}

/** What a task's owner field holds as the file says it (the raw value, before the schema): for "Its owner now". */
function ownerAsWritten(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.trim() === '' ? undefined : raw.trim();
  if (Array.isArray(raw)) {
    const items = raw.filter((item) => item !== null && item !== undefined && String(item).trim() !== '').map((item) => String(item).trim());
    return items.length > 0 ? items.join(', ') : undefined;
  }
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  if (raw !== null && raw !== undefined) return JSON.stringify(raw);
  return undefined;
}

/** The input without `folder`, which only the editor's tools take (the core tools' schemas are strict). */
function withoutFolder(input: unknown): unknown {
  if (!isRecord(input)) return input;
  const { folder: _folder, ...rest } = input;
  return rest;
}

export class LanguageModelTools implements vscode.Disposable {
  private ruleDocs: Promise<ReadonlyMap<string, string>> | undefined;
  /**
   * What the user confirmed, by input: the write goes to that very task, and replaces the owner the
   * confirmation showed (`current`, as `ownerAsWritten` gives it; none when it had none), or is refused.
   */
  private readonly confirmed = new Map<string, { target: PlanTarget; current?: string }>();
  private readonly registrations: vscode.Disposable[] = [];
  /** Each tool's implementation by name (what `vscode.lm.registerTool` got; tests call `prepareInvocation` on it). */
  readonly tools = new Map<string, vscode.LanguageModelTool<unknown>>();

  constructor(
    private readonly store: PlanStore,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    for (const tool of AGENT_TOOLS as readonly AgentTool[]) this.tools.set(tool.name, { invoke: (options) => this.runReadOnly(tool, options.input) });
    this.tools.set(assignOwnerTool.name, {
      prepareInvocation: (options) => this.prepareAssignOwner(options.input),
      invoke: (options) => this.assignOwner(options.input),
    });
    // A host without the Language Model API (older, or a web host that lacks it) simply has no tools.
    if (typeof vscode.lm?.registerTool !== 'function') return;
    for (const [name, tool] of this.tools) this.registrations.push(vscode.lm.registerTool(name, tool));
  }

  dispose(): void {
    for (const registration of this.registrations.splice(0)) registration.dispose();
  }

  /** docs/rules.md's sections, read once from the extension's own files. */
  private docs(): Promise<ReadonlyMap<string, string>> {
    this.ruleDocs ??= Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'docs', 'rules.md'))).then(
      (bytes) => docSections(new TextDecoder().decode(bytes)),
      (error: unknown) => {
        this.log.warn(`Language Model Tools: docs/rules.md could not be read (${error instanceof Error ? error.message : String(error)})`);
        return new Map<string, string>();
      },
    );
    return this.ruleDocs;
  }

  private async runReadOnly(tool: AgentTool, input: unknown): Promise<vscode.LanguageModelToolResult> {
    const found = await planFor(this.store, input);
    if ('error' in found) return toolResult(found.error);
    // A path the model gives is read from the plan's folder; one into another folder's .release/ is refused.
    const root = found.plan.folder.uri.fsPath || found.plan.folder.uri.path;
    return toolResult(runAgentTool(tool, { result: found.plan.result, ruleDocs: await this.docs(), root, cwd: root }, withoutFolder(input)));
  }

  /** The task and owner an Assign Owner input names, checked against the current plan. */
  private async resolveAssignment(input: unknown): Promise<{ plan: FolderPlan; target: PlanTarget; id: string; title?: string; owner: string; current?: string } | { error: AgentToolOutput }> {
    const parsed = assignOwnerTool.input.safeParse(input ?? {});
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
      return { error: refused(vscode.l10n.t('Invalid arguments for {0}: {1}', assignOwnerTool.name, problems.join('; ')), { error: 'invalid-arguments', problems }) };
    }
    const owner = parsed.data.owner.trim();
    const id = parsed.data.task.trim();
    if (owner === '') return { error: refused(vscode.l10n.t('Invalid arguments for {0}: owner is only spaces.', assignOwnerTool.name), { error: 'invalid-arguments', problems: ['owner'] }) };
    // One person's name is one line: a line break or another control character is not part of a name.
    if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(owner)) {
      return { error: refused(vscode.l10n.t('Invalid arguments for {0}: owner must be the name of one person on one line, without line breaks or control characters.', assignOwnerTool.name), { error: 'invalid-arguments', problems: ['owner'] }) };
    }
    const found = await planFor(this.store, parsed.data);
    if ('error' in found) return found;
    const { plan } = found;
    const tasks = plan.result.context.tasks();
    const matches = tasks.filter((t) => t.task.id !== undefined && String(t.task.id).trim() === id);
    if (matches.length !== 1) {
      const ids = tasks.flatMap((t) => (t.task.id !== undefined ? [String(t.task.id)] : []));
      const text =
        matches.length === 0
          ? vscode.l10n.t('release.yaml has no task with the id "{0}". The task ids: {1}.', id, ids.join(', '))
          : vscode.l10n.t('{0} tasks in release.yaml have the id "{1}"; give them different ids first.', matches.length, id);
      return { error: refused(text, { error: matches.length === 0 ? 'unknown-task' : 'ambiguous-task', task: id, tasks: ids }) };
    }
    const { task, index } = matches[0]!;
    const title = typeof task.title === 'string' && task.title.trim() !== '' ? task.title.trim() : undefined;
    const releaseText = plan.result.plan.release?.source.text;
    const target: PlanTarget = { kind: 'task', index, id, ...(title !== undefined ? { title } : {}), ...(releaseText !== undefined ? { textHash: textHash(releaseText) } : {}) };
    // What the write replaces, as the file has it: a list of owners or a number too, not only text the schema kept.
    const current = ownerAsWritten(valueAt(plan.result.plan.release?.source.data, ['tasks', index, 'owner']));
    return { plan, target, id, owner, ...(title !== undefined ? { title } : {}), ...(current !== undefined ? { current } : {}) };
  }

  /**
   * Where release.yaml is, as the user reads it: with the folder's name when the window has several
   * folders, and with the folder's path when another open folder has the same name.
   */
  private releasePath(plan: FolderPlan): string {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length <= 1) return RELEASE_FILE;
    const shared = folders.some((folder) => folder.name === plan.folder.name && folder.uri.toString() !== plan.folder.uri.toString());
    return `${shared ? plan.folder.uri.fsPath || plan.folder.uri.path : plan.folder.name}/${RELEASE_FILE}`;
  }

  private confirmationKey(input: unknown): string {
    return JSON.stringify(isRecord(input) ? [input.folder ?? null, input.task ?? null, input.owner ?? null] : input ?? null);
  }

  private async prepareAssignOwner(input: unknown): Promise<vscode.PreparedToolInvocation> {
    // Nothing will be written (Restricted Mode, a bad input): no confirmation, `invoke` says why.
    if (refuseUntrusted()) return {};
    const resolved = await this.resolveAssignment(input);
    if ('error' in resolved) return {};
    const { plan, target, id, title, owner, current } = resolved;
    // The one change `invoke` may write for this input: the task as it is now.
    this.confirmed.set(this.confirmationKey(input), { target, ...(current !== undefined ? { current } : {}) });
    const where = this.releasePath(plan);
    const change =
      title !== undefined
        ? vscode.l10n.t('Set the owner of {0} ({1}) to {2} in {3}.', id, title, owner, where)
        : vscode.l10n.t('Set the owner of {0} to {1} in {2}.', id, owner, where);
    const now = current !== undefined ? vscode.l10n.t('Its owner now: {0}.', current) : vscode.l10n.t('It has no owner now.');
    return {
      invocationMessage: vscode.l10n.t('Setting the owner of {0} to {1}', id, owner),
      confirmationMessages: { title: vscode.l10n.t('Assign an owner?'), message: `${change} ${now}` },
    };
  }

  private async assignOwner(input: unknown): Promise<vscode.LanguageModelToolResult> {
    const key = this.confirmationKey(input);
    const confirmation = this.confirmed.get(key);
    this.confirmed.delete(key);
    const untrusted = refuseUntrusted();
    if (untrusted && !untrusted.ok) return toolResult(refused(untrusted.reason, { error: 'restricted-mode' }));
    const resolved = await this.resolveAssignment(input);
    if ('error' in resolved) return toolResult(resolved.error);
    const { plan, id, owner } = resolved;
    // Only a change the user confirmed is written: VS Code asks (prepareInvocation) before it invokes.
    // No confirmation for this input (the task was not there when it was asked, or it was not asked): nothing is written.
    if (!confirmation) {
      return toolResult(refused(vscode.l10n.t('Nothing was written: the change to {0} was not confirmed. Ask again, and confirm the change that is shown.', id), { error: 'not-confirmed', task: id, owner }));
    }
    // The task the user confirmed, found again by id and title in the text as it is now, with the owner
    // the confirmation showed: an owner set since then (someone wrote Bo) is not replaced unasked.
    let changedOwner: { now: string | undefined } | undefined;
    const written = await editTarget(planUri(plan.folder, RELEASE_FILE), confirmation.target, (text, path) => {
      const now = ownerAsWritten(valueAt(parseDocument(text, { uniqueKeys: true, logLevel: 'error' }).toJS(), [...path, 'owner']));
      if (now !== confirmation.current) {
        changedOwner = { now };
        return changedSinceConfirmed();
      }
      return setValue(text, [...path, 'owner'], owner);
    });
    await this.store.refresh(plan.folder);
    if (changedOwner) {
      const { now } = changedOwner;
      const was = confirmation.current;
      const text =
        now === undefined
          ? vscode.l10n.t('{0} has no owner now, not {1} as confirmed; nothing was written.', id, was ?? '')
          : was === undefined
            ? vscode.l10n.t('The owner of {0} is now {1}; it had none when you confirmed. Nothing was written.', id, now)
            : vscode.l10n.t('The owner of {0} is now {1}, not {2} as confirmed; nothing was written.', id, now, was);
      return toolResult(refused(text, { error: 'owner-changed', task: id, owner, confirmed: was ?? null, now: now ?? null }));
    }
    if (!written.ok) return toolResult(refused(written.reason, { error: 'refused', task: id, owner, reason: written.reason }));
    return toolResult({ text: vscode.l10n.t('{0} is now owned by {1} in {2}. Undo in the editor takes it back.', id, owner, this.releasePath(plan)), data: { task: id, owner, file: RELEASE_FILE, folder: plan.folder.name } });
  }
}
