import {
  JOB_KINDS,
  type JobKind,
  openJobs,
  startWorker,
  WORKER_CONCURRENCY,
} from '../jobs/index.ts';
import type { Command } from './command.ts';
import { EXIT_CODES_HELP, ExitCode, UsageError } from './exit-code.ts';
import { parseConcurrency, parseJobTimeout } from './ingest.ts';
import { writeToStream } from './output.ts';
import { parseCommandArgs } from './parse-command-args.ts';

const HELP = `Usage: parallax worker [options]

Do the queued jobs of a store: read inputs, extract and store their
articles, fingerprint each article and put it into a story, and analyse
each story that changed. Run any number of workers on any number of
machines against one PostgreSQL database; each takes one job at a time per
slot. A job whose worker crashes is retried elsewhere after the job
timeout; a job that keeps failing ends in 'parallax jobs --failed'.

Stops on SIGINT or SIGTERM after the jobs it is running.

Options:
  --db DB              the store: a postgres:// URL or a folder (embedded
                       PGlite: one process at a time) (default: $DATABASE_URL,
                       else .parallax in this folder)
  --concurrency N      jobs at once in this process (default ${WORKER_CONCURRENCY})
  --jobs KINDS         which jobs to take, comma-separated among ${JOB_KINDS.join(', ')}
                       (default all; 'story' alone makes an analysis machine)
  --exit-when-idle     stop once no job is queued or running anywhere
  --job-timeout SECS   a job active longer counts as crashed and is retried
                       (default 15m; accepts 90, 30s, 5m, 1h)
  -v, --verbose        a line on stderr as each job starts and ends
  -q, --quiet          print nothing on stderr but failures
  -h, --help           show this help

Examples:
  parallax worker --db postgres://parallax@db/news --concurrency 4
  DATABASE_URL=postgres://parallax@db/news parallax worker --jobs story
  parallax worker --db ./newsroom --exit-when-idle

${EXIT_CODES_HELP}`;

const OPTIONS = {
  db: { type: 'string' },
  concurrency: { type: 'string' },
  jobs: { type: 'string' },
  'exit-when-idle': { type: 'boolean' },
  'job-timeout': { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(args: string[]) {
  return parseCommandArgs({ args, options: OPTIONS, allowPositionals: false, strict: true });
}

function parseKinds(value: string | undefined): JobKind[] | undefined {
  if (value === undefined) return undefined;
  const kinds = value.split(',').map((k) => k.trim());
  for (const kind of kinds) {
    if (!(JOB_KINDS as readonly string[]).includes(kind)) {
      throw new UsageError(
        `Expected --jobs among ${JOB_KINDS.join(', ')} (comma-separated), got '${kind}'`,
      );
    }
  }
  return kinds as JobKind[];
}

function describe(detail: unknown): string {
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

/** `parallax worker`: do the queued jobs of a store until stopped. */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'Do queued jobs: extract, group and analyse (any number, any machine)',
  help: HELP,
  async run(args, io) {
    const { values } = parse(args);
    if (values.help) {
      await writeToStream(io.stdout, `${HELP}\n`);
      return ExitCode.ok;
    }
    const concurrency = parseConcurrency(values.concurrency);
    const kinds = parseKinds(values.jobs);
    const quiet = values.quiet ?? false;
    const jobs = await openJobs(values.db, io.env, io.cwd, {
      ...parseJobTimeout(values['job-timeout']),
      // One connection per slot, and two for fetching and supervision.
      poolSize: concurrency + 2,
      onError: (error) => {
        if (!quiet) io.stderr.write(`parallax worker: queue: ${error.message}\n`);
      },
    });
    const { store, queue } = jobs;
    const where = store.connection.kind === 'pglite' ? store.connection.folder : 'PostgreSQL';
    if (!quiet) io.stderr.write(`Worker ${process.pid} on ${where}, ${concurrency} at once.\n`);
    const worker = startWorker(
      { store, queue },
      {
        concurrency,
        ...(kinds ? { kinds } : {}),
        exitWhenIdle: values['exit-when-idle'] ?? false,
        onError: (error) => io.stderr.write(`parallax worker: ${error.message}\n`),
        onStart: (job) => {
          if (values.verbose) io.stderr.write(`${job.kind} job ${job.id} started\n`);
        },
        onJob: (event) => {
          if (event.ok && !values.verbose) return;
          const what = event.ok ? 'done' : 'failed';
          io.stderr.write(
            `${event.kind} job ${event.id} ${what} in ${Math.round(event.ms)} ms: ${describe(event.detail)}\n`,
          );
        },
      },
    );
    const stop = () => {
      if (!quiet) io.stderr.write('Stopping after the running jobs...\n');
      void worker.stop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await worker.finished;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await jobs.close();
    }
    if (!quiet) {
      const c = worker.counts();
      const line = JOB_KINDS.map((k) => `${k} ${c[k].done} done, ${c[k].failed} failed`).join('; ');
      io.stderr.write(`Worker stopped: ${line}.\n`);
    }
    return ExitCode.ok;
  },
};
