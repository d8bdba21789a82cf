/**
 * The two extractors the extraction benchmark compares in-process (parallax
 * and Readability on linkedom), and the throughput measurement shared by
 * `eval:extract` and `bench:extract`.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractHtml } from '../../src/extract/html/index.ts';
import type { ExtractionPage } from './extraction-pages.ts';

/** Pages of the warm-up pass before timing (JIT, caches). */
export const WARMUP_PAGES = 40;
/** Timed passes per extractor; the fastest counts (the machine is shared). */
export const TIMED_ROUNDS = 3;

/** parallax's body: the paragraphs joined by blank lines. */
export function parallaxBody(page: ExtractionPage): string {
  return extractHtml(page.html, page.url === null ? {} : { url: page.url }).paragraphs.join('\n\n');
}

/** Readability 0.6 on linkedom, as in its README: the article's textContent. */
export function readabilityBody(page: ExtractionPage): string {
  const { document } = parseHTML(page.html);
  return new Readability(document as never).parse()?.textContent ?? '';
}

/** Run one extractor over every page: id -> body. */
export function runAll(
  pages: readonly ExtractionPage[],
  run: (p: ExtractionPage) => string,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const page of pages) out.set(page.id, run(page));
  return out;
}

/** Throughput of several extractors measured side by side. */
export interface ThroughputResult {
  /** Pages per second of each extractor, from its fastest pass. */
  pagesPerSecond: number[];
  /**
   * Per extractor, the median over rounds of its pass time divided by the
   * first extractor's pass time in the same round: steadier than the
   * fastest passes when the machine's load drifts.
   */
  medianTimeRatio: number[];
}

/**
 * Time each extractor over the whole set: all are warmed up first, then
 * timed in alternating passes (so a burst of load on the shared machine
 * hits all of them), `rounds` passes each.
 */
export function compareThroughput(
  pages: readonly ExtractionPage[],
  runs: readonly ((p: ExtractionPage) => string)[],
  rounds: number = TIMED_ROUNDS,
): ThroughputResult {
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new RangeError(`Expected rounds to be a positive integer, got ${rounds}`);
  }
  for (const run of runs) for (const page of pages.slice(0, WARMUP_PAGES)) run(page);
  const times: number[][] = runs.map(() => []);
  for (let round = 0; round < rounds; round++) {
    runs.forEach((run, i) => {
      const start = performance.now();
      for (const page of pages) run(page);
      times[i]?.push(performance.now() - start);
    });
  }
  const base = times[0] ?? [];
  const median = (xs: number[]): number => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  };
  return {
    pagesPerSecond: times.map((ts) => (pages.length * 1000) / Math.min(...ts)),
    medianTimeRatio: times.map((ts) => median(ts.map((t, r) => t / (base[r] ?? t)))),
  };
}
