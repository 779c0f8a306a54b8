// The Getting Started walkthrough's side in the extension, through the real API: its context keys
// and ticks follow the real plan store as the plan is edited, the step ids it ticks are the ones
// VS Code registered, and the first-run logic opens VS Code's walkthrough page once, in a folder
// without a plan. (The UI checks open it in the workbench, see the ticks and tick a step by its
// button: what the page shows is only visible there.)
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openOnce, SHOWN_KEY, vscodeDeps, WalkthroughContext, walkthroughFullId, walkthroughStepId } from '../../../src/extension/walkthroughContext';
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

/**
 * Every open tab of VS Code's Getting Started page (the API does not type its input: undefined).
 * VS Code 1.139 names the tab "Welcome" even when it shows an extension's walkthrough: the page
 * learns the walkthrough's title ("Walkthrough: <display name>") after it told the tab its name,
 * and tells it no more (the workbench's own tab reads "Welcome" too; see the UI check).
 */
function gettingStartedTabs(displayName: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input === undefined && (tab.label === 'Welcome' || tab.label === `Walkthrough: ${displayName}`));
}

/** All open tabs, for a failure message. */
function tabLabels(): string {
  return JSON.stringify(vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.label));
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

  it('its context keys and ticks follow the plan store: T1 gets one owner, allOwned turns true and step 3 is ticked; back to a team, false', async () => {
    const { store } = await api();
    const set: [string, boolean][] = [];
    const ticked: string[] = [];
    const context = new WalkthroughContext(store, { extension: { id: extensionId }, globalState: memento() }, {
      ...vscodeDeps,
      setContext: async (key, value) => void set.push([key, value]),
      markStepComplete: async (id) => void ticked.push(id),
      folders: () => [], // no first-run here
    });
    const step = (id: string) => walkthroughStepId(extensionId, id);
    try {
      // Both fixtures: one problem sentence each, a team or two people as an owner, a rehearsed runbook.
      assert.deepEqual(set, [['releasePlan.problemStated', true], ['releasePlan.allOwned', false], ['releasePlan.rollbackRehearsed', true]]);
      assert.deepEqual(ticked, [step('createPlan'), step('stateProblem'), step('rehearseRollback')]);
      const original = await readText(release());
      assert.ok(original.includes('owner: backend team'));
      await setText(release(), original.replace('owner: backend team', 'owner: Cy'));
      await waitFor(() => set.some(([key, value]) => key === 'releasePlan.allOwned' && value), 'allOwned to be set true after T1 got one owner');
      assert.deepEqual(ticked.slice(3), [step('assignOwners')], 'step 3 ticked when T1 got one owner');
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

  it('its full id is the one VS Code registered the walkthrough under (the ids it opens and ticks)', async function () {
    // VS Code registers extension walkthroughs lazily, after waiting up to 5 s for its experiment
    // service. welcome.markStepIncomplete refuses, every time, a step id it has not registered
    // ("Attempting to access step which does not exist"); markStepComplete would not tell (it
    // stores the tick before it looks the step up). Step 5 is the probe: unticking it changes
    // nothing the extension sets (it ticks when the go/no-go runs; the UI check unticks it too).
    this.timeout(40_000);
    const untick = (id: string) => vscode.commands.executeCommand('welcome.markStepIncomplete', id).then(() => 'registered', (error: unknown) => String(error));
    const probe = walkthroughStepId(extensionId, 'runGonogo');
    let answer = '';
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
      answer = await untick(probe);
      if (answer === 'registered') break;
    }
    assert.equal(answer, 'registered', `VS Code knows ${probe}`);
    // It can fail: an id VS Code does not know is refused.
    assert.match(await untick(`${walkthroughFullId(extensionId)}#noSuchStep`), /does not exist/);
  });

  it('opens VS Code\'s walkthrough page in a folder without a plan (in front, in the active group); once', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'release-plan-no-plan-'));
    const state = memento();
    const host = { extension: { id: extensionId }, globalState: state };
    const deps = { ...vscodeDeps, folders: () => [{ uri: vscode.Uri.file(folder) }] };
    try {
      assert.deepEqual(gettingStartedTabs(displayName), [], `no Getting Started page open before: ${tabLabels()}`);
      assert.equal(await openOnce(host, deps), true);
      assert.equal(state.get(SHOWN_KEY), true, 'remembered in globalState');
      const [tab] = await waitFor(() => gettingStartedTabs(displayName).length === 1 && gettingStartedTabs(displayName), `the Getting Started page's tab ("Welcome" or "Walkthrough: ${displayName}")`).catch((error: Error) => {
        throw new Error(`${error.message}; the tabs: ${tabLabels()}`);
      });
      assert.ok(tab?.isActive, 'in front');
      assert.ok(tab?.group.isActive, 'in the active group, not to the side');
      assert.equal(await openOnce(host, deps), false, 'not a second time');
      assert.equal(gettingStartedTabs(displayName).length, 1);
    } finally {
      for (const tab of gettingStartedTabs(displayName)) await vscode.window.tabGroups.close(tab);
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
