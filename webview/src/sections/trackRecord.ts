import type { TrackRecord, TrackRow } from '../../../src/core/trackRecord';
import { section } from '../dashboard';
import { openLocation, type View } from '../context';
import { h, icon, on, s } from '../dom';
import { count, shortDate } from '../format';
import { t } from '../l10n';

const VERDICT_ICON = { 'on-time': 'pass-filled', slipped: 'warning', 'rolled-back': 'discard', unknown: 'question' } as const;

/**
 * The team's record across past releases (history/) and this one once it went out: target against
 * launch, scope growth after the freeze, rehearsal minutes and their trend, the reviews. Shown only
 * when there is a record: without one the page has a placeholder (a comment) in its place.
 */
export function renderTrackRecord(view: View): Node {
  const record = view.state.trackRecord;
  if (!record || record.rows.length === 0) return document.createComment('track-record');
  const judged = record.rows.filter((row) => row.verdict !== 'unknown');
  const onTime = record.rows.filter((row) => row.verdict === 'on-time').length;
  const summary = h('div', { class: 'subtle-row' }, h('vscode-badge', { variant: 'counter' }, `${onTime}/${judged.length}`), h('span', { class: 'muted', id: 'track-summary' }, t('trackSummary', onTime, judged.length)));

  const head = h(
    'tr',
    {},
    ...(['trackColumnRelease', 'trackColumnTarget', 'trackColumnShipped', 'trackColumnVerdict', 'trackColumnGrowth', 'trackColumnRehearsal', 'trackColumnReview'] as const).map((key) => h('th', { scope: 'col' }, t(key))),
  );
  const body = h('tbody', {});
  for (const row of record.rows) body.append(trackRow(view, row));
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'track-table', id: 'track-record-table' }, h('thead', {}, head), body));

  const current = record.rows.find((row) => row.current);
  return section(
    'track-record',
    t('trackRecord'),
    'pulse',
    summary,
    table,
    current ? h('p', { class: `track-review review-${record.review.state}`, id: 'track-review' }, icon(record.review.state === 'written' ? 'pass-filled' : 'warning'), t('trackReviewState', record.review.state === 'written' ? t('reviewWritten') : t('reviewMissing'))) : null,
    trend(record),
    recurring(record),
  );
}

function trackRow(view: View, row: TrackRow): HTMLElement {
  const open = h('button', { type: 'button', class: 'icon-button', 'data-action': 'open', title: t('trackOpen', row.name), 'aria-label': t('trackOpen', row.name) }, icon('go-to-file'));
  on(open, 'click', () => openLocation(view.host, { file: row.file, range: { start: { line: 0, character: 0 } } }));
  const name = h(
    'td',
    { class: 'track-name' },
    h('span', { class: 'track-release' }, row.name),
    row.rescue ? h('span', { class: 'tag', 'data-tag': 'rescue' }, t('trackRescue')) : null,
    row.current ? h('span', { class: 'tag', 'data-tag': 'current' }, t('trackCurrent')) : null,
    open,
  );
  return h(
    'tr',
    { class: `track-row verdict-${row.verdict}`, 'data-key': row.file, 'data-verdict': row.verdict },
    name,
    h('td', { class: 'track-target' }, row.target ? shortDate(row.target, true) : '—'),
    h('td', { class: 'track-shipped' }, row.shipped && row.shipped.outcome !== 'slipped' ? shortDate(row.shipped.date, true) : t('trackNotShipped')),
    h('td', { class: 'track-verdict' }, icon(VERDICT_ICON[row.verdict]), h('span', {}, verdictText(row)), row.withinBackup !== undefined ? h('span', { class: 'muted track-backup' }, row.withinBackup ? t('trackWithinBackup') : t('trackPastBackup')) : null, targetMoves(row)),
    h('td', { class: 'track-growth' }, growthText(row)),
    h('td', { class: 'track-rehearsal' }, rehearsalText(row)),
    h('td', { class: `track-review-cell review-${row.review.state}` }, row.review.state === 'written' ? t('reviewWritten') : t('reviewMissing')),
  );
}

/** "target moved 2 times, first 2026-12-18": the current release's target moves, from git. */
function targetMoves(row: TrackRow): HTMLElement | null {
  const moved = row.targetHistory;
  if (!moved || moved.moves === 0) return null;
  return h('span', { class: 'muted track-moves' }, moved.moves === 1 ? t('trackTargetMovedOnce', moved.first) : t('trackTargetMoved', moved.moves, moved.first));
}

/** "on time" (against a target known to be the first), "on time (final target)", "slipped by 3 days", "rolled back", "needs an answer: no target date". */
export function verdictText(row: TrackRow): string {
  switch (row.verdict) {
    case 'on-time':
      return row.firstTargetKept ? t('trackOnTime') : t('trackOnTimeFinal');
    case 'slipped':
      return row.slippedDays === undefined ? t('trackSlippedCalled') : count(row.slippedDays, 'trackSlippedOneDay', 'trackSlippedDays');
    case 'rolled-back':
      return t('trackRolledBack');
    case 'unknown':
      return row.unknown === 'no-target' ? t('trackUnknownNoTarget') : row.unknown === 'not-yet' ? t('trackUnknownNotYet') : t('trackUnknownNoRecord');
  }
}

function growthText(row: TrackRow): string {
  const growth = row.growth;
  if (!growth.known) return growth.why === 'undated' ? t('growthUndated') : t('growthUnknown');
  if (growth.tasks === 0) return t('growthNone');
  const main = growth.tasks === 1 ? t('growthOneTask', growth.estimate) : t('growthTasks', growth.tasks, growth.estimate);
  return growth.unestimated > 0 ? `${main} · ${t('growthUnestimated', growth.unestimated)}` : main;
}

function rehearsalText(row: TrackRow): string {
  const { latest, best } = row.rehearsals;
  if (!latest) return t('trackRehearsalNone');
  return best && best.minutes < latest.minutes ? t('trackRehearsalBest', latest.minutes, best.minutes) : t('trackRehearsal', latest.minutes);
}

const W = 360;
const BAR_H = 110;
const TOP = 16;
const BOTTOM = 22;

/** Each release's latest rehearsal minutes as bars, oldest first: the trend (40 → 25 → 15). */
function trend(record: TrackRecord): HTMLElement | null {
  const points = record.rehearsalTrend;
  if (points.length < 2) return null;
  const top = Math.max(...points.map((p) => p.minutes)) || 1;
  const slot = W / points.length;
  const bar = Math.min(48, slot * 0.6);
  const label = t('trackTrendLabel', points.map((p) => t('trackTrendItem', p.name, p.minutes)).join(', '));
  const svg = s('svg', { class: 'bar-chart', viewBox: `0 0 ${W} ${TOP + BAR_H + BOTTOM}`, role: 'img', 'aria-label': label });
  points.forEach((point, i) => {
    const height = Math.max(2, (point.minutes / top) * BAR_H);
    const x = i * slot + (slot - bar) / 2;
    const y = TOP + BAR_H - height;
    svg.append(
      s(
        'g',
        { class: `trend-bar${point.current ? ' current' : ''}`, 'data-minutes': point.minutes },
        s('rect', { x: x.toFixed(1), y: y.toFixed(1), width: bar.toFixed(1), height: height.toFixed(1), rx: 2 }),
        s('text', { class: 'point-label', x: (x + bar / 2).toFixed(1), y: (y - 4).toFixed(1), 'text-anchor': 'middle' }, String(point.minutes)),
        s('text', { class: 'axis-label', x: (x + bar / 2).toFixed(1), y: TOP + BAR_H + 15, 'text-anchor': 'middle' }, point.name),
        s('title', {}, t('trackTrendItem', point.name, point.minutes)),
      ),
    );
  });
  return h(
    'figure',
    { class: 'chart-box', id: 'track-trend' },
    svg,
    h('figcaption', { class: 'muted', id: 'track-trend-text' }, t('trackTrendCaption', points.map((p) => String(p.minutes)).join(' → '))),
  );
}

/** Blockers that came back (from the review rules' recurringBlockers): nothing at all when there are none. */
function recurring(record: TrackRecord): HTMLElement | null {
  if (record.recurringBlockers.length === 0) return null;
  const list = h('ul', { class: 'recurring-list' });
  for (const blocker of record.recurringBlockers) {
    const where = blocker.days === 1 ? t('recurringInOnOneDay', blocker.releases.join(', ')) : t('recurringInOnDays', blocker.releases.join(', '), blocker.days);
    list.append(
      h(
        'li',
        { class: `recurring${blocker.current ? ' open' : ''}` },
        icon(blocker.current ? 'warning' : 'history'),
        h('span', { class: 'recurring-what' }, blocker.what),
        h('span', { class: 'muted recurring-where' }, where),
        blocker.current ? h('span', { class: 'tag recurring-open' }, t('recurringStillOpen')) : null,
      ),
    );
  }
  return h('div', { id: 'recurring-blockers' }, h('h3', {}, t('recurringBlockers')), list);
}
