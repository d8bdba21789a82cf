import type { Readable } from 'node:stream';
import type { RawInput } from '../ingest/index.ts';
import { readInputs } from '../io/index.ts';
import type { Problem } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import { maybeFinishIngest } from './finish-ingest.ts';
import type { ReadJob } from './job-kinds.ts';
import type { JobQueue } from './job-queue.ts';
import { ENQUEUE_FLUSH_MS } from './limits.ts';

/** Options of `enqueueInputs`. */
export interface EnqueueOptions {
  /** Folder relative paths and globs are resolved against. */
  cwd: string;
  /** What `-` reads. */
  stdin?: Readable;
  /** Let workers fetch URLs on private, loopback and link-local addresses. */
  allowPrivate?: boolean;
  followSymlinks?: boolean;
  /** Take nothing out of article bodies (`--keep-all`). */
  keepAll?: boolean;
  /** Cap on the bytes of one file (default src/io's MAX_INPUT_BYTES). */
  maxBytes?: number;
  /** Id of the ingest run to record (default: a new one). */
  ingestId?: string;
  /** Told of each input queued. */
  onQueued?: (location: string, queued: number) => void;
}

/** What `enqueueInputs` did. */
export interface EnqueueResult {
  /** The ingest run: `store.getIngest(ingestId)` has its counts and problems as workers go. */
  ingestId: string;
  /** Read jobs queued (one per file, URL or stdin). */
  inputs: number;
  /** Inputs that could not be read here (missing file, glob without a match). */
  problems: Problem[];
}

/** Read jobs queued per round trip. */
const BATCH = 100;

const URL_SPEC = /^https?:\/\//i;

/** Whether a string is an absolute http(s) URL (and so never taken for a path). */
function isHttpUrl(spec: string): boolean {
  return URL_SPEC.test(spec) && URL.canParse(spec);
}

/** Options of `enqueueUrls`: those of `enqueueInputs` that concern URLs. */
export type EnqueueUrlOptions = Pick<
  EnqueueOptions,
  'allowPrivate' | 'keepAll' | 'ingestId' | 'onQueued'
>;

/**
 * Queue one read job per URL, like `enqueueInputs` but for URLs only:
 * refuses (RangeError, nothing queued or recorded) anything that is not an
 * absolute http(s) URL, so a caller passing on what a client sent (the
 * server's URL route) can never have a string taken for a file path.
 *
 * @example
 * const { ingestId } = await enqueueUrls(['https://example.org/a'], { store, queue });
 */
export async function enqueueUrls(
  urls: string[],
  target: { store: Store; queue: JobQueue },
  options: EnqueueUrlOptions = {},
): Promise<EnqueueResult> {
  if (!Array.isArray(urls) || urls.some((u) => typeof u !== 'string')) {
    throw new TypeError(`Expected urls to be an array of strings, got ${JSON.stringify(urls)}`);
  }
  const bad = urls.find((u) => !isHttpUrl(u));
  if (bad !== undefined) {
    throw new RangeError(`Expected absolute http(s) URLs, got ${JSON.stringify(bad)}`);
  }
  return enqueue(urls, target, options, false);
}

/**
 * Queue one read job per input a user named: files (folders walked, globs
 * expanded) are read here and their bytes kept in the database for the
 * worker, which may run on another machine; http(s) URLs are fetched by the
 * worker. Records an ingest run in the store, whose counts the workers add
 * to and which the last of them marks finished.
 *
 * @example
 * const { ingestId } = await enqueueInputs(['news/', 'https://example.org/a'], { store, queue }, { cwd });
 */
export async function enqueueInputs(
  specs: string[],
  target: { store: Store; queue: JobQueue },
  options: EnqueueOptions,
): Promise<EnqueueResult> {
  if (!Array.isArray(specs) || specs.some((s) => typeof s !== 'string')) {
    throw new TypeError(`Expected specs to be an array of strings, got ${JSON.stringify(specs)}`);
  }
  return enqueue(specs, target, options, true);
}

/** Both entries' work; `files` false leaves out everything that is not a URL (the caller checked there is none). */
async function enqueue(
  specs: string[],
  target: { store: Store; queue: JobQueue },
  options: EnqueueUrlOptions & Partial<EnqueueOptions>,
  files: boolean,
): Promise<EnqueueResult> {
  const { store, queue } = target;
  const start: { input: string[]; id?: string } = { input: specs };
  if (options.ingestId !== undefined) start.id = options.ingestId;
  const { id: ingestId } = await store.beginIngest(start);
  const problems: Problem[] = [];
  let inputs = 0;
  let batch: ReadJob[] = [];
  // When the batch's first job was added: its input's bytes wait in the database until the flush.
  let batchStarted = 0;
  const common = {
    ingestId,
    ...(options.allowPrivate ? { allowPrivate: true } : {}),
    ...(options.keepAll ? { keepAll: true } : {}),
  };
  const flush = async () => {
    if (batch.length === 0) return;
    // Counted before they are queued, so the run cannot look finished while jobs are on their way.
    await store.recordIngest(ingestId, { counts: { inputs: batch.length } });
    await queue.send('read', batch);
    inputs += batch.length;
    for (const job of batch) options.onQueued?.(job.location, inputs);
    batch = [];
  };
  const add = async (job: ReadJob) => {
    if (batch.length === 0) batchStarted = performance.now();
    batch.push(job);
    // Sent within ENQUEUE_FLUSH_MS too: stored bytes with no job look abandoned to `reapOrphans` after a while.
    if (batch.length >= BATCH || performance.now() - batchStarted >= ENQUEUE_FLUSH_MS) {
      await flush();
    }
  };
  const seenUrls = new Set<string>();
  for (const spec of specs) {
    if (!URL_SPEC.test(spec)) continue;
    const key = URL.canParse(spec) ? new URL(spec).href.replace(/#.*$/, '') : spec;
    if (seenUrls.has(key)) continue;
    seenUrls.add(key);
    await add({ ...common, location: spec, url: spec });
  }
  const fileSpecs = files ? specs.filter((s) => !URL_SPEC.test(s)) : [];
  if (fileSpecs.length > 0) {
    // `enqueueInputs` (the only caller with files) requires cwd.
    const readOptions: Parameters<typeof readInputs>[1] = { cwd: options.cwd as string };
    if (options.stdin !== undefined) readOptions.stdin = options.stdin;
    if (options.followSymlinks) readOptions.followSymlinks = true;
    if (options.maxBytes !== undefined) readOptions.maxBytes = options.maxBytes;
    let n = 0;
    for await (const item of readInputs(fileSpecs, readOptions)) {
      if (!('bytes' in item)) {
        problems.push(item);
        continue;
      }
      const raw: RawInput = item;
      n += 1;
      const inputId = `${ingestId}:${n}`;
      await queue.sql(
        `INSERT INTO parallax_job_input (id, location, content_type, bytes) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO NOTHING`,
        [inputId, raw.location, raw.contentType ?? null, raw.bytes],
      );
      await add({ ...common, location: raw.location, inputId });
    }
  }
  await flush();
  await store.recordIngest(ingestId, { counts: { queued: 1 }, problems });
  await maybeFinishIngest(store, ingestId);
  return { ingestId, inputs, problems };
}
