import type { FindingView } from '../../src/shared/protocol';
import type { Host } from './api';
import type { PlanState, View } from './context';
import { h } from './dom';
import { compareText } from './format';
import { morph } from './patch';
import { renderGonogo } from './sections/gonogo';
import { renderHeader } from './sections/header';
import { renderLoad } from './sections/load';
import { renderParked } from './sections/parked';
import { renderRollback } from './sections/rollback';
import { TasksSection, type Notify } from './sections/tasks';
import { renderTimeline } from './sections/timeline';
import { renderTrackRecord } from './sections/trackRecord';

export function makeView(state: PlanState, host: Host): View {
  const taskFindings = new Map<number, FindingView[]>();
  for (const finding of state.findings) {
    if (finding.taskIndex === undefined) continue;
    const list = taskFindings.get(finding.taskIndex);
    if (list) list.push(finding);
    else taskFindings.set(finding.taskIndex, [finding]);
  }
  const people = new Set<string>();
  for (const load of state.loads) people.add(load.person);
  for (const role of state.summary.roles) if (role.person) people.add(role.person);
  return { state, host, taskFindings, people: [...people].sort(compareText) };
}

/**
 * The release on one page, kept for as long as the panel lives. The first state builds it; every
 * later one patches it: the charts and lists are rendered afresh and morphed into the page, the
 * task table updates its rows by task identity and keeps any open form.
 */
export class Dashboard {
  readonly el = h('div', { class: 'dashboard' });
  private readonly tasks: TasksSection;
  private parts: Node[] = [];

  constructor(
    private readonly host: Host,
    /** The folder (URI) whose release this shows: another folder's state gets a new dashboard. */
    readonly folderUri: string,
    notify: Notify,
  ) {
    this.tasks = new TasksSection(notify);
  }

  update(state: PlanState): void {
    const view = makeView(state, this.host);
    const fresh = [
      renderHeader(view),
      renderTimeline(view),
      // The charts first, the long table last: the page reads at a glance from the top.
      h('div', { class: 'columns' }, renderLoad(view), renderRollback(view)),
      h('div', { class: 'columns' }, renderGonogo(view), renderParked(view)),
      // Only with history or a launch recorded (else a placeholder comment keeps the parts in step).
      renderTrackRecord(view),
    ];
    if (this.parts.length === 0) {
      this.parts = fresh;
      this.el.append(...fresh, this.tasks.el);
    } else {
      this.parts = this.parts.map((part, i) => morph(part, fresh[i]!));
    }
    this.tasks.update(view);
  }
}

/** A dashboard section with a heading, an optional badge and actions on the right. */
export function section(id: string, title: string, iconName: string, ...content: (Node | null | undefined | false)[]): HTMLElement {
  const el = h('section', { class: 'section', id, 'aria-labelledby': `${id}-title` });
  el.append(
    h('h2', { class: 'section-title', id: `${id}-title` }, h('span', { class: `codicon codicon-${iconName}`, 'aria-hidden': 'true' }), title),
  );
  for (const child of content) if (child) el.append(child);
  return el;
}
