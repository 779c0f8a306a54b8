// Which folder an agent's `folder` argument names (src/extension/lmTools.ts `planFor`): a name
// several open folders share is refused with their paths, never silently the first (review of issue 12).
import './vscode-stub'; // first: makes require('vscode') the stub
import assert from 'node:assert/strict';
import { planFor } from '../../src/extension/lmTools';
import type { FolderPlan, PlanStore } from '../../src/extension/planStore';

function folderPlan(name: string, path: string): FolderPlan {
  const uri = { scheme: 'file', path, fsPath: path, toString: () => `file://${path}` };
  return { folder: { name, uri, index: 0 } } as unknown as FolderPlan;
}

function storeOf(...plans: FolderPlan[]): PlanStore {
  return { settled: async () => undefined, all: () => plans } as unknown as PlanStore;
}

const text = (found: Awaited<ReturnType<typeof planFor>>) => ('error' in found ? found.error.text : undefined);
const chosen = (found: Awaited<ReturnType<typeof planFor>>) => ('plan' in found ? found.plan.folder.uri.path : undefined);

describe('Language Model Tools: the folder an input names', () => {
  const w1 = folderPlan('app', '/w1/app');
  const w2 = folderPlan('app', '/w2/app');
  const docs = folderPlan('Docs', '/w3/docs');

  it('refuses a name two open folders share (any letter case), listing their paths; a path picks one', async () => {
    const store = storeOf(w1, w2, docs);
    for (const folder of ['app', 'APP', 'app/']) {
      const found = await planFor(store, { folder });
      assert.equal(text(found), `Several open folders with a release plan are called "${folder.replace(/\/$/, '')}": /w1/app, /w2/app. Give the folder's path instead.`);
      assert.equal('error' in found && found.error.data.error, 'ambiguous-folder');
    }
    assert.equal(chosen(await planFor(store, { folder: '/w2/app' })), '/w2/app');
    assert.equal(chosen(await planFor(store, { folder: 'file:///w1/app' })), '/w1/app');
  });

  it('takes a unique name in any letter case, the exact case first, and names the folders when none matches', async () => {
    const store = storeOf(w1, docs, folderPlan('docs', '/w4/docs'));
    assert.equal(chosen(await planFor(store, { folder: 'app' })), '/w1/app');
    assert.equal(chosen(await planFor(store, { folder: 'APP' })), '/w1/app');
    assert.equal(chosen(await planFor(store, { folder: 'Docs' })), '/w3/docs');
    assert.equal(text(await planFor(store, { folder: 'DOCS' })), 'Several open folders with a release plan are called "DOCS": /w3/docs, /w4/docs. Give the folder\'s path instead.');
    assert.equal(text(await planFor(store, { folder: 'web' })), 'No open folder with a release plan is called "web". The folders with a plan: app, Docs, docs.');
  });
});
