import type { DashboardState } from '../../../src/shared/protocol';
import type { Host } from '../api';
import { openLocation } from '../context';
import { h, icon, on } from '../dom';
import { t, tNodes } from '../l10n';

type Broken = Extract<DashboardState, { kind: 'broken' }>;
type NoPlan = Extract<DashboardState, { kind: 'no-plan' }>;

export function renderNoPlan(state: NoPlan): HTMLElement {
  return h(
    'div',
    { class: 'empty-state', id: 'no-plan' },
    icon('rocket', 'empty-icon'),
    h('h1', {}, t('noPlanTitle')),
    h('p', {}, ...tNodes('noPlanWhere', h('code', {}, '.release/release.yaml'), h('code', { class: 'folder' }, state.folder || t('noPlanThisFolder')))),
    h('p', { class: 'muted' }, t('noPlanHint')),
  );
}

export function renderBroken(state: Broken, host: Host): HTMLElement {
  const first = state.findings[0];
  const openFile = h('vscode-button', { icon: 'go-to-file', id: 'open-release-file' }, t('openReleaseFile'));
  on(openFile, 'click', () =>
    host.post({ type: 'openLocation', file: first?.file ?? '.release/release.yaml', line: first?.line ?? 0, character: first?.character ?? 0 }),
  );
  const list = h('ul', { class: 'finding-list broken-findings' });
  for (const f of state.findings) {
    const open = h('button', { class: 'link-button', type: 'button', title: t('openFileAtLine', f.file, f.line + 1) }, `${f.file}:${f.line + 1}:${f.character + 1}`);
    on(open, 'click', () => openLocation(host, { file: f.file, range: { start: { line: f.line, character: f.character } } }));
    list.append(
      h('li', { class: `finding severity-${f.severity}` }, icon(f.severity === 'info' ? 'info' : f.severity), h('span', { class: 'finding-message' }, f.message), h('span', { class: 'finding-code' }, f.code), open),
    );
  }
  return h(
    'div',
    { class: 'empty-state broken', id: 'broken' },
    icon('error', 'empty-icon'),
    h('h1', {}, t('brokenTitle')),
    h('p', {}, state.findings.length === 1 ? t('brokenOne') : t('brokenMany', state.findings.length)),
    list,
    h('div', { class: 'actions' }, openFile),
  );
}
