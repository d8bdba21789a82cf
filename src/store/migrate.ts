import { LOCK_NAMESPACE, MIGRATION_LOCK } from './locks.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';
import type { QueryPort } from './query-port.ts';
import { StoreError } from './store-error.ts';

/**
 * Apply the migrations not yet recorded in `schema_migrations`, each in its
 * own transaction. Safe when several processes migrate at once: each
 * transaction first takes a transaction-level advisory lock, so they run
 * one after another, and a process that waited sees the others' records
 * and skips what they applied. Returns the ids it applied (none when the
 * schema is current).
 */
export async function migrate(
  port: QueryPort,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  checkOrder(migrations);
  const applied: number[] = [];
  for (const migration of migrations) {
    try {
      const done = await port.transaction(async (tx) => {
        await tx.query('select pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK]);
        // Created under the lock: two processes creating it at once would collide.
        await tx.exec(`create table if not exists schema_migrations (
  id integer primary key,
  name text not null,
  applied_at timestamptz not null default now()
)`);
        const rows = await tx.query('select 1 from schema_migrations where id = $1', [
          migration.id,
        ]);
        if (rows.length > 0) return false;
        await tx.exec(migration.sql);
        await tx.query('insert into schema_migrations (id, name) values ($1, $2)', [
          migration.id,
          migration.name,
        ]);
        return true;
      });
      if (done) applied.push(migration.id);
    } catch (error) {
      if (error instanceof StoreError && error.code === 'store/unavailable') throw error;
      throw new StoreError(
        'store/migration',
        `Store migration ${migration.id} (${migration.name}) failed: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  return applied;
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.id !== i + 1) {
      throw new RangeError(`Expected migration ${i + 1} at position ${i}, got ${m.id} (${m.name})`);
    }
  });
}
