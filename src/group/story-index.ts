import type { Article, Problem, Relation, Story, Topic } from '../model/index.ts';
import {
  type Candidate,
  type CandidateIndex,
  createMemoryCandidateIndex,
  type MemoryIndexOptions,
} from './candidate-index.ts';
import {
  decideStory,
  type StreamCandidate,
  type StreamThresholds,
  storyQuery,
} from './decide-story.ts';
import { type Fingerprint, type FingerprintOptions, fingerprint } from './fingerprint.ts';
import { overlapScores, textOverlap, toRelation } from './relate.ts';
import { compareIds, storyId, topicId } from './story-id.ts';
import { storyRelations } from './story-relations.ts';
import { MIN_WORDS, TOPIC_THRESHOLD } from './thresholds.ts';
import {
  cosine,
  type TermStatistics,
  type TopicalVector,
  timeWeight,
  topicalVector,
} from './topical.ts';
import { clusterTopics } from './topics.ts';

/** Options of `createStoryIndex`. */
export interface StoryIndexOptions {
  /** Thresholds of the streaming rule (`decideStory`); defaults from thresholds.ts. */
  thresholds?: Partial<StreamThresholds>;
  /** Mean similarity for stories to form one topic (`topics()`). */
  topicThreshold?: number;
  fingerprint?: FingerprintOptions;
  /** The candidate index backend; default a new in-memory one. */
  index?: CandidateIndex;
  /** Options of the default in-memory index. */
  memory?: MemoryIndexOptions;
}

/** What adding one article did. */
export interface StoryAddResult {
  /** The id of the story the article is now in (ids follow the members, so they change as stories grow). */
  storyId: string;
  /** The indexed articles that were compared with it. */
  candidates: Candidate[];
  /** Ids (before this add) of the stories now joined into the article's story; two or more means a merge. */
  merged: string[];
  /** Problems with this article (duplicate id, too little text). */
  problems: Problem[];
}

/** A streaming story index: add one article at a time, read the stories at any point. */
export interface StoryIndex {
  /** Add an article: fingerprint it, find its candidates and put it in a story (merging stories it bridges). */
  add(article: Article): StoryAddResult;
  /** The current stories, with relations, ordered by first article id. */
  stories(): Story[];
  /** The current topics (stories about the same kind of thing). */
  topics(): Topic[];
  /** The id of the story an article is in, if it was added. */
  storyOf(articleId: string): string | undefined;
  /** Every problem reported so far. */
  problems(): Problem[];
}

/**
 * Create a streaming story index (one article at a time against the
 * existing stories). Each article joins the story it matches best, with
 * more evidence asked of small stories, and other candidate stories close
 * to that story merge into it (`decideStory`, the rule the store follows
 * too). Deterministic for a given order of additions (batch
 * `groupArticles` is order-free).
 *
 * @example
 * const index = createStoryIndex();
 * const { storyId, merged } = index.add(article);
 */
export function createStoryIndex(options: StoryIndexOptions = {}): StoryIndex {
  const thresholds = options.thresholds ?? {};
  const index = options.index ?? createMemoryCandidateIndex(options.memory);
  const fps = new Map<string, Fingerprint>();
  const order: string[] = [];
  const storyKey = new Map<string, number>();
  const members = new Map<number, string[]>();
  const neighbours = new Map<string, string[]>();
  const allProblems: Problem[] = [];
  let nextKey = 0;

  const stats = (): TermStatistics => ({
    documents: index.size(),
    frequency: (t) => index.termFrequency(t),
  });
  const isCommon = (h: number) => index.isCommonReuse(h);
  const idOf = (key: number) => storyId(members.get(key) as string[]);

  const newStory = (id: string): number => {
    const key = nextKey++;
    members.set(key, [id]);
    storyKey.set(id, key);
    return key;
  };

  return {
    add(article) {
      if (article === null || typeof article !== 'object' || typeof article.id !== 'string') {
        throw new TypeError(
          `Expected an Article with a string id, got ${article === null ? 'null' : typeof article}`,
        );
      }
      const problems: Problem[] = [];
      const source = typeof article.source === 'string' ? article.source : article.id;
      const existing = storyKey.get(article.id);
      if (existing !== undefined) {
        problems.push({
          code: 'group/duplicate-id',
          message: `Article ${article.id} was added more than once; it is counted once.`,
          source,
          severity: 'warning',
        });
        allProblems.push(...problems);
        return { storyId: idOf(existing), candidates: [], merged: [], problems };
      }
      const fp = fingerprint(article, options.fingerprint);
      fps.set(article.id, fp);
      order.push(article.id);
      if (fp.words < MIN_WORDS) {
        problems.push({
          code: fp.words === 0 ? 'group/no-text' : 'group/too-short',
          message: `Article ${article.id} has ${fp.words === 0 ? 'no text' : `${fp.words} word(s)`}, too little to group by; it is kept as a story of its own.`,
          source,
          severity: 'warning',
        });
        allProblems.push(...problems);
        return { storyId: idOf(newStory(article.id)), candidates: [], merged: [], problems };
      }
      index.add(fp);
      const st = stats();
      const candidates = index.candidates(fp, storyQuery(fp, st));
      // Candidates with their stories, named by internal key (the rule only compares names).
      const found: string[] = [];
      const inStories: StreamCandidate[] = [];
      for (const c of candidates) {
        const key = storyKey.get(c.articleId);
        if (key === undefined) continue;
        found.push(c.articleId);
        inStories.push({
          fingerprint: fps.get(c.articleId) as Fingerprint,
          storyId: String(key),
          storySize: (members.get(key) as string[]).length,
        });
      }
      neighbours.set(article.id, found);
      const choice = decideStory(
        { fingerprint: fp, candidates: inStories, statistics: st, isCommonReuse: isCommon },
        thresholds,
      );
      // The oldest story survives a merge (as the store keeps the oldest).
      const joined = choice.join.map(Number).sort((a, b) => a - b);
      const merged = joined.map(idOf);
      let key: number;
      if (joined.length === 0) key = newStory(article.id);
      else {
        key = joined[0] as number;
        const list = members.get(key) as string[];
        for (const other of joined.slice(1)) {
          for (const id of members.get(other) as string[]) {
            list.push(id);
            storyKey.set(id, key);
          }
          members.delete(other);
        }
        list.push(article.id);
        storyKey.set(article.id, key);
      }
      allProblems.push(...problems);
      return { storyId: idOf(key), candidates, merged, problems };
    },
    stories() {
      const st = stats();
      const vectors = new Map<string, TopicalVector>();
      const vectorOf = (id: string) => {
        let v = vectors.get(id);
        if (v === undefined) {
          v = topicalVector(fps.get(id) as Fingerprint, st);
          vectors.set(id, v);
        }
        return v;
      };
      const out: Story[] = [];
      for (const list of members.values()) {
        const ids = [...list].sort(compareIds);
        const live = ids.filter((id) => ((fps.get(id) as Fingerprint).words ?? 0) >= MIN_WORDS);
        const relation = (i: number, j: number): Relation => {
          const a = fps.get(live[i] as string) as Fingerprint;
          const b = fps.get(live[j] as string) as Fingerprint;
          const o = textOverlap(a, b, isCommon);
          const topical =
            cosine(vectorOf(a.articleId), vectorOf(b.articleId)) * timeWeight(a.day, b.day);
          return toRelation(
            a.articleId,
            b.articleId,
            { ...overlapScores(o), topical },
            { a: o.sizeA, b: o.sizeB },
          );
        };
        const position = new Map(live.map((id, i) => [id, i]));
        // Pairs found as candidates when articles were added, in the order found.
        const pairs = function* (): Generator<[number, number, number]> {
          for (const id of live) {
            const found = neighbours.get(id) ?? [];
            for (let rank = 0; rank < found.length; rank++) {
              const j = position.get(found[rank] as string);
              if (j !== undefined) yield [position.get(id) as number, j, -rank];
            }
          }
        };
        const relations = storyRelations(
          live.map((_, i) => i),
          relation,
          pairs,
        );
        out.push({ id: storyId(ids), articleIds: ids, relations });
      }
      return out.sort((a, b) => compareIds(a.articleIds[0] as string, b.articleIds[0] as string));
    },
    topics() {
      const stories = this.stories();
      const st = stats();
      const ids = stories.flatMap((s) => s.articleIds);
      const number = new Map(ids.map((id, i) => [id, i]));
      const vectors = ids.map((id) => {
        const fp = fps.get(id) as Fingerprint;
        return fp.words >= MIN_WORDS ? topicalVector(fp, st) : null;
      });
      const groups = clusterTopics(
        stories.map((s) => s.articleIds.map((id) => number.get(id) as number)),
        vectors,
        options.topicThreshold ?? TOPIC_THRESHOLD,
      );
      return groups
        .map((g) => {
          const storyIds = g.map((i) => (stories[i] as Story).id).sort(compareIds);
          return { id: topicId(storyIds), storyIds };
        })
        .sort((a, b) => compareIds(a.storyIds[0] as string, b.storyIds[0] as string));
    },
    storyOf(articleId) {
      const key = storyKey.get(articleId);
      return key === undefined ? undefined : idOf(key);
    },
    problems() {
      return [...allProblems];
    },
  };
}
