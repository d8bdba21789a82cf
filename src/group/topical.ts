import type { FingerprintView } from './fingerprint.ts';
import { createIntCounter } from './hash-set.ts';
import {
  IDF_PSEUDO_DOCUMENTS,
  MIN_TERM_DF,
  TIME_FLOOR,
  TIME_SIGMA_DAYS,
  VECTOR_TERMS,
} from './thresholds.ts';

/** Document frequencies the IDF weights come from (a batch, or everything indexed so far). */
export interface TermStatistics {
  /** Number of documents counted. */
  documents: number;
  /** Documents containing a term. */
  frequency(term: number): number;
}

/** A unit-length TF-IDF vector: sorted term ids and their weights. */
export interface TopicalVector {
  terms: Uint32Array;
  /** Unit-length weights, stored in single precision (half the memory; scores are rounded to 1e-4). */
  weights: Float32Array;
}

/** Count term document frequencies over fingerprints (each article counted once). */
export function termStatistics(fingerprints: readonly FingerprintView[]): TermStatistics {
  const df = createIntCounter(1024);
  for (const fp of fingerprints)
    for (let i = 0; i < fp.terms.length; i++) df.add(fp.terms[i] as number);
  return { documents: fingerprints.length, frequency: (t) => df.get(t) };
}

/**
 * TF-IDF vector of a fingerprint, unit length: weight x ln((N + k) / df).
 * In a batch, terms seen in fewer than `minDf` (MIN_TERM_DF) documents are
 * left out: they cannot match another article and only dilute the norm.
 * A stream passes `minDf` 1 and `floorDf` 2: a term no other article has
 * yet still counts (it tells the article apart), weighed as if seen twice.
 */
export function topicalVector(
  fp: FingerprintView,
  stats: TermStatistics,
  minDf = MIN_TERM_DF,
  floorDf = 1,
): TopicalVector {
  const n = Math.max(stats.documents, 1);
  const count = fp.terms.length;
  // Reused buffers: `unitVector` copies what it keeps, so nothing holds on to them.
  const terms = growTerms(0, count);
  const weights = growWeights(0, count);
  let k = 0;
  for (let i = 0; i < count; i++) {
    const t = fp.terms[i] as number;
    const seen = stats.frequency(t);
    if (seen < minDf) continue;
    const df = Math.max(seen, floorDf, 1);
    const w = (fp.termWeights[i] as number) * Math.log((n + IDF_PSEUDO_DOCUMENTS) / df);
    if (w <= 0) continue;
    terms[k] = t;
    weights[k] = w;
    k++;
  }
  return unitVector(terms.subarray(0, k), weights.subarray(0, k), VECTOR_TERMS);
}

/**
 * Keep the `limit` highest weights of a sorted sparse vector (ties: lower
 * term first) and scale it to unit length. The strongest terms carry
 * nearly all of the cosine, and vectors stay small and fast to compare.
 */
export function unitVector(
  terms: Uint32Array,
  weights: Float64Array,
  limit: number,
): TopicalVector {
  let keep = terms.length;
  let cut = Number.NEGATIVE_INFINITY;
  let tiesAllowed = 0;
  if (keep > limit) {
    cut = limitthLargest(weights, limit);
    let above = 0;
    for (const w of weights) if (w > cut) above++;
    tiesAllowed = limit - above;
    keep = limit;
  }
  const outTerms = growTerms(1, keep);
  const outWeights = growWeights(1, keep);
  let k = 0;
  let norm = 0;
  for (let i = 0; i < terms.length && k < keep; i++) {
    const w = weights[i] as number;
    if (w < cut) continue;
    if (w === cut && cut !== Number.NEGATIVE_INFINITY) {
      if (tiesAllowed === 0) continue;
      tiesAllowed--;
    }
    outTerms[k] = terms[i] as number;
    outWeights[k] = w;
    norm += w * w;
    k++;
  }
  norm = Math.sqrt(norm);
  const unit = new Float32Array(k);
  for (let i = 0; i < k; i++) unit[i] = norm > 0 ? (outWeights[i] as number) / norm : 0;
  return { terms: outTerms.slice(0, k), weights: unit };
}

// Scratch buffers reused from article to article (slot 0: topicalVector's
// candidates, slot 1: unitVector's kept terms, slot 2: the selection copy).
// Grouping builds a vector per article, and allocating these every time was
// most of the garbage of topicalVectors; the functions never keep them.
const termBuffers: Uint32Array[] = [new Uint32Array(256), new Uint32Array(256)];
const weightBuffers: Float64Array[] = [
  new Float64Array(256),
  new Float64Array(256),
  new Float64Array(256),
];

function growTerms(slot: number, n: number): Uint32Array {
  let buf = termBuffers[slot] as Uint32Array;
  if (buf.length < n) {
    buf = new Uint32Array(Math.max(n, 2 * buf.length));
    termBuffers[slot] = buf;
  }
  return buf;
}

function growWeights(slot: number, n: number): Float64Array {
  let buf = weightBuffers[slot] as Float64Array;
  if (buf.length < n) {
    buf = new Float64Array(Math.max(n, 2 * buf.length));
    weightBuffers[slot] = buf;
  }
  return buf;
}

/**
 * The `limit`-th largest of `weights` (0 < limit < weights.length): the
 * value a full ascending sort would put at index length - limit, found by
 * quickselect on a reused copy (O(n) on average instead of a sort). Weights
 * that are not all positive numbers (NaN, zeros: never made by
 * `topicalVector`) take the sort itself, whose order for NaN and -0 the
 * comparisons below would not reproduce.
 */
function limitthLargest(weights: Float64Array, limit: number): number {
  const n = weights.length;
  const a = growWeights(2, n).subarray(0, n);
  a.set(weights);
  for (let i = 0; i < n; i++) if (!((a[i] as number) > 0)) return a.sort()[n - limit] as number;
  const target = n - limit;
  let lo = 0;
  let hi = n - 1;
  // Hoare partitioning around the median of three; each round keeps the side holding `target`.
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    // Now a[lo..j] <= pivot, a[i..hi] >= pivot and a[j+1..i-1] == pivot.
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return pivot;
  }
  return a[target] as number;
}

/** Cosine of two unit-length topical vectors (merge of the sorted term lists). */
export function cosine(a: TopicalVector, b: TopicalVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  const at = a.terms;
  const bt = b.terms;
  while (i < at.length && j < bt.length) {
    const x = at[i] as number;
    const y = bt[j] as number;
    if (x === y) {
      s += (a.weights[i] as number) * (b.weights[j] as number);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return Math.min(s, 1);
}

/**
 * Time weight of two articles (Miranda et al. 2018: Gaussian of the time
 * distance, sigma about 3 days): 1 when either date is unknown, falling to
 * TIME_FLOOR for articles far apart in time.
 */
export function timeWeight(dayA: number | null, dayB: number | null): number {
  if (dayA === null || dayB === null) return 1;
  const d = dayA - dayB;
  return (
    TIME_FLOOR + (1 - TIME_FLOOR) * Math.exp(-(d * d) / (2 * TIME_SIGMA_DAYS * TIME_SIGMA_DAYS))
  );
}

/** The ids of the `count` highest-weighted terms of a vector (ties by id), for candidate lookup. */
export function keyTerms(vector: TopicalVector, count: number): number[] {
  const order = Array.from(vector.terms.keys());
  order.sort(
    (x, y) =>
      (vector.weights[y] as number) - (vector.weights[x] as number) ||
      (vector.terms[x] as number) - (vector.terms[y] as number),
  );
  return order.slice(0, count).map((i) => vector.terms[i] as number);
}
