// "Scope over time" as the dashboard host builds it inside VS Code: the basic fixture is a git
// repository (scripts/testbed/lib.mjs makeFixtureRepository: Ana Lima started the plan with T1 on
// 2099-05-04, Bo Chen added T2 on 2099-05-20), read through VS Code's Git extension; the second
// folder is not a repository, and its dashboard says so instead of drawing an empty chart. (The
// page itself, with a late addition, is checked with Playwright in ui/checks.mjs.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DashboardPanel } from '../../../src/extension/dashboard/dashboardPanel';
import type { DashboardState } from '../../../src/shared/protocol';
import { api, waitFor } from './helpers';

type PlanState = Extract<DashboardState, { kind: 'plan' }>;

describe('Scope over time on the dashboard (host side)', function () {
  this.timeout(60_000);
  const panels: DashboardPanel[] = [];

  async function open(index: number): Promise<DashboardPanel> {
    await api();
    const folder = vscode.workspace.workspaceFolders![index]!;
    const panel = await vscode.commands.executeCommand<DashboardPanel>('releasePlan.openDashboard', { folder: folder.uri });
    panels.push(panel);
    await panel.receive({ type: 'ready' });
    return panel;
  }

  after(() => {
    for (const panel of panels) panel.dispose();
  });

  it('the basic fixture: open tasks by day from its two commits, the days between carried, no late addition, the history ready', async () => {
    const panel = await open(0);
    const state = await waitFor(() => {
      const shown = panel.lastState;
      return shown?.kind === 'plan' && shown.scope.known && shown.history?.state === 'ready' ? (shown as PlanState) : undefined;
    }, 'the dashboard state to have the scope from git', 45_000);
    const scope = state.scope;
    assert.ok(scope.known);
    assert.deepEqual(
      scope.days.filter((day) => day.source !== 'carried').map((day) => [day.date, day.openTasks, day.openEstimate, day.source, day.author]),
      [
        ['2099-05-04', 1, 0, 'commit', 'Ana Lima'],
        ['2099-05-20', 2, 0, 'commit', 'Bo Chen'],
      ],
    );
    assert.equal(scope.days.length, 17, 'every day from 4 to 20 May');
    assert.deepEqual([scope.release, scope.uncommitted, scope.lateAdditions, scope.freezeScope, scope.freezeFeatures], ['basic-v1', false, [], undefined, undefined]);
  });

  it('the second folder is not a git repository: no scope data, and the state says why', async () => {
    const panel = await open(1);
    const state = await waitFor(() => {
      const shown = panel.lastState;
      return shown?.kind === 'plan' && shown.history?.state === 'unavailable' ? (shown as PlanState) : undefined;
    }, 'the dashboard state to say why there is no history', 45_000);
    assert.deepEqual(state.history, { state: 'unavailable', why: 'no-repository' });
    assert.deepEqual(state.scope, { known: false, why: 'no-history' });
    assert.equal(state.summary.name, 'second-v1');
  });
});
