import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pg from 'pg';
import {
  createDatabase,
  findPostgresBin,
  POSTGRES_MISSING,
  startPostgres,
  type TestPostgres,
} from '../../../test/support/postgres.ts';
import { storeContract } from '../store.case.ts';
import { StoreError } from '../store-error.ts';
import { openPostgresStore, postgresPort } from './postgres-store.ts';

const installed = findPostgresBin() !== null;
let server: TestPostgres | undefined;

if (installed) {
  before(async () => {
    server = await startPostgres();
  });
  after(() => server?.stop());

  storeContract('PostgreSQL', {
    concurrent: true,
    fresh: () => createDatabase((server as TestPostgres).url),
    async port(location) {
      return postgresPort(new pg.Pool({ connectionString: location, max: 2 }));
    },
  });

  test('openPostgresStore(url) rejects with store/unavailable when no server listens there', async () => {
    // Port 1 on localhost: nothing listens (and nothing leaves the machine).
    await assert.rejects(
      openPostgresStore('postgres://postgres@127.0.0.1:1/none'),
      (e: unknown) => e instanceof StoreError && e.code === 'store/unavailable',
    );
  });
} else {
  test('PostgreSQL store', { skip: POSTGRES_MISSING }, () => {});
}
