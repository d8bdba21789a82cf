export { articleLabel } from './article-label.ts';
export { briefQuotes } from './brief-quotes.ts';
export {
  BRIEF_MAX_ENTITIES,
  type BriefAlignment,
  buildBrief,
  CORE_MIN_SHARE,
} from './build-brief.ts';
export {
  LIGHT_COPY_MIN_COVERAGE,
  MAX_NAMED_OUTLETS,
  provenanceSummary,
} from './provenance-summary.ts';
export { type FramingSpans, renderFact } from './render-fact.ts';
export { wordingDifferences } from './wording-differences.ts';
