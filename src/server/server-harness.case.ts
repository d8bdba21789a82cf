import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type JobQueue, openJobQueue, startWorker, type Worker } from '../jobs/index.ts';
import { openStore, type Store } from '../store/index.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import { type RunningServer, startServer } from './start-server.ts';

// A *.case.ts file (left out of the build): the real server the API and UI
// tests run, over a real store (a PGlite folder, or a PostgreSQL database
// when given its URL) with the real job queue and an in-process worker.

/** The repository root: the nearest folder above this file with a package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** The bundled example: five outlets' versions of one story. */
export const EXAMPLE_DIR = join(repoRoot(), 'examples', 'harbour-crane');

/** The example's file names, sorted. */
export function exampleFiles(): string[] {
  return readdirSync(EXAMPLE_DIR).sort();
}

/** A running server with what is behind it. */
export interface Harness {
  url: string;
  server: RunningServer;
  store: Store;
  queue: JobQueue;
  worker: Worker | null;
  /** Everything the server logged (500s). */
  logged: string[];
  /** Stop the server, worker, queue and store, and remove the PGlite folder. */
  close(): Promise<void>;
}

/** Options of `startHarness`. */
export interface HarnessOptions {
  /** A postgres:// URL; default a fresh PGlite folder. */
  db?: string;
  token?: string;
  /** Run an in-process worker (default true). */
  worker?: boolean;
  /** The server's rate limits (default: the server's defaults). */
  rateLimit?: RateLimitOptions | false;
}

/**
 * Start the server on 127.0.0.1, a free port, over a fresh store; the
 * queue analyses stories at once (no debounce) and does not retry, so
 * tests see results quickly.
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const folder = options.db === undefined ? mkdtempSync(join(tmpdir(), 'parallax-serve-')) : null;
  const store = await openStore(options.db ?? (folder as string), {});
  const queue = await openJobQueue(store.connection, {
    debounceSeconds: 0,
    retryLimit: 0,
    retryDelaySeconds: 0,
  });
  const worker =
    options.worker === false
      ? null
      : startWorker({ store, queue }, { concurrency: 1, idlePollMs: 50 });
  const logged: string[] = [];
  const server = await startServer({
    store,
    jobs: queue,
    port: 0,
    token: options.token ?? null,
    version: 'test',
    log: (message) => logged.push(message),
    ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
  });
  let closed = false;
  return {
    url: server.url,
    server,
    store,
    queue,
    worker,
    logged,
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      await worker?.stop();
      await queue.stop();
      await store.close();
      if (folder !== null) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/**
 * Call `probe` until it returns something (not null, undefined or false),
 * every `everyMs`, for at most `timeoutMs`; then fail saying what was
 * awaited.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 90_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
