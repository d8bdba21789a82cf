import type { Article, Problem, Relation, Story, Topic } from '../model/index.ts';
import { averageLink } from './average-link.ts';
import type { MemoryIndexOptions } from './candidate-index.ts';
import type { Fingerprint, FingerprintOptions, FingerprintView } from './fingerprint.ts';
import { fingerprintColumns } from './fingerprint-columns.ts';
import { linkSimilarity, overlapScores, textOverlap, toRelation } from './relate.ts';
import { compareIds, storyId, topicId } from './story-id.ts';
import { createStoryPairs } from './story-pairs.ts';
import { storyRelations } from './story-relations.ts';
import { textPairs } from './text-pairs.ts';
import {
  EDGE_FLOOR,
  FULL_RELATIONS_MAX,
  MIN_WORDS,
  STORY_THRESHOLD,
  TOPIC_THRESHOLD,
} from './thresholds.ts';
import { cosine, type TopicalVector, timeWeight } from './topical.ts';
import { topicalEdges } from './topical-edges.ts';
import { topicalVectors } from './topical-vectors.ts';
import { clusterTopics } from './topics.ts';

/** Options of `groupArticles`; defaults are the measured constants of thresholds.ts. */
export interface GroupOptions {
  /** Mean similarity for articles to form one story (average link). */
  storyThreshold?: number;
  /** Mean similarity for stories to form one topic. */
  topicThreshold?: number;
  fingerprint?: FingerprintOptions;
  index?: MemoryIndexOptions;
  /** Fingerprints already computed (by article id); others are computed. */
  fingerprints?: ReadonlyMap<string, Fingerprint>;
}

/** What `groupArticles` returns. */
export interface GroupResult {
  stories: Story[];
  topics: Topic[];
  problems: Problem[];
}

/**
 * Group a batch of articles into stories (one real-world event each) and
 * topics, with pairwise relations inside each story. Deterministic: the
 * same articles in any order give the same stories, ids and relations.
 *
 * Memory: what is kept per article lives in a few large typed arrays
 * (packed-lists.ts), and each part is dropped once used: term lists once
 * the TF-IDF vectors are built, band keys once text candidates are found.
 *
 * @example
 * const { stories, topics, problems } = groupArticles(articles);
 */
export function groupArticles(
  articles: readonly Article[],
  options: GroupOptions = {},
): GroupResult {
  if (!Array.isArray(articles)) {
    throw new TypeError(
      `Expected an array of Articles, got ${articles === null ? 'null' : typeof articles}`,
    );
  }
  const problems: Problem[] = [];
  const unique = uniqueArticles(articles, problems);
  const n = unique.length;
  const columns = fingerprintColumns(unique, {
    fingerprint: options.fingerprint,
    fingerprints: options.fingerprints,
    lshRows: options.index?.lshRows,
  });
  const { articleIds, days } = columns;

  // Articles with too little text are kept as their own story, reported.
  const usable = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const article = unique[i] as Article;
    const words = columns.words[i] as number;
    if (words === 0) {
      problems.push(
        problem(
          'group/no-text',
          `Article ${article.id} has no text to group by; it is kept as a story of its own.`,
          article,
        ),
      );
    } else if (words < MIN_WORDS) {
      problems.push(
        problem(
          'group/too-short',
          `Article ${article.id} has ${words} word(s), too few to group reliably; it is kept as a story of its own.`,
          article,
        ),
      );
    } else usable[i] = 1;
  }
  const vectors = topicalVectors(columns, usable);
  const vectorOf = (i: number) => vectors[i] as TopicalVector;

  // 1. Shared text, counted straight from the index postings.
  const text = textPairs(columns, usable, vectorOf, options.index);
  const { pairs, rep, reuseSize, sampledSize } = text;
  const reuse = text.counted;
  const unitSize = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rep[i] as number;
    unitSize[r] = (unitSize[r] as number) + 1;
  }
  // Scores from a sampled shared count (see REUSE_SAMPLE).
  const textScores = (i: number, j: number, shared: number) =>
    overlapScores({ shared, sizeA: sampledSize[i] as number, sizeB: sampledSize[j] as number });
  const topicalOf = (i: number, j: number): number =>
    cosine(vectorOf(i), vectorOf(j)) * timeWeight(days[i] ?? null, days[j] ?? null);

  // 2. Topical similarity between unit representatives, candidates by key
  // terms (each representative indexed under its own key terms).
  const reps: number[] = [];
  for (let r = 0; r < n; r++) if (rep[r] === r && usable[r]) reps.push(r);
  const unitEdges = topicalEdges(reps, vectorOf, topicalOf, unitSize, options.index);
  // Shared text across units adds what it exceeds the units' topical similarity by.
  for (let e = 0; e < pairs.size(); e++) {
    const i = pairs.first(e);
    const j = pairs.second(e);
    const ri = rep[i] as number;
    const rj = rep[j] as number;
    if (ri === rj) continue;
    const linked = linkSimilarity(
      { ...textScores(i, j, pairs.value(e)), topical: 0 },
      reuseSize[i] as number,
      reuseSize[j] as number,
    );
    const t = topicalOf(ri, rj);
    const at = unitEdges.find(Math.min(ri, rj), Math.max(ri, rj));
    const sum =
      at >= 0 ? unitEdges.value(at) : t * (unitSize[ri] as number) * (unitSize[rj] as number);
    unitEdges.set(Math.min(ri, rj), Math.max(ri, rj), linked > t ? sum + (linked - t) : sum);
  }

  // 3. Average link over units, edges in order of their units.
  const unitNumber = new Int32Array(n).fill(-1);
  reps.forEach((r, u) => {
    unitNumber[r] = u;
  });
  const sortKeys = new Float64Array(unitEdges.size());
  for (let e = 0; e < sortKeys.length; e++) {
    sortKeys[e] = unitEdges.first(e) * n + unitEdges.second(e);
  }
  sortKeys.sort();
  const edgeA = new Int32Array(sortKeys.length);
  const edgeB = new Int32Array(sortKeys.length);
  const edgeSum = new Float64Array(sortKeys.length);
  let edgeCount = 0;
  for (const k of sortKeys) {
    const i = Math.floor(k / n);
    const j = k % n;
    const sum = unitEdges.value(unitEdges.find(i, j));
    const a = unitNumber[i] as number;
    const b = unitNumber[j] as number;
    // Faint similarities barely move a mean and cost most of the merging work.
    const mean = sum / ((unitSize[i] as number) * (unitSize[j] as number));
    if (a >= 0 && b >= 0 && mean >= EDGE_FLOOR) {
      edgeA[edgeCount] = a;
      edgeB[edgeCount] = b;
      edgeSum[edgeCount] = sum;
      edgeCount++;
    }
  }
  const clusters = averageLink(
    reps.map((r) => unitSize[r] as number),
    {
      a: edgeA.subarray(0, edgeCount),
      b: edgeB.subarray(0, edgeCount),
      sum: edgeSum.subarray(0, edgeCount),
    },
    options.storyThreshold ?? STORY_THRESHOLD,
  );
  // Members of each unit, in article order (a counting sort by unit).
  const memberStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const r = (rep[i] as number) + 1;
    memberStart[r] = (memberStart[r] as number) + 1;
  }
  for (let r = 0; r < n; r++) {
    memberStart[r + 1] = (memberStart[r + 1] as number) + (memberStart[r] as number);
  }
  const memberList = new Int32Array(n);
  const fillAt = memberStart.slice(0, n);
  for (let i = 0; i < n; i++) {
    const r = rep[i] as number;
    const at = fillAt[r] as number;
    memberList[at] = i;
    fillAt[r] = at + 1;
  }
  const groups: number[][] = clusters.map((c) => {
    const g: number[] = [];
    for (const u of c) {
      const r = reps[u] as number;
      for (let p = memberStart[r] as number; p < (memberStart[r + 1] as number); p++) {
        g.push(memberList[p] as number);
      }
    }
    return g;
  });
  for (let i = 0; i < n; i++) if (!usable[i]) groups.push([i]);

  // 4. Stories with relations, in a stable order. Stories too large for
  // every pair get relations for candidate pairs: shared text first
  // (1 + sampled containment), then topical similarity.
  const storyOf = new Int32Array(n);
  groups.forEach((g, s) => {
    for (const m of g) storyOf[m] = s;
  });
  const inLargeStory = (i: number, j: number) =>
    storyOf[i] === storyOf[j] &&
    (groups[storyOf[i] as number] as number[]).length > FULL_RELATIONS_MAX;
  const candidatePairs = createStoryPairs(groups.length);
  for (let e = 0; e < pairs.size(); e++) {
    const i = pairs.first(e);
    const j = pairs.second(e);
    if (!inLargeStory(i, j)) continue;
    const s = textScores(i, j, pairs.value(e));
    candidatePairs.add(storyOf[i] as number, i, j, 1 + Math.max(s.containmentAB, s.containmentBA));
  }
  for (let e = 0; e < unitEdges.size(); e++) {
    const i = unitEdges.first(e);
    const j = unitEdges.second(e);
    if (!inLargeStory(i, j)) continue;
    const pre = unitEdges.value(e) / ((unitSize[i] as number) * (unitSize[j] as number));
    candidatePairs.add(storyOf[i] as number, i, j, pre);
  }
  candidatePairs.finish();
  // Common reuse hashes are already left out of `reuse` (see textPairs).
  const reuseOf = (i: number): FingerprintView => ({
    articleId: articleIds[i] as string,
    words: columns.words[i] as number,
    minhash: NONE,
    reuse: reuse.get(i),
    terms: NONE,
    termWeights: NONE,
    day: days[i] ?? null,
  });
  const relation = (i: number, j: number): Relation => {
    const o = textOverlap(reuseOf(i), reuseOf(j));
    return toRelation(
      articleIds[i] as string,
      articleIds[j] as string,
      { ...overlapScores(o), topical: topicalOf(i, j) },
      { a: o.sizeA, b: o.sizeB },
    );
  };
  const stories: { story: Story; members: number[] }[] = groups.map((members, s) => {
    members.sort((a, b) => a - b);
    const ids = members.map((m) => (unique[m] as Article).id);
    const live = members.filter((m) => usable[m]);
    const relations = storyRelations(live, relation, () => candidatePairs.of(s));
    return { story: { id: storyId(ids), articleIds: ids, relations }, members };
  });
  stories.sort((x, y) =>
    compareIds(x.story.articleIds[0] as string, y.story.articleIds[0] as string),
  );

  // 6. Topics: stories about the same kind of thing.
  const topicGroups = clusterTopics(
    stories.map((s) => s.members.filter((m) => usable[m])),
    vectors,
    options.topicThreshold ?? TOPIC_THRESHOLD,
  );
  const topics: Topic[] = topicGroups
    .map((g) => {
      const storyIds = g.map((s) => (stories[s] as { story: Story }).story.id).sort(compareIds);
      return { id: topicId(storyIds), storyIds };
    })
    .sort((a, b) => compareIds(a.storyIds[0] as string, b.storyIds[0] as string));
  return { stories: stories.map((s) => s.story), topics, problems };
}

const NONE = new Uint32Array(0);

function uniqueArticles(articles: readonly Article[], problems: Problem[]): Article[] {
  const byId = new Map<string, Article>();
  for (const [i, a] of articles.entries()) {
    if (a === null || typeof a !== 'object' || typeof a.id !== 'string') {
      throw new TypeError(
        `Expected an Article with a string id at index ${i}, got ${a === null ? 'null' : typeof a}`,
      );
    }
    const seen = byId.get(a.id);
    if (seen === undefined) {
      byId.set(a.id, a);
      continue;
    }
    const same = seen.text === a.text;
    problems.push(
      problem(
        'group/duplicate-id',
        same
          ? `Article ${a.id} was submitted more than once; it is counted once.`
          : `Two different articles share the id ${a.id}; only the first (from ${seen.source}) is grouped.`,
        a,
      ),
    );
  }
  return [...byId.values()].sort((x, y) => compareIds(x.id, y.id));
}

function problem(code: string, message: string, article: Article): Problem {
  return {
    code,
    message,
    source: typeof article.source === 'string' ? article.source : article.id,
    severity: 'warning',
  };
}
