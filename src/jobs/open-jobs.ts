import { openStore } from '../store/index.ts';
import type { Store } from '../store/store.ts';
import { type JobQueue, type JobQueueOptions, openJobQueue } from './job-queue.ts';

/** A store and the job queue on its database, closed together. */
export interface OpenJobs {
  store: Store;
  queue: JobQueue;
  /** Stop the queue, then close the store. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Open the store named by `db` (a PGlite folder or a postgres:// URL; else
 * `DATABASE_URL`, else `.parallax/`) and the job queue on the same
 * database: what `parallax ingest`, `worker`, `watch` and `jobs` start with.
 *
 * @example
 * const { store, queue, close } = await openJobs(values.db, io.env, io.cwd);
 */
export async function openJobs(
  db: string | undefined,
  env: Record<string, string | undefined>,
  cwd: string,
  options: JobQueueOptions = {},
): Promise<OpenJobs> {
  const store = await openStore(db, env, cwd);
  let queue: JobQueue;
  try {
    queue = await openJobQueue(store.connection, options);
  } catch (error) {
    await store.close();
    throw error;
  }
  let closed = false;
  return {
    store,
    queue,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await queue.stop();
      } finally {
        await store.close();
      }
    },
  };
}
