export { type AlignOptions, alignPair, EDITED_MIN_SIMILARITY } from './align-pair.ts';
export { alignStory } from './align-story.ts';
export { buildProvenance, PROVENANCE_MIN_COVERAGE } from './build-provenance.ts';
export { ALL_PAIRS_MAX_ARTICLES } from './limits.ts';
export { LOADED_TERMS, type LoadedTerm } from './loaded-terms.ts';
export {
  reconstructSources,
  SOURCE_MIN_COPIED_SHARE,
  SOURCE_MIN_MEMBERS,
  SOURCE_MIN_PASSAGE_SIMILARITY,
  UNKNOWN_SOURCE,
} from './reconstruct-sources.ts';
