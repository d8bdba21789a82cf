import type { IngestRecord, Store } from '../store/store.ts';

/**
 * The counts an ingest run's record keeps (summed by `recordIngest` from
 * the enqueuer and every worker):
 * - `inputs`: read jobs queued; `queued`: 1 once the enqueuer has queued them all;
 * - `read`: read jobs done; `sources`, `articles`, `created`: what they found;
 * - `grouped`: article jobs done.
 */
export const INGEST_COUNTS = [
  'inputs',
  'queued',
  'read',
  'sources',
  'articles',
  'created',
  'grouped',
] as const;

/** Ingest records looked at by one `finishIngests` pass, newest first (runs still open are recent ones). */
const OPEN_RUNS_SCANNED = 1000;

/** Whether a run's enqueuer has queued everything and every read and article job is done. */
export function ingestComplete(record: Pick<IngestRecord, 'counts'>): boolean {
  const c = record.counts;
  return (
    (c.queued ?? 0) >= 1 &&
    (c.read ?? 0) >= (c.inputs ?? 0) &&
    (c.grouped ?? 0) >= (c.articles ?? 0)
  );
}

/**
 * Mark an ingest run finished when it is complete (`ingestComplete`).
 * A job retried after a crash may count twice, which can only finish a run
 * early, never leave it open forever.
 */
export async function maybeFinishIngest(store: Store, ingestId: string): Promise<boolean> {
  const record = await store.getIngest(ingestId);
  if (record === null || record.finishedAt !== null || !ingestComplete(record)) return false;
  await store.finishIngest(ingestId);
  return true;
}

/**
 * Mark every complete ingest run finished. Workers call it when they find
 * the queue empty, rather than after every job: a run's record holds all
 * its problems, too much to read thousands of times; the list of runs
 * leaves them out. Resolves to how many runs it finished.
 */
export async function finishIngests(store: Store): Promise<number> {
  let finished = 0;
  let cursor: string | null = null;
  for (let seen = 0; seen < OPEN_RUNS_SCANNED; ) {
    const page = await store.listIngests({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const record of page.items) {
      if (record.finishedAt === null && ingestComplete(record)) {
        await store.finishIngest(record.id);
        finished += 1;
      }
    }
    seen += page.items.length;
    cursor = page.next;
    if (cursor === null) break;
  }
  return finished;
}
