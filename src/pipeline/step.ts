import type { Article, Problem, Source, Story, Topic } from '../model/index.ts';

/** Everything the pipeline knows so far; each step returns a new state with what it adds. */
export interface PipelineState {
  /** The sources to extract; empty after the extract step, which drops them to free their text. */
  sources: Source[];
  articles: Article[];
  stories: Story[];
  topics: Topic[];
  /** Every problem so far, from reading and from each step; steps append, never drop. */
  problems: Problem[];
}

/** Options every step may read. */
export interface StepOptions {
  /** Take nothing out of the body; furniture is still listed in `removed` (`--keep-all`, see `ExtractOptions`). */
  keepAll?: boolean;
}

/**
 * One stage of the pipeline, wrapped to take and give a `PipelineState`.
 * Pure and synchronous, like the stages themselves.
 */
export interface PipelineStep {
  /** The stage's name, shown on the progress line (`extract`, `group`). */
  name: string;
  run(state: PipelineState, options: StepOptions): PipelineState;
}
