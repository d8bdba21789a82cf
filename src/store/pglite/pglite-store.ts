import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { migrate } from '../migrate.ts';
import type { QueryPort, TransactionPort } from '../query-port.ts';
import { createSqlStore } from '../sql-store.ts';
import type { Store } from '../store.ts';
import { StoreError } from '../store-error.ts';
import { lockFolder } from './folder-lock.ts';

/**
 * Open (creating when missing) the embedded store in a folder: PostgreSQL
 * compiled to WebAssembly, no server. One process at a time may open a
 * folder (PGlite is a single connection; a lock file in the folder makes a
 * second process fail with a clear StoreError); the schema is migrated on
 * open.
 *
 * @example
 * const store = await openPgliteStore('.parallax');
 */
export async function openPgliteStore(folder: string): Promise<Store> {
  if (typeof folder !== 'string' || folder === '') {
    throw new TypeError(`Expected a folder path, got ${JSON.stringify(folder)}`);
  }
  const path = resolve(folder);
  let db: PGlite;
  let unlock = () => {};
  try {
    mkdirSync(path, { recursive: true });
    unlock = lockFolder(path);
    db = await PGlite.create(path);
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
    await migrate(port);
  } catch (error) {
    await port.close().catch(() => {});
    throw error;
  }
  return createSqlStore(port, { kind: 'pglite', folder: path, pglite: db });
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
