/** A weighted edge between two items: `sum` is the total similarity over all member pairs. */
export interface LinkEdge {
  a: number;
  b: number;
  sum: number;
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
  edges: readonly LinkEdge[],
  threshold: number,
): number[][] {
  const n = sizes.length;
  const size = Float64Array.from(sizes);
  const adj: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const e of edges) {
    if (e.a === e.b) continue;
    const m = adj[e.a];
    const o = adj[e.b];
    if (m === undefined || o === undefined) {
      throw new RangeError(`Expected edge ends in 0..${n - 1}, got ${e.a}-${e.b}`);
    }
    m.set(e.b, (m.get(e.b) ?? 0) + e.sum);
    o.set(e.a, (o.get(e.a) ?? 0) + e.sum);
  }
  const alive = new Uint8Array(n).fill(1);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const heap = createHeap();
  const mean = (a: number, b: number): number =>
    ((adj[a] as Map<number, number>).get(b) ?? 0) / ((size[a] as number) * (size[b] as number));
  const offer = (x: number, y: number, avg: number) => {
    if (avg >= threshold) heap.push({ avg, a: Math.min(x, y), b: Math.max(x, y) });
  };
  for (let a = 0; a < n; a++) {
    for (const b of (adj[a] as Map<number, number>).keys()) if (a < b) offer(a, b, mean(a, b));
  }
  // Lazy heap: an entry may overstate a pair's mean (a side grew since), never
  // understate it (a pair whose mean can rise gets a fresh entry). So the
  // top entry, once checked against the current mean, is the best pair.
  for (let top = heap.pop(); top !== undefined; top = heap.pop()) {
    const { a, b } = top;
    if (!alive[a] || !alive[b]) continue;
    const current = mean(a, b);
    if (current !== top.avg) {
      offer(a, b, current);
      continue;
    }
    // The side with more neighbours survives: merging the smaller map keeps
    // the work per merge bounded by the smaller side.
    const keepA =
      (adj[a] as Map<number, number>).size > (adj[b] as Map<number, number>).size ||
      ((adj[a] as Map<number, number>).size === (adj[b] as Map<number, number>).size && a < b);
    const keep = keepA ? a : b;
    const gone = keepA ? b : a;
    alive[gone] = 0;
    parent[gone] = keep;
    const mk = adj[keep] as Map<number, number>;
    const mg = adj[gone] as Map<number, number>;
    mk.delete(gone);
    size[keep] = (size[keep] as number) + (size[gone] as number);
    for (const [c, s] of mg) {
      if (c === keep) continue;
      const mc = adj[c] as Map<number, number>;
      mc.delete(gone);
      const total = (mk.get(c) ?? 0) + s;
      mk.set(c, total);
      mc.set(keep, total);
      // Its mean may have risen: a fresh entry.
      offer(keep, c, mean(keep, c));
    }
    mg.clear();
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

interface Entry {
  avg: number;
  a: number;
  b: number;
}

// Max-heap by mean similarity, then lowest (a, b): a total order, so the
// merge sequence is fully determined.
function before(x: Entry, y: Entry): boolean {
  if (x.avg !== y.avg) return x.avg > y.avg;
  if (x.a !== y.a) return x.a < y.a;
  return x.b < y.b;
}

function createHeap() {
  const items: Entry[] = [];
  return {
    push(e: Entry) {
      items.push(e);
      let i = items.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!before(items[i] as Entry, items[p] as Entry)) break;
        [items[i], items[p]] = [items[p] as Entry, items[i] as Entry];
        i = p;
      }
    },
    pop(): Entry | undefined {
      const top = items[0];
      const last = items.pop();
      if (items.length > 0 && last !== undefined) {
        items[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < items.length && before(items[l] as Entry, items[m] as Entry)) m = l;
          if (r < items.length && before(items[r] as Entry, items[m] as Entry)) m = r;
          if (m === i) break;
          [items[i], items[m]] = [items[m] as Entry, items[i] as Entry];
          i = m;
        }
      }
      return top;
    },
  };
}
