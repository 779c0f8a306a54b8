import type { GonogoResult, Veto } from '../../../src/core/gonogo';
import type { View } from '../context';
import { openLocation } from '../context';
import { h, icon, on } from '../dom';
import { count, countdown, dayNumber, shortDate } from '../format';
import { t } from '../l10n';

const VERDICTS = {
  go: { label: 'verdictGo', icon: 'pass-filled' },
  'at-risk': { label: 'verdictAtRisk', icon: 'warning' },
  'no-go': { label: 'verdictNoGo', icon: 'error' },
} as const;

export function renderHeader(view: View): HTMLElement {
  const { summary, health } = view.state;
  const verdict = VERDICTS[health.verdict];
  const veto = summary.gonogo.veto;
  // After launch the state is the launch, not a live go/no-go verdict (core's stays no-go: never a GO after launch).
  const shipped = summary.gonogo.shipped;

  const gonogo = h('vscode-button', { id: 'run-gonogo', icon: 'law', title: t('runGonogoTitle') }, t('runGonogo'));
  on(gonogo, 'click', () => view.host.post({ type: 'runGonogo' }));
  const openPlan = h('vscode-button', { id: 'open-plan', icon: 'go-to-file', secondary: true, title: t('openReleaseFile') }, t('openPlan'));
  on(openPlan, 'click', () => openLocation(view.host, summary.location));

  const today = dayNumber(summary.today);
  const backup = dayNumber(summary.backup);
  const backupLeft = today !== undefined && backup !== undefined ? backup - today : undefined;
  const open = summary.tasks.filter((t) => t.status !== 'done').length;
  const done = summary.tasks.length - open;

  const facts = h(
    'dl',
    { class: 'facts' },
    shipped
      ? fact(t('factLaunch'), shortDate(shipped.date, true), 'tminus', summary.target ? t('factTarget', shortDate(summary.target, true)) : t('factNoTarget'))
      : fact(t('factTMinus'), countdown(summary.daysLeft), 'tminus', summary.target ? t('factTarget', shortDate(summary.target, true)) : t('factNoTarget')),
    fact(t('factBackup'), backupLeft === undefined ? '—' : backupLeft < 0 ? count(-backupLeft, 'backupOneDayAgo', 'backupDaysAgo') : count(backupLeft, 'backupInOneDay', 'backupInDays'), 'backup', summary.backup ? shortDate(summary.backup, true) : t('factNoBackup')),
    fact(t('factTasks'), t('factOpen', open), 'tasks', t('factDoneOf', done, summary.tasks.length)),
    fact(t('factFindings'), `${summary.counts.errors} / ${summary.counts.warnings}`, 'findings', t('factErrorsWarnings')),
  );

  const reasons = h('ul', { class: 'reasons', id: 'health-reasons' });
  for (const reason of health.reasons) reasons.append(h('li', {}, reason));

  return h(
    'header',
    { class: 'release-header section', id: 'header' },
    h(
      'div',
      { class: 'header-top' },
      h(
        'div',
        { class: 'title-block' },
        h('div', { class: 'eyebrow' }, icon('rocket'), t('eyebrowRelease')),
        h('h1', { id: 'release-name' }, summary.name),
      ),
      h('div', { class: 'header-actions' }, openPlan, gonogo),
    ),
    summary.problem ? h('p', { class: 'problem', id: 'problem' }, summary.problem) : h('p', { class: 'problem missing', id: 'problem' }, t('noProblem')),
    h(
      'div',
      { class: 'health-row' },
      shipped
        ? h('div', { class: `verdict verdict-${shipped.outcome}`, id: 'verdict', 'data-verdict': shipped.outcome, title: shipped.message }, icon(shipped.outcome === 'shipped' ? 'rocket' : 'discard'), h('span', { class: 'verdict-label' }, launchLabel(shipped)))
        : h('div', { class: `verdict verdict-${health.verdict}`, id: 'verdict', 'data-verdict': health.verdict, 'data-veto': veto ? 'yes' : undefined, title: veto?.message }, icon(verdict.icon), h('span', { class: 'verdict-label' }, veto ? vetoLabel(veto) : t(verdict.label))),
      facts,
    ),
    health.reasons.length ? h('details', { class: 'reasons-box', open: health.verdict !== 'go' }, h('summary', {}, shipped ? count(health.reasons.length, 'afterLaunchOne', 'afterLaunchMany') : whyLabel(health.verdict, health.reasons.length)), reasons) : null,
  );
}

/** "Shipped 1.5.0 on 18 Dec 2026", "Rolled back on 18 Dec 2026". */
function launchLabel(shipped: NonNullable<GonogoResult['shipped']>): string {
  const date = shortDate(shipped.date, true);
  if (shipped.outcome === 'rolled-back') return shipped.version !== undefined ? t('stateRolledBack', shipped.version, date) : t('stateRolledBackNoVersion', date);
  return shipped.version !== undefined ? t('stateShipped', shipped.version, date) : t('stateShippedNoVersion', date);
}

/** "No-Go — vetoed by Ana on 17 Dec 2026": the stop owner's recorded no decides alone. */
function vetoLabel(veto: Veto): string {
  return veto.decidedBy ? t('vetoedBy', veto.decidedBy, shortDate(veto.date, true)) : t('vetoed', shortDate(veto.date, true));
}

/** The heading of the reasons: "Why Go", "Why At risk: 3 reasons". */
function whyLabel(verdict: keyof typeof VERDICTS, reasons: number): string {
  if (verdict === 'go') return t('whyGo');
  if (verdict === 'at-risk') return count(reasons, 'whyAtRiskOne', 'whyAtRiskMany');
  return count(reasons, 'whyNoGoOne', 'whyNoGoMany');
}

function fact(label: string, value: string, id: string, detail: string): HTMLElement {
  return h('div', { class: 'fact', id: `fact-${id}` }, h('dt', {}, label), h('dd', {}, h('span', { class: 'fact-value' }, value), h('span', { class: 'fact-detail' }, detail)));
}
