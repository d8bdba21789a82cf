import { z } from '@hono/zod-openapi';
import {
  DEFAULT_PAGE_LIMIT,
  MAX_ID_LENGTH,
  MAX_PAGE_LIMIT,
  MAX_QUERY_LENGTH,
  MAX_URL_LENGTH,
  MAX_URLS_PER_REQUEST,
} from './limits.ts';

// Request schemas: every query parameter, path id and JSON body is checked
// against one of these before a handler runs (a failure is a 400 naming the
// value), and the same schemas describe the routes in /openapi.json.
// Query objects are strict: an unknown parameter is a 400, not ignored, so
// a typo (`?sortt=biggest`) does not silently return the default.

/**
 * Control characters (C0, DEL, C1). No outlet name, search or URL holds
 * one, and PostgreSQL refuses NUL in text: left in, they were 500s (found
 * by the `api` fuzz target, test/fuzz/regressions/api/).
 */
const CONTROL = /\p{Cc}/u;

/** Free text of a query parameter: no control character, well-formed Unicode. */
function plainText(schema: z.ZodString): z.ZodString {
  return schema.refine(
    (text) => !CONTROL.test(text) && text.isWellFormed(),
    'Expected text without control characters',
  );
}

/** An id in a path: article and story ids are content hashes, job ids UUIDs. */
const Id = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, 'Expected letters, digits, "-" or "_"');

/** Path parameters of `/{id}` routes. */
export const IdParams = z.object({
  id: Id.openapi({ param: { name: 'id', in: 'path' }, example: 'a1f3c9e2d4b5a6c7' }),
});

const Limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_PAGE_LIMIT)
  .default(DEFAULT_PAGE_LIMIT)
  .openapi({ description: `Items per page (1–${MAX_PAGE_LIMIT}, default ${DEFAULT_PAGE_LIMIT})` });

const Cursor = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[\x21-\x7e]+$/, 'Expected the `next` value of a previous page')
  .optional()
  .openapi({ description: 'The `next` of the previous page; leave out for the first page' });

/** A day (`2021-08-20`, the whole day in UTC) or a date-time with an offset. */
const DateBound = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Query of `GET /api/stories`. */
export const StoryListQuery = z
  .strictObject({
    sort: z
      .enum(['newest', 'biggest'])
      .default('newest')
      .openapi({ description: 'Latest publication first, or most articles first' }),
    outlet: plainText(z.string().trim().min(1).max(200))
      .optional()
      .openapi({ description: 'Only stories with an article from this outlet (exact name)' }),
    from: DateBound.optional().openapi({
      description: 'Only stories with an article published on or after this day or time',
      example: '2021-08-01',
    }),
    to: DateBound.optional().openapi({
      description:
        'Only stories with an article published on or before this day (the whole day, UTC), or before this time',
      example: '2021-08-31',
    }),
    limit: Limit,
    cursor: Cursor,
  })
  .refine((q) => q.from === undefined || q.to === undefined || startOf(q.from) <= endOf(q.to), {
    message: "Expected 'from' to be on or before 'to'",
    path: ['from'],
  });

/** Query of a plain paginated list. */
export const PageQuery = z.strictObject({ limit: Limit, cursor: Cursor });

/** Query of `GET /api/articles`. */
export const ArticleListQuery = z.strictObject({
  outlet: plainText(z.string().trim().min(1).max(200))
    .optional()
    .openapi({ description: 'Only articles of this outlet (exact name)' }),
  limit: Limit,
  cursor: Cursor,
});

/** Query of `GET /api/search`. */
export const SearchQuery = z.strictObject({
  q: plainText(
    z.string().trim().min(1, 'Expected some words to search for').max(MAX_QUERY_LENGTH),
  ).openapi({
    description:
      'Words to find in headlines and text; "exact phrase", or and -word work as in web search',
    example: 'crane collapse',
  }),
  limit: Limit,
  cursor: Cursor,
});

/** Body of `POST /api/ingest/urls`. */
export const UrlsBody = z
  .strictObject({
    urls: z
      .array(
        z
          .url({ protocol: /^https?$/, error: 'Expected an http or https URL' })
          .max(MAX_URL_LENGTH)
          // zod trims the ends and drops tabs and newlines, the URL parser drops
          // other controls at the ends; what is left must be a plain URL.
          .refine(
            (url) => !CONTROL.test(url) && !/\s/.test(url) && url.isWellFormed(),
            'Expected a URL without spaces or control characters (percent-encode them)',
          ),
      )
      .min(1)
      .max(MAX_URLS_PER_REQUEST)
      .openapi({ description: 'Article pages or feeds to fetch and add, one job each' }),
  })
  .openapi('IngestUrls');

/** Query of `POST /api/ingest/files` (only for a raw body). */
export const FileQuery = z.strictObject({
  filename: z.string().optional().openapi({
    description:
      'Name of the file sent as the raw body (required then): its extension tells the format (.html, .txt, .md, .xml, .json, .jsonl, .warc, .warc.gz)',
    example: 'story.html',
  }),
});

/** The instant a `from` bound starts (a bare day starts at 00:00 UTC). */
export function startOf(bound: string): string {
  return bound.length === 10 ? `${bound}T00:00:00.000Z` : new Date(bound).toISOString();
}

/** The instant a `to` bound ends, exclusive (a bare day ends at the next day's 00:00 UTC). */
export function endOf(bound: string): string {
  if (bound.length !== 10) return new Date(bound).toISOString();
  const next = new Date(`${bound}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}
