/**
 * Timing and retry policy of the job queue. Each is a named default that a
 * caller may override (`JobQueueOptions`, the CLI's flags); the reason for
 * each number is beside it.
 */

/**
 * Attempts after the first before a job ends in the failed list. A crashed
 * worker costs one attempt; a poison input (one that always throws) fails
 * three times in all and then stays failed with its error, instead of
 * occupying workers forever. pg-boss's own default is also 2.
 */
export const RETRY_LIMIT = 2;

/**
 * Seconds between attempts, doubled each time by pg-boss's backoff: a
 * transient failure (a site answering 503, a database failover) gets 10 s,
 * then 20 s, to clear.
 */
export const RETRY_DELAY_SECONDS = 10;

/**
 * Seconds a job may stay active before the queue counts its worker as dead
 * and retries it elsewhere. This is how a crashed (SIGKILLed, OOM-killed,
 * unplugged) worker loses nothing. The slowest job measured is a story
 * analysis: 2 to 8 s for a story of 10 to 20 full-length articles on a busy
 * 2-core machine (bench:scale), and a read job extracting a large WARC
 * takes about a minute per 5,000 records; 15 minutes (pg-boss's default)
 * leaves a wide margin, at the price of slow recovery. Tests pass a few
 * seconds with `--job-timeout`.
 */
export const JOB_TIMEOUT_SECONDS = 15 * 60;

/**
 * How often (seconds) each worker's pg-boss instance looks for expired jobs
 * and keeps its queue statistics. pg-boss checks every 60 s by default;
 * 10 s makes recovery after a crash take the job timeout plus at most 10 s,
 * and costs one small indexed query per queue per interval.
 */
export const SUPERVISE_SECONDS = 10;

/**
 * Seconds a story waits after its first change before its analysis runs.
 * Articles of one story arrive in bursts (a wire story reaches dozens of
 * outlets within minutes), and the analysis is the costliest job (see
 * JOB_TIMEOUT_SECONDS), so changes made while one is queued are folded into
 * it: the queue holds at most one waiting analysis per story.
 */
export const ANALYSIS_DEBOUNCE_SECONDS = 5;

/**
 * Milliseconds an idle worker waits before asking the queue again. Jobs
 * arrive in bursts; 250 ms is below a person's notice and costs each idle
 * worker four cheap indexed queries per second per queue.
 */
export const IDLE_POLL_MS = 250;

/** Default jobs a worker process runs at once (each one at a time per slot); see `parallax worker --concurrency`. */
export const WORKER_CONCURRENCY = 2;

/**
 * Cap on the bytes of one file input kept for a worker (in the
 * `parallax_job_input` table until its read job is done): the same cap as
 * reading a file for `analyze` (src/io's MAX_INPUT_BYTES, 32 MiB by default).
 */
export { MAX_INPUT_BYTES as MAX_JOB_INPUT_BYTES } from '../io/index.ts';

/**
 * How often `parallax watch` polls each feed, in seconds, by default. News
 * feeds update every few minutes; 5 minutes catches a story within the
 * hour that it spreads in, and with conditional requests an unchanged feed
 * costs one small 304 answer.
 */
export const WATCH_INTERVAL_SECONDS = 5 * 60;

/** Failed jobs listed at most, by default (`parallax jobs --failed`, the API). */
export const FAILED_LIST_LIMIT = 50;

/**
 * Seconds without any sign of life (a job queued, an input's bytes stored)
 * before `reapOrphans` counts an unfinished ingest run's enqueuer as dead
 * and deletes input bytes no live job will read. An enqueuer stores a
 * file's bytes as soon as it has read it and sends the jobs at most
 * ENQUEUE_FLUSH_MS later, so a live one shows a sign every file: the gap is
 * the time to read one file (32 MiB by default, seconds even on a slow
 * disk). An hour leaves room for a --max-bytes of gigabytes on a network
 * share; what waits longer is bytes nobody reads (killed `parallax ingest`).
 */
export const REAP_GRACE_SECONDS = 60 * 60;

/**
 * Milliseconds a worker waits between `reapOrphans` passes (it reaps when
 * it starts, then at most this often while idle). Orphans come only from
 * killed or failed enqueuers, and each pass reads up to REAP_SCAN runs, so
 * every ten minutes is plenty.
 */
export const REAP_INTERVAL_MS = 10 * 60 * 1000;

/**
 * Ingest runs (newest first) and input rows one `reapOrphans` pass looks at:
 * bounds a pass to a few small queries. An orphan is reaped on a later pass
 * as long as fewer runs than this start within one grace period.
 */
export const REAP_SCAN = 1000;

/**
 * Longest time (ms) an enqueuer keeps a file's bytes in the database before
 * sending its read job, even when the batch is not full: keeps bytes
 * without a job short-lived, which is what lets `reapOrphans` tell a dead
 * enqueuer (REAP_GRACE_SECONDS) from a slow one.
 */
export const ENQUEUE_FLUSH_MS = 10_000;
