import { readFileSync } from 'node:fs';
import { openJobs, startWorker, type Worker } from '../jobs/index.ts';
import {
  checkServerOptions,
  DEFAULT_HOST,
  DEFAULT_INPUT_BURST,
  DEFAULT_INPUTS_PER_MINUTE,
  DEFAULT_PORT,
  DEFAULT_WRITE_BURST,
  DEFAULT_WRITES_PER_MINUTE,
  MIN_TOKEN_LENGTH,
  startServer,
} from '../server/index.ts';
import type { Command } from './command.ts';
import { EXIT_CODES_HELP, ExitCode, UsageError } from './exit-code.ts';
import { parseJobTimeout } from './ingest.ts';
import { writeToStream } from './output.ts';
import { parseCommandArgs } from './parse-command-args.ts';

/** Jobs the server runs at once in its own process by default (`--workers`). */
const DEFAULT_WORKERS = 1;

const HELP = `Usage: parallax serve [options]

Serve the HTTP JSON API and the web UI over a store: stories (newest or
biggest, by outlet and date), each story's analysis and HTML report,
articles, text search, and ingest of uploaded files and URLs through the
job queue. The API is described at /openapi.json; the UI is at /.

By default the server listens on ${DEFAULT_HOST} only, and runs ${DEFAULT_WORKERS} job at a
time itself, so files and URLs added in the UI are read, grouped and
analysed with nothing else running. With PostgreSQL, more workers may run
anywhere ('parallax worker'); '--workers 0' leaves all jobs to them.

Reads are open. Listening beyond loopback needs a token for writes
(ingest): clients send 'Authorization: Bearer <token>'. Prefer the
PARALLAX_TOKEN variable to --token, which other users of the machine can see.
On loopback, requests must name a loopback host (127.0.0.1, localhost), which
stops web pages from reaching the server through DNS rebinding; behind a
proxy that passes its public Host on, listen on another address with a token.
Writes from another web origin are refused.

Writes are rate-limited per client (by address; clients sending the token
are counted together as one): a token bucket of write requests and one of
files or URLs queued. Past either, the server answers 429 with Retry-After.
Behind a proxy every client has the proxy's address: give clients the token,
or raise the rates.

Stops on SIGINT or SIGTERM.

Options:
  --db DB              the store: a postgres:// URL or a folder (embedded
                       PGlite) (default: $DATABASE_URL, else .parallax here)
  --host HOST          address to listen on (default ${DEFAULT_HOST})
  --port N             port to listen on, 0 for any free one (default ${DEFAULT_PORT})
  --token TOKEN        token required for writes, at least ${MIN_TOKEN_LENGTH} characters
                       (default: $PARALLAX_TOKEN; required off loopback)
  --workers N          jobs run at once in this process, 0 for none
                       (default ${DEFAULT_WORKERS})
  --job-timeout SECS   a job active longer counts as crashed and is retried
                       (default 15m; accepts 90, 30s, 5m, 1h)
  --write-rate N       write requests a client may send a minute, 0 for no
                       limit (default ${DEFAULT_WRITES_PER_MINUTE})
  --write-burst N      write requests a client may send at once
                       (default ${DEFAULT_WRITE_BURST})
  --ingest-rate N      files or URLs a client may queue a minute, 0 for no
                       limit (default ${DEFAULT_INPUTS_PER_MINUTE}: what one default server reads)
  --ingest-burst N     files or URLs a client may queue at once; a request
                       with more is refused (default ${DEFAULT_INPUT_BURST})
  -q, --quiet          print nothing on stderr but failures
  -h, --help           show this help

The first line on standard output is the server's URL.

Examples:
  parallax serve
  parallax serve --db ./newsroom --port 3000
  PARALLAX_TOKEN=... parallax serve --db postgres://parallax@db/news --host 0.0.0.0 --workers 0

${EXIT_CODES_HELP}`;

const OPTIONS = {
  db: { type: 'string' },
  host: { type: 'string' },
  port: { type: 'string' },
  token: { type: 'string' },
  workers: { type: 'string' },
  'job-timeout': { type: 'string' },
  'write-rate': { type: 'string' },
  'write-burst': { type: 'string' },
  'ingest-rate': { type: 'string' },
  'ingest-burst': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(args: string[]) {
  return parseCommandArgs({ args, options: OPTIONS, allowPositionals: false, strict: true });
}

function parseCount(
  name: string,
  value: string | undefined,
  fallback: number,
  max: number,
  min = 0,
) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > max || n < min) {
    throw new UsageError(
      `Expected --${name} to be a whole number from ${min} to ${max}, got '${value}'`,
    );
  }
  return n;
}

/** Most a rate or burst option takes: far past any real client, short of overflow. */
const MAX_RATE_OPTION = 1_000_000;

function parseRateLimit(values: ReturnType<typeof parse>['values']) {
  return {
    writesPerMinute: parseCount(
      'write-rate',
      values['write-rate'],
      DEFAULT_WRITES_PER_MINUTE,
      MAX_RATE_OPTION,
    ),
    writeBurst: parseCount(
      'write-burst',
      values['write-burst'],
      DEFAULT_WRITE_BURST,
      MAX_RATE_OPTION,
      1,
    ),
    inputsPerMinute: parseCount(
      'ingest-rate',
      values['ingest-rate'],
      DEFAULT_INPUTS_PER_MINUTE,
      MAX_RATE_OPTION,
    ),
    inputBurst: parseCount(
      'ingest-burst',
      values['ingest-burst'],
      DEFAULT_INPUT_BURST,
      MAX_RATE_OPTION,
      1,
    ),
  };
}

/** The package version (package.json two folders up, in src/ and dist/ alike). */
function packageVersion(): string {
  try {
    const json = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    return typeof json?.version === 'string' ? json.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** `parallax serve`: the HTTP API and web UI over a store, until stopped. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the HTTP API and the web UI over a store',
  help: HELP,
  async run(args, io) {
    const { values } = parse(args);
    if (values.help) {
      await writeToStream(io.stdout, `${HELP}\n`);
      return ExitCode.ok;
    }
    const host = values.host ?? DEFAULT_HOST;
    if (host.trim() === '') throw new UsageError("Expected --host to be an address, got ''");
    const port = parseCount('port', values.port, DEFAULT_PORT, 65535);
    const workers = parseCount('workers', values.workers, DEFAULT_WORKERS, 64);
    const rateLimit = parseRateLimit(values);
    const token = values.token ?? (io.env['PARALLAX_TOKEN'] || undefined) ?? null;
    try {
      checkServerOptions(host, token);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const quiet = values.quiet ?? false;
    const jobs = await openJobs(values.db, io.env, io.cwd, {
      ...parseJobTimeout(values['job-timeout']),
      supervise: workers > 0,
      onError: (error) => {
        if (!quiet) io.stderr.write(`parallax serve: queue: ${error.message}\n`);
      },
    });
    let worker: Worker | null = null;
    try {
      const { store, queue } = jobs;
      worker =
        workers > 0
          ? startWorker(
              { store, queue },
              {
                concurrency: workers,
                onJob: (event) => {
                  if (!event.ok && !quiet) {
                    io.stderr.write(
                      `${event.kind} job ${event.id} failed: ${String(event.detail)}\n`,
                    );
                  }
                },
              },
            )
          : null;
      const server = await startServer({
        store,
        jobs: queue,
        host,
        port,
        token,
        rateLimit,
        version: packageVersion(),
        log: (message) => io.stderr.write(`parallax serve: ${message}\n`),
      });
      await writeToStream(io.stdout, `${server.url}\n`);
      if (!quiet) {
        const where = store.connection.kind === 'pglite' ? store.connection.folder : 'PostgreSQL';
        if (workers === 0 && store.connection.kind === 'pglite') {
          io.stderr.write(
            'Note: no job runs here (--workers 0) and no other process can open an embedded store: ingest waits.\n',
          );
        }
        io.stderr.write(
          `Serving ${where} at ${server.url} (${workers} job(s) at once here${token === null ? '' : ', writes need the token'}).\n`,
        );
      }
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      if (!quiet) io.stderr.write('Stopping...\n');
      await server.close();
    } finally {
      await worker?.stop();
      await jobs.close();
    }
    return ExitCode.ok;
  },
};
