import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs, { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { storeContract } from '../store.case.ts';
import { StoreError } from '../store-error.ts';
import { LOCK_FILE } from './folder-lock.ts';
import { INIT_MARKER, openPgliteStore, pglitePort } from './pglite-store.ts';

// Making a PGlite cluster costs seconds; each test copies a migrated template folder instead.
const root = mkdtempSync(join(tmpdir(), 'parallax-pglite-'));
after(() => rmSync(root, { recursive: true, force: true }));
let made: Promise<string> | undefined;
let count = 0;
const template = (): Promise<string> => {
  made ??= (async () => {
    const folder = join(root, 'template');
    await (await openPgliteStore(folder)).close();
    return folder;
  })();
  return made;
};

storeContract('PGlite', {
  concurrent: false,
  async fresh() {
    const folder = join(root, `db${++count}`);
    cpSync(await template(), folder, { recursive: true });
    return folder;
  },
  async port(location) {
    return pglitePort(await PGlite.create(location));
  },
});

test('openPgliteStore(folder) refuses a folder another live process has open, naming it', async () => {
  const folder = join(root, 'locked');
  mkdirSync(folder);
  // The parent process is alive and is not us.
  writeFileSync(join(folder, LOCK_FILE), String(process.ppid));
  await assert.rejects(
    openPgliteStore(folder),
    (e: unknown) =>
      e instanceof StoreError &&
      e.code === 'store/unavailable' &&
      e.message.includes(String(process.ppid)),
  );
});

test('openPgliteStore(folder) takes over a lock left by a process that is gone', async () => {
  const folder = join(root, 'stale');
  cpSync(await template(), folder, { recursive: true });
  const gone = spawnSync(process.execPath, ['-e', 'process.pid']).pid as number;
  writeFileSync(join(folder, LOCK_FILE), String(gone));
  const store = await openPgliteStore(folder);
  try {
    await assert.rejects(
      openPgliteStore(folder),
      (e: unknown) => e instanceof StoreError && e.code === 'store/unavailable',
    );
    assert.equal((await store.counts()).articles, 0);
  } finally {
    await store.close();
  }
  assert.equal(existsSync(join(folder, LOCK_FILE)), false);
});

test('openPgliteStore(folder) makes the database again when a process was killed while making it', async () => {
  const folder = join(root, 'cut-short');
  cpSync(await template(), folder, { recursive: true });
  // What a kill between PGlite writing PG_VERSION and the configuration files left: a
  // folder PGlite takes for a database and cannot start. The marker says it was not finished.
  writeFileSync(join(folder, INIT_MARKER), '12345');
  rmSync(join(folder, 'postgresql.conf'));
  rmSync(join(folder, 'pg_hba.conf'));
  const store = await openPgliteStore(folder);
  try {
    assert.equal((await store.counts()).articles, 0);
    assert.equal(existsSync(join(folder, INIT_MARKER)), false, 'the marker is gone once made');
    assert.equal(existsSync(join(folder, 'postgresql.conf')), true);
  } finally {
    await store.close();
  }
});

test('openPgliteStore(folder) syncs each commit to disk before it returns', async (t) => {
  const folder = join(root, 'durable');
  cpSync(await template(), folder, { recursive: true });
  const store = await openPgliteStore(folder);
  const original = fs.fsyncSync;
  let syncs = 0;
  fs.fsyncSync = (fd) => {
    syncs += 1;
    original(fd);
  };
  syncBuiltinESMExports();
  t.after(() => {
    fs.fsyncSync = original;
    syncBuiltinESMExports();
  });
  try {
    assert.equal(store.connection.kind, 'pglite');
    const { pglite } = store.connection as Extract<typeof store.connection, { kind: 'pglite' }>;
    const [settings] = (
      await pglite.query<{ fsync: string; method: string }>(
        "select current_setting('fsync') as fsync, current_setting('wal_sync_method') as method",
      )
    ).rows;
    assert.deepEqual(settings, { fsync: 'on', method: 'fsync' });
    syncs = 0;
    await store.beginIngest({ id: 'durable', input: ['a.txt'] });
    assert.ok(syncs >= 1, `the commit was synced (${syncs} fsync calls)`);
  } finally {
    await store.close();
  }
});
