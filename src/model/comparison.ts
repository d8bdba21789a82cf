import type { EntityKind } from './annotation.ts';
import type { Span } from './span.ts';

/**
 * How closely the sentences of a fact unit match, the loosest link inside
 * the unit: `verbatim` (same words, at most punctuation or case differs),
 * `edited` (a copy with word-level edits), `paraphrase` (same fact, other words).
 */
export type FactKind = 'verbatim' | 'edited' | 'paraphrase';

/** One sentence of an article that carries a fact. */
export interface FactMember extends Span {
  /** Article id. */
  article: string;
}

/** Sentences across a story's articles that carry the same fact. */
export interface FactUnit {
  /** Stable id: a hash of the members' normalised words. */
  id: string;
  kind: FactKind;
  /** In narrative order of the story's articles, then by offset. */
  members: FactMember[];
  /** The words of the first member: how the fact reads. */
  text: string;
  /** Ids of the articles that carry it, in the story's article order. */
  articles: string[];
}

/** What one article carries of the story's facts. */
export interface ArticleCoverage {
  article: string;
  /** Number of fact units the article carries. */
  facts: number;
  /** Fact unit ids no other article carries, in narrative order. */
  unique: string[];
  /** Fact unit ids most other articles carry and this one lacks. */
  omissions: string[];
}

/** The fact-by-article matrix of a story. */
export interface Coverage {
  /** Column order: article ids, in the story's narrative order. */
  articles: string[];
  /** Row order: fact unit ids, as in `Comparison.facts`. */
  facts: string[];
  /** `matrix[f][a]`: how many sentences of article `articles[a]` carry fact `facts[f]` (0: none). */
  matrix: number[][];
  perArticle: ArticleCoverage[];
}

/**
 * How a quote variant differs from the canonical form:
 * `identical`; `trivial` (punctuation, case, spelling, spacing);
 * `altered` (content words changed); `truncated` (a part of it);
 * `extended` (more words around it); `misattributed` (another speaker).
 */
export type QuoteVariantKind =
  | 'identical'
  | 'trivial'
  | 'altered'
  | 'truncated'
  | 'extended'
  | 'misattributed';

/** One article's rendering of a quote. */
export interface QuoteVariant extends Span {
  article: string;
  /** The quoted words as this article has them. */
  text: string;
  /** The speaker this article gives, or null. */
  speaker: string | null;
  kind: QuoteVariantKind;
}

/** The same quote across a story's articles. */
export interface QuoteGroup {
  /** Stable id: a hash of the canonical text. */
  id: string;
  /** The most common form (ties: the earliest in narrative order). */
  canonical: string;
  /** The speaker most variants give, or null. */
  speaker: string | null;
  /** One per article mention, in narrative order. */
  variants: QuoteVariant[];
}

/** A named entity rolled up over a story. */
export interface EntitySummary {
  /** Canonical name. */
  name: string;
  kind: EntityKind;
  /** Mentions across all articles. */
  mentions: number;
  /** Ids of the articles that mention it, in narrative order. */
  articles: string[];
}

/** A dated event of the story with the articles that report it. */
export interface TimelineEntry {
  /** ISO date or interval (`2021-09-07/2021-09-09`). */
  date: string;
  /** The sentence that dates the event (first in narrative order). */
  text: string;
  /** Fact unit the sentence belongs to, when it is in one. */
  fact: string | null;
  /** Ids of the articles that date this event, in narrative order. */
  articles: string[];
}

/** What compare finds in one story. */
export interface Comparison {
  facts: FactUnit[];
  coverage: Coverage;
  quoteVariants: QuoteGroup[];
  entities: EntitySummary[];
  timeline: TimelineEntry[];
}
