import { createRoute } from '@hono/zod-openapi';
import type {
  ArticleSummary,
  Page,
  SearchHit,
  StoredArticle,
  StoryDetail,
  StorySummary,
} from '../store/index.ts';
import { ApiError } from './api-error.ts';
import type { ServerApp, ServerContext } from './app-types.ts';
import { errors, json } from './responses.ts';
import {
  ArticleListQuery,
  endOf,
  IdParams,
  SearchQuery,
  StoryListQuery,
  startOf,
} from './schemas.ts';
import { storyReport } from './story-report.ts';

const listStories = createRoute({
  method: 'get',
  path: '/api/stories',
  tags: ['stories'],
  summary: 'List stories, newest or biggest first',
  description:
    'Filter by outlet and publication date; paginate with `limit` and the `next` cursor of the previous page.',
  request: { query: StoryListQuery },
  responses: { 200: json<Page<StorySummary>>('A page of stories', 'StoryPage'), ...errors(400) },
});

const getStory = createRoute({
  method: 'get',
  path: '/api/stories/{id}',
  tags: ['stories'],
  summary: 'A story with its articles and its analysis (brief, alignments, coverage, quotes…)',
  description:
    'An id merged into another story answers with that story and `mergedFrom`. `analysis` is null until a worker analysed the story; `stale` says a newer one is coming.',
  request: { params: IdParams },
  responses: { 200: json<StoryDetail>('The story', 'StoryDetail'), ...errors(400, 404) },
});

const getStoryReport = createRoute({
  method: 'get',
  path: '/api/stories/{id}/report',
  tags: ['stories'],
  summary: "A story's analysis as the self-contained HTML report",
  description:
    'The page `parallax analyze --format html` writes, for one stored story: brief with citations, provenance graph, coverage heat map, side-by-side pairs, common source, quotes and every article.',
  request: { params: IdParams },
  responses: {
    200: {
      description: 'The HTML report',
      content: { 'text/html': { schema: { type: 'string' } } },
    },
    ...errors(400, 404),
  },
});

const getArticle = createRoute({
  method: 'get',
  path: '/api/articles/{id}',
  tags: ['articles'],
  summary: 'An article: clean text, metadata, removed page furniture, and its story',
  request: { params: IdParams },
  responses: { 200: json<StoredArticle>('The article', 'StoredArticle'), ...errors(400, 404) },
});

const listArticles = createRoute({
  method: 'get',
  path: '/api/articles',
  tags: ['articles'],
  summary: 'List stored articles, most recently stored first',
  description:
    'Filter by outlet; paginate with `limit` and the `next` cursor of the previous page.',
  request: { query: ArticleListQuery },
  responses: {
    200: json<Page<ArticleSummary>>('A page of articles', 'ArticlePage'),
    ...errors(400),
  },
});

const search = createRoute({
  method: 'get',
  path: '/api/search',
  tags: ['articles'],
  summary: 'Search articles by text (headline and body)',
  request: { query: SearchQuery },
  responses: {
    200: json<Page<SearchHit>>('Matching articles, best first', 'SearchPage'),
    ...errors(400),
  },
});

/**
 * Run a store call that takes a client's cursor: the store rejects a cursor
 * it did not make with a TypeError or RangeError, which is the client's
 * mistake here (400), not a bug.
 */
async function withCursor<T>(cursor: string | undefined, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (cursor !== undefined && (error instanceof TypeError || error instanceof RangeError)) {
      throw new ApiError(
        'bad-request',
        "Invalid query parameter 'cursor': expected the `next` value of a previous page",
        { cause: error },
      );
    }
    throw error;
  }
}

/** The read routes: stories, a story's analysis and report, articles, search. */
export function storyRoutes(app: ServerApp, context: ServerContext): void {
  const { store } = context;

  app.openapi(listStories, async (c) => {
    const q = c.req.valid('query');
    const page = await withCursor(q.cursor, () =>
      store.listStories({
        sort: q.sort,
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
        ...(q.outlet === undefined ? {} : { outlet: q.outlet }),
        ...(q.from === undefined ? {} : { from: startOf(q.from) }),
        ...(q.to === undefined ? {} : { to: endOf(q.to) }),
      }),
    );
    return c.json(page, 200);
  });

  app.openapi(getStory, async (c) => {
    const { id } = c.req.valid('param');
    const detail = await store.getStory(id);
    if (detail === null) throw new ApiError('not-found', `No story with id '${id}'`);
    return c.json(detail, 200);
  });

  app.openapi(getStoryReport, async (c) => {
    const { id } = c.req.valid('param');
    const detail = await store.getStory(id);
    if (detail === null) throw new ApiError('not-found', `No story with id '${id}'`);
    const report = await storyReport(
      detail,
      async (articleId) => (await store.getArticle(articleId))?.article ?? null,
    );
    c.header('Content-Security-Policy', report.csp);
    return c.html(report.html, 200);
  });

  app.openapi(getArticle, async (c) => {
    const { id } = c.req.valid('param');
    const stored = await store.getArticle(id);
    if (stored === null) throw new ApiError('not-found', `No article with id '${id}'`);
    return c.json(stored, 200);
  });

  app.openapi(listArticles, async (c) => {
    const q = c.req.valid('query');
    const page = await withCursor(q.cursor, () =>
      store.listArticles({
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
        ...(q.outlet === undefined ? {} : { outlet: q.outlet }),
      }),
    );
    return c.json(page, 200);
  });

  app.openapi(search, async (c) => {
    const q = c.req.valid('query');
    const page = await withCursor(q.cursor, () =>
      store.searchArticles(q.q, {
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      }),
    );
    return c.json(page, 200);
  });
}
