import assert from 'node:assert/strict';
import { check, codes } from './helpers';

describe('a clean plan', () => {
  it('has no findings', () => {
    assert.deepEqual(codes(check()), []);
  });
});
