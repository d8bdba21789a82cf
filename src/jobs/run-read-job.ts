import { extractArticles } from '../extract/index.ts';
import { fingerprint } from '../group/index.ts';
import { ingest, type RawInput } from '../ingest/index.ts';
import { fetchUrl, IoError, type IoErrorCode } from '../io/index.ts';
import type { Problem, Source } from '../model/index.ts';
import type { JobContext } from './job-context.ts';
import type { ReadJob } from './job-kinds.ts';

/** What a read job did. */
export interface ReadJobResult {
  /** Articles extracted (stored before, or now). */
  articles: number;
  /** Articles stored for the first time. */
  created: number;
  problems: number;
  /** Set when there was nothing left to do: the input's bytes were gone (a retry of a job that had finished its work). */
  skipped?: string;
}

/** HTTP statuses worth another attempt: the server is overloaded or briefly down. */
const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);

/** IO failures that may pass: the job throws so the queue retries it; the rest are the input's problem. */
function isTransient(error: IoError): boolean {
  if (error.code === 'io/timeout' || error.code === 'io/network') return true;
  return error.code === 'io/http-status' && TRANSIENT_STATUS.has(error.status ?? 0);
}

/** The Problem codes of a fetch that will not work however often it is tried (as src/io's readInputs names them). */
const FETCH_CODES: Partial<Record<IoErrorCode, string>> = {
  'io/refused': 'ingest/fetch-refused',
  'io/bad-url': 'ingest/bad-url',
  'io/too-large': 'ingest/too-large',
};

async function readInput(
  job: ReadJob,
  context: JobContext,
): Promise<{ raw?: RawInput; sources?: Source[]; problem?: Problem; gone?: boolean }> {
  if (job.source !== undefined) return { sources: [job.source] };
  if (job.inputId !== undefined) {
    const rows = await context.queue.sql<{ bytes: Uint8Array; content_type: string | null }>(
      'SELECT bytes, content_type FROM parallax_job_input WHERE id = $1',
      [job.inputId],
    );
    const row = rows[0];
    if (row === undefined) return { gone: true };
    const raw: RawInput = { location: job.location, bytes: new Uint8Array(row.bytes) };
    if (row.content_type) raw.contentType = row.content_type;
    return { raw };
  }
  if (job.url !== undefined) {
    try {
      const raw = await (context.fetch ?? fetchUrl)(job.url, {
        allowPrivate: job.allowPrivate ?? false,
      });
      return { raw: { ...raw, location: job.location } };
    } catch (error) {
      if (!(error instanceof IoError) || isTransient(error)) throw error;
      return {
        problem: {
          code: FETCH_CODES[error.code] ?? 'ingest/fetch-failed',
          message: error.message,
          source: job.location,
          severity: 'error',
        },
      };
    }
  }
  throw new TypeError(
    `Expected a read job with inputId, url or source, got ${JSON.stringify(job)}`,
  );
}

/**
 * Run one read job: read the raw input (a file's bytes kept in the
 * database, a URL fetched now, or a feed item's source), ingest and
 * extract it, store its articles with their fingerprints and queue one
 * article job each; the
 * counts and problems go to the ingest run's record (which an idle worker
 * marks finished once every job of the run is done: `finishIngests`). A network failure
 * that may pass (timeout, 5xx) throws, so the queue retries the job; an
 * input that cannot work (404, refused address, bad data) becomes a
 * problem and the job completes.
 */
export async function runReadJob(job: ReadJob, context: JobContext): Promise<ReadJobResult> {
  const { store, queue } = context;
  const input = await readInput(job, context);
  if (input.gone) {
    return { articles: 0, created: 0, problems: 0, skipped: 'input already read' };
  }
  const problems: Problem[] = input.problem ? [input.problem] : [];
  let sources = input.sources ?? [];
  if (input.raw !== undefined) {
    const ingested = await ingest(input.raw);
    sources = ingested.sources;
    // Loops, not push(...spread): one archive gives up to 100,000 problems, past the argument limit.
    for (const found of ingested.problems) problems.push(found);
  }
  const extracted = extractArticles(sources, { keepAll: job.keepAll ?? false });
  for (const found of extracted.problems) problems.push(found);
  let created = 0;
  for (const article of extracted.articles) {
    const result = await store.putArticle(article);
    if (!result.created) continue;
    created += 1;
    // Fingerprinted here, in parallel across workers, rather than inside the story assignment lock.
    await store.putFingerprint(fingerprint(article));
  }
  // Every article gets its job, new or not: one stored by a run that crashed before grouping it is grouped now.
  await queue.send(
    'article',
    extracted.articles.map((a) => ({ articleId: a.id, ingestId: job.ingestId })),
  );
  await store.recordIngest(job.ingestId, {
    counts: {
      read: 1,
      sources: sources.length,
      articles: extracted.articles.length,
      created,
    },
    problems,
  });
  if (job.inputId !== undefined) {
    await queue.sql('DELETE FROM parallax_job_input WHERE id = $1', [job.inputId]);
  }
  return { articles: extracted.articles.length, created, problems: problems.length };
}
