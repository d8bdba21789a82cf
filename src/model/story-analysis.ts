import type { Alignment, CommonSource, ProvenanceGraph } from './alignment.ts';
import type { DateMention, Entity, Quote } from './annotation.ts';
import type { Article } from './article.ts';
import type { Brief } from './brief.ts';
import type { Coverage, EntitySummary, FactUnit, QuoteGroup, TimelineEntry } from './comparison.ts';
import type { Span } from './span.ts';
import type { Story } from './story.ts';

/** An article with what annotate found in it (offsets point into `text`). */
export interface AnnotatedArticle extends Article {
  sentences: Span[];
  entities: Entity[];
  quotes: Quote[];
  dates: DateMention[];
}

/** A story with everything the later stages found in it: alignment, comparison and brief. */
export interface StoryAnalysis extends Story {
  /** Pairs of articles that share passages (align). */
  alignments: Alignment[];
  /** Reconstructed common sources, e.g. the wire original rebuilt from its copies (align). */
  sources: CommonSource[];
  /** Who took text from whom (align). */
  provenance: ProvenanceGraph;
  /** Sentences across articles that carry the same fact, in narrative order (compare). */
  facts: FactUnit[];
  /** Which article carries which fact (compare). */
  coverage: Coverage;
  /** Each quote across the articles, with its fidelity (compare). */
  quoteVariants: QuoteGroup[];
  /** Named entities rolled up over the story (compare). */
  entities: EntitySummary[];
  /** Dated events (compare). */
  timeline: TimelineEntry[];
  /** The merged, cited account (brief). */
  brief: Brief;
}
