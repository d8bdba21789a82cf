import { mix32 } from './word-hash.ts';

/**
 * MinHash signature by one-permutation hashing with densification (Li,
 * Owen & Zhang 2012; Shrivastava & Li 2014): each hash falls in one of
 * `size` bins by its top bits and a bin keeps its minimum, so a signature
 * costs one pass instead of `size` passes; an empty bin borrows the value
 * of the next non-empty bin to its right, re-mixed with the distance so
 * borrowed bins stay comparable between documents. The share of equal
 * positions of two signatures estimates the Jaccard similarity of the sets.
 * An empty input gives an empty signature.
 */
export function minhash(hashes: ArrayLike<number>, size: number): number[] {
  if (!Number.isInteger(size) || size < 1 || size > 1024) {
    throw new RangeError(`Expected a signature size in 1..1024, got ${size}`);
  }
  if (hashes.length === 0) return [];
  const bins = new Array<number>(size).fill(-1);
  for (let i = 0; i < hashes.length; i++) {
    // Re-mix so bins do not depend on how the caller built the hashes.
    const h = mix32((hashes[i] as number) ^ 0x5bd1e995);
    const bin = Math.floor((h / 4294967296) * size);
    const v = mix32(h + 0x27d4eb2f);
    const cur = bins[bin] as number;
    if (cur === -1 || v < cur) bins[bin] = v;
  }
  const out = new Array<number>(size);
  for (let i = 0; i < size; i++) {
    let d = 0;
    let v = bins[i] as number;
    while (v === -1) {
      d++;
      v = bins[(i + d) % size] as number;
    }
    out[i] = d === 0 ? v : mix32(v + Math.imul(d, 0x9e3779b1));
  }
  return out;
}

/** Share of equal positions of two signatures of the same size: the Jaccard estimate (0 when either is empty). */
export function minhashSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length !== b.length) {
    throw new RangeError(`Expected signatures of the same size, got ${a.length} and ${b.length}`);
  }
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
