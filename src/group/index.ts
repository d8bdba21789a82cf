export { averageLink, type LinkEdge } from './average-link.ts';
export { bandKeys } from './band-keys.ts';
export {
  type Candidate,
  type CandidateIndex,
  type CandidateQuery,
  createMemoryCandidateIndex,
  type MemoryIndexOptions,
} from './candidate-index.ts';
export {
  decideStory,
  type StoryChoice,
  type StoryContext,
  type StreamCandidate,
  type StreamThresholds,
  storyQuery,
} from './decide-story.ts';
export {
  articleText,
  type Fingerprint,
  type FingerprintOptions,
  type FingerprintView,
  fingerprint,
  fingerprintView,
} from './fingerprint.ts';
export { type GroupOptions, type GroupResult, groupArticles } from './group-articles.ts';
export { type PairScores, type RelateOptions, relate, relationKind } from './relate.ts';
export { storyId, topicId } from './story-id.ts';
export {
  createStoryIndex,
  type StoryAddResult,
  type StoryIndex,
  type StoryIndexOptions,
} from './story-index.ts';
export { type TermStatistics, termStatistics } from './topical.ts';
