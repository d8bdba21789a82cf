/**
 * How two articles of one story relate:
 * - `duplicate`: near-identical text (a wire copy with small edits);
 * - `derived`: one substantially reuses or paraphrases the other;
 * - `same-story`: the same event, little shared text.
 */
export type RelationKind = 'duplicate' | 'derived' | 'same-story';

/** A pairwise relation inside a story, with the scores that decided it. */
export interface Relation {
  /** Article ids, `a < b` in code-unit order. */
  a: string;
  b: string;
  kind: RelationKind;
  /** Share of a's shingles found in b. */
  containmentAB: number;
  /** Share of b's shingles found in a. */
  containmentBA: number;
  /** Jaccard similarity of the two shingle sets. */
  jaccard: number;
  /** TF-IDF cosine of content words and entities, time-weighted when both are dated. */
  topical: number;
}

/** Articles that tell the same story (one real-world event). */
export interface Story {
  /** Stable id derived from the member ids. */
  id: string;
  /** Member article ids, sorted. */
  articleIds: string[];
  relations: Relation[];
}

/** Stories about the same kind of thing (two different earthquakes: one topic, two stories). */
export interface Topic {
  id: string;
  storyIds: string[];
}
