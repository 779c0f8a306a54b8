import { section } from '../dashboard';
import { openLocation, type View } from '../context';
import { h, icon, on } from '../dom';
import { shortDate } from '../format';
import { t } from '../l10n';

/** What was cut from this release, why, who asked for it, and whether they were told. */
export function renderParked(view: View): HTMLElement {
  const { parked } = view.state.summary;
  if (parked.length === 0) return section('parked', t('parked'), 'archive', h('p', { class: 'muted empty' }, t('parkedEmpty')));
  const list = h('ul', { class: 'parked-list', id: 'parked-list' });
  for (const item of parked) {
    const told = item.told
      ? h('span', { class: 'told yes' }, icon('mail-read'), t('told', shortDate(item.told, true)))
      : h('span', { class: 'told no' }, icon('mail'), t('notToldYet'));
    const actions = h('span', { class: 'row-actions' });
    if (!item.told) {
      const mark = h('vscode-button', { secondary: true, icon: 'mail-read', 'data-action': 'mark-told' }, t('markTold'));
      on(mark, 'click', () => view.host.post({ type: 'markTold', generation: view.state.generation, parkedIndex: item.index }));
      actions.append(mark);
    }
    const open = h('button', { type: 'button', class: 'icon-button', 'data-action': 'open', title: t('openInEditor'), 'aria-label': t('openInEditor') }, icon('go-to-file'));
    on(open, 'click', () => openLocation(view.host, item.location));
    actions.append(open);
    list.append(
      h(
        'li',
        { class: `parked-item${item.told ? '' : ' untold'}`, 'data-parked-index': item.index },
        h('div', { class: 'parked-main' }, h('span', { class: 'parked-title' }, item.title), h('span', { class: 'parked-reason' }, item.reason ?? t('noReason'))),
        h('div', { class: 'parked-meta' }, h('span', { class: 'asked-by' }, icon('person'), item.askedBy ?? t('askedByUnknown')), told, actions),
      ),
    );
  }
  return section('parked', t('parked'), 'archive', list);
}
