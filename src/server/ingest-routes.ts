import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import {
  enqueueInputs,
  enqueueUrls,
  type FailedJob,
  type JobQueue,
  listFailedJobs,
} from '../jobs/index.ts';
import type { IngestRecord, Page } from '../store/index.ts';
import { ApiError } from './api-error.ts';
import type { ServerApp, ServerContext } from './app-types.ts';
import { chargeInputs } from './limit-writes.ts';
import {
  MAX_FILES_PER_REQUEST,
  MAX_JSON_BODY_BYTES,
  MAX_UPLOAD_BYTES,
  MAX_URLS_PER_REQUEST,
} from './limits.ts';
import type { RateLimiter } from './rate-limit.ts';
import { readUpload, type UploadedFile } from './read-upload.ts';
import { errors, json } from './responses.ts';
import { FileQuery, IdParams, PageQuery, UrlsBody } from './schemas.ts';

/**
 * Failed jobs looked at to tell which ingest runs failed. A run fails only
 * through a job of its own that failed for good, and the failed list is
 * newest first, so a run still being watched is near its top.
 */
const FAILED_SCAN = 200;

/** A failed job as the API shows it: no stack trace, no payload. */
export interface ApiFailedJob {
  id: string;
  kind: FailedJob['kind'];
  subject: string;
  error: string;
  attempts: number;
  ingestId: string | null;
  createdAt: string;
  failedAt: string | null;
}

/** An ingest run as the API shows it: one per POST, over all its files or URLs. */
export interface ApiJob extends IngestRecord {
  /**
   * `running` until every read and grouping job of the run is done, then
   * `completed`; `failed` as soon as one of its jobs failed for good (see
   * `failures`; the others may still be running). Story analyses follow a
   * few seconds after a run completes.
   */
  state: 'running' | 'completed' | 'failed';
  failures: ApiFailedJob[];
}

function apiFailedJob(job: FailedJob): ApiFailedJob {
  return {
    id: job.id,
    kind: job.kind,
    subject: job.subject,
    error: job.error,
    attempts: job.attempts,
    ingestId: job.ingestId,
    createdAt: job.createdAt,
    failedAt: job.failedAt,
  };
}

function apiJob(record: IngestRecord, failed: readonly FailedJob[]): ApiJob {
  const failures = failed.filter((f) => f.ingestId === record.id).map(apiFailedJob);
  const state =
    record.finishedAt !== null ? 'completed' : failures.length > 0 ? 'failed' : 'running';
  return { ...record, state, failures };
}

const tooLarge = (limit: number, what: string) =>
  bodyLimit({
    maxSize: limit,
    onError: () => {
      throw new ApiError(
        'too-large',
        `Request body over ${limit} bytes: ${what} take at most ${limit} bytes per request`,
      );
    },
  });

const ingestFiles = createRoute({
  method: 'post',
  path: '/api/ingest/files',
  tags: ['ingest'],
  summary: 'Add articles from files: queue one ingest run over them',
  description: `Send files as \`multipart/form-data\` (any field name, up to ${MAX_FILES_PER_REQUEST} files), or one file as the raw body with \`?filename=\` (its extension tells the format). At most ${MAX_UPLOAD_BYTES} bytes per request. Each client may queue so many files a minute (429 with Retry-After past it). Follow the run at /api/jobs/{id}.`,
  security: [{ writeToken: [] }],
  middleware: [tooLarge(MAX_UPLOAD_BYTES, 'uploads')] as const,
  request: {
    query: FileQuery,
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              file: {
                type: 'array',
                items: { type: 'string', contentMediaType: 'application/octet-stream' },
              },
            },
          },
        },
        'application/octet-stream': {
          schema: { type: 'string', contentMediaType: 'application/octet-stream' },
        },
        'text/html': { schema: { type: 'string' } },
        'text/plain': { schema: { type: 'string' } },
      },
    },
  },
  responses: {
    202: json<{ job: ApiJob }>('The ingest run, queued', 'IngestAccepted'),
    ...errors(400, 401, 403, 413, 415, 429, 503),
  },
});

const ingestUrls = createRoute({
  method: 'post',
  path: '/api/ingest/urls',
  tags: ['ingest'],
  summary: 'Add articles from web pages or feeds: queue one ingest run over the URLs',
  description: `Up to ${MAX_URLS_PER_REQUEST} http(s) URLs; workers fetch them (never private or loopback addresses). Each client may queue so many URLs a minute (429 with Retry-After past it). Follow the run at /api/jobs/{id}.`,
  security: [{ writeToken: [] }],
  middleware: [tooLarge(MAX_JSON_BODY_BYTES, 'JSON bodies')] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: UrlsBody } } },
  },
  responses: {
    202: json<{ job: ApiJob }>('The ingest run, queued', 'IngestAccepted'),
    ...errors(400, 401, 403, 413, 415, 429, 503),
  },
});

const listJobs = createRoute({
  method: 'get',
  path: '/api/jobs',
  tags: ['ingest'],
  summary: 'Ingest runs, newest first',
  request: { query: PageQuery },
  responses: { 200: json<Page<ApiJob>>('A page of ingest runs', 'JobPage'), ...errors(400) },
});

const failedJobs = createRoute({
  method: 'get',
  path: '/api/jobs/failed',
  tags: ['ingest'],
  summary: 'Jobs that failed for good (attempts used up), newest first, with their last error',
  request: { query: PageQuery.pick({ limit: true }) },
  responses: {
    200: json<{ items: ApiFailedJob[] }>('Failed jobs', 'FailedJobList'),
    ...errors(400),
  },
});

const getJob = createRoute({
  method: 'get',
  path: '/api/jobs/{id}',
  tags: ['ingest'],
  summary: 'An ingest run: state, counts (inputs, read, articles, grouped…), problems, failures',
  request: { params: IdParams },
  responses: { 200: json<ApiJob>('The ingest run', 'Job'), ...errors(400, 404) },
});

function requireQueue(context: ServerContext): JobQueue {
  if (context.jobs === null) {
    throw new ApiError(
      'unavailable',
      'Ingest is not available: this server runs without a job queue',
    );
  }
  return context.jobs;
}

/**
 * Queue uploaded files through src/jobs' `enqueueInputs`, which reads
 * files from disk: each is written under its own name into a fresh
 * temporary folder (so problems name the file as uploaded), queued (the
 * bytes are copied into the database for the workers), and the folder
 * removed.
 */
async function enqueueFiles(
  files: readonly UploadedFile[],
  context: ServerContext,
  queue: JobQueue,
): Promise<string> {
  const names = new Set<string>();
  for (const file of files) {
    if (file.name === '-') {
      throw new ApiError(
        'bad-request',
        "Expected a file name other than '-' (it means standard input)",
      );
    }
    if (names.has(file.name)) {
      throw new ApiError(
        'bad-request',
        `The file name '${file.name}' appears twice in one upload; send files with distinct names`,
      );
    }
    names.add(file.name);
  }
  const folder = await mkdtemp(join(tmpdir(), 'parallax-upload-'));
  try {
    for (const file of files) await writeFile(join(folder, file.name), file.bytes);
    const result = await enqueueInputs(
      files.map((f) => f.name),
      { store: context.store, queue },
      { cwd: folder },
    );
    return result.ingestId;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function acceptedJob(context: ServerContext, ingestId: string): Promise<ApiJob> {
  const record = await context.store.getIngest(ingestId);
  if (record === null) throw new Error(`Ingest run ${ingestId} was queued but is not in the store`);
  return apiJob(record, []);
}

/**
 * Ingest (writes: files and URLs) and the ingest runs and failed jobs
 * (reads). A valid ingest request is charged its files or URLs on
 * `limiter` before anything is queued.
 */
export function ingestRoutes(
  app: ServerApp,
  context: ServerContext,
  limiter: RateLimiter | null,
): void {
  const { store } = context;

  app.openapi(ingestFiles, async (c) => {
    const queue = requireQueue(context);
    const { filename } = c.req.valid('query');
    const files = await readUpload(c, filename);
    chargeInputs(c, limiter, context.token, files.length);
    const ingestId = await enqueueFiles(files, context, queue);
    c.header('Location', `/api/jobs/${ingestId}`);
    return c.json({ job: await acceptedJob(context, ingestId) }, 202);
  });

  app.openapi(ingestUrls, async (c) => {
    const queue = requireQueue(context);
    const { urls } = c.req.valid('json');
    chargeInputs(c, limiter, context.token, urls.length);
    // URLs only: a string the schema let through that is not an http(s) URL is refused, never read as a path.
    let ingestId: string;
    try {
      ({ ingestId } = await enqueueUrls(urls, { store, queue }));
    } catch (error) {
      if (error instanceof RangeError) throw new ApiError('bad-request', error.message);
      throw error;
    }
    c.header('Location', `/api/jobs/${ingestId}`);
    return c.json({ job: await acceptedJob(context, ingestId) }, 202);
  });

  app.openapi(listJobs, async (c) => {
    const q = c.req.valid('query');
    let page: Page<IngestRecord>;
    try {
      page = await store.listIngests({
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      });
    } catch (error) {
      if (q.cursor !== undefined && (error instanceof TypeError || error instanceof RangeError)) {
        throw new ApiError(
          'bad-request',
          "Invalid query parameter 'cursor': expected the `next` value of a previous page",
        );
      }
      throw error;
    }
    const failed = await listFailedJobs(context.jobs ?? store, { limit: FAILED_SCAN });
    return c.json({ items: page.items.map((r) => apiJob(r, failed)), next: page.next }, 200);
  });

  app.openapi(failedJobs, async (c) => {
    const { limit } = c.req.valid('query');
    const failed = await listFailedJobs(context.jobs ?? store, { limit });
    return c.json({ items: failed.map(apiFailedJob) }, 200);
  });

  app.openapi(getJob, async (c) => {
    const { id } = c.req.valid('param');
    const record = await store.getIngest(id);
    if (record === null) throw new ApiError('not-found', `No ingest run with id '${id}'`);
    const failed =
      record.finishedAt === null
        ? await listFailedJobs(context.jobs ?? store, { limit: FAILED_SCAN })
        : [];
    return c.json(apiJob(record, failed), 200);
  });
}
