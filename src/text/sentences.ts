import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import type { Span } from '../model/span.ts';

/**
 * A token of a text as wink-nlp reads it (words, numbers and punctuation;
 * never white space), with its character offsets and Universal POS tag.
 */
export interface TextToken extends Span {
  /** Universal part-of-speech tag from wink-nlp ("PROPN", "VERB", "PUNCT", ...). */
  pos: string;
}

/** Sentences and tokens of one text, both with offsets into it. */
export interface Segmentation {
  sentences: Span[];
  tokens: TextToken[];
  /** For each sentence, the index of its first token and one past its last in `tokens`. */
  sentenceTokens: Array<[number, number]>;
}

// One wink-nlp instance for the process: loading the model takes ~100 ms and
// several MB, so it is done once at module load. Only sentence boundaries and
// part of speech are run: measured on the 181 extraction ground-truth bodies
// (322k tokens) sbd alone reads ~620k tokens/s, sbd+pos ~480k tokens/s and
// the full default pipe (negation, sentiment, wink's numeric NER) ~420k.
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/**
 * The process-wide wink-nlp instance (English lite model, sbd + pos). Reuse it
 * instead of loading the model a second time.
 */
export const WINK: ReturnType<typeof winkNLP> = nlp;

/**
 * Split text into sentences and tokens with character offsets, using
 * wink-nlp's English lite model. A line break always ends a sentence (news
 * paragraphs never continue a sentence across lines; wink alone would run
 * "Preview\nSubscribers agree ..." together), and sentence spans are trimmed
 * of surrounding white space.
 *
 * @example segment('He left. She stayed.').sentences // [{start: 0, end: 8}, {start: 9, end: 20}]
 */
export function segment(text: string): Segmentation {
  if (typeof text !== 'string')
    throw new TypeError(`Expected text as a string, got ${typeof text}`);
  const tokens: TextToken[] = [];
  const sentences: Span[] = [];
  const sentenceTokens: Array<[number, number]> = [];
  if (text.trim() === '') return { sentences, tokens, sentenceTokens };

  const doc = nlp.readDoc(text);
  const values = doc.tokens().out();
  const spaces = doc.tokens().out(its.precedingSpaces);
  const tags = doc.tokens().out(its.pos);
  const winkSentences = doc.sentences().out(its.span) as unknown as Array<[number, number]>;

  // Token index in wink's list -> index in `tokens` (white-space tokens, which
  // wink emits for line breaks, are dropped), and which wink tokens hold a
  // line break.
  const map = new Int32Array(values.length + 1);
  const breakAfter = new Uint8Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? '';
    const space = spaces[i] ?? '';
    cursor += space.length;
    // wink reproduces the text exactly (value + preceding spaces); the search
    // is a guard should a future model normalise a character.
    if (text.startsWith(value, cursor) === false) {
      const found = text.indexOf(value, cursor);
      if (found >= 0) cursor = found;
    }
    map[i] = tokens.length;
    const tag = tags[i] ?? 'X';
    if (tag === 'SPACE' || value.trim() === '') {
      if (/[\n\r\u2028\u2029]/.test(value) || /[\n\r]/.test(space)) breakAfter[i] = 1;
    } else {
      if (/[\n\r]/.test(space) && i > 0) breakAfter[i - 1] = 1;
      tokens.push({ start: cursor, end: cursor + value.length, pos: tag });
    }
    cursor += value.length;
  }
  map[values.length] = tokens.length;

  const push = (from: number, to: number): void => {
    if (to <= from) return;
    const first = tokens[from];
    const last = tokens[to - 1];
    if (first === undefined || last === undefined) return;
    sentences.push({ start: first.start, end: last.end });
    sentenceTokens.push([from, to]);
  };
  for (const [a, b] of winkSentences) {
    let from = map[a] ?? 0;
    for (let i = a; i <= b; i++) {
      if (breakAfter[i] === 1) {
        const to = map[i + 1] ?? tokens.length;
        push(from, to);
        from = to;
      }
    }
    push(from, map[b + 1] ?? tokens.length);
  }
  return { sentences, tokens, sentenceTokens };
}

/**
 * Sentence spans of a text (offsets into it, white space trimmed). A line
 * break always ends a sentence.
 *
 * @example splitSentences('Russia said Thursday it has new orders. "We are working," he said.')
 * // [{start: 0, end: 39}, {start: 40, end: 67}]
 */
export function splitSentences(text: string): Span[] {
  return segment(text).sentences;
}
