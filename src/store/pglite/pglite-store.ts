import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { migrate } from '../migrate.ts';
import type { Migration } from '../migrations/index.ts';
import type { QueryPort, TransactionPort } from '../query-port.ts';
import { createSqlStore } from '../sql-store.ts';
import type { Store } from '../store.ts';
import { StoreError } from '../store-error.ts';
import { DURABLE_START_PARAMS, durableNodeFs, syncPath, syncTree } from './durable-node-fs.ts';
import { lockFolder } from './folder-lock.ts';

/**
 * In a store folder while its database is being made. PGlite makes a new
 * database in memory and then writes its files into the folder, PG_VERSION
 * before the configuration files: a process killed in between (a few
 * milliseconds) left a folder PGlite took for a database and could never
 * start. A folder holding this file was not finished: the next open makes
 * the database again.
 */
export const INIT_MARKER = 'parallax.init';

/** What PostgreSQL's initdb writes into a data folder: removed before making the database again. */
const CLUSTER_ENTRIES = [
  'PG_VERSION',
  'base',
  'global',
  'pg_commit_ts',
  'pg_dynshmem',
  'pg_logical',
  'pg_multixact',
  'pg_notify',
  'pg_replslot',
  'pg_serial',
  'pg_snapshots',
  'pg_stat',
  'pg_stat_tmp',
  'pg_subtrans',
  'pg_tblspc',
  'pg_twophase',
  'pg_wal',
  'pg_xact',
  'postgresql.conf',
  'postgresql.auto.conf',
  'pg_hba.conf',
  'pg_ident.conf',
  'postmaster.opts',
  'postmaster.pid',
];

/** Options of `openPgliteStore`. */
export interface PgliteStoreOptions {
  /** The schema migrations to apply on open (default MIGRATIONS; tests add their own after them). */
  migrations?: readonly Migration[];
}

/**
 * Open (creating when missing) the embedded store in a folder: PostgreSQL
 * compiled to WebAssembly, no server. One process at a time may open a
 * folder (PGlite is a single connection; a lock file in the folder makes a
 * second process fail with a clear StoreError); the schema is migrated on
 * open.
 *
 * Commits are durable: PostgreSQL runs with fsync on and every file it
 * syncs is synced on disk (durable-node-fs.ts), so a commit that returned
 * survives the process being killed and the machine losing power. A
 * process killed while the folder's database is first made leaves it to
 * be made again on the next open (INIT_MARKER).
 *
 * @example
 * const store = await openPgliteStore('.parallax');
 */
export async function openPgliteStore(
  folder: string,
  options: PgliteStoreOptions = {},
): Promise<Store> {
  if (typeof folder !== 'string' || folder === '') {
    throw new TypeError(`Expected a folder path, got ${JSON.stringify(folder)}`);
  }
  const path = resolve(folder);
  let db: PGlite;
  let unlock = () => {};
  try {
    mkdirSync(path, { recursive: true });
    unlock = lockFolder(path);
    db = await createOrResume(path);
  } catch (error) {
    unlock();
    if (error instanceof StoreError) throw error;
    throw new StoreError(
      'store/unavailable',
      `Cannot open the store folder ${path}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const port = pglitePort(db, unlock);
  try {
    await migrate(port, options.migrations);
  } catch (error) {
    await port.close().catch(() => {});
    throw error;
  }
  return createSqlStore(port, { kind: 'pglite', folder: path, pglite: db });
}

/**
 * Start PGlite on the folder's database, making it first when there is
 * none or when making it was cut short (INIT_MARKER): the marker is written
 * before any of the database's files and removed only once all of them are
 * on disk.
 */
async function createOrResume(path: string): Promise<PGlite> {
  const marker = join(path, INIT_MARKER);
  const make = existsSync(marker) || !existsSync(join(path, 'PG_VERSION'));
  if (make) {
    writeSynced(marker, String(process.pid));
    for (const name of CLUSTER_ENTRIES) rmSync(join(path, name), { recursive: true, force: true });
  }
  const db = await PGlite.create({
    fs: durableNodeFs(path),
    startParams: [...DURABLE_START_PARAMS],
  });
  if (make) {
    try {
      await syncTree(path);
      rmSync(marker);
      syncPath(path);
    } catch (error) {
      await db.close().catch(() => {});
      throw error;
    }
  }
  return db;
}

/** Write a small file and sync it and its folder to disk. */
function writeSynced(file: string, text: string): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  syncPath(resolve(file, '..'));
}

/**
 * The query port over one PGlite instance (its own mutex orders queries
 * and transactions); `onClose` runs after the instance is closed.
 */
export function pglitePort(db: PGlite, onClose: () => void = () => {}): QueryPort {
  const inside = (tx: Transaction): TransactionPort => ({
    query: async (sql, params) => (await tx.query(sql, params)).rows as never,
    exec: async (sql) => {
      await tx.exec(sql);
    },
  });
  return {
    query: async (sql, params) => (await db.query(sql, params)).rows as never,
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (fn) => db.transaction((tx) => fn(inside(tx))),
    close: async () => {
      try {
        if (!db.closed) await db.close();
      } finally {
        onClose();
      }
    },
  };
}
