import type { Article } from './article.ts';
import type { Problem } from './problem.ts';
import type { Story, Topic } from './story.ts';

/**
 * Version of the JSON output. Bumped on any change that can break a reader
 * (a field removed, renamed or retyped); adding a field is not a break.
 * See docs/json.md.
 */
export const SCHEMA_VERSION = 1;

/** The result of `parallax analyze`: everything found in one batch. */
export interface Analysis {
  schemaVersion: number;
  articles: Article[];
  stories: Story[];
  topics: Topic[];
  problems: Problem[];
}
