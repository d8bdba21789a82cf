import type { Sql } from './job-queue.ts';

/**
 * parallax's own tables beside pg-boss's, in the same database:
 *
 * - `parallax_job_input`: the bytes of a file input until its read job is
 *   done. Workers may run on other machines than the one that named the
 *   file, so the bytes travel through the database; a table rather than
 *   the job payload because an input may be a 32 MiB WARC (more with --max-bytes) (a JSON payload
 *   would hold it as base64 in pg-boss's job row, a third larger, and in
 *   every listing of jobs).
 * - `parallax_feed`: what `parallax watch` remembers of each feed (its
 *   ETag and Last-Modified for conditional requests).
 * - `parallax_feed_item`: every feed item queued, by URL (or GUID), so an
 *   item is queued once however many polls and feeds carry it.
 * - `parallax_ingest_reap`: which worker is finishing an abandoned ingest
 *   run (`reapOrphans`), so that of several workers reaping at once one
 *   records the run's problem; a claim older than a few minutes (its
 *   worker died) may be taken over.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS parallax_job_input (
  id text PRIMARY KEY,
  location text NOT NULL,
  content_type text,
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS parallax_feed (
  url text PRIMARY KEY,
  etag text,
  last_modified text,
  checked_at timestamptz,
  changed_at timestamptz,
  items integer NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS parallax_feed_item (
  key text PRIMARY KEY,
  feed_url text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS parallax_ingest_reap (
  ingest_id text PRIMARY KEY,
  claimed_at timestamptz NOT NULL DEFAULT now()
);`;

/** The store's namespace of advisory locks ('prlx' as an int4; src/store/locks.ts), apart from pg-boss's one-bigint keys. */
const LOCK_NAMESPACE = 0x70726c78;

/** This module's key in that namespace (the store uses 1 and 2). */
const JOB_TABLES_LOCK = 100;

/**
 * Create parallax's job tables when missing. Workers starting together on
 * an empty database race on CREATE TABLE IF NOT EXISTS (two can both find
 * the name free), so the script runs under a transaction-scoped advisory
 * lock.
 */
export async function ensureJobTables(sql: Sql): Promise<void> {
  // No parameters: one multi-statement script, which PostgreSQL runs as one
  // implicit transaction (pg's simple protocol; PGlite's exec), so the lock
  // holds to its end and an error rolls all of it back.
  await sql(`SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${JOB_TABLES_LOCK});${SCHEMA}`);
}
