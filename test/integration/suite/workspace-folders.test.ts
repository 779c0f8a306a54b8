// No ghosts and no double work: a removed folder or a deleted file stops counting at once, and a
// write runs one check. Runs last (sorted by name): it removes and re-adds a workspace folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, file, readText, Snapshot, waitFor } from './helpers';

describe('no ghosts, no double checks', function () {
  this.timeout(30_000);
  const snapshot = new Snapshot();
  let today: string;

  before(async () => {
    today = (await api()).store.today();
    await snapshot.take(file('.release/release.yaml'), file(`.release/gonogo/${today}.yaml`));
  });
  afterEach(() => snapshot.restore());

  it('a deleted go/no-go record whose tab stays open no longer counts (its veto goes with it)', async () => {
    const { tree } = await api();
    const record = file(`.release/gonogo/${today}.yaml`);
    await vscode.workspace.fs.writeFile(record, new TextEncoder().encode('decision: no-go\ndecided_by: Ana\nreason: deleted soon\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(record), { preview: false });
    const goNode = () => tree.getChildren()[0]?.children?.find((c) => c.label === 'Go/No-Go')?.description;
    await waitFor(() => goNode()?.startsWith('Vetoed by Ana'), 'the veto in the tree');
    await vscode.workspace.fs.delete(record);
    await waitFor(() => { const d = goNode(); return typeof d === 'string' && !d.includes('Vetoed'); }, 'the veto to go with the deleted file, although its tab is open');
    assert.ok(vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === record.toString()), 'the tab is still open');
  });

  it('a write runs one check, not two (a late file-watcher event changes nothing)', async () => {
    const { store } = await api();
    await store.settled();
    const basic = vscode.workspace.workspaceFolders![0]!;
    const release = file('.release/release.yaml');
    let checks = 0;
    const counting = store.onDidChange((folder) => {
      if (folder.uri.toString() === basic.uri.toString()) checks++;
    });
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(basic, '.release/release.yaml'));
    let seenOnDisk = false;
    watcher.onDidChange(() => { seenOnDisk = true; });
    try {
      assert.equal(await vscode.commands.executeCommand('releasePlan.setStatus', { folder: basic.uri, id: 'T2', status: 'doing' }), true);
      await waitFor(() => seenOnDisk, 'the file watcher to report the write');
      await store.settled();
      assert.match(await readText(release), /id: T2\n[^]*?status: doing/);
      assert.equal(checks, 1, `${checks} checks for one write`);
    } finally {
      counting.dispose();
      watcher.dispose();
    }
  });

  it('a folder removed while its check runs is not added back (no ghost root, no ghost diagnostics)', async () => {
    const { store, tree } = await api();
    await store.settled();
    const [, second] = vscode.workspace.workspaceFolders!;
    assert.ok(second, 'the test workspace has a second folder');
    const secondRelease = vscode.Uri.joinPath(second.uri, '.release', 'release.yaml');
    const removed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeWorkspaceFolders(() => { sub.dispose(); resolve(); });
    });
    const inFlight = store.refresh(second); // reads the folder's files...
    assert.ok(vscode.workspace.updateWorkspaceFolders(1, 1), 'the folder can be removed'); // ...while it goes away
    await removed;
    await inFlight;
    await store.settled();
    try {
      assert.deepEqual(store.all().map((plan) => plan.folder.name), ['basic']);
      assert.equal(tree.getChildren().length, 1, 'one root in the Release view');
      assert.deepEqual(vscode.languages.getDiagnostics(secondRelease).filter((d) => d.source === 'release-plan'), []);
    } finally {
      const added = new Promise<void>((resolve) => {
        const sub = vscode.workspace.onDidChangeWorkspaceFolders(() => { sub.dispose(); resolve(); });
      });
      vscode.workspace.updateWorkspaceFolders(1, 0, { uri: second.uri, name: second.name });
      await added;
      await waitFor(() => store.all().length === 2, 'the second folder to be checked again');
    }
  });
});
