import { FAILED_LIST_LIMIT, jobStatus, listFailedJobs } from '../jobs/index.ts';
import { openStore } from '../store/index.ts';
import type { Command } from './command.ts';
import { EXIT_CODES_HELP, ExitCode, UsageError } from './exit-code.ts';
import { writeToStream } from './output.ts';
import { parseCommandArgs } from './parse-command-args.ts';

const HELP = `Usage: parallax jobs [options]

Show the job queue of a store: how many read, article and story jobs are
queued, retrying, running, done and failed. With --failed, list the jobs
that failed for good (every attempt used up) with what each was about and
its last error.

Options:
  --db DB              the store: a folder (embedded PGlite) or a postgres:// URL
                       (default: $DATABASE_URL, else .parallax in this folder)
  --failed             list the failed jobs, newest first
  --limit N            list at most N failed jobs (default ${FAILED_LIST_LIMIT})
  --format json        print JSON instead of a table
  -h, --help           show this help

Examples:
  parallax jobs --db postgres://parallax@db/news
  parallax jobs --failed --db ./newsroom --format json

${EXIT_CODES_HELP}`;

const OPTIONS = {
  db: { type: 'string' },
  failed: { type: 'boolean' },
  limit: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(args: string[]) {
  return parseCommandArgs({ args, options: OPTIONS, allowPositionals: false, strict: true });
}

function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join('  '),
    )
    .join('\n');
}

/** `parallax jobs [--failed]`: the job queue's counts, or its failed jobs. */
export const jobsCommand: Command = {
  name: 'jobs',
  summary: 'Show the job queue: counts per state, or the failed jobs and their errors',
  help: HELP,
  async run(args, io) {
    const { values } = parse(args);
    if (values.help) {
      await writeToStream(io.stdout, `${HELP}\n`);
      return ExitCode.ok;
    }
    if (values.format !== undefined && values.format !== 'json') {
      throw new UsageError(`Expected --format json, got '${values.format}'`);
    }
    const limit = values.limit === undefined ? FAILED_LIST_LIMIT : Number(values.limit);
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new UsageError(`Expected --limit to be a positive integer, got '${values.limit}'`);
    }
    const json = values.format === 'json';
    // Reading needs no pg-boss instance: the listing reads its table on the store's connection.
    const store = await openStore(values.db, io.env, io.cwd);
    try {
      if (values.failed) {
        const failed = await listFailedJobs(store, { limit });
        if (json) {
          await writeToStream(io.stdout, `${JSON.stringify(failed, null, 2)}\n`);
        } else if (failed.length === 0) {
          await writeToStream(io.stdout, 'No failed jobs.\n');
        } else {
          const lines = failed.map(
            (j) =>
              `${j.failedAt ?? '?'}  ${j.kind} ${j.subject}\n  job ${j.id}, ${j.attempts} attempt${j.attempts === 1 ? '' : 's'}${j.ingestId ? `, ingest ${j.ingestId}` : ''}\n  error: ${j.error}`,
          );
          await writeToStream(io.stdout, `${lines.join('\n')}\n`);
        }
        return ExitCode.ok;
      }
      const status = await jobStatus(store);
      if (json) {
        await writeToStream(io.stdout, `${JSON.stringify(status, null, 2)}\n`);
        return ExitCode.ok;
      }
      const rows = [
        ['jobs', 'queued', 'retry', 'active', 'done', 'failed'],
        ...status.map((s) => [
          s.kind,
          String(s.queued),
          String(s.retry),
          String(s.active),
          String(s.completed),
          String(s.failed),
        ]),
      ];
      await writeToStream(io.stdout, `${table(rows)}\n`);
      return ExitCode.ok;
    } finally {
      await store.close();
    }
  },
};
