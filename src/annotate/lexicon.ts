import { readWink, WINK_ITS } from '../text/sentences.ts';

// wink-nlp numbers the lexemes its model ships (~87k common English words and
// forms) below a fixed bound and gives every word it has not seen an id above
// it, so "is this lower-cased word in the model's lexicon" is one comparison.
// Measured: "drills", "critics", "section", "people" are in it; "nelson",
// "epstein", "mikheev", "rosoboronexport", "kabul" are not.
const ids = (text: string): number[] =>
  readWink(text, (doc) => doc.tokens().out(WINK_ITS.uniqueId) as unknown as number[]);
const OOV_BOUND = Math.min(...ids('qzxqvj zzqxwv'));

// Memo of answers: the function is pure, so caching keeps results identical
// while reading the lexicon once per distinct word. Bounded so a long-running
// worker does not grow without limit.
const MEMO_LIMIT = 200_000;
const memo = new Map<string, boolean>();
const SIMPLE = /^\p{Ll}+$/u;

/**
 * For each word, whether its lower-cased form is a common English word (in
 * the wink-nlp English model's lexicon). Words that are not plain letters
 * answer false. Looks up all unknown words in one batch.
 *
 * @example commonWords(['Drills', 'Nelson']) // [true, false]
 */
export function commonWords(words: readonly string[]): boolean[] {
  const lower = words.map((w) => w.toLowerCase());
  const missing = [...new Set(lower.filter((w) => !memo.has(w) && SIMPLE.test(w)))];
  if (missing.length > 0) {
    if (memo.size + missing.length > MEMO_LIMIT) memo.clear();
    const found = ids(missing.join(' '));
    if (found.length === missing.length) {
      for (let i = 0; i < missing.length; i++)
        memo.set(missing[i] as string, (found[i] ?? OOV_BOUND) < OOV_BOUND);
    } else {
      // A word split in two ("cannot" -> "can" "not"): look each up alone.
      for (const w of missing) {
        const one = ids(w);
        memo.set(w, one.length === 1 && (one[0] ?? OOV_BOUND) < OOV_BOUND);
      }
    }
  }
  // A plural of a common word is common too ("Organics", "Drills"); checked
  // only for longer words so that surnames such as "Jones" are not caught
  // through a rare singular.
  const plural = lower.map((w) => (w.length > 5 && w.endsWith('s') ? w.slice(0, -1) : ''));
  const stems = plural.filter((w) => w !== '' && !memo.has(w));
  if (stems.length > 0) commonWords(stems);
  return lower.map(
    (w, i) => memo.get(w) === true || (plural[i] !== '' && memo.get(plural[i] as string) === true),
  );
}
