import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EXTRACTION_DIR,
  hasExtractionData,
  readExtractionPages,
} from '../../../bench/lib/extraction-pages.ts';
import { scoreExtraction } from '../../../bench/lib/extraction-score.ts';
import { extractHtml } from './index.ts';

/**
 * A floor, not the figure: `npm run eval:extract` prints the full table.
 * Readability alone scores 0.947 here; parallax must stay clearly above it.
 */
const F1_FLOOR = 0.95;

test('extractHtml keeps F1 >= 0.95 on the Zyte article-extraction benchmark (181 pages)', (t) => {
  if (!hasExtractionData()) {
    t.skip(`../shared/eval missing: no benchmark at ${EXTRACTION_DIR}`);
    return;
  }
  const pages = readExtractionPages();
  const truth = new Map(pages.map((p) => [p.id, p.expected]));
  const predicted = new Map(
    pages.map((p) => [
      p.id,
      extractHtml(p.html, p.url === null ? {} : { url: p.url }).paragraphs.join('\n\n'),
    ]),
  );
  const score = scoreExtraction(truth, predicted);
  assert.ok(score.f1 >= F1_FLOOR, `F1 ${score.f1.toFixed(3)} fell below ${F1_FLOOR}`);
});
