import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minhash, minhashSimilarity } from './minhash.ts';
import { mix32 } from './word-hash.ts';

const set = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => mix32(from + i));

test('minhashSimilarity(minhash(a), minhash(b)) estimates the Jaccard similarity of two sets', () => {
  // |a ∩ b| = 500, |a ∪ b| = 1500: Jaccard 1/3.
  const a = minhash(set(0, 1000), 256);
  const b = minhash(set(500, 1500), 256);
  const estimate = minhashSimilarity(a, b);
  assert.ok(Math.abs(estimate - 1 / 3) < 0.08, `estimate ${estimate}`);
  assert.equal(minhashSimilarity(a, a), 1);
  assert.ok(minhashSimilarity(a, minhash(set(5000, 6000), 256)) < 0.05);
});

test('minhash(hashes) fills every bin even for a few hashes, the same for the same set in any order', () => {
  const few = set(0, 5);
  const sig = minhash(few, 64);
  assert.equal(sig.length, 64);
  assert.deepEqual(minhash([...few].reverse(), 64), sig);
  assert.deepEqual(minhash([], 64), []);
  assert.equal(minhashSimilarity([], sig), 0);
});
