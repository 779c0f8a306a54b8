import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { DashboardState, HostMessage } from '../../src/shared/protocol';
import { Host } from './api';
import { h, icon } from './dom';
import { renderDashboard } from './dashboard';
import { renderBroken, renderNoPlan } from './sections/empty';

const host = new Host();
const app = document.getElementById('app') ?? document.body.appendChild(h('main', { id: 'app' }));
const notices = h('div', { class: 'notices', role: 'status' });

/** Renders one state; the `data-rendered` marker and the timing let tests and the bench wait for it. */
function render(state: DashboardState): void {
  const started = performance.now();
  app.removeAttribute('data-rendered');
  const content = state.kind === 'plan' ? renderDashboard(state, host) : state.kind === 'broken' ? renderBroken(state, host) : renderNoPlan(state);
  app.replaceChildren(notices, content);
  host.saveUi({ folder: state.folder });
  const ms = performance.now() - started;
  app.setAttribute('data-kind', state.kind);
  app.setAttribute('data-render-ms', ms.toFixed(2));
  app.setAttribute('data-rendered', String(state.kind === 'plan' ? state.generation : 0));
}

function notice(level: 'info' | 'warning', message: string): void {
  const close = h('button', { class: 'icon-button', type: 'button', title: 'Dismiss', 'aria-label': 'Dismiss' }, icon('close'));
  const item = h('div', { class: `notice notice-${level}` }, icon(level === 'warning' ? 'warning' : 'info'), h('span', { class: 'notice-text' }, message), close);
  close.addEventListener('click', () => item.remove());
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
