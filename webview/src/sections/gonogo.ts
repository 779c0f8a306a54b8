import { section } from '../dashboard';
import type { View } from '../context';
import { h, icon } from '../dom';
import { shortDate } from '../format';

const VERDICT = { pass: ['pass-filled', 'Pass'], fail: ['error', 'Fail'], 'needs-answer': ['question', 'Needs an answer'] } as const;
const RECOMMENDATION = { go: 'GO', 'no-go': 'NO-GO', 'needs-answers': 'Needs answers' } as const;

/** The five questions as of today, and the decisions recorded so far. */
export function renderGonogo(view: View): HTMLElement {
  const { gonogo, decisions } = view.state.summary;
  const questions = h('ol', { class: 'questions', id: 'gonogo-questions' });
  for (const q of gonogo.questions) {
    const [iconName, label] = VERDICT[q.verdict];
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
        h('span', { class: 'decision-label' }, d.decision.toUpperCase()),
        h('span', { class: 'muted' }, d.decidedBy ? `decided by ${d.decidedBy}` : 'decided by —'),
        d.reason ? h('span', { class: 'decision-reason' }, d.reason) : null,
      ),
    );
  }
  return section(
    'gonogo',
    'Go / No-Go',
    'law',
    h('div', { class: 'subtle-row' }, h('span', { class: `recommendation rec-${gonogo.recommendation}`, id: 'recommendation' }, RECOMMENDATION[gonogo.recommendation]), h('span', { class: 'muted' }, gonogo.recordDate ? `answers recorded ${shortDate(gonogo.recordDate, true)}` : 'recommendation from the plan')),
    gonogo.veto ? h('p', { class: 'veto', id: 'veto' }, icon('error'), h('span', {}, `${gonogo.veto.message}${/[.!?…]$/.test(gonogo.veto.message) ? '' : '.'} It stays no-go until a later go/no-go record says go.`)) : null,
    questions,
    h('h3', {}, 'History'),
    decisions.length ? history : h('p', { class: 'muted empty', id: 'decisions' }, 'No go/no-go decision recorded yet.'),
  );
}
