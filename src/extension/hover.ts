import * as vscode from 'vscode';
import { ownerLoads } from '../core/load';
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
    const md = new vscode.MarkdownString();
    const tasks = `${load.openTasks.length} open task${load.openTasks.length === 1 ? '' : 's'}`;
    const days = `${load.estimate} day${load.estimate === 1 ? '' : 's'} estimated${load.available !== undefined ? ` of ${load.available} available before target` : ''}`;
    md.appendMarkdown(`**${escapeMarkdown(load.person)}** — ${tasks}, ${days}\n\n`);
    for (const task of load.openTasks) md.appendMarkdown(`- ${escapeMarkdown(`${task.id} ${task.title}`)} (${task.status}${task.estimate !== undefined ? `, ${task.estimate}d` : ''})\n`);
    if (load.roles.length) md.appendMarkdown(`\nRoles: ${load.roles.join(', ')}`);
    return new vscode.Hover(md, new vscode.Range(position.line, start, position.line, start + name.length));
  }
}

