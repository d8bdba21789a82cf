import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shingleHashes } from './shingle.ts';

test('shingleHashes(units, k) hashes each run of k units, order-sensitive', () => {
  const s = shingleHashes([1, 2, 3, 4, 5], 3);
  assert.equal(s.length, 3);
  assert.notEqual(s[0], shingleHashes([3, 2, 1], 3)[0]);
  assert.equal(s[1], shingleHashes([2, 3, 4], 3)[0]);
});

test('shingleHashes of fewer units than k gives one shorter shingle; of none, nothing', () => {
  assert.equal(shingleHashes([7, 8], 4).length, 1);
  assert.equal(shingleHashes([], 4).length, 0);
  assert.throws(() => shingleHashes([1], 0), RangeError);
});
