import type { FactKind } from '../model/index.ts';
import { lcsLength } from '../text/lcs-length.ts';

/**
 * Share of words two sentences must keep in order (longest common
 * subsequence over the longer one) to count as an edited copy rather than a
 * paraphrase. On the seeds, the wire copies' body sentences keep 0.87-1.0
 * of their words (002's "MOSCOW, Aug 26:" dateline included), the student
 * paper's reworked wire sentences (003) 0.52-0.81; align draws the same
 * line (its EDITED_MIN_SIMILARITY puts 003's passages among paraphrases).
 */
export const EDITED_MIN_SHARE = 0.85;

/** Share of words kept in order between two word sequences, 0..1. */
export function keptShare(a: readonly string[], b: readonly string[]): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : lcsLength(a, b) / longer;
}

/**
 * How two sentences that carry the same fact relate, from their normalised
 * words: `verbatim` (same words; case and punctuation aside), `edited`
 * (at least `EDITED_MIN_SHARE` of the words kept in order) or `paraphrase`.
 */
export function linkKind(a: readonly string[], b: readonly string[]): FactKind {
  if (a.length === b.length && a.every((w, i) => w === b[i])) return 'verbatim';
  return keptShare(a, b) >= EDITED_MIN_SHARE ? 'edited' : 'paraphrase';
}

const LOOSENESS: Record<FactKind, number> = { verbatim: 0, edited: 1, paraphrase: 2 };

/** The looser of two kinds (`paraphrase` > `edited` > `verbatim`). */
export function looserKind(a: FactKind, b: FactKind): FactKind {
  return LOOSENESS[a] >= LOOSENESS[b] ? a : b;
}
