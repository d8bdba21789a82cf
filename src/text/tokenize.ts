/** A word of a text with its character offsets. */
export interface Token {
  /** The word as written. */
  text: string;
  /** Lowercased, diacritics and apostrophe variants folded: the form used for matching. */
  norm: string;
  start: number;
  end: number;
}

// Letters and digits in any script, with inner apostrophes, hyphens and
// dots kept inside one word ("Taliban's", "ex-Soviet", "U.S.", "2,400").
const WORD = /[\p{L}\p{N}]+(?:['’.,\-‐][\p{L}\p{N}]+)*/gu;
const DIACRITICS = /\p{M}+/gu;

/** Fold a word for matching: lowercase, strip diacritics, one apostrophe form. */
export function normalizeWord(word: string): string {
  let w = word.toLowerCase();
  if (/[^\x00-\x7f]/.test(w)) w = w.normalize('NFKD').replace(DIACRITICS, '');
  return w.replace(/’/g, "'").replace(/‐/g, '-');
}

/**
 * Split text into word tokens with offsets. Punctuation and white space are
 * not tokens. Hot path for group and align (hand-written for speed: one
 * regex pass, no allocation beyond the tokens).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    out.push({ text: m[0], norm: normalizeWord(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The normalised words of a text, without offsets (cheaper when offsets are not needed). */
export function words(text: string): string[] {
  const out: string[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) out.push(normalizeWord(m[0]));
  return out;
}
