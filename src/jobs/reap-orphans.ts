import type { Problem } from '../model/index.ts';
import type { IngestRecord, Store } from '../store/store.ts';
import { ingestComplete } from './finish-ingest.ts';
import { QUEUE_NAMES } from './job-kinds.ts';
import type { JobQueue } from './job-queue.ts';
import { REAP_GRACE_SECONDS, REAP_SCAN } from './limits.ts';

/** Options of `reapOrphans`. */
export interface ReapOptions {
  /** Seconds without a sign of life before a run or an input counts as abandoned (default REAP_GRACE_SECONDS). */
  graceSeconds?: number;
  /** Ingest runs and input rows looked at by one pass (default REAP_SCAN). */
  limit?: number;
}

/** What one `reapOrphans` pass did. */
export interface ReapResult {
  /** Input rows deleted: bytes no live read job will read. */
  inputs: number;
  /** Ingest runs marked finished, each with a problem saying what was never read. */
  ingests: number;
}

/** Seconds a worker's claim on a run it is finishing holds before another may take it over (it died). */
const CLAIM_SECONDS = 5 * 60;

/** pg-boss's states of a job that may still run. */
const LIVE = `('created', 'retry', 'active')`;

function whole(name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`Expected ${name} to be an integer of at least ${min}, got ${value}`);
  }
  return value;
}

function time(value: unknown): number {
  return (value instanceof Date ? value : new Date(String(value))).getTime();
}

/** The problem recorded on a run finished by the reaper: what its counts say was never read. */
function abandoned(record: IngestRecord, graceSeconds: number): Problem {
  const c = record.counts;
  const unread = Math.max(0, (c.inputs ?? 0) - (c.read ?? 0));
  const ungrouped = Math.max(0, (c.articles ?? 0) - (c.grouped ?? 0));
  const what = [
    (c.queued ?? 0) < 1 ? 'the process queuing it stopped before it had queued every input' : '',
    unread > 0 ? `${unread} of ${c.inputs ?? 0} inputs counted were never read` : '',
    ungrouped > 0 ? `${ungrouped} articles were never grouped` : '',
  ].filter((part) => part !== '');
  return {
    code: 'jobs/abandoned-run',
    message: `This ingest run was left unfinished (${what.join('; ') || 'its jobs are gone'}) and was closed after ${graceSeconds} s without activity. Run the same ingest again to add what is missing: articles already stored are kept once.`,
    source: record.input.length === 1 ? (record.input[0] as string) : `ingest ${record.id}`,
    severity: 'error',
  };
}

/**
 * Clean up after processes killed part way (a Ctrl-C'd `parallax ingest`,
 * an OOM-killed server): delete input bytes (`parallax_job_input`) older
 * than the grace period that no queued, retrying or active read job will
 * read, and mark finished, with a `jobs/abandoned-run` problem, each
 * unfinished ingest run with no live job, no failed job (the API shows
 * those runs as failed) and no sign of life (a job or input stored) within
 * the grace period. Bounded (`limit`), idempotent, and safe with several
 * workers at once: a run is finished by the one that claims it. Workers
 * run it when they start and now and then when idle.
 *
 * @example
 * const { inputs, ingests } = await reapOrphans({ store, queue });
 */
export async function reapOrphans(
  target: { store: Store; queue: JobQueue },
  options: ReapOptions = {},
): Promise<ReapResult> {
  const grace = whole('graceSeconds', options.graceSeconds, REAP_GRACE_SECONDS, 0);
  const limit = whole('limit', options.limit, REAP_SCAN, 1);
  const { store, queue } = target;
  const read = QUEUE_NAMES.read;
  // The database's clock throughout: workers on other machines may disagree with this one's.
  const [clock] = await queue.sql<{ cutoff: unknown }>(
    'SELECT now() - make_interval(secs => $1) AS cutoff',
    [grace],
  );
  const cutoff = time(clock?.cutoff);
  const deleted = await queue.sql(
    `DELETE FROM parallax_job_input i
      WHERE i.id IN (SELECT id FROM parallax_job_input
                      WHERE created_at < now() - make_interval(secs => $1)
                      ORDER BY created_at LIMIT $2)
        AND NOT EXISTS (SELECT 1 FROM pgboss.job j
                         WHERE j.name = $3 AND j.state IN ${LIVE}
                           AND j.data->>'inputId' = i.id)
      RETURNING i.id`,
    [grace, limit, read],
  );

  const candidates: string[] = [];
  let cursor: string | null = null;
  for (let seen = 0; seen < limit; ) {
    const page = await store.listIngests({ limit: 200, ...(cursor ? { cursor } : {}) });
    for (const record of page.items) {
      if (record.finishedAt === null && time(record.startedAt) < cutoff) {
        candidates.push(record.id);
      }
    }
    seen += page.items.length;
    cursor = page.next;
    if (cursor === null) break;
  }
  let ingests = 0;
  if (candidates.length > 0) {
    // One pass over the run's jobs (no index on the payload's ingestId): only for candidates, which are rare.
    const jobs = await queue.sql<{ id: string; live: number; failed: number; last: unknown }>(
      `SELECT data->>'ingestId' AS id,
              count(*) FILTER (WHERE state IN ${LIVE})::int AS live,
              count(*) FILTER (WHERE state = 'failed')::int AS failed,
              max(created_on) AS last
         FROM pgboss.job
        WHERE name = ANY($1) AND data->>'ingestId' = ANY($2)
        GROUP BY 1`,
      [[read, QUEUE_NAMES.article], candidates],
    );
    const inputs = await queue.sql<{ id: string; last: unknown }>(
      `SELECT c.id, max(i.created_at) AS last
         FROM unnest($1::text[]) AS c(id)
         JOIN parallax_job_input i ON starts_with(i.id, c.id || ':')
        GROUP BY 1`,
      [candidates],
    );
    const byRun = new Map(jobs.map((row) => [row.id, row]));
    const inputsByRun = new Map(inputs.map((row) => [row.id, row]));
    for (const id of candidates) {
      const job = byRun.get(id);
      if (job !== undefined && (Number(job.live) > 0 || Number(job.failed) > 0)) continue;
      if (job !== undefined && time(job.last) >= cutoff) continue;
      const input = inputsByRun.get(id);
      if (input !== undefined && time(input.last) >= cutoff) continue;
      if (await finishAbandoned(store, queue, id, grace)) ingests += 1;
    }
  }
  return { inputs: deleted.length, ingests };
}

/** Claim a run, and finish it if it is still open; resolves to whether this call finished it. */
async function finishAbandoned(
  store: Store,
  queue: JobQueue,
  id: string,
  graceSeconds: number,
): Promise<boolean> {
  const claimed = await queue.sql(
    `INSERT INTO parallax_ingest_reap (ingest_id) VALUES ($1)
     ON CONFLICT (ingest_id) DO UPDATE SET claimed_at = now()
       WHERE parallax_ingest_reap.claimed_at < now() - make_interval(secs => $2)
     RETURNING ingest_id`,
    [id, CLAIM_SECONDS],
  );
  if (claimed.length === 0) return false;
  try {
    // Read again under the claim: another worker may have finished it since the list was read.
    const record = await store.getIngest(id);
    if (record === null || record.finishedAt !== null) return false;
    await store.finishIngest(
      id,
      ingestComplete(record) ? {} : { problems: [abandoned(record, graceSeconds)] },
    );
    return true;
  } finally {
    await queue.sql('DELETE FROM parallax_ingest_reap WHERE ingest_id = $1', [id]);
  }
}
