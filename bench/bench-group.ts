/**
 * Throughput and memory of groupArticles on 1k, 10k and 100k articles built
 * from real text (ECB+ and the Zyte ground truth) with the seeded copy
 * generator: derived copies at several edit rates, copies embedded in other
 * articles, and rewrites, so the input has the near-duplicates, partial
 * reuse and distinct stories of a news crawl. Prints articles/s, CPU time,
 * the ratio to plain tokenizing of the same texts, growth per 10x, and
 * memory.
 *
 * Grouping and tokenizing each run in a fresh child process on the same
 * corpus, measured from the same state (corpus built, then a full GC), so
 * neither inherits the other's heap. Memory is RSS, not heap (typed arrays
 * live outside the JS heap): the process with the corpus built, and the
 * peak while grouping (the kernel's peak mark is reset just before
 * grouping, so building the corpus does not count).
 *
 *   npm run bench:group                 # 1000,10000,100000
 *   npm run bench:group -- --sizes 1000,10000
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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
    out.push(textArticle(`a${String(i).padStart(7, '0')}`, flat(text), {}, false));
  }
  return out;
}

/**
 * The same text as one flat string. deriveCopy builds texts by
 * concatenation (V8 cons strings), and whatever reads a cons string first
 * pays to flatten it (about 1 s at 100k articles): that charged either
 * grouping or tokenizing, whichever ran first. Extracted articles are flat.
 */
function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

type Measure = 'group' | 'tokenize';

function child(size: number, measure: Measure): void {
  const articles = buildCorpus(size);
  if (articles.length === 0) {
    console.log(JSON.stringify({ size, skipped: true }));
    return;
  }
  let chars = 0;
  for (const a of articles) chars += a.text.length;
  globalThis.gc?.();
  const rssBeforeMb = process.memoryUsage().rss / 1048576;
  // CPU time as well as wall time: the machine may be shared, and CPU time
  // of a single-threaded process is what one core spends.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  if (measure === 'tokenize') {
    const c0 = cpu();
    const t0 = performance.now();
    let tokens = 0;
    for (const a of articles) tokens += tokenize(a.text).length;
    const ms = performance.now() - t0;
    console.log(JSON.stringify({ size, chars, tokens, ms, cpuMs: cpu() - c0 }));
    return;
  }
  const windowed = resetPeakRss();
  const c0 = cpu();
  const t0 = performance.now();
  const result = groupArticles(articles);
  const ms = performance.now() - t0;
  const cpuMs = cpu() - c0;
  const peakRssMb = windowed ? peakRssSinceReset() : process.resourceUsage().maxRSS / 1024;
  console.log(
    JSON.stringify({
      size,
      ms,
      cpuMs,
      rssBeforeMb,
      peakRssMb,
      peakScope: windowed ? 'grouping' : 'process',
      stories: result.stories.length,
      multi: result.stories.filter((s) => s.articleIds.length > 1).length,
      topics: result.topics.length,
      relations: result.stories.reduce((a, s) => a + s.relations.length, 0),
    }),
  );
}

function runChild(size: number, measure: Measure) {
  const out = execFileSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=4096',
      fileURLToPath(import.meta.url),
      '--child',
      String(size),
      measure,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  return JSON.parse(out.trim().split('\n').pop() as string);
}

/**
 * Reset the kernel's peak RSS mark of this process (Linux: writing 5 to
 * /proc/self/clear_refs), so the peak read next covers what follows only.
 * False where that is not possible: the peak is then the process's.
 */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Peak RSS in MB since `resetPeakRss` (VmHWM). */
function peakRssSinceReset(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
  return kb === undefined ? process.resourceUsage().maxRSS / 1024 : Number(kb) / 1024;
}

function main(): void {
  const args = process.argv.slice(2);
  const childAt = args.indexOf('--child');
  if (childAt >= 0) {
    child(Number(args[childAt + 1]), args[childAt + 2] === 'tokenize' ? 'tokenize' : 'group');
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
    'size     articles/s  group s (cpu)  tokenize s (cpu)  ratio cpu (wall)  RSS MB corpus/peak  +group MB  stories (multi)  topics  relations',
  );
  let prev: { size: number; cpuMs: number; peak: number; extra: number } | null = null;
  const growth: string[] = [];
  for (const size of sizes) {
    const g = runChild(size, 'group');
    if (g.skipped) continue;
    const t = runChild(size, 'tokenize');
    const extra = g.peakRssMb - g.rssBeforeMb;
    console.log(
      [
        String(size).padEnd(8),
        (size / (g.ms / 1000)).toFixed(0).padStart(10),
        `${(g.ms / 1000).toFixed(1)} (${(g.cpuMs / 1000).toFixed(1)})`.padStart(15),
        `${(t.ms / 1000).toFixed(1)} (${(t.cpuMs / 1000).toFixed(1)})`.padStart(17),
        `${(g.cpuMs / t.cpuMs).toFixed(2)} (${(g.ms / t.ms).toFixed(2)})`.padStart(17),
        `${g.rssBeforeMb.toFixed(0)}/${g.peakRssMb.toFixed(0)}${g.peakScope === 'grouping' ? '' : '*'}`.padStart(
          19,
        ),
        extra.toFixed(0).padStart(10),
        `${g.stories} (${g.multi})`.padStart(16),
        String(g.topics).padStart(7),
        String(g.relations).padStart(10),
      ].join(' '),
    );
    if (prev !== null) {
      growth.push(
        `${prev.size}->${size}: CPU time x${(g.cpuMs / prev.cpuMs).toFixed(1)}, peak RSS x${(g.peakRssMb / prev.peak).toFixed(1)}, +group x${(extra / prev.extra).toFixed(1)} (input x${(size / prev.size).toFixed(0)})`,
      );
    }
    prev = { size, cpuMs: g.cpuMs, peak: g.peakRssMb, extra };
  }
  if (growth.length > 0) console.log(`growth: ${growth.join('; ')}`);
  console.log(
    'ratio = groupArticles time / tokenize() time of the same texts, each in a fresh process from the same state (goal <= 3); CPU time, wall in brackets.',
  );
  console.log(
    'RSS corpus = the process with the corpus built; peak = highest RSS while grouping (corpus included; * = whole process, where the peak mark cannot be reset); +group = peak - corpus.',
  );
}

if (import.meta.main) main();
