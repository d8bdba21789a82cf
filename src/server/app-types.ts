import type { OpenAPIHono } from '@hono/zod-openapi';
import type { JobQueue } from '../jobs/index.ts';
import type { Store } from '../store/index.ts';

/** The hono app every route file registers on (its routes are described in /openapi.json). */
export type ServerApp = OpenAPIHono;

/** What the routes work with: the store, the job queue, and the write policy. */
export interface ServerContext {
  store: Store;
  /** The job queue ingest goes through; null serves reads only (ingest answers 503). */
  jobs: JobQueue | null;
  /** Token required for writes, or null when writes are open (loopback only). */
  token: string | null;
  /** parallax's version, for /api/info and /openapi.json. */
  version: string;
}
