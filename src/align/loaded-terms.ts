import { normalizeWord } from '../text/tokenize.ts';
import lexicon from './loaded-terms.json' with { type: 'json' };
import type { PreparedText } from './prepare-text.ts';

/** One entry of the loaded-term lexicon (`loaded-terms.json`). */
export interface LoadedTerm {
  term: string;
  forms: string[];
  /** A verdict label that agency copy avoids in its own voice. */
  wireAvoids?: boolean;
  reason: string;
}

/** A loaded term found in a text: tokens `[t0, t1)`. */
export interface LoadedOccurrence {
  t0: number;
  t1: number;
  term: string;
}

/** The lexicon of loaded terms, with the reason for each entry. */
export const LOADED_TERMS: readonly LoadedTerm[] = lexicon.terms;

const keyOf = (w: string): string => normalizeWord(w).replace(/[-‐]/g, '');

// First word of a form -> the forms starting with it, as key sequences.
const BY_FIRST = new Map<string, Array<{ keys: string[]; term: string }>>();
const AVOIDED = new Set<string>();
let MAX_FORM_WORDS = 1;
for (const entry of LOADED_TERMS) {
  if (entry.wireAvoids === true) AVOIDED.add(entry.term);
  for (const form of entry.forms) {
    const keys = form.split(/\s+/).map(keyOf);
    MAX_FORM_WORDS = Math.max(MAX_FORM_WORDS, keys.length);
    const first = keys[0] as string;
    const list = BY_FIRST.get(first) ?? [];
    list.push({ keys, term: entry.term });
    BY_FIRST.set(first, list);
  }
}

const cache = new WeakMap<PreparedText, LoadedOccurrence[]>();

/** Loaded terms in a prepared text, in text order (computed once per text). */
export function loadedOccurrences(p: PreparedText): LoadedOccurrence[] {
  const hit = cache.get(p);
  if (hit !== undefined) return hit;
  const out: LoadedOccurrence[] = [];
  for (let i = 0; i < p.keys.length; i++) {
    const forms = BY_FIRST.get(p.keys[i] as string);
    if (forms === undefined) continue;
    let best: { keys: string[]; term: string } | undefined;
    for (const f of forms) {
      if (best !== undefined && f.keys.length <= best.keys.length) continue;
      if (f.keys.every((k, j) => p.keys[i + j] === k)) best = f;
    }
    if (best !== undefined) out.push({ t0: i, t1: i + best.keys.length, term: best.term });
  }
  cache.set(p, out);
  return out;
}

const NONE: ReadonlySet<string> = new Set();

/** Loaded terms of a text that overlap tokens `[t0, t1)` (or touch position t0 when empty). */
export function loadedIn(p: PreparedText, t0: number, t1: number): ReadonlySet<string> {
  const all = loadedOccurrences(p);
  if (all.length === 0) return NONE;
  const out = new Set<string>();
  // Occurrences are sorted by start and at most MAX_FORM_WORDS long: start
  // the scan just before t0.
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid] as LoadedOccurrence).t0 < t0 - MAX_FORM_WORDS) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < all.length; i++) {
    const o = all[i] as LoadedOccurrence;
    if (o.t0 >= Math.max(t1, t0 + 1)) break;
    const hits = t0 === t1 ? o.t0 < t0 && o.t1 > t0 : o.t0 < t1 && o.t1 > t0;
    if (hits) out.add(o.term);
  }
  return out;
}

/** How many loaded terms in a text are ones agency copy avoids (for consensus tie-breaks). */
export function countWireAvoided(text: string): number {
  const words = text.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w !== '');
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const forms = BY_FIRST.get(keyOf(words[i] as string));
    if (forms === undefined) continue;
    for (const f of forms) {
      if (AVOIDED.has(f.term) && f.keys.every((k, j) => keyOf(words[i + j] ?? '') === k)) {
        n++;
        break;
      }
    }
  }
  return n;
}
