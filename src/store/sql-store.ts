import type { QueryPort } from './query-port.ts';
import { num } from './rows.ts';
import * as articles from './sql-articles.ts';
import * as index from './sql-candidates.ts';
import * as ingest from './sql-ingest.ts';
import * as stories from './sql-stories.ts';
import type { Store, StoreConnection } from './store.ts';
import { StoreError, toStoreError } from './store-error.ts';

/**
 * The Store over any query port: every SQL statement of both backends is
 * here and in the sql-*.ts files it calls. Driver failures become a
 * StoreError (misuse errors pass through unchanged).
 */
export function createSqlStore(port: QueryPort, connection: StoreConnection): Store {
  let closed = false;
  const guard = async <T>(doing: string, run: () => Promise<T>): Promise<T> => {
    if (closed) throw new StoreError('store/closed', `Store used after close() while ${doing}`);
    try {
      return await run();
    } catch (error) {
      throw toStoreError(error, doing);
    }
  };
  return {
    connection,
    putArticle: (article, options) =>
      guard('storing an article', () => articles.putArticle(port, article, options)),
    getArticle: (id) => guard('reading an article', () => articles.getArticle(port, id)),
    articleVersions: (url) =>
      guard('reading versions of a URL', () => articles.articleVersions(port, url)),
    latestVersion: (url) =>
      guard('reading the latest version of a URL', () => articles.latestVersion(port, url)),
    listArticles: (options) =>
      guard('listing articles', () => articles.listArticles(port, options)),
    searchArticles: (query, options) =>
      guard('searching articles', () => articles.searchArticles(port, query, options)),
    putFingerprint: (fp) => guard('storing a fingerprint', () => index.putFingerprint(port, fp)),
    getFingerprint: (id) => guard('reading a fingerprint', () => index.getFingerprint(port, id)),
    indexFingerprint: (fp) =>
      guard('indexing a fingerprint', () =>
        port.transaction((tx) => index.indexFingerprint(tx, fp)),
      ),
    candidates: (fp, query) =>
      guard('looking up candidates', () => index.candidates(port, fp, query)),
    indexSize: () => guard('counting indexed articles', () => index.indexSize(port)),
    termFrequencies: (terms) =>
      guard('reading term frequencies', () => index.termFrequencies(port, terms)),
    commonReuse: (hashes) =>
      guard('reading reuse frequencies', () => index.commonReuse(port, hashes)),
    assignStory: (articleId, decider) =>
      guard('assigning a story', () => stories.assignStory(port, articleId, decider)),
    storyOf: (articleId) => guard('reading a membership', () => stories.storyOf(port, articleId)),
    getStory: (id) => guard('reading a story', () => stories.getStory(port, id)),
    listStories: (options) => guard('listing stories', () => stories.listStories(port, options)),
    putAnalysis: (storyId, memberHash, analysis) =>
      guard('storing an analysis', () => stories.putAnalysis(port, storyId, memberHash, analysis)),
    getAnalysis: (storyId) =>
      guard('reading an analysis', () => stories.getAnalysis(port, storyId)),
    staleStories: (limit) =>
      guard('listing stale stories', () => stories.staleStories(port, limit)),
    beginIngest: (start) => guard('starting an ingest', () => ingest.beginIngest(port, start)),
    recordIngest: (id, delta) =>
      guard('recording an ingest', () => ingest.recordIngest(port, id, delta)),
    finishIngest: (id, delta = {}) =>
      guard('finishing an ingest', async () => {
        await ingest.recordIngest(port, id, delta, true);
        return (await ingest.getIngest(port, id)) as NonNullable<
          Awaited<ReturnType<typeof ingest.getIngest>>
        >;
      }),
    getIngest: (id) => guard('reading an ingest', () => ingest.getIngest(port, id)),
    listIngests: (options) => guard('listing ingests', () => ingest.listIngests(port, options)),
    counts: () =>
      guard('counting', async () => {
        const rows = await port.query(`select
          (select count(*) from article)::int8 as articles,
          (select count(distinct url) from article_version)::int8 as urls,
          (select count(*) from fingerprint)::int8 as fingerprints,
          (select documents from index_stats where id = 1)::int8 as indexed,
          (select count(*) from story)::int8 as stories,
          (select count(*) from story_merge)::int8 as merges,
          (select count(*) from story_analysis)::int8 as analyses,
          (select count(*) from story_analysis x join story s on s.id = x.story_id
            where x.member_hash <> s.member_hash)::int8 as stale_analyses,
          (select count(*) from ingest)::int8 as ingests`);
        const row = rows[0] ?? {};
        return {
          articles: num(row.articles),
          urls: num(row.urls),
          fingerprints: num(row.fingerprints),
          indexed: num(row.indexed),
          stories: num(row.stories),
          merges: num(row.merges),
          analyses: num(row.analyses),
          staleAnalyses: num(row.stale_analyses),
          ingests: num(row.ingests),
        };
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await port.close();
      } catch (error) {
        throw toStoreError(error, 'closing');
      }
    },
  };
}
