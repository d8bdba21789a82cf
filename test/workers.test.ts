/**
 * The job queue and workers against a real PostgreSQL server started by the
 * test (test/support/postgres.ts) and against PGlite: the in-process run of
 * `parallax ingest`, story assignment under concurrency, a poison input in
 * the failed list, `parallax watch` against a local feed server, and three
 * worker processes ingesting 2,000 articles, one of them SIGKILLed.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { scaleCorpus, writeCorpus } from '../bench/bench-scale.ts';
import { deriveCopy } from '../bench/lib/derive-copies.ts';
import { main } from '../src/cli/main.ts';
import { type InProcessRun, runInProcess } from '../src/cli/run-in-process.case.ts';
import { extractArticles } from '../src/extract/index.ts';
import { ingest } from '../src/ingest/index.ts';
import {
  enqueueInputs,
  type JobQueue,
  listFailedJobs,
  openJobQueue,
  runArticleJob,
  startWorker,
  watchFeeds,
} from '../src/jobs/index.ts';
import { openStore } from '../src/store/index.ts';
import type { Store } from '../src/store/store.ts';
import {
  createDatabase,
  findPostgresBin,
  POSTGRES_MISSING,
  startPostgres,
  type TestPostgres,
} from './support/postgres.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'src', 'cli', 'main.ts');
const EXAMPLE = join(ROOT, 'examples', 'harbour-crane');
const NO_POSTGRES = findPostgresBin() === null ? POSTGRES_MISSING : false;

/** Articles of the multi-worker test: 2,000 by default; PARALLAX_SCALE_ARTICLES runs it smaller. */
const SCALE_ARTICLES = Number(process.env.PARALLAX_SCALE_ARTICLES ?? 2000);

let server: Promise<TestPostgres> | undefined;
/** The file's one PostgreSQL server, started on first use. */
function postgres(): Promise<TestPostgres> {
  server ??= startPostgres();
  return server;
}
after(async () => {
  if (server !== undefined) await (await server).stop();
});

async function database(): Promise<string> {
  return createDatabase((await postgres()).url);
}

/** Run `parallax <argv>` in process. */
function run(argv: string[]): Promise<InProcessRun> {
  return runInProcess(main, argv, { cwd: ROOT });
}

/** Every story's member ids, as sorted lists, sorted: the grouping to compare between runs. */
async function groupingOf(store: Store): Promise<string[][]> {
  const out: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listStories({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const summary of page.items) {
      const detail = await store.getStory(summary.id);
      assert.ok(detail, `story ${summary.id} listed but not found`);
      out.push(detail.articles.map((a) => a.id).sort());
    }
    cursor = page.next;
  } while (cursor !== null);
  return out.sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

/** A local HTTP server on 127.0.0.1; resolves to its base URL. */
async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test('parallax ingest, worker, watch and jobs reject bad usage with exit code 2 before opening a store', async () => {
  const cases: Array<[string[], RegExp]> = [
    [['ingest', '--db', '/nonexistent/store'], /Expected at least one input/],
    [['ingest', 'x.txt', '--wait', '--no-wait'], /--wait or --no-wait/],
    [['ingest', 'x.txt', '--job-timeout', 'soon'], /--job-timeout/],
    [['worker', '--jobs', 'read,bake'], /--jobs among article, read, story.*'bake'/],
    [['worker', '--concurrency', '0'], /--concurrency/],
    [['watch'], /at least one feed/],
    [['watch', 'https://example.org/feed', '--interval', '-1m'], /--interval/],
    [['jobs', '--limit', 'all'], /--limit/],
    [['ingest', 'x.txt', '--db', 'mysql://db/news'], /folder or a postgres:\/\/ URL/],
  ];
  for (const [argv, message] of cases) {
    const result = await run(argv);
    assert.equal(result.code, 2, `${argv.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
  }
});

test('parallax ingest on an embedded store runs the jobs in process: harbour-crane becomes one analysed story', async (t) => {
  const folder = await mkdtemp(join(tmpdir(), 'parallax-jobs-'));
  t.after(() => rm(folder, { recursive: true, force: true }));
  const result = await run(['ingest', EXAMPLE, '--db', folder, '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const record = JSON.parse(result.stdout);
  assert.equal(record.counts.inputs, 5);
  assert.equal(record.counts.read, 5);
  assert.equal(record.counts.articles, 5);
  assert.equal(record.counts.grouped, 5);
  assert.notEqual(record.finishedAt, null, 'the run is marked finished');

  const jobs = await run(['jobs', '--db', folder, '--format', 'json']);
  assert.equal(jobs.code, 0, jobs.stderr);
  const status = JSON.parse(jobs.stdout) as Array<Record<string, number | string>>;
  const byKind = Object.fromEntries(status.map((s) => [s.kind, s]));
  assert.equal(byKind.read?.completed, 5);
  assert.equal(byKind.article?.completed, 5);
  assert.ok(Number(byKind.story?.completed) >= 1, 'the story was analysed');
  for (const s of status) assert.equal(Number(s.queued) + Number(s.active) + Number(s.failed), 0);

  const store = await openStore(folder);
  try {
    const stories = await store.listStories();
    assert.equal(stories.items.length, 1);
    const detail = await store.getStory(stories.items[0]?.id as string);
    assert.equal(detail?.articles.length, 5);
    assert.equal(detail?.analysis?.stale, false, 'the analysis is of the story as it is');
    assert.deepEqual(
      [...(detail?.analysis?.analysis.articleIds ?? [])].sort(),
      detail?.articles.map((a) => a.id).sort(),
    );
    assert.ok((detail?.analysis?.analysis.brief.sentences.length ?? 0) > 0, 'with a brief');
  } finally {
    await store.close();
  }
});

test('two workers assigning articles of one story at the same moment put them in one story', {
  skip: NO_POSTGRES,
}, async () => {
  const url = await database();
  const wire = await readFile(join(EXAMPLE, 'mpa-wire.txt'), 'utf8');
  const sources = [];
  for (let i = 0; i < 12; i++) {
    const text = i === 0 ? wire : deriveCopy(wire, { seed: i, editRate: 0.05 }).text;
    const { sources: found } = await ingest({
      location: `copy-${i}.txt`,
      bytes: new TextEncoder().encode(text),
    });
    sources.push(...found);
  }
  const { articles } = extractArticles(sources);
  assert.equal(new Set(articles.map((a) => a.id)).size, 12, 'twelve distinct copies');
  // Two stores are two connection pools: two workers, as far as the database can tell.
  const stores = [await openStore(url), await openStore(url)] as const;
  const queues: JobQueue[] = [];
  try {
    for (const s of stores) queues.push(await openJobQueue(s.connection, { supervise: false }));
    for (const a of articles) await stores[0].putArticle(a);
    const results = await Promise.all(
      articles.map((a, i) =>
        runArticleJob(
          { articleId: a.id },
          { store: stores[i % 2] as Store, queue: queues[i % 2] as JobQueue },
        ),
      ),
    );
    assert.ok(results.every((r) => r.assigned));
    const grouping = await groupingOf(stores[1]);
    assert.equal(grouping.length, 1, `one story, got ${grouping.map((g) => g.length).join(', ')}`);
    assert.deepEqual(grouping[0], articles.map((a) => a.id).sort());
    const storyIds = new Set(await Promise.all(articles.map((a) => stores[0].storyOf(a.id))));
    assert.equal(storyIds.size, 1, 'every article reports the same story');
  } finally {
    for (const q of queues) await q.stop();
    for (const s of stores) await s.close();
  }
});

test('a poison input ends in the failed list with its error while the rest of the batch is read', {
  skip: NO_POSTGRES,
}, async (t) => {
  let poisonHits = 0;
  const http = createServer((request, response) => {
    if (request.url === '/poison') {
      poisonHits += 1;
      response.writeHead(503, { 'content-type': 'text/plain' }).end('overloaded');
      return;
    }
    response.writeHead(404).end();
  });
  const base = await listen(http);
  t.after(() => http.close());
  const url = await database();
  const store = await openStore(url);
  const queue = await openJobQueue(store.connection, { retryLimit: 1, retryDelaySeconds: 0 });
  try {
    const poison = `${base}/poison`;
    const missing = `${base}/missing`;
    const { ingestId, inputs } = await enqueueInputs(
      [poison, missing, join(EXAMPLE, 'mpa-wire.txt')],
      { store, queue },
      { cwd: ROOT, allowPrivate: true },
    );
    assert.equal(inputs, 3);
    const worker = startWorker({ store, queue }, { exitWhenIdle: true, idlePollMs: 50 });
    await worker.finished;
    assert.equal(poisonHits, 2, 'tried once and retried once');

    const failed = await listFailedJobs(store);
    assert.equal(failed.length, 1, JSON.stringify(failed));
    assert.equal(failed[0]?.kind, 'read');
    assert.equal(failed[0]?.subject, poison);
    assert.equal(failed[0]?.ingestId, ingestId);
    assert.equal(failed[0]?.attempts, 2);
    assert.match(failed[0]?.error ?? '', /HTTP 503/);
    assert.deepEqual(await listFailedJobs(queue), failed, 'the same list from the queue');

    // A 404 will not pass: a problem of the run, not a failed job; the file was read.
    const record = await store.getIngest(ingestId);
    assert.ok(record?.problems.some((p) => p.source === missing && /404/.test(p.message)));
    assert.equal((await store.counts()).articles, 1);

    const cli = await run(['jobs', '--failed', '--db', url]);
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stdout, new RegExp(`read ${poison.replace(/[.?]/g, '\\$&')}`));
    assert.match(cli.stdout, /2 attempts/);
    assert.match(cli.stdout, /error: .*HTTP 503/);
  } finally {
    await queue.stop();
    await store.close();
  }
});

/** A feed of the given item paths, as RSS 2.0. */
function rss(base: string, items: string[]): string {
  const entries = items
    .map(
      (path) =>
        `<item><title>${path}</title><link>${base}${path}</link><guid>${base}${path}</guid><description>Summary of ${path}.</description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>${base}/</link>${entries}</channel></rss>`;
}

test('parallax watch polls a feed with conditional requests and queues each new item once', {
  skip: NO_POSTGRES,
}, async (t) => {
  const pages: Record<string, string> = {
    '/coastline.html': await readFile(join(EXAMPLE, 'coastline-courier.html'), 'utf8'),
    '/freightline.html': await readFile(join(EXAMPLE, 'freightline-weekly.html'), 'utf8'),
    '/wire.txt': await readFile(join(EXAMPLE, 'mpa-wire.txt'), 'utf8'),
  };
  let feedItems = ['/coastline.html', '/freightline.html'];
  let etag = '"v1"';
  const feedRequests: Array<{ conditional: boolean; status: number }> = [];
  const pageRequests: string[] = [];
  const http = createServer((request, response) => {
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    if (request.url === '/feed.xml') {
      const conditional = request.headers['if-none-match'] !== undefined;
      if (request.headers['if-none-match'] === etag) {
        feedRequests.push({ conditional, status: 304 });
        response.writeHead(304, { etag }).end();
        return;
      }
      feedRequests.push({ conditional, status: 200 });
      response
        .writeHead(200, { 'content-type': 'application/rss+xml', etag })
        .end(rss(base, feedItems));
      return;
    }
    const page = pages[request.url ?? ''];
    if (page === undefined) {
      response.writeHead(404).end();
      return;
    }
    pageRequests.push(request.url ?? '');
    const type = request.url?.endsWith('.html') ? 'text/html' : 'text/plain';
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(page);
  });
  const base = await listen(http);
  t.after(() => http.close());
  const feed = `${base}/feed.xml`;
  const url = await database();
  const watch = () => run(['watch', feed, '--db', url, '--once', '--work', '--allow-private']);

  const first = await watch();
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /2 items, 2 new queued/);
  assert.deepEqual(feedRequests, [{ conditional: false, status: 200 }]);
  assert.deepEqual(pageRequests.sort(), ['/coastline.html', '/freightline.html']);

  const second = await watch();
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /not modified/);
  assert.deepEqual(feedRequests[1], { conditional: true, status: 304 });
  assert.equal(pageRequests.length, 2, 'nothing fetched again');

  // The feed changes: one new item, the two old ones still listed.
  feedItems = ['/wire.txt', ...feedItems];
  etag = '"v2"';
  const third = await watch();
  assert.equal(third.code, 0, third.stderr);
  assert.match(third.stderr, /3 items, 1 new queued/);
  assert.deepEqual(feedRequests[2], { conditional: true, status: 200 });
  assert.deepEqual(pageRequests.slice(2), ['/wire.txt']);

  const store = await openStore(url);
  const queue = await openJobQueue(store.connection, { supervise: false });
  try {
    const counts = await store.counts();
    assert.equal(counts.articles, 3);
    assert.equal(counts.stories, 1, 'the three outlets tell one story');
    // On a schedule: every poll after the first change is a conditional request answered 304.
    const controller = new AbortController();
    const results: string[] = [];
    await watchFeeds(
      [feed],
      { store, queue },
      {
        intervalSeconds: 0.1,
        allowPrivate: true,
        signal: controller.signal,
        onPoll: (r) => {
          results.push(r.status);
          if (results.length === 3) controller.abort();
        },
      },
    );
    assert.deepEqual(results, ['not-modified', 'not-modified', 'not-modified']);
    assert.ok(feedRequests.slice(3).every((r) => r.conditional && r.status === 304));
    assert.equal(feedRequests.length, 6);
  } finally {
    await queue.stop();
    await store.close();
  }
});

/** Spawn `parallax worker -v` on a database; `exited` resolves with its code, signal and stderr. */
function spawnWorker(url: string, jobTimeout: number) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      CLI,
      'worker',
      '--db',
      url,
      '--exit-when-idle',
      '--concurrency',
      '1',
      '--job-timeout',
      String(jobTimeout),
      '-v',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: string | null; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, exited, stderr: () => stderr };
}

/** Jobs a worker's -v log shows started and not ended: what it was running when it died. */
function unfinished(log: string): string[] {
  const started = new Set<string>();
  for (const m of log.matchAll(/^\w+ job (\S+) (started|done|failed)/gm)) {
    if (m[2] === 'started') started.add(m[1] as string);
    else started.delete(m[1] as string);
  }
  return [...started];
}

test('three worker processes ingest 2,000 articles into the stories of a single-process run, and a SIGKILLed one loses nothing', {
  skip: NO_POSTGRES,
  timeout: 20 * 60_000,
}, async (t) => {
  const files = scaleCorpus(SCALE_ARTICLES);
  if (files.length === 0) {
    t.skip('../shared/eval missing: no real texts to build the 2,000 articles from');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'parallax-scale-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  writeCorpus(dir, files);

  // The single-process run: one in-process worker, one job at a time (grouping only: the
  // stories are what is compared; the analyses are checked on the multi-worker run).
  const single = await database();
  const singleStore = await openStore(single);
  let expected: string[][];
  try {
    const queue = await openJobQueue(singleStore.connection);
    try {
      await enqueueInputs([dir], { store: singleStore, queue }, { cwd: ROOT });
      const worker = startWorker(
        { store: singleStore, queue },
        { concurrency: 1, kinds: ['read', 'article'], exitWhenIdle: true, idlePollMs: 50 },
      );
      await worker.finished;
    } finally {
      await queue.stop();
    }
    expected = await groupingOf(singleStore);
  } finally {
    await singleStore.close();
  }
  assert.equal(expected.flat().length, files.length, 'the single run stored every article');
  assert.ok(expected.length < files.length, 'copies were grouped into stories');

  // Three worker processes on another database; one is killed mid-run.
  const url = await database();
  const jobTimeout = 10;
  const queued = await run(['ingest', dir, '--db', url, '--job-timeout', String(jobTimeout), '-q']);
  assert.equal(queued.code, 0, queued.stderr);
  const store = await openStore(url);
  try {
    const workers = [0, 1, 2].map(() => spawnWorker(url, jobTimeout));
    const victim = workers[0] as ReturnType<typeof spawnWorker>;
    let storedAtKill = 0;
    for (;;) {
      storedAtKill = (await store.counts()).articles;
      // Killed a third of the way in, while its log shows a job running.
      if (storedAtKill >= files.length / 3 && unfinished(victim.stderr()).length > 0) break;
      await sleep(20);
    }
    victim.child.kill('SIGKILL');
    const killed = await victim.exited;
    assert.equal(killed.signal, 'SIGKILL');
    assert.ok(storedAtKill < files.length, 'killed mid-run');
    const orphans = unfinished(killed.stderr);
    assert.equal(orphans.length, 1, 'the killed worker was running a job');
    for (const w of workers.slice(1)) {
      const exit = await w.exited;
      assert.equal(exit.code, 0, exit.stderr);
    }

    const counts = await store.counts();
    assert.equal(counts.articles, files.length, 'every article stored');
    const grouping = await groupingOf(store);
    const members = grouping.flat();
    assert.equal(members.length, files.length, 'every article in exactly one story');
    assert.equal(new Set(members).size, files.length);
    assert.deepEqual(grouping, expected, 'the stories of the single-process run');
    assert.equal(counts.analyses, counts.stories, 'every story analysed');
    assert.equal(counts.staleAnalyses, 0, 'every analysis is of the story as it is now');
    assert.deepEqual(await listFailedJobs(store), []);

    // The job the killed worker was running was retried by another and done.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT state::text AS state, retry_count FROM pgboss.job WHERE id = $1',
        [orphans[0]],
      );
      assert.deepEqual(rows, [{ state: 'completed', retry_count: 1 }]);
      const pending = await client.query(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`,
      );
      assert.equal(pending.rows[0].n, 0);
    } finally {
      await client.end();
    }
    const ingests = await store.listIngests();
    assert.notEqual(ingests.items[0]?.finishedAt, null, 'the ingest run is finished');
  } finally {
    await store.close();
  }
});
