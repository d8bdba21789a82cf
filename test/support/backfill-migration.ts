/**
 * A test-only schema migration for test/store-crash.test.ts, applied after
 * the product's (`openPgliteStore(folder, { migrations: [...MIGRATIONS,
 * BACKFILL_MIGRATION] })`): a column added to every article and backfilled,
 * made not null and indexed, as a real migration over a store with data
 * might be, with bulk work in between (200,000 rows written and indexed in
 * a scratch table, then dropped) so that the transaction dirties many
 * pages and lasts seconds before it commits: a kill lands inside it.
 */
import { MIGRATIONS, type Migration } from '../../src/store/index.ts';

/** The migration after the product's last one. */
export const BACKFILL_MIGRATION: Migration = {
  id: MIGRATIONS.length + 1,
  name: 'test-backfill',
  sql: `
alter table article add column body_chars integer;
update article set body_chars = length(data->>'text');
create table migration_scratch (n integer primary key, h text not null);
insert into migration_scratch select g, md5(g::text) from generate_series(1, 200000) g;
create index migration_scratch_h on migration_scratch (h);
drop table migration_scratch;
alter table article alter column body_chars set not null;
create index article_body_chars on article (body_chars);
`,
};
