import type { FingerprintColumns } from './fingerprint-columns.ts';
import { createIntCounter } from './hash-set.ts';
import { createPackedLists } from './packed-lists.ts';
import { type TermStatistics, type TopicalVector, topicalVector } from './topical.ts';

const NONE = new Uint32Array(0);

/**
 * TF-IDF vectors of the usable articles (null for the others), with
 * document frequencies over the usable articles (as `termStatistics`).
 * The term lists are dropped from `columns` once read: vectors keep the
 * VECTOR_TERMS strongest, and nothing later needs the rest.
 */
export function topicalVectors(
  columns: FingerprintColumns,
  usable: Uint8Array,
): (TopicalVector | null)[] {
  const n = usable.length;
  const df = createIntCounter(1024);
  let documents = 0;
  for (let i = 0; i < n; i++) {
    if (!usable[i]) continue;
    documents++;
    const terms = columns.terms.get(i);
    for (let k = 0; k < terms.length; k++) df.add(terms[k] as number);
  }
  const stats: TermStatistics = { documents, frequency: (t) => df.get(t) };
  const vectorTerms = createPackedLists((k) => new Uint32Array(k));
  const vectorWeights = createPackedLists((k) => new Float32Array(k));
  // One reused view: topicalVector reads only the terms and their weights.
  const view = {
    articleId: '',
    words: 0,
    minhash: NONE,
    reuse: NONE,
    terms: NONE as ArrayLike<number>,
    termWeights: NONE as ArrayLike<number>,
    day: null,
  };
  for (let i = 0; i < n; i++) {
    if (!usable[i]) {
      vectorTerms.push(NONE);
      vectorWeights.push(NONE);
      continue;
    }
    view.terms = columns.terms.get(i);
    view.termWeights = columns.termWeights.get(i);
    const v = topicalVector(view, stats);
    vectorTerms.push(v.terms);
    vectorWeights.push(v.weights);
  }
  columns.terms = createPackedLists((k) => new Uint32Array(k));
  columns.termWeights = createPackedLists((k) => new Float32Array(k));
  return Array.from({ length: n }, (_, i) =>
    usable[i] ? { terms: vectorTerms.get(i), weights: vectorWeights.get(i) } : null,
  );
}
