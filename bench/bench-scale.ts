/**
 * Scale-out of the job pipeline: articles per second ingested end to end
 * (read, extract, store, fingerprint, assign to a story, analyse every
 * changed story) by 1, 2 and 4 `parallax worker` processes on PostgreSQL
 * and by the in-process run on PGlite; then the latency (p50/p99) of the
 * story list and of a story view with 100k stored articles.
 *
 * The articles are edited copies of real texts (ECB+ and the Zyte
 * ground truth in ../shared/eval) made by the seeded copy generator, so
 * they form stories of near-duplicates as a news crawl does. PostgreSQL is
 * Debian's, started by the benchmark in a temporary folder (durability
 * off, as in tests).
 *
 *   npm run bench:scale                       # 2,000 ingested, 100,000 stored
 *   npm run bench:scale -- --articles 500 --stored 10000 --workers 1,2
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { extractArticles } from '../src/extract/index.ts';
import { groupArticles } from '../src/group/index.ts';
import { ingest } from '../src/ingest/index.ts';
import type { Article } from '../src/model/index.ts';
import { analyzeStory } from '../src/pipeline/analyze-story.ts';
import { openStore } from '../src/store/index.ts';
import type { Store } from '../src/store/store.ts';
import { createDatabase, findPostgresBin, startPostgres } from '../test/support/postgres.ts';
import { readRealTexts } from './lib/corpus.ts';
import { countWords, deriveCopy, mulberry32 } from './lib/derive-copies.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'src', 'cli', 'main.ts');
const EXAMPLE = join(root, 'examples', 'harbour-crane');

/** Requests timed per query kind. */
const REQUESTS = 200;

/** Words kept of each real text: short articles keep the story analyses (the costliest job) affordable at 2,000 articles. */
const WORDS_PER_TEXT = 150;

/** Words a copy keeps at least (dropped sentences can leave a one-line text, or none). */
const MIN_COPY_WORDS = 40;

/** Edit rates of the copies: light to moderate wire-copy edits, all well inside one story. */
const EDIT_RATES = [0.02, 0.05, 0.1];

/** One generated input file. */
export interface CorpusFile {
  name: string;
  text: string;
  /** Index of the real text it copies: the story it belongs to. */
  origin: number;
}

/** The first `words` words of a text, cut at a sentence end when there is one. */
function head(text: string, words: number): string {
  const tokens = text.split(/\s+/).filter((w) => w !== '');
  const cut = tokens.slice(0, words).join(' ');
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return end > cut.length / 2 ? cut.slice(0, end + 1) : cut;
}

/**
 * `count` text files of edited copies of real texts (ECB+ and the
 * extraction ground truth), seeded: one real text per ECB+ topic and every
 * ground-truth text, each copied about evenly, every copy distinct, in a
 * shuffled order. Empty when ../shared/eval is missing.
 */
export function scaleCorpus(count: number, seed = 1): CorpusFile[] {
  const texts = readRealTexts(root);
  const seenTopics = new Set<string>();
  const origins: string[] = [];
  for (const t of texts) {
    if (t.topic !== null) {
      if (seenTopics.has(t.topic)) continue;
      seenTopics.add(t.topic);
    }
    const text = head(t.text, WORDS_PER_TEXT);
    if (countWords(text) >= 60) origins.push(text);
  }
  if (origins.length === 0) return [];
  const rand = mulberry32(seed);
  const files: CorpusFile[] = [];
  const seen = new Set<string>();
  for (let i = 0; files.length < count; i++) {
    const origin = i % origins.length;
    const source = origins[origin] as string;
    const editRate = EDIT_RATES[Math.floor(rand() * EDIT_RATES.length)] as number;
    const body = deriveCopy(source, {
      seed: seed * 1_000_003 + i,
      editRate,
      edits: ['substitute', 'spelling', 'punctuation', 'drop-sentence'],
    }).text;
    // A copy that lost most of its sentences, or repeats another, is no article of its own.
    if (countWords(body) < MIN_COPY_WORDS || seen.has(body)) continue;
    seen.add(body);
    const name = `a${String(files.length).padStart(6, '0')}.txt`;
    files.push({ name, text: `${body}\n`, origin });
  }
  // Seeded Fisher-Yates: copies of one story arrive spread over the run, as from many outlets.
  for (let i = files.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [files[i], files[j]] = [files[j] as CorpusFile, files[i] as CorpusFile];
  }
  return files;
}

/** Write the corpus into `dir` (created), one .txt file each. */
export function writeCorpus(dir: string, files: readonly CorpusFile[]): void {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
}

/** Run the CLI as a child process; resolves to its exit code and stderr. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

async function postgresRun(serverUrl: string, dir: string, workers: number) {
  const url = await createDatabase(serverUrl);
  // Install the schemas first, so the timed part is the work itself.
  const setup = await runCli(['jobs', '--db', url]);
  if (setup.code !== 0) throw new Error(`parallax jobs failed: ${setup.stderr}`);
  const t0 = performance.now();
  const queued = await runCli(['ingest', dir, '--db', url, '-q']);
  if (queued.code !== 0) throw new Error(`parallax ingest failed: ${queued.stderr}`);
  const runs = Array.from({ length: workers }, () =>
    runCli(['worker', '--db', url, '--exit-when-idle', '--concurrency', '1', '-q']),
  );
  for (const r of await Promise.all(runs)) {
    if (r.code !== 0) throw new Error(`parallax worker failed: ${r.stderr}`);
  }
  return { seconds: (performance.now() - t0) / 1000, url };
}

async function pgliteRun(dir: string) {
  const folder = mkdtempSync(join(tmpdir(), 'parallax-bench-'));
  try {
    const setup = await runCli(['jobs', '--db', folder]);
    if (setup.code !== 0) throw new Error(`parallax jobs failed: ${setup.stderr}`);
    const t0 = performance.now();
    const r = await runCli(['ingest', dir, '--db', folder, '-q', '--concurrency', '1']);
    if (r.code !== 0) throw new Error(`parallax ingest failed: ${r.stderr}`);
    return (performance.now() - t0) / 1000;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function timed(rounds: number, fn: (i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}

/** Story sizes of the filled store, repeated: most stories are one article, a few are big (mean 5). */
const STORY_SIZES = [1, 1, 1, 1, 2, 2, 3, 4, 6, 10, 25];

/** Rows per INSERT while filling. */
const FILL_BATCH = 2000;

/** The harbour-crane articles and the analysis of their story: templates of the filled rows. */
async function templates(): Promise<{ articles: Article[]; analysis: string; single: string }> {
  const names = readdirSync(EXAMPLE).sort();
  const sources = [];
  for (const name of names) {
    const result = await ingest({ location: name, bytes: readFileSync(join(EXAMPLE, name)) });
    sources.push(...result.sources);
  }
  const { articles } = extractArticles(sources);
  const { stories } = groupArticles(articles);
  const story = stories.find((x) => x.articleIds.length === articles.length) ?? stories[0];
  if (story === undefined) throw new Error('examples/harbour-crane gave no story');
  const first = articles[0] as Article;
  return {
    articles,
    analysis: JSON.stringify(analyzeStory(articles, story).story),
    single: JSON.stringify(
      analyzeStory([first], { id: 'single', articleIds: [first.id], relations: [] }).story,
    ),
  };
}

/**
 * Fill a store's database with `count` articles in stories (sizes from
 * STORY_SIZES), each story with an analysis, by bulk SQL on the store's
 * tables (schema of src/store's migration 001): the state a long ingest
 * leaves, in minutes rather than the hours that assigning 100k articles one
 * by one takes. Articles and analyses are real ones (harbour-crane) with
 * new ids, outlets and dates, so rows, JSON and search vectors have
 * realistic sizes.
 */
async function fillStore(url: string, count: number, onProgress: (done: number) => void) {
  const { articles, analysis, single } = await templates();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const day0 = Date.parse('2024-01-01T00:00:00Z');
  let story = 0;
  let left = 0;
  try {
    for (let from = 0; from < count; from += FILL_BATCH) {
      const rows = {
        id: [] as string[],
        url: [] as string[],
        outlet: [] as string[],
        published: [] as string[],
        headline: [] as string[],
        data: [] as string[],
        story: [] as string[],
      };
      const stories = new Map<string, { members: number[] }>();
      for (let j = from; j < Math.min(count, from + FILL_BATCH); j++) {
        if (left === 0) {
          story += 1;
          left = STORY_SIZES[story % STORY_SIZES.length] as number;
        }
        left -= 1;
        const template = articles[j % articles.length] as Article;
        const id = `b${String(j).padStart(8, '0')}`;
        const published = new Date(day0 + j * 300_000).toISOString();
        const outlet = `Outlet ${j % 40}`;
        const article = {
          ...template,
          id,
          url: `https://outlet${j % 40}.example/${id}`,
          outlet,
          publishedAt: published,
        };
        rows.id.push(id);
        rows.url.push(article.url);
        rows.outlet.push(outlet);
        rows.published.push(published);
        rows.headline.push(`${template.headline ?? ''} (${j})`);
        rows.data.push(JSON.stringify(article));
        const storyId = `f${String(story).padStart(8, '0')}`;
        rows.story.push(storyId);
        const entry = stories.get(storyId);
        if (entry === undefined) stories.set(storyId, { members: [j] });
        else entry.members.push(j);
      }
      await pool.query(
        `INSERT INTO article (id, url, outlet, published_at, headline, language, data)
         SELECT id, url, outlet, published::timestamptz, headline, 'en', data::json
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
             AS t(id, url, outlet, published, headline, data)`,
        [rows.id, rows.url, rows.outlet, rows.published, rows.headline, rows.data],
      );
      // A story cut by the batch boundary continues in the next batch: upsert its summary.
      const ids = [...stories.keys()];
      const first = ids.map((k) => rows.published[(stories.get(k)?.members[0] as number) - from]);
      const last = ids.map(
        (k) => rows.published[(stories.get(k)?.members.at(-1) as number) - from],
      );
      await pool.query(
        `INSERT INTO story (id, member_hash, size, headline, outlets, first_published, last_published, sort_time)
         SELECT id, 'h' || id, size, headline, outlets, first::timestamptz, last::timestamptz, last::timestamptz
           FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
             AS t(id, size, headline, outlets_json, first, last),
           LATERAL (SELECT array_agg(o ORDER BY o) AS outlets FROM json_array_elements_text(outlets_json::json) o) x
         ON CONFLICT (id) DO UPDATE SET size = story.size + excluded.size,
           outlets = (SELECT array_agg(DISTINCT o ORDER BY o) FROM unnest(story.outlets || excluded.outlets) o),
           last_published = excluded.last_published, sort_time = excluded.sort_time`,
        [
          ids,
          ids.map((k) => stories.get(k)?.members.length ?? 0),
          ids.map((k) => rows.headline[(stories.get(k)?.members[0] as number) - from] as string),
          ids.map((k) =>
            JSON.stringify([...new Set(stories.get(k)?.members.map((j) => `Outlet ${j % 40}`))]),
          ),
          first,
          last,
        ],
      );
      await pool.query(
        'INSERT INTO story_member (article_id, story_id) SELECT * FROM unnest($1::text[], $2::text[])',
        [rows.id, rows.story],
      );
      await pool.query(
        `INSERT INTO story_analysis (story_id, member_hash, data)
         SELECT id, 'h' || id, CASE WHEN size > 1 THEN $2::json ELSE $3::json END
           FROM story WHERE id = ANY($1)
         ON CONFLICT (story_id) DO UPDATE SET data = excluded.data`,
        [ids, analysis, single],
      );
      onProgress(Math.min(count, from + FILL_BATCH));
    }
    await pool.query('ANALYZE');
  } finally {
    await pool.end();
  }
}

async function latency(store: Store, seed: number) {
  const storyIds: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listStories({ limit: 200, ...(cursor ? { cursor } : {}) });
    storyIds.push(...page.items.map((x) => x.id));
    cursor = page.next;
  } while (cursor !== null);
  const rand = mulberry32(seed);
  const list = await timed(REQUESTS, async (i) => {
    // First pages of both orders and a few pages in: what a front page and its paging ask.
    const sort = i % 2 === 0 ? 'newest' : 'biggest';
    let page = await store.listStories({ limit: 20, sort });
    for (let p = 0; p < i % 3 && page.next !== null; p++) {
      page = await store.listStories({ limit: 20, sort, cursor: page.next });
    }
  });
  const view = await timed(REQUESTS, () =>
    store.getStory(storyIds[Math.floor(rand() * storyIds.length)] as string),
  );
  return { list, view, stories: storyIds.length };
}

function row(cells: string[], widths: number[]): string {
  return cells
    .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
    .join('  ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string', default: '2000' },
      stored: { type: 'string', default: '100000' },
      workers: { type: 'string', default: '1,2,4' },
      'no-pglite': { type: 'boolean' },
    },
  });
  const articles = Number(values.articles);
  const stored = Number(values.stored);
  const workerCounts = (values.workers ?? '')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  if (!(articles > 0) || !(stored >= 0)) {
    throw new RangeError('Expected --articles N (> 0) and --stored N (>= 0)');
  }
  const files = scaleCorpus(articles);
  if (files.length === 0) {
    console.log(
      '../shared/eval missing: no real texts to build the benchmark corpus from; skipped.',
    );
    return;
  }
  if (findPostgresBin() === null) {
    console.log('PostgreSQL not installed (apt-get install -y postgresql); skipped.');
    return;
  }
  const stories = new Set(files.map((f) => f.origin)).size;
  const dir = mkdtempSync(join(tmpdir(), 'parallax-corpus-'));
  const pg = await startPostgres();
  try {
    writeCorpus(dir, files);
    console.log(
      `${articles} articles (${stories} stories) ingested end to end: read, extract, store, group, analyse\n`,
    );
    const widths = [22, 9, 12];
    console.log(row(['backend', 'seconds', 'articles/s'], widths));
    for (const n of workerCounts) {
      const { seconds } = await postgresRun(pg.url, dir, n);
      console.log(
        row(
          [
            `PostgreSQL, ${n} worker${n === 1 ? '' : 's'}`,
            seconds.toFixed(1),
            (articles / seconds).toFixed(1),
          ],
          widths,
        ),
      );
    }
    if (!values['no-pglite']) {
      const seconds = await pgliteRun(dir);
      console.log(
        row(['PGlite, in process', seconds.toFixed(1), (articles / seconds).toFixed(1)], widths),
      );
    }
    if (stored > 0) {
      const url = await createDatabase(pg.url);
      const store = await openStore(url);
      try {
        const t0 = performance.now();
        await fillStore(url, stored, (done) => {
          if (done % 20_000 === 0 || done === stored) {
            const s = ((performance.now() - t0) / 1000).toFixed(0);
            process.stderr.write(`  filled ${done} of ${stored} articles (${s} s)\n`);
          }
        });
        const counts = await store.counts();
        const { list, view, stories } = await latency(store, 11);
        console.log(
          `\nQuery latency, PostgreSQL, ${counts.articles} stored articles in ${stories} stories (${REQUESTS} requests each)\n`,
        );
        const w = [34, 8, 8];
        console.log(row(['query', 'p50 ms', 'p99 ms'], w));
        console.log(
          row(['story list (20 a page, pages 1-3)', list.p50.toFixed(1), list.p99.toFixed(1)], w),
        );
        console.log(
          row(['story view (with its analysis)', view.p50.toFixed(1), view.p99.toFixed(1)], w),
        );
      } finally {
        await store.close();
      }
    }
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) await main();
