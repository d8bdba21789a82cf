import { fromPglite, PgBoss } from 'pg-boss';
import type { StoreConnection } from '../store/store.ts';
import {
  JOB_KINDS,
  type JobKind,
  type JobPayloads,
  kindOfQueue,
  QUEUE_NAMES,
} from './job-kinds.ts';
import { ensureJobTables } from './job-tables.ts';
import {
  ANALYSIS_DEBOUNCE_SECONDS,
  JOB_TIMEOUT_SECONDS,
  RETRY_DELAY_SECONDS,
  RETRY_LIMIT,
  SUPERVISE_SECONDS,
} from './limits.ts';

/** How a job queue retries, expires and debounces; each defaults to its constant in limits.ts. */
export interface JobQueueOptions {
  /** Seconds a job may be active before it counts as crashed and is retried (default JOB_TIMEOUT_SECONDS). */
  jobTimeoutSeconds?: number;
  /** Attempts after the first (default RETRY_LIMIT). */
  retryLimit?: number;
  /** Seconds before the first retry, doubled each time (default RETRY_DELAY_SECONDS). */
  retryDelaySeconds?: number;
  /** Seconds a changed story waits for more changes before its analysis (default ANALYSIS_DEBOUNCE_SECONDS). */
  debounceSeconds?: number;
  /**
   * Run pg-boss's supervision in this process: expiring jobs of crashed
   * workers, deleting old ones. Workers do (default true); a process that
   * only enqueues or lists can leave it to them.
   */
  supervise?: boolean;
  /** Seconds between supervision passes (default SUPERVISE_SECONDS). */
  superviseSeconds?: number;
  /** Connections of pg-boss's pool on PostgreSQL (default 4: a worker's slots plus supervision). */
  poolSize?: number;
  /** Called with errors pg-boss reports in the background (a lost connection); default: ignored. */
  onError?: (error: Error) => void;
}

/** A job taken from the queue, now active for the caller. */
export interface ActiveJob<K extends JobKind = JobKind> {
  id: string;
  kind: K;
  data: JobPayloads[K];
}

/** How many jobs of one kind are in each state. */
export interface QueueStatus {
  kind: JobKind;
  queue: string;
  /** Waiting to run (including debounced analyses not due yet). */
  queued: number;
  /** Failed once or more and waiting for another attempt. */
  retry: number;
  active: number;
  completed: number;
  /** Failed for good: see `listFailedJobs`. */
  failed: number;
  cancelled: number;
}

/** One job that failed for good, with its last error. */
export interface FailedJob {
  id: string;
  kind: JobKind;
  /** What the job was about: the input's path or URL, an article id, a story id. */
  subject: string;
  /** The last error's message. */
  error: string;
  /** The last error's stack, when the worker sent one. */
  stack: string | null;
  /** Attempts made (the first and every retry). */
  attempts: number;
  /** The ingest run it belonged to, when known. */
  ingestId: string | null;
  createdAt: string;
  failedAt: string | null;
  data: unknown;
}

/** A statement runner on the queue's database (pg-boss's own pool, or the shared PGlite). */
export type Sql = <R = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<R[]>;

/**
 * parallax's jobs on a PostgreSQL-backed queue (pg-boss): `read`, `article`
 * and `story` jobs with retries, expiry of crashed workers' jobs and one
 * waiting analysis per story. On PGlite the same pg-boss runs on the
 * store's one in-process connection.
 */
export interface JobQueue {
  readonly connection: StoreConnection;
  /** Queue jobs of one kind; resolves to how many were queued. */
  send<K extends JobKind>(kind: K, payloads: readonly JobPayloads[K][]): Promise<number>;
  /**
   * Queue a story's analysis unless one is already waiting (debounced: it
   * runs `debounceSeconds` from now, with the story's members as they are
   * then). Resolves to whether a new job was queued.
   */
  sendStory(storyId: string): Promise<boolean>;
  /** Take the next due job of a kind, or null when none is waiting. */
  fetch<K extends JobKind>(kind: K): Promise<ActiveJob<K> | null>;
  /** Mark an active job done. */
  complete(job: ActiveJob, output?: object): Promise<void>;
  /** Mark an active job failed: retried while attempts remain, then kept in the failed list. */
  fail(job: ActiveJob, error: unknown): Promise<void>;
  /** Jobs queued, waiting for a retry or active, of the given kinds (default every kind). */
  pending(kinds?: readonly JobKind[]): Promise<number>;
  /** Counts per kind and state. */
  status(): Promise<QueueStatus[]>;
  /** Jobs that failed for good, newest first. */
  failed(limit: number): Promise<FailedJob[]>;
  /** Run SQL on the queue's database (parallax's job tables). */
  sql: Sql;
  /** Stop pg-boss (its supervision and pool); the store stays open. Safe to call twice. */
  stop(): Promise<void>;
}

function positive(name: string, value: number | undefined, fallback: number, zero = false) {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < (zero ? 0 : 1)) {
    throw new RangeError(
      `Expected ${name} to be a ${zero ? 'non-negative' : 'positive'} number, got ${value}`,
    );
  }
  return value;
}

function errorOutput(error: unknown): { message: string; stack?: string; name?: string } {
  if (error instanceof Error) {
    const out: { message: string; stack?: string; name?: string } = {
      message: error.message,
      name: error.name,
    };
    if (error.stack) out.stack = error.stack;
    return out;
  }
  return { message: String(error) };
}

/** The message and stack in a failed job's output (a worker's error, or pg-boss's own on expiry). */
function readError(output: unknown): { message: string; stack: string | null } {
  if (typeof output !== 'object' || output === null) {
    return { message: output == null ? 'failed without an error' : String(output), stack: null };
  }
  const o = output as Record<string, unknown>;
  if (typeof o.message === 'string') {
    return { message: o.message, stack: typeof o.stack === 'string' ? o.stack : null };
  }
  // pg-boss wraps what is not an Error's fields (its expiry note) in `value`.
  if ('value' in o) return readError(o.value);
  return { message: JSON.stringify(output), stack: null };
}

function subjectOf(kind: JobKind, data: unknown): { subject: string; ingestId: string | null } {
  const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const ingestId = typeof d.ingestId === 'string' ? d.ingestId : null;
  const field = kind === 'read' ? 'location' : kind === 'article' ? 'articleId' : 'storyId';
  const subject = typeof d[field] === 'string' ? (d[field] as string) : JSON.stringify(data);
  return { subject, ingestId };
}

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const QUEUE_LIST = JOB_KINDS.map((kind) => QUEUE_NAMES[kind]);

/**
 * Count rows per queue and state, and list failed jobs, straight from
 * pg-boss's job table (pg-boss documents its tables for use from SQL; its
 * API has no state filter for listing). Empty when pg-boss was never
 * installed in the database.
 */
export async function queueStatus(sql: Sql): Promise<QueueStatus[]> {
  const installed = await sql<{ t: string | null }>(`SELECT to_regclass('pgboss.job')::text AS t`);
  const rows =
    installed[0]?.t == null
      ? []
      : await sql<{ name: string; state: string; n: number }>(
          'SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) GROUP BY 1, 2',
          [QUEUE_LIST],
        );
  return JOB_KINDS.map((kind) => {
    const status: QueueStatus = {
      kind,
      queue: QUEUE_NAMES[kind],
      queued: 0,
      retry: 0,
      active: 0,
      completed: 0,
      failed: 0,
      cancelled: 0,
    };
    for (const row of rows) {
      if (row.name !== QUEUE_NAMES[kind]) continue;
      const n = Number(row.n);
      if (row.state === 'created') status.queued += n;
      else if (row.state === 'retry') status.retry += n;
      else if (row.state === 'active') status.active += n;
      else if (row.state === 'completed') status.completed += n;
      else if (row.state === 'failed') status.failed += n;
      else if (row.state === 'cancelled') status.cancelled += n;
    }
    return status;
  });
}

/** Jobs that failed for good, newest first (see `queueStatus` on reading pg-boss's table). */
export async function failedJobs(sql: Sql, limit: number): Promise<FailedJob[]> {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`Expected limit to be a positive integer, got ${limit}`);
  }
  const installed = await sql<{ t: string | null }>(`SELECT to_regclass('pgboss.job')::text AS t`);
  if (installed[0]?.t == null) return [];
  const rows = await sql<{
    id: string;
    name: string;
    data: unknown;
    output: unknown;
    retry_count: number;
    created_on: unknown;
    completed_on: unknown;
  }>(
    `SELECT id::text AS id, name, data, output, retry_count, created_on, completed_on
       FROM pgboss.job
      WHERE name = ANY($1) AND state = 'failed'
      ORDER BY completed_on DESC NULLS LAST, id
      LIMIT $2`,
    [QUEUE_LIST, limit],
  );
  return rows.flatMap((row) => {
    const kind = kindOfQueue(row.name);
    if (kind === undefined) return [];
    const { message, stack } = readError(row.output);
    return [
      {
        id: row.id,
        kind,
        ...subjectOf(kind, row.data),
        error: message,
        stack,
        attempts: Number(row.retry_count) + 1,
        createdAt: iso(row.created_on) ?? '',
        failedAt: iso(row.completed_on),
        data: row.data,
      },
    ];
  });
}

/** PGlite instances this process has opened a queue on. */
const opened = new WeakSet<object>();

/**
 * An embedded store has one process at a time, so a job still active when
 * it is opened was left by a process that died (a Ctrl-C during `parallax
 * ingest`): fail it now, which retries it, instead of waiting out the job
 * timeout.
 */
async function retryOrphans(boss: PgBoss): Promise<void> {
  // (Only on the first queue this process opens on an instance: see `opened`.)
  const rows = (
    await boss
      .getDb()
      .executeSql(
        `SELECT id::text AS id, name FROM pgboss.job WHERE state = 'active' AND name = ANY($1)`,
        [QUEUE_LIST],
      )
  ).rows as Array<{ id: string; name: string }>;
  for (const row of rows) {
    await boss.fail(row.name, row.id, {
      message: 'The process running this job stopped before it ended (embedded store reopened).',
    });
  }
}

/**
 * Open the job queue on a store's database: pg-boss on the PostgreSQL
 * server (its own small pool), or on the store's PGlite instance (pg-boss's
 * `fromPglite` adapter: same SQL, same process). Installs pg-boss's schema
 * and parallax's job tables when missing, and creates the three queues.
 *
 * @example
 * const queue = await openJobQueue(store.connection);
 * await queue.send('read', [{ ingestId, location: url, url }]);
 */
export async function openJobQueue(
  connection: StoreConnection,
  options: JobQueueOptions = {},
): Promise<JobQueue> {
  if (typeof connection !== 'object' || connection === null || !('kind' in connection)) {
    throw new TypeError('Expected a StoreConnection (store.connection), got something else');
  }
  const timeout = Math.round(
    positive('jobTimeoutSeconds', options.jobTimeoutSeconds, JOB_TIMEOUT_SECONDS),
  );
  const retryLimit = Math.round(positive('retryLimit', options.retryLimit, RETRY_LIMIT, true));
  const retryDelay = Math.round(
    positive('retryDelaySeconds', options.retryDelaySeconds, RETRY_DELAY_SECONDS, true),
  );
  const debounce = positive(
    'debounceSeconds',
    options.debounceSeconds,
    ANALYSIS_DEBOUNCE_SECONDS,
    true,
  );
  const supervise = options.supervise ?? true;
  const superviseSeconds = Math.round(
    positive('superviseSeconds', options.superviseSeconds, SUPERVISE_SECONDS),
  );
  const common = {
    schedule: false,
    supervise,
    superviseIntervalSeconds: superviseSeconds,
    monitorIntervalSeconds: superviseSeconds,
    // pg-boss rebuilds bloated indexes with REINDEX CONCURRENTLY; not ours to run from a worker.
    reindex: false,
  } as const;
  const boss =
    connection.kind === 'pglite'
      ? new PgBoss({ ...common, db: fromPglite(connection.pglite), backend: 'pglite' })
      : new PgBoss({
          ...common,
          connectionString: connection.url,
          max: Math.round(positive('poolSize', options.poolSize, 4)),
        });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  const db = boss.getDb();
  const sql: Sql = async (text, values) =>
    (await db.executeSql(text, values as unknown[] | undefined)).rows;
  const jobOptions = {
    retryLimit,
    retryDelay,
    retryBackoff: retryDelay > 0,
    expireInSeconds: timeout,
  };
  try {
    const existing = new Set((await boss.getQueues(QUEUE_LIST)).map((q) => q.name));
    for (const kind of JOB_KINDS) {
      if (existing.has(QUEUE_NAMES[kind])) continue;
      // One waiting and one running analysis per story at most ('stately', keyed by story id).
      const policy = kind === 'story' ? 'stately' : 'standard';
      try {
        await boss.createQueue(QUEUE_NAMES[kind], { policy, ...jobOptions });
      } catch (error) {
        // Another process created it between our look and now.
        if (!(await boss.getQueue(QUEUE_NAMES[kind]))) throw error;
      }
    }
    await ensureJobTables(sql);
    // Once per PGlite instance: a second queue in this process may share it with a live worker.
    if (connection.kind === 'pglite' && !opened.has(connection.pglite)) {
      opened.add(connection.pglite);
      await retryOrphans(boss);
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw error;
  }

  let stopped = false;
  return {
    connection,
    sql,
    async send(kind, payloads) {
      if (payloads.length === 0) return 0;
      const ids = await boss.insert(
        QUEUE_NAMES[kind],
        payloads.map((data) => ({ data: data as object, ...jobOptions })),
        { returnId: true },
      );
      return ids?.length ?? payloads.length;
    },
    async sendStory(storyId) {
      if (typeof storyId !== 'string' || storyId === '') {
        throw new TypeError(`Expected a story id, got ${JSON.stringify(storyId)}`);
      }
      const id = await boss.send(
        QUEUE_NAMES.story,
        { storyId },
        { ...jobOptions, singletonKey: storyId, startAfter: debounce },
      );
      return id !== null;
    },
    async fetch(kind) {
      const [job] = await boss.fetch(QUEUE_NAMES[kind], { batchSize: 1 });
      if (job === undefined) return null;
      return { id: job.id, kind, data: job.data as JobPayloads[typeof kind] };
    },
    async complete(job, output) {
      await boss.complete(QUEUE_NAMES[job.kind], job.id, output ?? null);
    },
    async fail(job, error) {
      await boss.fail(QUEUE_NAMES[job.kind], job.id, errorOutput(error));
    },
    async pending(kinds = JOB_KINDS) {
      const rows = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) AND state IN ('created', 'retry', 'active')`,
        [kinds.map((kind) => QUEUE_NAMES[kind])],
      );
      return Number(rows[0]?.n ?? 0);
    },
    status: () => queueStatus(sql),
    failed: (limit) => failedJobs(sql, limit),
    async stop() {
      if (stopped) return;
      stopped = true;
      // `close` ends pg-boss's own pool; a PGlite instance belongs to the store and stays open.
      await boss.stop({ graceful: false, close: connection.kind === 'postgres', timeout: 5000 });
    },
  };
}
