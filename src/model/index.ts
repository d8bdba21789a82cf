export type * from './alignment.ts';
export { type Analysis, SCHEMA_VERSION } from './analysis.ts';
export type {
  Annotation,
  DateMention,
  Entity,
  EntityKind,
  Quote,
  TaggedToken,
} from './annotation.ts';
export type { AgencyMention, Article, RemovalReason, RemovedBlock } from './article.ts';
export type * from './brief.ts';
export type * from './comparison.ts';
export type { Problem } from './problem.ts';
export type { Source, SourceFormat, SourceMeta } from './source.ts';
export type { Span } from './span.ts';
export type { Relation, RelationKind, Story, Topic } from './story.ts';
export type { AnnotatedArticle, StoryAnalysis } from './story-analysis.ts';
