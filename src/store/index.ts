export { migrate } from './migrate.ts';
export { MIGRATIONS, type Migration } from './migrations/index.ts';
export { DEFAULT_STORE_FOLDER, openStore, storeLocation } from './open-store.ts';
export { openPgliteStore, type PgliteStoreOptions } from './pglite/pglite-store.ts';
export { openPostgresStore, type PostgresStoreOptions } from './postgres/postgres-store.ts';
export type { Queryable, QueryPort, TransactionPort } from './query-port.ts';
export type * from './store.ts';
export { StoreError, type StoreErrorCode } from './store-error.ts';
export { streamDecider } from './story-decision.ts';
