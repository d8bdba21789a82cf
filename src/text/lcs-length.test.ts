import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lcsLength } from './lcs-length.ts';

test('lcsLength(a, b) counts the words two sequences keep in the same order', () => {
  assert.equal(lcsLength(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd']), 3);
  assert.equal(lcsLength(['a', 'b', 'c'], ['c', 'b', 'a']), 1);
  assert.equal(lcsLength(['a', 'b'], ['a', 'b']), 2);
});

test('lcsLength(a, b) is symmetric and 0 when either side is empty', () => {
  const a = ['the', 'group', 'said', 'on', 'thursday'];
  const b = ['on', 'thursday', 'the', 'militant', 'group', 'said'];
  assert.equal(lcsLength(a, b), lcsLength(b, a));
  assert.equal(lcsLength(a, b), 3);
  assert.equal(lcsLength([], b), 0);
  assert.equal(lcsLength(a, []), 0);
});
