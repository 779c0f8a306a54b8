import type { DashboardState, FindingView, WebviewMessage } from '../../src/shared/protocol';
import type { Host, UiState } from './api';

export type PlanState = Extract<DashboardState, { kind: 'plan' }>;
export type Task = PlanState['summary']['tasks'][number];
export type Location = Task['location'];

/** What every section gets: the state being shown and a way to act on it. */
export interface View {
  state: PlanState;
  host: Host;
  /** Findings per task index, computed once per state. */
  taskFindings: Map<number, FindingView[]>;
  /** Everybody the plan knows: team, owners and role holders, for the owner picker and filter. */
  people: string[];
}

export function post(host: Host, message: WebviewMessage): void {
  host.post(message);
}

export function openLocation(host: Host, location: { file: string; range: { start: { line: number; character: number } } }): void {
  host.post({ type: 'openLocation', file: location.file, line: location.range.start.line, character: location.range.start.character });
}

export type { UiState };
