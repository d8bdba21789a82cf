import { averageLink, type LinkEdge } from './average-link.ts';
import { createMemoryCandidateIndex } from './candidate-index.ts';
import type { Fingerprint } from './fingerprint.ts';
import { createIntCounter } from './hash-set.ts';
import { CENTROID_TERMS, QUERY_TERMS, TOPIC_KIND_WEIGHTS, TOPIC_THRESHOLD } from './thresholds.ts';
import { cosine, keyTerms, type TopicalVector, unitVector } from './topical.ts';

/**
 * Group stories into topics (stories about the same kind of thing): each
 * story is the normalised sum of its members' TF-IDF vectors, and stories
 * are clustered by average link at `threshold`. Returns groups of story
 * indexes.
 */
export function clusterTopics(
  stories: readonly (readonly number[])[],
  vectors: readonly (TopicalVector | null)[],
  threshold = TOPIC_THRESHOLD,
): number[][] {
  const centroids = stories.map((members) => centroid(members.map((m) => vectors[m] ?? null)));
  // Candidate stories through their key terms, as for articles.
  const index = createMemoryCandidateIndex();
  const asFp = centroids.map(
    (c, i): Fingerprint => ({
      articleId: String(i).padStart(9, '0'),
      words: 0,
      minhash: [],
      reuse: [],
      terms: Array.from(c.terms),
      termWeights: [],
      day: null,
    }),
  );
  for (const fp of asFp) index.add(fp);
  const edges: LinkEdge[] = [];
  centroids.forEach((c, i) => {
    const found = index.candidates(asFp[i] as Fingerprint, {
      text: false,
      terms: keyTerms(c, QUERY_TERMS),
    });
    for (const cand of found) {
      const j = Number(cand.articleId);
      const s = cosine(c, centroids[j] as TopicalVector);
      if (s > 0) edges.push({ a: Math.min(i, j), b: Math.max(i, j), sum: s });
    }
  });
  // Each candidate pair may be found from both sides: keep one edge per pair.
  return averageLink(
    stories.map(() => 1),
    dedupeEdges(edges),
    threshold,
  );
}

function dedupeEdges(edges: LinkEdge[]): LinkEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const k = `${e.a},${e.b}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Normalised sum of unit vectors, keeping the CENTROID_TERMS strongest
 * terms, with terms reweighed by kind for topics (TOPIC_KIND_WEIGHTS).
 */
export function centroid(vectors: readonly (TopicalVector | null)[]): TopicalVector {
  let total = 0;
  for (const v of vectors) if (v !== null) total += v.terms.length;
  const sum = createIntCounter(total);
  for (const v of vectors) {
    if (v === null) continue;
    for (let i = 0; i < v.terms.length; i++) {
      const t = v.terms[i] as number;
      // Term ids carry their kind in the low two bits (fingerprint.ts).
      sum.add(t, (v.weights[i] as number) * (TOPIC_KIND_WEIGHTS[t & 3] ?? 1));
    }
  }
  const terms = sum.keys().sort();
  const weights = Float64Array.from(terms, (t) => sum.get(t));
  return unitVector(terms, weights, CENTROID_TERMS);
}
