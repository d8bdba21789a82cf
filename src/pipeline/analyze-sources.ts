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
 * The state the steps start from: the sources sorted by location, a
 * duplicate (the same location twice) dropped, so the order the inputs
 * were read in never shows. A new array: `sources` is left as it is.
 */
export function initialState(sources: readonly Source[], problems: Problem[]): PipelineState {
  const unique: Source[] = [];
  const seen = new Set<string>();
  for (const source of [...sources].sort(compareLocations)) {
    if (seen.has(source.location)) continue;
    seen.add(source.location);
    unique.push(source);
  }
  return { sources: unique, articles: [], stories: [], topics: [], problems };
}

/**
 * Run the steps on a state and put the result in its output order. The
 * state is the caller's no more: a step may drop what it has used (the
 * extract step drops the sources), so that memory is freed as the run goes.
 */
export function runState(start: PipelineState, options: AnalyzeSourcesOptions): Analysis {
  let state = start;
  const total = state.sources.length;
  for (const step of options.steps ?? ANALYZE_STEPS) {
    options.onProgress?.({ phase: step.name, done: 0, total });
    state = step.run(state, options);
    options.onProgress?.({ phase: step.name, done: total, total });
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    articles: [...state.articles].sort(compareArticles),
    stories: state.stories,
    topics: state.topics,
    problems: [...state.problems].sort(compareProblems),
  };
}

/** Run the steps on sources (left unchanged) and put the result in its output order. */
export function runSteps(
  sources: readonly Source[],
  problems: Problem[],
  options: AnalyzeSourcesOptions,
): Analysis {
  return runState(initialState(sources, problems), options);
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
