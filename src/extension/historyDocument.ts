import * as vscode from 'vscode';
import { shortCommit, type TimelineEvent } from '../core/timeline';
import { RELEASE_FILE } from '../core/types';
import { Disposable } from './dispose';
import type { HistoryState } from './gitHistory';

/** The scheme of the read-only "Plan History" documents (VS Code opens a content provider's documents read-only). */
export const HISTORY_SCHEME = 'release-plan-history';

/** Holds the text of each Plan History document it was asked to show. */
export class HistoryDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly emitter = this._register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.emitter.event;

  constructor() {
    super();
    this._register(vscode.workspace.registerTextDocumentContentProvider(HISTORY_SCHEME, this));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** The document's URI for `folder`, with `text` as its content (an open one updates). */
  set(folder: vscode.WorkspaceFolder, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: HISTORY_SCHEME, path: `/${folder.name}/${vscode.l10n.t('Plan History')}.md`, query: folder.uri.toString() });
    const known = this.texts.get(uri.toString());
    this.texts.set(uri.toString(), text);
    if (known !== undefined && known !== text) this.emitter.fire(uri);
    return uri;
  }
}

/** Why there is no history, said plainly, with what to do. */
export function unavailableText(folder: vscode.WorkspaceFolder, state: Extract<HistoryState, { kind: 'unavailable' }>): string {
  switch (state.why) {
    case 'web':
      return vscode.l10n.t('Plan history is not available in the browser: it is read with Git, which needs the desktop VS Code. The checks, tree, dashboard and go/no-go work here; after a freeze, tasks without `added:` cannot be dated, so the go/no-go asks about them.');
    case 'virtual':
      return vscode.l10n.t('Plan history is not available: {0} is not on this computer (a virtual workspace), and the history is read with Git.', folder.name);
    case 'missing':
      return vscode.workspace.isTrusted
        ? vscode.l10n.t('Plan history is not available: the built-in Git extension is disabled or not installed. Enable it to see who changed the plan and when.')
        : vscode.l10n.t('Plan history is not available in Restricted Mode: the built-in Git extension does not run in an untrusted workspace.');
    case 'disabled':
      return vscode.l10n.t('Plan history is not available: Git is turned off (the git.enabled setting). Turn it on to see who changed the plan and when.');
    case 'no-git':
      return vscode.l10n.t('Plan history is not available: Git is not installed, or VS Code cannot find it (the git.path setting). Install Git to see who changed the plan and when.');
    case 'not-started':
      return vscode.l10n.t('Plan history is not available yet: the built-in Git extension has not finished starting. Try again in a moment.');
    case 'no-repository':
      return vscode.l10n.t('Plan history is not available: {0} is not in a Git repository (or Git is not installed). Commit the plan to Git to see its history.', folder.name);
    case 'error':
      return vscode.l10n.t('Plan history is not available: Git could not read it ({0}).', state.detail ?? '');
  }
}

/** Plan text in a Markdown table cell: one line, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r\n|[\n\r\u2028\u2029]/g, ' ').replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

function taskName(task: string, title?: string): string {
  return title === undefined || title === '' || title === task ? `"${task}"` : `${task} "${title}"`;
}

function value(text: string | undefined): string {
  return text ?? vscode.l10n.t('(none)');
}

/** One change, in the extension's language. */
export function eventText(event: TimelineEvent): string {
  switch (event.kind) {
    case 'task-added': {
      const name = taskName(event.task, event.title);
      if (event.initial) return vscode.l10n.t('Started the plan with task {0}', name);
      if (event.afterFreeze === 'scope') return vscode.l10n.t('Added task {0} after the scope froze (freeze.scope)', name);
      if (event.afterFreeze === 'features') return vscode.l10n.t('Added task {0} after feature requests stopped (freeze.features)', name);
      return vscode.l10n.t('Added task {0}', name);
    }
    case 'task-removed':
      return vscode.l10n.t('Removed task {0}', taskName(event.task, event.title));
    case 'task-done':
      return vscode.l10n.t('Finished task {0}', taskName(event.task, event.title));
    case 'owner-changed':
      return vscode.l10n.t('Owner of {0}: {1} → {2}', taskName(event.task), value(event.from), value(event.to));
    case 'role-changed':
      return vscode.l10n.t('roles.{0}: {1} → {2}', event.role, value(event.from), value(event.to));
    case 'target-moved':
      return event.draft ? vscode.l10n.t('Target date: {0} → {1} (while the plan was a draft: not counted as a move)', value(event.from), value(event.to)) : vscode.l10n.t('Target date: {0} → {1}', value(event.from), value(event.to));
    case 'backup-moved':
      return event.draft ? vscode.l10n.t('Backup date: {0} → {1} (while the plan was a draft: not counted as a move)', value(event.from), value(event.to)) : vscode.l10n.t('Backup date: {0} → {1}', value(event.from), value(event.to));
    case 'freeze-moved':
      return event.freeze === 'scope' ? vscode.l10n.t('Scope freeze (freeze.scope): {0} → {1}', value(event.from), value(event.to)) : vscode.l10n.t('Feature freeze (freeze.features): {0} → {1}', value(event.from), value(event.to));
    case 'problem-rewritten':
      return vscode.l10n.t('Problem rewritten: {0}', value(event.to));
  }
}

/** The Plan History document: a heading, where it comes from, and one table row per change (newest first). */
export function historyMarkdown(folder: vscode.WorkspaceFolder, state: Extract<HistoryState, { kind: 'ready' }>): string {
  const { timeline } = state;
  const lines = [`# ${cell(vscode.l10n.t('Plan history: {0}', timeline.release ?? folder.name))}`, ''];
  if (state.versions === 0) {
    lines.push(vscode.l10n.t('No committed version of {0} yet: its history starts with the first commit of the plan.', RELEASE_FILE));
    return `${lines.join('\n')}\n`;
  }
  lines.push(vscode.l10n.t('From Git: {0} committed versions of {1}, read at commit {2}, as the main line saw them (first parent: a merge is by the person who merged it). Only this release counts; newest first.', state.versions, RELEASE_FILE, shortCommit(state.head)), '');
  if (timeline.truncated) {
    const { date, commit, read } = timeline.truncated;
    lines.push(
      timeline.truncated.reason === 'shallow'
        ? vscode.l10n.t('The history before {0} (commit {1}) is not in this clone (a shallow clone): the tasks and dates of that version are where the reading starts, not where the plan started. Fetch the whole history (git fetch --unshallow).', date, shortCommit(commit))
        : timeline.truncated.reason === 'missing'
        ? vscode.l10n.t('The history before {0} (commit {1}) is not in this clone (a partial clone without the older versions’ contents; they are not fetched): the tasks and dates of that version are where the reading starts, not where the plan started.', date, shortCommit(commit))
        : vscode.l10n.t('The history before {0} (commit {1}) is beyond the {2} versions read: the tasks and dates of that version are where the reading starts, not where the plan started.', date, shortCommit(commit), read),
      '',
    );
  }
  lines.push(`| ${vscode.l10n.t('Date')} | ${vscode.l10n.t('Author')} | ${vscode.l10n.t('Change')} | ${vscode.l10n.t('Commit')} |`, '|---|---|---|---|');
  for (const event of [...timeline.events].reverse()) lines.push(`| ${cell(event.date)} | ${cell(event.author)} | ${cell(eventText(event))} | ${event.merge ? vscode.l10n.t('{0} (merge)', shortCommit(event.commit)) : shortCommit(event.commit)} |`);
  return `${lines.join('\n')}\n`;
}
