import './vscode-stub'; // first: makes require('vscode') the stub
import assert from 'node:assert/strict';
import { restoredFolder } from '../../src/extension/dashboard/dashboardManager';
import { dashboardState } from '../../src/shared/dashboardState';

const folder = (name: string, uri: string) => ({ name, uri: { toString: () => uri } });

describe('a restored dashboard finds its own folder', () => {
  const api = folder('api', 'file:///work/shop/api');
  const otherApi = folder('api', 'file:///work/admin/api');
  const web = folder('web', 'file:///work/shop/web');

  it('by URI, even when two folders of the workspace share a name', () => {
    assert.equal(restoredFolder([api, otherApi, web], 'file:///work/admin/api'), otherApi);
    assert.equal(restoredFolder([api, otherApi, web], 'file:///work/shop/api'), api);
  });

  it('by a name saved before URIs only when one folder has it, never by guessing between two', () => {
    assert.equal(restoredFolder([api, web], 'api'), api);
    assert.equal(restoredFolder([api, otherApi, web], 'api'), undefined);
  });

  it('in a one-folder workspace, that folder; else nothing', () => {
    assert.equal(restoredFolder([web], 'file:///gone'), web);
    assert.equal(restoredFolder([api, web], 'file:///gone'), undefined);
    assert.equal(restoredFolder([], undefined), undefined);
  });

  it('the page is told which folder it shows (its URI), not only its name', () => {
    const state = dashboardState('api', undefined, 0, 'file:///work/admin/api');
    assert.deepEqual(state, { kind: 'no-plan', folder: 'api', folderUri: 'file:///work/admin/api' });
  });
});
