import type { Article } from '../model/index.ts';
import { decodeCursor, encodeCursor, pageLimit } from './cursor.ts';
import { URL_LOCK_NAMESPACE } from './locks.ts';
import type { Queryable, QueryPort } from './query-port.ts';
import { iso, isoNow, num, parseJson, text, timeParam } from './rows.ts';
import type {
  ArticleListOptions,
  ArticleSummary,
  ArticleVersion,
  Page,
  PageOptions,
  PutArticleOptions,
  PutArticleResult,
  SearchHit,
  StoredArticle,
} from './store.ts';

/** The summary columns of `article a` left-joined with `story_member m`. */
export const SUMMARY_COLUMNS =
  'a.id, a.url, a.outlet, a.published_at, a.headline, a.language, m.story_id';

/** An article summary from a row of SUMMARY_COLUMNS. */
export function toSummary(row: Record<string, unknown>): ArticleSummary {
  return {
    id: String(row.id),
    url: text(row.url),
    outlet: text(row.outlet),
    publishedAt: iso(row.published_at),
    headline: text(row.headline),
    language: text(row.language),
    storyId: text(row.story_id),
  };
}

/** Keep an article (idempotent by id) and link it as the next version of its URL. */
export async function putArticle(
  port: QueryPort,
  article: Article,
  options: PutArticleOptions = {},
): Promise<PutArticleResult> {
  if (article === null || typeof article !== 'object' || typeof article.id !== 'string') {
    throw new TypeError(`Expected an Article with a string id, got ${describe(article)}`);
  }
  const url = typeof article.url === 'string' && article.url !== '' ? article.url : null;
  const seenAt = timeParam(options.seenAt) ?? new Date();
  return port.transaction(async (tx) => {
    // Versions of one URL are linked in the order they are stored.
    if (url !== null) {
      await tx.query('select pg_advisory_xact_lock($1, hashtext($2))', [URL_LOCK_NAMESPACE, url]);
    }
    const inserted = await tx.query(
      `insert into article (id, url, outlet, published_at, headline, language, data)
       values ($1, $2, $3, $4, $5, $6, $7::json)
       on conflict (id) do nothing
       returning id`,
      [
        article.id,
        url,
        article.outlet ?? null,
        timeParam(article.publishedAt),
        article.headline ?? null,
        article.language ?? null,
        JSON.stringify(article),
      ],
    );
    if (inserted.length === 0) return { articleId: article.id, created: false, previousId: null };
    let previousId: string | null = null;
    if (url !== null) {
      const latest = await tx.query(
        'select article_id from article_version where url = $1 order by seq desc limit 1',
        [url],
      );
      previousId = latest[0] === undefined ? null : String(latest[0].article_id);
      await tx.query(
        'insert into article_version (url, article_id, previous_id, seen_at) values ($1, $2, $3, $4)',
        [url, article.id, previousId, seenAt],
      );
    }
    return { articleId: article.id, created: true, previousId };
  });
}

/** An article by id with its story. */
export async function getArticle(db: Queryable, id: string): Promise<StoredArticle | null> {
  const rows = await db.query(
    `select a.data::text as data, a.stored_at, m.story_id
     from article a left join story_member m on m.article_id = a.id
     where a.id = $1`,
    [id],
  );
  const row = rows[0];
  if (row === undefined) return null;
  return {
    article: parseJson<Article>(row.data),
    storyId: text(row.story_id),
    storedAt: isoNow(row.stored_at),
  };
}

function toVersion(row: Record<string, unknown>): ArticleVersion {
  return {
    url: String(row.url),
    articleId: String(row.article_id),
    previousId: text(row.previous_id),
    seenAt: isoNow(row.seen_at),
  };
}

/** Every version of a URL, oldest first. */
export async function articleVersions(db: Queryable, url: string): Promise<ArticleVersion[]> {
  const rows = await db.query(
    'select url, article_id, previous_id, seen_at from article_version where url = $1 order by seq',
    [url],
  );
  return rows.map(toVersion);
}

/** The latest version of a URL. */
export async function latestVersion(db: Queryable, url: string): Promise<ArticleVersion | null> {
  const rows = await db.query(
    `select url, article_id, previous_id, seen_at from article_version
     where url = $1 order by seq desc limit 1`,
    [url],
  );
  return rows[0] === undefined ? null : toVersion(rows[0]);
}

/**
 * Full-text search. The query is parsed both with English stemming and
 * without (English articles are indexed stemmed, others as written), so
 * either kind matches. Paginated by offset: ranks are floats, and a page
 * of search results is short-lived.
 */
export async function searchArticles(
  db: Queryable,
  query: string,
  options: PageOptions = {},
): Promise<Page<SearchHit>> {
  if (typeof query !== 'string')
    throw new TypeError(`Expected a search string, got ${typeof query}`);
  const limit = pageLimit(options.limit);
  const offset =
    options.cursor === undefined ? 0 : Number(decodeCursor('search', options.cursor).o);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new RangeError(`Expected a cursor from a previous page of search, got ${options.cursor}`);
  }
  if (query.trim() === '') return { items: [], next: null };
  const rows = await db.query(
    `with q as (
       select websearch_to_tsquery('english', $1) || websearch_to_tsquery('simple', $1) as q
     )
     select ${SUMMARY_COLUMNS}, ts_rank(a.search, q.q)::float8 as rank
     from q, article a left join story_member m on m.article_id = a.id
     where a.search @@ q.q
     order by rank desc, a.id
     limit $2 offset $3`,
    [query, limit + 1, offset],
  );
  const items = rows.slice(0, limit).map((row) => ({ ...toSummary(row), rank: num(row.rank) }));
  return {
    items,
    next: rows.length > limit ? encodeCursor('search', { o: offset + limit }) : null,
  };
}

/** Stored articles, most recently stored first (ties by id), optionally of one outlet; keyset-paginated. */
export async function listArticles(
  db: Queryable,
  options: ArticleListOptions = {},
): Promise<Page<ArticleSummary>> {
  const limit = pageLimit(options.limit);
  const params: unknown[] = [];
  const where: string[] = [];
  if (options.outlet !== undefined) {
    params.push(options.outlet);
    where.push(`a.outlet = $${params.length}`);
  }
  if (options.cursor !== undefined) {
    const position = decodeCursor('articles', options.cursor);
    if (typeof position.t !== 'string' || typeof position.i !== 'string') {
      throw new RangeError(
        `Expected a cursor from a previous page of articles, got ${options.cursor}`,
      );
    }
    params.push(position.t, position.i);
    where.push(
      `(a.stored_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length}::text collate "C")`,
    );
  }
  params.push(limit + 1);
  const rows = await db.query(
    `select ${SUMMARY_COLUMNS}, a.stored_at
     from article a left join story_member m on m.article_id = a.id
     ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
     order by a.stored_at desc, a.id desc
     limit $${params.length}`,
    params,
  );
  const items = rows.slice(0, limit).map(toSummary);
  const last = rows[limit - 1];
  return {
    items,
    next:
      rows.length > limit && last !== undefined
        ? encodeCursor('articles', { t: isoNow(last.stored_at), i: String(last.id) })
        : null,
  };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
