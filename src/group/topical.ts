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
  const terms = new Uint32Array(count);
  const weights = new Float64Array(count);
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
    // The limit-th largest weight (native numeric sort of a copy).
    const sorted = Float64Array.from(weights).sort();
    cut = sorted[sorted.length - limit] as number;
    let above = 0;
    for (const w of weights) if (w > cut) above++;
    tiesAllowed = limit - above;
    keep = limit;
  }
  const outTerms = new Uint32Array(keep);
  const outWeights = new Float64Array(keep);
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
