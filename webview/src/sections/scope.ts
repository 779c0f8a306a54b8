import type { LateAddition, ScopeDay, ScopeOverTime } from '../../../src/core/scopeOverTime';
import type { HistoryNote } from '../../../src/shared/protocol';
import { section } from '../dashboard';
import type { View } from '../context';
import { h, icon, s } from '../dom';
import { count, dayNumber, shortDate } from '../format';
import { t } from '../l10n';
import type { StringKey } from '../../../src/shared/strings';

const W = 640;
const H = 190;
const LEFT = 34;
const RIGHT = 40;
const TOP = 30;
const BOTTOM = 24;

/**
 * "Scope over time": the release's open tasks and open estimate by day from the plan's git history
 * (core's scopeOverTime), the freeze dates as vertical markers and each late addition with its
 * author. The numbers are also in a table (screen readers, and anyone who wants them exact).
 * Without a history the section says why (Git missing, not a repository, nothing committed), never
 * an empty chart.
 */
export function renderScope(view: View): HTMLElement {
  const scope = view.state.scope;
  if (!scope.known) return section('scope-over-time', t('scopeOverTime'), 'graph-line', h('p', { class: 'muted empty', id: 'scope-empty' }, whyNoHistory(view.state.history)));
  const last = scope.days[scope.days.length - 1] as ScopeDay;
  const now = h(
    'p',
    { class: 'subtle-row', id: 'scope-summary' },
    h('span', {}, t('scopeNow', count(last.openTasks, 'scopeOneOpenTask', 'scopeOpenTasks'), estimateText(last.openEstimate), shortDate(last.date, true))),
    scope.uncommitted ? h('span', { class: 'tag', id: 'scope-uncommitted' }, t('scopeUncommitted')) : null,
  );
  // A cut-off history (shallow clone, version limit): say the chart starts where the reading does.
  const cutOff = scope.cutOff ? h('p', { class: 'muted', id: 'scope-cut-off' }, scope.cutOff.reason === 'shallow' ? t('scopeCutOffShallow', scope.cutOff.date) : scope.cutOff.reason === 'missing' ? t('scopeCutOffMissing', scope.cutOff.date) : t('scopeCutOffLimit', scope.cutOff.date, scope.cutOff.read)) : null;
  return section('scope-over-time', t('scopeOverTime'), 'graph-line', now, cutOff, chart(scope), numbers(scope), late(scope));
}

function whyNoHistory(note: HistoryNote | undefined): string {
  if (!note) return t('scopeNoHistory');
  if (note.state === 'reading') return t('scopeReading');
  if (note.state === 'ready') return t('scopeNotCommitted');
  switch (note.why) {
    case 'no-repository':
      return t('scopeNoRepository');
    case 'virtual':
      return t('scopeVirtual');
    case 'web':
      return t('scopeWeb');
    case 'error':
      return t('scopeGitError', note.detail ?? '');
    default:
      return t('scopeNoGit');
  }
}

function estimateText(days: number): string {
  return t('scopeEstimate', days);
}

type Known = Extract<ScopeOverTime, { known: true }>;

/** Step lines (open tasks solid, open estimate dashed), freeze markers, late additions on the axis. */
function chart(scope: Known): HTMLElement {
  const days = scope.days.map((day) => ({ ...day, n: dayNumber(day.date) as number }));
  const freezes: { id: 'scope' | 'features'; date: string; day: number; label: string }[] = [];
  for (const [id, date, label] of [
    ['features', scope.freezeFeatures, t('markerFeatureFreeze')],
    ['scope', scope.freezeScope, t('markerScopeFreeze')],
  ] as const) {
    const day = dayNumber(date);
    if (date !== undefined && day !== undefined) freezes.push({ id, date, day, label });
  }
  let from = Math.min(...days.map((d) => d.n), ...freezes.map((f) => f.day));
  let to = Math.max(...days.map((d) => d.n), ...freezes.map((f) => f.day));
  if (from === to) {
    from -= 1;
    to += 1;
  }
  const x = (day: number) => LEFT + ((W - LEFT - RIGHT) * (day - from)) / (to - from);
  const maxTasks = Math.max(1, ...days.map((d) => d.openTasks));
  const maxEstimate = Math.max(1, ...days.map((d) => d.openEstimate));
  const y = (value: number, max: number) => TOP + (H - TOP - BOTTOM) * (1 - value / max);
  const step = (value: (d: ScopeDay) => number, max: number) => {
    let path = '';
    days.forEach((d, i) => {
      const px = x(d.n).toFixed(1);
      const py = y(value(d), max).toFixed(1);
      path += i === 0 ? `M${px} ${py}` : ` H${px} V${py}`;
    });
    return path;
  };

  const title = t('scopeChartTitle');
  const desc = t('scopeChartDesc', shortDate(scope.days[0]!.date, true), shortDate(scope.days[scope.days.length - 1]!.date, true), maxTasks, estimateText(maxEstimate));
  const svg = s('svg', { class: 'scope-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'scope-chart-title scope-chart-desc' }, s('title', { id: 'scope-chart-title' }, title), s('desc', { id: 'scope-chart-desc' }, desc));
  const base = H - BOTTOM;
  svg.append(s('line', { class: 'axis', x1: LEFT, x2: W - RIGHT, y1: base, y2: base }));
  svg.append(
    s('text', { class: 'axis-label tasks-axis', x: LEFT - 6, y: TOP + 4, 'text-anchor': 'end' }, String(maxTasks)),
    s('text', { class: 'axis-label estimate-axis', x: W - RIGHT + 6, y: TOP + 4, 'text-anchor': 'start' }, estimateText(maxEstimate)),
    s('text', { class: 'axis-label', x: LEFT - 6, y: base, 'text-anchor': 'end' }, '0'),
    s('text', { class: 'axis-label', x: x(days[0]!.n), y: base + 16, 'text-anchor': 'start' }, shortDate(days[0]!.date)),
  );
  if (days.length > 1) svg.append(s('text', { class: 'axis-label', x: x(days[days.length - 1]!.n), y: base + 16, 'text-anchor': 'end' }, shortDate(days[days.length - 1]!.date)));
  for (const freeze of freezes) {
    const at = x(freeze.day);
    svg.append(
      s(
        'g',
        { class: `freeze freeze-${freeze.id}`, 'data-freeze': freeze.id, 'data-date': freeze.date },
        s('title', {}, `${freeze.label}: ${shortDate(freeze.date, true)}`),
        s('line', { x1: at.toFixed(1), x2: at.toFixed(1), y1: TOP - 8, y2: base }),
        s('text', { class: 'freeze-label', x: at.toFixed(1), y: freeze.id === 'scope' ? TOP - 12 : TOP - 22, 'text-anchor': at > W - 120 ? 'end' : 'middle' }, `${freeze.label} ${shortDate(freeze.date)}`),
      ),
    );
  }
  svg.append(s('path', { class: 'estimate-line', d: step((d) => d.openEstimate, maxEstimate) }));
  svg.append(s('path', { class: 'tasks-line', d: step((d) => d.openTasks, maxTasks) }));
  for (const d of days) {
    if (d.source === 'carried') continue;
    svg.append(
      s(
        'circle',
        { class: `point ${d.source}`, cx: x(d.n).toFixed(1), cy: y(d.openTasks, maxTasks).toFixed(1), r: 3.5, 'data-date': d.date },
        s('title', {}, pointText(d)),
      ),
    );
  }
  for (const addition of scope.lateAdditions) {
    const day = dayNumber(addition.date);
    if (day === undefined || day < from || day > to) continue;
    const at = x(day);
    svg.append(
      s(
        'g',
        { class: 'late-marker', 'data-task': addition.task },
        s('title', {}, lateText(addition)),
        s('path', { d: `M${at.toFixed(1)} ${base - 1} l-5 8 h10 z` }),
      ),
    );
  }
  const legend = h(
    'div',
    { class: 'scope-legend', 'aria-hidden': 'true' },
    h('span', { class: 'legend tasks' }, t('scopeLegendTasks')),
    h('span', { class: 'legend estimate' }, t('scopeLegendEstimate')),
    scope.lateAdditions.length > 0 ? h('span', { class: 'legend late' }, t('scopeLegendLate')) : null,
  );
  return h('figure', { class: 'chart-box', id: 'scope-chart' }, svg, legend);
}

function pointText(day: ScopeDay): string {
  const values = t('scopePoint', shortDate(day.date, true), count(day.openTasks, 'scopeOneOpenTask', 'scopeOpenTasks'), estimateText(day.openEstimate));
  if (day.source === 'uncommitted') return `${values} · ${t('scopeUncommitted')}`;
  return day.author ? `${values} · ${day.author}` : values;
}

/** The days that changed (a commit, or the uncommitted plan), as a table: the chart's numbers in words. */
function numbers(scope: Known): HTMLElement {
  const body = h('tbody', {});
  for (const day of scope.days) {
    if (day.source === 'carried') continue;
    body.append(
      h(
        'tr',
        { 'data-date': day.date, 'data-source': day.source },
        h('th', { scope: 'row' }, shortDate(day.date, true)),
        h('td', { class: 'scope-tasks' }, String(day.openTasks)),
        h('td', { class: 'scope-estimate' }, String(day.openEstimate)),
        h('td', { class: 'scope-who' }, day.source === 'uncommitted' ? t('scopeUncommitted') : day.author ?? ''),
      ),
    );
  }
  const head = h('tr', {}, ...(['scopeColumnDay', 'scopeColumnTasks', 'scopeColumnEstimate', 'scopeColumnWho'] as const).map((key) => h('th', { scope: 'col' }, t(key))));
  return h(
    'details',
    { class: 'scope-numbers', id: 'scope-numbers' },
    h('summary', {}, t('scopeNumbers')),
    h('div', { class: 'table-wrap' }, h('table', { class: 'scope-table', id: 'scope-table' }, h('caption', { class: 'visually-hidden' }, t('scopeTableCaption')), h('thead', {}, head), body)),
  );
}

const LATE_KEYS: Record<LateAddition['freeze'], StringKey> = { scope: 'scopeLateAfterScope', features: 'scopeLateAfterFeatures' };

function lateText(addition: LateAddition): string {
  const name = addition.task === addition.title ? addition.title : `${addition.task} ${addition.title}`;
  return `${name} — ${t(LATE_KEYS[addition.freeze], addition.date, addition.author)}`;
}

/** Each task that joined after a freeze: "T9 SSO for admins — added 2099-05-20 by Bo Chen, after the scope freeze". */
function late(scope: Known): HTMLElement {
  if (scope.lateAdditions.length === 0) {
    const none = scope.freezeScope === undefined && scope.freezeFeatures === undefined ? t('scopeNoFreeze') : t('scopeNoLate');
    return h('p', { class: 'muted', id: 'scope-late-none' }, none);
  }
  const list = h('ul', { class: 'late-list', id: 'scope-late' });
  for (const addition of scope.lateAdditions) {
    list.append(
      h(
        'li',
        { class: `late-addition after-${addition.freeze}`, 'data-task': addition.task },
        icon('warning'),
        addition.task !== addition.title ? h('span', { class: 'late-task' }, addition.task) : null,
        h('span', { class: 'late-title' }, addition.title),
        h('span', { class: 'muted late-when' }, `— ${t(LATE_KEYS[addition.freeze], addition.date, addition.author)}`),
      ),
    );
  }
  return h('div', { id: 'scope-late-additions' }, h('h3', {}, count(scope.lateAdditions.length, 'scopeLateOne', 'scopeLateMany')), list);
}
