import { createPairMap } from './pair-map.ts';

/** A weighted edge between two items: `sum` is the total similarity over all member pairs. */
export interface LinkEdge {
  a: number;
  b: number;
  sum: number;
}

/** Edges as columns (`a[k]`, `b[k]`, `sum[k]` is edge k): no object per edge for large graphs. */
export interface LinkEdgeColumns {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  sum: ArrayLike<number>;
}

/**
 * Agglomerative clustering with average linkage over a sparse similarity
 * graph: repeatedly merge the two clusters with the highest mean pairwise
 * similarity while it is at least `threshold`; pairs with no edge count as
 * similarity 0. Items may stand for several members (`sizes`), with `sum`
 * the total over their member pairs (Lance-Williams update: sums add).
 * Ties break by lowest item index, so the result depends only on the input.
 * Returns clusters of item indexes, each sorted, ordered by first item.
 */
export function averageLink(
  sizes: readonly number[],
  edges: readonly LinkEdge[] | LinkEdgeColumns,
  threshold: number,
): number[][] {
  const n = sizes.length;
  const size = Float64Array.from(sizes);
  // Similarity sums by pair in one table, and each item's neighbours in a
  // linked list (entries of items merged away are skipped when read): no
  // JavaScript Map per item, whose deletes and re-inserts cost most of the
  // time at 100k articles. `degree` counts an item's live neighbours.
  const sums = createPairMap(1024);
  const degree = new Int32Array(n);
  const head = new Int32Array(n).fill(-1);
  let target = new Int32Array(1024);
  let next = new Int32Array(1024);
  let nodes = 0;
  const link = (x: number, y: number) => {
    if (nodes === target.length) {
      target = grown(target, new Int32Array(nodes * 2));
      next = grown(next, new Int32Array(nodes * 2));
    }
    target[nodes] = y;
    next[nodes] = head[x] as number;
    head[x] = nodes++;
  };
  const sumOf = (x: number, y: number): number => {
    const at = sums.find(Math.min(x, y), Math.max(x, y));
    return at < 0 ? 0 : sums.value(at);
  };
  // Set a pair's sum; a new pair links the two items as neighbours.
  const setSum = (x: number, y: number, value: number) => {
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    if (sums.find(a, b) < 0) {
      link(a, b);
      link(b, a);
      degree[a] = (degree[a] as number) + 1;
      degree[b] = (degree[b] as number) + 1;
    }
    sums.set(a, b, value);
  };
  const addEdge = (a: number, b: number, sum: number) => {
    if (a === b) return;
    if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && a < n && b >= 0 && b < n)) {
      throw new RangeError(`Expected edge ends in 0..${n - 1}, got ${a}-${b}`);
    }
    setSum(a, b, sumOf(a, b) + sum);
  };
  if (Array.isArray(edges)) {
    for (const e of edges as readonly LinkEdge[]) addEdge(e.a, e.b, e.sum);
  } else {
    const { a, b, sum } = edges as LinkEdgeColumns;
    if (a.length !== b.length || a.length !== sum.length) {
      throw new RangeError(
        `Expected edge columns of one length, got ${a.length}, ${b.length} and ${sum.length}`,
      );
    }
    for (let k = 0; k < a.length; k++) addEdge(a[k] as number, b[k] as number, sum[k] as number);
  }
  const alive = new Uint8Array(n).fill(1);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const heap = createHeap();
  const mean = (a: number, b: number): number =>
    sumOf(a, b) / ((size[a] as number) * (size[b] as number));
  const offer = (x: number, y: number, avg: number) => {
    if (avg >= threshold) heap.push(avg, Math.min(x, y), Math.max(x, y));
  };
  for (let e = 0; e < sums.size(); e++) {
    const a = sums.first(e);
    const b = sums.second(e);
    offer(a, b, mean(a, b));
  }
  // Lazy heap: an entry may overstate a pair's mean (a side grew since), never
  // understate it (a pair whose mean can rise gets a fresh entry). So the
  // top entry, once checked against the current mean, is the best pair.
  while (heap.pop()) {
    const a = heap.topA;
    const b = heap.topB;
    if (!alive[a] || !alive[b]) continue;
    const current = mean(a, b);
    if (current !== heap.topAvg) {
      offer(a, b, current);
      continue;
    }
    // The side with more neighbours survives: merging the smaller side keeps
    // the work per merge bounded by it.
    const keepA =
      (degree[a] as number) > (degree[b] as number) || (degree[a] === degree[b] && a < b);
    const keep = keepA ? a : b;
    const gone = keepA ? b : a;
    alive[gone] = 0;
    parent[gone] = keep;
    // keep loses its neighbour gone.
    degree[keep] = (degree[keep] as number) - 1;
    size[keep] = (size[keep] as number) + (size[gone] as number);
    for (let p = head[gone] as number; p !== -1; p = next[p] as number) {
      const c = target[p] as number;
      if (c === keep || !alive[c]) continue;
      // c loses its neighbour gone (and may gain keep).
      degree[c] = (degree[c] as number) - 1;
      setSum(keep, c, sumOf(keep, c) + sumOf(gone, c));
      // Its mean may have risen: a fresh entry.
      offer(keep, c, mean(keep, c));
    }
  }
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g === undefined) groups.set(r, [i]);
    else g.push(i);
  }
  return [...groups.values()];
}

/**
 * Max-heap of (mean, a, b) by mean, then lowest a, then lowest b: a total
 * order, so the merge sequence is fully determined. In typed arrays: the
 * merging of a 100k-article batch pushes millions of entries.
 */
function createHeap() {
  let cap = 1024;
  let avgs = new Float64Array(cap);
  let as = new Int32Array(cap);
  let bs = new Int32Array(cap);
  let size = 0;
  const before = (x: number, y: number): boolean => {
    const ax = avgs[x] as number;
    const ay = avgs[y] as number;
    if (ax !== ay) return ax > ay;
    if (as[x] !== as[y]) return (as[x] as number) < (as[y] as number);
    return (bs[x] as number) < (bs[y] as number);
  };
  const swap = (x: number, y: number) => {
    const avg = avgs[x] as number;
    avgs[x] = avgs[y] as number;
    avgs[y] = avg;
    const a = as[x] as number;
    as[x] = as[y] as number;
    as[y] = a;
    const b = bs[x] as number;
    bs[x] = bs[y] as number;
    bs[y] = b;
  };
  const heap = {
    /** The entry `pop` took off. */
    topAvg: 0,
    topA: 0,
    topB: 0,
    push(avg: number, a: number, b: number) {
      if (size === cap) {
        cap *= 2;
        avgs = grown(avgs, new Float64Array(cap));
        as = grown(as, new Int32Array(cap));
        bs = grown(bs, new Int32Array(cap));
      }
      avgs[size] = avg;
      as[size] = a;
      bs[size] = b;
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!before(i, p)) break;
        swap(i, p);
        i = p;
      }
    },
    /** Take the top entry off into topAvg, topA, topB; false when empty. */
    pop(): boolean {
      if (size === 0) return false;
      heap.topAvg = avgs[0] as number;
      heap.topA = as[0] as number;
      heap.topB = bs[0] as number;
      size--;
      if (size > 0) {
        avgs[0] = avgs[size] as number;
        as[0] = as[size] as number;
        bs[0] = bs[size] as number;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < size && before(l, m)) m = l;
          if (r < size && before(r, m)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
      return true;
    },
  };
  return heap;
}

function grown<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
