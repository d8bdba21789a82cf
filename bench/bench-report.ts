/**
 * Size and speed of the reports on a 50-article story: the five articles of
 * the bundled example (examples/harbour-crane) and 45 seeded edited copies
 * of its wire story (bench/lib/derive-copies.ts: substitutions, loaded-term
 * swaps, spelling, dropped and inserted sentences), grouped and analysed by
 * every stage. Prints the time of grouping and of the story analysis
 * (annotate, align, compare, brief: CPU and wall), the JSON, HTML and
 * Markdown sizes and render times in TypeScript, then how long the same
 * headless Chromium the browser test uses takes to open the HTML from disk
 * (navigation to the load event, script included; `--no-browser` skips it).
 * Goals: HTML under 5 MB, open in under 2 s.
 *
 *   node bench/bench-report.ts
 *   node bench/bench-report.ts --copies 95 --runs 5
 *   node bench/bench-report.ts --no-browser
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { groupArticles } from '../src/group/index.ts';
import type { Analysis, AnnotatedArticle, Article, StoryAnalysis } from '../src/model/index.ts';
import { analyze } from '../src/pipeline/analyze.ts';
import { analyzeStory, annotatedArticle } from '../src/pipeline/analyze-story.ts';
import { renderHtml, renderJson, renderMarkdown } from '../src/report/index.ts';
import { CHROMIUM_SKIP, launchChromium } from '../test/support/chromium.ts';
import { deriveCopy } from './lib/derive-copies.ts';
import { median } from './lib/timed.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const EDIT_RATES = [0.02, 0.05, 0.1, 0.2, 0.3];
/** Goals of the issue: the report of a 50-article story stays small and opens fast. */
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_OPEN_MS = 2000;
/** Low enough that the example's other-angle article joins the copies in one story. */
const ONE_STORY_THRESHOLD = 0.01;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The example's articles and `copies` edited copies of its wire story, as one batch. */
async function buildBatch(copies: number): Promise<Article[]> {
  const example = await analyze(['examples/harbour-crane'], { cwd: root });
  const wire = example.articles.find((a) => a.source.endsWith('mpa-wire.txt'));
  if (wire === undefined) throw new Error('examples/harbour-crane/mpa-wire.txt was not read');
  const out: Article[] = [...example.articles];
  for (let i = 0; i < copies; i++) {
    const copy = deriveCopy(wire.text, {
      seed: i + 1,
      editRate: EDIT_RATES[i % EDIT_RATES.length] as number,
    });
    const n = String(i + 1).padStart(3, '0');
    const paragraphs = copy.text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
    out.push({
      ...wire,
      id: `bench-copy-${n}`,
      source: `bench/copy-${n}.txt`,
      url: `https://outlet-${n}.example/crane`,
      headline: `${wire.headline ?? 'Crane collapse'} (${n})`,
      outlet: `Outlet ${n}`,
      publishedAt: `2025-03-05T${String(15 + (i % 8)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00+01:00`,
      text: paragraphs.join('\n\n'),
      paragraphs,
    });
  }
  return out;
}

/**
 * Group the batch and run every stage on each story: the analysis `parallax
 * analyze` writes. The story threshold is lowered so the whole batch is
 * one story (the size the goal is about), with the group stage's relations.
 */
function analyseBatch(articles: Article[]): {
  analysis: Analysis;
  group: Timing;
  stories: Timing & { listed: number };
} {
  let start = startTiming();
  const grouped = groupArticles(articles, { storyThreshold: ONE_STORY_THRESHOLD });
  const group = stopTiming(start);
  start = startTiming();
  const annotated = new Map<string, Article | AnnotatedArticle>(articles.map((a) => [a.id, a]));
  const stories: StoryAnalysis[] = [];
  for (const story of grouped.stories) {
    const result = analyzeStory(articles, story);
    for (const an of result.annotations) {
      const a = annotated.get(an.articleId);
      if (a !== undefined) annotated.set(an.articleId, annotatedArticle(a, an));
    }
    stories.push(result.story);
  }
  const analysed = {
    ...stopTiming(start),
    listed: stories.reduce((n, s) => n + s.alignments.length, 0),
  };
  return {
    analysis: {
      schemaVersion: 1,
      articles: articles.map((a) => annotated.get(a.id) ?? a),
      stories,
      topics: grouped.topics,
      problems: grouped.problems,
    },
    group,
    stories: analysed,
  };
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

function startTiming(): { wall: number; cpu: NodeJS.CpuUsage } {
  return { wall: performance.now(), cpu: process.cpuUsage() };
}

/** Wall time and CPU time (user + system, every thread of the process) since `start`. */
function stopTiming(start: { wall: number; cpu: NodeJS.CpuUsage }): Timing {
  const cpu = process.cpuUsage(start.cpu);
  return { wallMs: performance.now() - start.wall, cpuMs: (cpu.user + cpu.system) / 1000 };
}

async function main(): Promise<void> {
  const copies = arg('--copies', 45);
  const runs = arg('--runs', 3);
  const articles = await buildBatch(copies);
  const { analysis, group, stories } = analyseBatch(articles);
  const largest = Math.max(...analysis.stories.map((s) => s.articleIds.length));
  const alignments = stories.listed;
  const ms = (t: Timing): string =>
    `CPU ${t.cpuMs.toFixed(0).padStart(6)} ms   wall ${t.wallMs.toFixed(0).padStart(6)} ms`;
  console.log(
    `bench:report: ${articles.length} articles, ${analysis.stories.length} stories (largest: ${largest} articles), ${alignments} alignments listed\n`,
  );
  console.log(`group           ${ms(group)}`);
  console.log(`analyze stories ${ms(stories)}   (annotate, align, compare, brief)\n`);

  const html: number[] = [];
  let t0 = performance.now();
  const json = renderJson(analysis);
  const jsonMs = performance.now() - t0;
  let page = '';
  for (let r = 0; r < runs; r++) {
    t0 = performance.now();
    page = renderHtml(analysis);
    html.push(performance.now() - t0);
  }
  t0 = performance.now();
  const md = renderMarkdown(analysis);
  const mdMs = performance.now() - t0;
  const bytes = Buffer.byteLength(page, 'utf8');
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(2)} MB`;
  console.log(`renderHtml      ${median(html).toFixed(0).padStart(6)} ms   ${mb(bytes)}`);
  console.log(
    `renderMarkdown  ${mdMs.toFixed(0).padStart(6)} ms   ${mb(Buffer.byteLength(md, 'utf8'))}`,
  );
  console.log(
    `renderJson      ${jsonMs.toFixed(0).padStart(6)} ms   ${mb(Buffer.byteLength(json, 'utf8'))}`,
  );

  const out = join(root, 'bench', 'out');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'report-50.html');
  writeFileSync(file, page);

  const noBrowser = process.argv.includes('--no-browser');
  let openMs: number | null = null;
  if (noBrowser) {
    console.log('\n--no-browser: open time not measured');
  } else if (CHROMIUM_SKIP) {
    console.log(`\n${CHROMIUM_SKIP}: open time not measured`);
  } else {
    const { context, close } = await launchChromium();
    const times: number[] = [];
    const loads: number[] = [];
    for (let r = 0; r < runs + 1; r++) {
      const tab = await context.newPage();
      const start = performance.now();
      await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const wall = performance.now() - start;
      const load = (await tab.evaluate(
        "performance.getEntriesByType('navigation')[0].loadEventEnd",
      )) as number;
      await tab.close();
      // The first run warms the browser up (process start, font cache).
      if (r > 0) {
        times.push(wall);
        loads.push(load);
      }
    }
    await close();
    openMs = median(times);
    console.log(
      `\nopen in Chromium: ${openMs.toFixed(0)} ms to the load event (page's own clock: ${median(loads).toFixed(0)} ms), median of ${runs}`,
    );
  }
  console.log(`\nwrote ${file}`);
  console.log(`goal: under 5 MB: ${bytes < MAX_BYTES ? 'met' : 'NOT met'}`);
  if (openMs !== null)
    console.log(`goal: opens in under 2 s: ${openMs < MAX_OPEN_MS ? 'met' : 'NOT met'}`);
}

await main();
