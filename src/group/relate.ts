import type { Relation, RelationKind } from '../model/index.ts';
import type { FingerprintView } from './fingerprint.ts';
import {
  DERIVED_CONTAINMENT,
  DUPLICATE_CONTAINMENT,
  MIN_REUSE_HASHES,
  PARAPHRASE_CONTAINMENT,
  PARAPHRASE_TOPICAL,
} from './thresholds.ts';
import { cosine, type TermStatistics, timeWeight, topicalVector } from './topical.ts';

/** Shared-text counts of two fingerprints (common reuse hashes left out). */
export interface TextOverlap {
  shared: number;
  /** Reuse hashes of a, b that count (not common). */
  sizeA: number;
  sizeB: number;
}

/** Scores of a pair, before a kind is decided. */
export interface PairScores {
  containmentAB: number;
  containmentBA: number;
  jaccard: number;
  topical: number;
}

/** Options of `relate`. */
export interface RelateOptions {
  /** Document frequencies for the TF-IDF weights; default the two articles alone. */
  statistics?: TermStatistics;
  /** Reuse hashes to ignore (boilerplate, stock phrases); default none. */
  isCommonReuse?: (hash: number) => boolean;
}

/** Count the reuse hashes two fingerprints share (merge of sorted lists). */
export function textOverlap(
  a: FingerprintView,
  b: FingerprintView,
  isCommon: (hash: number) => boolean = () => false,
): TextOverlap {
  let i = 0;
  let j = 0;
  let shared = 0;
  let sizeA = 0;
  let sizeB = 0;
  const ra = a.reuse;
  const rb = b.reuse;
  while (i < ra.length || j < rb.length) {
    const x = i < ra.length ? (ra[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < rb.length ? (rb[j] as number) : Number.POSITIVE_INFINITY;
    if (x === y) {
      if (!isCommon(x)) {
        shared++;
        sizeA++;
        sizeB++;
      }
      i++;
      j++;
    } else if (x < y) {
      if (!isCommon(x)) sizeA++;
      i++;
    } else {
      if (!isCommon(y)) sizeB++;
      j++;
    }
  }
  return { shared, sizeA, sizeB };
}

/** Containments and Jaccard from shared-hash counts (0 when a side has no hashes). */
export function overlapScores(o: TextOverlap): Omit<PairScores, 'topical'> {
  const union = o.sizeA + o.sizeB - o.shared;
  return {
    containmentAB: o.sizeA > 0 ? o.shared / o.sizeA : 0,
    containmentBA: o.sizeB > 0 ? o.shared / o.sizeB : 0,
    jaccard: union > 0 ? o.shared / union : 0,
  };
}

/**
 * Decide how two articles of one story relate from their scores:
 * `duplicate` (near-identical text), `derived` (one reuses a substantial
 * part of the other, or paraphrases it), else `same-story`.
 */
export function relationKind(
  scores: PairScores,
  sizes: { a: number; b: number } = { a: MIN_REUSE_HASHES, b: MIN_REUSE_HASHES },
): RelationKind {
  // Containment of a side with too few hashes is noise (a one-line article).
  const cAB = sizes.a >= MIN_REUSE_HASHES ? scores.containmentAB : 0;
  const cBA = sizes.b >= MIN_REUSE_HASHES ? scores.containmentBA : 0;
  // Near-identical: each holds most of the other (a copy inside a longer
  // article is contained one way only, and is derived).
  if (Math.min(cAB, cBA) >= DUPLICATE_CONTAINMENT) return 'duplicate';
  const c = Math.max(cAB, cBA);
  if (c >= DERIVED_CONTAINMENT) return 'derived';
  if (c >= PARAPHRASE_CONTAINMENT && scores.topical >= PARAPHRASE_TOPICAL) return 'derived';
  return 'same-story';
}

/**
 * The similarity a pair brings to clustering: the larger of the topical
 * similarity and the containment of the contained side (when that side has
 * enough text for containment to mean something).
 */
export function linkSimilarity(scores: PairScores, sizeA: number, sizeB: number): number {
  const a = sizeA >= MIN_REUSE_HASHES ? scores.containmentAB : 0;
  const b = sizeB >= MIN_REUSE_HASHES ? scores.containmentBA : 0;
  return Math.max(scores.topical, a, b);
}

/** Round a score for output (stable JSON, no float noise). */
export function roundScore(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Build the Relation of a pair from its scores, ordered so that `a < b`. */
export function toRelation(
  idA: string,
  idB: string,
  scores: PairScores,
  sizes: { a: number; b: number },
): Relation {
  const swap = idB < idA;
  const kind = relationKind(scores, sizes);
  return {
    a: swap ? idB : idA,
    b: swap ? idA : idB,
    kind,
    containmentAB: roundScore(swap ? scores.containmentBA : scores.containmentAB),
    containmentBA: roundScore(swap ? scores.containmentAB : scores.containmentBA),
    jaccard: roundScore(scores.jaccard),
    topical: roundScore(scores.topical),
  };
}

/**
 * Relate two fingerprinted articles: containment both ways and Jaccard of
 * their reuse hashes, TF-IDF cosine (time-weighted when both are dated),
 * and the kind those scores mean. `a < b` in the result.
 *
 * @example
 * relate(fingerprint(wire), fingerprint(copy)).kind; // 'duplicate'
 */
export function relate(
  a: FingerprintView,
  b: FingerprintView,
  options: RelateOptions = {},
): Relation {
  if (!a || !b || !Array.isArray(a.reuse) || !Array.isArray(b.reuse)) {
    throw new TypeError('Expected two Fingerprints, got something else');
  }
  const stats = options.statistics ?? pairStatistics(a, b);
  const minDf = options.statistics ? undefined : 1;
  const overlap = textOverlap(a, b, options.isCommonReuse);
  const topical =
    cosine(topicalVector(a, stats, minDf), topicalVector(b, stats, minDf)) *
    timeWeight(a.day, b.day);
  return toRelation(
    a.articleId,
    b.articleId,
    { ...overlapScores(overlap), topical },
    { a: overlap.sizeA, b: overlap.sizeB },
  );
}

// Two articles alone: every shared term has df 2 of 2 (IDF 0), so give
// terms the IDF of a small reference collection where a term in both
// articles is still informative (N = 4: shared terms ln 2, own terms ln 4).
function pairStatistics(a: FingerprintView, b: FingerprintView): TermStatistics {
  const inA = new Set(Array.from(a.terms));
  const inB = new Set(Array.from(b.terms));
  return {
    documents: 4,
    frequency: (t) => (inA.has(t) ? 1 : 0) + (inB.has(t) ? 1 : 0),
  };
}
