import type { RawInput } from '../ingest/index.ts';
import type { FetchOptions } from '../io/index.ts';
import type { Store } from '../store/store.ts';
import type { JobQueue } from './job-queue.ts';

/** What a job handler works with: the store, the queue it sends follow-up jobs to, and the network. */
export interface JobContext {
  store: Store;
  queue: JobQueue;
  /** Replaces src/io's fetchUrl (tests, a caching layer). */
  fetch?: (url: string, options: FetchOptions) => Promise<RawInput>;
}
