import type { Veto } from '../../../src/core/gonogo';
import type { View } from '../context';
import { openLocation } from '../context';
import { h, icon, on } from '../dom';
import { dayNumber, plural, shortDate, tMinus } from '../format';

const VERDICTS = {
  go: { label: 'Go', icon: 'pass-filled' },
  'at-risk': { label: 'At risk', icon: 'warning' },
  'no-go': { label: 'No-Go', icon: 'error' },
} as const;

export function renderHeader(view: View): HTMLElement {
  const { summary, health } = view.state;
  const verdict = VERDICTS[health.verdict];
  const veto = summary.gonogo.veto;

  const gonogo = h('vscode-button', { id: 'run-gonogo', icon: 'law', title: 'Answer the five go/no-go questions and record the decision' }, 'Run Go/No-Go');
  on(gonogo, 'click', () => view.host.post({ type: 'runGonogo' }));
  const openPlan = h('vscode-button', { id: 'open-plan', icon: 'go-to-file', secondary: true, title: 'Open release.yaml' }, 'Open plan');
  on(openPlan, 'click', () => openLocation(view.host, summary.location));

  const today = dayNumber(summary.today);
  const backup = dayNumber(summary.backup);
  const backupLeft = today !== undefined && backup !== undefined ? backup - today : undefined;
  const open = summary.tasks.filter((t) => t.status !== 'done').length;
  const done = summary.tasks.length - open;

  const facts = h(
    'dl',
    { class: 'facts' },
    fact('T-minus', tMinus(summary.daysLeft), 'tminus', summary.target ? `Target ${shortDate(summary.target, true)}` : 'Set `target:` in release.yaml'),
    fact('Backup', backupLeft === undefined ? '—' : backupLeft < 0 ? `${plural(-backupLeft, 'day')} ago` : `in ${plural(backupLeft, 'day')}`, 'backup', summary.backup ? shortDate(summary.backup, true) : 'No backup date'),
    fact('Tasks', `${open} open`, 'tasks', `${done} done of ${summary.tasks.length}`),
    fact('Findings', `${summary.counts.errors} / ${summary.counts.warnings}`, 'findings', 'errors / warnings'),
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
        h('div', { class: 'eyebrow' }, icon('rocket'), 'Release'),
        h('h1', { id: 'release-name' }, summary.name),
      ),
      h('div', { class: 'header-actions' }, openPlan, gonogo),
    ),
    summary.problem ? h('p', { class: 'problem', id: 'problem' }, summary.problem) : h('p', { class: 'problem missing', id: 'problem' }, 'No problem statement yet: say in one sentence which customer problem this release solves.'),
    h(
      'div',
      { class: 'health-row' },
      h('div', { class: `verdict verdict-${health.verdict}`, id: 'verdict', 'data-verdict': health.verdict, 'data-veto': veto ? 'yes' : undefined, title: veto?.message }, icon(verdict.icon), h('span', { class: 'verdict-label' }, veto ? vetoLabel(veto) : verdict.label)),
      facts,
    ),
    health.reasons.length ? h('details', { class: 'reasons-box', open: health.verdict !== 'go' }, h('summary', {}, health.verdict === 'go' ? 'Why Go' : `Why ${verdict.label}: ${plural(health.reasons.length, 'reason')}`), reasons) : null,
  );
}

/** "No-Go — vetoed by Ana on 17 Dec 2026": the stop owner's recorded no decides alone. */
function vetoLabel(veto: Veto): string {
  return `${VERDICTS['no-go'].label} — vetoed${veto.decidedBy ? ` by ${veto.decidedBy}` : ''} on ${shortDate(veto.date, true)}`;
}

function fact(label: string, value: string, id: string, detail: string): HTMLElement {
  return h('div', { class: 'fact', id: `fact-${id}` }, h('dt', {}, label), h('dd', {}, h('span', { class: 'fact-value' }, value), h('span', { class: 'fact-detail' }, detail)));
}
