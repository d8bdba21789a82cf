import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  enqueueInputs,
  type JobQueueOptions,
  openJobs,
  parseDuration,
  startWorker,
  WORKER_CONCURRENCY,
} from '../jobs/index.ts';
import type { IngestRecord, Store } from '../store/index.ts';
import { colorEnabled, createColors } from './colors.ts';
import type { Command } from './command.ts';
import { EXIT_CODES_HELP, ExitCode, UsageError } from './exit-code.ts';
import { parseMaxBytes } from './max-bytes.ts';
import { writeToStream } from './output.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { problemLocation } from './problem-location.ts';

const HELP = `Usage: parallax ingest [options] <inputs...>

Queue inputs for the workers of a store: each file, URL or standard input
becomes one job; workers read it, extract its articles, store them, group
them into stories and analyse each story that changed. Files are read here
(their bytes travel through the database, so workers may run on other
machines); URLs are fetched by the workers.

With the embedded store (a folder) the jobs run in this process and the
command returns when they are done, unless --no-wait. With PostgreSQL the
command returns once the jobs are queued; run 'parallax worker' (anywhere,
any number) to do them, pass --wait to wait for them, or --work to do them
here as well.

An article is acknowledged once the store has committed it: with
--format jsonl, a 'stored' line is printed for each article stored by this
process, only after its transaction committed, and a run killed at any
point keeps every acknowledged article (run the same ingest again to finish
the rest).

Inputs:
  files, folders (read recursively), globs ('news/**/*.html'), http(s) URLs,
  and - for standard input, in every format 'parallax analyze' reads.

Options:
  --db DB              the store: a folder (embedded PGlite) or a postgres:// URL
                       (default: $DATABASE_URL, else .parallax in this folder)
  --no-wait            only queue the jobs (embedded store: 'parallax worker
                       --db DB --exit-when-idle' runs them later)
  --wait               PostgreSQL: wait until the workers have done every
                       queued job, this run's and any other's
  --work               PostgreSQL: also do the jobs in this process, and return
                       once no job is left (as on an embedded store)
  --concurrency N      jobs at once when they run here (default ${WORKER_CONCURRENCY})
  --job-timeout SECS   a job active longer counts as crashed and is retried
                       (default 15m; accepts 90, 30s, 5m, 1h)
  --allow-private      let workers fetch URLs on private, loopback and
                       link-local addresses
  --follow-symlinks    follow symbolic links inside folders
  --keep-all           take nothing out of article bodies
  --max-bytes SIZE     cap on each file or standard input queued: 64M, 1G
                       (default 32M)
  --format json        print the ingest run's record (counts, problems) as JSON
  --format jsonl       print a JSON line as each input is queued, each article is
                       stored (acknowledged) and grouped, then the run's record
  -q, --quiet          print nothing on stderr but fatal errors
  -h, --help           show this help

Examples:
  parallax ingest examples/harbour-crane --db ./newsroom
  parallax ingest 'archive/**/*.warc.gz' --db postgres://parallax@db/news
  DATABASE_URL=postgres://parallax@db/news parallax ingest https://example.org/a

${EXIT_CODES_HELP}`;

const OPTIONS = {
  db: { type: 'string' },
  'no-wait': { type: 'boolean' },
  wait: { type: 'boolean' },
  work: { type: 'boolean' },
  concurrency: { type: 'string' },
  'job-timeout': { type: 'string' },
  'allow-private': { type: 'boolean' },
  'follow-symlinks': { type: 'boolean' },
  'keep-all': { type: 'boolean' },
  'max-bytes': { type: 'string' },
  format: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** How often `--wait` looks whether the workers are done. */
const WAIT_POLL_MS = 500;

/**
 * One line of `--format jsonl`, printed as it happens:
 * - `queued`: an input's bytes (or URL) and its read job are committed;
 * - `stored`: an article is committed in the store (`created` false when it
 *   was stored before): the acknowledgement, printed only after the commit
 *   returned, so a run killed at any point keeps every article it printed;
 * - `grouped`: the article's story membership is committed;
 * - `finished`: the last line, the ingest run's record.
 */
export type IngestEvent =
  | { event: 'queued'; ingestId: string; input: string }
  | { event: 'stored'; articleId: string; source: string; created: boolean }
  | { event: 'grouped'; articleId: string; storyId: string }
  | { event: 'finished'; ingest: IngestRecord };

/**
 * The store as the jobs run here see it, telling `emit` of each article
 * stored and grouped once the store's call has resolved (its transaction
 * committed), never before.
 */
export function acknowledgingStore(store: Store, emit: (event: IngestEvent) => void): Store {
  return {
    ...store,
    async putArticle(article, options) {
      const result = await store.putArticle(article, options);
      emit({
        event: 'stored',
        articleId: result.articleId,
        source: article.source,
        created: result.created,
      });
      return result;
    },
    async assignStory(articleId, decider) {
      const result = await store.assignStory(articleId, decider);
      emit({ event: 'grouped', articleId, storyId: result.storyId });
      return result;
    },
  };
}

function parse(args: string[]) {
  return parseCommandArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

/** `--concurrency N` as a positive integer. */
export function parseConcurrency(value: string | undefined): number {
  if (value === undefined) return WORKER_CONCURRENCY;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`Expected --concurrency to be a positive integer, got '${value}'`);
  }
  return n;
}

/** `--job-timeout` as queue options (the other settings keep their defaults). */
export function parseJobTimeout(value: string | undefined): JobQueueOptions {
  if (value === undefined) return {};
  const seconds = parseDuration(value);
  if (seconds === undefined || seconds < 1) {
    throw new UsageError(
      `Expected --job-timeout to be a duration of at least 1s (90, 30s, 5m), got '${value}'`,
    );
  }
  return { jobTimeoutSeconds: Math.round(seconds) };
}

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

/** `parallax ingest <inputs...>`: queue inputs as jobs (and run them here on an embedded store). */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'Queue inputs for the workers of a store (run here on an embedded store)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parse(args);
    if (values.help) {
      await writeToStream(io.stdout, `${HELP}\n`);
      return ExitCode.ok;
    }
    if (positionals.length === 0) {
      throw new UsageError(
        'Expected at least one input (a file, folder, glob, URL or -), got none',
      );
    }
    if (values.format !== undefined && values.format !== 'json' && values.format !== 'jsonl') {
      throw new UsageError(`Expected --format json or jsonl, got '${values.format}'`);
    }
    if (values.wait && values['no-wait']) {
      throw new UsageError('Expected --wait or --no-wait, got both');
    }
    if (values.work && values['no-wait']) {
      throw new UsageError('Expected --work or --no-wait, got both');
    }
    const concurrency = parseConcurrency(values.concurrency);
    const maxBytes = parseMaxBytes(values['max-bytes']);
    const queueOptions = parseJobTimeout(values['job-timeout']);
    const quiet = values.quiet ?? false;
    const lines = values.format === 'jsonl';
    // Not awaited: a line is only ever written after its commit, so one lost to a kill is an
    // article stored but not acknowledged, which is allowed; the last line waits for them all.
    const emit = (event: IngestEvent) => {
      io.stdout.write(`${JSON.stringify(event)}\n`);
    };
    // Named here, so the lines about queued inputs can carry it.
    const ingestId = randomUUID();
    const jobs = await openJobs(values.db, io.env, io.cwd, queueOptions);
    try {
      const { store, queue } = jobs;
      const queued = await enqueueInputs(
        positionals,
        { store, queue },
        {
          cwd: io.cwd,
          stdin: io.stdin,
          allowPrivate: values['allow-private'] ?? false,
          followSymlinks: values['follow-symlinks'] ?? false,
          keepAll: values['keep-all'] ?? false,
          maxBytes,
          ingestId,
          ...(lines
            ? { onQueued: (input: string) => emit({ event: 'queued', ingestId, input }) }
            : {}),
        },
      );
      const embedded = store.connection.kind === 'pglite';
      const runHere = (embedded && !values['no-wait']) || values.work === true;
      if (!quiet) {
        const where = runHere ? 'running them here' : embedded ? 'not run yet' : 'for the workers';
        io.stderr.write(
          `Queued ${plural(queued.inputs, 'input')} as ingest ${queued.ingestId} (${where}).\n`,
        );
      }
      if (runHere) {
        const here = lines ? acknowledgingStore(store, emit) : store;
        const worker = startWorker({ store: here, queue }, { concurrency, exitWhenIdle: true });
        await worker.finished;
      } else if (values.wait) {
        while ((await queue.pending()) > 0) await sleep(WAIT_POLL_MS);
      }
      const record = (await store.getIngest(queued.ingestId)) as IngestRecord;
      const waited = runHere || values.wait === true;
      if (values.format === 'json')
        await writeToStream(io.stdout, `${JSON.stringify(record, null, 2)}\n`);
      if (lines)
        await writeToStream(
          io.stdout,
          `${JSON.stringify({ event: 'finished', ingest: record })}\n`,
        );
      if (!quiet) {
        const c = createColors(colorEnabled(io, 'stderr'));
        for (const p of record.problems) {
          const severity = p.severity === 'error' ? c.red('error') : c.yellow('warning');
          io.stderr.write(`${problemLocation(p)}: ${severity}: ${p.message} [${p.code}]\n`);
        }
        if (waited) {
          const n = record.counts;
          const counts = await store.counts();
          io.stderr.write(
            `Read ${plural(n.read ?? 0, 'input')}: ${plural(n.articles ?? 0, 'article')} (${n.created ?? 0} new), ${plural(record.problems.length, 'problem')}. The store holds ${plural(counts.articles, 'article')} in ${counts.stories} ${counts.stories === 1 ? 'story' : 'stories'}.\n`,
          );
        }
      }
      if (queued.inputs === 0) return ExitCode.nothingRead;
      if (waited && (record.counts.articles ?? 0) === 0) return ExitCode.nothingRead;
      return ExitCode.ok;
    } finally {
      await jobs.close();
    }
  },
};
