import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  openJobs,
  type PollResult,
  parseDuration,
  parseOpml,
  startWorker,
  WATCH_INTERVAL_SECONDS,
  type Worker,
  watchFeeds,
} from '../jobs/index.ts';
import type { Problem } from '../model/index.ts';
import { colorEnabled, createColors } from './colors.ts';
import type { Command, CommandIO } from './command.ts';
import { EXIT_CODES_HELP, ExitCode, UsageError } from './exit-code.ts';
import { parseConcurrency, parseJobTimeout } from './ingest.ts';
import { writeToStream } from './output.ts';
import { parseCommandArgs } from './parse-command-args.ts';
import { problemLocation } from './problem-location.ts';

const HELP = `Usage: parallax watch [options] <feeds...>

Poll news feeds on a schedule and queue every new item for the workers:
the item's page when it links one, else its own text. Each poll is a
conditional request (the feed's ETag and Last-Modified are remembered in the
store), so an unchanged feed costs one short answer; an item is queued once,
by its link (or GUID), however many polls and feeds carry it.

With the embedded store (a folder) the jobs run in this process; with
PostgreSQL they are left to 'parallax worker' unless --work.

Stops on SIGINT or SIGTERM.

Feeds:
  RSS, Atom or JSON Feed URLs, and OPML files (a feed reader's subscription
  list: every outline with an xmlUrl).

Options:
  --db DB              the store: a folder (embedded PGlite) or a postgres:// URL
                       (default: $DATABASE_URL, else .parallax in this folder)
  --interval DURATION  time between polls of each feed (default ${WATCH_INTERVAL_SECONDS / 60}m;
                       accepts 90, 30s, 5m, 1h)
  --once               poll each feed once (and, run here, do its jobs), then exit
  --work               also do the jobs in this process (always, on an embedded store)
  --concurrency N      jobs at once when they run here (default 2)
  --job-timeout SECS   a job active longer counts as crashed and is retried
  --allow-private      allow feeds and pages on private, loopback and link-local
                       addresses
  --keep-all           take nothing out of article bodies
  -q, --quiet          print nothing on stderr but errors
  -h, --help           show this help

Examples:
  parallax watch https://example.org/news.rss --db ./newsroom --interval 10m
  parallax watch subscriptions.opml --db postgres://parallax@db/news

${EXIT_CODES_HELP}`;

const OPTIONS = {
  db: { type: 'string' },
  interval: { type: 'string' },
  once: { type: 'boolean' },
  work: { type: 'boolean' },
  concurrency: { type: 'string' },
  'job-timeout': { type: 'string' },
  'allow-private': { type: 'boolean' },
  'keep-all': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(args: string[]) {
  return parseCommandArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

/** The feed URLs named, OPML files opened; problems for what is neither. */
async function feedUrls(
  specs: string[],
  io: CommandIO,
): Promise<{ feeds: string[]; problems: Problem[] }> {
  const feeds: string[] = [];
  const problems: Problem[] = [];
  for (const spec of specs) {
    if (/^https?:\/\//i.test(spec)) {
      if (!feeds.includes(spec)) feeds.push(spec);
      continue;
    }
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, spec), 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      problems.push({
        code: 'watch/unreadable',
        message: `Could not read ${spec}: ${reason}. Name feed URLs or an OPML file.`,
        source: spec,
        severity: 'error',
      });
      continue;
    }
    const opml = parseOpml(text, spec);
    problems.push(...opml.problems);
    for (const feed of opml.feeds) if (!feeds.includes(feed)) feeds.push(feed);
  }
  return { feeds, problems };
}

/** `parallax watch <feeds...>`: poll feeds on a schedule and queue new items. */
export const watchCommand: Command = {
  name: 'watch',
  summary: 'Poll feeds on a schedule and queue new items (conditional requests, each item once)',
  help: HELP,
  async run(args, io) {
    const { values, positionals } = parse(args);
    if (values.help) {
      await writeToStream(io.stdout, `${HELP}\n`);
      return ExitCode.ok;
    }
    if (positionals.length === 0) {
      throw new UsageError('Expected at least one feed URL or OPML file, got none');
    }
    let interval = WATCH_INTERVAL_SECONDS;
    if (values.interval !== undefined) {
      const seconds = parseDuration(values.interval);
      if (seconds === undefined) {
        throw new UsageError(
          `Expected --interval to be a positive duration (90, 30s, 5m, 1h), got '${values.interval}'`,
        );
      }
      interval = seconds;
    }
    const concurrency = parseConcurrency(values.concurrency);
    const quiet = values.quiet ?? false;
    const c = createColors(colorEnabled(io, 'stderr'));
    const report = (p: Problem) => {
      const severity = p.severity === 'error' ? c.red('error') : c.yellow('warning');
      io.stderr.write(`${problemLocation(p)}: ${severity}: ${p.message} [${p.code}]\n`);
    };
    const { feeds, problems } = await feedUrls(positionals, io);
    for (const p of problems) report(p);
    if (feeds.length === 0) {
      io.stderr.write('parallax watch: no feed to watch\n');
      return ExitCode.nothingRead;
    }
    const jobs = await openJobs(values.db, io.env, io.cwd, parseJobTimeout(values['job-timeout']));
    const { store, queue } = jobs;
    const runHere = store.connection.kind === 'pglite' || values.work === true;
    const controller = new AbortController();
    let worker: Worker | undefined;
    const stop = () => {
      if (!quiet) io.stderr.write('Stopping...\n');
      controller.abort();
      void worker?.stop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let anyRead = false;
    try {
      if (runHere && !values.once) worker = startWorker({ store, queue }, { concurrency });
      if (!quiet) {
        io.stderr.write(
          `Watching ${feeds.length} feed${feeds.length === 1 ? '' : 's'}${values.once ? ' once' : ` every ${interval}s`}${runHere ? ', doing the jobs here' : ''}.\n`,
        );
      }
      await watchFeeds(
        feeds,
        { store, queue },
        {
          intervalSeconds: interval,
          once: values.once ?? false,
          signal: controller.signal,
          allowPrivate: values['allow-private'] ?? false,
          keepAll: values['keep-all'] ?? false,
          onPoll: (result: PollResult) => {
            if (result.status !== 'failed') anyRead = true;
            for (const p of result.problems) if (!quiet || p.severity === 'error') report(p);
            if (quiet || result.status === 'failed') return;
            const what =
              result.status === 'not-modified'
                ? 'not modified'
                : `${result.items} items, ${result.queued} new queued`;
            io.stderr.write(`${new Date().toISOString()} ${result.feed}: ${what}\n`);
          },
        },
      );
      if (runHere && values.once && !controller.signal.aborted) {
        worker = startWorker({ store, queue }, { concurrency, exitWhenIdle: true });
      }
      await worker?.finished;
      if (worker !== undefined && controller.signal.aborted) await worker.stop();
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await jobs.close();
    }
    return anyRead ? ExitCode.ok : ExitCode.nothingRead;
  },
};
