import { combineHash } from '../text/word-hash.ts';
import { createCountSketch } from './count-sketch.ts';
import type { FingerprintView } from './fingerprint.ts';
import { createPostings } from './postings.ts';
import {
  LSH_ROWS,
  MAX_CANDIDATES,
  MIN_SHARED_REUSE,
  MIN_SHARED_TERMS,
  REUSE_COMMON_DF,
  REUSE_SAMPLE,
  TERM_POSTING_CAP,
} from './thresholds.ts';

/** An indexed article that may relate to the queried one, with the evidence that found it. */
export interface Candidate {
  articleId: string;
  /** LSH bands of the two MinHash signatures that collide (near-duplicates). */
  bands: number;
  /**
   * Sampled reuse hashes both share (those with `hash % reuseSample === 0`),
   * not counting common ones (boilerplate, stock phrases).
   */
  sharedReuse: number;
  /** Query terms both share (topical candidates). */
  sharedTerms: number;
}

/** What to look up: text candidates (LSH, reuse hashes) and/or articles sharing the given term ids. */
export interface CandidateQuery {
  /** Look up by LSH bands and reuse hashes; default true. */
  text?: boolean;
  /** Term ids to look up (usually the fingerprint's highest-weighted terms); default none. */
  terms?: ArrayLike<number>;
  /** At most this many candidates, strongest first; default MAX_CANDIDATES. */
  limit?: number;
}

/**
 * The port behind which group finds candidates without comparing all pairs:
 * LSH bands of MinHash signatures and inverted indexes of reuse hashes and
 * terms. The in-memory backend is `createMemoryCandidateIndex`; a store
 * keeps the same postings as indexed tables.
 */
export interface CandidateIndex {
  /** Index one fingerprint (an article id already indexed is ignored). */
  add(fingerprint: FingerprintView): void;
  /** Whether an article id is indexed. */
  has(articleId: string): boolean;
  /** Indexed articles that may relate to `fingerprint` (never itself), strongest first, ties by order of addition. */
  candidates(fingerprint: FingerprintView, query?: CandidateQuery): Candidate[];
  /** How many articles are indexed. */
  size(): number;
  /** How many indexed articles contain a term (its document frequency). */
  termFrequency(term: number): number;
  /** Whether a reuse hash occurs in too many articles to count as evidence of copying. */
  isCommonReuse(hash: number): boolean;
}

/** Options of the in-memory candidate index. */
export interface MemoryIndexOptions {
  /** A reuse hash in more articles than this is common (boilerplate); default REUSE_COMMON_DF. */
  commonReuseDf?: number;
  /** Term postings stop growing past this many articles (the term is too common to find candidates); default TERM_POSTING_CAP. */
  termPostingCap?: number;
  /** Rows per LSH band; default LSH_ROWS. */
  lshRows?: number;
  /** Only reuse hashes with `hash % reuseSample === 0` are posted and looked up; default REUSE_SAMPLE. */
  reuseSample?: number;
  /**
   * A lookup visits at most this many of the newest articles of a list (LSH
   * bucket, reuse hash, term); default all. A batch over many copies of few
   * texts passes POSTING_VISIT_CAP to keep lookups bounded.
   */
  visitCap?: number;
  /** Keep term postings (topical candidates, term frequencies); default true. A batch that only needs text candidates turns them off. */
  indexTerms?: boolean;
}

/**
 * In-memory `CandidateIndex`: hash maps of postings, counters in typed
 * arrays. Deterministic: candidates are ordered by evidence, then by order
 * of addition.
 */
export function createMemoryCandidateIndex(options: MemoryIndexOptions = {}): CandidateIndex {
  const commonReuseDf = options.commonReuseDf ?? REUSE_COMMON_DF;
  const termCap = options.termPostingCap ?? TERM_POSTING_CAP;
  const rows = options.lshRows ?? LSH_ROWS;
  const indexTerms = options.indexTerms ?? true;
  const sample = options.reuseSample ?? REUSE_SAMPLE;
  if (!Number.isInteger(sample) || sample < 1)
    throw new RangeError(`Expected reuseSample >= 1, got ${sample}`);
  if (!(commonReuseDf >= 1))
    throw new RangeError(`Expected commonReuseDf >= 1, got ${commonReuseDf}`);
  if (!(termCap >= 1)) throw new RangeError(`Expected termPostingCap >= 1, got ${termCap}`);
  if (!Number.isInteger(rows) || rows < 1)
    throw new RangeError(`Expected lshRows >= 1, got ${rows}`);

  const ids: string[] = [];
  const numberOf = new Map<string, number>();
  // Lists stop growing where their key becomes common; lookups visit the
  // newest `visitCap` documents of a list.
  const visitCap = options.visitCap ?? Number.POSITIVE_INFINITY;
  if (!(visitCap >= 1)) throw new RangeError(`Expected visitCap >= 1, got ${visitCap}`);
  const bandPostings = createPostings(Number.MAX_SAFE_INTEGER, visitCap);
  const reusePostings = createPostings(commonReuseDf, visitCap);
  // Every reuse hash is counted (to know the common ones) in fixed memory;
  // only a sample is posted.
  const reuseCounts = createCountSketch();
  const termPostings = createPostings(termCap, visitCap);
  let bandHits = new Int32Array(64);
  let reuseHits = new Int32Array(64);
  let termHits = new Int32Array(64);
  let touched = new Int32Array(64);
  let touchedCount = 0;

  const bandKeys = (signature: ArrayLike<number>): number[] => {
    const keys: number[] = [];
    for (let b = 0; b + rows <= signature.length; b += rows) {
      let h = combineHash(0x51ed270b, b);
      for (let r = 0; r < rows; r++) h = combineHash(h, signature[b + r] as number);
      keys.push(h);
    }
    return keys;
  };
  const visitBand = (doc: number) => {
    if (bandHits[doc] === 0 && reuseHits[doc] === 0 && termHits[doc] === 0)
      touched[touchedCount++] = doc;
    bandHits[doc] = (bandHits[doc] as number) + 1;
  };
  const visitReuse = (doc: number) => {
    if (bandHits[doc] === 0 && reuseHits[doc] === 0 && termHits[doc] === 0)
      touched[touchedCount++] = doc;
    reuseHits[doc] = (reuseHits[doc] as number) + 1;
  };
  const visitTerm = (doc: number) => {
    if (bandHits[doc] === 0 && reuseHits[doc] === 0 && termHits[doc] === 0)
      touched[touchedCount++] = doc;
    termHits[doc] = (termHits[doc] as number) + 1;
  };

  return {
    add(fp) {
      if (numberOf.has(fp.articleId)) return;
      const doc = ids.length;
      ids.push(fp.articleId);
      numberOf.set(fp.articleId, doc);
      for (const key of bandKeys(fp.minhash)) bandPostings.add(key, doc);
      for (let i = 0; i < fp.reuse.length; i++) {
        const h = fp.reuse[i] as number;
        reuseCounts.add(h);
        if (h % sample === 0) reusePostings.add(h, doc);
      }
      if (indexTerms) {
        for (let i = 0; i < fp.terms.length; i++) termPostings.add(fp.terms[i] as number, doc);
      }
    },
    has(articleId) {
      return numberOf.has(articleId);
    },
    candidates(fp, query = {}) {
      const n = ids.length;
      if (bandHits.length < n) {
        const size = Math.max(n, bandHits.length * 2);
        bandHits = new Int32Array(size);
        reuseHits = new Int32Array(size);
        termHits = new Int32Array(size);
        touched = new Int32Array(size);
      }
      const self = numberOf.get(fp.articleId) ?? -1;
      touchedCount = 0;
      if (query.text !== false) {
        for (const key of bandKeys(fp.minhash)) bandPostings.forEach(key, visitBand);
        for (let i = 0; i < fp.reuse.length; i++) {
          const h = fp.reuse[i] as number;
          if (h % sample === 0 && reuseCounts.get(h) <= commonReuseDf) {
            reusePostings.forEach(h, visitReuse);
          }
        }
      }
      const terms = query.terms ?? [];
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i] as number;
        if (termPostings.count(t) <= termCap) termPostings.forEach(t, visitTerm);
      }
      // Keep the documents with enough evidence; rank by one packed key
      // (evidence, then order of addition) so a typed sort does the work.
      const keys = new Float64Array(touchedCount);
      let k = 0;
      for (let t = 0; t < touchedCount; t++) {
        const doc = touched[t] as number;
        const text = (bandHits[doc] as number) + (reuseHits[doc] as number);
        const term = termHits[doc] as number;
        if (doc !== self && (bandHits[doc] as number) > 0) keys[k++] = rank(text, term, doc);
        else if (
          doc !== self &&
          ((reuseHits[doc] as number) >= MIN_SHARED_REUSE || term >= MIN_SHARED_TERMS)
        ) {
          keys[k++] = rank(text, term, doc);
        }
      }
      const ranked = keys.subarray(0, k).sort();
      const limit = query.limit ?? MAX_CANDIDATES;
      const out: Candidate[] = [];
      for (let i = 0; i < ranked.length && i < limit; i++) {
        const doc = DOC_LIMIT - 1 - ((ranked[i] as number) % DOC_LIMIT);
        out.push({
          articleId: ids[doc] as string,
          bands: bandHits[doc] as number,
          sharedReuse: reuseHits[doc] as number,
          sharedTerms: termHits[doc] as number,
        });
      }
      for (let t = 0; t < touchedCount; t++) {
        const doc = touched[t] as number;
        bandHits[doc] = 0;
        reuseHits[doc] = 0;
        termHits[doc] = 0;
      }
      return out;
    },
    size() {
      return ids.length;
    },
    termFrequency(term) {
      return termPostings.count(term);
    },
    isCommonReuse(hash) {
      return reuseCounts.get(hash) > commonReuseDf;
    },
  };
}

// Packed rank: ascending order = more text evidence, then more shared
// terms, then earlier addition. Exact in a double for counts < 2^12 and
// up to 2^24 documents.
const DOC_LIMIT = 2 ** 24;
function rank(text: number, term: number, doc: number): number {
  const t = Math.min(text, 4095);
  const m = Math.min(term, 4095);
  return ((4095 - t) * 4096 + (4095 - m)) * DOC_LIMIT + (DOC_LIMIT - 1 - doc);
}
