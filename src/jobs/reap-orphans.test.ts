import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import {
  createDatabase,
  findPostgresBin,
  POSTGRES_MISSING,
  startPostgres,
  type TestPostgres,
} from '../../test/support/postgres.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/store.ts';
import { type JobQueue, openJobQueue } from './job-queue.ts';
import { reapOrphans } from './reap-orphans.ts';
import { startWorker } from './worker.ts';

// The half-done states a killed enqueuer leaves, written directly (no kill,
// no sleeps): runs and input rows dated two hours back, past the grace.
const LONG_AGO = new Date(Date.now() - 2 * 3600 * 1000).toISOString();

interface Backend {
  name: string;
  skip: string | false;
  /** A fresh store location (a PGlite folder or a postgres:// URL). */
  fresh(): Promise<string>;
}

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
let server: Promise<TestPostgres> | undefined;
after(async () => {
  if (server !== undefined) await (await server).stop();
});

const backends: Backend[] = [
  {
    name: 'PGlite',
    skip: false,
    async fresh() {
      const folder = mkdtempSync(join(tmpdir(), 'parallax-reap-'));
      folders.push(folder);
      return folder;
    },
  },
  {
    name: 'PostgreSQL',
    skip: findPostgresBin() === null ? POSTGRES_MISSING : false,
    async fresh() {
      server ??= startPostgres();
      return createDatabase((await server).url);
    },
  },
];

/** An ingest run as an enqueuer killed after counting its inputs leaves it, with its stored bytes. */
async function orphanRun(store: Store, queue: JobQueue, id: string, inputs: number) {
  await store.beginIngest({ id, input: [`${id}/`], startedAt: LONG_AGO });
  await store.recordIngest(id, { counts: { inputs } });
  for (let n = 1; n <= inputs; n++) await storeInput(queue, `${id}:${n}`, LONG_AGO);
}

async function storeInput(queue: JobQueue, inputId: string, createdAt: string | null) {
  await queue.sql(
    `INSERT INTO parallax_job_input (id, location, content_type, bytes, created_at)
     VALUES ($1, $2, null, $3, coalesce($4::timestamptz, now()))`,
    [inputId, `${inputId}.html`, new TextEncoder().encode('<p>bytes</p>'), createdAt],
  );
}

/**
 * The store, with `getIngest` held after reading until `parties` calls have
 * read (or 2 s passed): puts several reapers' reads of a run before any
 * of them finishes it, the interleaving a claim must make harmless.
 */
function inLockstep(store: Store, parties: number): Store {
  let waiting: Array<() => void> = [];
  return new Proxy(store, {
    get(target, key) {
      if (key === 'getIngest') {
        return async (id: string) => {
          const record = await target.getIngest(id);
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length < parties) return void setTimeout(resolve, 2000);
            for (const release of waiting) release();
            waiting = [];
          });
          return record;
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

async function inputIds(queue: JobQueue): Promise<string[]> {
  const rows = await queue.sql<{ id: string }>('SELECT id FROM parallax_job_input ORDER BY id');
  return rows.map((row) => row.id);
}

for (const backend of backends) {
  describe(`reapOrphans on ${backend.name}`, { skip: backend.skip }, () => {
    const open = async () => {
      const store = await openStore(await backend.fresh(), {});
      const queue = await openJobQueue(store.connection, {
        supervise: false,
        retryLimit: 0,
        retryDelaySeconds: 0,
      });
      return {
        store,
        queue,
        close: async () => {
          await queue.stop();
          await store.close();
        },
      };
    };

    test('reapOrphans({store, queue}) finishes a run whose enqueuer died and deletes the bytes no job will read', async () => {
      const { store, queue, close } = await open();
      try {
        // Killed between counting two inputs and sending their jobs.
        await orphanRun(store, queue, 'killed', 2);
        // Its read job failed for good: the bytes go, the run stays open (the API shows it failed).
        await store.beginIngest({ id: 'failed', input: ['failed/'], startedAt: LONG_AGO });
        await store.recordIngest('failed', { counts: { inputs: 1, queued: 1 } });
        await storeInput(queue, 'failed:1', LONG_AGO);
        await queue.send('read', [
          { ingestId: 'failed', location: 'failed:1.html', inputId: 'failed:1' },
        ]);
        const job = await queue.fetch('read');
        assert.equal(job?.data.ingestId, 'failed');
        await queue.fail(job as NonNullable<typeof job>, new Error('poison input'));
        // Alive: its one read job is queued and will read its bytes.
        await store.beginIngest({ id: 'busy', input: ['busy/'], startedAt: LONG_AGO });
        await store.recordIngest('busy', { counts: { inputs: 1 } });
        await storeInput(queue, 'busy:1', LONG_AGO);
        await queue.send('read', [
          { ingestId: 'busy', location: 'busy:1.html', inputId: 'busy:1' },
        ]);
        // Within the grace period: an enqueuer still reading its next file.
        await store.beginIngest({ id: 'young', input: ['young/'] });
        await store.recordIngest('young', { counts: { inputs: 1 } });
        await storeInput(queue, 'young:1', null);

        assert.deepEqual(await reapOrphans({ store, queue }), { inputs: 3, ingests: 1 });
        assert.deepEqual(await inputIds(queue), ['busy:1', 'young:1']);
        const killed = await store.getIngest('killed');
        assert.notEqual(killed?.finishedAt, null);
        assert.equal(killed?.problems.length, 1);
        assert.equal(killed?.problems[0]?.code, 'jobs/abandoned-run');
        assert.match(killed?.problems[0]?.message ?? '', /2 of 2 inputs counted were never read/);
        for (const id of ['busy', 'young', 'failed']) {
          assert.equal((await store.getIngest(id))?.finishedAt, null, `${id} stays open`);
        }

        // Idempotent: a second pass finds nothing and adds no second problem.
        assert.deepEqual(await reapOrphans({ store, queue }), { inputs: 0, ingests: 0 });
        assert.equal((await store.getIngest('killed'))?.problems.length, 1);
        // With no grace at all, the young run is reaped too (what the grace alone protected).
        assert.deepEqual(await reapOrphans({ store, queue }, { graceSeconds: 0 }), {
          inputs: 1,
          ingests: 1,
        });
      } finally {
        await close();
      }
    });

    test('reapOrphans run by several workers at once finishes an abandoned run once', async () => {
      const { store, queue, close } = await open();
      try {
        await orphanRun(store, queue, 'a', 2);
        const shared = inLockstep(store, 3);
        const passes = await Promise.all(
          [1, 2, 3].map(() => reapOrphans({ store: shared, queue })),
        );
        assert.equal(
          passes.reduce((sum, p) => sum + p.ingests, 0),
          1,
        );
        assert.equal(
          passes.reduce((sum, p) => sum + p.inputs, 0),
          2,
        );
        const record = await store.getIngest('a');
        assert.notEqual(record?.finishedAt, null);
        assert.equal(record?.problems.length, 1, 'one problem, not one per reaper');
        assert.deepEqual(
          await queue.sql('SELECT * FROM parallax_ingest_reap'),
          [],
          'no claim left',
        );
      } finally {
        await close();
      }
    });

    test('startWorker(context) reaps what a killed enqueuer left when it starts', async () => {
      const { store, queue, close } = await open();
      try {
        await orphanRun(store, queue, 'killed', 3);
        const worker = startWorker({ store, queue }, { exitWhenIdle: true, idlePollMs: 20 });
        await worker.finished;
        assert.notEqual((await store.getIngest('killed'))?.finishedAt, null);
        assert.deepEqual(await inputIds(queue), []);
      } finally {
        await close();
      }
    });
  });
}
