import assert from 'node:assert/strict';
import { tMinus, tMinusShort } from '../../src/core/countdown';

describe('the one countdown wording (src/core/countdown.ts)', () => {
  it('reads the same in the Release view, the dashboard and (shortened) the status bar', () => {
    assert.deepEqual([9, 1, 0, -1, -3, undefined].map(tMinus), ['T-9 days', 'T-1 day', 'launch day', '1 day late', '3 days late', 'no target date']);
    assert.deepEqual([9, 0, -2, undefined].map(tMinusShort), ['T-9', 'launch day', '2 days late', 'no date']);
  });
});
