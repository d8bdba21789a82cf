import assert from 'node:assert/strict';
import { test } from 'node:test';
import { winnow } from './winnow.ts';

test('winnow(hashes, w) keeps the minimum of every window, distinct and sorted', () => {
  const hashes = [77, 74, 42, 17, 98, 50, 17, 98, 8, 88, 67, 39, 77, 74, 42, 17, 98];
  const picked = Array.from(winnow(hashes, 4));
  for (let i = 0; i + 4 <= hashes.length; i++) {
    const min = Math.min(...hashes.slice(i, i + 4));
    assert.ok(picked.includes(min), `window ${i}`);
  }
  assert.deepEqual(
    picked,
    [...new Set(picked)].sort((a, b) => a - b),
  );
  assert.ok(picked.length < new Set(hashes).size);
});

test('winnow(hashes, w) finds a shared hash for any shared run as long as a window', () => {
  const run = [501, 902, 303, 704, 105, 606];
  const a = [11, 12, 13, ...run, 14, 15];
  const b = [91, 92, ...run, 93, 94, 95, 96];
  const shared = Array.from(winnow(a, 6)).filter((h) => winnow(b, 6).includes(h));
  assert.ok(shared.length >= 1);
});

test('winnow of fewer hashes than a window keeps their minimum; of none, nothing', () => {
  assert.deepEqual(Array.from(winnow([5, 3, 9], 10)), [3]);
  assert.deepEqual(Array.from(winnow([], 10)), []);
  assert.throws(() => winnow([1], 0), RangeError);
});
