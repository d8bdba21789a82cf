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
