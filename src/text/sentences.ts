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

// One wink-nlp instance for the process: loading the model takes ~450 ms and
// several MB, so it is done once and reused. Only sentence boundaries and
// part of speech are run: measured on the 181 extraction ground-truth bodies
// (322k tokens) sbd alone reads ~620k tokens/s, sbd+pos ~480k tokens/s and
// the full default pipe (negation, sentiment, wink's numeric NER) ~420k.
//
// wink-nlp adds every word its model lacks to the instance's lexicon, and its
// tokenizer then treats that word as known: "Microsoft's" read once unsplit
// is never split again. Left alone, the tokens and tags of a text would depend
// on what the process read before (a worker, a server, another batch). So
// every read goes through `readWink`, which removes the entries a document
// added from the model's feature tables once its results are out: each read
// sees the model as shipped. The entries' slots stay (wink keeps a parallel
// table of their features that cannot be cut from outside), so the instance
// is replaced once that many slots have piled up.

/** The model's feature tables, as wink-nlp's cache reads and extends them. */
type FeatureTables = Record<string, { hash?: Record<string, number>; list?: unknown[] }>;

/** Slots of words a read added (and `readWink` removed again) after which the instance is replaced: bounds memory (~100 B a slot) at the cost of one model load (~450 ms) per this many new words. */
const WINK_RECYCLE_SLOTS = 1_000_000;

let features: FeatureTables = {};
let lexemeBase = 0;

function createWink(): ReturnType<typeof winkNLP> {
  // The model builds its tables in `core()`; wrapping it hands them to us.
  const shipped = model as typeof model & { core(): { features: FeatureTables } };
  const instance = winkNLP(
    {
      ...shipped,
      core() {
        const built = shipped.core();
        features = built.features;
        return built;
      },
    } as typeof model,
    ['sbd', 'pos'],
  );
  lexemeBase = features['lexeme']?.list?.length ?? 0;
  return instance;
}

let nlp = createWink();
const its = nlp.its;

/**
 * Read `text` with the process-wide wink-nlp instance (English lite model,
 * sbd + pos) and return what `read` takes from the document; afterwards the
 * instance is as it was before the read, so the same text always gives the
 * same tokens, whatever was read before. `read` must take everything it
 * needs from the document before returning.
 */
export function readWink<T>(text: string, read: (doc: ReturnType<typeof nlp.readDoc>) => T): T {
  const before = new Map<string, number>();
  for (const name of Object.keys(features)) {
    const list = features[name]?.list;
    if (list !== undefined) before.set(name, list.length);
  }
  try {
    return read(nlp.readDoc(text));
  } finally {
    for (const [name, length] of before) {
      const table = features[name];
      const list = table?.list;
      const hash = table?.hash;
      if (list === undefined || hash === undefined) continue;
      for (let i = length; i < list.length; i++) {
        const key = list[i] as string;
        if (hash[key] === i) delete hash[key];
      }
    }
    if ((features['lexeme']?.list?.length ?? 0) - lexemeBase > WINK_RECYCLE_SLOTS)
      nlp = createWink();
  }
}

/** wink-nlp's `its` helpers (the same for every instance). */
export const WINK_ITS: typeof its = its;

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

  const { values, spaces, tags, winkSentences } = readWink(text, (doc) => ({
    values: doc.tokens().out(),
    spaces: doc.tokens().out(its.precedingSpaces),
    tags: doc.tokens().out(its.pos),
    winkSentences: doc.sentences().out(its.span) as unknown as Array<[number, number]>,
  }));

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
  return mergeInsideQuotations(text, { sentences, tokens, sentenceTokens });
}

// Verbs of an attribution that follows a closing quote as a sentence of its
// own once wink-nlp has ended the sentence at "?" or "!" inside the marks
// (`"Who are these refugees?" Putin asked.`). A short list on purpose: the
// annotate stage keeps the full one; this only glues the fragment back.
const ATTRIBUTION_VERBS =
  'said|says|asked|asks|added|adds|told|tells|explained|explains|replied|replies|wrote|writes|noted|notes|' +
  'shouted|insisted|continued|warned|wondered|posed|declared|stressed|recalled|admitted|answered|exclaimed';
/** `Putin asked.`, `Vladimir Putin said on Monday.`, `He added.`: a short attribution sentence. */
const ATTRIBUTION = new RegExp(
  `^(?:[\\p{Lu}][\\p{L}'’.-]*\\s+){1,4}(?:${ATTRIBUTION_VERBS})\\b[^.!?"“”]{0,60}[.!?]$`,
  'u',
);
/** Longest attribution sentence glued back to its quotation, in characters. */
const MAX_ATTRIBUTION = 80;

/**
 * Top-level quotations of a text as `[open, close]` offsets of their marks,
 * read one line (paragraph) at a time. A quotation still open where its
 * paragraph ends runs on into the next one (newspaper style, the next
 * paragraph opens with a new mark) and is not returned. Curly double and
 * single quotes and guillemets pair up; a straight `"` closes an open double
 * quotation or opens one (not after a digit: 6'2"); a `'` or `’` between two
 * letters is an apostrophe, and one that could only close ("the workers'
 * union") closes nothing unless a single quotation is open.
 */
function quotations(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const stack: string[] = [];
  let start = -1;
  const open = (kind: string, at: number): void => {
    if (stack.length === 0) start = at;
    stack.push(kind);
  };
  const close = (kind: string, at: number): void => {
    const k = stack.lastIndexOf(kind);
    if (k < 0) return;
    stack.length = k;
    if (k === 0) out.push([start, at]);
  };
  const isLetter = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    switch (c) {
      case '\n':
      case '\r':
        stack.length = 0;
        break;
      case '“':
      case '„':
      case '«':
        open('d', i);
        break;
      case '”':
      case '»':
        close('d', i);
        break;
      case '"':
        if (stack.includes('d')) close('d', i);
        else if (!/\d/.test(text[i - 1] ?? '')) open('d', i);
        break;
      case '‘':
        if (!isLetter(text[i - 1]) && isLetter(text[i + 1])) open('s', i);
        break;
      case '’':
      case "'": {
        const before = text[i - 1];
        const after = text[i + 1];
        if (isLetter(before) && isLetter(after)) break;
        if (stack.includes('s') && before !== undefined && !/\s/.test(before)) close('s', i);
        else if (
          (before === undefined || /[\s([{—–-]/.test(before)) &&
          after !== undefined &&
          /\p{L}/u.test(after)
        )
          open('s', i);
        break;
      }
    }
  }
  return out;
}

/**
 * Join sentences that wink-nlp split inside a quotation: no sentence ends
 * while a quotation opened in the same paragraph is still open, so `"We
 * lost. It is over," he said.` stays one sentence (a quotation that runs on
 * into the next paragraph is left as wink split it). Also glues a short
 * attribution back to the quotation it follows (`"…?" Putin asked.`).
 */
function mergeInsideQuotations(text: string, seg: Segmentation): Segmentation {
  const { sentences, tokens, sentenceTokens } = seg;
  if (sentences.length < 2 || !/["“”‘’'«»„]/.test(text)) return seg;
  const quotes = quotations(text);
  const closes = new Set(quotes.map((x) => x[1]));
  const outSentences: Span[] = [];
  const outTokens: Array<[number, number]> = [];
  let q = 0;
  for (let i = 0; i < sentences.length; i++) {
    const cur = { ...(sentences[i] as Span) };
    const range: [number, number] = [...(sentenceTokens[i] as [number, number])];
    const last = outSentences[outSentences.length - 1];
    const sameParagraph = last !== undefined && !/[\n\r]/.test(text.slice(last.end, cur.start));
    // `… kills me!’` | `” Not long after …`: a closing mark wink put at the
    // start of the next sentence belongs to the one before.
    while (sameParagraph && range[0] < range[1] && closes.has(cur.start)) {
      (last as Span).end = (tokens[range[0]] as TextToken).end;
      (outTokens[outTokens.length - 1] as [number, number])[1] = range[0] + 1;
      range[0]++;
      cur.start = tokens[range[0]]?.start ?? cur.end;
    }
    if (range[0] >= range[1]) continue;
    let join = false;
    if (last !== undefined && sameParagraph) {
      while (q < quotes.length && (quotes[q] as [number, number])[1] < cur.start) q++;
      const inside = quotes[q];
      join =
        (inside !== undefined && inside[0] < last.end && inside[1] >= cur.start) ||
        (/[?!]["”’'»]$/.test(text.slice(last.end - 2, last.end)) &&
          cur.end - cur.start <= MAX_ATTRIBUTION &&
          ATTRIBUTION.test(text.slice(cur.start, cur.end)));
    }
    if (join && last !== undefined) {
      last.end = cur.end;
      (outTokens[outTokens.length - 1] as [number, number])[1] = range[1];
    } else {
      outSentences.push({ start: cur.start, end: cur.end });
      outTokens.push([range[0], range[1]]);
    }
  }
  return { sentences: outSentences, tokens, sentenceTokens: outTokens };
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
