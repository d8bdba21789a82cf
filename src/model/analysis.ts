import type { Article } from './article.ts';
import type { Problem } from './problem.ts';
import type { Story, Topic } from './story.ts';
import type { AnnotatedArticle, StoryAnalysis } from './story-analysis.ts';

/**
 * Version of the JSON output. Bumped on any change that can break a reader
 * (a field removed, renamed or retyped); adding a field is not a break.
 * See docs/json.md.
 */
export const SCHEMA_VERSION = 1;

/** The result of `parallax analyze`: everything found in one batch. */
export interface Analysis {
  schemaVersion: number;
  /** `AnnotatedArticle`s once annotate ran on them (`parallax analyze`), plain `Article`s from `parallax extract`. */
  articles: (Article | AnnotatedArticle)[];
  /** `StoryAnalysis` once align, compare and brief ran on the story. */
  stories: (Story | StoryAnalysis)[];
  topics: Topic[];
  problems: Problem[];
}
