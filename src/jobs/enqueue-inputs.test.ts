import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/store.ts';
import { enqueueInputs, enqueueUrls } from './enqueue-inputs.ts';
import { type JobQueue, openJobQueue } from './job-queue.ts';

const folder = mkdtempSync(join(tmpdir(), 'parallax-enqueue-'));
const cwd = join(folder, 'cwd');
let store: Store;
let queue: JobQueue;
before(async () => {
  store = await openStore(join(folder, 'db'), {});
  queue = await openJobQueue(store.connection, { supervise: false });
  writeFileSync(join(folder, 'story.html'), '<h1>Local</h1><p>Not for the network.</p>');
});
after(async () => {
  await queue.stop();
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

async function storedInputs(): Promise<number> {
  const rows = await queue.sql<{ n: number }>('SELECT count(*)::int AS n FROM parallax_job_input');
  return Number(rows[0]?.n);
}

test('enqueueUrls(urls) refuses paths and other schemes, recording and reading nothing', async () => {
  const runs = (await store.listIngests()).items.length;
  for (const spec of [
    'story.html',
    join(folder, 'story.html'),
    '../story.html',
    `file://${join(folder, 'story.html')}`,
    '//example.org/a',
    'https:example.org/a',
    '-',
  ]) {
    await assert.rejects(
      enqueueUrls(['https://example.org/ok', spec], { store, queue }),
      (error: Error) => error instanceof RangeError && error.message.includes(JSON.stringify(spec)),
      spec,
    );
  }
  assert.equal((await store.listIngests()).items.length, runs, 'no ingest run recorded');
  assert.equal(await storedInputs(), 0, 'no file read into the database');
  assert.equal(await queue.pending(['read']), 0, 'no job queued');
});

test('enqueueUrls(urls) queues one fetch per distinct http(s) URL', async () => {
  const result = await enqueueUrls(
    ['https://example.org/a', 'http://example.org/b', 'https://example.org/a#again'],
    { store, queue },
  );
  assert.equal(result.inputs, 2);
  const jobs = [await queue.fetch('read'), await queue.fetch('read')];
  assert.deepEqual(jobs.map((job) => job?.data.url).sort(), [
    'http://example.org/b',
    'https://example.org/a',
  ]);
  assert.equal(
    jobs.every((job) => job?.data.inputId === undefined),
    true,
  );
  for (const job of jobs) await queue.complete(job as NonNullable<typeof job>);
  assert.equal(await storedInputs(), 0);
});

test('enqueueInputs(specs) reads the same path-like string from disk (what enqueueUrls guards against)', async () => {
  const result = await enqueueInputs(['../story.html'], { store, queue }, { cwd });
  assert.equal(result.inputs, 1);
  assert.equal(await storedInputs(), 1);
  const job = await queue.fetch('read');
  assert.ok(job?.data.inputId);
  await queue.complete(job);
  await queue.sql('DELETE FROM parallax_job_input');
});
