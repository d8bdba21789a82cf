import type { Article } from '../model/index.ts';
import { minhash } from '../text/minhash.ts';
import { shingleHashes } from '../text/shingle.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import { winnow } from '../text/winnow.ts';
import { combineHash, hashWord, mix32 } from '../text/word-hash.ts';
import {
  type HashedUnits,
  hashUnits,
  UNIT_CAPITALISED,
  UNIT_CHAR,
  UNIT_NUMERIC,
  UNIT_SENTENCE_START,
} from '../text/word-units.ts';
import { createIntSet } from './hash-set.ts';
import {
  CONTENT_WEIGHT,
  ENTITY_WEIGHT,
  NUMBER_WEIGHT,
  SHINGLE_SIZE,
  SIGNATURE_SIZE,
  WINNOW_WINDOW,
} from './thresholds.ts';

/**
 * What group keeps of an article: plain JSON-serialisable numbers, computed
 * once, storable (a later store keeps them as indexed tables).
 */
export interface Fingerprint {
  articleId: string;
  /** Matching units (words; characters in CJK and Thai). */
  words: number;
  /** MinHash signature of the word shingles (near-duplicate detection, LSH). Empty when there are no words. */
  minhash: number[];
  /** Winnowed shingle hashes, distinct and sorted (partial reuse: containment). */
  reuse: number[];
  /** Term ids (content words, entities, numbers; CJK character bigrams), distinct and sorted. */
  terms: number[];
  /** Weight of each term before IDF: (1 + ln tf) times the weight of its kind. */
  termWeights: number[];
  /** Publication time in days since 1970-01-01, or null when unknown. */
  day: number | null;
}

/**
 * The fields of a fingerprint that group reads, as any array-like of
 * numbers: a `Fingerprint`, or a compact copy in typed arrays.
 */
export interface FingerprintView {
  articleId: string;
  words: number;
  minhash: ArrayLike<number>;
  reuse: ArrayLike<number>;
  terms: ArrayLike<number>;
  termWeights: ArrayLike<number>;
  day: number | null;
}

/** Options of `fingerprint`; the defaults are the measured constants of thresholds.ts. */
export interface FingerprintOptions {
  shingleSize?: number;
  window?: number;
  signatureSize?: number;
  entityWeight?: number;
  numberWeight?: number;
  contentWeight?: number;
}

const TERM_SEED = 0x3c6ef372;
const DAY_MS = 86_400_000;

/**
 * Fingerprint an article for grouping: shingles with a MinHash signature,
 * winnowed reuse hashes and weighted terms. Pure; same article, same numbers.
 *
 * @example
 * const fp = fingerprint(article);
 * fp.reuse.length; // about 2/(window+1) of the word 4-grams
 */
export function fingerprint(article: Article, options: FingerprintOptions = {}): Fingerprint {
  const parts = fingerprintParts(article, options);
  return {
    ...parts,
    reuse: Array.from(parts.reuse),
    terms: Array.from(parts.terms),
    termWeights: Array.from(parts.termWeights),
  };
}

/** `fingerprint` in typed arrays (what a batch keeps in memory); same numbers. */
export function fingerprintView(
  article: Article,
  options: FingerprintOptions = {},
): FingerprintView & {
  minhash: Uint32Array;
  reuse: Uint32Array;
  terms: Uint32Array;
  termWeights: Float64Array;
} {
  const parts = fingerprintParts(article, options);
  return {
    ...parts,
    minhash: Uint32Array.from(parts.minhash),
    terms: parts.terms.slice(),
    termWeights: parts.termWeights.slice(),
  };
}

/**
 * `fingerprintView` for a caller that copies the numbers at once (a batch
 * packing them into large arrays): `terms` and `termWeights` are views of
 * buffers the next call overwrites, and `minhash` stays a plain array. No
 * typed array is allocated for them per article.
 */
export function fingerprintParts(
  article: Article,
  options: FingerprintOptions = {},
): FingerprintView & {
  minhash: number[];
  reuse: Uint32Array;
  terms: Uint32Array;
  termWeights: Float64Array;
} {
  if (article === null || typeof article !== 'object' || typeof article.id !== 'string') {
    throw new TypeError(`Expected an Article with a string id, got ${describe(article)}`);
  }
  const units = hashUnits(articleText(article));
  const shingles = shingleHashes(units.hashes, options.shingleSize ?? SHINGLE_SIZE);
  const { terms, termWeights } = weightedTerms(units, options);
  return {
    articleId: article.id,
    words: units.count,
    minhash: minhash(shingles, options.signatureSize ?? SIGNATURE_SIZE),
    reuse: winnow(shingles, options.window ?? WINNOW_WINDOW),
    terms,
    termWeights,
    day: publicationDay(article.publishedAt),
  };
}

/** The text group reads: the headline (when the body does not open with it) and the body. */
export function articleText(article: Article): string {
  const body = typeof article.text === 'string' ? article.text : '';
  const headline = article.headline?.trim();
  if (headline && !body.trimStart().startsWith(headline)) return `${headline}\n\n${body}`;
  return body;
}

function publicationDay(publishedAt: string | null | undefined): number | null {
  if (typeof publishedAt !== 'string' || publishedAt === '') return null;
  const ms = Date.parse(publishedAt);
  return Number.isFinite(ms) ? ms / DAY_MS : null;
}

// Term ids carry their kind in the low two bits, so one sort counts them.
const KIND_CONTENT = 0;
const KIND_ENTITY = 1;
const KIND_NUMBER = 2;
const STOP_HASHES = createIntSet(STOPWORDS.size);
for (const w of STOPWORDS) STOP_HASHES.add(hashWord(w));
// Reused between calls (fingerprint is synchronous): no allocation per article.
const LOWER = createIntSet(1024);
let scratch = new Uint32Array(1024);
let weightScratch = new Float64Array(1024);
// ln(tf) for the usual term frequencies (the same numbers Math.log gives).
const LN = Float64Array.from({ length: 64 }, (_, tf) => Math.log(tf));

function termId(h: number, kind: number): number {
  return ((mix32(h ^ TERM_SEED) & ~3) | kind) >>> 0;
}

function weightedTerms(
  units: HashedUnits,
  options: FingerprintOptions,
): { terms: Uint32Array; termWeights: Float64Array } {
  const kindWeight = [
    options.contentWeight ?? CONTENT_WEIGHT,
    options.entityWeight ?? ENTITY_WEIGHT,
    options.numberWeight ?? NUMBER_WEIGHT,
  ];
  const { count: n, hashes, flags, lengths } = units;
  // Words this article also writes in lower case are not names ("Police"
  // opening a sentence, title-case headlines).
  LOWER.clear();
  for (let i = 0; i < n; i++) {
    if (((flags[i] as number) & (UNIT_CAPITALISED | UNIT_NUMERIC | UNIT_CHAR)) === 0) {
      LOWER.add(hashes[i] as number);
    }
  }
  if (scratch.length < n * 2 + 1) scratch = new Uint32Array(n * 2 + 1);
  const ids = scratch;
  let k = 0;
  let runHash = 0;
  let runLength = 0;
  for (let i = 0; i < n; i++) {
    const f = flags[i] as number;
    const h = hashes[i] as number;
    const name =
      (f & (UNIT_CHAR | UNIT_NUMERIC)) === 0 &&
      (f & UNIT_CAPITALISED) !== 0 &&
      !STOP_HASHES.has(h) &&
      !LOWER.has(h);
    // A run of names ends at anything else, or where a new sentence starts.
    if (runLength > 0 && (!name || (f & UNIT_SENTENCE_START) !== 0)) {
      if (runLength > 1) ids[k++] = termId(runHash, KIND_ENTITY);
      runLength = 0;
    }
    if (name) {
      // A name: each word, and the whole run ("Betty Ford Center").
      ids[k++] = termId(h, KIND_ENTITY);
      runHash = runLength === 0 ? h : combineHash(runHash, h);
      runLength++;
    } else if (f & UNIT_CHAR) {
      const next = flags[i + 1];
      if (next !== undefined && next & UNIT_CHAR) {
        ids[k++] = termId(combineHash(h, hashes[i + 1] as number), KIND_CONTENT);
      }
    } else if (f & UNIT_NUMERIC) {
      ids[k++] = termId(h, KIND_NUMBER);
    } else if ((lengths[i] as number) > 1 && !STOP_HASHES.has(h)) {
      ids[k++] = termId(h, KIND_CONTENT);
    }
  }
  if (runLength > 1) ids[k++] = termId(runHash, KIND_ENTITY);
  ids.subarray(0, k).sort();
  if (weightScratch.length < k) weightScratch = new Float64Array(scratch.length);
  const termWeights = weightScratch;
  // Distinct terms are written over the sorted ids (never ahead of the reading position).
  let m = 0;
  for (let i = 0; i < k; ) {
    const t = ids[i] as number;
    let j = i + 1;
    while (j < k && ids[j] === t) j++;
    ids[m] = t;
    const tf = j - i;
    const w =
      (1 + (tf < LN.length ? (LN[tf] as number) : Math.log(tf))) * (kindWeight[t & 3] as number);
    termWeights[m] = Math.round(w * 1e4) / 1e4;
    m++;
    i = j;
  }
  return { terms: ids.subarray(0, m), termWeights: termWeights.subarray(0, m) };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
