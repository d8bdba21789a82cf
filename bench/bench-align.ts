/**
 * Speed of the align stage on one 50-article story built from real text
 * (../shared/eval) with the seeded copy generator: 50 edited copies of one
 * article (edit rates 0-0.3, some embedded in other articles), so every
 * pair shares text. Times alignStory on the whole story (all 1,225 pairs,
 * paraphrase matching, common-source reconstruction, provenance), then
 * without paraphrase matching, then alignPair pair by pair, against jsdiff's
 * diffWords on the same pairs (one run: it takes minutes). Wall and CPU
 * time both: on a shared machine the CPU time is the steadier figure.
 * Goal: the whole story under one second.
 *
 *   npm run bench:align
 *   npm run bench:align -- --articles 100 --runs 5
 *   npm run bench:align -- --no-jsdiff   (skips the minutes-long jsdiff baseline)
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffWords } from 'diff';
import { alignPair, alignStory } from '../src/align/index.ts';
import type { Article } from '../src/model/index.ts';
import { evalDir, readRealTexts, textArticle } from './lib/corpus.ts';
import { countWords, deriveCopy, mulberry32 } from './lib/derive-copies.ts';
import { median, timed } from './lib/timed.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const EDIT_RATES = [0, 0.02, 0.05, 0.1, 0.2, 0.3];
/** Length of the wire text the copies derive from: a typical news article. */
const SOURCE_WORDS = { min: 500, max: 800 };

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function buildStory(count: number, texts: string[]): Article[] {
  const source = texts.find((t) => {
    const w = countWords(t);
    return w >= SOURCE_WORDS.min && w <= SOURCE_WORDS.max;
  }) as string;
  const rand = mulberry32(7);
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const editRate = EDIT_RATES[i % EDIT_RATES.length] as number;
    const host = rand() < 0.2 ? texts[Math.floor(rand() * texts.length)] : undefined;
    const copy = deriveCopy(source, {
      seed: i + 1,
      editRate,
      ...(host === undefined ? {} : { host }),
    });
    out.push(textArticle(`copy-${String(i).padStart(3, '0')}`, copy.text));
  }
  return out;
}

function main(): void {
  if (evalDir(root) === null) {
    console.log(
      'bench:align: ../shared/eval is missing (expected beside the repository); nothing to time.',
    );
    return;
  }
  const count = arg('--articles', 50);
  const runs = arg('--runs', 3);
  const texts = readRealTexts(root).map((t) => textArticle(t.id, t.text).text);
  const articles = buildStory(count, texts);
  const words = articles.reduce((n, a) => n + countWords(a.text), 0);
  const pairs = (count * (count - 1)) / 2;
  console.log(
    `bench:align: ${count} articles (${Math.round(words / count)} words on average), ${pairs} pairs, median of ${runs} runs\n`,
  );

  // Warm up (JIT, the sentence model) on a small story.
  alignStory(articles.slice(0, 5));

  const story: Array<{ wall: number; cpu: number }> = [];
  let summary = '';
  for (let r = 0; r < runs; r++) {
    story.push(
      timed(() => {
        const result = alignStory(articles);
        const passages = result.alignments.reduce((n, al) => n + al.passages.length, 0);
        summary = `${result.alignments.length} alignments, ${passages} passages, ${result.sources.length} common source(s) of ${result.sources.map((s) => s.memberIds.length).join(', ')} copies, ${result.provenance.edges.length} provenance edges`;
      }),
    );
  }
  const storyPassages: Array<{ wall: number; cpu: number }> = [];
  for (let r = 0; r < runs; r++) {
    storyPassages.push(timed(() => alignStory(articles, undefined, { paraphrase: false })));
  }
  const pairOnly: Array<{ wall: number; cpu: number }> = [];
  for (let r = 0; r < runs; r++) {
    pairOnly.push(
      timed(() => {
        for (let i = 0; i < count; i++) {
          for (let j = i + 1; j < count; j++) {
            alignPair(articles[i] as Article, articles[j] as Article, { paraphrase: false });
          }
        }
      }),
    );
  }
  // One run: jsdiff takes minutes on these pairs (`--no-jsdiff` leaves it out).
  const jsdiff: Array<{ wall: number; cpu: number }> = [];
  for (let r = 0; r < (process.argv.includes('--no-jsdiff') ? 0 : 1); r++) {
    jsdiff.push(
      timed(() => {
        for (let i = 0; i < count; i++) {
          for (let j = i + 1; j < count; j++) {
            diffWords((articles[i] as Article).text, (articles[j] as Article).text);
          }
        }
      }),
    );
  }
  const row = (name: string, xs: Array<{ wall: number; cpu: number }>): string => {
    const wall = median(xs.map((x) => x.wall));
    const cpu = median(xs.map((x) => x.cpu));
    return `${name.padEnd(54)} ${wall.toFixed(0).padStart(7)} ms wall ${cpu.toFixed(0).padStart(7)} ms cpu ${((pairs / wall) * 1000).toFixed(0).padStart(7)} pairs/s`;
  };
  console.log(row('alignStory (pairs, paraphrases, sources, provenance)', story));
  console.log(row('alignStory without paraphrase matching', storyPassages));
  console.log(row('alignPair on every pair (no paraphrase; prepares per call)', pairOnly));
  if (jsdiff.length > 0) console.log(row('jsdiff diffWords on every pair (baseline)', jsdiff));
  console.log(`\n${summary}`);
  const wall = median(story.map((x) => x.wall));
  const cpu = median(story.map((x) => x.cpu));
  console.log(
    `goal: the whole story under 1000 ms: wall ${wall < 1000 ? 'met' : 'not met'} (${wall.toFixed(0)} ms), ` +
      `cpu ${cpu < 1000 ? 'met' : 'not met'} (${cpu.toFixed(0)} ms; steadier on a shared machine)`,
  );
}

main();
