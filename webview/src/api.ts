import type { WebviewMessage } from '../../src/shared/protocol';

/** What the webview keeps across reloads (vscode.setState): view choices, never plan data. */
export interface UiState {
  sort: { key: SortKey; dir: 'asc' | 'desc' };
  owner: string; // '' = every owner; NO_OWNER = tasks without one
  status: string; // '' = every status
  /** The folder (URI) of the release last shown, so a restored panel knows which release it was. */
  folder?: string;
}

export type SortKey = 'id' | 'title' | 'owner' | 'status' | 'kind' | 'risk' | 'estimate' | 'findings';
export const SORT_KEYS: readonly SortKey[] = ['id', 'title', 'owner', 'status', 'kind', 'risk', 'estimate', 'findings'];
export const NO_OWNER = '\u0000none';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const DEFAULT_UI: UiState = { sort: { key: 'id', dir: 'asc' }, owner: '', status: '' };

/** The one handle on the host: acquireVsCodeApi() may be called only once per page. */
export class Host {
  private readonly api: VsCodeApi = acquireVsCodeApi();
  ui: UiState;

  constructor() {
    this.ui = restore(this.api.getState());
  }

  post(message: WebviewMessage): void {
    this.api.postMessage(message);
  }

  saveUi(patch: Partial<UiState>): void {
    this.ui = { ...this.ui, ...patch };
    this.api.setState(this.ui);
  }
}

/** getState() comes back from a previous page; take only fields of the right shape. */
function restore(saved: unknown): UiState {
  const ui: UiState = { ...DEFAULT_UI, sort: { ...DEFAULT_UI.sort } };
  if (!saved || typeof saved !== 'object') return ui;
  const s = saved as Record<string, unknown>;
  const sort = s.sort as Record<string, unknown> | undefined;
  if (sort && typeof sort === 'object' && SORT_KEYS.includes(sort.key as SortKey) && (sort.dir === 'asc' || sort.dir === 'desc')) {
    ui.sort = { key: sort.key as SortKey, dir: sort.dir };
  }
  if (typeof s.owner === 'string') ui.owner = s.owner;
  if (typeof s.status === 'string') ui.status = s.status;
  if (typeof s.folder === 'string') ui.folder = s.folder;
  return ui;
}
