import type { Article, Problem, Relation, Story, Topic } from '../model/index.ts';
import { averageLink, type LinkEdge } from './average-link.ts';
import {
  type CandidateIndex,
  createMemoryCandidateIndex,
  type MemoryIndexOptions,
} from './candidate-index.ts';
import {
  type Fingerprint,
  type FingerprintOptions,
  type FingerprintView,
  fingerprintView,
} from './fingerprint.ts';
import { linkSimilarity, overlapScores, textOverlap, toRelation } from './relate.ts';
import { compareIds, storyId, topicId } from './story-id.ts';
import { storyRelations } from './story-relations.ts';
import {
  DERIVED_CONTAINMENT,
  EDGE_FLOOR,
  FULL_RELATIONS_MAX,
  MIN_REUSE_HASHES,
  MIN_WORDS,
  POSTING_VISIT_CAP,
  QUERY_TERMS,
  REUSE_SAMPLE,
  STORY_THRESHOLD,
  TEXT_CANDIDATES,
  TEXT_PAIRS_PER_ARTICLE,
  TOPIC_THRESHOLD,
  TOPICAL_CANDIDATES,
  UNIT_CONTAINMENT,
  UNIT_TOPICAL,
} from './thresholds.ts';
import {
  cosine,
  keyTerms,
  type TopicalVector,
  termStatistics,
  timeWeight,
  topicalVector,
} from './topical.ts';
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
  // Fingerprints kept compact (typed arrays: about half the memory of
  // number arrays at 100k articles).
  const fps: FingerprintView[] = unique.map((a) => {
    const given = options.fingerprints?.get(a.id);
    const fp = given === undefined ? fingerprintView(a, options.fingerprint) : compact(given);
    // Single precision is plenty for weights rounded to 1e-4, at half the memory.
    return { ...fp, termWeights: Float32Array.from(fp.termWeights) };
  });

  // Articles with too little text are kept as their own story, reported.
  const usable: boolean[] = fps.map((fp, i) => {
    const article = unique[i] as Article;
    if (fp.words === 0) {
      problems.push(
        problem(
          'group/no-text',
          `Article ${article.id} has no text to group by; it is kept as a story of its own.`,
          article,
        ),
      );
      return false;
    }
    if (fp.words < MIN_WORDS) {
      problems.push(
        problem(
          'group/too-short',
          `Article ${article.id} has ${fp.words} word(s), too few to group reliably; it is kept as a story of its own.`,
          article,
        ),
      );
      return false;
    }
    return true;
  });
  const stats = termStatistics(fps.filter((_, i) => usable[i]));
  // TF-IDF vectors now; the raw terms are then freed (a third of the memory).
  const vectors: (TopicalVector | null)[] = fps.map((fp, i) =>
    usable[i] ? topicalVector(fp, stats) : null,
  );
  const vectorOf = (i: number) => vectors[i] as TopicalVector;
  for (let i = 0; i < n; i++) {
    fps[i] = { ...(fps[i] as FingerprintView), terms: EMPTY, termWeights: EMPTY };
  }
  // Lookups visit the newest POSTING_VISIT_CAP articles of a list: bounded
  // however often one text is copied.
  const index = createMemoryCandidateIndex({
    visitCap: POSTING_VISIT_CAP,
    ...options.index,
    indexTerms: false,
  });
  for (let i = 0; i < n; i++) if (usable[i]) index.add(fps[i] as FingerprintView);
  const numberOf = new Map(unique.map((a, i) => [a.id, i]));
  const reuseSize = fps.map((fp) => effectiveReuse(fp, index, 1));
  // Candidates count shared hashes among the sampled ones only.
  const sample = options.index?.reuseSample ?? REUSE_SAMPLE;
  const sampledSize = fps.map((fp) => effectiveReuse(fp, index, sample));
  const key = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  // Scores from a sampled shared count (see REUSE_SAMPLE).
  const textScores = (i: number, j: number, shared: number) =>
    overlapScores({ shared, sizeA: sampledSize[i] as number, sizeB: sampledSize[j] as number });

  // 1. Shared text, counted straight from the index postings. Copies of one
  // text (mutual containment) join one unit as they are found; each article
  // keeps its best pair per unit, for at most TEXT_PAIRS_PER_ARTICLE units,
  // so thousands of copies of one wire story cost a few pairs each.
  const unitOf = Int32Array.from({ length: n }, (_, i) => i);
  const findUnit = (x: number): number => {
    let r = x;
    while (unitOf[r] !== r) {
      unitOf[r] = unitOf[unitOf[r] as number] as number;
      r = unitOf[r] as number;
    }
    return r;
  };
  const pairs = new Map<number, number>();
  const bestJ: number[] = [];
  const bestShared: number[] = [];
  const bestLink: number[] = [];
  const bestRoot: number[] = [];
  // Slot of a unit root in the best* lists of the current article, +1 (0: none).
  const slotOfRoot = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!usable[i]) continue;
    const sizeI = sampledSize[i] as number;
    for (const r of bestRoot) slotOfRoot[r] = 0;
    bestJ.length = 0;
    bestShared.length = 0;
    bestLink.length = 0;
    bestRoot.length = 0;
    for (const c of index.candidates(fps[i] as FingerprintView, { limit: TEXT_CANDIDATES })) {
      const j = numberOf.get(c.articleId) as number;
      const shared = c.sharedReuse;
      const sizeJ = sampledSize[j] as number;
      const cIJ = sizeI > 0 ? shared / sizeI : 0;
      const cJI = sizeJ > 0 ? shared / sizeJ : 0;
      // One unit: copies of one text (mutual containment), or a rewrite that
      // keeps some of the text and all of the topic.
      if (
        Math.min(cIJ, cJI) >= UNIT_CONTAINMENT ||
        (Math.max(cIJ, cJI) >= DERIVED_CONTAINMENT &&
          (reuseSize[i] as number) >= MIN_REUSE_HASHES &&
          (reuseSize[j] as number) >= MIN_REUSE_HASHES &&
          cosine(vectorOf(i), vectorOf(j)) >= UNIT_TOPICAL)
      ) {
        const a = findUnit(i);
        const b = findUnit(j);
        if (a !== b) unitOf[Math.max(a, b)] = Math.min(a, b);
      }
      const link = Math.max(
        sizeI >= MIN_REUSE_HASHES ? cIJ : 0,
        sizeJ >= MIN_REUSE_HASHES ? cJI : 0,
      );
      const root = findUnit(j);
      const at = (slotOfRoot[root] as number) - 1;
      if (at < 0) {
        slotOfRoot[root] = bestRoot.length + 1;
        bestRoot.push(root);
        bestJ.push(j);
        bestShared.push(shared);
        bestLink.push(link);
      } else if (link > (bestLink[at] as number)) {
        bestJ[at] = j;
        bestShared[at] = shared;
        bestLink[at] = link;
      }
    }
    const order = bestJ.map((_, x) => x);
    order.sort(
      (x, y) =>
        (bestLink[y] as number) - (bestLink[x] as number) ||
        (bestJ[x] as number) - (bestJ[y] as number),
    );
    for (let x = 0; x < order.length && x < TEXT_PAIRS_PER_ARTICLE; x++) {
      const at = order[x] as number;
      pairs.set(key(i, bestJ[at] as number), bestShared[at] as number);
    }
  }
  // Signatures were only needed to find text candidates.
  for (let i = 0; i < n; i++) fps[i] = { ...(fps[i] as FingerprintView), minhash: EMPTY };
  const rep = Int32Array.from({ length: n }, (_, i) => findUnit(i));
  const unitSize = new Map<number, number>();
  for (let i = 0; i < n; i++)
    unitSize.set(rep[i] as number, (unitSize.get(rep[i] as number) ?? 0) + 1);

  // 2. Topical similarity between unit representatives, candidates by key
  // terms (each representative indexed under its own key terms).
  const reps = [...unitSize.keys()].filter((r) => usable[r]).sort((a, b) => a - b);
  const repIndex = createMemoryCandidateIndex({ visitCap: POSTING_VISIT_CAP, ...options.index });
  const keyFps = new Map<number, FingerprintView>();
  for (const r of reps) {
    const fp = { ...(fps[r] as FingerprintView), terms: keyTerms(vectorOf(r), QUERY_TERMS) };
    keyFps.set(r, fp);
    repIndex.add(fp);
  }
  const topicalOf = (i: number, j: number): number =>
    cosine(vectorOf(i), vectorOf(j)) *
    timeWeight((fps[i] as FingerprintView).day, (fps[j] as FingerprintView).day);
  const unitEdges = new Map<number, number>();
  for (const r of reps) {
    const fp = keyFps.get(r) as FingerprintView;
    const found = repIndex.candidates(fp, {
      text: false,
      terms: fp.terms,
      limit: TOPICAL_CANDIDATES,
    });
    for (const c of found) {
      const o = numberOf.get(c.articleId) as number;
      const k = key(r, o);
      if (unitEdges.has(k)) continue;
      unitEdges.set(k, topicalOf(r, o) * (unitSize.get(r) as number) * (unitSize.get(o) as number));
    }
  }
  // Shared text across units adds what it exceeds the units' topical similarity by.
  for (const [k, shared] of pairs) {
    const i = Math.floor(k / n);
    const j = k % n;
    const ri = rep[i] as number;
    const rj = rep[j] as number;
    if (ri === rj) continue;
    const text = linkSimilarity(
      { ...textScores(i, j, shared), topical: 0 },
      reuseSize[i] as number,
      reuseSize[j] as number,
    );
    const uk = key(ri, rj);
    const t = topicalOf(ri, rj);
    const sum =
      unitEdges.get(uk) ?? t * (unitSize.get(ri) as number) * (unitSize.get(rj) as number);
    unitEdges.set(uk, text > t ? sum + (text - t) : sum);
  }

  // 3. Average link over units.
  const unitNumber = new Map(reps.map((r, u) => [r, u]));
  const edges: LinkEdge[] = [];
  for (const [k, sum] of [...unitEdges].sort((x, y) => x[0] - y[0])) {
    const i = Math.floor(k / n);
    const j = k % n;
    const a = unitNumber.get(i);
    const b = unitNumber.get(j);
    // Faint similarities barely move a mean and cost most of the merging work.
    const mean = sum / ((unitSize.get(i) as number) * (unitSize.get(j) as number));
    if (a !== undefined && b !== undefined && mean >= EDGE_FLOOR) edges.push({ a, b, sum });
  }
  const clusters = averageLink(
    reps.map((r) => unitSize.get(r) as number),
    edges,
    options.storyThreshold ?? STORY_THRESHOLD,
  );
  const membersOfRep = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = rep[i] as number;
    const list = membersOfRep.get(r);
    if (list === undefined) membersOfRep.set(r, [i]);
    else list.push(i);
  }
  const groups: number[][] = clusters.map((c) =>
    c.flatMap((u) => membersOfRep.get(reps[u] as number) ?? []),
  );
  for (let i = 0; i < n; i++) if (!usable[i]) groups.push([i]);

  // 4. Stories with relations, in a stable order.
  const storyOf = new Int32Array(n);
  groups.forEach((g, s) => {
    for (const m of g) storyOf[m] = s;
  });
  const pairsOfStory = new Map<number, [number, number, number][]>();
  const addPair = (k: number, pre: number) => {
    const i = Math.floor(k / n);
    const j = k % n;
    const s = storyOf[i] as number;
    if (s !== storyOf[j] || (groups[s] as number[]).length <= FULL_RELATIONS_MAX) return;
    const list = pairsOfStory.get(s);
    if (list === undefined) pairsOfStory.set(s, [[i, j, pre]]);
    else list.push([i, j, pre]);
  };
  // Shared text first (1 + sampled containment), then topical similarity.
  for (const [k, shared] of pairs) {
    const i = Math.floor(k / n);
    const s = textScores(i, k % n, shared);
    addPair(k, 1 + Math.max(s.containmentAB, s.containmentBA));
  }
  for (const [k, sum] of unitEdges) {
    const i = Math.floor(k / n);
    const j = k % n;
    addPair(k, sum / ((unitSize.get(i) ?? 1) * (unitSize.get(j) ?? 1)));
  }
  const isCommon = (h: number) => index.isCommonReuse(h);
  const relation = (i: number, j: number): Relation => {
    const a = fps[i] as FingerprintView;
    const b = fps[j] as FingerprintView;
    const o = textOverlap(a, b, isCommon);
    return toRelation(
      a.articleId,
      b.articleId,
      { ...overlapScores(o), topical: topicalOf(i, j) },
      { a: o.sizeA, b: o.sizeB },
    );
  };
  const stories: { story: Story; members: number[] }[] = groups.map((members, s) => {
    members.sort((a, b) => a - b);
    const ids = members.map((m) => (unique[m] as Article).id);
    const live = members.filter((m) => usable[m]);
    const relations = storyRelations(live, relation, () => pairsOfStory.get(s) ?? []);
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

const EMPTY = new Uint32Array(0);

function compact(fp: Fingerprint): FingerprintView {
  return {
    articleId: fp.articleId,
    words: fp.words,
    minhash: Uint32Array.from(fp.minhash),
    reuse: Uint32Array.from(fp.reuse),
    terms: Uint32Array.from(fp.terms),
    termWeights: fp.termWeights,
    day: fp.day,
  };
}

/** Reuse hashes of a fingerprint that count: not common, and in the sample (`hash % sample === 0`). */
function effectiveReuse(fp: FingerprintView, index: CandidateIndex, sample: number): number {
  let k = 0;
  for (let i = 0; i < fp.reuse.length; i++) {
    const h = fp.reuse[i] as number;
    if (h % sample === 0 && !index.isCommonReuse(h)) k++;
  }
  return k;
}

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
