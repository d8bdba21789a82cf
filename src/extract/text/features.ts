import { tokenize } from '../../text/tokenize.ts';

/** What the classifier knows about one unit's text, before looking at its neighbours. */
export interface UnitFeatures {
  text: string;
  /** Number of words (letters/digits runs, as `tokenize` reads them). */
  words: number;
  /** Share of words with letters that start with a capital (title case is high). */
  capitalised: number;
  /** Ends like a sentence: . ! ? … or a closing quote or bracket after one. */
  terminal: boolean;
  /** Ends with a colon: a sentence that introduces a quote or list. */
  colon: boolean;
  /** A finished sentence of at least `SENTENCE_MIN_WORDS` words. */
  sentenceLike: boolean;
  /** Reads as story prose: see `PROSE_MIN_WORDS` and `PROSE_LONG_WORDS`. */
  prose: boolean;
  /** Could be a headline or subheading: short, no final period, colon or comma. */
  titleLike: boolean;
  /** Speaks to or for the reader ("we", "our", "you") outside quotation marks: appeals do, news copy rarely does. */
  address: boolean;
}

/** Fewest words of a unit that counts as a sentence (shorter lines are labels). */
export const SENTENCE_MIN_WORDS = 4;

/**
 * Fewest words of a prose unit ending like a sentence. The shortest story
 * paragraph in the seeds is 11 words ("We don't want militants showing up
 * here under cover of refugees.", seed 004); furniture lines that end like a
 * sentence are at most 5 words ("Not ready to support today?", seed 000).
 */
export const PROSE_MIN_WORDS = 8;

/**
 * Words from which a unit is prose even without final punctuation: seed 003
 * has a 29-word story paragraph cut off before its period ("... said to
 * RIA"), while the longest unpunctuated title in the seeds is 15 words
 * (seed 004's headline).
 */
export const PROSE_LONG_WORDS = 20;

/** Most words of a title-like unit: the longest headline in the seeds is 15 words. */
export const TITLE_MAX_WORDS = 25;

/**
 * Highest share of capitalised words in prose: title case runs at 0.7 to 1
 * (seed 000's "Russia to Supply Weapons to Afghanistan's Neighbors" is
 * 0.71), story sentences at 0.1 to 0.4.
 */
export const PROSE_MAX_CAPITALISED = 0.6;

const TERMINAL = /(?:[.!?…]|[.!?…,]?["”’»])[)\]]*$/;
const QUOTED = /"[^"]*"|“[^”]*”|«[^»]*»/g;
const ADDRESS = /\b(?:we|we're|we’re|our|ours|us|you|you're|you’re|your|yours)\b/i;

/**
 * Compute the features of one unit's text.
 *
 * @example unitFeatures('Military exercises').titleLike // true
 */
export function unitFeatures(text: string): UnitFeatures {
  const tokens = tokenize(text);
  const words = tokens.length;
  let lettered = 0;
  let upper = 0;
  for (const t of tokens) {
    const first = /\p{L}/u.exec(t.text)?.[0];
    if (first === undefined) continue;
    lettered++;
    if (first !== first.toLowerCase()) upper++;
  }
  const capitalised = lettered === 0 ? 0 : upper / lettered;
  const trimmed = text.trim();
  const terminal = TERMINAL.test(trimmed);
  const colon = trimmed.endsWith(':');
  const sentenceLike = terminal && words >= SENTENCE_MIN_WORDS;
  const prose =
    (words >= PROSE_MIN_WORDS && (terminal || colon) && capitalised <= PROSE_MAX_CAPITALISED) ||
    words >= PROSE_LONG_WORDS;
  const titleLike =
    words >= 1 &&
    words <= TITLE_MAX_WORDS &&
    !/[.:;,]$/.test(trimmed) &&
    /^[\p{Lu}\p{N}"“‘'«]/u.test(trimmed);
  const address = ADDRESS.test(trimmed.replace(QUOTED, ' '));
  return {
    text: trimmed,
    words,
    capitalised,
    terminal,
    colon,
    sentenceLike,
    prose,
    titleLike,
    address,
  };
}
