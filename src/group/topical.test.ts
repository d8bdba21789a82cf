import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unitVector } from './topical.ts';

/** The kept terms by a full sort: weight descending, then lower term first. */
function keptBySort(terms: Uint32Array, weights: Float64Array, limit: number): number[] {
  const order = Array.from(terms.keys()).sort(
    (x, y) => (weights[y] as number) - (weights[x] as number) || x - y,
  );
  return order
    .slice(0, limit)
    .sort((x, y) => x - y)
    .map((i) => terms[i] as number);
}

test('unitVector(terms, weights, limit) keeps the limit highest weights, lower terms first among ties', () => {
  const terms = Uint32Array.from([2, 3, 5, 7, 11, 13, 17, 19]);
  const weights = Float64Array.from([1, 4, 2, 4, 4, 0.5, 2, 3]);
  const v = unitVector(terms, weights, 3);
  // 4, 4, 4 fill the three places; with limit 4 the next is 3 (term 19).
  assert.deepEqual(Array.from(v.terms), [3, 7, 11]);
  assert.deepEqual(Array.from(unitVector(terms, weights, 4).terms), [3, 7, 11, 19]);
  // Two of the three 4s fit: the lower terms.
  assert.deepEqual(Array.from(unitVector(terms, weights, 2).terms), [3, 7]);
  // Ties at the cut among the 2s: term 5 before term 17.
  assert.deepEqual(Array.from(unitVector(terms, weights, 5).terms), [3, 5, 7, 11, 19]);
});

test('unitVector(terms, weights, limit) keeps what a full sort would keep, at unit length', () => {
  let seed = 7;
  const next = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  for (let round = 0; round < 300; round++) {
    const length = 1 + Math.floor(next() * 300);
    const terms = Uint32Array.from({ length }, (_, i) => 3 * i + 1);
    // Few distinct values in most rounds, so many weights tie at the cut.
    const levels = round % 3 === 0 ? 1000 : 1 + (round % 7);
    const weights = Float64Array.from({ length }, () => (1 + Math.floor(next() * levels)) / 3);
    const limit = 1 + Math.floor(next() * 120);
    const v = unitVector(terms, weights, limit);
    assert.deepEqual(Array.from(v.terms), keptBySort(terms, weights, limit));
    let norm = 0;
    for (const w of v.weights) norm += w * w;
    assert.ok(Math.abs(norm - 1) < 1e-5, `norm ${norm}`);
  }
});
