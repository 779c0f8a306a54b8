import { section } from '../dashboard';
import type { View } from '../context';
import { h, icon } from '../dom';
import { shortDate } from '../format';
import { t } from '../l10n';

const VERDICT = { pass: ['pass-filled', 'questionPass'], fail: ['error', 'questionFail'], 'needs-answer': ['question', 'questionNeedsAnswer'] } as const;
const RECOMMENDATION = { go: 'recommendGo', 'no-go': 'recommendNoGo', 'needs-answers': 'recommendNeedsAnswers' } as const;

/** The five questions as of today, and the decisions recorded so far. */
export function renderGonogo(view: View): HTMLElement {
  const { gonogo, decisions } = view.state.summary;
  const questions = h('ol', { class: 'questions', id: 'gonogo-questions' });
  for (const q of gonogo.questions) {
    const [iconName, labelKey] = VERDICT[q.verdict];
    const label = t(labelKey);
    const reasons = h('ul', { class: 'question-reasons' });
    for (const r of q.reasons) reasons.append(h('li', {}, r));
    questions.append(
      h(
        'li',
        { class: `question verdict-${q.verdict}`, 'data-question': q.id },
        h(
          'details',
          {},
          h('summary', {}, h('span', { class: 'question-icon', title: label }, icon(iconName)), h('span', { class: 'question-text' }, q.question), h('span', { class: 'visually-hidden' }, ` ${label}`)),
          reasons,
        ),
      ),
    );
  }
  const history = h('ol', { class: 'decisions', id: 'decisions' });
  for (const d of [...decisions].sort((a, b) => b.date.localeCompare(a.date))) {
    const kind = /^go$/i.test(d.decision) ? 'go' : /no.?go/i.test(d.decision) ? 'no-go' : 'other';
    history.append(
      h(
        'li',
        { class: `decision decision-${kind}` },
        h('time', { datetime: d.date }, shortDate(d.date, true)),
        h('span', { class: 'decision-label' }, decisionLabel(d.decision)),
        h('span', { class: 'muted' }, t('decidedBy', d.decidedBy || '—')),
        d.reason ? h('span', { class: 'decision-reason' }, d.reason) : null,
      ),
    );
  }
  return section(
    'gonogo',
    t('gonogo'),
    'law',
    gonogo.shipped
      ? h('div', { class: 'subtle-row' }, h('span', { class: 'recommendation rec-history', id: 'recommendation' }, t('gonogoIsHistory')), h('span', { class: 'muted' }, gonogo.shipped.message))
      : h('div', { class: 'subtle-row' }, h('span', { class: `recommendation rec-${gonogo.recommendation}`, id: 'recommendation' }, t(RECOMMENDATION[gonogo.recommendation])), h('span', { class: 'muted' }, gonogo.recordDate ? t('answersRecorded', shortDate(gonogo.recordDate, true)) : t('recommendationFromPlan'))),
    gonogo.veto ? h('p', { class: 'veto', id: 'veto' }, icon('error'), h('span', {}, t('vetoStays', `${gonogo.veto.message}${/[.!?…]$/.test(gonogo.veto.message) ? '' : '.'}`))) : null,
    questions,
    h('h3', {}, t('history')),
    decisions.length ? history : h('p', { class: 'muted empty', id: 'decisions' }, t('noDecision')),
  );
}

/** A recorded decision as a label: GO and NO-GO in the display language, anything else as written. */
function decisionLabel(decision: string): string {
  const upper = decision.toUpperCase();
  return upper === 'GO' ? t('recommendGo') : upper === 'NO-GO' ? t('recommendNoGo') : upper;
}
