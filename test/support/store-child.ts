/**
 * A child process for test/store-crash.test.ts: open a store (a PGlite
 * folder or a postgres:// URL) through the public API, which makes it when
 * missing and migrates it, then print how many articles it holds and close
 * it. The test SIGKILLs it at random points while it opens.
 *
 *   node test/support/store-child.ts <folder or URL> [--backfill]
 *
 * Prints `opening` before opening, then `{"articles": 120}`. `--backfill`
 * applies BACKFILL_MIGRATION after the product's migrations.
 */
import {
  MIGRATIONS,
  openPgliteStore,
  openPostgresStore,
  storeLocation,
} from '../../src/store/index.ts';
import { BACKFILL_MIGRATION } from './backfill-migration.ts';

const [location, flag] = process.argv.slice(2);
if (location === undefined) throw new TypeError('Expected a folder or postgres:// URL, got none');
const migrations = flag === '--backfill' ? [...MIGRATIONS, BACKFILL_MIGRATION] : MIGRATIONS;
process.stdout.write('opening\n');
const where = storeLocation(location);
const store =
  where.kind === 'pglite'
    ? await openPgliteStore(where.folder, { migrations })
    : await openPostgresStore(where.url, { migrations, maxConnections: 2 });
try {
  process.stdout.write(`${JSON.stringify({ articles: (await store.counts()).articles })}\n`);
} finally {
  await store.close();
}
