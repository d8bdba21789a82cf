/**
 * Article body extraction on the Zyte article-extraction benchmark (181
 * news pages, ../shared/eval/extraction). Prints precision, recall and F1
 * of parallax's extractHtml, of Mozilla Readability run here in the same
 * process on the same pages (linkedom), and of every published peer output,
 * all scored by bench/lib/extraction-score.ts; then the held-out split and
 * the throughput of parallax against Readability.
 *
 *   npm run eval:extract
 */
import {
  EXTRACTION_DIR,
  hasExtractionData,
  isHeldOut,
  readExtractionPages,
  readPeerOutputs,
} from './lib/extraction-pages.ts';
import {
  compareThroughput,
  parallaxBody,
  readabilityBody,
  runAll,
  TIMED_ROUNDS,
} from './lib/extraction-runners.ts';
import { type ExtractionScore, scoreExtraction } from './lib/extraction-score.ts';

/** Peer files named after the tool where the file name is ambiguous. */
const PEER_LABELS: Readonly<Record<string, string>> = {
  readability: 'readability-lxml',
  readability_js: 'readability.js',
  'html-text': 'html-text (whole page)',
};

const f3 = (x: number): string => x.toFixed(3);

function row(name: string, s: ExtractionScore): string {
  return `${name.padEnd(38)} ${f3(s.precision)}  ${f3(s.recall)}  ${f3(s.f1)}`;
}

function main(): void {
  if (!hasExtractionData()) {
    console.log(
      `eval:extract: benchmark data not found at ${EXTRACTION_DIR} (../shared/eval/extraction); nothing to do.`,
    );
    return;
  }
  const pages = readExtractionPages();
  const truth = new Map(pages.map((p) => [p.id, p.expected]));
  const ids = pages.map((p) => p.id);
  const heldOut = ids.filter((_, i) => isHeldOut(i));
  const dev = ids.filter((_, i) => !isHeldOut(i));

  const ours = runAll(pages, parallaxBody);
  const theirs = runAll(pages, readabilityBody);

  const table: { name: string; score: ExtractionScore }[] = [
    { name: 'parallax (this run)', score: scoreExtraction(truth, ours, ids) },
    { name: 'readability.js + linkedom (this run)', score: scoreExtraction(truth, theirs, ids) },
  ];
  for (const [name, output] of readPeerOutputs()) {
    const label = PEER_LABELS[name] ?? name;
    table.push({ name: `${label} (published)`, score: scoreExtraction(truth, output, ids) });
  }
  table.sort((a, b) => b.score.f1 - a.score.f1 || (a.name < b.name ? -1 : 1));

  console.log(`Article extraction, Zyte benchmark: ${pages.length} pages (${EXTRACTION_DIR})`);
  console.log(`${'extractor'.padEnd(38)} P      R      F1`);
  for (const { name, score } of table) console.log(row(name, score));

  console.log('');
  console.log(
    'Held-out split (ids sorted, every 3rd page from the first; its extractions were not inspected during development):',
  );
  console.log(row(`parallax, held-out (${heldOut.length})`, scoreExtraction(truth, ours, heldOut)));
  console.log(row(`parallax, development (${dev.length})`, scoreExtraction(truth, ours, dev)));
  console.log(
    row(`readability.js, held-out (${heldOut.length})`, scoreExtraction(truth, theirs, heldOut)),
  );

  console.log('');
  const speed = compareThroughput(pages, [readabilityBody, parallaxBody]);
  const [ppsReadability = 0, ppsParallax = 0] = speed.pagesPerSecond;
  console.log(
    `Throughput (${TIMED_ROUNDS} alternating passes over ${pages.length} pages each, after a warm-up):`,
  );
  console.log(`  parallax        ${ppsParallax.toFixed(1)} pages/s (fastest pass)`);
  console.log(`  readability.js  ${ppsReadability.toFixed(1)} pages/s (fastest pass)`);
  console.log(
    `  parallax runs at ${(1 / (speed.medianTimeRatio[1] ?? 1)).toFixed(2)}x Readability's pages/s (median of per-round ratios)`,
  );
}

main();
