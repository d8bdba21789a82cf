import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { storeContract } from '../store.case.ts';
import { StoreError } from '../store-error.ts';
import { LOCK_FILE } from './folder-lock.ts';
import { openPgliteStore, pglitePort } from './pglite-store.ts';

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
