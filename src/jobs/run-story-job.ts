import type { Fingerprint } from '../group/index.ts';
import type { Article } from '../model/index.ts';
import { analyzeStory } from '../pipeline/analyze-story.ts';
import type { JobContext } from './job-context.ts';
import type { StoryJob } from './job-kinds.ts';
import { memberRelations } from './member-relations.ts';

/** What a story job did. */
export interface StoryJobResult {
  storyId: string;
  /** The member hash the analysis was computed for, when one was. */
  memberHash?: string;
  articles: number;
  /** Whether the analysis was kept (false: the story changed meanwhile; its next job recomputes it). */
  stored: boolean;
  /** Why nothing was computed: the story is gone, was merged into another, or its analysis is fresh. */
  skipped?: string;
}

/**
 * Run one story job: read the story's members as they are now, relate
 * them, run `analyzeStory` and keep the analysis for the member hash it
 * was computed on. When articles joined meanwhile, the store refuses the
 * stale analysis (`putAnalysis` returns false) and the analysis queued by
 * their article jobs recomputes it.
 */
export async function runStoryJob(job: StoryJob, context: JobContext): Promise<StoryJobResult> {
  const { store } = context;
  const detail = await store.getStory(job.storyId);
  if (detail === null) return { storyId: job.storyId, articles: 0, stored: false, skipped: 'gone' };
  if (detail.mergedFrom !== undefined) {
    // The surviving story had its own analysis queued when it absorbed this one.
    return {
      storyId: job.storyId,
      articles: 0,
      stored: false,
      skipped: `merged into ${detail.story.id}`,
    };
  }
  const { id, memberHash } = detail.story;
  if (
    detail.analysis !== null &&
    !detail.analysis.stale &&
    detail.analysis.memberHash === memberHash
  ) {
    return {
      storyId: id,
      memberHash,
      articles: detail.articles.length,
      stored: false,
      skipped: 'fresh',
    };
  }
  const ids = detail.articles.map((a) => a.id).sort();
  const articles: Article[] = [];
  const fingerprints: Fingerprint[] = [];
  for (const articleId of ids) {
    const stored = await store.getArticle(articleId);
    if (stored === null) continue;
    articles.push(stored.article);
    const fp = await store.getFingerprint(articleId);
    if (fp !== null) fingerprints.push(fp);
  }
  const terms = new Set<number>();
  const reuse = new Set<number>();
  for (const fp of fingerprints) {
    for (const t of fp.terms) terms.add(t);
    for (const h of fp.reuse) reuse.add(h);
  }
  const [documents, frequencies, common] = await Promise.all([
    store.indexSize(),
    store.termFrequencies([...terms]),
    store.commonReuse([...reuse]),
  ]);
  const relations = memberRelations(
    fingerprints,
    { documents, frequency: (t) => frequencies.get(t) ?? 0 },
    (h) => common.has(h),
  );
  const analysed = analyzeStory(articles, { id, articleIds: ids, relations });
  const stored = await store.putAnalysis(id, memberHash, analysed.story);
  return { storyId: id, memberHash, articles: articles.length, stored };
}
