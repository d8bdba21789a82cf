export { type AnnotateOptions, annotate, annotateAll } from './annotate.ts';
export { resolveCoreference } from './coref.ts';
export { findDates } from './dates.ts';
export { type EntityRecognizer, ruleBasedRecognizer } from './entities.ts';
export {
  type EntityScore,
  type LabelledSentence,
  type PrecisionRecall,
  scoreEntities,
} from './entity-score.ts';
export { findQuotes } from './quotes.ts';
