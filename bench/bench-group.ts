/**
 * Throughput and memory of groupArticles on 1k, 10k and 100k articles built
 * from real text (ECB+ and the Zyte ground truth) with the seeded copy
 * generator: derived copies at several edit rates, copies embedded in other
 * articles, and rewrites, so the input has the near-duplicates, partial
 * reuse and distinct stories of a news crawl. Each size runs in its own
 * process (peak RSS is per process). Prints articles/s, peak RSS, heap,
 * growth per 10x and the ratio to plain tokenizing of the same texts.
 *
 *   npm run bench:group                 # 1000,10000,100000
 *   npm run bench:group -- --sizes 1000,10000
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupArticles } from '../src/group/index.ts';
import type { Article } from '../src/model/index.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { readRealTexts, textArticle } from './lib/corpus.ts';
import { deriveCopy, mulberry32 } from './lib/derive-copies.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const EDIT_RATES = [0, 0.02, 0.05, 0.1, 0.2, 0.35];

/** Build `count` articles from the real texts, seeded. */
export function buildCorpus(count: number, seed = 1): Article[] {
  const texts = readRealTexts(root);
  if (texts.length === 0) return [];
  const rand = mulberry32(seed);
  const out: Article[] = [];
  for (let i = 0; i < count; i++) {
    const src = texts[Math.floor(rand() * texts.length)] as { text: string };
    const roll = rand();
    const editRate = EDIT_RATES[Math.floor(rand() * EDIT_RATES.length)] as number;
    let text: string;
    if (roll < 0.1) {
      // A copy embedded in another article (a roundup quoting a wire).
      const host = texts[Math.floor(rand() * texts.length)] as { text: string };
      text = deriveCopy(src.text, { seed: i, editRate, host: host.text }).text;
    } else {
      text = deriveCopy(src.text, { seed: i, editRate }).text;
    }
    out.push(textArticle(`a${String(i).padStart(7, '0')}`, text, {}, false));
  }
  return out;
}

function child(size: number): void {
  const articles = buildCorpus(size);
  if (articles.length === 0) {
    console.log(JSON.stringify({ size, skipped: true }));
    return;
  }
  let chars = 0;
  for (const a of articles) chars += a.text.length;
  globalThis.gc?.();
  const before = process.memoryUsage();
  const rssBeforeMb = before.rss / 1048576;
  // CPU time as well as wall time: the machine may be shared, and CPU time
  // of a single-threaded process is what one core spends.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let c0 = cpu();
  let t0 = performance.now();
  let tokens = 0;
  for (const a of articles) tokens += tokenize(a.text).length;
  const tokenizeMs = performance.now() - t0;
  const tokenizeCpuMs = cpu() - c0;
  globalThis.gc?.();
  c0 = cpu();
  t0 = performance.now();
  const result = groupArticles(articles);
  const groupMs = performance.now() - t0;
  const groupCpuMs = cpu() - c0;
  const after = process.memoryUsage();
  const multi = result.stories.filter((s) => s.articleIds.length > 1).length;
  const relations = result.stories.reduce((a, s) => a + s.relations.length, 0);
  console.log(
    JSON.stringify({
      size,
      chars,
      tokens,
      tokenizeMs,
      tokenizeCpuMs,
      groupMs,
      groupCpuMs,
      rssBeforeMb,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      heapBeforeMb: before.heapUsed / 1048576,
      heapAfterMb: after.heapUsed / 1048576,
      stories: result.stories.length,
      multi,
      topics: result.topics.length,
      relations,
    }),
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const childAt = args.indexOf('--child');
  if (childAt >= 0) {
    child(Number(args[childAt + 1]));
    return;
  }
  const sizesAt = args.indexOf('--sizes');
  const sizes = (sizesAt >= 0 ? (args[sizesAt + 1] ?? '') : '1000,10000,100000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  if (readRealTexts(root).length === 0) {
    console.log(
      '../shared/eval missing: no real texts to build the benchmark corpus from; skipped.',
    );
    return;
  }
  console.log(
    'size     articles/s  group s (cpu)  tokenize s (cpu)  ratio cpu (wall)  RSS MB before/peak  heap MB  stories (multi)  topics  relations',
  );
  let prev: { size: number; groupMs: number; peak: number } | null = null;
  const growth: string[] = [];
  for (const size of sizes) {
    const out = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=4096',
        fileURLToPath(import.meta.url),
        '--child',
        String(size),
      ],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    const r = JSON.parse(out.trim().split('\n').pop() as string);
    if (r.skipped) continue;
    console.log(
      [
        String(size).padEnd(8),
        (size / (r.groupMs / 1000)).toFixed(0).padStart(10),
        `${(r.groupMs / 1000).toFixed(1)} (${(r.groupCpuMs / 1000).toFixed(1)})`.padStart(15),
        `${(r.tokenizeMs / 1000).toFixed(1)} (${(r.tokenizeCpuMs / 1000).toFixed(1)})`.padStart(17),
        `${(r.groupCpuMs / r.tokenizeCpuMs).toFixed(2)} (${(r.groupMs / r.tokenizeMs).toFixed(2)})`.padStart(
          17,
        ),
        `${r.rssBeforeMb.toFixed(0)}/${r.peakRssMb.toFixed(0)}`.padStart(19),
        r.heapAfterMb.toFixed(0).padStart(8),
        `${r.stories} (${r.multi})`.padStart(16),
        String(r.topics).padStart(7),
        String(r.relations).padStart(10),
      ].join(' '),
    );
    if (prev !== null) {
      growth.push(
        `${prev.size}->${size}: CPU time x${(r.groupCpuMs / prev.groupMs).toFixed(1)}, peak RSS x${(r.peakRssMb / prev.peak).toFixed(1)} (input x${(size / prev.size).toFixed(0)})`,
      );
    }
    prev = { size, groupMs: r.groupCpuMs, peak: r.peakRssMb };
  }
  if (growth.length > 0) console.log(`growth: ${growth.join('; ')}`);
  console.log(
    'ratio = groupArticles time / tokenize() time of the same texts in the same process (goal <= 3); CPU time, wall in brackets. RSS before = the corpus in memory.',
  );
}

if (import.meta.main) main();
