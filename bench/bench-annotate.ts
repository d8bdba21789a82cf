/**
 * Annotate benchmark: speed end to end on real text (the named-entity
 * recogniser's precision and recall: `npm run eval:ner`).
 *
 *   npm run bench:annotate
 *
 * Speed: every article body of ../shared/eval/extraction/ground-truth.json
 * (181 real pages), split into paragraphs and annotated with annotateAll
 * (sentences, tokens, entities with coreference, quotes, dates). Tokens are
 * wink-nlp tokens (words and punctuation). Goal: >= 200k tokens/s. Wall
 * and CPU time both are printed: on a shared machine CPU time is steadier.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotateAll } from '../src/annotate/index.ts';
import { testArticle } from '../src/model/article.case.ts';
import type { Article } from '../src/model/article.ts';
import { segment } from '../src/text/sentences.ts';
import { timed } from './lib/timed.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '..', 'shared');
/** Timed passes over the corpus after one warm-up pass; the best pass is reported. */
const PASSES = 5;

/** An article of the text's lines as paragraphs (the corpus puts one paragraph on a line). */
function article(id: string, text: string, publishedAt: string | null): Article {
  const lines = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return testArticle(id, lines, { publishedAt });
}

function speed(): void {
  const file = join(shared, 'eval', 'extraction', 'ground-truth.json');
  if (!existsSync(file)) {
    console.log(`speed: skipped, ${file} is missing (../shared/eval not present)`);
    return;
  }
  const truth = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { articleBody: string }>;
  const articles = Object.keys(truth)
    .sort()
    .map((id) => article(id, truth[id]?.articleBody ?? '', '2019-11-20'));
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  let tokens = 0;
  for (const a of annotateAll(articles)) tokens += a.tokens?.length ?? 0;
  // Passes alternate between wink-nlp alone (the floor: sentence split and
  // tags) and the whole stage, so both see the same machine load; the
  // machine is shared, and the ratio is the figure that load does not move.
  // Wall and CPU time both: under load the process's CPU time is the steadier.
  let best = Number.POSITIVE_INFINITY;
  let floor = Number.POSITIVE_INFINITY;
  let bestCpu = Number.POSITIVE_INFINITY;
  let floorCpu = Number.POSITIVE_INFINITY;
  for (let p = 0; p < PASSES; p++) {
    const winkTime = timed(() => {
      for (const a of articles) segment(a.text);
    });
    floor = Math.min(floor, winkTime.wall);
    floorCpu = Math.min(floorCpu, winkTime.cpu);
    const stageTime = timed(() => annotateAll(articles, { tokens: false }));
    best = Math.min(best, stageTime.wall);
    bestCpu = Math.min(bestCpu, stageTime.cpu);
  }
  const rate = (ms: number): number => Math.round((tokens / ms) * 1000);
  console.log(
    `speed: ${articles.length} articles, ${tokens} tokens, ${(chars / 1e6).toFixed(2)} M chars (best of ${PASSES}; goal >= 200000 tokens/s)\n` +
      `  wall: ${(best / 1000).toFixed(2)} s, ${rate(best)} tokens/s end to end; ` +
      `wink-nlp alone ${rate(floor)} tokens/s, so the stage runs at ${(floor / best).toFixed(2)} of wink's speed\n` +
      `  cpu:  ${(bestCpu / 1000).toFixed(2)} s, ${rate(bestCpu)} tokens/s end to end; ` +
      `wink-nlp alone ${rate(floorCpu)} tokens/s, so the stage runs at ${(floorCpu / bestCpu).toFixed(2)} of wink's speed`,
  );
}

speed();
console.log('\nNER precision and recall on the labelled samples: npm run eval:ner');
