import { averageLink, type LinkEdge } from './average-link.ts';
import { createMemoryCandidateIndex } from './candidate-index.ts';
import type { Fingerprint } from './fingerprint.ts';
import { createIntCounter } from './hash-set.ts';
import {
  CENTROID_TERMS,
  QUERY_TERMS,
  TOPIC_ANCHOR_ARTICLES,
  TOPIC_NAME_THRESHOLD,
  TOPIC_THRESHOLD,
} from './thresholds.ts';
import { cosine, keyTerms, type TopicalVector, unitVector } from './topical.ts';

// Term ids carry their kind in the low two bits (fingerprint.ts).
const KIND_CONTENT = 0;
const KIND_NAME = 1;

/** What topic grouping keeps of a story: its words and its names, apart. */
export interface StoryProfile {
  /** Normalised sum of the members' content-word weights (what kind of event). */
  words: TopicalVector;
  /** Normalised sum of the members' name weights (who and where). */
  names: TopicalVector;
  /** Members with a vector (articles that carry text). */
  articles: number;
}

/** Options of `clusterTopics`; defaults are the measured constants of thresholds.ts. */
export interface TopicOptions {
  /** Mean name cosine for stories of one kind to form a name group (TOPIC_NAME_THRESHOLD). */
  nameThreshold?: number;
  /** Articles a story needs to count towards an anchor (TOPIC_ANCHOR_ARTICLES). */
  anchorArticles?: number;
}

/** Similarities of two stories for topic grouping. */
export interface TopicSimilarity {
  /** Cosine of the word profiles. */
  words: number;
  /** Cosine of the name profiles. */
  names: number;
}

/**
 * Group stories into topics (stories about the same kind of thing, about
 * the same people or places when there are several such groups). Two steps:
 *
 * 1. Kinds: stories are average-linked at `threshold` on the mean of their
 *    word cosine and name cosine (`topicSimilarity`): two earthquakes, two
 *    acquisitions, two office shootings.
 * 2. Anchors: inside a kind, stories average-linked on names alone at
 *    TOPIC_NAME_THRESHOLD form name groups; a group of at least two stories
 *    of TOPIC_ANCHOR_ARTICLES articles or more is an anchor (the earthquakes
 *    in Iran, the acquisitions by HP). A kind with anchors splits: each
 *    anchor is a topic, and the stories that share names with no anchor
 *    form one more. A kind without anchors stays one topic, so two
 *    same-kind stories with nothing else like them stay together.
 *
 * Candidate pairs come from an index of the profiles' terms (no all-pairs
 * step). Deterministic: the same stories in the same order give the same
 * topics (groupArticles orders stories by article id). Returns groups of
 * story indexes, each sorted, ordered by first story.
 */
export function clusterTopics(
  stories: readonly (readonly number[])[],
  vectors: readonly (TopicalVector | null)[],
  threshold = TOPIC_THRESHOLD,
  options: TopicOptions = {},
): number[][] {
  const nameThreshold = options.nameThreshold ?? TOPIC_NAME_THRESHOLD;
  const anchorArticles = options.anchorArticles ?? TOPIC_ANCHOR_ARTICLES;
  const profiles = stories.map((members) => storyProfile(members.map((m) => vectors[m] ?? null)));
  const pairs = candidatePairs(profiles);
  const kindEdges: LinkEdge[] = [];
  for (const p of pairs) {
    const s = (p.words + p.names) / 2;
    if (s > 0) kindEdges.push({ a: p.a, b: p.b, sum: s });
  }
  const ones = stories.map(() => 1);
  const kinds = averageLink(ones, kindEdges, threshold);
  const kindOf = new Int32Array(stories.length);
  kinds.forEach((k, i) => {
    for (const s of k) kindOf[s] = i;
  });
  // Name groups never cross kinds: only pairs inside one kind are linked.
  const nameEdges: LinkEdge[] = [];
  for (const p of pairs) {
    if (p.names > 0 && kindOf[p.a] === kindOf[p.b])
      nameEdges.push({ a: p.a, b: p.b, sum: p.names });
  }
  const nameGroups = averageLink(ones, nameEdges, nameThreshold);
  const anchors: number[][][] = kinds.map(() => []);
  const anchored = new Uint8Array(stories.length);
  for (const g of nameGroups) {
    let substantial = 0;
    for (const s of g) {
      if ((profiles[s] as StoryProfile).articles >= anchorArticles) substantial++;
    }
    if (substantial < 2) continue;
    (anchors[kindOf[g[0] as number] as number] as number[][]).push(g);
    for (const s of g) anchored[s] = 1;
  }
  const out: number[][] = [];
  kinds.forEach((k, i) => {
    const own = anchors[i] as number[][];
    if (own.length === 0) {
      out.push(k);
      return;
    }
    out.push(...own);
    const rest = k.filter((s) => anchored[s] === 0);
    if (rest.length > 0) out.push(rest);
  });
  for (const g of out) g.sort((x, y) => x - y);
  return out.sort((x, y) => (x[0] as number) - (y[0] as number));
}

/** Word and name profiles of a story from its members' TF-IDF vectors (null: no text). */
export function storyProfile(vectors: readonly (TopicalVector | null)[]): StoryProfile {
  let articles = 0;
  let total = 0;
  for (const v of vectors) {
    if (v === null) continue;
    articles++;
    total += v.terms.length;
  }
  // One pass sums both kinds; the sorted keys are then dealt out by kind.
  const sum = createIntCounter(total);
  for (const v of vectors) {
    if (v === null) continue;
    for (let i = 0; i < v.terms.length; i++) {
      const t = v.terms[i] as number;
      const kind = t & 3;
      if (kind === KIND_CONTENT || kind === KIND_NAME) sum.add(t, v.weights[i] as number);
    }
  }
  const terms = sum.keys().sort();
  const ofKind = (kind: number): TopicalVector => {
    const picked = terms.filter((t) => (t & 3) === kind);
    const weights = Float64Array.from(picked, (t) => sum.get(t));
    return unitVector(picked, weights, CENTROID_TERMS);
  };
  return { words: ofKind(KIND_CONTENT), names: ofKind(KIND_NAME), articles };
}

/** Word and name cosines of two story profiles. */
export function topicSimilarity(a: StoryProfile, b: StoryProfile): TopicSimilarity {
  return { words: cosine(a.words, b.words), names: cosine(a.names, b.names) };
}

interface Pair extends TopicSimilarity {
  a: number;
  b: number;
}

/** Candidate story pairs (a < b, each once, in a stable order) with their similarities. */
function candidatePairs(profiles: readonly StoryProfile[]): Pair[] {
  // Each story is indexed under all its profile terms and looked up by its
  // strongest ones, words and names together.
  const index = createMemoryCandidateIndex();
  const lookups = profiles.map((p) => mergeVectors(p.words, p.names));
  const asFp = lookups.map(
    (lookup, i): Fingerprint => ({
      articleId: String(i).padStart(9, '0'),
      words: 0,
      minhash: [],
      reuse: [],
      terms: Array.from(lookup.terms),
      termWeights: [],
      day: null,
    }),
  );
  const queries = lookups.map((lookup) => keyTerms(lookup, QUERY_TERMS));
  for (const fp of asFp) index.add(fp);
  const seen = new Set<number>();
  const n = profiles.length;
  const pairs: Pair[] = [];
  profiles.forEach((p, i) => {
    const found = index.candidates(asFp[i] as Fingerprint, { text: false, terms: queries[i] });
    for (const cand of found) {
      const j = Number(cand.articleId);
      const a = Math.min(i, j);
      const b = Math.max(i, j);
      const key = a * n + b;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push({ a, b, ...topicSimilarity(p, profiles[j] as StoryProfile) });
    }
  });
  return pairs;
}

/** The union of two sparse vectors' terms (kinds never share a term id), weights as they are. */
function mergeVectors(x: TopicalVector, y: TopicalVector): TopicalVector {
  const terms = new Uint32Array(x.terms.length + y.terms.length);
  const weights = new Float32Array(terms.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < x.terms.length || j < y.terms.length) {
    const takeX =
      j >= y.terms.length ||
      (i < x.terms.length && (x.terms[i] as number) < (y.terms[j] as number));
    if (takeX) {
      terms[k] = x.terms[i] as number;
      weights[k++] = x.weights[i++] as number;
    } else {
      terms[k] = y.terms[j] as number;
      weights[k++] = y.weights[j++] as number;
    }
  }
  return { terms, weights };
}
