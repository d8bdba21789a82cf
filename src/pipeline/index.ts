export { type AnalyzeOptions, analyze, readSources } from './analyze.ts';
export {
  type AnalyzeSourcesOptions,
  analyzeSources,
  type ProgressEvent,
} from './analyze-sources.ts';
export {
  type AnalyzedStory,
  type AnalyzeStoryOptions,
  analyzeStory,
  annotatedArticle,
} from './analyze-story.ts';
export type { PipelineState, PipelineStep, StepOptions } from './step.ts';
export {
  ANALYZE_STEPS,
  EXTRACT_STEPS,
  extractStep,
  GROUP_STEPS,
  groupStep,
  storyStep,
} from './steps.ts';
