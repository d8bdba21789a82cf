import assert from 'node:assert/strict';
import { test } from 'node:test';
import { averageLink } from './average-link.ts';

test('averageLink(sizes, edges, t) merges while the mean similarity reaches t, not by a single link', () => {
  // 0-1 and 2-3 are close; 1-2 is one strong link between two pairs.
  const edges = [
    { a: 0, b: 1, sum: 0.9 },
    { a: 2, b: 3, sum: 0.9 },
    { a: 1, b: 2, sum: 0.8 },
  ];
  // Mean over the 4 cross pairs is 0.8 / 4 = 0.2.
  assert.deepEqual(averageLink([1, 1, 1, 1], edges, 0.5), [
    [0, 1],
    [2, 3],
  ]);
  assert.deepEqual(averageLink([1, 1, 1, 1], edges, 0.15), [[0, 1, 2, 3]]);
});

test('averageLink weighs items standing for several members by their size', () => {
  // Item 0 is 3 copies; an edge sum covers all member pairs.
  const clusters = averageLink([3, 1], [{ a: 0, b: 1, sum: 3 * 0.4 }], 0.4);
  assert.deepEqual(clusters, [[0, 1]]);
  assert.deepEqual(averageLink([3, 1], [{ a: 0, b: 1, sum: 0.4 }], 0.4), [[0], [1]]);
});

test('averageLink rejects an edge to an item that does not exist', () => {
  assert.throws(() => averageLink([1], [{ a: 0, b: 3, sum: 1 }], 0.1), RangeError);
});
