import * as vscode from 'vscode';
import { ownerLoads, type PersonLoad } from '../core/load';
import { escapeMarkdown } from './markdown';
import type { PlanStore } from './planStore';

const PERSON_LINE = /^\s*(?:-\s+)?(owner|clears|scope|delivery|readiness|stop|decides|runs|verifies|by|decided_by):\s*["']?([^"'#\n]+?)["']?\s*(?:#.*)?$/;

/** Hover on a person's name: their open tasks, estimates against time left, and roles. */
export class OwnerHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: PlanStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const line = document.lineAt(position.line).text;
    const match = PERSON_LINE.exec(line);
    if (!match?.[2]) return undefined;
    const name = match[2].trim();
    const start = line.indexOf(name, line.indexOf(':') + 1);
    if (position.character < start || position.character > start + name.length) return undefined;
    const plan = this.store.forUri(document.uri);
    if (!plan) return undefined;
    const people = plan.result.context.people;
    const load = ownerLoads(plan.result).find((l) => l.person === people.canonical(name));
    if (!load) return undefined;
    return new vscode.Hover(ownerHoverMarkdown(load), new vscode.Range(position.line, start, position.line, start + name.length));
  }
}

/** The hover of one person: their open tasks, estimates against the days left, and roles (exported for tests). */
export function ownerHoverMarkdown(load: PersonLoad): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const open = load.openTasks.length;
  const tasks = open === 1 ? vscode.l10n.t('1 open task') : vscode.l10n.t('{0} open tasks', open);
  const days =
    load.available === undefined
      ? load.estimate === 1
        ? vscode.l10n.t('1 day estimated')
        : vscode.l10n.t('{0} days estimated', load.estimate)
      : load.estimate === 1
        ? vscode.l10n.t('1 day estimated of {0} available before target', load.available)
        : vscode.l10n.t('{0} days estimated of {1} available before target', load.estimate, load.available);
  const headline = vscode.l10n.t({ message: '{0}, {1}', args: [tasks, days], comment: ['A person\'s load: {0} is e.g. "2 open tasks", {1} e.g. "5 days estimated of 8 available before target".'] });
  md.appendMarkdown(`**${escapeMarkdown(load.person)}** — ${headline}\n\n`);
  for (const task of load.openTasks) {
    const state = task.estimate === undefined ? task.status : vscode.l10n.t('{0}, {1}d', task.status, task.estimate);
    md.appendMarkdown(`- ${escapeMarkdown(`${task.id} ${task.title}`)} (${state})\n`);
  }
  if (load.roles.length) md.appendMarkdown(`\n${vscode.l10n.t('Roles: {0}', load.roles.join(', '))}`);
  return md;
}
