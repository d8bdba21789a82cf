import { createDocumentIndex, type MemoryIndexOptions } from './candidate-index.ts';
import type { FingerprintColumns } from './fingerprint-columns.ts';
import { createPackedLists, type PackedLists } from './packed-lists.ts';
import { createPairMap, type PairMap } from './pair-map.ts';
import {
  DERIVED_CONTAINMENT,
  MIN_REUSE_HASHES,
  POSTING_VISIT_CAP,
  REUSE_SAMPLE,
  TEXT_CANDIDATES,
  TEXT_PAIRS_PER_ARTICLE,
  UNIT_CONTAINMENT,
  UNIT_TOPICAL,
} from './thresholds.ts';
import { cosine, type TopicalVector } from './topical.ts';

const NONE = new Uint32Array(0);

/** What `textPairs` finds. */
export interface TextPairs {
  /** Article pairs (first < second) that share text, with their sampled shared count. */
  pairs: PairMap;
  /** The unit (copies of one text) of each article: its lowest member. */
  rep: Int32Array;
  /** Each article's reuse hashes that count (common ones left out). */
  counted: PackedLists<Uint32Array>;
  /** How many reuse hashes of each article count, and how many of those are sampled. */
  reuseSize: Int32Array;
  sampledSize: Int32Array;
}

/**
 * Shared text, counted straight from the index postings. Copies of one
 * text (mutual containment) join one unit as they are found; each article
 * keeps its best pair per unit, for at most TEXT_PAIRS_PER_ARTICLE units,
 * so thousands of copies of one wire story cost a few pairs each. Drops
 * the band keys from `columns` (only candidates need them).
 */
export function textPairs(
  columns: FingerprintColumns,
  usable: Uint8Array,
  vectorOf: (i: number) => TopicalVector,
  indexOptions: MemoryIndexOptions | undefined,
): TextPairs {
  const n = usable.length;
  // Lookups visit the newest POSTING_VISIT_CAP articles of a list: bounded
  // however often one text is copied.
  const index = createDocumentIndex({ visitCap: POSTING_VISIT_CAP, ...indexOptions }, true);
  const articleOf: number[] = [];
  const docOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!usable[i]) continue;
    docOf[i] = index.add(columns.bands.get(i), columns.reuse.get(i), NONE);
    articleOf.push(i);
  }
  index.compact();
  // Common reuse hashes (boilerplate) never count as shared text: keep the
  // others only, so relations need no lookups in the index later.
  const sample = indexOptions?.reuseSample ?? REUSE_SAMPLE;
  const counted = createPackedLists((k) => new Uint32Array(k));
  const reuseSize = new Int32Array(n);
  const sampledSize = new Int32Array(n);
  let kept = new Uint32Array(1024);
  for (let i = 0; i < n; i++) {
    const all = columns.reuse.get(i);
    if (kept.length < all.length) kept = new Uint32Array(all.length * 2);
    let k = 0;
    let sampled = 0;
    for (let x = 0; x < all.length; x++) {
      const h = all[x] as number;
      if (index.isCommonReuse(h)) continue;
      kept[k++] = h;
      if (h % sample === 0) sampled++;
    }
    counted.push(kept.subarray(0, k));
    reuseSize[i] = k;
    sampledSize[i] = sampled;
  }
  columns.reuse = counted;

  const unitOf = new Int32Array(n);
  for (let i = 0; i < n; i++) unitOf[i] = i;
  const findUnit = (x: number): number => {
    let r = x;
    while (unitOf[r] !== r) {
      unitOf[r] = unitOf[unitOf[r] as number] as number;
      r = unitOf[r] as number;
    }
    return r;
  };
  const pairs = createPairMap(n * 4);
  const bestJ: number[] = [];
  const bestShared: number[] = [];
  const bestLink: number[] = [];
  const bestRoot: number[] = [];
  // Slot of a unit root in the best* lists of the current article, +1 (0: none).
  const slotOfRoot = new Int32Array(n);
  const order = new Int32Array(TEXT_CANDIDATES);
  for (let i = 0; i < n; i++) {
    if (!usable[i]) continue;
    const sizeI = sampledSize[i] as number;
    for (const r of bestRoot) slotOfRoot[r] = 0;
    bestJ.length = 0;
    bestShared.length = 0;
    bestLink.length = 0;
    bestRoot.length = 0;
    const found = index.candidates(
      docOf[i] as number,
      columns.bands.get(i),
      counted.get(i),
      NONE,
      TEXT_CANDIDATES,
    );
    for (let x = 0; x < found.count; x++) {
      const j = articleOf[found.docs[x] as number] as number;
      const shared = found.reuse[x] as number;
      const sizeJ = sampledSize[j] as number;
      const cIJ = sizeI > 0 ? shared / sizeI : 0;
      const cJI = sizeJ > 0 ? shared / sizeJ : 0;
      // One unit: copies of one text (mutual containment), or a rewrite that
      // keeps some of the text and all of the topic. Copies found earlier
      // are mostly in one unit already: no cosine needed.
      const a = findUnit(i);
      const b = findUnit(j);
      if (
        a !== b &&
        (Math.min(cIJ, cJI) >= UNIT_CONTAINMENT ||
          (Math.max(cIJ, cJI) >= DERIVED_CONTAINMENT &&
            (reuseSize[i] as number) >= MIN_REUSE_HASHES &&
            (reuseSize[j] as number) >= MIN_REUSE_HASHES &&
            cosine(vectorOf(i), vectorOf(j)) >= UNIT_TOPICAL))
      ) {
        unitOf[Math.max(a, b)] = Math.min(a, b);
      }
      const link = Math.max(
        sizeI >= MIN_REUSE_HASHES ? cIJ : 0,
        sizeJ >= MIN_REUSE_HASHES ? cJI : 0,
      );
      const root = findUnit(j);
      const at = (slotOfRoot[root] as number) - 1;
      if (at < 0) {
        slotOfRoot[root] = bestRoot.length + 1;
        bestRoot.push(root);
        bestJ.push(j);
        bestShared.push(shared);
        bestLink.push(link);
      } else if (link > (bestLink[at] as number)) {
        bestJ[at] = j;
        bestShared[at] = shared;
        bestLink[at] = link;
      }
    }
    // Strongest link first, then lowest article (a total order: the j are
    // distinct); an insertion sort, as there are at most TEXT_CANDIDATES.
    const count = bestJ.length;
    for (let x = 0; x < count; x++) {
      const linkX = bestLink[x] as number;
      const jX = bestJ[x] as number;
      let y = x - 1;
      for (; y >= 0; y--) {
        const o = order[y] as number;
        const linkO = bestLink[o] as number;
        if (linkO > linkX || (linkO === linkX && (bestJ[o] as number) < jX)) break;
        order[y + 1] = o;
      }
      order[y + 1] = x;
    }
    for (let x = 0; x < count && x < TEXT_PAIRS_PER_ARTICLE; x++) {
      const at = order[x] as number;
      const j = bestJ[at] as number;
      pairs.set(Math.min(i, j), Math.max(i, j), bestShared[at] as number);
    }
  }
  // Band keys were only needed to find text candidates.
  columns.bands = createPackedLists((k) => new Uint32Array(k));
  const rep = new Int32Array(n);
  for (let i = 0; i < n; i++) rep[i] = findUnit(i);
  return { pairs, rep, counted, reuseSize, sampledSize };
}
