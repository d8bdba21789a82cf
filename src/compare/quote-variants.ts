import type { Quote, QuoteGroup, QuoteVariant, QuoteVariantKind } from '../model/index.ts';
import { hashHex } from '../text/hash.ts';
import { words } from '../text/tokenize.ts';
import { keptShare } from './link-kind.ts';
import { spellingForm, spellingKey } from './spelling-key.ts';

// Grammar words: a quote that differs only in these ("a"/"an", "the") is
// trivially changed, not altered. Negations are left out on purpose.
const FUNCTION_WORDS = new Set(
  (
    'a an the this that these those of to in on at by for from with into onto upon over under ' +
    'and or but so as is are was were be been being am has have had do does did it its'
  ).split(' '),
);

/**
 * Two quotes of at least this many words are the same quote when they keep
 * this share of their words in order (an altered rendering); shorter ones
 * must match exactly up to spelling. On the seeds the altered Mikheev quote
 * keeps 0.91 of its words and no two different quotes keep more than 0.3.
 */
export const SAME_QUOTE_MIN_SHARE = 0.6;

/** Quotes shorter than this (in words) only group with the same words. */
export const SAME_QUOTE_MIN_WORDS = 4;

/** A quote of one article, as compare sees it. */
export interface ArticleQuote extends Quote {
  article: string;
}

/** The typography-free form: curly and straight marks, dashes, spacing and edge punctuation folded. */
function typographic(text: string): string {
  return text
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,.;:]+|[\s,.;:]+$/g, '');
}

function keys(text: string): string[] {
  return words(text).map(spellingKey);
}

function contentKeys(text: string): string[] {
  return keys(text).filter((k) => !FUNCTION_WORDS.has(k));
}

/** Whether `inner` occurs as a contiguous run inside `outer`. */
function isRunOf(inner: readonly string[], outer: readonly string[]): boolean {
  if (inner.length === 0 || inner.length > outer.length) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) {
    let ok = true;
    for (let j = 0; j < inner.length; j++) {
      if (outer[i + j] !== inner[j]) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/** Whether `inner`'s items all occur in `outer` in order. */
function isSubsequence(inner: readonly string[], outer: readonly string[]): boolean {
  let j = 0;
  for (const x of outer) if (j < inner.length && inner[j] === x) j++;
  return j === inner.length;
}

/** Key of a speaker name for comparison: the folded last word ("Alexander Mikheev" and "Mikheev" agree). */
export function speakerKey(name: string): string {
  const w = words(name);
  return spellingKey(w[w.length - 1] ?? '');
}

/**
 * Classify a quote variant against the canonical form of its quote:
 * `misattributed` (another speaker), `identical` (typography aside),
 * `trivial` (punctuation, case, spelling, compounding, grammar words),
 * `truncated` (a part of the canonical words, or with an ellipsis),
 * `extended` (the canonical words and more), otherwise `altered`.
 *
 * @example classifyQuoteVariant('a number of fire arms', null, 'a number of firearms', null) // 'trivial'
 */
export function classifyQuoteVariant(
  text: string,
  speaker: string | null,
  canonical: string,
  canonicalSpeaker: string | null,
): QuoteVariantKind {
  if (speaker !== null && canonicalSpeaker !== null) {
    if (speakerKey(speaker) !== speakerKey(canonicalSpeaker)) return 'misattributed';
  }
  if (typographic(text) === typographic(canonical)) return 'identical';
  if (spellingForm(text) === spellingForm(canonical)) return 'trivial';
  const v = contentKeys(text);
  const c = contentKeys(canonical);
  if (v.length === c.length && v.every((k, i) => k === c[i])) return 'trivial';
  const ellipsis = /\.\.\.|…/.test(text);
  if (v.length < c.length && (isRunOf(v, c) || (ellipsis && isSubsequence(v, c)))) {
    return 'truncated';
  }
  const cEllipsis = /\.\.\.|…/.test(canonical);
  if (c.length < v.length && (isRunOf(c, v) || (cEllipsis && isSubsequence(c, v)))) {
    return 'extended';
  }
  return 'altered';
}

/** Whether two quotes are renderings of the same quote. */
export function isSameQuote(a: string, b: string): boolean {
  if (spellingForm(a) === spellingForm(b)) return spellingForm(a) !== '';
  const ka = keys(a);
  const kb = keys(b);
  if (Math.min(ka.length, kb.length) < SAME_QUOTE_MIN_WORDS) return false;
  const ca = contentKeys(a);
  const cb = contentKeys(b);
  if (ca.length >= 3 && cb.length >= 3 && (isRunOf(ca, cb) || isRunOf(cb, ca))) return true;
  return keptShare(ka, kb) >= SAME_QUOTE_MIN_SHARE;
}

function mostCommon<T>(items: readonly T[], key: (x: T) => string): T | undefined {
  const counts = new Map<string, number>();
  for (const x of items) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1);
  let best: T | undefined;
  let bestCount = 0;
  // Ties go to the earliest item: the input is in narrative order.
  for (const x of items) {
    const c = counts.get(key(x)) ?? 0;
    if (c > bestCount) {
      best = x;
      bestCount = c;
    }
  }
  return best;
}

/**
 * Group the same quote across a story's articles and classify each
 * rendering against the most common form.
 *
 * @param quotes every article's quotes, in narrative order (article order, then offset)
 * @returns groups in order of first appearance; each group's variants in input order
 */
export function quoteVariants(quotes: readonly ArticleQuote[]): QuoteGroup[] {
  const groups: ArticleQuote[][] = [];
  for (const q of quotes) {
    if (words(q.text).length === 0) continue;
    const group = groups.find((g) => g.some((m) => isSameQuote(m.text, q.text)));
    if (group) group.push(q);
    else groups.push([q]);
  }
  return groups.map((members) => {
    const canonical = mostCommon(members, (m) => typographic(m.text)) as ArticleQuote;
    const spoken = members.filter((m) => m.speaker !== null);
    const speakerForm = mostCommon(spoken, (m) => speakerKey(m.speaker as string));
    // The fullest name among those that agree with the most common speaker.
    let speaker: string | null = null;
    if (speakerForm) {
      const key = speakerKey(speakerForm.speaker as string);
      for (const m of spoken) {
        const name = m.speaker as string;
        if (speakerKey(name) === key && (speaker === null || name.length > speaker.length)) {
          speaker = name;
        }
      }
    }
    const variants: QuoteVariant[] = members.map((m) => ({
      article: m.article,
      text: m.text,
      speaker: m.speaker,
      kind: classifyQuoteVariant(m.text, m.speaker, canonical.text, speaker),
      start: m.start,
      end: m.end,
    }));
    return {
      id: `quote:${hashHex(typographic(canonical.text))}`,
      canonical: canonical.text,
      speaker,
      variants,
    };
  });
}
