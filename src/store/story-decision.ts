import { linkSimilarity, overlapScores, textOverlap } from '../group/relate.ts';
import { QUERY_TERMS, STORY_THRESHOLD, STREAM_LINK_MEMBERS } from '../group/thresholds.ts';
import { cosine, keyTerms, timeWeight, topicalVector } from '../group/topical.ts';
import type { StoryDecider } from './store.ts';

/**
 * src/group's streaming rule (`createStoryIndex().add`), as a decider over
 * what the store loaded: an article joins every story whose closest
 * members (up to STREAM_LINK_MEMBERS) it matches on average at the story
 * threshold (ECB+-measured, src/group/thresholds.ts); two or more merge.
 * Candidates are looked up by the article's key terms as a stream does
 * (IDF over everything indexed, unseen terms weighed as if seen twice).
 * Only group's pure functions decide: this file wires them to the store.
 * The contract tests check it puts articles in the same stories as
 * `createStoryIndex` given the same order.
 */
export function streamDecider(storyThreshold = STORY_THRESHOLD): StoryDecider {
  return {
    query(fingerprint, statistics) {
      return { terms: keyTerms(topicalVector(fingerprint, statistics, 1, 2), QUERY_TERMS) };
    },
    decide({ fingerprint, candidates, statistics, isCommonReuse }) {
      const vector = topicalVector(fingerprint, statistics, 1, 2);
      const sims = new Map<string, { size: number; list: number[] }>();
      for (const { fingerprint: other, storyId, storySize } of candidates) {
        const overlap = textOverlap(fingerprint, other, isCommonReuse);
        const topical =
          cosine(vector, topicalVector(other, statistics, 1, 2)) *
          timeWeight(fingerprint.day, other.day);
        const s = linkSimilarity(
          { ...overlapScores(overlap), topical },
          overlap.sizeA,
          overlap.sizeB,
        );
        const entry = sims.get(storyId);
        if (entry === undefined) sims.set(storyId, { size: storySize, list: [s] });
        else entry.list.push(s);
      }
      const join: string[] = [];
      for (const [storyId, { size, list }] of sims) {
        list.sort((a, b) => b - a);
        const k = Math.min(size, STREAM_LINK_MEMBERS);
        let sum = 0;
        for (let i = 0; i < Math.min(k, list.length); i++) sum += list[i] as number;
        if (sum / k >= storyThreshold) join.push(storyId);
      }
      return { join };
    },
  };
}
