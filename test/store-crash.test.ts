/**
 * The store survives being killed at any point: SIGKILL while a store is
 * first made and migrated, while `parallax ingest` stores, fingerprints and
 * groups a few hundred articles, and inside a migration over a store with
 * data; on the embedded PGlite store (the default) and on PostgreSQL
 * (test/support/postgres.ts).
 *
 * "Acknowledged" is what `parallax ingest --format jsonl` prints as a
 * `stored` line: the article's transaction has committed. After every kill
 * a fresh open must succeed, every acknowledged article must be there with
 * exactly the article extraction makes of its file, no article or story may
 * be half-stored (test/support/store-invariants.ts), and running the same
 * ingest again must finish with one copy of each article, each in a story.
 *
 * Kill points are drawn by a seeded PRNG: which line of the output to kill
 * after (an input queued, an article stored, an article grouped) and how
 * long after it; how many files into making a new database; how far into
 * opening with a migration. The seed is in each test's name; replay one
 * with `PARALLAX_CRASH_SEED=<seed> node --test test/store-crash.test.ts`
 * (the same kill points; where exactly a process is then depends on the
 * machine's speed).
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, type TestContext, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { mulberry32 } from '../bench/lib/derive-copies.ts';
import { extractArticles } from '../src/extract/index.ts';
import { ingest } from '../src/ingest/index.ts';
import type { Article } from '../src/model/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { crashCorpus, writeCrashCorpus } from './support/crash-corpus.ts';
import {
  createDatabase,
  findPostgresBin,
  POSTGRES_MISSING,
  startPostgres,
  type TestPostgres,
} from './support/postgres.ts';
import { inspectStore, type StoreSnapshot, withSql } from './support/store-invariants.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'src', 'cli', 'main.ts');
const CHILD = join(ROOT, 'test', 'support', 'store-child.ts');
const NO_POSTGRES = findPostgresBin() === null ? POSTGRES_MISSING : false;

/** The run's seed: PARALLAX_CRASH_SEED replays one, else a new one each run. */
const SEED = Number(process.env.PARALLAX_CRASH_SEED ?? randomInt(1, 2 ** 31));

/** Articles ingested: a few hundred, in one slice per killed run. */
const ARTICLES = 120;
/** Runs of `parallax ingest` killed, each on its own slice of the articles. */
const INGEST_KILLS = 3;
/** Opens killed inside the test migration. */
const MIGRATION_KILLS = 3;
/** Opens of a new PostgreSQL database killed while it is migrated. */
const FRESH_KILLS_POSTGRES = 3;
/**
 * Seconds before PostgreSQL's queue counts a killed process's job as
 * crashed and retries it (on PGlite, reopening the store retries them at
 * once): a few seconds keeps the re-run short; the test's jobs take well
 * under a second each.
 */
const POSTGRES_JOB_TIMEOUT = 4;
/** A child still running after this long has hung: killed, and the test fails. */
const CHILD_TIMEOUT_MS = 180_000;

const work = mkdtempSync(join(tmpdir(), 'parallax-crash-'));
after(() => rmSync(work, { recursive: true, force: true }));

let server: Promise<TestPostgres> | undefined;
function postgres(): Promise<TestPostgres> {
  server ??= startPostgres();
  return server;
}
after(async () => {
  if (server !== undefined) await (await server).stop();
});

/** The generated articles: their folder (one subfolder per slice) and what extraction makes of each file. */
interface Corpus {
  folder: string;
  slices: string[];
  /** Article by id, as JSON would hold it. */
  expected: Map<string, Article>;
}

let corpus: Promise<Corpus> | undefined;
function theCorpus(): Promise<Corpus> {
  corpus ??= (async () => {
    const folder = join(work, 'articles');
    const files = crashCorpus(ARTICLES, SEED);
    const slices: string[] = [];
    const expected = new Map<string, Article>();
    const size = Math.ceil(files.length / INGEST_KILLS);
    for (let s = 0; s < INGEST_KILLS; s++) {
      const slice = join(folder, `s${s}`);
      writeCrashCorpus(slice, files.slice(s * size, (s + 1) * size));
      slices.push(slice);
    }
    for (const slice of slices) {
      for (const name of readdirSync(slice).sort()) {
        const location = join(slice, name);
        const { sources } = await ingest({ location, bytes: readFileSync(location) });
        for (const article of extractArticles(sources).articles) {
          expected.set(article.id, JSON.parse(JSON.stringify(article)) as Article);
        }
      }
    }
    assert.equal(expected.size, files.length, 'every file makes one distinct article');
    return { folder, slices, expected };
  })();
  return corpus;
}

/** What a child process did. */
interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Complete lines it printed on stdout. */
  lines: string[];
  stderr: string;
  /** Milliseconds from spawn to exit. */
  ms: number;
}

/**
 * When to SIGKILL a child: `delayMs` after a line (the `count`-th for
 * which `line` holds), or when `poll` (asked every few milliseconds with
 * the child's pid and the lines so far) says so.
 */
interface KillPoint {
  line?: (line: string) => boolean;
  count?: number;
  delayMs?: number;
  poll?: (pid: number, lines: readonly string[]) => boolean | Promise<boolean>;
}

/** Run `node <args>`, killing it with SIGKILL at `kill` (never, without one). */
function runChild(args: string[], kill: KillPoint = {}): Promise<ChildRun> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  let pending = '';
  let seen = 0;
  const timers: NodeJS.Timeout[] = [];
  const killNow = () => child.kill('SIGKILL');
  const killSoon = () => {
    if ((kill.delayMs ?? 0) <= 0) killNow();
    else timers.push(setTimeout(killNow, kill.delayMs));
  };
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    pending += chunk;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 1);
      lines.push(line);
      if (kill.line?.(line) && ++seen === (kill.count ?? 1)) killSoon();
    }
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  if (kill.poll !== undefined && child.pid !== undefined) {
    const { poll } = kill;
    const pid = child.pid;
    let asking = false;
    let done = false;
    const timer = setInterval(async () => {
      if (asking || done) return;
      asking = true;
      try {
        if (await poll(pid, lines)) {
          done = true;
          killNow();
        }
      } finally {
        asking = false;
      }
    }, 5);
    timers.push(timer);
  }
  timers.push(setTimeout(killNow, CHILD_TIMEOUT_MS));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const t of timers) clearInterval(t);
      resolve({ code, signal, lines, stderr, ms: performance.now() - started });
    });
  });
}

/**
 * How far a child opening a store has got, as bytes written: by the child
 * itself for PGlite (Linux's /proc/<pid>/io `wchar`: WAL and data files),
 * by the server for PostgreSQL (its WAL position). Grows steadily through
 * a migration, however fast the machine runs.
 */
type Progress = (pid: number) => Promise<number>;

function pgliteProgress(): Progress {
  return async (pid) => {
    try {
      return Number(/^wchar:\s*(\d+)/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
}

async function postgresProgress(): Promise<{ progress: Progress; close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: (await postgres()).url });
  await client.connect();
  return {
    progress: async () =>
      Number(
        (await client.query(`select (pg_current_wal_insert_lsn() - '0/0')::int8 as lsn`)).rows[0]
          .lsn,
      ),
    close: () => client.end(),
  };
}

/**
 * Open a store in a child, uninterrupted, and measure the progress (see
 * `Progress`) from its `opening` line to its result line: the span the kill
 * points are drawn from.
 */
async function measureOpen(
  args: string[],
  progress: Progress,
): Promise<{ run: ChildRun; span: number }> {
  let start: number | undefined;
  let end = 0;
  const run = await runChild(args, {
    poll: async (pid, lines) => {
      if (lines.length === 0 || lines.length > 1) return false;
      const at = await progress(pid);
      start ??= at;
      end = at;
      return false;
    },
  });
  return { run, span: end - (start ?? end) };
}

/** Kill a child opening a store once it has made `target` progress past its `opening` line. */
function afterProgress(progress: Progress, target: number): KillPoint {
  let start: number | undefined;
  return {
    poll: async (pid, lines) => {
      if (lines.length === 0) return false;
      const at = await progress(pid);
      start ??= at;
      return at - start >= target;
    },
  };
}

/** The JSON lines of `parallax ingest --format jsonl` (a line cut short by the kill is not complete, so never seen). */
function events(run: ChildRun): Array<Record<string, unknown>> {
  return run.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Open the store in this process (not the one killed) and check it: consistent, and holding every acknowledged article intact. */
async function reopen(
  location: string,
  expected: Map<string, Article>,
  acknowledged: ReadonlySet<string>,
  what: string,
): Promise<StoreSnapshot & { backfill: 'before' | 'after' }> {
  const store = await openStore(location);
  let snapshot: StoreSnapshot & { backfill: 'before' | 'after' };
  try {
    snapshot = { ...(await inspectStore(store)), backfill: await backfillState(store) };
  } finally {
    await store.close();
  }
  assert.deepEqual(snapshot.broken, [], `${what}: the store's rows are consistent`);
  const lost = [...acknowledged].filter((id) => !snapshot.articles.has(id));
  assert.deepEqual(lost, [], `${what}: every acknowledged article is stored`);
  for (const [id, article] of snapshot.articles) {
    assert.deepEqual(article, expected.get(id), `${what}: article ${id} is stored intact`);
  }
  return snapshot;
}

/** The arguments of `parallax ingest` on a backend. */
function ingestArgs(input: string, location: string): string[] {
  const args = [CLI, 'ingest', input, '--db', location, '--format', 'jsonl', '-q'];
  return location.startsWith('postgres')
    ? [...args, '--work', '--job-timeout', String(POSTGRES_JOB_TIMEOUT)]
    : args;
}

/** Lines a kill point follows, drawn with these weights: `queued` lines come in one burst, so they all mark the same moment. */
const EVENT_KINDS = ['queued', 'stored', 'stored', 'grouped', 'grouped'] as const;

/**
 * `parallax ingest` killed once per slice of the articles at a random
 * line of its output, the store checked after each kill; then the whole
 * batch ingested again to the end. Resolves to the final snapshot.
 */
async function killIngests(
  t: TestContext,
  location: string,
  rand: () => number,
): Promise<StoreSnapshot> {
  const { folder, slices, expected } = await theCorpus();
  const acknowledged = new Set<string>();
  for (const [i, slice] of slices.entries()) {
    const files = readdirSync(slice).length;
    const kind = EVENT_KINDS[Math.floor(rand() * EVENT_KINDS.length)] as string;
    const count = 1 + Math.floor(rand() * (files - 1));
    const delayMs = Math.floor(rand() * 30);
    const point = `after ${kind} line ${count} + ${delayMs} ms`;
    const run = await runChild(ingestArgs(slice, location), {
      line: (line) => line.startsWith(`{"event":"${kind}"`),
      count,
      delayMs,
    });
    const stored = events(run).filter((e) => e.event === 'stored');
    for (const e of stored) acknowledged.add(String(e.articleId));
    t.diagnostic(
      `ingest ${i + 1}: killed ${point} (${Math.round(run.ms)} ms in): ${run.signal ?? `exit ${run.code}`} with ${stored.length} of ${files} acknowledged`,
    );
    if (run.signal === null) assert.equal(run.code, 0, run.stderr);
    await reopen(location, expected, acknowledged, `after ingest ${i + 1} (${point})`);
  }
  const final = await runChild(ingestArgs(folder, location));
  t.diagnostic(`re-run took ${Math.round(final.ms)} ms`);
  assert.equal(final.code, 0, `the re-run finishes: ${final.stderr}`);
  const last = events(final).at(-1) as { event: string; ingest: Record<string, unknown> };
  assert.equal(last.event, 'finished');
  const counts = last.ingest.counts as Record<string, number>;
  assert.equal(counts.articles, expected.size, 're-run: every article read');
  assert.ok((counts.grouped ?? 0) >= expected.size, 're-run: every article grouped');
  assert.notEqual(last.ingest.finishedAt, null, 're-run: the run is finished');

  const snapshot = await reopen(location, expected, acknowledged, 'after the re-run');
  assert.deepEqual(
    [...snapshot.articles.keys()].sort(),
    [...expected.keys()].sort(),
    'one copy of each article',
  );
  const sources = [...snapshot.articles.values()].map((a) => a.source);
  assert.equal(new Set(sources).size, expected.size, 'one article per file');
  assert.equal(snapshot.members.size, expected.size, 'every article in a story');
  t.diagnostic(
    `re-run: ${snapshot.articles.size} articles in ${snapshot.stories} stories, ${acknowledged.size} acknowledged before`,
  );
  return snapshot;
}

/** The test migration's effect on a store: none at all, or all of it. */
async function backfillState(store: Store): Promise<'before' | 'after'> {
  return withSql(store, async (query) => {
    const [row] = await query(`select
        (select count(*) from schema_migrations where id = 2)::int4 as applied,
        (select count(*) from information_schema.columns
          where table_name = 'article' and column_name = 'body_chars')::int4 as columns,
        to_regclass('migration_scratch')::text as scratch`);
    assert.equal(row?.scratch, null, 'no scratch table is left');
    if (Number(row?.applied) === 0) {
      assert.equal(Number(row?.columns), 0, 'an unapplied migration leaves no column');
      return 'before';
    }
    assert.equal(Number(row?.columns), 1, 'an applied migration has its column');
    const [wrong] = await query(
      `select count(*)::int4 as n from article where body_chars is distinct from length(data->>'text')`,
    );
    assert.equal(Number(wrong?.n), 0, 'every article is backfilled');
    return 'after';
  });
}

/**
 * Opens with the test migration killed at random points, each checked,
 * then one left to finish: the migration is applied and the articles are
 * intact. A kill point is a share of the bytes an uninterrupted open with
 * the migration wrote on a copy (most of them the migration's), so it
 * lands inside the migration, before its commit, whatever the machine's
 * speed; an open after a kill first replays the WAL, so a later kill point
 * may land in that recovery instead.
 */
async function killMigrations(
  t: TestContext,
  location: string,
  copy: string,
  progress: Progress,
  rand: () => number,
): Promise<void> {
  const { expected } = await theCorpus();
  const before = await reopen(location, expected, new Set(), 'before migrating');
  const all = new Set(before.articles.keys());
  const measured = await measureOpen([CHILD, copy, '--backfill'], progress);
  assert.equal(measured.run.code, 0, `an uninterrupted migration works: ${measured.run.stderr}`);
  assert.equal((await reopen(copy, expected, all, 'the copy')).backfill, 'after');
  t.diagnostic(
    `an uninterrupted open with the migration wrote ${measured.span} bytes in ${Math.round(measured.run.ms)} ms`,
  );
  assert.ok(measured.span > 0, 'the migration writes');
  for (let i = 0; i < MIGRATION_KILLS; i++) {
    const target = Math.round(measured.span * (0.02 + 0.88 * rand()));
    const run = await runChild([CHILD, location, '--backfill'], afterProgress(progress, target));
    if (run.signal === null) assert.equal(run.code, 0, run.stderr);
    const snapshot = await reopen(location, expected, all, `after migration kill ${i + 1}`);
    t.diagnostic(
      `migration ${i + 1}: killed after ${target} bytes: ${run.signal ?? `exit ${run.code}`}, migration ${snapshot.backfill === 'after' ? 'committed' : 'not applied'}`,
    );
    assert.equal(snapshot.articles.size, all.size, 'no article gained or lost');
  }
  const finished = await runChild([CHILD, location, '--backfill']);
  assert.equal(finished.code, 0, `the next open completes the migration: ${finished.stderr}`);
  const snapshot = await reopen(location, expected, all, 'after the migration');
  assert.equal(snapshot.backfill, 'after');
  assert.deepEqual(snapshot.migrations, [1, 2]);
  assert.equal(snapshot.articles.size, all.size, 'no article gained or lost');
}

/** Entries under a folder, counted (0 when it is gone). */
function entries(folder: string): number {
  try {
    return readdirSync(folder, { recursive: true }).length;
  } catch {
    return 0;
  }
}

/** A fresh PGlite store's folder holds about this many entries once made (PostgreSQL 17's initdb output). */
const NEW_CLUSTER_ENTRIES = 1000;

let pgliteStore: string | undefined;

test(`PGlite: a store killed while it is made and ingest killed at ${INGEST_KILLS} random points (seed ${SEED}) keep every acknowledged article, and a re-run finishes`, {
  timeout: 10 * 60_000,
}, async (t) => {
  const rand = mulberry32(SEED);
  const folder = join(work, 'pglite');
  // Killed partway through writing the new database's files (or after, when the count is not reached).
  const files = 1 + Math.floor(rand() * NEW_CLUSTER_ENTRIES);
  const made = await runChild([CHILD, folder], { poll: async () => entries(folder) >= files });
  t.diagnostic(
    `making the store: killed at ${entries(folder)} entries (aimed at ${files}): ${made.signal ?? `exit ${made.code}`}`,
  );
  const { expected } = await theCorpus();
  await reopen(folder, expected, new Set(), 'after the kill while making the store');
  await killIngests(t, folder, rand);
  pgliteStore = folder;
});

test(`PGlite: a migration over a store with data killed at ${MIGRATION_KILLS} random points (seed ${SEED}) is completed by the next open`, {
  timeout: 10 * 60_000,
}, async (t) => {
  if (pgliteStore === undefined) {
    t.skip('the ingest test did not leave a store with data');
    return;
  }
  const rand = mulberry32(SEED ^ 0x5eed);
  const copy = join(work, 'pglite-copy');
  cpSync(pgliteStore, copy, { recursive: true });
  await killMigrations(t, pgliteStore, copy, pgliteProgress(), rand);
});

/** A database's URL on the test server, made as a copy of another (`template`) or empty. */
async function database(template?: string): Promise<string> {
  const serverUrl = (await postgres()).url;
  if (template === undefined) return createDatabase(serverUrl);
  const name = `crash_copy_${process.pid}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    // The killed processes' sessions may still be ending: a template must have none.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(
          `create database ${name} template ${new URL(template).pathname.slice(1)}`,
        );
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await sleep(250);
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let postgresStore: string | undefined;

test(`PostgreSQL: opening new databases killed at ${FRESH_KILLS_POSTGRES} random points (seed ${SEED}) and ingest killed at ${INGEST_KILLS} keep every acknowledged article, and a re-run finishes`, {
  skip: NO_POSTGRES,
  timeout: 10 * 60_000,
}, async (t) => {
  const rand = mulberry32(SEED ^ 0x9e37);
  const { expected } = await theCorpus();
  const wal = await postgresProgress();
  try {
    const measured = await measureOpen([CHILD, await database()], wal.progress);
    assert.equal(measured.run.code, 0, measured.run.stderr);
    t.diagnostic(`migrating a new database wrote ${measured.span} bytes of WAL`);
    for (let i = 0; i < FRESH_KILLS_POSTGRES; i++) {
      const url = await database();
      const target = Math.round(measured.span * 0.95 * rand());
      const run = await runChild([CHILD, url], afterProgress(wal.progress, target));
      t.diagnostic(
        `new database ${i + 1}: killed after ${target} bytes of WAL: ${run.signal ?? `exit ${run.code}`}`,
      );
      if (run.signal === null) assert.equal(run.code, 0, run.stderr);
      const snapshot = await reopen(
        url,
        expected,
        new Set(),
        `after kill ${i + 1} while migrating`,
      );
      assert.deepEqual(snapshot.migrations, [1]);
    }
  } finally {
    await wal.close();
  }
  const url = await database();
  await killIngests(t, url, rand);
  postgresStore = url;
});

test(`PostgreSQL: a migration over a database with data killed at ${MIGRATION_KILLS} random points (seed ${SEED}) is completed by the next open`, {
  skip: NO_POSTGRES,
  timeout: 10 * 60_000,
}, async (t) => {
  if (postgresStore === undefined) {
    t.skip('the ingest test did not leave a database with data');
    return;
  }
  const rand = mulberry32(SEED ^ 0x7f4a);
  const wal = await postgresProgress();
  try {
    await killMigrations(t, postgresStore, await database(postgresStore), wal.progress, rand);
  } finally {
    await wal.close();
  }
});
