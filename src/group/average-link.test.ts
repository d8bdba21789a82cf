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

test('averageLink takes edges as columns and gives what it gives for edge objects', () => {
  const edges = [
    { a: 0, b: 1, sum: 0.9 },
    { a: 2, b: 3, sum: 0.9 },
    { a: 1, b: 2, sum: 0.8 },
    { a: 3, b: 4, sum: 0.3 },
  ];
  const columns = {
    a: Int32Array.from(edges, (e) => e.a),
    b: Int32Array.from(edges, (e) => e.b),
    sum: Float64Array.from(edges, (e) => e.sum),
  };
  for (const t of [0.1, 0.15, 0.3, 0.5, 0.95]) {
    assert.deepEqual(
      averageLink([1, 1, 1, 1, 1], columns, t),
      averageLink([1, 1, 1, 1, 1], edges, t),
    );
  }
  assert.throws(() => averageLink([1, 1], { a: [0], b: [1], sum: [] }, 0.1), RangeError);
});

test('averageLink gives the clusters of naive average linkage on random graphs', () => {
  let seed = 11;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  for (let round = 0; round < 300; round++) {
    const n = 2 + Math.floor(random() * 12);
    const sizes = Array.from({ length: n }, () => 1 + Math.floor(random() * 3));
    const edges: { a: number; b: number; sum: number }[] = [];
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        if (random() < 0.4) {
          edges.push({ a, b, sum: random() * (sizes[a] as number) * (sizes[b] as number) });
        }
      }
    }
    const t = 0.1 + random() * 0.6;
    assert.deepEqual(
      averageLink(sizes, edges, t),
      naiveAverageLink(sizes, edges, t),
      `round ${round}`,
    );
  }
});

// Average linkage the slow, obvious way: recompute every mean from the edges.
function naiveAverageLink(
  sizes: number[],
  edges: { a: number; b: number; sum: number }[],
  t: number,
): number[][] {
  let clusters = sizes.map((_, i) => [i]);
  const weight = (c: number[]) => c.reduce((s, i) => s + (sizes[i] as number), 0);
  for (;;) {
    let best: { x: number; y: number; mean: number } | null = null;
    for (let x = 0; x < clusters.length; x++) {
      for (let y = x + 1; y < clusters.length; y++) {
        const cx = clusters[x] as number[];
        const cy = clusters[y] as number[];
        let sum = 0;
        for (const e of edges) {
          if ((cx.includes(e.a) && cy.includes(e.b)) || (cx.includes(e.b) && cy.includes(e.a))) {
            sum += e.sum;
          }
        }
        const mean = sum / (weight(cx) * weight(cy));
        if (mean >= t && (best === null || mean > best.mean)) best = { x, y, mean };
      }
    }
    if (best === null) break;
    const { x, y } = best;
    const merged = [...(clusters[x] as number[]), ...(clusters[y] as number[])].sort(
      (p, q) => p - q,
    );
    clusters = clusters.filter((_, k) => k !== x && k !== y).concat([merged]);
  }
  return clusters.sort((p, q) => (p[0] as number) - (q[0] as number));
}
