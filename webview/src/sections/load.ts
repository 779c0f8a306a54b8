import { section } from '../dashboard';
import type { View } from '../context';
import { h, s } from '../dom';
import { count } from '../format';
import { t } from '../l10n';

const BAR_H = 14;

/** Each person's open estimates against the working days they have before target (SVG bars). */
export function renderLoad(view: View): HTMLElement {
  const loads = view.state.loads.filter((l) => l.openTasks.length > 0 || l.estimate > 0 || (l.available ?? 0) > 0 || l.roles.length > 0);
  if (loads.length === 0) return section('load', t('ownerLoad'), 'person', h('p', { class: 'muted empty' }, t('ownerLoadEmpty')));
  const max = Math.max(1, ...loads.map((l) => Math.max(l.estimate, l.available ?? 0)));
  const pct = (n: number) => `${((100 * n) / max).toFixed(2)}%`;
  const sorted = [...loads].sort((a, b) => b.estimate - a.estimate || a.person.localeCompare(b.person));

  const chart = h('div', { class: 'load-chart', id: 'load-chart', role: 'list' });
  for (const load of sorted) {
    const over = load.available !== undefined && load.estimate > load.available;
    const svg = s('svg', { class: 'load-bar', width: '100%', height: BAR_H + 8, role: 'img', 'aria-label': load.available !== undefined ? t('loadBarLabelOf', load.person, load.estimate, load.available) : t('loadBarLabel', load.person, load.estimate) });
    svg.append(s('rect', { class: 'track', x: 0, y: 4, width: '100%', height: BAR_H, rx: 2 }));
    if (load.available !== undefined) svg.append(s('rect', { class: 'capacity', x: 0, y: 4, width: pct(load.available), height: BAR_H, rx: 2 }));
    if (load.estimate > 0) svg.append(s('rect', { class: `estimate${over ? ' over' : ''}`, x: 0, y: 7, width: pct(load.estimate), height: BAR_H - 6, rx: 1.5 }));
    if (load.available !== undefined) svg.append(s('line', { class: 'capacity-mark', x1: pct(load.available), x2: pct(load.available), y1: 1, y2: BAR_H + 7 }));
    const tasks = load.openTasks.length;
    svg.append(s('title', {}, tasks === 1 ? t('loadBarTitleOneTask', load.person, load.estimate, load.available ?? '?') : t('loadBarTitleTasks', load.person, load.estimate, load.available ?? '?', tasks)));
    const figures = t('loadFigures', fmt(load.estimate), load.available === undefined ? '?' : fmt(load.available));
    chart.append(
      h(
        'div',
        { class: `load-row${over ? ' over' : ''}`, role: 'listitem', 'data-person': load.person },
        h('span', { class: 'load-person', title: load.roles.length ? t('roles', load.roles.join(', ')) : load.person }, load.person),
        svg,
        h('span', { class: 'load-figures' }, figures),
        h('span', { class: 'load-tasks' }, count(tasks, 'openTaskOne', 'openTasks')),
      ),
    );
  }
  const legend = h(
    'div',
    { class: 'legend' },
    h('span', { class: 'legend-item' }, h('span', { class: 'swatch estimate' }), t('legendEstimates')),
    h('span', { class: 'legend-item' }, h('span', { class: 'swatch capacity' }), t('legendCapacity')),
    h('span', { class: 'legend-item' }, h('span', { class: 'swatch over' }), t('legendOver')),
  );
  return section('load', t('ownerLoad'), 'person', chart, legend);
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
