import { section } from '../dashboard';
import type { View } from '../context';
import { h, s } from '../dom';
import { dayNumber, shortDate } from '../format';
import { t } from '../l10n';

interface Marker {
  id: string;
  label: string;
  date: string;
  day: number;
}

const LANES: readonly number[] = [-1, 1, -2, 2]; // above / below the axis, then further out
const LANE_GAP = 32;

/** Today, the freezes, target and backup on one date axis (SVG, x in percent so it fits any width). */
export function renderTimeline(view: View): HTMLElement {
  const { summary } = view.state;
  const candidates: [string, string, string | undefined][] = [
    ['features', t('markerFeatureFreeze'), summary.freeze.features],
    ['scope', t('markerScopeFreeze'), summary.freeze.scope],
    ['today', t('markerToday'), summary.today],
    ['target', t('markerTarget'), summary.target],
    ['backup', t('markerBackup'), summary.backup],
  ];
  const markers: Marker[] = [];
  for (const [id, label, date] of candidates) {
    const day = dayNumber(date);
    if (date && day !== undefined) markers.push({ id, label, date, day });
  }
  if (markers.length < 2) {
    return section('timeline', t('timeline'), 'calendar', h('p', { class: 'muted empty' }, t('timelineEmpty')));
  }
  markers.sort((a, b) => a.day - b.day || a.id.localeCompare(b.id));
  const first = markers[0]!.day;
  const last = markers[markers.length - 1]!.day;
  const span = Math.max(1, last - first);
  const x = (day: number) => 6 + (88 * (day - first)) / span; // percent
  const pct = (n: number) => `${n.toFixed(2)}%`;

  // Spread labels over lanes so that markers a few days apart do not overlap.
  const laneEnd = new Map<number, number>();
  const placed = markers.map((m) => {
    const at = x(m.day);
    const lane = LANES.find((l) => at - (laneEnd.get(l) ?? -100) > 15) ?? -1;
    laneEnd.set(lane, at);
    return { m, at, lane };
  });
  const above = Math.max(1, ...placed.map((p) => (p.lane < 0 ? -p.lane : 0)));
  const below = Math.max(0, ...placed.map((p) => (p.lane > 0 ? p.lane : 0)));
  const axis = 10 + above * LANE_GAP;
  const height = axis + below * LANE_GAP + 12;

  const svg = s('svg', { class: 'timeline-chart', width: '100%', height, role: 'img', 'aria-label': timelineLabel(markers) });
  svg.append(s('line', { class: 'axis', x1: '2%', x2: '98%', y1: axis, y2: axis }));
  const today = markers.find((m) => m.id === 'today');
  if (today) svg.append(s('line', { class: 'elapsed', x1: '2%', x2: pct(x(today.day)), y1: axis, y2: axis }));
  const target = markers.find((m) => m.id === 'target');
  if (target && today && target.day > today.day) svg.append(s('line', { class: 'remaining', x1: pct(x(today.day)), x2: pct(x(target.day)), y1: axis, y2: axis }));

  for (const { m, at, lane } of placed) {
    const up = lane < 0;
    const depth = Math.abs(lane);
    const tickEnd = up ? axis - (depth - 1) * LANE_GAP - 8 : axis + (depth - 1) * LANE_GAP + 8;
    const labelY = up ? axis - (depth - 1) * LANE_GAP - 26 : axis + (depth - 1) * LANE_GAP + 22;
    const anchor = at < 10 ? 'start' : at > 90 ? 'end' : 'middle';
    const g = s('g', { class: `marker marker-${m.id}`, 'data-marker': m.id });
    g.append(
      s('title', {}, `${m.label}: ${shortDate(m.date, true)}`),
      s('line', { class: 'tick', x1: pct(at), x2: pct(at), y1: axis, y2: tickEnd }),
      s('circle', { class: 'dot', cx: pct(at), cy: axis, r: m.id === 'today' ? 6 : 4.5 }),
      s('text', { class: 'marker-label', x: pct(at), y: labelY, 'text-anchor': anchor }, m.label),
      s('text', { class: 'marker-date', x: pct(at), y: labelY + 13, 'text-anchor': anchor }, shortDate(m.date)),
    );
    svg.append(g);
  }
  return section('timeline', t('timeline'), 'calendar', h('div', { class: 'chart-box' }, svg));
}

function timelineLabel(markers: Marker[]): string {
  return t('timelineLabel', markers.map((m) => `${m.label} ${m.date}`).join(', '));
}
