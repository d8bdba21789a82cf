export { type CompareOptions, compareStory } from './compare-story.ts';
export { OMISSION_SHARE } from './coverage.ts';
export {
  MIN_CONTENT_DICE,
  MIN_FACT_WORDS,
  MIN_SHARED_CONTENT,
  PASSAGE_SENTENCE_OVERLAP,
} from './fact-units.ts';
export { EDITED_MIN_SHARE } from './link-kind.ts';
export {
  type ParsedSentencePairs,
  parseSentencePairs,
  type SentencePair,
} from './parse-sentence-pairs.ts';
export {
  classifyQuoteVariant,
  SAME_QUOTE_MIN_SHARE,
  SAME_QUOTE_MIN_WORDS,
} from './quote-variants.ts';
