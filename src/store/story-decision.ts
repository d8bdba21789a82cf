import { decideStory, type StreamThresholds, storyQuery } from '../group/index.ts';
import type { StoryDecider } from './store.ts';

/**
 * src/group's streaming rule as a store decider: the same lookup
 * (`storyQuery`) and the same decision (`decideStory`) as
 * `createStoryIndex().add`, over what the store loaded (the candidates'
 * fingerprints with their stories and sizes). Nothing is decided here, so
 * the store and the in-memory index cannot drift apart; the contract tests
 * check they put articles in the same stories given the same order.
 */
export function streamDecider(thresholds: Partial<StreamThresholds> = {}): StoryDecider {
  return {
    query: storyQuery,
    decide: (context) => decideStory(context, thresholds),
  };
}
