import pg from 'pg';
import { migrate } from '../migrate.ts';
import type { Migration } from '../migrations/index.ts';
import type { QueryPort, TransactionPort } from '../query-port.ts';
import { createSqlStore } from '../sql-store.ts';
import type { Store } from '../store.ts';
import { StoreError, toStoreError } from '../store-error.ts';

/** Options of `openPostgresStore`. */
export interface PostgresStoreOptions {
  /** Connections in the pool; default 10. */
  maxConnections?: number;
  /** The schema migrations to apply on open (default MIGRATIONS; tests add their own after them). */
  migrations?: readonly Migration[];
}

/** Connections per store process: enough for a worker's parallel jobs and a server's requests. */
const DEFAULT_POOL_SIZE = 10;

/**
 * Open the store on a PostgreSQL server (a `postgres://` or
 * `postgresql://` URL) through a `pg` connection pool; the schema is
 * migrated on open (safe with many processes starting at once).
 *
 * @example
 * const store = await openPostgresStore('postgres://parallax@db.example/parallax');
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  if (typeof url !== 'string' || !/^postgres(ql)?:\/\//.test(url)) {
    throw new TypeError(`Expected a postgres:// or postgresql:// URL, got ${JSON.stringify(url)}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? DEFAULT_POOL_SIZE,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const port = postgresPort(pool);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    const cause = toStoreError(error, 'connecting');
    throw new StoreError(
      'store/unavailable',
      `Cannot connect to the store at ${redact(url)}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: cause instanceof StoreError ? error : cause },
    );
  }
  try {
    await migrate(port, options.migrations);
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
  return createSqlStore(port, { kind: 'postgres', url });
}

// SQLSTATE of a serialization failure or deadlock: the transaction may be retried.
const RETRY_STATES = new Set(['40001', '40P01']);
const TRANSACTION_ATTEMPTS = 3;

/** The query port over a `pg` pool: transactions check out one client. */
export function postgresPort(pool: pg.Pool): QueryPort {
  return {
    query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        const tx: TransactionPort = {
          query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
          exec: async (sql) => {
            await client.query(sql);
          },
        };
        let broken = false;
        try {
          await client.query('begin');
          const result = await fn(tx);
          await client.query('commit');
          return result;
        } catch (error) {
          try {
            await client.query('rollback');
          } catch {
            broken = true;
          }
          const state =
            typeof error === 'object' && error !== null && 'code' in error
              ? String(error.code)
              : '';
          if (RETRY_STATES.has(state) && attempt < TRANSACTION_ATTEMPTS) continue;
          throw error;
        } finally {
          client.release(broken);
        }
      }
    },
    close: () => pool.end(),
  };
}

/** A URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable URL)';
  }
}
