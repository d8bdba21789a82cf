import { extractArticles } from '../extract/index.ts';
import type { PipelineStep } from './step.ts';

/** Sources to articles: `extractArticles`, with its problems appended. */
export const extractStep: PipelineStep = {
  name: 'extract',
  run(state, options) {
    const { articles, problems } = extractArticles(state.sources, {
      keepAll: options.keepAll ?? false,
    });
    return { ...state, articles, problems: [...state.problems, ...problems] };
  },
};

/** The steps of `parallax extract`: sources to clean articles, nothing more. */
export const EXTRACT_STEPS: readonly PipelineStep[] = [extractStep];

/**
 * The steps of `parallax analyze`, in order. Adding a stage is one step
 * object beside `extractStep` and one entry here.
 */
export const ANALYZE_STEPS: readonly PipelineStep[] = [extractStep];
