import type { FindingView } from '../../../src/shared/protocol';
import { NO_OWNER, type SortKey } from '../api';
import { section } from '../dashboard';
import { openLocation, type Task, type View } from '../context';
import { h, icon } from '../dom';
import { compareText, plural } from '../format';

const STATUSES = ['todo', 'doing', 'blocked', 'done'] as const;
const STATUS_LABEL: Record<Task['status'], string> = { todo: 'To do', doing: 'Doing', blocked: 'Blocked', done: 'Done' };
const STATUS_ORDER: Record<Task['status'], number> = { blocked: 0, doing: 1, todo: 2, done: 3 };
const COLUMNS: { key: SortKey; label: string; className: string }[] = [
  { key: 'id', label: 'ID', className: 'col-id' },
  { key: 'title', label: 'Task', className: 'col-title' },
  { key: 'owner', label: 'Owner', className: 'col-owner' },
  { key: 'status', label: 'Status', className: 'col-status' },
  { key: 'kind', label: 'Kind', className: 'col-kind' },
  { key: 'risk', label: 'Risk', className: 'col-risk' },
  { key: 'estimate', label: 'Days', className: 'col-estimate num' },
  { key: 'findings', label: 'Findings', className: 'col-findings' },
];

type Compare = (a: Task, b: Task) => number;

function comparator(view: View, key: SortKey): Compare {
  const findingScore = (t: Task) => t.errors * 1000 + t.warnings;
  switch (key) {
    case 'id':
      return (a, b) => compareText(a.id, b.id) || a.index - b.index;
    case 'title':
      return (a, b) => compareText(a.title, b.title);
    case 'owner':
      // Tasks without an owner first: they are the ones to act on.
      return (a, b) => (a.owner ? 1 : 0) - (b.owner ? 1 : 0) || compareText(a.owner ?? '', b.owner ?? '');
    case 'status':
      return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'kind':
      return (a, b) => compareText(a.kind, b.kind);
    case 'risk':
      return (a, b) => a.risk.length - b.risk.length || compareText(a.risk.join(','), b.risk.join(','));
    case 'estimate':
      return (a, b) => (a.estimate ?? -1) - (b.estimate ?? -1);
    case 'findings':
      return (a, b) => findingScore(a) - findingScore(b) || (view.taskFindings.get(a.index)?.length ?? 0) - (view.taskFindings.get(b.index)?.length ?? 0);
  }
}

/** The tasks table: sortable by every column, filtered by owner and status, actions per row. */
export function renderTasks(view: View): HTMLElement {
  const { tasks } = view.state.summary;
  if (tasks.length === 0) {
    return section('tasks', 'Tasks', 'checklist', h('div', { class: 'empty', id: 'no-tasks' }, icon('inbox'), h('span', {}, 'No tasks yet. Add the work this release needs under '), h('code', {}, 'tasks:'), h('span', {}, ' in release.yaml.')));
  }

  const owners = new Set<string>(view.people);
  for (const t of tasks) if (t.owner) owners.add(t.owner);
  const ui = view.host.ui;
  // A filter restored from an earlier plan that no longer matches anything would hide every row.
  if (ui.owner && ui.owner !== NO_OWNER && !owners.has(ui.owner)) view.host.saveUi({ owner: '' });

  const ownerFilter = select('filter-owner', 'Owner', [['', 'All owners'], [NO_OWNER, 'No owner'], ...[...owners].sort(compareText).map((o): [string, string] => [o, o])], view.host.ui.owner);
  const statusFilter = select('filter-status', 'Status', [['', 'All statuses'], ...STATUSES.map((st): [string, string] => [st, STATUS_LABEL[st]])], view.host.ui.status);
  const clear = h('vscode-button', { id: 'clear-filters', secondary: true, icon: 'clear-all' }, 'Clear');
  const count = h('span', { class: 'row-count', id: 'task-count' });

  const head = h('tr', {});
  const headCells = new Map<SortKey, HTMLElement>();
  for (const col of COLUMNS) {
    const button = h('button', { type: 'button', class: 'sort-button', 'data-sort': col.key }, col.label, icon('arrow-small-up', 'sort-icon'));
    button.addEventListener('click', () => {
      const current = view.host.ui.sort;
      view.host.saveUi({ sort: { key: col.key, dir: current.key === col.key && current.dir === 'asc' ? 'desc' : 'asc' } });
      fillBody();
    });
    const th = h('th', { class: col.className, scope: 'col' }, button);
    headCells.set(col.key, th);
    head.append(th);
  }
  head.append(h('th', { class: 'col-actions', scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')));
  const body = h('tbody', {});
  handleRowActions(view, body, new Map(tasks.map((task) => [task.index, task])));
  // Fixed layout: column widths come from the <colgroup> (CSS), not from measuring every row.
  const cols = h('colgroup', {});
  for (const col of COLUMNS) cols.append(h('col', { class: col.className.split(' ')[0] }));
  cols.append(h('col', { class: 'col-actions' }));
  const table = h('table', { class: 'tasks-table', id: 'tasks-table' }, cols, h('thead', {}, head), body);

  let fillBatch = 0;
  function fillBody(): void {
    const { sort, owner, status } = view.host.ui;
    for (const [key, th] of headCells) {
      if (key === sort.key) th.setAttribute('aria-sort', sort.dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    const compare = comparator(view, sort.key);
    const sign = sort.dir === 'asc' ? 1 : -1;
    const shown = tasks
      .filter((t) => (!owner || (owner === NO_OWNER ? !t.owner : t.owner === owner)) && (!status || t.status === status))
      .sort((a, b) => sign * compare(a, b) || a.index - b.index);
    // The first rows now, the rest in later tasks: the table sits below the charts, so the page
    // shows sooner on big plans. `data-complete` says when every row is in (tests wait for it).
    const batch = ++fillBatch;
    table.removeAttribute('data-complete');
    const appendRows = (from: number, to: number) => {
      const rows = document.createDocumentFragment();
      for (const task of shown.slice(from, to)) rows.append(taskRow(view, task));
      return rows;
    };
    body.replaceChildren(appendRows(0, FIRST_ROWS));
    const more = (from: number): void => {
      if (batch !== fillBatch) return; // a newer sort or filter replaced this one
      if (from >= shown.length) {
        table.setAttribute('data-complete', '');
        return;
      }
      body.append(appendRows(from, from + LATER_ROWS));
      setTimeout(() => more(from + LATER_ROWS), 0);
    };
    more(FIRST_ROWS);
    if (shown.length === 0) body.append(h('tr', { class: 'no-match' }, h('td', { colspan: COLUMNS.length + 1 }, 'No task matches these filters.')));
    count.textContent = shown.length === tasks.length ? plural(tasks.length, 'task') : `${shown.length} of ${plural(tasks.length, 'task')}`;
    clear.toggleAttribute('disabled', !owner && !status);
  }

  ownerFilter.addEventListener('change', () => {
    view.host.saveUi({ owner: ownerFilter.value });
    fillBody();
  });
  statusFilter.addEventListener('change', () => {
    view.host.saveUi({ status: statusFilter.value });
    fillBody();
  });
  clear.addEventListener('click', () => {
    view.host.saveUi({ owner: '', status: '' });
    ownerFilter.value = '';
    statusFilter.value = '';
    fillBody();
  });
  fillBody();

  return section(
    'tasks',
    'Tasks',
    'checklist',
    h('div', { class: 'toolbar' }, labelled('Owner', ownerFilter), labelled('Status', statusFilter), clear, h('span', { class: 'spacer' }), count),
    tableWrap(table, tasks.length),
  );
}

/**
 * The table sits below the charts, usually off screen when the dashboard opens. With
 * `content-visibility: auto` (CSS) the browser skips its layout until it scrolls into view; the
 * placeholder height (CSSOM, allowed by the CSP) keeps the scrollbar honest meanwhile.
 */
function tableWrap(table: HTMLElement, rows: number): HTMLElement {
  const wrap = h('div', { class: 'table-wrap' }, table);
  wrap.style.setProperty('contain-intrinsic-size', `auto ${40 + rows * 44}px`);
  return wrap;
}

/**
 * The filters are native selects styled from the theme: vscode-single-select measures itself
 * (getBoundingClientRect) on every render, which forces a layout of the whole table before the
 * first paint and doubled the dashboard's first render on big plans.
 */
/** Rows built with the rest of the page, then per later task (see fillBody). */
const FIRST_ROWS = 40;
const LATER_ROWS = 80;

function select(id: string, label: string, options: [string, string][], value: string): HTMLSelectElement {
  const el = h('select', { id, 'aria-label': label, class: 'filter' });
  for (const [optionValue, text] of options) el.append(h('option', { value: optionValue, selected: optionValue === value }, text));
  return el;
}

function labelled(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'filter-label' }, h('span', {}, label), control);
}

function tag(text: string, className: string): HTMLElement {
  return h('span', { class: `tag ${className}`, title: text }, text);
}

function taskRow(view: View, task: Task): HTMLElement {
  const findings = view.taskFindings.get(task.index) ?? [];
  const title = h('td', { class: 'col-title' }, h('div', { class: 'task-title' }, task.title));
  if (task.blocker) title.append(h('div', { class: 'blocker' }, icon('debug-pause'), `Blocked by: ${task.blocker}`));
  if (findings.length) title.append(findingList(findings));

  const risk = h('td', { class: 'col-risk' });
  for (const r of task.risk) risk.append(tag(r, 'tag-risk'));

  const actions = h('td', { class: 'col-actions' });
  const row = h(
    'tr',
    { class: `task-row status-${task.status}`, 'data-task-index': task.index, 'data-task-id': task.id },
    h('td', { class: 'col-id' }, task.id),
    title,
    h('td', { class: `col-owner${task.owner ? '' : ' missing'}` }, task.owner ?? 'No owner'),
    h('td', { class: 'col-status' }, tag(STATUS_LABEL[task.status], `tag-status status-${task.status}`)),
    h('td', { class: 'col-kind' }, tag(task.kind, `tag-kind kind-${task.kind.replace(/[^a-z0-9-]/gi, '')}`)),
    risk,
    h('td', { class: 'col-estimate num' }, task.estimate === undefined ? '—' : String(task.estimate)),
    h('td', { class: 'col-findings' }, findingCounts(task)),
    actions,
  );
  actions.append(
    actionButton('assign', 'person-add', `Assign an owner to ${task.id}`),
    actionButton('status', 'tasklist', `Set the status of ${task.id}`),
    actionButton('park', 'archive', `Park ${task.id}`),
    actionButton('open', 'go-to-file', `Open ${task.id} in the editor`),
  );
  return row;
}

/** An icon button; the glyph is the button's own ::before (one element per button). */
function actionButton(action: string, iconName: string, label: string): HTMLElement {
  return h('button', { type: 'button', class: `icon-button codicon codicon-${iconName}`, 'data-action': action, title: label, 'aria-label': label });
}

/** One click listener for every row's buttons: opens or closes the row's form, or opens its line. */
function handleRowActions(view: View, body: HTMLElement, tasks: Map<number, Task>): void {
  body.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest('button[data-action]');
    const row = button?.closest('tr.task-row');
    if (!button || !row || !body.contains(row)) return;
    const task = tasks.get(Number(row.getAttribute('data-task-index')));
    if (!task) return;
    const kind = button.getAttribute('data-action');
    if (kind === 'open') {
      openLocation(view.host, task.location);
      return;
    }
    if (kind !== 'assign' && kind !== 'status' && kind !== 'park') return;
    const open = row.nextElementSibling?.classList.contains('action-row') ? row.nextElementSibling : null;
    const close = () => {
      open?.remove();
      panel?.remove();
      row.classList.remove('editing');
    };
    let panel: HTMLElement | undefined;
    const wasSame = open?.getAttribute('data-action') === kind;
    close();
    if (wasSame) return;
    panel = actionPanel(view, task, kind, close);
    row.classList.add('editing');
    row.after(panel);
    panel.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  });
}

function findingCounts(task: Task): HTMLElement | string {
  if (!task.errors && !task.warnings) return h('span', { class: 'ok', title: 'No findings' }, icon('pass'));
  const el = h('span', { class: 'counts' });
  if (task.errors) el.append(h('span', { class: 'count-error', title: plural(task.errors, 'error') }, icon('error'), String(task.errors)));
  if (task.warnings) el.append(h('span', { class: 'count-warning', title: plural(task.warnings, 'warning') }, icon('warning'), String(task.warnings)));
  return el;
}

function findingList(findings: FindingView[]): HTMLElement {
  const list = h('ul', { class: 'task-findings' });
  for (const f of findings) {
    list.append(h('li', { class: `finding severity-${f.severity}`, title: f.code }, icon(f.severity === 'info' ? 'info' : f.severity), h('span', { class: 'finding-message' }, f.message)));
  }
  return list;
}

type ActionKind = 'assign' | 'status' | 'park';

/** The inline form under a row for one action; confirming posts one typed message. */
function actionPanel(view: View, task: Task, kind: ActionKind, close: () => void): HTMLElement {
  const { generation } = view.state;
  const form = h('form', { class: 'action-form', 'data-form': kind });
  const cancel = h('vscode-button', { secondary: true, 'data-role': 'cancel' }, 'Cancel');
  cancel.addEventListener('click', close);
  const submit = (run: () => boolean) => {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (run()) close();
    });
  };
  const confirm = (label: string, iconName: string) => {
    const b = h('vscode-button', { 'data-role': 'confirm', icon: iconName }, label);
    b.addEventListener('click', () => form.requestSubmit());
    return b;
  };

  if (kind === 'assign') {
    const field = h('vscode-textfield', { 'data-field': 'owner', placeholder: 'One person’s name', 'aria-label': 'Owner', 'data-autofocus': true, value: task.owner ?? '' });
    const people = h('div', { class: 'people-chips' });
    for (const person of view.people) {
      const chip = h('button', { type: 'button', class: 'chip', 'data-person': person }, icon('person'), person);
      chip.addEventListener('click', () => {
        field.value = person;
        field.focus();
      });
      people.append(chip);
    }
    field.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') form.requestSubmit();
    });
    submit(() => {
      const owner = field.value.trim();
      if (!owner) {
        field.setAttribute('invalid', '');
        return false;
      }
      view.host.post({ type: 'assignOwner', generation, taskIndex: task.index, owner: owner.slice(0, 500) });
      return true;
    });
    form.append(h('div', { class: 'form-title' }, icon('person-add'), `Owner of ${task.id}`), h('div', { class: 'form-row' }, field, confirm('Assign', 'check'), cancel), ...(view.people.length ? [people] : []));
  } else if (kind === 'status') {
    const field = h('vscode-single-select', { 'data-field': 'status', 'aria-label': 'Status', 'data-autofocus': true });
    for (const st of STATUSES) field.append(h('vscode-option', { value: st, selected: st === task.status }, STATUS_LABEL[st]));
    submit(() => {
      const status = field.value;
      const valid = STATUSES.find((st) => st === status);
      if (!valid) return false;
      view.host.post({ type: 'setStatus', generation, taskIndex: task.index, status: valid });
      return true;
    });
    form.append(h('div', { class: 'form-title' }, icon('tasklist'), `Status of ${task.id}`), h('div', { class: 'form-row' }, field, confirm('Set status', 'check'), cancel));
  } else {
    const reason = h('vscode-textfield', { 'data-field': 'reason', placeholder: 'Why it waits for a later release', 'aria-label': 'Reason', 'data-autofocus': true });
    const askedBy = h('vscode-textfield', { 'data-field': 'askedBy', placeholder: 'Who asked for it', 'aria-label': 'Asked by' });
    for (const f of [reason, askedBy]) f.addEventListener('keydown', (e) => (e as KeyboardEvent).key === 'Enter' && form.requestSubmit());
    submit(() => {
      if (!reason.value.trim()) {
        reason.setAttribute('invalid', '');
        return false;
      }
      view.host.post({ type: 'parkTask', generation, taskIndex: task.index, reason: reason.value.trim().slice(0, 500), askedBy: askedBy.value.trim().slice(0, 500) });
      return true;
    });
    form.append(
      h('div', { class: 'form-title' }, icon('archive'), `Park ${task.id}: move it out of this release`),
      h('div', { class: 'form-row' }, labelledField('Reason', reason), labelledField('Asked by', askedBy), confirm('Park', 'archive'), cancel),
    );
  }
  form.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') close();
  });
  return h('tr', { class: 'action-row', 'data-action': kind, 'data-task-index': task.index }, h('td', { colspan: COLUMNS.length + 1 }, form));
}

function labelledField(label: string, field: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), field);
}
