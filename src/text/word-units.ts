import { normalizeWord } from './tokenize.ts';
import { hashWord, mix32 } from './word-hash.ts';

/** Unit flags (bit set): how a unit was written, for picking entities and numbers. */
export const UNIT_CAPITALISED = 1;
/** The unit starts with a digit ("2013", "6.1", "90-day"). */
export const UNIT_NUMERIC = 2;
/** One character of a script written without spaces (Han, kana, Thai, ...). */
export const UNIT_CHAR = 4;
/** The unit opens a sentence (first unit, or after . ! ? or a line break). */
export const UNIT_SENTENCE_START = 8;

/**
 * The matching units of a text in columns: for each unit the hash of its
 * normalised form (`hashWord(normalizeWord(word))`), its flags and its
 * length. No strings or objects per unit.
 */
export interface HashedUnits {
  count: number;
  hashes: Uint32Array;
  flags: Uint8Array;
  /** Length of the normalised unit in UTF-16 code units, capped at 255. */
  lengths: Uint8Array;
}

// Character classes of the Basic Multilingual Plane, built once on first
// use from Unicode property escapes.
const C_WORD = 1;
const C_NOSPACE = 2;
const C_UPPER = 4;
const C_DIGIT = 8;
const C_JOINER = 16;
const C_STOP = 32;
const NO_SPACE =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]/u;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
let classes: Uint8Array | null = null;

function classify(ch: string): number {
  let c = 0;
  if (WORD_CHAR.test(ch)) c |= NO_SPACE.test(ch) ? C_NOSPACE : C_WORD;
  if (/\p{Lu}/u.test(ch)) c |= C_UPPER;
  if (/\p{Nd}/u.test(ch)) c |= C_DIGIT;
  return c;
}

function table(): Uint8Array {
  if (classes !== null) return classes;
  const t = new Uint8Array(65536);
  for (let i = 0; i < 128; i++) {
    const ch = String.fromCharCode(i);
    if (/[A-Za-z0-9]/.test(ch)) t[i] = C_WORD;
    if (/[A-Z]/.test(ch)) t[i] = (t[i] as number) | C_UPPER;
    if (/[0-9]/.test(ch)) t[i] = (t[i] as number) | C_DIGIT;
  }
  for (let i = 128; i < 65536; i++) {
    if (i >= 0xd800 && i <= 0xdfff) continue;
    t[i] = classify(String.fromCharCode(i));
  }
  // Inner joiners kept inside a word, as in tokenize(): ' ’ . , - ‐
  for (const ch of "'’.,-‐") t[ch.charCodeAt(0)] = (t[ch.charCodeAt(0)] as number) | C_JOINER;
  // Sentence ends and line breaks: . ! ? newline, ideographic full stop.
  for (const ch of '.!?\n。！？') t[ch.charCodeAt(0)] = (t[ch.charCodeAt(0)] as number) | C_STOP;
  classes = t;
  return t;
}

function classAt(t: Uint8Array, text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return t[c] as number;
  // Astral plane (rare: historic scripts, CJK extension B): classify the pair.
  const cp = text.codePointAt(i) as number;
  return cp > 0xffff ? classify(String.fromCodePoint(cp)) : 0;
}

/**
 * Split text into matching units in one pass and hash them: words (same
 * shape as tokenize(): inner apostrophes, hyphens, dots and commas kept),
 * and single characters of scripts written without spaces (CJK, Thai), so
 * shingles over units are character n-grams there. Hot path of group,
 * hand-written: a table lookup per character and FNV-1a over lowercased
 * ASCII, falling back to normalizeWord only for words with other letters.
 */
export function hashUnits(text: string): HashedUnits {
  const t = table();
  const n = text.length;
  let cap = Math.max(16, n >> 2);
  let hashes = new Uint32Array(cap);
  let flags = new Uint8Array(cap);
  let lengths = new Uint8Array(cap);
  let count = 0;
  let sentence = true;
  let i = 0;
  while (i < n) {
    const cls = classAt(t, text, i);
    if ((cls & (C_WORD | C_NOSPACE)) === 0) {
      if (cls & C_STOP) sentence = true;
      i++;
      continue;
    }
    if (count === cap) {
      cap *= 2;
      hashes = grow32(hashes, cap);
      flags = grow8(flags, cap);
      lengths = grow8(lengths, cap);
    }
    let f = sentence ? UNIT_SENTENCE_START : 0;
    sentence = false;
    const width = text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1;
    if (cls & C_NOSPACE) {
      const ch = text.slice(i, i + width);
      hashes[count] = hashWord(ch);
      flags[count] = f | UNIT_CHAR;
      lengths[count] = 1;
      count++;
      i += width;
      continue;
    }
    if (cls & C_UPPER) f |= UNIT_CAPITALISED;
    else if (cls & C_DIGIT) f |= UNIT_NUMERIC;
    // Scan the word: word chars, and joiners followed by a word char.
    const start = i;
    let ascii = true;
    let h = 0x811c9dc5;
    for (;;) {
      const c = text.charCodeAt(i);
      const k = classAt(t, text, i);
      if (k & C_WORD) {
        if (c < 128) {
          h ^= c >= 65 && c <= 90 ? c + 32 : c;
          h = Math.imul(h, 0x01000193);
          i++;
        } else {
          ascii = false;
          i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        }
        continue;
      }
      if (k & C_JOINER && i + 1 < n && classAt(t, text, i + 1) & C_WORD) {
        if (c < 128) {
          h ^= c;
          h = Math.imul(h, 0x01000193);
        } else ascii = false;
        i++;
        continue;
      }
      break;
    }
    if (ascii) {
      // FNV-1a and the finaliser as in hashWord, so ASCII words hash the same on both paths.
      hashes[count] = mix32(h);
      lengths[count] = Math.min(i - start, 255);
    } else {
      const norm = normalizeWord(text.slice(start, i));
      hashes[count] = hashWord(norm);
      lengths[count] = Math.min(norm.length, 255);
    }
    flags[count] = f;
    count++;
  }
  return {
    count,
    hashes: hashes.subarray(0, count),
    flags: flags.subarray(0, count),
    lengths: lengths.subarray(0, count),
  };
}

function grow32(a: Uint32Array, size: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(size);
  b.set(a);
  return b;
}

function grow8(a: Uint8Array, size: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(size);
  b.set(a);
  return b;
}
