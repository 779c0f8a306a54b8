import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { DashboardState, HostMessage } from '../../src/shared/protocol';
import { Host } from './api';
import { h, icon, on } from './dom';
import { t } from './l10n';
import { Dashboard } from './dashboard';
import { keepFocus, keepScroll, morph } from './patch';
import { renderBroken, renderNoPlan } from './sections/empty';

const host = new Host();
const app = document.getElementById('app') ?? document.body.appendChild(h('main', { id: 'app' }));
const notices = h('div', { class: 'notices', role: 'status' });

/**
 * The dashboard is built once and patched by every later state, so what the user is doing (the
 * focused control, a caret in a half-typed owner, the scroll position, open forms) survives the
 * re-checks that their own edits and everyone else's cause. While the plan cannot be read it is
 * kept aside, forms and all, and comes back when the plan does.
 */
let dashboard: Dashboard | undefined;
/** What #app shows besides the notices. */
let shown: { kind: DashboardState['kind']; el: HTMLElement } | undefined;

/** Renders one state; the `data-rendered` marker and the timing let tests and the bench wait for it. */
function render(state: DashboardState): void {
  const started = performance.now();
  app.removeAttribute('data-rendered');
  const restoreFocus = keepFocus();
  keepScroll();
  let content: HTMLElement;
  if (state.kind === 'plan') {
    // Another folder's plan is another release: its tasks are not these, even where ids match.
    if (dashboard?.folderUri !== state.folderUri) dashboard = new Dashboard(host, state.folderUri, notice);
    dashboard.update(state);
    content = dashboard.el;
  } else {
    const fresh = state.kind === 'broken' ? renderBroken(state, host) : renderNoPlan(state);
    content = shown?.kind === state.kind ? morph(shown.el, fresh) : fresh;
  }
  if (content.parentNode !== app) {
    if (shown?.el.parentNode === app) app.replaceChild(content, shown.el);
    else app.replaceChildren(notices, content);
  }
  if (!notices.isConnected) app.prepend(notices);
  shown = { kind: state.kind, el: content };
  restoreFocus();
  host.saveUi({ folder: state.folderUri });
  const ms = performance.now() - started;
  app.setAttribute('data-kind', state.kind);
  app.setAttribute('data-render-ms', ms.toFixed(2));
  app.setAttribute('data-rendered', String(state.kind === 'plan' ? state.generation : 0));
}

function notice(level: 'info' | 'warning', message: string): void {
  const close = h('button', { class: 'icon-button', type: 'button', title: t('dismiss'), 'aria-label': t('dismiss') }, icon('close'));
  const item = h('div', { class: `notice notice-${level}` }, icon(level === 'warning' ? 'warning' : 'info'), h('span', { class: 'notice-text' }, message), close);
  on(close, 'click', () => item.remove());
  notices.append(item);
  while (notices.childElementCount > 3) notices.firstElementChild?.remove();
  if (!notices.isConnected) app.prepend(notices);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as HostMessage | undefined;
  if (!message || typeof message !== 'object') return;
  if (message.type === 'state' && message.state && typeof message.state === 'object') render(message.state);
  else if (message.type === 'notice' && typeof message.message === 'string') notice(message.level === 'warning' ? 'warning' : 'info', message.message);
});

host.post({ type: 'ready' });
