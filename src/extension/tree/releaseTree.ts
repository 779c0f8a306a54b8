import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import { summarizeRelease, type Location, type ReleaseSummary, type TaskSummary } from '../../core/summary';
import type { PlanStore } from '../planStore';
import { planUri } from '../planFiles';
import { COMMAND_IDS } from '../commands/ids';
import { countdown, daysShort, errorsAndWarnings, gonogoLine, launchLine } from '../words';
import { targetKnownFirst, trackRecordOf, type TrackRecord, type TrackRow } from '../../core/trackRecord';

/** Plain data behind each tree row; the provider maps it to a TreeItem. */
export interface ReleaseNode {
  kind: 'release' | 'section' | 'group' | 'task' | 'role' | 'check' | 'parked' | 'info';
  label: string;
  description?: string;
  tooltip?: string;
  icon?: vscode.ThemeIcon;
  children?: ReleaseNode[];
  folder: vscode.WorkspaceFolder;
  location?: Location;
  /** A command the row runs when clicked, for its folder (`{ folder }`), instead of opening a location. */
  run?: { command: string; title: string };
  /** For context menus: `task`, `parked` … (see package.json menus). */
  contextValue?: string;
  task?: TaskSummary;
  id: string;
  expanded?: boolean;
}

const STATUS_ORDER = [
  ['blocked', 'error'],
  ['doing', 'sync'],
  ['todo', 'circle-large-outline'],
  ['done', 'pass'],
] as const;

/** A status group's heading (the YAML value stays as written in tooltips). */
function statusLabel(status: (typeof STATUS_ORDER)[number][0]): string {
  switch (status) {
    case 'blocked':
      return vscode.l10n.t('Blocked');
    case 'doing':
      return vscode.l10n.t('Doing');
    case 'todo':
      return vscode.l10n.t('To do');
    case 'done':
      return vscode.l10n.t('Done');
  }
}

/** A go/no-go question's verdict as the row shows it. */
function verdictLabel(verdict: 'pass' | 'fail' | 'needs-answer'): string {
  return verdict === 'pass' ? vscode.l10n.t('pass') : verdict === 'fail' ? vscode.l10n.t('fail') : vscode.l10n.t('needs-answer');
}

function problemCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', n);
}

const RISK_ICON: Record<string, string> = { migration: 'database', billing: 'credit-card', permissions: 'shield', 'multi-service': 'server-environment' };
const KIND_ICON: Record<string, string> = { refactor: 'wrench', fix: 'bug', test: 'beaker', chore: 'tools', ops: 'server-process', feature: 'symbol-event' };

/** Builds the rows of one release; exported so tests can read the tree without the UI. */
export function buildReleaseNode(folder: vscode.WorkspaceFolder, summary: ReleaseSummary, ownerFilter?: string, track?: TrackRecord): ReleaseNode {
  const id = (suffix: string) => `${folder.uri.toString()}#${suffix}`;
  const node = (partial: Omit<ReleaseNode, 'folder'>): ReleaseNode => ({ folder, ...partial });
  const tasks = ownerFilter ? summary.tasks.filter((t) => t.owner?.toLowerCase() === ownerFilter.toLowerCase()) : summary.tasks;

  const taskNode = (task: TaskSummary): ReleaseNode => {
    const problems = task.errors + task.warnings;
    const icon = task.errors > 0 ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')) : task.risk[0] ? new vscode.ThemeIcon(RISK_ICON[task.risk[0]] ?? 'warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon(KIND_ICON[task.kind] ?? 'circle-outline');
    const details = [task.owner ?? vscode.l10n.t('no owner'), task.estimate !== undefined ? daysShort(task.estimate) : undefined, task.kind !== 'feature' ? task.kind : undefined, ...task.risk, problems ? problemCount(problems) : undefined].filter(Boolean);
    const tooltip = [
      `${task.id}: ${task.title}`,
      vscode.l10n.t('Owner: {0}', task.owner ?? '—'),
      vscode.l10n.t('Status: {0}', task.status),
      task.risk.length ? vscode.l10n.t('Risk: {0}', task.risk.join(', ')) : undefined,
      task.blocker ? vscode.l10n.t('Blocked by: {0}', task.blocker) : undefined,
      problems ? vscode.l10n.t('{0} error(s), {1} warning(s)', task.errors, task.warnings) : undefined,
    ].filter((line) => line !== undefined);
    return node({
      kind: 'task',
      id: id(`task-${task.index}`),
      label: `${task.id} ${task.title}`,
      description: details.join(' · '),
      tooltip: tooltip.join('\n'),
      icon,
      location: task.location,
      contextValue: 'task',
      task,
    });
  };

  const taskGroups = STATUS_ORDER.map(([status, icon]) => {
    const list = tasks.filter((t) => t.status === status);
    return node({ kind: 'group', id: id(`tasks-${status}`), label: statusLabel(status), description: String(list.length), icon: new vscode.ThemeIcon(icon), children: list.map(taskNode), expanded: status !== 'done' });
  }).filter((group) => (group.children?.length ?? 0) > 0);

  const checks = summary.rollback.checks.map((check) =>
    node({
      kind: 'check',
      id: id(`check-${check.id}`),
      label: check.label,
      description: check.detail,
      icon: new vscode.ThemeIcon(check.ok ? 'pass' : 'error', new vscode.ThemeColor(check.ok ? 'testing.iconPassed' : 'testing.iconFailed')),
      ...(check.location ? { location: check.location } : {}),
    }),
  );
  const rollbackOk = summary.rollback.checks.every((c) => c.ok);

  const veto = summary.gonogo.veto;
  const gonogoChildren = summary.gonogo.questions.map((q, i) =>
    node({ kind: 'info', id: id(`gonogo-${q.id}`), label: `${i + 1}. ${q.question}`, description: verdictLabel(q.verdict), tooltip: q.reasons.join('\n'), icon: new vscode.ThemeIcon(q.verdict === 'pass' ? 'pass' : q.verdict === 'fail' ? 'error' : 'question') }),
  );

  const sections: ReleaseNode[] = [
    node({ kind: 'section', id: id('problem'), label: vscode.l10n.t('Problem'), description: summary.problem ?? vscode.l10n.t('not stated'), tooltip: summary.problem ?? vscode.l10n.t('State the one customer problem this release solves.'), icon: new vscode.ThemeIcon('target'), location: summary.location }),
    node({
      kind: 'section',
      id: id('roles'),
      label: vscode.l10n.t('Roles'),
      icon: new vscode.ThemeIcon('person'),
      children: summary.roles.map((r) => node({ kind: 'role', id: id(`role-${r.role}`), label: r.role, description: r.person ?? vscode.l10n.t('— nobody —'), icon: new vscode.ThemeIcon(r.person ? 'account' : 'warning'), location: r.location })),
    }),
    node({ kind: 'section', id: id('tasks'), label: ownerFilter ? vscode.l10n.t('Tasks (owner: {0})', ownerFilter) : vscode.l10n.t('Tasks'), description: String(tasks.length), icon: new vscode.ThemeIcon('checklist'), children: taskGroups, expanded: true }),
    node({ kind: 'section', id: id('rollback'), label: vscode.l10n.t('Rollback readiness'), description: rollbackOk ? vscode.l10n.t('ready') : vscode.l10n.t('not ready'), icon: new vscode.ThemeIcon('history', new vscode.ThemeColor(rollbackOk ? 'testing.iconPassed' : 'testing.iconFailed')), children: checks }),
    node({
      kind: 'section',
      id: id('gonogo'),
      label: vscode.l10n.t('Go/No-Go'),
      description: gonogoLine(summary),
      ...(veto ? { tooltip: `${veto.message}\n${vscode.l10n.t('Recorded in {0}. The release stays no-go until a later go/no-go record says go.', veto.file)}` } : {}),
      icon: new vscode.ThemeIcon('law', veto ? new vscode.ThemeColor('testing.iconFailed') : undefined),
      children: gonogoChildren,
    }),
    node({
      kind: 'section',
      id: id('parked'),
      label: vscode.l10n.t('Parked'),
      description: String(summary.parked.length),
      icon: new vscode.ThemeIcon('archive'),
      children: summary.parked.map((p) => node({ kind: 'parked', id: id(`parked-${p.index}`), label: p.title, description: p.told ? vscode.l10n.t('told {0}', p.told) : vscode.l10n.t('not told'), tooltip: [p.reason, p.askedBy ? vscode.l10n.t('Asked by {0}', p.askedBy) : undefined].filter(Boolean).join('\n'), icon: new vscode.ThemeIcon(p.told ? 'mail-read' : 'mail', p.told ? undefined : new vscode.ThemeColor('problemsWarningIcon.foreground')), location: p.location, contextValue: p.told ? 'parked' : 'parkedUntold' })),
    }),
  ];

  const past = track?.rows.filter((row) => !row.current) ?? [];
  if (track && track.review.state !== 'not-due') sections.push(reviewNode(track.review, id, node));
  if (past.length > 0) {
    sections.push(
      node({
        kind: 'section',
        id: id('history'),
        label: vscode.l10n.t('History'),
        description: String(past.length),
        tooltip: vscode.l10n.t('Past releases in .release/history/, oldest first'),
        icon: new vscode.ThemeIcon('archive'),
        children: past.map((row) => historyNode(row, id, node)),
        expanded: false,
      }),
    );
  }

  const { errors, warnings } = summary.counts;
  // After launch the state is the launch, not a countdown to a target that no longer leads anywhere.
  const state = summary.gonogo.shipped ? launchLine(summary.gonogo.shipped) : countdown(summary.daysLeft);
  return node({
    kind: 'release',
    id: id('release'),
    label: summary.name,
    description: errors + warnings ? `${state} · ${errorsAndWarnings(errors, warnings)}` : state,
    tooltip: `${summary.name}\n${summary.problem ?? ''}\n${vscode.l10n.t('Target {0} · backup {1}', summary.target ?? '—', summary.backup ?? '—')}`,
    icon: new vscode.ThemeIcon('rocket'),
    location: summary.location,
    children: sections,
    expanded: true,
    contextValue: 'release',
  });
}

type MakeNode = (partial: Omit<ReleaseNode, 'folder'>) => ReleaseNode;

const AT_START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** "Review: written" (opens review.yaml) or, after launch, "Review: not written" (runs Start Post-Release Review). */
function reviewNode(review: TrackRecord['review'], id: (suffix: string) => string, node: MakeNode): ReleaseNode {
  const written = review.state === 'written';
  return node({
    kind: 'info',
    id: id('review'),
    label: written ? vscode.l10n.t('Review: written') : vscode.l10n.t('Review: not written'),
    tooltip: written ? review.file : vscode.l10n.t('After launch, write {0}: what grew the scope, what blocked the work, what to keep for the next two releases.', review.file),
    icon: new vscode.ThemeIcon(written ? 'notebook' : 'warning', written ? undefined : new vscode.ThemeColor('problemsWarningIcon.foreground')),
    // Written: opens it. Not written: a click (or the inline action) starts it.
    ...(written ? { location: { file: review.file, range: AT_START } } : { run: { command: COMMAND_IDS.startReview, title: vscode.l10n.t('Start Post-Release Review') } }),
    contextValue: written ? 'review' : 'reviewMissing',
  });
}

/** One past release: "login-v3 — shipped 2026-10-02, on time", opening its history release.yaml. */
function historyNode(row: TrackRow, id: (suffix: string) => string, node: MakeNode): ReleaseNode {
  const icon = row.verdict === 'on-time' ? new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')) : row.verdict === 'unknown' ? new vscode.ThemeIcon('question') : new vscode.ThemeIcon(row.verdict === 'rolled-back' ? 'discard' : 'warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  const tooltip = [
    row.rescue ? vscode.l10n.t('{0} (rescue release)', row.name) : row.name,
    vscode.l10n.t('Target {0} · backup {1}', row.target ?? '—', row.backup ?? '—'),
    outcomeLine(row),
    row.growth.known
      ? row.growth.tasks === 1
        ? vscode.l10n.t('Scope growth after the freeze: 1 task ({0} d)', row.growth.estimate)
        : vscode.l10n.t('Scope growth after the freeze: {0} tasks ({1} d)', row.growth.tasks, row.growth.estimate)
      : row.growth.why === 'undated'
      ? vscode.l10n.t('Scope growth after the freeze: unknown (tasks without added:)')
      : vscode.l10n.t('Scope growth after the freeze: unknown (no scope freeze)'),
    row.rehearsals.latest ? vscode.l10n.t('Last rollback rehearsal: {0} min (best {1} min)', row.rehearsals.latest.minutes, row.rehearsals.best?.minutes ?? row.rehearsals.latest.minutes) : vscode.l10n.t('No timed rollback rehearsal'),
    row.review.state === 'written' ? vscode.l10n.t('Review: written') : vscode.l10n.t('Review: not written'),
  ];
  return node({
    kind: 'info',
    id: id(`history-${row.folder ?? row.name}`),
    label: row.name,
    description: outcomeLine(row),
    tooltip: tooltip.join('\n'),
    icon,
    location: { file: row.file, range: AT_START },
    contextValue: 'pastRelease',
  });
}

/** "shipped 2026-10-02, on time", "shipped 2026-08-04, slipped by 3 days", "rolled back 2026-06-11", "no shipped record". */
export function outcomeLine(row: TrackRow): string {
  const date = row.shipped?.date ?? '';
  switch (row.verdict) {
    case 'on-time':
      return targetKnownFirst(row) ? vscode.l10n.t('shipped {0}, on time', date) : vscode.l10n.t('shipped {0}, on time (final target)', date);
    case 'slipped':
      if (row.slippedDays === undefined) return vscode.l10n.t('slip called {0}, nothing went out', date);
      return row.slippedDays === 1 ? vscode.l10n.t('shipped {0}, slipped by 1 day', date) : vscode.l10n.t('shipped {0}, slipped by {1} days', date, row.slippedDays);
    case 'rolled-back':
      return vscode.l10n.t('rolled back {0}', date);
    case 'unknown':
      if (row.unknown === 'no-target') return vscode.l10n.t('shipped {0}, no target date to compare', date);
      if (row.unknown === 'not-yet') return vscode.l10n.t('launch dated {0}, not come yet', date);
      return vscode.l10n.t('no shipped record: needs an answer');
  }
}

/** The Release view: one root per workspace folder that has a plan. */
export class ReleaseTreeProvider extends Disposable implements vscode.TreeDataProvider<ReleaseNode> {
  private readonly emitter = this._register(new vscode.EventEmitter<ReleaseNode | undefined>());
  readonly onDidChangeTreeData = this.emitter.event;
  private ownerFilter: string | undefined;

  constructor(private readonly store: PlanStore) {
    super();
    this._register(store.onDidChange(() => this.emitter.fire(undefined)));
  }

  setOwnerFilter(owner: string | undefined): void {
    this.ownerFilter = owner || undefined;
    void vscode.commands.executeCommand('setContext', 'releasePlan.filtered', this.ownerFilter !== undefined);
    this.emitter.fire(undefined);
  }

  getOwnerFilter(): string | undefined {
    return this.ownerFilter;
  }

  getChildren(element?: ReleaseNode): ReleaseNode[] {
    if (element) return element.children ?? [];
    return this.store.all().flatMap(({ folder, result }) => {
      const summary = summarizeRelease(result);
      return summary ? [buildReleaseNode(folder, summary, this.ownerFilter, trackRecordOf(result))] : [];
    });
  }

  getTreeItem(node: ReleaseNode): vscode.TreeItem {
    const state = node.children?.length ? (node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    if (node.description !== undefined) item.description = node.description;
    if (node.tooltip !== undefined) item.tooltip = node.tooltip;
    if (node.icon) item.iconPath = node.icon;
    if (node.contextValue) item.contextValue = node.contextValue;
    if (node.run) {
      item.command = { command: node.run.command, title: node.run.title, arguments: [{ folder: node.folder.uri }] };
    } else if (node.location) {
      const uri = planUri(node.folder, node.location.file);
      const { start, end } = node.location.range;
      item.command = { command: COMMAND_IDS.openInEditor, title: vscode.l10n.t('Open in Editor'), arguments: [uri, new vscode.Range(start.line, start.character, end.line, end.character)] };
    }
    return item;
  }

}
