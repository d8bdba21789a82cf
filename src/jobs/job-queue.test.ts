import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { type JobQueue, openJobQueue } from './job-queue.ts';

// pg-boss on an in-memory PGlite: the queue's contract without a server.
let pglite: PGlite;
let queue: JobQueue;
before(async () => {
  pglite = new PGlite();
  queue = await openJobQueue(
    { kind: 'pglite', folder: 'memory://', pglite },
    { supervise: false, retryLimit: 1, retryDelaySeconds: 0, debounceSeconds: 0 },
  );
});
after(async () => {
  await queue.stop();
  await pglite.close();
});

test('queue.sendStory(id) keeps one waiting analysis per story, and runs one at a time per story', async () => {
  assert.equal(await queue.sendStory('s1'), true);
  assert.equal(await queue.sendStory('s1'), false, 'folded into the one waiting');
  assert.equal(await queue.sendStory('s2'), true);
  const first = await queue.fetch('story');
  const second = await queue.fetch('story');
  assert.deepEqual([first?.data.storyId, second?.data.storyId].sort(), ['s1', 's2']);
  const s1 = (first?.data.storyId === 's1' ? first : second) as NonNullable<typeof first>;
  // s1 changes while its analysis runs: a new one waits, and starts only after this one ends.
  assert.equal(await queue.sendStory('s1'), true);
  assert.equal(await queue.fetch('story'), null);
  await queue.complete(s1);
  const again = await queue.fetch('story');
  assert.equal(again?.data.storyId, 's1');
  await queue.complete(again as NonNullable<typeof again>);
  await queue.complete((first === s1 ? second : first) as NonNullable<typeof first>);
  assert.equal(await queue.pending(['story']), 0);
});

test('a job that fails on every attempt ends in the failed list with its last error and attempts', async () => {
  const sent = await queue.send('read', [
    {
      ingestId: 'run-1',
      location: 'https://example.org/broken',
      url: 'https://example.org/broken',
    },
  ]);
  assert.equal(sent, 1);
  for (const attempt of [1, 2]) {
    const job = await queue.fetch('read');
    assert.ok(job, `attempt ${attempt} is fetched`);
    assert.equal(job.data.location, 'https://example.org/broken');
    await queue.fail(job, new Error(`upstream answered 503 (attempt ${attempt})`));
  }
  assert.equal(await queue.fetch('read'), null, 'no attempt left');
  const failed = await queue.failed(10);
  assert.equal(failed.length, 1);
  assert.equal(failed[0]?.kind, 'read');
  assert.equal(failed[0]?.subject, 'https://example.org/broken');
  assert.equal(failed[0]?.ingestId, 'run-1');
  assert.equal(failed[0]?.attempts, 2);
  assert.equal(failed[0]?.error, 'upstream answered 503 (attempt 2)');
  assert.match(failed[0]?.stack ?? '', /job-queue\.test\.ts/);
  const status = await queue.status();
  assert.equal(status.find((s) => s.kind === 'read')?.failed, 1);
});

test('queue.pending(kinds) counts queued and active jobs of the given kinds only', async () => {
  await queue.send('article', [{ articleId: 'a1' }, { articleId: 'a2' }]);
  assert.equal(await queue.pending(['article']), 2);
  assert.equal(await queue.pending(['read', 'story']), 0);
  const job = await queue.fetch('article');
  assert.equal(await queue.pending(['article']), 2, 'an active job is pending too');
  await queue.complete(job as NonNullable<typeof job>);
  assert.equal(await queue.pending(), 1);
  const last = await queue.fetch('article');
  await queue.complete(last as NonNullable<typeof last>);
  assert.equal(await queue.pending(), 0);
});

test('opening the queue on an embedded store retries the jobs a dead process left active', async () => {
  await queue.send('article', [{ articleId: 'orphan' }]);
  const taken = await queue.fetch('article');
  assert.equal(taken?.data.articleId, 'orphan');
  assert.equal(await queue.fetch('article'), null, 'active, so not fetched again');
  // A second queue in this process leaves it alone: its worker may be alive.
  const second = await openJobQueue({ kind: 'pglite', folder: 'memory://', pglite });
  assert.equal(await second.fetch('article'), null);
  await second.stop();
  // The process that took it is gone; the next one to open the store finds it active.
  // A copy of the database as that process left it (PGlite's clone is a PGlite).
  const copy = (await pglite.clone()) as PGlite;
  const reopened = await openJobQueue(
    { kind: 'pglite', folder: 'memory://', pglite: copy },
    { supervise: false, retryLimit: 1, retryDelaySeconds: 0 },
  );
  try {
    const again = await reopened.fetch('article');
    assert.equal(again?.id, taken?.id, 'the same job, retried');
    await reopened.complete(again as NonNullable<typeof again>);
    assert.equal(await reopened.pending(), 0);
  } finally {
    await reopened.stop();
    await copy.close();
  }
});
