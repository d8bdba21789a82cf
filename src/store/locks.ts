/**
 * Advisory lock keys of the store, in the two-int4 form
 * `pg_advisory_xact_lock(namespace, key)` (a key space apart from the
 * one-bigint form pg-boss uses). All are transaction-level: released at
 * commit or rollback, never leaked by a crashed worker.
 */

/** 'prlx' as an int4: the namespace of every parallax lock. */
export const LOCK_NAMESPACE = 0x70726c78;

/** Held while migrating: migrations run one process at a time. */
export const MIGRATION_LOCK = 1;

/**
 * Held while a story assignment decides and writes (sql-stories.ts,
 * `assignStory`): the candidate lookup, the read of the candidates'
 * stories and the membership/merge writes see one consistent story map.
 * Indexing and prefetching happen before, without it, so the part that
 * runs one at a time is a few indexed queries and writes.
 */
export const STORY_LOCK = 2;

/** Namespace of per-URL locks (`hashtext(url)` is the key): versions of one URL are linked in order. */
export const URL_LOCK_NAMESPACE = 0x70726c79;
