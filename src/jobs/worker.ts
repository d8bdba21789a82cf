import { setTimeout as sleep } from 'node:timers/promises';
import { finishIngests } from './finish-ingest.ts';
import type { JobContext } from './job-context.ts';
import { JOB_KINDS, type JobKind } from './job-kinds.ts';
import type { ActiveJob } from './job-queue.ts';
import { IDLE_POLL_MS, REAP_INTERVAL_MS, WORKER_CONCURRENCY } from './limits.ts';
import { reapOrphans } from './reap-orphans.ts';
import { runArticleJob } from './run-article-job.ts';
import { runReadJob } from './run-read-job.ts';
import { runStoryJob } from './run-story-job.ts';

/** Options of `startWorker`. */
export interface WorkerOptions {
  /** Jobs run at once in this process (default WORKER_CONCURRENCY). */
  concurrency?: number;
  /** Which kinds of job this worker takes (default all three), e.g. `['story']` for a machine that only analyses. */
  kinds?: readonly JobKind[];
  /** Stop once no job of the kinds it takes is queued or active anywhere (default: run until `stop()`). */
  exitWhenIdle?: boolean;
  /** Milliseconds between asks when the queue is empty (default IDLE_POLL_MS). */
  idlePollMs?: number;
  /** Queue analyses of stories whose analysis is missing or stale when starting (default true). */
  reconcile?: boolean;
  /** Told of every job taken, before it runs. */
  onStart?: (job: { kind: JobKind; id: string }) => void;
  /** Told of every job done or failed (the CLI's log lines; tests). */
  onJob?: (event: WorkerEvent) => void;
  /** Told when the queue or store cannot be reached; the worker waits and asks again. */
  onError?: (error: Error) => void;
}

/** One job done or failed. */
export interface WorkerEvent {
  kind: JobKind;
  id: string;
  ok: boolean;
  /** The handler's result, or the error's message. */
  detail: unknown;
  ms: number;
}

/** Jobs done and failed per kind so far. */
export type WorkerCounts = Record<JobKind, { done: number; failed: number }>;

/** A running worker. */
export interface Worker {
  /** Resolves when the worker has stopped (after `stop()`, or once idle with `exitWhenIdle`). */
  readonly finished: Promise<void>;
  /** Stop taking jobs and wait for those running to end. */
  stop(): Promise<void>;
  counts(): WorkerCounts;
}

/** Stories queued for analysis by one reconciliation pass at most. */
const RECONCILE_LIMIT = 10_000;

async function runJob(job: ActiveJob, context: JobContext): Promise<unknown> {
  switch (job.kind) {
    case 'read':
      return runReadJob(job.data as ActiveJob<'read'>['data'], context);
    case 'article':
      return runArticleJob(job.data as ActiveJob<'article'>['data'], context);
    case 'story':
      return runStoryJob(job.data as ActiveJob<'story'>['data'], context);
  }
}

/**
 * Start a worker: `concurrency` loops that each take one job at a time
 * from the queue, preferring article jobs, then read jobs, then story
 * analyses (JOB_KINDS order), run it and mark it done or failed. A job that
 * throws is retried by the queue; one whose worker dies is retried after
 * the job timeout. Any number of workers may run against one database.
 *
 * @example
 * const worker = startWorker({ store, queue }, { concurrency: 2 });
 * process.on('SIGTERM', () => worker.stop());
 */
export function startWorker(context: JobContext, options: WorkerOptions = {}): Worker {
  const concurrency = options.concurrency ?? WORKER_CONCURRENCY;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`Expected concurrency to be a positive integer, got ${concurrency}`);
  }
  const kinds = JOB_KINDS.filter((k) => (options.kinds ?? JOB_KINDS).includes(k));
  if (kinds.length === 0) {
    throw new RangeError(
      `Expected kinds among ${JOB_KINDS.join(', ')}, got ${JSON.stringify(options.kinds)}`,
    );
  }
  const idlePollMs = options.idlePollMs ?? IDLE_POLL_MS;
  const counts = Object.fromEntries(
    JOB_KINDS.map((k) => [k, { done: 0, failed: 0 }]),
  ) as WorkerCounts;
  const stopping = new AbortController();
  let busy = 0;
  // Jobs done since ingest runs were last checked for completion; one slot checks at a time.
  let doneSinceCheck = 0;
  let checking: Promise<void> | null = null;
  const checkIngests = async () => {
    if (doneSinceCheck === 0) return;
    if (checking === null) {
      doneSinceCheck = 0;
      checking = finishIngests(context.store)
        .then(() => {})
        .finally(() => {
          checking = null;
        });
    }
    await checking;
  };
  // Orphans of killed enqueuers (reapOrphans): at start, then at most every REAP_INTERVAL_MS when idle.
  let reapedAt = Number.NEGATIVE_INFINITY;
  let reaping: Promise<void> | null = null;
  const reap = async () => {
    if (reaping === null && performance.now() - reapedAt >= REAP_INTERVAL_MS) {
      reapedAt = performance.now();
      reaping = reapOrphans(context)
        .then(() => {})
        .finally(() => {
          reaping = null;
        });
    }
    await reaping;
  };

  const next = async (): Promise<ActiveJob | null> => {
    for (const kind of kinds) {
      const job = await context.queue.fetch(kind);
      if (job !== null) return job;
    }
    return null;
  };

  const loop = async (): Promise<void> => {
    while (!stopping.signal.aborted) {
      let job: ActiveJob | null = null;
      try {
        job = await next();
        if (job === null) {
          await checkIngests();
          await reap();
          if (options.exitWhenIdle && busy === 0 && (await context.queue.pending(kinds)) === 0) {
            stopping.abort();
            break;
          }
        }
      } catch (error) {
        // The database is unreachable or failing: say so, wait, and ask again.
        options.onError?.(error instanceof Error ? error : new Error(String(error)));
      }
      if (job === null) {
        await sleep(idlePollMs, undefined, { signal: stopping.signal }).catch(() => {});
        continue;
      }
      busy += 1;
      options.onStart?.({ kind: job.kind, id: job.id });
      const started = performance.now();
      try {
        const detail = await runJob(job, context);
        await context.queue.complete(job, (detail ?? {}) as object);
        counts[job.kind].done += 1;
        options.onJob?.({
          kind: job.kind,
          id: job.id,
          ok: true,
          detail,
          ms: performance.now() - started,
        });
      } catch (error) {
        counts[job.kind].failed += 1;
        await context.queue.fail(job, error).catch(() => {});
        options.onJob?.({
          kind: job.kind,
          id: job.id,
          ok: false,
          detail: error instanceof Error ? error.message : String(error),
          ms: performance.now() - started,
        });
      } finally {
        busy -= 1;
        doneSinceCheck += 1;
      }
    }
  };

  const start = async (): Promise<void> => {
    try {
      await reap();
    } catch (error) {
      // Cleaning up is no reason not to work: the next idle pass tries again.
      options.onError?.(error instanceof Error ? error : new Error(String(error)));
    }
    if ((options.reconcile ?? true) && kinds.includes('story')) {
      for (const story of await context.store.staleStories(RECONCILE_LIMIT)) {
        await context.queue.sendStory(story.id);
      }
    }
    await Promise.all(Array.from({ length: concurrency }, loop));
  };
  const finished = start();
  return {
    finished,
    async stop() {
      stopping.abort();
      await finished;
    },
    counts: () => structuredClone(counts),
  };
}
