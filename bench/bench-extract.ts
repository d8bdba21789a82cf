/**
 * Throughput of parallax's extractHtml against Mozilla Readability on
 * linkedom, on the 181 pages of the Zyte benchmark (../shared/eval/extraction):
 * warm-up, then alternating timed passes; prints the fastest pass of each
 * and the median of the per-round time ratios (steadier on a shared machine).
 * Goal: parallax at no less than half Readability's pages per second.
 *
 *   npm run bench:extract            (5 passes each)
 *   npm run bench:extract -- 5       (5 passes each)
 */
import { EXTRACTION_DIR, hasExtractionData, readExtractionPages } from './lib/extraction-pages.ts';
import { compareThroughput, parallaxBody, readabilityBody } from './lib/extraction-runners.ts';

const DEFAULT_ROUNDS = 5;

function main(): void {
  if (!hasExtractionData()) {
    console.log(`bench:extract: benchmark pages not found at ${EXTRACTION_DIR}; nothing to do.`);
    return;
  }
  const arg = process.argv[2];
  const rounds = arg === undefined ? DEFAULT_ROUNDS : Number(arg);
  const pages = readExtractionPages();
  const result = compareThroughput(pages, [readabilityBody, parallaxBody], rounds);
  const [readability = 0, parallax = 0] = result.pagesPerSecond;
  const slowdown = result.medianTimeRatio[1] ?? 0;
  console.log(`${pages.length} pages, ${rounds} alternating passes each after a warm-up`);
  console.log(
    `  parallax        ${parallax.toFixed(1)} pages/s  (${(1000 / parallax).toFixed(1)} ms/page, fastest pass)`,
  );
  console.log(
    `  readability.js  ${readability.toFixed(1)} pages/s  (${(1000 / readability).toFixed(1)} ms/page, fastest pass)`,
  );
  console.log(
    `  ratio           ${(parallax / readability).toFixed(2)}x Readability's pages/s from the fastest passes`,
  );
  console.log(
    `                  ${(1 / slowdown).toFixed(2)}x from the median of per-round time ratios (goal >= 0.50)`,
  );
}

main();
