import type { JobContext } from './job-context.ts';
import type { ArticleJob } from './job-kinds.ts';

/** What an article job did. */
export interface ArticleJobResult {
  storyId: string;
  /** False when the article was already in a story (a repeated job, or an article stored twice). */
  assigned: boolean;
  /** Stories merged into `storyId` by this article. */
  merged: string[];
  /** Whether a new analysis of the story was queued (false: one was already waiting). */
  analysisQueued: boolean;
}

/**
 * Run one article job: put the stored article into a story with the
 * store's locked assignment (its fingerprint was stored by the read job,
 * so the lock is held only for the lookup and the decision) and queue the
 * story's analysis (debounced). Idempotent: an article already in a story
 * changes nothing, and its story's analysis is queued only when missing or
 * stale.
 */
export async function runArticleJob(
  job: ArticleJob,
  context: JobContext,
): Promise<ArticleJobResult> {
  const { store, queue } = context;
  // Rejects (so the job is retried) when the article is not stored: the read job stores before
  // it queues, so this is a replica behind its primary or a database restored from a backup.
  const assigned = await store.assignStory(job.articleId);
  let queued: boolean;
  if (assigned.assigned) {
    queued = await queue.sendStory(assigned.storyId);
  } else {
    // Already in a story (a repeated job): queue the analysis only when it is missing or stale.
    const analysis = await store.getAnalysis(assigned.storyId);
    queued = analysis === null || analysis.stale ? await queue.sendStory(assigned.storyId) : false;
  }
  if (job.ingestId !== undefined) {
    await store.recordIngest(job.ingestId, {
      counts: { grouped: 1 },
      ...(assigned.problems.length > 0 ? { problems: assigned.problems } : {}),
    });
  }
  return {
    storyId: assigned.storyId,
    assigned: assigned.assigned,
    merged: assigned.merged,
    analysisQueued: queued,
  };
}
