import { PERSON_FIELDS } from '../core/schemas';
import * as vscode from 'vscode';
import { addDays } from '../core/dates';
import { renameKey, setValue, type EditResult } from '../core/edits';
import { rollbackScaffold } from '../core/scaffold';
import type { SourceFile } from '../core/source';
import type { Finding } from '../core/types';
import { ROLLBACK_FILE } from '../core/types';
import { valueAt } from '../core/validate';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { newFileEdit, refuseUntrusted, toWorkspaceEdit } from './documentEdits';
import { planPath, planUri } from './planFiles';
import type { FolderPlan, PlanStore } from './planStore';
import { ownerCandidates } from './people';
import { localize } from './translate';

const MAX_CANDIDATES = 5;

/** An edit of one file's text, made when the fix is chosen; `parsed` is that text's syntax tree, when known. */
type Edit = (text: string, parsed?: SourceFile['doc']) => EditResult;

/**
 * A quick fix whose WorkspaceEdit is computed only when it is chosen (`resolveCodeAction`): the
 * lightbulb asks for fixes on every cursor move, and building each fix's edit parses the file.
 */
class LazyFix extends vscode.CodeAction {
  constructor(
    title: string,
    readonly document: vscode.TextDocument,
    /** The document version the fix was offered for: the finding's path is only valid in that text. */
    readonly version: number,
    readonly compute: Edit,
  ) {
    super(title, vscode.CodeActionKind.QuickFix);
  }
}

/**
 * Quick fixes for findings. Each edits the document's current text (a WorkspaceEdit, so it is
 * undoable and keeps comments); none is offered while the last check is older than the text. The
 * lightbulb gets titles only: whether a fix applies is asked of the syntax tree the check already
 * has, and its edit is made in `resolveCodeAction`, when it is chosen.
 */
export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly store: PlanStore) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    // Restricted Mode: no fix that writes is offered (enforced here, not only in the manifest).
    if (!vscode.workspace.isTrusted) return [];
    const plan = this.store.forUri(document.uri);
    const path = plan && planPath(plan.folder, document.uri);
    if (!plan || !path || plan.versions.get(document.uri.toString()) !== undefined && plan.versions.get(document.uri.toString()) !== document.version) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const finding = plan.result.findings.find((f) => f.file === path && f.code === codeOf(diagnostic) && sameRange(f, diagnostic.range));
      if (finding) actions.push(...this.fixes(document, plan, finding, diagnostic));
    }
    return actions;
  }

  /** Makes the edit of the fix chosen, against the document as it is now (and only if it did not change since). */
  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (!(action instanceof LazyFix) || action.edit) return action;
    // Without an edit the chosen fix does nothing: say why.
    const refused = refuseUntrusted();
    if (refused && !refused.ok) return warn(action, refused.reason);
    const name = action.document.uri.path.replace(/^.*\//, '');
    if (action.document.version !== action.version) return warn(action, vscode.l10n.t('{0} changed since the fix was offered; nothing was changed. Try again.', name));
    const result = action.compute(action.document.getText());
    if (!result.ok) return warn(action, vscode.l10n.t('"{0}" cannot be applied: {1}.', action.title, localize(result.reason)));
    action.edit = toWorkspaceEdit(action.document, result.edits);
    return action;
  }

  private fixes(document: vscode.TextDocument, plan: FolderPlan, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    // The checked text of this file and its syntax tree: the fix is offered only if its edit can be
    // made there (as before, when every edit was built up front), without parsing the file again.
    const source = plan.result.plan.sources.get(finding.file);
    const edit = (title: string, compute: Edit, preferred = false): vscode.CodeAction[] => {
      if (source && !compute(source.text, source.doc).ok) return [];
      const action = new LazyFix(title, document, document.version, compute);
      action.diagnostics = [diagnostic];
      action.isPreferred = preferred;
      return [action];
    };
    const path = finding.path ?? [];
    const today = plan.today;

    switch (finding.code) {
      case 'owner-missing':
      case 'owner-team-label':
      case 'owner-unknown': {
        // The finding's path names the person field itself (owner, clears, a role).
        const field = path[path.length - 1];
        if (typeof field !== 'string' || !(PERSON_FIELDS as readonly string[]).includes(field)) return [];
        return ownerCandidates(plan.result)
          .slice(0, MAX_CANDIDATES)
          .flatMap((person, i) => edit(vscode.l10n.t('Assign to {0}', person), (text, parsed) => setValue(text, path, person, parsed), i === 0 && finding.code !== 'owner-unknown'));
      }
      case 'owner-multiple': {
        const people = peopleAt(plan, finding);
        return people.flatMap((person, i) => edit(vscode.l10n.t('Keep {0} as the one owner', person), (text, parsed) => setValue(text, path, person, parsed), i === 0));
      }
      case 'role-missing':
      case 'rollback-role-missing': {
        const role = finding.data?.field ?? (path[0] === 'roles' && typeof path[1] === 'string' ? path[1] : undefined);
        if (!role) return [];
        return ownerCandidates(plan.result)
          .slice(0, MAX_CANDIDATES)
          .flatMap((person, i) => edit(vscode.l10n.t('Set roles.{0} to {1}', role, person), (text, parsed) => setValue(text, ['roles', role], person, parsed), i === 0));
      }
      case 'migration-no-rollback': {
        const taskPath = path.slice(0, 2);
        return edit(vscode.l10n.t('Add a rollback line to this task'), (text, parsed) => setValue(text, [...taskPath, 'rollback'], 'TODO: how this migration is undone (e.g. down migration tested on a copy)', parsed), true);
      }
      case 'date-backup-missing': {
        const target = plan.result.plan.release?.data.target;
        if (typeof target !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(target)) return [];
        const backup = addDays(target, 7);
        return edit(vscode.l10n.t('Add backup date {0} (one week after target)', backup), (text, parsed) => setValue(text, ['backup'], backup, parsed), true);
      }
      case 'parked-not-told': {
        const itemPath = path[0] === 'parked' ? path.slice(0, 2) : path;
        return edit(vscode.l10n.t('Mark as told today ({0})', today), (text, parsed) => setValue(text, [...itemPath, 'told'], today, parsed), true);
      }
      case 'task-blocked-unowned': {
        // The finding sits on `clears` (or on `status` when there is no clears): write clears either way.
        if (path[0] !== 'tasks' || typeof path[1] !== 'number') return [];
        return ownerCandidates(plan.result)
          .slice(0, MAX_CANDIDATES)
          .flatMap((person, i) => edit(vscode.l10n.t('{0} clears the blocker', person), (text, parsed) => setValue(text, ['tasks', path[1] as number, 'clears'], person, parsed), i === 0));
      }
      case 'rollback-roles-one-person': {
        // One person decides; hand running and verifying to someone else, one role at a time.
        const holder = plan.result.context.people.judge(plan.result.plan.rollback?.data.roles?.decides);
        const decider = holder.kind === 'ok' || holder.kind === 'unknown' ? plan.result.context.people.canonical(holder.person) : undefined;
        return ownerCandidates(plan.result)
          .filter((person) => plan.result.context.people.canonical(person) !== decider)
          .slice(0, MAX_CANDIDATES)
          .flatMap((person, i) => edit(vscode.l10n.t('Set roles.verifies to {0}', person), (text, parsed) => setValue(text, ['roles', 'verifies'], person, parsed), i === 0));
      }
      case 'schema':
      case 'config-unknown-rule': {
        const suggestion = finding.data?.suggestion;
        if (!suggestion || path.length === 0) return [];
        return edit(vscode.l10n.t('Change to {0}', suggestion), (text, parsed) => renameKey(text, path, suggestion, parsed), true);
      }
      case 'checkin-stale': {
        const action = new vscode.CodeAction(vscode.l10n.t('Run the daily check-in'), vscode.CodeActionKind.QuickFix);
        action.command = { command: 'releasePlan.dailyCheckin', title: vscode.l10n.t('Daily Check-in'), arguments: [{ folder: plan.folder.uri }] };
        action.diagnostics = [diagnostic];
        return [action];
      }
      case 'review-missing': {
        const action = new vscode.CodeAction(vscode.l10n.t('Start the post-release review'), vscode.CodeActionKind.QuickFix);
        action.command = { command: 'releasePlan.startReview', title: vscode.l10n.t('Start Post-Release Review'), arguments: [{ folder: plan.folder.uri }] };
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        return [action];
      }
      case 'file-misnamed': {
        const rename = finding.data?.rename;
        if (!rename) return [];
        const action = new vscode.CodeAction(vscode.l10n.t('Rename to {0}', rename.replace(/^.*\//, '')), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        // A rename is undoable and git sees a move; never over an existing file.
        action.edit.renameFile(document.uri, planUri(plan.folder, rename), { overwrite: false, ignoreIfExists: false });
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        return [action];
      }
      case 'rollback-missing': {
        const action = new vscode.CodeAction(vscode.l10n.t('Create rollback.yaml from a template'), vscode.CodeActionKind.QuickFix);
        const uri = planUri(plan.folder, ROLLBACK_FILE);
        // Fails whole if rollback.yaml appeared meanwhile (applied twice, or created by someone else):
        // never a second runbook prepended to an existing one.
        action.edit = newFileEdit(uri, rollbackScaffold());
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        return [action];
      }
      default:
        return [];
    }
  }
}

function warn(action: vscode.CodeAction, message: string): vscode.CodeAction {
  void vscode.window.showWarningMessage(message);
  return action;
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

function sameRange(finding: Finding, range: vscode.Range): boolean {
  const { start, end } = finding.range;
  return range.start.line === start.line && range.start.character === start.character && range.end.line === end.line && range.end.character === end.character;
}

/** The people named by the value an owner-multiple finding is about. */
function peopleAt(plan: FolderPlan, finding: Finding): string[] {
  const loaded = [plan.result.plan.release, plan.result.plan.rollback, ...plan.result.plan.checkins].find((file) => file?.source.path === finding.file);
  const verdict = plan.result.context.people.judge(valueAt(loaded?.data, finding.path ?? []));
  if (verdict.kind !== 'multiple') return [];
  return [...new Set(verdict.people.map((name) => plan.result.context.people.canonical(name)))];
}
