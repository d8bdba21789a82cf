import type { Span } from '../model/span.ts';
import { hash32 } from '../text/hash.ts';
import { splitSentences } from '../text/sentences.ts';
import { type Token, tokenize } from '../text/tokenize.ts';
import { MAX_ALIGN_WORDS } from './limits.ts';

/**
 * Words per seed n-gram. Three words survive word edits best while staying
 * rare enough: on generated copies (bench/eval-align.ts) 4-grams lose recall
 * at edit rate 0.3 and 2-grams seed on "of the" everywhere.
 */
export const SEED_WORDS = 3;

/** A text tokenized once for many pairings: words, matching keys, seed hashes, sentence starts. */
export interface PreparedText {
  text: string;
  tokens: Token[];
  /** Matching key per token: the normalised word without hyphens ("press-service" -> "pressservice"). */
  keys: string[];
  /** Hash of the SEED_WORDS keys starting at each token (length tokens - SEED_WORDS + 1, or 0). */
  grams: Uint32Array;
  /** 1 when a sentence starts at the token (text start, after a line break or after . ! ? and space). */
  sentenceStart: Uint8Array;
  /** The text between each token and the next, white space removed ('' after the last): punctuation to compare. */
  punctAfter: string[];
  /** True when the text had more than MAX_ALIGN_WORDS words and was cut. */
  truncated: boolean;
  /** Seed index, built on first use: gram hash -> token positions. */
  index?: Map<number, number[]>;
  /** Sentence spans per line, computed on first use (the paraphrase matcher needs them). */
  lineSentences?: Map<number, Span[]>;
  /** Lines of the text, computed on first use. */
  lines?: Span[];
}

// A word that ends with a dot but does not end a sentence ("Sept. 7", "Mr. Putin").
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen col lt sgt capt gov sen rep st jan feb mar apr jun jul aug sep sept oct nov dec no vs inc corp ltd co jr sr'.split(
    ' ',
  ),
);
const SENTENCE_END = /[.!?]["'”’)\]]*\s/;

function startsSentence(text: string, prev: Token | undefined, tok: Token): boolean {
  if (prev === undefined) return true;
  const sep = text.slice(prev.end, tok.start);
  if (sep.includes('\n')) return true;
  if (!SENTENCE_END.test(sep)) return false;
  if (sep.startsWith('.') && (ABBREVIATIONS.has(prev.norm) || prev.text.includes('.'))) {
    return false;
  }
  return /^[\p{Lu}\p{N}"“‘'(]/u.test(text.slice(tok.start, tok.start + 1));
}

/** Tokenize a text and compute its matching keys and seed hashes. */
export function prepareText(text: string, maxWords = MAX_ALIGN_WORDS): PreparedText {
  if (typeof text !== 'string')
    throw new TypeError(`Expected text as a string, got ${typeof text}`);
  let tokens = tokenize(text);
  const truncated = tokens.length > maxWords;
  if (truncated) tokens = tokens.slice(0, maxWords);
  const keys = tokens.map((t) => t.norm.replace(/[-‐]/g, ''));
  const n = Math.max(0, tokens.length - SEED_WORDS + 1);
  const grams = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let g = keys[i] as string;
    for (let k = 1; k < SEED_WORDS; k++) g += ` ${keys[i + k]}`;
    // 30 bits keep the key a small integer in V8 (a map keyed by it stays fast).
    grams[i] = hash32(g) >>> 2;
  }
  const sentenceStart = new Uint8Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) {
    sentenceStart[i] = startsSentence(text, tokens[i - 1], tokens[i] as Token) ? 1 : 0;
  }
  const punctAfter = tokens.map((t, i) => {
    const next = tokens[i + 1];
    if (next === undefined) return '';
    if (next.start === t.end + 1 && text.charCodeAt(t.end) === 32) return '';
    return text.slice(t.end, next.start).replace(/\s+/g, '');
  });
  return { text, tokens, keys, grams, sentenceStart, punctAfter, truncated };
}

/** The seed index of a prepared text (gram hash -> positions), built once. */
export function gramIndex(p: PreparedText): Map<number, number[]> {
  if (p.index !== undefined) return p.index;
  const index = new Map<number, number[]>();
  for (let i = 0; i < p.grams.length; i++) {
    const g = p.grams[i] as number;
    const list = index.get(g);
    if (list === undefined) index.set(g, [i]);
    else list.push(i);
  }
  p.index = index;
  return index;
}

/** Lines of a text (spans between line breaks, white space trimmed, empty lines left out). */
export function linesOf(text: string, end = text.length): Span[] {
  const out: Span[] = [];
  let start = 0;
  while (start < end) {
    let stop = text.indexOf('\n', start);
    if (stop < 0 || stop > end) stop = end;
    let s = start;
    let e = stop;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s) out.push({ start: s, end: e });
    start = stop + 1;
  }
  return out;
}

/**
 * Sentence spans of one line of a prepared text (the shared sentence
 * splitter, which always ends a sentence at a line break), computed once per
 * line: the paraphrase matcher only splits the lines it needs, as running
 * the splitter over every article took half of bench:align.
 */
export function sentencesOfLine(p: PreparedText, line: Span): Span[] {
  p.lineSentences ??= new Map();
  let out = p.lineSentences.get(line.start);
  if (out === undefined) {
    const text = p.text.slice(line.start, line.end);
    let spans = lineSplits.get(text);
    if (spans === undefined) {
      spans = splitSentences(text);
      if (lineSplits.size >= LINE_SPLIT_CACHE_LIMIT) lineSplits.clear();
      lineSplits.set(text, spans);
    }
    out = spans.map((s) => ({ start: s.start + line.start, end: s.end + line.start }));
    p.lineSentences.set(line.start, out);
  }
  return out;
}

/**
 * Sentence spans (relative to the line) by line text: copies in a story
 * repeat the same lines, and splitting (wink-nlp with its tagger) was a
 * fifth of bench:align. The splitter depends on the text alone, so results
 * are the same with or without the cache; bounded for long-running processes.
 */
const lineSplits = new Map<string, readonly Span[]>();
const LINE_SPLIT_CACHE_LIMIT = 20_000;

/** Index of the first token starting at or after `offset` (binary search). */
export function tokenAt(p: PreparedText, offset: number): number {
  let lo = 0;
  let hi = p.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((p.tokens[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
