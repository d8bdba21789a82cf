export { type Analysis, SCHEMA_VERSION } from './analysis.ts';
export type { Annotation, DateMention, Entity, EntityKind, Quote } from './annotation.ts';
export type { AgencyMention, Article, RemovalReason, RemovedBlock } from './article.ts';
export type { Problem } from './problem.ts';
export type { Source, SourceFormat, SourceMeta } from './source.ts';
export type { Span } from './span.ts';
export type { Relation, RelationKind, Story, Topic } from './story.ts';
