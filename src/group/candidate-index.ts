import { bandKeys } from './band-keys.ts';
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
  const rows = options.lshRows ?? LSH_ROWS;
  const indexTerms = options.indexTerms ?? true;
  const core = createDocumentIndex(options);
  const ids: string[] = [];
  const numberOf = new Map<string, number>();
  return {
    add(fp) {
      if (numberOf.has(fp.articleId)) return;
      numberOf.set(fp.articleId, ids.length);
      ids.push(fp.articleId);
      core.add(bandKeys(fp.minhash, rows), fp.reuse, indexTerms ? fp.terms : NONE);
    },
    has(articleId) {
      return numberOf.has(articleId);
    },
    candidates(fp, query = {}) {
      const text = query.text !== false;
      const found = core.candidates(
        numberOf.get(fp.articleId) ?? -1,
        text ? bandKeys(fp.minhash, rows) : NONE,
        text ? fp.reuse : NONE,
        query.terms ?? NONE,
        query.limit ?? MAX_CANDIDATES,
      );
      const out: Candidate[] = [];
      for (let i = 0; i < found.count; i++) {
        out.push({
          articleId: ids[found.docs[i] as number] as string,
          bands: found.bands[i] as number,
          sharedReuse: found.reuse[i] as number,
          sharedTerms: found.terms[i] as number,
        });
      }
      return out;
    },
    size() {
      return ids.length;
    },
    termFrequency(term) {
      return core.termFrequency(term);
    },
    isCommonReuse(hash) {
      return core.isCommonReuse(hash);
    },
  };
}

/**
 * Candidates of one lookup as columns, strongest first: document numbers
 * and their evidence. Valid until the next lookup (the arrays are reused).
 */
export interface CandidateColumns {
  count: number;
  docs: Int32Array;
  bands: Int32Array;
  reuse: Int32Array;
  terms: Int32Array;
}

/**
 * The in-memory candidate index over document numbers (0, 1, ... in order
 * of addition) that `createMemoryCandidateIndex` wraps with article ids. A
 * batch that numbers its own articles uses it directly: no ids to look up,
 * no object per candidate.
 */
export interface DocumentIndex {
  /** Index one document by its LSH band keys, reuse hashes and terms; returns its number. */
  add(bandKeys: ArrayLike<number>, reuse: ArrayLike<number>, terms: ArrayLike<number>): number;
  /**
   * Documents that share band keys, sampled reuse hashes or terms with a
   * query (never `self`), ranked as `CandidateIndex.candidates`: at most
   * `limit`.
   */
  candidates(
    self: number,
    bandKeys: ArrayLike<number>,
    reuse: ArrayLike<number>,
    terms: ArrayLike<number>,
    limit: number,
  ): CandidateColumns;
  /** Lay the postings out for fast lookups (after adding a batch); lookups give the same answers. */
  compact(): void;
  size(): number;
  termFrequency(term: number): number;
  isCommonReuse(hash: number): boolean;
}

/**
 * Create an empty `DocumentIndex` (the options of `createMemoryCandidateIndex`;
 * `lshRows` and `indexTerms` are the caller's). With `batch` true the
 * postings are laid out only when `compact()` is called: for a caller that
 * adds everything first, then looks up.
 */
export function createDocumentIndex(
  options: MemoryIndexOptions = {},
  batch = false,
): DocumentIndex {
  const commonReuseDf = options.commonReuseDf ?? REUSE_COMMON_DF;
  const termCap = options.termPostingCap ?? TERM_POSTING_CAP;
  const rows = options.lshRows ?? LSH_ROWS;
  const sample = options.reuseSample ?? REUSE_SAMPLE;
  if (!Number.isInteger(sample) || sample < 1)
    throw new RangeError(`Expected reuseSample >= 1, got ${sample}`);
  if (!(commonReuseDf >= 1))
    throw new RangeError(`Expected commonReuseDf >= 1, got ${commonReuseDf}`);
  if (!(termCap >= 1)) throw new RangeError(`Expected termPostingCap >= 1, got ${termCap}`);
  if (!Number.isInteger(rows) || rows < 1)
    throw new RangeError(`Expected lshRows >= 1, got ${rows}`);

  // Lists stop growing where their key becomes common; lookups visit the
  // newest `visitCap` documents of a list.
  const visitCap = options.visitCap ?? Number.POSITIVE_INFINITY;
  if (!(visitCap >= 1)) throw new RangeError(`Expected visitCap >= 1, got ${visitCap}`);
  const bandPostings = createPostings(Number.MAX_SAFE_INTEGER, visitCap, !batch);
  const reusePostings = createPostings(commonReuseDf, visitCap, !batch);
  // Every reuse hash is counted (to know the common ones) in fixed memory;
  // only a sample is posted.
  const reuseCounts = createCountSketch();
  const termPostings = createPostings(termCap, visitCap, !batch);
  let size = 0;
  // Per document: band, reuse and term hits side by side, and a flag set
  // on its first visit (one cache line per visited document), cleared after
  // each lookup.
  let hits = new Int32Array(64 * HIT);
  let touched = new Int32Array(64);
  let touchedCount = 0;
  let keys = new Float64Array(64);
  const out: CandidateColumns = {
    count: 0,
    docs: new Int32Array(0),
    bands: new Int32Array(0),
    reuse: new Int32Array(0),
    terms: new Int32Array(0),
  };
  let field = 0;
  const visit = (doc: number) => {
    const at = doc * HIT;
    if (hits[at + 3] === 0) {
      hits[at + 3] = 1;
      touched[touchedCount++] = doc;
    }
    hits[at + field] = (hits[at + field] as number) + 1;
  };

  return {
    add(bands, reuse, terms) {
      const doc = size++;
      for (let i = 0; i < bands.length; i++) bandPostings.add(bands[i] as number, doc);
      for (let i = 0; i < reuse.length; i++) {
        const h = reuse[i] as number;
        reuseCounts.add(h);
        if (h % sample === 0) reusePostings.add(h, doc);
      }
      for (let i = 0; i < terms.length; i++) termPostings.add(terms[i] as number, doc);
      return doc;
    },
    candidates(self, bands, reuse, terms, limit) {
      if (touched.length < size) {
        const grown = Math.max(size, touched.length * 2);
        hits = new Int32Array(grown * HIT);
        touched = new Int32Array(grown);
        keys = new Float64Array(grown);
      }
      touchedCount = 0;
      field = 0;
      for (let i = 0; i < bands.length; i++) bandPostings.forEach(bands[i] as number, visit);
      field = 1;
      for (let i = 0; i < reuse.length; i++) {
        const h = reuse[i] as number;
        if (h % sample === 0 && reuseCounts.get(h) <= commonReuseDf) {
          reusePostings.forEach(h, visit);
        }
      }
      field = 2;
      for (let i = 0; i < terms.length; i++) {
        const t = terms[i] as number;
        if (termPostings.count(t) <= termCap) termPostings.forEach(t, visit);
      }
      // Keep the documents with enough evidence; rank by one packed key
      // (evidence, then order of addition) so a typed sort does the work.
      let k = 0;
      for (let t = 0; t < touchedCount; t++) {
        const doc = touched[t] as number;
        const at = doc * HIT;
        const band = hits[at] as number;
        const shared = hits[at + 1] as number;
        const term = hits[at + 2] as number;
        if (doc !== self && (band > 0 || shared >= MIN_SHARED_REUSE || term >= MIN_SHARED_TERMS)) {
          keys[k++] = rank(band + shared, term, doc);
        }
      }
      const ranked = keys.subarray(0, k).sort();
      const count = Math.min(k, limit);
      if (out.docs.length < count) {
        const grown = Math.max(count, out.docs.length * 2);
        out.docs = new Int32Array(grown);
        out.bands = new Int32Array(grown);
        out.reuse = new Int32Array(grown);
        out.terms = new Int32Array(grown);
      }
      for (let i = 0; i < count; i++) {
        const doc = DOC_LIMIT - 1 - ((ranked[i] as number) % DOC_LIMIT);
        const at = doc * HIT;
        out.docs[i] = doc;
        out.bands[i] = hits[at] as number;
        out.reuse[i] = hits[at + 1] as number;
        out.terms[i] = hits[at + 2] as number;
      }
      out.count = count;
      for (let t = 0; t < touchedCount; t++) {
        const at = (touched[t] as number) * HIT;
        hits[at] = 0;
        hits[at + 1] = 0;
        hits[at + 2] = 0;
        hits[at + 3] = 0;
      }
      return out;
    },
    compact() {
      bandPostings.compact();
      reusePostings.compact();
      termPostings.compact();
    },
    size() {
      return size;
    },
    termFrequency(term) {
      return termPostings.count(term);
    },
    isCommonReuse(hash) {
      return reuseCounts.get(hash) > commonReuseDf;
    },
  };
}

const NONE = new Uint32Array(0);
// Hits per document: band, reuse, term, visited.
const HIT = 4;

// Packed rank: ascending order = more text evidence, then more shared
// terms, then earlier addition. Exact in a double for counts < 2^12 and
// up to 2^24 documents.
const DOC_LIMIT = 2 ** 24;
function rank(text: number, term: number, doc: number): number {
  const t = Math.min(text, 4095);
  const m = Math.min(term, 4095);
  return ((4095 - t) * 4096 + (4095 - m)) * DOC_LIMIT + (DOC_LIMIT - 1 - doc);
}
