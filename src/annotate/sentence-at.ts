import type { Span } from '../model/span.ts';

/**
 * The sentence that holds character `at`, found by binary search in
 * sentences sorted by start and not overlapping; undefined when `at` falls
 * between sentences or outside them all.
 *
 * @example sentenceAt([{ start: 0, end: 5 }, { start: 6, end: 9 }], 7) // => { start: 6, end: 9 }
 */
export function sentenceAt(sentences: readonly Span[], at: number): Span | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid] as Span;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}
