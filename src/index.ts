export { type AlignOptions, alignPair, alignStory } from './align/index.ts';
export { type AnnotateOptions, annotate, annotateAll } from './annotate/index.ts';
export { type CompareOptions, compareStory } from './compare/index.ts';
export { type ExtractOptions, type ExtractResult, extractArticles } from './extract/index.ts';
export { type GroupOptions, type GroupResult, groupArticles } from './group/index.ts';
export { type IngestOptions, type IngestResult, ingest, type RawInput } from './ingest/index.ts';
export * from './model/index.ts';
export {
  type AnalyzeOptions,
  type AnalyzeSourcesOptions,
  analyze,
  analyzeSources,
  type ProgressEvent,
} from './pipeline/index.ts';
