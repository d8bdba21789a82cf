import { createDocumentIndex, type MemoryIndexOptions } from './candidate-index.ts';
import { createPackedLists } from './packed-lists.ts';
import { createPairMap, type PairMap } from './pair-map.ts';
import { POSTING_VISIT_CAP, QUERY_TERMS, TOPICAL_CANDIDATES } from './thresholds.ts';
import { keyTerms, type TopicalVector } from './topical.ts';

const NONE = new Uint32Array(0);

/**
 * Topical edges between unit representatives (`reps`, ascending), found
 * through their key terms: each pair's topical similarity times the
 * sizes of the two units (the sum over their member pairs).
 */
export function topicalEdges(
  reps: readonly number[],
  vectorOf: (i: number) => TopicalVector,
  topicalOf: (i: number, j: number) => number,
  unitSize: Int32Array,
  indexOptions: MemoryIndexOptions | undefined,
): PairMap {
  const index = createDocumentIndex({ visitCap: POSTING_VISIT_CAP, ...indexOptions }, true);
  const indexTerms = indexOptions?.indexTerms ?? true;
  const keys = createPackedLists((k) => new Uint32Array(k));
  for (const r of reps) {
    const key = keyTerms(vectorOf(r), QUERY_TERMS);
    keys.push(key);
    index.add(NONE, NONE, indexTerms ? key : NONE);
  }
  index.compact();
  const edges = createPairMap(reps.length * 16);
  for (let u = 0; u < reps.length; u++) {
    const r = reps[u] as number;
    const found = index.candidates(u, NONE, NONE, keys.get(u), TOPICAL_CANDIDATES);
    for (let x = 0; x < found.count; x++) {
      const o = reps[found.docs[x] as number] as number;
      const a = Math.min(r, o);
      const b = Math.max(r, o);
      if (edges.find(a, b) >= 0) continue;
      edges.set(a, b, topicalOf(r, o) * (unitSize[r] as number) * (unitSize[o] as number));
    }
  }
  return edges;
}
