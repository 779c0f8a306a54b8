// The Getting Started walkthrough's side in the extension, through the real API: its context keys
// follow the real plan store as the plan is edited, and the first-run logic opens the real
// walkthrough (contributes.walkthroughs, by its full id) once, in a folder without a plan.
// (The UI checks open it in the workbench and tick a step by its button.)
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openOnce, SHOWN_KEY, vscodeDeps, WalkthroughContext } from '../../../src/extension/walkthroughContext';
import { api, EXTENSION_ID, file, readText, setText, Snapshot, waitFor } from './helpers';

/** A globalState in memory: the test must not mark the real one as shown. */
function memento(): vscode.Memento & { setKeysForSync(keys: readonly string[]): void } {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T) => (values.has(key) ? (values.get(key) as T) : fallback) as T,
    update: async (key: string, value: unknown) => void values.set(key, value),
    setKeysForSync: () => undefined,
  };
}

/** Every open tab that shows a walkthrough of this extension ("Walkthrough: Release Plan"). */
function walkthroughTabs(displayName: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => !(tab.input instanceof vscode.TabInputText) && tab.label.includes(displayName));
}

describe('Getting Started walkthrough', function () {
  this.timeout(30_000);
  const release = () => file('.release/release.yaml');
  const snapshot = new Snapshot();
  let extensionId: string;
  let displayName: string;

  before(async () => {
    await api();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    extensionId = extension.id;
    // The page's title is the extension's display name, in the language of package.nls.json.
    const raw = String(extension.packageJSON.displayName);
    displayName = /^%.+%$/.test(raw) ? JSON.parse(readFileSync(path.join(extension.extensionPath, 'package.nls.json'), 'utf8'))[raw.slice(1, -1)] : raw;
    await snapshot.take(release());
  });
  after(() => snapshot.restore());

  it('its context keys follow the plan store: T1 gets one owner, allOwned turns true; back to a team, false', async () => {
    const { store } = await api();
    const set: [string, boolean][] = [];
    const context = new WalkthroughContext(store, { extension: { id: extensionId }, globalState: memento() }, {
      ...vscodeDeps,
      setContext: async (key, value) => void set.push([key, value]),
      folders: () => [], // no first-run here
    });
    try {
      // Both fixtures: one problem sentence each, a team or two people as an owner, a rehearsed runbook.
      assert.deepEqual(set, [['releasePlan.problemStated', true], ['releasePlan.allOwned', false], ['releasePlan.rollbackRehearsed', true]]);
      const original = await readText(release());
      assert.ok(original.includes('owner: backend team'));
      await setText(release(), original.replace('owner: backend team', 'owner: Cy'));
      await waitFor(() => set.some(([key, value]) => key === 'releasePlan.allOwned' && value), 'allOwned to be set true after T1 got one owner');
      await setText(release(), original.replace('problem: Customers cannot download their invoices as PDF.', 'problem: Customers cannot download invoices. Admins cannot export logs.').replace('owner: backend team', 'owner: Cy'));
      // The second folder still states its problem: "any folder" keeps problemStated true.
      await store.settled();
      assert.equal(set.filter(([key]) => key === 'releasePlan.problemStated').length, 1, 'problemStated set once, not again');
      await setText(release(), original);
      await waitFor(() => set.at(-1)?.[0] === 'releasePlan.allOwned' && set.at(-1)?.[1] === false, 'allOwned to be set false again');
      assert.equal(context.update().allOwned, false);
    } finally {
      context.dispose();
    }
  });

  it('opens the real walkthrough, by its full id, in a folder without a plan; once', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'release-plan-no-plan-'));
    const state = memento();
    const host = { extension: { id: extensionId }, globalState: state };
    const deps = { ...vscodeDeps, folders: () => [{ uri: vscode.Uri.file(folder) }] };
    try {
      assert.deepEqual(walkthroughTabs(displayName), [], 'no walkthrough open before');
      assert.equal(await openOnce(host, deps), true);
      assert.equal(state.get(SHOWN_KEY), true, 'remembered in globalState');
      // VS Code names the page after the walkthrough's extension only when it found the walkthrough.
      const [tab] = await waitFor(() => walkthroughTabs(displayName).length === 1 && walkthroughTabs(displayName), `a tab "Walkthrough: ${displayName}"`);
      assert.ok(tab?.isActive, 'opened in the active group, in front');
      assert.equal(await openOnce(host, deps), false, 'not a second time');
      assert.equal(walkthroughTabs(displayName).length, 1);
    } finally {
      for (const tab of walkthroughTabs(displayName)) await vscode.window.tabGroups.close(tab);
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('does not open it (nor remember anything) in this workspace, whose folders have a plan', async () => {
    const state = memento();
    let opened = 0;
    const result = await openOnce({ extension: { id: extensionId }, globalState: state }, { ...vscodeDeps, open: async () => void opened++ });
    assert.equal(result, false);
    assert.equal(opened, 0);
    assert.deepEqual(state.keys(), []);
  });
});
