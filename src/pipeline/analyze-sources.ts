import { type Analysis, type Problem, SCHEMA_VERSION, type Source } from '../model/index.ts';
import { compareArticles, compareLocations, compareProblems } from './order.ts';
import type { PipelineState, PipelineStep, StepOptions } from './step.ts';
import { ANALYZE_STEPS } from './steps.ts';

/** What the pipeline reports while it runs (the CLI draws a progress line from it). */
export interface ProgressEvent {
  /** `read` while inputs are read, then the name of each step. */
  phase: string;
  done: number;
  total?: number;
  /** The input being read, when there is one. */
  detail?: string;
}

/** Options of `analyzeSources`. */
export interface AnalyzeSourcesOptions extends StepOptions {
  /** The steps to run, in order; `ANALYZE_STEPS` by default, `EXTRACT_STEPS` for extraction only. */
  steps?: readonly PipelineStep[];
  onProgress?: (event: ProgressEvent) => void;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : typeof value;
}

/**
 * Run the steps on a state and put the result in its output order. The
 * sources are sorted by location and duplicates (the same location twice)
 * dropped first, so the order the inputs were read in never shows.
 */
export function runSteps(
  sources: Source[],
  problems: Problem[],
  options: AnalyzeSourcesOptions,
): Analysis {
  const unique: Source[] = [];
  const seen = new Set<string>();
  for (const source of [...sources].sort(compareLocations)) {
    if (seen.has(source.location)) continue;
    seen.add(source.location);
    unique.push(source);
  }
  let state: PipelineState = { sources: unique, articles: [], stories: [], topics: [], problems };
  for (const step of options.steps ?? ANALYZE_STEPS) {
    options.onProgress?.({ phase: step.name, done: 0, total: unique.length });
    state = step.run(state, options);
    options.onProgress?.({ phase: step.name, done: unique.length, total: unique.length });
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    articles: [...state.articles].sort(compareArticles),
    stories: state.stories,
    topics: state.topics,
    problems: [...state.problems].sort(compareProblems),
  };
}

/**
 * Analyse sources already in memory (no file system, no network): extract
 * the articles and run the later stages on them.
 *
 * @param sources `Source` records, e.g. from `ingest`.
 * @returns the `Analysis`, in the deterministic order of the JSON output.
 * @example
 * const analysis = analyzeSources([{ location: 'a.txt', format: 'text', content, meta: {} }]);
 */
export function analyzeSources(sources: Source[], options: AnalyzeSourcesOptions = {}): Analysis {
  if (!Array.isArray(sources)) {
    throw new TypeError(`Expected an array of Source records, got ${describe(sources)}`);
  }
  return runSteps(sources, [], options);
}
