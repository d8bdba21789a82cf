import type {
  Alignment,
  Article,
  FactKind,
  FactUnit,
  Span,
  StoryAlignment,
} from '../model/index.ts';
import { hashHex } from '../text/hash.ts';
import {
  numberConflict,
  profileSimilarity,
  SAME_FACT_THRESHOLD,
  type SentenceProfile,
  sentenceProfile,
} from '../text/sentence-similarity.ts';
import { words } from '../text/tokenize.ts';
import { linkKind, looserKind } from './link-kind.ts';

/**
 * Sentences with fewer words are not facts: subheadings ("Military
 * exercises"), credits ("Reuters") and leftovers of page furniture.
 */
export const MIN_FACT_WORDS = 4;

/**
 * Content words two sentences must share before the sentence model scores
 * them: pruning that keeps the comparison near-linear in story size. On the
 * MSRP training split every equivalent pair shares at least two content
 * stems (99.6% share three or more).
 */
export const MIN_SHARED_CONTENT = 2;

/**
 * Dice overlap of two sentences' distinct content stems below which the
 * sentence model does not score them: a prefilter, since the model takes
 * ~0.1 ms a pair and a big story offers tens of thousands of pairs sharing
 * two words. Of the 2,885 MSRP training pairs the model accepts (score at
 * SAME_FACT_THRESHOLD or above, no number conflict) none has a Dice below
 * 0.3 (2 below 0.35, 9 below 0.4). On bench:report's 50-article story the
 * model scored 31,000 distinct sentence pairs outside aligned passages and
 * accepted 7,000: of the 24,300 below 0.3 it accepted 8 (none below 0.2),
 * and skipping them all leaves every fact unit as it was while saving 78%
 * of that scoring.
 */
export const MIN_CONTENT_DICE = 0.3;

/**
 * Share of a sentence's characters that must lie inside an aligned passage
 * for the passage to speak for that sentence.
 */
export const PASSAGE_SENTENCE_OVERLAP = 0.5;

/** Options of `factUnits`. */
export interface FactUnitOptions {
  /** Sentence-model score at or above which two sentences carry the same fact (default `SAME_FACT_THRESHOLD`). */
  threshold?: number;
}

/** A sentence of a story, ready to compare. */
export interface StorySentence extends Span {
  /** Index of its article in the story's article list. */
  article: number;
  text: string;
  /** Normalised words. */
  words: string[];
  profile: SentenceProfile;
  /** Same number for sentences of the same text (wire copies repeat most sentences). */
  textId: number;
  /** Distinct content stems of `profile`. */
  contentSet: ReadonlySet<string>;
}

/** What `factUnits` returns. */
export interface FactUnitResult {
  /** In narrative order. */
  units: FactUnit[];
  /** Article indexes in narrative order (the most-covering article first). */
  articleOrder: number[];
  /** Unit id of each sentence that is a fact, by `sentenceKey(article id, start)`. */
  unitOfSentence: Map<string, string>;
}

interface Link {
  s: number;
  t: number;
  score: number;
}

/** Key of a sentence in `unitOfSentence`: `<article id>:<start>`. */
export function sentenceKey(articleId: string, start: number): string {
  return `${articleId}:${start}`;
}

/**
 * The story's fact-sized sentences. A text that recurs (the same wire
 * sentence in many copies) is profiled once and gets one `textId`, so the
 * sentence model scores each pair of distinct texts once.
 */
function prepareSentences(
  articles: readonly Article[],
  spans: readonly Span[][],
): { sentences: StorySentence[]; texts: number } {
  const out: StorySentence[] = [];
  const seen = new Map<
    string,
    { textId: number; words: string[]; profile: SentenceProfile; contentSet: Set<string> }
  >();
  articles.forEach((article, a) => {
    for (const span of spans[a] ?? []) {
      const text = article.text.slice(span.start, span.end);
      let known = seen.get(text);
      if (known === undefined) {
        const w = words(text);
        if (w.length < MIN_FACT_WORDS) continue;
        const profile = sentenceProfile(text);
        known = { textId: seen.size, words: w, profile, contentSet: new Set(profile.content) };
        seen.set(text, known);
      }
      out.push({
        article: a,
        start: span.start,
        end: span.end,
        text,
        words: known.words,
        profile: known.profile,
        textId: known.textId,
        contentSet: known.contentSet,
      });
    }
  });
  return { sentences: out, texts: seen.size };
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Links from the aligner's passages: inside each passage, each sentence of
 * one side goes with the most similar sentence of the other side that the
 * passage also covers. Returns the links and, per sentence, the articles
 * whose relation to it the alignment settles.
 */
function alignmentLinks(
  sentences: readonly StorySentence[],
  articleIndex: ReadonlyMap<string, number>,
  alignments: readonly Alignment[],
  threshold: number,
  similarity: (s: number, t: number) => number,
): { links: Link[]; settled: Set<string> } {
  const byArticle = new Map<number, number[]>();
  sentences.forEach((s, i) => {
    const list = byArticle.get(s.article) ?? [];
    list.push(i);
    byArticle.set(s.article, list);
  });
  const links: Link[] = [];
  const settled = new Set<string>();
  const inside = (list: readonly number[], span: Span): number[] =>
    list.filter((i) => {
      const s = sentences[i] as StorySentence;
      return overlap(s, span) >= PASSAGE_SENTENCE_OVERLAP * (s.end - s.start);
    });
  for (const al of alignments) {
    const ia = articleIndex.get(al.a);
    const ib = articleIndex.get(al.b);
    // Alignments against reconstructed sources (not articles) are skipped.
    if (ia === undefined || ib === undefined || ia === ib) continue;
    const listA = byArticle.get(ia) ?? [];
    const listB = byArticle.get(ib) ?? [];
    for (const passage of al.passages) {
      const sa = inside(listA, passage.a);
      const sb = inside(listB, passage.b);
      for (const s of sa) settled.add(`${s}>${ib}`);
      for (const t of sb) settled.add(`${t}>${ia}`);
      const copied = passage.kind !== 'paraphrase';
      for (const s of sa) {
        let best = -1;
        let bestScore = -1;
        // A long copied passage pairs each sentence with every other one;
        // those sharing too few content words are scored only when no
        // sentence shares enough (a sentence split differently).
        const near = sb.filter((t) => contentDice(sentences[s], sentences[t]) >= MIN_CONTENT_DICE);
        for (const t of near.length > 0 ? near : sb) {
          const sc = similarity(s, t);
          if (sc > bestScore) {
            best = t;
            bestScore = sc;
          }
        }
        // A copied passage vouches for its sentences even when a sentence
        // split differs; a paraphrase passage still needs the model's yes.
        if (best >= 0 && (bestScore >= threshold || (copied && sb.length > 0))) {
          links.push({ s, t: best, score: Math.max(bestScore, threshold) });
        }
      }
    }
  }
  return { links, settled };
}

/** Dice overlap of two sentences' distinct content stems (0 when neither has any). */
function contentDice(x: StorySentence | undefined, y: StorySentence | undefined): number {
  if (x === undefined || y === undefined) return 0;
  const total = x.contentSet.size + y.contentSet.size;
  if (total === 0) return 0;
  let shared = 0;
  for (const w of x.contentSet) if (y.contentSet.has(w)) shared++;
  return (2 * shared) / total;
}

/** Candidate sentence pairs of different articles sharing enough content words (MIN_SHARED_CONTENT, MIN_CONTENT_DICE). */
function candidatePairs(sentences: readonly StorySentence[]): Array<[number, number]> {
  const index = new Map<string, number[]>();
  sentences.forEach((s, i) => {
    for (const w of s.contentSet) {
      const list = index.get(w) ?? [];
      list.push(i);
      index.set(w, list);
    }
  });
  const shared = new Map<number, number>();
  for (const list of index.values()) {
    for (let x = 0; x < list.length; x++) {
      const s = list[x] as number;
      for (let y = x + 1; y < list.length; y++) {
        const t = list[y] as number;
        if ((sentences[s] as StorySentence).article === (sentences[t] as StorySentence).article) {
          continue;
        }
        const key = s * sentences.length + t;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const out: Array<[number, number]> = [];
  for (const [key, n] of shared) {
    const s = Math.floor(key / sentences.length);
    const t = key % sentences.length;
    const sizeS = (sentences[s] as StorySentence).contentSet.size;
    const sizeT = (sentences[t] as StorySentence).contentSet.size;
    // `n` is the number of distinct content stems both share.
    if (n < Math.min(MIN_SHARED_CONTENT, sizeS, sizeT)) continue;
    if ((2 * n) / (sizeS + sizeT) < MIN_CONTENT_DICE) continue;
    out.push([s, t]);
  }
  return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/**
 * Cluster the sentences of a story's articles into fact units: sentences
 * that carry the same fact, verbatim, edited or paraphrased. Alignment
 * passages link sentences where the aligner compared two articles; the
 * sentence model links the rest. Links merge units strongest first, and a
 * merge that would put two dissimilar sentences of one article in a unit is
 * refused (so a chain of paraphrases cannot join two different facts).
 *
 * @param articles the story's articles
 * @param spans sentence spans per article (same order as `articles`)
 * @param alignment the align stage's output for the story, when there is one
 */
export function factUnits(
  articles: readonly Article[],
  spans: readonly Span[][],
  alignment?: StoryAlignment,
  options: FactUnitOptions = {},
): FactUnitResult {
  const threshold = options.threshold ?? SAME_FACT_THRESHOLD;
  const { sentences, texts } = prepareSentences(articles, spans);
  const articleIndex = new Map(articles.map((a, i) => [a.id, i] as const));
  // Keyed by the pair of distinct texts: the model's score is symmetric and
  // depends on the text alone, and copies repeat most sentences.
  const cache = new Map<number, number>();
  const similarity = (s: number, t: number): number => {
    const x = (sentences[s] as StorySentence).textId;
    const y = (sentences[t] as StorySentence).textId;
    const key = Math.min(x, y) * texts + Math.max(x, y);
    let v = cache.get(key);
    if (v === undefined) {
      v = profileSimilarity(
        (sentences[s] as StorySentence).profile,
        (sentences[t] as StorySentence).profile,
      );
      cache.set(key, v);
    }
    return v;
  };

  const fromAlignment = alignmentLinks(
    sentences,
    articleIndex,
    alignment?.alignments ?? [],
    threshold,
    similarity,
  );
  const links: Link[] = [...fromAlignment.links];
  for (const [s, t] of candidatePairs(sentences)) {
    const as = (sentences[s] as StorySentence).article;
    const at = (sentences[t] as StorySentence).article;
    if (fromAlignment.settled.has(`${s}>${at}`) || fromAlignment.settled.has(`${t}>${as}`)) {
      continue;
    }
    const ps = (sentences[s] as StorySentence).profile;
    const pt = (sentences[t] as StorySentence).profile;
    if (numberConflict(ps, pt)) continue;
    const score = similarity(s, t);
    if (score >= threshold) links.push({ s, t, score });
  }
  links.sort((x, y) => y.score - x.score || x.s - y.s || x.t - y.t);

  // Union-find over sentences, with each root's members and loosest link.
  const parent = sentences.map((_, i) => i);
  const members = sentences.map((_, i) => [i]);
  const kind: FactKind[] = sentences.map(() => 'verbatim');
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[i] !== r) {
      const next = parent[i] as number;
      parent[i] = r;
      i = next;
    }
    return r;
  };
  for (const { s, t } of links) {
    const rs = find(s);
    const rt = find(t);
    if (rs === rt) continue;
    const ms = members[rs] as number[];
    const mt = members[rt] as number[];
    const compatible = ms.every((x) =>
      mt.every(
        (y) =>
          (sentences[x] as StorySentence).article !== (sentences[y] as StorySentence).article ||
          similarity(x, y) >= threshold,
      ),
    );
    if (!compatible) continue;
    const [root, child] = ms.length >= mt.length ? [rs, rt] : [rt, rs];
    parent[child] = root;
    (members[root] as number[]).push(...(members[child] as number[]));
    members[child] = [];
    const k = linkKind(
      (sentences[s] as StorySentence).words,
      (sentences[t] as StorySentence).words,
    );
    kind[root] = looserKind(looserKind(kind[root] as FactKind, kind[child] as FactKind), k);
  }

  const clusters: Array<{ members: number[]; kind: FactKind }> = [];
  sentences.forEach((_, i) => {
    if (find(i) === i)
      clusters.push({ members: members[i] as number[], kind: kind[i] as FactKind });
  });
  const articleOrder = narrativeArticleOrder(articles, sentences, clusters);
  const rank = new Map(articleOrder.map((a, r) => [a, r] as const));
  const ordered = narrativeFactOrder(sentences, clusters, articleOrder);

  const unitOfSentence = new Map<string, string>();
  const units: FactUnit[] = ordered.map((cluster) => {
    const sorted = [...cluster.members].sort((x, y) => {
      const sx = sentences[x] as StorySentence;
      const sy = sentences[y] as StorySentence;
      return (rank.get(sx.article) ?? 0) - (rank.get(sy.article) ?? 0) || sx.start - sy.start;
    });
    const factMembers = sorted.map((i) => {
      const s = sentences[i] as StorySentence;
      return { article: (articles[s.article] as Article).id, start: s.start, end: s.end };
    });
    const id = `fact:${hashHex(factMembers.map((m) => `${m.article}:${m.start}:${m.end}`).join('|'))}`;
    for (const m of factMembers) unitOfSentence.set(sentenceKey(m.article, m.start), id);
    const ids: string[] = [];
    for (const m of factMembers) if (!ids.includes(m.article)) ids.push(m.article);
    return {
      id,
      kind: cluster.kind,
      members: factMembers,
      text: (sentences[sorted[0] as number] as StorySentence).text,
      articles: ids,
    };
  });
  return { units, articleOrder, unitOfSentence };
}

/**
 * Article order for the story: the article carrying the most shared facts
 * first (the best spine for the narrative), then earlier publication, then id.
 */
function narrativeArticleOrder(
  articles: readonly Article[],
  sentences: readonly StorySentence[],
  clusters: ReadonlyArray<{ members: number[] }>,
): number[] {
  const shared = new Array<number>(articles.length).fill(0);
  for (const c of clusters) {
    const arts = new Set(c.members.map((i) => (sentences[i] as StorySentence).article));
    if (arts.size < 2) continue;
    for (const a of arts) shared[a] = (shared[a] as number) + 1;
  }
  return articles
    .map((_, i) => i)
    .sort((x, y) => {
      const ax = articles[x] as Article;
      const ay = articles[y] as Article;
      const px = ax.publishedAt ?? '\uffff';
      const py = ay.publishedAt ?? '\uffff';
      return (
        (shared[y] as number) - (shared[x] as number) ||
        (px < py ? -1 : px > py ? 1 : 0) ||
        (ax.id < ay.id ? -1 : ax.id > ay.id ? 1 : 0)
      );
    });
}

/**
 * Facts in narrative order: the first article's facts in text order, then
 * each later article's new facts inserted after the last fact that precedes
 * them in that article.
 */
function narrativeFactOrder<C extends { members: number[] }>(
  sentences: readonly StorySentence[],
  clusters: readonly C[],
  articleOrder: readonly number[],
): C[] {
  const clusterOf = new Map<number, number>();
  clusters.forEach((c, ci) => {
    for (const m of c.members) clusterOf.set(m, ci);
  });
  const order: number[] = [];
  const placed = new Set<number>();
  for (const a of articleOrder) {
    const own = sentences
      .map((s, i) => [s, i] as const)
      .filter(([s]) => s.article === a)
      .sort((x, y) => x[0].start - y[0].start)
      .map(([, i]) => clusterOf.get(i) as number);
    let insertAt = 0;
    for (const ci of own) {
      if (placed.has(ci)) {
        insertAt = Math.max(insertAt, order.indexOf(ci) + 1);
        continue;
      }
      order.splice(insertAt, 0, ci);
      placed.add(ci);
      insertAt++;
    }
  }
  return order.map((ci) => clusters[ci] as C);
}
