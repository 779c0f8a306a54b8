// A multi-root workspace: each folder with its own .release/ is its own release.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, diagnostic, waitFor } from './helpers';

describe('multi-root workspace', function () {
  this.timeout(30_000);

  it('checks each folder\'s plan on its own', async () => {
    const { store } = await api();
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(folders.map((f) => f.name), ['basic', 'second']);
    const second = vscode.Uri.joinPath(folders[1]!.uri, '.release', 'release.yaml');
    const basic = vscode.Uri.joinPath(folders[0]!.uri, '.release', 'release.yaml');
    const multiple = await waitFor(() => diagnostic(second, 'owner-multiple'), 'owner-multiple in the second folder');
    assert.equal(multiple.range.start.line, 13);
    assert.deepEqual(vscode.languages.getDiagnostics(second).filter((d) => d.source === 'release-plan').map(codeOf), ['owner-multiple']);
    assert.ok(!vscode.languages.getDiagnostics(basic).some((d) => codeOf(d) === 'owner-multiple'), 'findings stay in their folder');
    assert.deepEqual(store.all().map((p) => p.result.plan.release?.data.release), ['basic-v1', 'second-v1']);
  });
});
