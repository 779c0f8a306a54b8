import assert from 'node:assert/strict';
import { Disposable } from '../../src/extension/dispose';

class Owner extends Disposable {
  add(name: string, log: string[], fail = false) {
    return this._register({
      dispose: () => {
        log.push(name);
        if (fail) throw new Error(`${name} failed`);
      },
    });
  }
}

describe('the Disposable base (src/extension/dispose.ts)', () => {
  it('disposes what it owns once, newest first, even when one throws', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.add('listener', log);
    owner.add('emitter', log, true);
    owner.add('item', log);
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ['item', 'emitter', 'listener']);
  });

  it('disposes at once what is registered after disposal', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.dispose();
    owner.add('late', log);
    assert.deepEqual(log, ['late']);
  });
});
