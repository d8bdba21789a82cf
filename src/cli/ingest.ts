import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import {
  enqueueInputs,
  type JobQueueOptions,
  openJobs,
  parseDuration,
  startWorker,
  WORKER_CONCURRENCY,
} from '../jobs/index.ts';
import type { IngestRecord } from '../store/index.ts';
import { colorEnabled, createColors } from './colors.ts';
import type { Command } from './command.ts';
import { EXIT_CODES_HELP, ExitCode, UsageError } from './exit-code.ts';
import { writeToStream } from './output.ts';
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
any number) to do them, or pass --wait to wait for them.

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
  --concurrency N      jobs at once when they run here (default ${WORKER_CONCURRENCY})
  --job-timeout SECS   a job active longer counts as crashed and is retried
                       (default 15m; accepts 90, 30s, 5m, 1h)
  --allow-private      let workers fetch URLs on private, loopback and
                       link-local addresses
  --follow-symlinks    follow symbolic links inside folders
  --keep-all           take nothing out of article bodies
  --format json        print the ingest run's record (counts, problems) as JSON
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
  concurrency: { type: 'string' },
  'job-timeout': { type: 'string' },
  'allow-private': { type: 'boolean' },
  'follow-symlinks': { type: 'boolean' },
  'keep-all': { type: 'boolean' },
  format: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** How often `--wait` looks whether the workers are done. */
const WAIT_POLL_MS = 500;

function parse(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split('. ')[0] ?? message, { cause: error });
  }
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
    if (values.format !== undefined && values.format !== 'json') {
      throw new UsageError(`Expected --format json, got '${values.format}'`);
    }
    if (values.wait && values['no-wait']) {
      throw new UsageError('Expected --wait or --no-wait, got both');
    }
    const concurrency = parseConcurrency(values.concurrency);
    const queueOptions = parseJobTimeout(values['job-timeout']);
    const quiet = values.quiet ?? false;
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
        },
      );
      const embedded = store.connection.kind === 'pglite';
      const runHere = embedded && !values['no-wait'];
      if (!quiet) {
        const where = runHere ? 'running them here' : embedded ? 'not run yet' : 'for the workers';
        io.stderr.write(
          `Queued ${plural(queued.inputs, 'input')} as ingest ${queued.ingestId} (${where}).\n`,
        );
      }
      if (runHere) {
        const worker = startWorker({ store, queue }, { concurrency, exitWhenIdle: true });
        await worker.finished;
      } else if (values.wait) {
        while ((await queue.pending()) > 0) await sleep(WAIT_POLL_MS);
      }
      const record = (await store.getIngest(queued.ingestId)) as IngestRecord;
      const waited = runHere || values.wait === true;
      if (values.format === 'json')
        await writeToStream(io.stdout, `${JSON.stringify(record, null, 2)}\n`);
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
