import { words } from '../../text/tokenize.ts';

/**
 * Fewest words of a unit checked for near-duplicates: shorter units
 * ("Share", "Read more") repeat legitimately and are furniture rules' business.
 */
export const DUPLICATE_MIN_WORDS = 6;

/**
 * Dice similarity of word multisets from which two units are copies. Seed
 * 001 repeats its standfirst as "Russia remains cautiously optimistic ...,
 * while it has warned ..." and the body has "While Russia remains
 * cautiously optimistic ..., it has warned ...": the same words reordered
 * (Dice 1.0), and its standfirst "Orders for weapons come as countries in
 * ex-Soviet region, ..." paraphrases a body paragraph at 0.86. Two different
 * paragraphs of one seed score at most 0.51 (seed 004).
 */
export const DUPLICATE_MIN_SIMILARITY = 0.85;

function bag(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const w of words(text)) out.set(w, (out.get(w) ?? 0) + 1);
  return out;
}

function size(b: Map<string, number>): number {
  let n = 0;
  for (const c of b.values()) n += c;
  return n;
}

/**
 * Dice similarity of two texts' word multisets, 0 to 1.
 *
 * @example wordDice('a b c', 'c b a') // 1
 */
export function wordDice(a: string, b: string): number {
  const x = bag(a);
  const y = bag(b);
  const total = size(x) + size(y);
  if (total === 0) return 0;
  let shared = 0;
  for (const [w, c] of x) shared += Math.min(c, y.get(w) ?? 0);
  return (2 * shared) / total;
}

/**
 * Units from the top of a document whose copies are looked for further
 * down. Repeated standfirsts sit right under the headline (seed 001's two
 * copies are its 3rd and 5th units); looking only here keeps the search
 * linear in the document's length.
 */
export const DUPLICATE_HEAD_UNITS = 20;

/**
 * For each eligible text among the first `DUPLICATE_HEAD_UNITS`, the later
 * eligible texts that are near-duplicates of it (word-multiset Dice of at
 * least `DUPLICATE_MIN_SIMILARITY`, both of at least `DUPLICATE_MIN_WORDS`
 * words). Texts without a later copy are left out of the map.
 *
 * @example laterCopies(['A b c d e f.', 'x', 'F e d c b a.'], [true, true, true]) // Map { 0 => [2] }
 */
export function laterCopies(
  texts: readonly string[],
  eligible: readonly boolean[],
): Map<number, number[]> {
  const bags = texts.map((text, i) => {
    if (!eligible[i]) return null;
    const b = bag(text);
    const n = size(b);
    return n >= DUPLICATE_MIN_WORDS ? { bag: b, size: n } : null;
  });
  // Dice >= s needs the shorter text to hold at least s / (2 - s) of the
  // longer one's words: skip pairs outside that ratio of sizes.
  const ratio = DUPLICATE_MIN_SIMILARITY / (2 - DUPLICATE_MIN_SIMILARITY);
  const out = new Map<number, number[]>();
  for (let i = 0; i < Math.min(texts.length, DUPLICATE_HEAD_UNITS); i++) {
    const a = bags[i];
    if (!a) continue;
    for (let j = i + 1; j < texts.length; j++) {
      const b = bags[j];
      if (!b || Math.min(a.size, b.size) < Math.max(a.size, b.size) * ratio) continue;
      let shared = 0;
      for (const [w, c] of a.bag) shared += Math.min(c, b.bag.get(w) ?? 0);
      if ((2 * shared) / (a.size + b.size) < DUPLICATE_MIN_SIMILARITY) continue;
      const list = out.get(i);
      if (list) list.push(j);
      else out.set(i, [j]);
    }
  }
  return out;
}
