import pg from 'pg';
import type { Store, StoreConnection } from '../store/store.ts';
import {
  type FailedJob,
  failedJobs,
  type JobQueue,
  type QueueStatus,
  queueStatus,
  type Sql,
} from './job-queue.ts';
import { FAILED_LIST_LIMIT } from './limits.ts';

/** Options of `listFailedJobs`. */
export interface FailedJobsOptions {
  /** At most this many, newest first (default FAILED_LIST_LIMIT). */
  limit?: number;
}

function isQueue(from: JobQueue | Store): from is JobQueue {
  return typeof (from as JobQueue).failed === 'function';
}

/**
 * Run `fn` with SQL on a store's database without starting pg-boss: the
 * shared PGlite connection, or one short-lived client of the server (a
 * listing for the CLI or an API request needs no pool).
 */
async function withSql<T>(connection: StoreConnection, fn: (sql: Sql) => Promise<T>): Promise<T> {
  if (connection.kind === 'pglite') {
    const { pglite } = connection;
    return fn(async (text, values) => (await pglite.query(text, values)).rows as never[]);
  }
  const client = new pg.Client({ connectionString: connection.url });
  await client.connect();
  try {
    return await fn(async (text, values) => (await client.query(text, values)).rows);
  } finally {
    await client.end();
  }
}

/**
 * Jobs that failed for good (their attempts used up), newest first, each
 * with what it was about (an input's path or URL, an article or story id)
 * and its last error. Takes an open `JobQueue`, or a `Store` (then reads
 * pg-boss's job table on the store's database without starting pg-boss).
 *
 * @example
 * for (const job of await listFailedJobs(store)) console.log(job.kind, job.subject, job.error);
 */
export async function listFailedJobs(
  from: JobQueue | Store,
  options: FailedJobsOptions = {},
): Promise<FailedJob[]> {
  const limit = options.limit ?? FAILED_LIST_LIMIT;
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`Expected limit to be a positive integer, got ${limit}`);
  }
  if (isQueue(from)) return from.failed(limit);
  return withSql(from.connection, (sql) => failedJobs(sql, limit));
}

/** How many jobs of each kind are queued, retrying, active, done and failed; from a `JobQueue` or a `Store`. */
export async function jobStatus(from: JobQueue | Store): Promise<QueueStatus[]> {
  if (isQueue(from)) return from.status();
  return withSql(from.connection, queueStatus);
}
