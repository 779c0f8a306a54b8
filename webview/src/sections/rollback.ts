import { section } from '../dashboard';
import { openLocation, type View } from '../context';
import { h, icon, on, s } from '../dom';
import { dayNumber, shortDate } from '../format';
import { t } from '../l10n';

type Rehearsal = View['state']['summary']['rollback']['rehearsals'][number];

/** The readiness checks, and rehearsal minutes over time against the target. */
export function renderRollback(view: View): HTMLElement {
  const { rollback } = view.state.summary;
  const checks = h('ul', { class: 'checks', id: 'rollback-checks' });
  for (const check of rollback.checks) {
    const item = h(
      'li',
      { class: `check ${check.ok ? 'pass' : 'fail'}`, 'data-check': check.id },
      icon(check.ok ? 'pass-filled' : 'error'),
      h('span', { class: 'check-label' }, check.label),
      h('span', { class: 'check-detail' }, check.detail),
    );
    if (check.location) {
      const location = check.location;
      const open = h('button', { type: 'button', class: 'icon-button', title: t('openCheckIn', check.label), 'aria-label': t('openCheck', check.label) }, icon('go-to-file'));
      on(open, 'click', () => openLocation(view.host, location));
      item.append(open);
    }
    checks.append(item);
  }
  const passed = rollback.checks.filter((c) => c.ok).length;
  const summary = h('div', { class: 'subtle-row' }, h('vscode-badge', { variant: 'counter' }, `${passed}/${rollback.checks.length}`), h('span', { class: 'muted' }, rollback.present ? t('checksPass') : t('noRunbook')));
  return section('rollback', t('rollbackReadiness'), 'history', summary, checks, rehearsalChart(rollback.rehearsals.filter((r) => r.minutes !== undefined), rollback.targetMinutes));
}

const W = 360;
const H = 150;
const PAD = { left: 34, right: 14, top: 14, bottom: 26 };

function rehearsalChart(rehearsals: Rehearsal[], target: number | undefined): HTMLElement {
  if (rehearsals.length === 0) return h('p', { class: 'muted empty', id: 'rehearsal-chart' }, t('noRehearsal'));
  const days = rehearsals.map((r) => dayNumber(r.date) ?? 0);
  const minutes = rehearsals.map((r) => r.minutes ?? 0);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const top = Math.max(...minutes, target ?? 0) * 1.15 || 1;
  const x = (d: number) => (last === first ? PAD.left + (W - PAD.left - PAD.right) / 2 : PAD.left + ((d - first) / (last - first)) * (W - PAD.left - PAD.right));
  const y = (m: number) => H - PAD.bottom - (m / top) * (H - PAD.top - PAD.bottom);

  const svg = s('svg', { class: 'line-chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': chartLabel(rehearsals, target) });
  // Grid: 3 horizontal lines with minute labels.
  for (let i = 0; i <= 3; i++) {
    const m = (top / 3) * i;
    svg.append(s('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: y(m), y2: y(m) }), s('text', { class: 'axis-label', x: PAD.left - 6, y: y(m) + 3.5, 'text-anchor': 'end' }, String(Math.round(m))));
  }
  if (target !== undefined) {
    svg.append(
      s('line', { class: 'target-line', x1: PAD.left, x2: W - PAD.right, y1: y(target), y2: y(target) }),
      // Under the line at the left: rehearsals usually start slow (high, left) and get faster.
      s('text', { class: 'target-label', x: PAD.left + 4, y: Math.min(y(target) + 12, H - PAD.bottom - 3), 'text-anchor': 'start' }, t('rehearsalTarget', target)),
    );
  }
  svg.append(s('polyline', { class: 'series', points: rehearsals.map((_, i) => `${x(days[i]!).toFixed(1)},${y(minutes[i]!).toFixed(1)}`).join(' ') }));
  rehearsals.forEach((r, i) => {
    const slow = target !== undefined && (r.minutes ?? 0) > target;
    svg.append(
      s(
        'g',
        { class: `point${slow ? ' slow' : ''}` },
        s('circle', { cx: x(days[i]!), cy: y(minutes[i]!), r: 4 }),
        rehearsals.length <= 12 ? s('text', { class: 'point-label', x: x(days[i]!), y: y(minutes[i]!) - 8, 'text-anchor': 'middle' }, `${r.minutes}`) : null,
        s('title', {}, pointTitle(r)),
      ),
    );
  });
  const labelled = new Set([0, rehearsals.length - 1]);
  for (const i of labelled) {
    const r = rehearsals[i]!;
    const anchor = rehearsals.length === 1 ? 'middle' : i === 0 ? 'start' : 'end';
    svg.append(s('text', { class: 'axis-label', x: x(days[i]!), y: H - 8, 'text-anchor': anchor }, shortDate(r.date)));
  }
  return h('figure', { class: 'chart-box', id: 'rehearsal-chart' }, svg, h('figcaption', { class: 'muted' }, target !== undefined ? t('rehearsalCaptionTarget', target) : t('rehearsalCaption')));
}

function chartLabel(rehearsals: Rehearsal[], target: number | undefined): string {
  const list = rehearsals.map((r) => t('rehearsalMinutes', r.date, String(r.minutes))).join(', ');
  return target !== undefined ? t('rehearsalChartLabelTarget', list, target) : t('rehearsalChartLabel', list);
}

/** "12 Mar 2099: 12 min by Bo on staging". */
function pointTitle(r: Rehearsal): string {
  const date = shortDate(r.date, true);
  const minutes = String(r.minutes);
  if (r.by && r.environment) return t('rehearsalPointByOn', date, minutes, r.by, r.environment);
  if (r.by) return t('rehearsalPointBy', date, minutes, r.by);
  if (r.environment) return t('rehearsalPointOn', date, minutes, r.environment);
  return t('rehearsalPoint', date, minutes);
}
