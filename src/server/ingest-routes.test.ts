import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { type Harness, startHarness } from './server-harness.case.ts';

let h: Harness;
const folder = mkdtempSync(join(tmpdir(), 'parallax-url-route-'));
const secret = join(folder, 'secret.html');
before(async () => {
  writeFileSync(secret, '<h1>Secret</h1><p>A file on the server.</p>');
  h = await startHarness({ worker: false, rateLimit: false });
});
after(async () => {
  await h?.close();
  rmSync(folder, { recursive: true, force: true });
});

test('POST /api/ingest/urls answers 400 to a path-like string and never reads it from disk', async () => {
  for (const spec of [secret, relative(tmpdir(), secret), `file://${secret}`, 'secret.html', '-']) {
    const reply = await fetch(new URL('/api/ingest/urls', h.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ urls: ['https://example.org/a', spec] }),
    });
    assert.equal(reply.status, 400, spec);
    await reply.body?.cancel();
  }
  assert.equal((await h.store.listIngests()).items.length, 0, 'no ingest run recorded');
  const rows = await h.queue.sql<{ n: number }>(
    'SELECT count(*)::int AS n FROM parallax_job_input',
  );
  assert.equal(Number(rows[0]?.n), 0, 'no file bytes stored');
  assert.equal(await h.queue.pending(['read']), 0, 'no job queued');
});

test('POST /api/ingest/urls queues a fetch of each http(s) URL and no file', async () => {
  const reply = await fetch(new URL('/api/ingest/urls', h.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ urls: ['https://example.org/a'] }),
  });
  assert.equal(reply.status, 202);
  const { job } = (await reply.json()) as { job: { id: string; counts: { inputs: number } } };
  assert.equal(job.counts.inputs, 1);
  const read = await h.queue.fetch('read');
  assert.equal(read?.data.url, 'https://example.org/a');
  assert.equal(read?.data.ingestId, job.id);
});
