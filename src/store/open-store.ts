import { resolve } from 'node:path';
import { openPgliteStore } from './pglite/pglite-store.ts';
import { openPostgresStore } from './postgres/postgres-store.ts';
import type { Store } from './store.ts';
import { StoreError } from './store-error.ts';

/** The embedded store's folder when neither `--db` nor `DATABASE_URL` says otherwise. */
export const DEFAULT_STORE_FOLDER = '.parallax';

const POSTGRES_URL = /^postgres(ql)?:\/\//i;
const ANY_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Where a store lives: what `openStore` would open, without opening it. */
export function storeLocation(
  db: string | undefined,
  env: Record<string, string | undefined> = {},
  cwd: string = process.cwd(),
): { kind: 'pglite'; folder: string } | { kind: 'postgres'; url: string } {
  const given = db ?? (env.DATABASE_URL !== '' ? env.DATABASE_URL : undefined);
  if (given === undefined || given === '') {
    return { kind: 'pglite', folder: resolve(cwd, DEFAULT_STORE_FOLDER) };
  }
  if (POSTGRES_URL.test(given)) return { kind: 'postgres', url: given };
  if (ANY_URL.test(given)) {
    throw new StoreError(
      'store/bad-location',
      `Expected --db to be a folder or a postgres:// URL, got ${given.replace(/\/\/[^@/]*@/, '//***@')}`,
    );
  }
  return { kind: 'pglite', folder: resolve(cwd, given) };
}

/**
 * Open the store: `db` (the `--db` option) is a folder for the embedded
 * PGlite store or a `postgres://`/`postgresql://` URL for a PostgreSQL
 * server; without it `env.DATABASE_URL`, else `.parallax/` in `cwd`.
 * The schema is migrated on open.
 *
 * @example
 * const store = await openStore(values.db, io.env, io.cwd);
 */
export async function openStore(
  db?: string,
  env: Record<string, string | undefined> = {},
  cwd: string = process.cwd(),
): Promise<Store> {
  const location = storeLocation(db, env, cwd);
  return location.kind === 'postgres'
    ? openPostgresStore(location.url)
    : openPgliteStore(location.folder);
}
