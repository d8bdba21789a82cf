export {
  type EnqueueOptions,
  type EnqueueResult,
  type EnqueueUrlOptions,
  enqueueInputs,
  enqueueUrls,
} from './enqueue-inputs.ts';
export {
  finishIngests,
  INGEST_COUNTS,
  ingestComplete,
  maybeFinishIngest,
} from './finish-ingest.ts';
export type { JobContext } from './job-context.ts';
export {
  type ArticleJob,
  JOB_KINDS,
  type JobKind,
  type JobPayloads,
  QUEUE_NAMES,
  type ReadJob,
  type StoryJob,
} from './job-kinds.ts';
export {
  type ActiveJob,
  type FailedJob,
  type JobQueue,
  type JobQueueOptions,
  openJobQueue,
  type QueueStatus,
  type Sql,
} from './job-queue.ts';
export {
  ANALYSIS_DEBOUNCE_SECONDS,
  ENQUEUE_FLUSH_MS,
  FAILED_LIST_LIMIT,
  IDLE_POLL_MS,
  JOB_TIMEOUT_SECONDS,
  MAX_JOB_INPUT_BYTES,
  REAP_GRACE_SECONDS,
  REAP_INTERVAL_MS,
  REAP_SCAN,
  RETRY_DELAY_SECONDS,
  RETRY_LIMIT,
  SUPERVISE_SECONDS,
  WATCH_INTERVAL_SECONDS,
  WORKER_CONCURRENCY,
} from './limits.ts';
export { type FailedJobsOptions, jobStatus, listFailedJobs } from './list-failed-jobs.ts';
export { memberRelations } from './member-relations.ts';
export { type OpenJobs, openJobs } from './open-jobs.ts';
export { parseDuration } from './parse-duration.ts';
export { type OpmlFeeds, parseOpml } from './parse-opml.ts';
export { itemKey, type PollOptions, type PollResult, pollFeed } from './poll-feed.ts';
export { type ReapOptions, type ReapResult, reapOrphans } from './reap-orphans.ts';
export { type ArticleJobResult, runArticleJob } from './run-article-job.ts';
export { type ReadJobResult, runReadJob } from './run-read-job.ts';
export { runStoryJob, type StoryJobResult } from './run-story-job.ts';
export { type WatchOptions, watchFeeds } from './watch-feeds.ts';
export {
  startWorker,
  type Worker,
  type WorkerCounts,
  type WorkerEvent,
  type WorkerOptions,
} from './worker.ts';
