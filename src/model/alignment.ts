import type { Problem } from './problem.ts';
import type { Span } from './span.ts';

/**
 * How a passage of one article relates to a passage of another:
 * - `verbatim`: the same words and punctuation (white space aside);
 * - `edited`: a copy with word-level edits (similarity at or above the edited floor);
 * - `paraphrase`: the same fact in largely other words.
 */
export type PassageKind = 'verbatim' | 'edited' | 'paraphrase';

/**
 * What a word-level edit inside an aligned passage changed:
 * - `spelling`: spelling, hyphenation, compounding or case ("fire arms"/"firearms", "Organisation"/"Organization");
 * - `punctuation`: punctuation and quote marks only;
 * - `function-word`: only function words ("a"/"an", "the");
 * - `number-format`: the same number or date written differently ("Sept. 7"/"September 7");
 * - `substitution`: content words replaced ("militant group" -> "terrorist group");
 * - `insertion`: words only in `b`;
 * - `deletion`: words only in `a`.
 */
export type WordEditKind =
  | 'spelling'
  | 'punctuation'
  | 'function-word'
  | 'number-format'
  | 'substitution'
  | 'insertion'
  | 'deletion';

/** One difference between two aligned passages, with its place on both sides. */
export interface WordEdit {
  kind: WordEditKind;
  /** The text on side `a` ('' for an insertion). */
  a: string;
  /** The text on side `b` ('' for a deletion). */
  b: string;
  /** Where in a's text; an empty span at the point of an insertion. */
  aSpan: Span;
  /** Where in b's text; an empty span at the point of a deletion. */
  bSpan: Span;
  /** True when a loaded term (see the align stage's lexicon) was swapped, added or removed. */
  framing: boolean;
  /** The lexicon terms involved, on either side (absent when none). */
  loaded?: string[];
}

/** A passage of article `a` aligned with a passage of article `b`. */
export interface Passage {
  /** Span in a's clean text. */
  a: Span;
  /** Span in b's clean text. */
  b: Span;
  kind: PassageKind;
  /** Share of the words kept, 0..1: 1 minus the edits' weighted word cost over the longer side. */
  similarity: number;
  /** For sentence pairs found by paraphrase matching: the sentence model's probability that both carry the same fact. */
  sameFact?: number;
  /** In text order of side `a`, then side `b`. */
  edits: WordEdit[];
}

/** How two articles share text. */
export interface Alignment {
  /** Article ids (for a reconstructed source's members: the source id, then the member id). */
  a: string;
  b: string;
  /** Share of each article's words inside any aligned passage (containment both ways). */
  coverage: { a: number; b: number };
  /** Share of each article's words inside copied (`verbatim` or `edited`) passages. */
  copied: { a: number; b: number };
  /** Ordered by `a.start`, then `b.start`. */
  passages: Passage[];
  /** True when a cap stopped the alignment early (see the align stage's limits). */
  truncated?: boolean;
}

/** One copy of a reconstructed common source, expressed against it. */
export interface SourceMember {
  articleId: string;
  /** The member aligned against the source: `a` is the source id, `b` the article id. */
  alignment: Alignment;
}

/** The text several copies share, rebuilt by multiple alignment and majority vote (e.g. the wire original). */
export interface CommonSource {
  /** Stable id: `source:` and a hash of the text and members. */
  id: string;
  /** The consensus text, paragraphs joined by blank lines. */
  text: string;
  /** The agency the members credit most often, or `unknown common source`. */
  credit: string;
  /** Member article ids that credit `credit`. */
  creditedBy: string[];
  /** Sorted member article ids. */
  memberIds: string[];
  /** In `memberIds` order. */
  members: SourceMember[];
}

/** What a provenance node stands for. */
export type ProvenanceNodeKind = 'article' | 'source' | 'agency';

/** An article, a reconstructed source or an agency in the provenance graph. */
export interface ProvenanceNode {
  /** Article id, source id, or `agency:<name>`. */
  id: string;
  kind: ProvenanceNodeKind;
  /** Outlet or headline, the source's credit, or the agency name. */
  label: string;
  publishedAt: string | null;
}

/**
 * What an edge says: `copy` (took text), `paraphrase` (took facts in other
 * words), `credit` (the text is credited to the agency), `cite` (the text
 * cites the agency as a source of information).
 */
export type ProvenanceEdgeKind = 'copy' | 'paraphrase' | 'credit' | 'cite';

/** Why an edge is there. */
export interface ProvenanceEvidence {
  /** Aligned passages between the two ends. */
  passages: number;
  /** Words of `to` inside those passages. */
  sharedWords: number;
  /** Share of each end's words inside those passages. */
  coverage: { from: number; to: number };
  publishedAt: { from: string | null; to: string | null };
  /** The words on the page that credit or cite (for `credit` and `cite` edges, and credits between articles). */
  credits: string[];
}

/** B took text or facts from A, or both from S. */
export interface ProvenanceEdge {
  /** Where the text came from (when `directed`). */
  from: string;
  to: string;
  kind: ProvenanceEdgeKind;
  /** False when neither time nor credit tells who took from whom. */
  directed: boolean;
  /** A sentence saying why this direction, or why none. */
  reason: string;
  evidence: ProvenanceEvidence;
}

/** Who took text from whom in a story. */
export interface ProvenanceGraph {
  nodes: ProvenanceNode[];
  edges: ProvenanceEdge[];
}

/** Everything the align stage finds in one story. */
export interface StoryAlignment {
  storyId: string | null;
  /** The pairs listed in the story's analysis (a large story lists its related pairs only). */
  alignments: Alignment[];
  /**
   * Every aligned pair, in pair order, when `alignments` lists only some
   * (a story over the align stage's ALL_PAIRS_MAX_ARTICLES that carries
   * relations): what the sources, the provenance and the brief's wording
   * differences are built from. Absent when `alignments` is every pair.
   */
  allPairs?: Alignment[];
  sources: CommonSource[];
  provenance: ProvenanceGraph;
  problems: Problem[];
}
