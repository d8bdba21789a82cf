import type { Span } from '../model/span.ts';

/** A phrase found in a text: the token range it covers and what the index stored for it. */
export interface PhraseMatch<T> {
  /** Index of the token after the last one the phrase covers. */
  endToken: number;
  /** Character offset where the phrase ends. */
  end: number;
  payload: T;
}

/** Multi-word phrases looked up token by token (gazetteers, titles). */
export interface PhraseIndex<T> {
  /** Longest phrase that starts at token `i` and ends on a token boundary, or null. */
  match(text: string, tokens: readonly Span[], i: number): PhraseMatch<T> | null;
  size: number;
  /** Whether some phrase starts with this key (its first run of letters and digits). */
  hasKey(key: string): boolean;
}

interface Entry<T> {
  phrase: string;
  upper: string;
  payload: T;
}

// The key is the first run of letters and digits, so a phrase and the token
// that starts it agree however the tokenizer splits punctuation inside words
// ("U.S." -> "U", "Guinea-Bissau" -> "Guinea", "al-Qaeda" -> "al").
const KEY = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u;

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function keyOf(s: string): string | null {
  // Fast path for ASCII words (nearly every token in English news).
  let end = 0;
  while (end < s.length && isAsciiAlnum(s.charCodeAt(end))) end++;
  if (end > 0 && (end === s.length || s.charCodeAt(end) < 128)) return s.slice(0, end);
  const m = KEY.exec(s);
  return m?.[1] ?? null;
}

/**
 * Fold the characters that vary between outlets and never change a name
 * ("’" for "'", a no-break space for a space). One character for one, so
 * offsets into the folded text are offsets into the original.
 */
export function foldQuotes(s: string): string {
  // The recognizer and coreference fold the same article text one after the
  // other; remember the last answer (pure, so the cache changes nothing).
  if (s === lastFolded.from) return lastFolded.to;
  const to = s
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑–]/g, '-')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ');
  lastFolded = { from: s, to };
  return to;
}

let lastFolded = { from: '', to: '' };

/**
 * Build a phrase index. Matching is exact (case and spelling) after folding
 * apostrophes and hyphens; a token written in capitals ("MOSCOW", "-REUTERS")
 * also matches case-insensitively, because datelines and credits are often
 * set in capitals.
 *
 * Hand-written rather than a trie library: one Map lookup per token is all
 * the hot path needs, and the check is a `startsWith` on the folded text.
 */
export function buildPhraseIndex<T>(entries: Iterable<[string, T]>): PhraseIndex<T> {
  const exact = new Map<string, Entry<T>[]>();
  const upper = new Map<string, Entry<T>[]>();
  let size = 0;
  for (const [raw, payload] of entries) {
    const phrase = foldQuotes(raw.trim());
    const key = keyOf(phrase);
    if (key === null) continue;
    const entry: Entry<T> = { phrase, upper: phrase.toUpperCase(), payload };
    const list = exact.get(key);
    if (list === undefined) exact.set(key, [entry]);
    else if (!list.some((e) => e.phrase === phrase)) list.push(entry);
    else continue;
    const ukey = key.toUpperCase();
    const ulist = upper.get(ukey);
    if (ulist === undefined) upper.set(ukey, [entry]);
    else ulist.push(entry);
    size++;
  }
  // Longest first, so the first hit is the longest match.
  for (const list of exact.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  for (const list of upper.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);

  const finish = (tokens: readonly Span[], i: number, end: number): number => {
    for (let j = i; j < tokens.length; j++) {
      const t = tokens[j] as Span;
      if (t.end === end) return j + 1;
      if (t.end > end) return -1;
    }
    return -1;
  };

  return {
    size,
    hasKey: (key) => exact.has(key),
    match(text, tokens, i) {
      const tok = tokens[i];
      if (tok === undefined) return null;
      // Key straight from the text (no slice of the whole token): ASCII fast path.
      let end = tok.start;
      while (end < tok.end && isAsciiAlnum(text.charCodeAt(end))) end++;
      const key =
        end > tok.start && (end === tok.end || text.charCodeAt(end) < 128)
          ? text.slice(tok.start, end)
          : keyOf(text.slice(tok.start, tok.end));
      if (key === null) return null;
      const list = exact.get(key);
      if (list !== undefined) {
        for (const e of list) {
          if (text.startsWith(e.phrase, tok.start)) {
            const endToken = finish(tokens, i, tok.start + e.phrase.length);
            if (endToken > 0)
              return { endToken, end: tok.start + e.phrase.length, payload: e.payload };
          }
        }
      }
      if (key.length >= 3 && key === key.toUpperCase() && key !== key.toLowerCase()) {
        const ulist = upper.get(key);
        if (ulist !== undefined) {
          for (const e of ulist) {
            const end = tok.start + e.upper.length;
            if (text.slice(tok.start, end).toUpperCase() === e.upper) {
              const endToken = finish(tokens, i, end);
              if (endToken > 0) return { endToken, end, payload: e.payload };
            }
          }
        }
      }
      return null;
    },
  };
}
