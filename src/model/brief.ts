import type { EntityKind } from './annotation.ts';
import type { QuoteVariantKind } from './comparison.ts';
import type { Span } from './span.ts';

/** Where a sentence of the brief was taken from: a span of one article's clean text. */
export interface BriefExcerpt extends Span {
  /** Article id. */
  article: string;
}

/**
 * One sentence of the brief. Extractive: `text` is exactly
 * `article.text.slice(from.start, from.end)` of the article `from.article`
 * (a leading dateline such as `KESTREL BAY, March 5 (MPA) - ` may be left out).
 */
export interface BriefSentence {
  text: string;
  /** Ids of every article that carries the fact, in the story's narrative order. */
  cites: string[];
  /** The fact unit this sentence renders (`FactUnit.id`). */
  fact: string;
  /** The article sentence the text is taken from. */
  from: BriefExcerpt;
}

/** Facts that only some of the story's articles carry, grouped by the articles that carry them. */
export interface BriefAdditions {
  /** Ids of the articles that carry these facts (one id: facts only that article has). */
  articles: string[];
  /** In narrative order. */
  sentences: BriefSentence[];
}

/** One way a passage is worded, with the articles that word it so. */
export interface WordingVariant {
  /** The words as these articles have them. */
  text: string;
  /** Article ids, in narrative order. */
  articles: string[];
}

/**
 * The same place in the text worded differently across articles:
 * `loaded-term` when a term of the align stage's loaded-term lexicon was
 * swapped, added or removed; `substitution` when other content words were.
 */
export interface WordingDifference {
  kind: 'loaded-term' | 'substitution';
  /** The most common wording first (ties: the one in the earliest article of the narrative order). */
  variants: WordingVariant[];
  /** Loaded terms involved (present for `loaded-term`). */
  loaded?: string[];
  /** The fact unit the words belong to, when they are in one: its text shows the context. */
  fact: string | null;
  /** Where each variant stands, one span per article, in narrative order. */
  spans: BriefExcerpt[];
}

/** How one quote fared across the story's articles. */
export interface BriefQuote {
  /** `QuoteGroup.id`. */
  quote: string;
  /** The canonical (most common) wording. */
  text: string;
  speaker: string | null;
  /** Article ids that carry the quote as said (identical, or trivially different). */
  kept: string[];
  /** Articles whose version differs in substance (altered, truncated, extended, misattributed). */
  changed: { article: string; kind: QuoteVariantKind; text: string; speaker: string | null }[];
}

/** A common source and the articles that copied it, for the provenance summary. */
export interface BriefSourceCopies {
  /** `CommonSource.id`. */
  source: string;
  /** The agency the copies credit, or `unknown common source`. */
  credit: string;
  /** Copies that changed only spelling, punctuation, function words or number formats. */
  light: string[];
  /** Copies that also changed content words, added or dropped text. */
  edited: string[];
}

/** How the story's articles came to be, as data and as a paragraph. */
export interface BriefProvenance {
  /**
   * One paragraph templated from the data below ("Three outlets ran the
   * Reuters text with small edits; ..."): the only sentences of the brief
   * that are not taken from an article.
   */
  text: string;
  sources: BriefSourceCopies[];
  /** Articles that retold copied text in other words, with what they changed. */
  rewrites: { article: string; alteredQuotes: number }[];
  /** Articles that share no text with the others: the same event from another angle. */
  independent: string[];
}

/** A dated event of the story, in date order. */
export interface BriefDate {
  /** ISO date or interval. */
  date: string;
  /** The sentence of an article that dates it. */
  text: string;
  fact: string | null;
  /** Article ids that date it, in narrative order. */
  cites: string[];
}

/** A person, organisation or place the story names, with the articles that name it. */
export interface BriefEntity {
  name: string;
  kind: EntityKind;
  mentions: number;
  /** Article ids, in narrative order. */
  cites: string[];
}

/**
 * The merged, cited account of a story. Every sentence in `headline`,
 * `sentences` and `onlySome` is a sentence of an article; `provenance.text`
 * is the one templated paragraph.
 */
export interface Brief {
  /** The headline of the article closest to the consensus, or null when none has one. */
  headline: string | null;
  /** Id of the article whose headline it is. */
  headlineArticle: string | null;
  /** The core account: facts most articles carry, in narrative order. */
  sentences: BriefSentence[];
  /** Facts only some articles carry: the larger groups first, single articles last. */
  onlySome: BriefAdditions[];
  /** Loaded terms first, then other substitutions; each in narrative order. */
  wording: WordingDifference[];
  /** In the order of the first mention. */
  quotes: BriefQuote[];
  provenance: BriefProvenance;
  timeline: BriefDate[];
  /** People, organisations and places named by the most articles first. */
  entities: BriefEntity[];
}
