import type { FindingView } from '../../../src/shared/protocol';
import { STATUSES } from '../../../src/core/lists';
import { NO_OWNER, type SortKey } from '../api';
import { section } from '../dashboard';
import { openLocation, type Task, type View } from '../context';
import { attr, h, icon, on } from '../dom';
import { compareText, count } from '../format';
import { t, tNodes } from '../l10n';
import type { StringKey } from '../../../src/shared/strings';
import { morph, move } from '../patch';

const STATUS_LABEL: Record<Task['status'], StringKey> = { todo: 'statusTodo', doing: 'statusDoing', blocked: 'statusBlocked', done: 'statusDone' };
const STATUS_ORDER: Record<Task['status'], number> = { blocked: 0, doing: 1, todo: 2, done: 3 };
const COLUMNS: { key: SortKey; label: StringKey; className: string }[] = [
  { key: 'id', label: 'columnId', className: 'col-id' },
  { key: 'title', label: 'columnTask', className: 'col-title' },
  { key: 'owner', label: 'columnOwner', className: 'col-owner' },
  { key: 'status', label: 'columnStatus', className: 'col-status' },
  { key: 'kind', label: 'columnKind', className: 'col-kind' },
  { key: 'risk', label: 'columnRisk', className: 'col-risk' },
  { key: 'estimate', label: 'columnDays', className: 'col-estimate num' },
  { key: 'findings', label: 'columnFindings', className: 'col-findings' },
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

/** Shows a line above the dashboard (main.ts). */
export type Notify = (level: 'info' | 'warning', message: string) => void;

type ActionKind = 'assign' | 'status' | 'park';

/** An inline form open under a task's row. */
interface OpenForm {
  kind: ActionKind;
  row: HTMLTableRowElement;
  /** Brings what the form shows from the plan (title, people) up to date; never what was typed. */
  update(view: View): void;
  focus(): void;
}

/** One task as the table knows it, across states: matched by id (and which of that id it is). */
interface Entry {
  key: string;
  task: Task;
  row?: HTMLTableRowElement;
  /** What `row` shows, to rebuild only rows whose task changed. */
  shows?: string;
  form?: OpenForm;
}

/**
 * The tasks table: sortable by every column, filtered by owner and status, actions per row.
 * It lives as long as the dashboard: each new state updates the rows in place, by task identity,
 * so a row's buttons, its open form and what was typed in it stay while the plan changes around
 * them. A form closes only when its task is gone from the plan.
 */
export class TasksSection {
  readonly el: HTMLElement;
  private readonly heading: Element;
  private view!: View;
  private readonly entries = new Map<string, Entry>();
  private readonly byRow = new WeakMap<Element, Entry>();
  private shown: Entry[] = [];
  private batch = 0;
  private table?: TableParts;
  private empty?: HTMLElement;

  constructor(private readonly notify: Notify) {
    this.el = section('tasks', t('tasks'), 'checklist');
    this.heading = this.el.firstElementChild!;
  }

  update(view: View): void {
    this.view = view;
    const { tasks } = view.state.summary;
    const live = new Set<string>();
    const seen = new Map<string, number>();
    for (const task of tasks) {
      // A row (and an open form) follows its task by who it is — id and title, or for a task
      // without an id its title, or for one with neither its position — never by a position a
      // change above could hand to another task. Ids used twice add their order among equals.
      const identity = rowIdentity(task);
      const nth = seen.get(identity) ?? 0;
      seen.set(identity, nth + 1);
      const key = `${identity}#${nth}`;
      live.add(key);
      const entry = this.entries.get(key);
      if (entry) entry.task = task;
      else this.entries.set(key, { key, task });
    }
    for (const [key, entry] of this.entries) {
      if (live.has(key)) continue;
      this.entries.delete(key);
      entry.row?.remove();
      if (entry.form) {
        entry.form.row.remove();
        this.notify('info', entry.task.id ? t('taskGone', entry.task.id) : t('taskGoneUnnamed'));
      }
    }

    if (tasks.length === 0) {
      this.batch++;
      this.empty ??= h('div', { class: 'empty', id: 'no-tasks' }, icon('inbox'), ...tNodes('noTasks', h('code', {}, 'tasks:')).map((part) => (typeof part === 'string' ? h('span', {}, part) : part)));
      if (this.empty.parentNode !== this.el) this.el.replaceChildren(this.heading, this.empty);
      return;
    }
    const table = (this.table ??= this.buildTable());
    if (table.toolbar.parentNode !== this.el) this.el.replaceChildren(this.heading, table.toolbar, table.wrap);

    const owners = new Set<string>(view.people);
    for (const t of tasks) if (t.owner) owners.add(t.owner);
    const ui = view.host.ui;
    // A filter restored from an earlier plan that no longer matches anything would hide every row.
    if (ui.owner && ui.owner !== NO_OWNER && !owners.has(ui.owner)) view.host.saveUi({ owner: '' });
    setOptions(table.ownerFilter, [['', t('allOwners')], [NO_OWNER, t('noOwner')], ...[...owners].sort(compareText).map((o): [string, string] => [o, o])], view.host.ui.owner);
    this.sync();
  }

  private buildTable(): TableParts {
    const ownerFilter = h('select', { id: 'filter-owner', 'aria-label': t('columnOwner'), class: 'filter' });
    const statusFilter = h('select', { id: 'filter-status', 'aria-label': t('columnStatus'), class: 'filter' });
    setOptions(statusFilter, [['', t('allStatuses')], ...STATUSES.map((st): [string, string] => [st, t(STATUS_LABEL[st])])], this.view.host.ui.status);
    const clear = h('vscode-button', { id: 'clear-filters', secondary: true, icon: 'clear-all' }, t('clearFilters'));
    const rowCount = h('span', { class: 'row-count', id: 'task-count' });

    const head = h('tr', {});
    const headCells = new Map<SortKey, HTMLElement>();
    for (const col of COLUMNS) {
      const button = h('button', { type: 'button', class: 'sort-button', 'data-sort': col.key }, t(col.label), icon('arrow-small-up', 'sort-icon'));
      on(button, 'click', () => {
        const current = this.view.host.ui.sort;
        this.view.host.saveUi({ sort: { key: col.key, dir: current.key === col.key && current.dir === 'asc' ? 'desc' : 'asc' } });
        this.sync();
      });
      const th = h('th', { class: col.className, scope: 'col' }, button);
      headCells.set(col.key, th);
      head.append(th);
    }
    head.append(h('th', { class: 'col-actions', scope: 'col' }, h('span', { class: 'visually-hidden' }, t('columnActions'))));
    const body = h('tbody', {});
    on(body, 'click', (event) => this.rowAction(event));
    // Fixed layout: column widths come from the <colgroup> (CSS), not from measuring every row.
    const cols = h('colgroup', {});
    for (const col of COLUMNS) cols.append(h('col', { class: col.className.split(' ')[0] }));
    cols.append(h('col', { class: 'col-actions' }));
    const table = h('table', { class: 'tasks-table', id: 'tasks-table' }, cols, h('thead', {}, head), body);

    on(ownerFilter, 'change', () => {
      this.view.host.saveUi({ owner: ownerFilter.value });
      this.sync();
    });
    on(statusFilter, 'change', () => {
      this.view.host.saveUi({ status: statusFilter.value });
      this.sync();
    });
    on(clear, 'click', () => {
      this.view.host.saveUi({ owner: '', status: '' });
      ownerFilter.value = '';
      statusFilter.value = '';
      this.sync();
    });
    const toolbar = h('div', { class: 'toolbar' }, labelled(t('columnOwner'), ownerFilter), labelled(t('columnStatus'), statusFilter), clear, h('span', { class: 'spacer' }), rowCount);
    return { toolbar, ownerFilter, statusFilter, clear, count: rowCount, headCells, table, body, wrap: tableWrap(table), noMatch: h('tr', { class: 'no-match' }, h('td', { colspan: COLUMNS.length + 1 }, t('noMatch'))) };
  }

  /**
   * Puts the rows the filters and sort ask for in order, reusing every row already built. Rows to
   * build (new tasks, changed tasks) are built FIRST_ROWS now and LATER_ROWS per later task: the
   * table sits below the charts, so the page shows sooner on big plans. `data-complete` says when
   * every row is in (tests wait for it).
   */
  private sync(): void {
    const parts = this.table!;
    const { sort, owner, status } = this.view.host.ui;
    for (const [key, th] of parts.headCells) {
      if (key === sort.key) th.setAttribute('aria-sort', sort.dir === 'asc' ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    const compare = comparator(this.view, sort.key);
    const sign = sort.dir === 'asc' ? 1 : -1;
    const matches = (task: Task) => (!owner || (owner === NO_OWNER ? !task.owner : task.owner === owner)) && (!status || task.status === status);
    // A row with an open form stays while the form is open, even if it no longer matches.
    const shown = [...this.entries.values()].filter((e) => e.form || matches(e.task)).sort((a, b) => sign * compare(a.task, b.task) || a.task.index - b.task.index);
    this.shown = shown;
    const total = this.entries.size;
    parts.count.textContent = shown.length === total ? count(total, 'taskCountOne', 'taskCount') : total === 1 ? t('shownOfOneTask', shown.length) : t('shownOfTasks', shown.length, total);
    parts.clear.toggleAttribute('disabled', !owner && !status);
    parts.wrap.style.setProperty('contain-intrinsic-size', `auto ${40 + shown.length * 44}px`);

    const batch = ++this.batch;
    parts.table.removeAttribute('data-complete');
    if (shown.length === 0) {
      parts.body.replaceChildren(parts.noMatch);
      parts.table.setAttribute('data-complete', '');
      return;
    }
    const step = (from: number, budget: number): void => {
      if (batch !== this.batch) return; // a newer state, sort or filter took over
      const to = this.place(from, budget);
      if (to < shown.length) {
        setTimeout(() => step(to, LATER_ROWS), 0);
        return;
      }
      // Everything after the last placed row is a row no longer shown.
      const last = shown[shown.length - 1]!;
      const end = last.form?.row ?? last.row!;
      while (end.nextSibling) end.nextSibling.remove();
      parts.table.setAttribute('data-complete', '');
    };
    step(0, FIRST_ROWS);
  }

  /** Places shown[from…] in order until `budget` rows had to be built; returns where it stopped. */
  private place(from: number, budget: number): number {
    const { body } = this.table!;
    const shown = this.shown;
    const before = shown[from - 1];
    let ref: ChildNode | null = before ? (before.form?.row ?? before.row!).nextSibling : body.firstChild;
    let i = from;
    for (; i < shown.length; i++) {
      const entry = shown[i]!;
      const findings = this.view.taskFindings.get(entry.task.index) ?? [];
      const shows = rowContent(entry.task, findings);
      if (!entry.row || entry.shows !== shows) {
        if (budget-- <= 0) break;
        const fresh = taskRow(entry.task, findings);
        if (entry.row) morph(entry.row, fresh);
        else {
          entry.row = fresh;
          this.byRow.set(fresh, entry);
        }
        entry.shows = shows;
        if (entry.form) entry.row.classList.add('editing');
      }
      const row = entry.row;
      attr(row, 'data-task-index', entry.task.index);
      if (row === ref) ref = row.nextSibling;
      else move(body, row, ref);
      const form = entry.form;
      if (form) {
        attr(form.row, 'data-task-index', entry.task.index);
        form.update(this.view);
        if (form.row === ref) ref = form.row.nextSibling;
        else move(body, form.row, ref);
      }
    }
    return i;
  }

  /** One click listener for every row's buttons: opens or closes the row's form, or opens its line. */
  private rowAction(event: MouseEvent): void {
    const button = (event.target as Element | null)?.closest('button[data-action]');
    const row = button?.closest('tr.task-row');
    const entry = row ? this.byRow.get(row) : undefined;
    if (!button || !entry || !this.isLive(entry)) return;
    const kind = button.getAttribute('data-action');
    if (kind === 'open') {
      openLocation(this.view.host, entry.task.location);
      return;
    }
    if (kind !== 'assign' && kind !== 'status' && kind !== 'park') return;
    const same = entry.form?.kind === kind;
    if (entry.form) this.closeForm(entry, false);
    if (same) return;
    const form = actionForm(this, entry, kind);
    entry.form = form;
    entry.row!.classList.add('editing');
    entry.row!.after(form.row);
    form.focus();
  }

  /** Closes a task's form; `refocus` puts the focus back on the row's button when it was in the form. */
  closeForm(entry: Entry, refocus: boolean): void {
    const form = entry.form;
    if (!form) return;
    const hadFocus = form.row.contains(document.activeElement);
    form.row.remove();
    entry.form = undefined;
    entry.row?.classList.remove('editing');
    if (refocus && hadFocus) entry.row?.querySelector<HTMLElement>(`button[data-action="${form.kind}"]`)?.focus();
    // A row kept only for its form goes when the form does.
    if (this.table && this.shown.includes(entry) && !this.shownWithoutForm(entry)) this.sync();
  }

  private shownWithoutForm(entry: Entry): boolean {
    const { owner, status } = this.view.host.ui;
    const task = entry.task;
    return (!owner || (owner === NO_OWNER ? !task.owner : task.owner === owner)) && (!status || task.status === status);
  }

  /** What a form needs of the latest state when it is submitted. */
  get current(): View {
    return this.view;
  }

  /** Whether the entry's task is still in the plan. */
  isLive(entry: Entry): boolean {
    return this.entries.get(entry.key) === entry;
  }
}

interface TableParts {
  toolbar: HTMLElement;
  ownerFilter: HTMLSelectElement;
  statusFilter: HTMLSelectElement;
  clear: HTMLElement;
  count: HTMLElement;
  headCells: Map<SortKey, HTMLElement>;
  table: HTMLElement;
  body: HTMLElement;
  wrap: HTMLElement;
  noMatch: HTMLElement;
}

/**
 * The table sits below the charts, usually off screen when the dashboard opens. With
 * `content-visibility: auto` (CSS) the browser skips its layout until it scrolls into view; the
 * placeholder height (CSSOM, allowed by the CSP) keeps the scrollbar honest meanwhile.
 */
function tableWrap(table: HTMLElement): HTMLElement {
  return h('div', { class: 'table-wrap' }, table);
}

/** Rows built with the rest of the page, then per later task (see sync). */
const FIRST_ROWS = 40;
const LATER_ROWS = 80;

/**
 * The filters are native selects styled from the theme: vscode-single-select measures itself
 * (getBoundingClientRect) on every render, which forces a layout of the whole table before the
 * first paint and doubled the dashboard's first render on big plans. The options are rebuilt only
 * when they change, on the same element, so a focused filter keeps its focus.
 */
const optionsShown = new WeakMap<HTMLSelectElement, string>();

function setOptions(el: HTMLSelectElement, options: [string, string][], value: string): void {
  const signature = JSON.stringify(options);
  if (optionsShown.get(el) !== signature) {
    optionsShown.set(el, signature);
    el.replaceChildren(...options.map(([optionValue, text]) => h('option', { value: optionValue }, text)));
  }
  if (el.value !== value) el.value = value;
}

function labelled(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'filter-label' }, h('span', {}, label), control);
}

function tag(text: string, className: string): HTMLElement {
  return h('span', { class: `tag ${className}`, title: text }, text);
}

/** Everything a task's row shows (not where the task sits in the file). */
function rowContent(task: Task, findings: FindingView[]): string {
  return JSON.stringify([task.id, task.title, task.owner, task.status, task.kind, task.risk, task.estimate, task.blocker, task.errors, task.warnings, findings.map((f) => [f.severity, f.code, f.message])]);
}

function taskRow(task: Task, findings: FindingView[]): HTMLTableRowElement {
  const title = h('td', { class: 'col-title' }, h('div', { class: 'task-title' }, task.title));
  if (task.blocker) title.append(h('div', { class: 'blocker' }, icon('debug-pause'), t('blockedBy', task.blocker)));
  if (findings.length) title.append(findingList(findings));

  const risk = h('td', { class: 'col-risk' });
  for (const r of task.risk) risk.append(tag(r, 'tag-risk'));

  return h(
    'tr',
    { class: `task-row status-${task.status}`, 'data-task-index': task.index, 'data-task-id': task.id },
    h('td', { class: 'col-id' }, task.id),
    title,
    h('td', { class: `col-owner${task.owner ? '' : ' missing'}` }, task.owner ?? t('noOwner')),
    h('td', { class: 'col-status' }, tag(t(STATUS_LABEL[task.status]), `tag-status status-${task.status}`)),
    h('td', { class: 'col-kind' }, tag(task.kind, `tag-kind kind-${task.kind.replace(/[^a-z0-9-]/gi, '')}`)),
    risk,
    h('td', { class: 'col-estimate num' }, task.estimate === undefined ? '—' : String(task.estimate)),
    h('td', { class: 'col-findings' }, findingCounts(task)),
    h(
      'td',
      { class: 'col-actions' },
      actionButton('assign', 'person-add', t('assignOwnerTo', task.id)),
      actionButton('status', 'tasklist', t('setStatusOf', task.id)),
      actionButton('park', 'archive', t('parkTask', task.id)),
      actionButton('open', 'go-to-file', t('openTaskInEditor', task.id)),
    ),
  );
}

/** An icon button; the glyph is the button's own ::before (one element per button). */
function actionButton(action: string, iconName: string, label: string): HTMLElement {
  return h('button', { type: 'button', class: `icon-button codicon codicon-${iconName}`, 'data-action': action, title: label, 'aria-label': label });
}

function findingCounts(task: Task): HTMLElement | string {
  if (!task.errors && !task.warnings) return h('span', { class: 'ok', title: t('noFindings') }, icon('pass'));
  const el = h('span', { class: 'counts' });
  if (task.errors) el.append(h('span', { class: 'count-error', title: count(task.errors, 'errorOne', 'errors') }, icon('error'), String(task.errors)));
  if (task.warnings) el.append(h('span', { class: 'count-warning', title: count(task.warnings, 'warningOne', 'warnings') }, icon('warning'), String(task.warnings)));
  return el;
}

function findingList(findings: FindingView[]): HTMLElement {
  const list = h('ul', { class: 'task-findings' });
  for (const f of findings) {
    list.append(h('li', { class: `finding severity-${f.severity}`, title: f.code }, icon(f.severity === 'info' ? 'info' : f.severity), h('span', { class: 'finding-message' }, f.message)));
  }
  return list;
}

/**
 * The inline form under a row for one action; confirming posts one typed message. It quotes the
 * latest state's generation and the task's index in it, whatever state the form was opened on.
 */
function actionForm(table: TasksSection, entry: Entry, kind: ActionKind): OpenForm {
  const form = h('form', { class: 'action-form', 'data-form': kind });
  const close = () => table.closeForm(entry, true);
  const cancel = h('vscode-button', { secondary: true, 'data-role': 'cancel' }, t('cancel'));
  on(cancel, 'click', close);
  /** The generation and index to quote, or undefined when the task is gone. */
  const target = () => (table.isLive(entry) ? { generation: table.current.state.generation, taskIndex: entry.task.index } : undefined);
  const submit = (run: () => boolean) => {
    on(form, 'submit', (event) => {
      event.preventDefault();
      if (run()) close();
    });
  };
  const confirm = (label: string, iconName: string) => on(h('vscode-button', { 'data-role': 'confirm', icon: iconName }, label), 'click', () => form.requestSubmit());
  const title = (iconName: string, text: string) => h('div', { class: 'form-title' }, icon(iconName), text);
  let update: (view: View) => void = () => {};
  let first: HTMLElement;

  if (kind === 'assign') {
    const field = h('vscode-textfield', { 'data-field': 'owner', placeholder: t('ownerPlaceholder'), 'aria-label': t('columnOwner'), value: entry.task.owner ?? '' });
    first = field;
    const chips = (people: string[]) => {
      const list = h('div', { class: 'people-chips', hidden: people.length === 0 });
      for (const person of people) {
        list.append(
          on(h('button', { type: 'button', class: 'chip', 'data-person': person }, icon('person'), person), 'click', () => {
            field.value = person;
            field.focus();
          }),
        );
      }
      return list;
    };
    const heading = title('person-add', t('ownerOf', entry.task.id));
    let people = chips(table.current.people);
    on(field, 'keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault(); // the focus goes back to the row's button: this Enter must not press it
      form.requestSubmit();
    });
    submit(() => {
      const owner = field.value.trim();
      if (!owner) {
        field.setAttribute('invalid', '');
        return false;
      }
      const to = target();
      if (to) table.current.host.post({ type: 'assignOwner', ...to, owner: owner.slice(0, 500) });
      return true;
    });
    form.append(heading, h('div', { class: 'form-row' }, field, confirm(t('assign'), 'check'), cancel), people);
    update = (view) => {
      morph(heading, title('person-add', t('ownerOf', entry.task.id)));
      people = morph(people, chips(view.people));
    };
  } else if (kind === 'status') {
    const field = h('vscode-single-select', { 'data-field': 'status', 'aria-label': t('columnStatus') });
    first = field;
    for (const st of STATUSES) field.append(h('vscode-option', { value: st, selected: st === entry.task.status }, t(STATUS_LABEL[st])));
    submit(() => {
      const status = field.value;
      const valid = STATUSES.find((st) => st === status);
      const to = target();
      if (!valid) return false;
      if (to) table.current.host.post({ type: 'setStatus', ...to, status: valid });
      return true;
    });
    const heading = title('tasklist', t('statusOf', entry.task.id));
    form.append(heading, h('div', { class: 'form-row' }, field, confirm(t('setStatus'), 'check'), cancel));
    update = () => morph(heading, title('tasklist', t('statusOf', entry.task.id)));
  } else {
    const reason = h('vscode-textfield', { 'data-field': 'reason', placeholder: t('reasonPlaceholder'), 'aria-label': t('reason') });
    const askedBy = h('vscode-textfield', { 'data-field': 'askedBy', placeholder: t('askedByPlaceholder'), 'aria-label': t('askedBy') });
    first = reason;
    for (const f of [reason, askedBy]) {
      on(f, 'keydown', (e) => {
        if (e.key !== 'Enter') return;
        e.preventDefault();
        form.requestSubmit();
      });
    }
    submit(() => {
      if (!reason.value.trim()) {
        reason.setAttribute('invalid', '');
        return false;
      }
      const to = target();
      if (to) table.current.host.post({ type: 'parkTask', ...to, reason: reason.value.trim().slice(0, 500), askedBy: askedBy.value.trim().slice(0, 500) });
      return true;
    });
    const text = () => t('parkTitle', entry.task.id);
    const heading = title('archive', text());
    form.append(heading, h('div', { class: 'form-row' }, labelledField(t('reason'), reason), labelledField(t('askedBy'), askedBy), confirm(t('park'), 'archive'), cancel));
    update = () => morph(heading, title('archive', text()));
  }
  on(form, 'keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close();
  });
  const row = h('tr', { class: 'action-row', 'data-action': kind, 'data-task-index': entry.task.index }, h('td', { colspan: COLUMNS.length + 1 }, form));
  return { kind, row, update, focus: () => first.focus() };
}

function labelledField(label: string, field: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), field);
}

/** Who a row's task is, as the host's guarded write recognises it (see src/core/targets.ts). */
function rowIdentity(task: { id: string; title: string; titled: boolean; index: number }): string {
  const hasId = !task.id.startsWith('#');
  const hasTitle = task.titled;
  if (hasId) return `id:${task.id}\u0000${hasTitle ? task.title : ''}`;
  return hasTitle ? `title:${task.title}` : `at:${task.index}`;
}
