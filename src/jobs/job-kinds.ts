import type { Source } from '../model/index.ts';

/**
 * The three kinds of job, in the order a worker prefers them: articles are
 * grouped as soon as they are read, and a story is analysed only when no
 * reading or grouping is waiting (analyses are the costly part and are
 * debounced per story, so they run once the burst that changed the story
 * has been grouped).
 */
export const JOB_KINDS = ['article', 'read', 'story'] as const;

/** One kind of job: `read` (one raw input), `article` (one article), `story` (one story's analysis). */
export type JobKind = (typeof JOB_KINDS)[number];

/** The pg-boss queue of each kind. */
export const QUEUE_NAMES: Readonly<Record<JobKind, string>> = {
  read: 'parallax-read',
  article: 'parallax-article',
  story: 'parallax-story',
};

/**
 * Read one raw input, ingest and extract it, store its articles and queue
 * one `article` job each. Exactly one of `inputId` (a file's bytes, kept in
 * the `parallax_job_input` table), `url` (fetched by the worker) and
 * `source` (a feed item without a link, already ingested) is set.
 */
export interface ReadJob {
  /** The ingest run it belongs to (its counts and problems). */
  ingestId: string;
  /** Path, URL or feed item location: where problems say it came from. */
  location: string;
  inputId?: string;
  url?: string;
  source?: Source;
  /** The HTTP Content-Type the bytes came with, when the enqueuer fetched them. */
  contentType?: string;
  /** Fetch private, loopback and link-local addresses too (as `--allow-private` said when queued). */
  allowPrivate?: boolean;
  /** Take nothing out of the body (`--keep-all`). */
  keepAll?: boolean;
}

/** Fingerprint one stored article and put it into a story. */
export interface ArticleJob {
  articleId: string;
  ingestId?: string;
}

/** Recompute one story's analysis (its members are read when the job runs). */
export interface StoryJob {
  storyId: string;
}

/** The payload of each kind. */
export interface JobPayloads {
  read: ReadJob;
  article: ArticleJob;
  story: StoryJob;
}

/** The kind of a queue name, or undefined when it is not one of parallax's. */
export function kindOfQueue(name: string): JobKind | undefined {
  return JOB_KINDS.find((kind) => QUEUE_NAMES[kind] === name);
}
