import type { IncomingHttpHeaders } from 'node:http';
import { ingest, type RawInput } from '../ingest/index.ts';
import { type FetchOptions, fetchUrl, IoError } from '../io/index.ts';
import type { Problem, Source } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import { hashHex } from '../text/hash.ts';
import { maybeFinishIngest } from './finish-ingest.ts';
import type { ReadJob } from './job-kinds.ts';
import type { JobQueue } from './job-queue.ts';

/** Options of `pollFeed`. */
export interface PollOptions {
  /** Fetch (and let workers fetch) private, loopback and link-local addresses. */
  allowPrivate?: boolean;
  keepAll?: boolean;
  /** Replaces src/io's fetchUrl (tests). */
  fetch?: (url: string, options: FetchOptions) => Promise<RawInput>;
}

/** What one poll of a feed found. */
export interface PollResult {
  feed: string;
  /** `not-modified`: the server answered 304; `changed`: the feed was read; `failed`: see `problem`. */
  status: 'not-modified' | 'changed' | 'failed';
  /** Items in the feed (when read). */
  items: number;
  /** New items queued as read jobs. */
  queued: number;
  /** The ingest run the new items belong to, when any were queued. */
  ingestId: string | null;
  problems: Problem[];
}

interface FeedState {
  etag: string | null;
  last_modified: string | null;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * The key an item is known by across polls and feeds: its link (or
 * permalink GUID; fragment dropped), else a hash of its text for an item
 * without one.
 */
export function itemKey(source: Source): string {
  const url = source.meta.url;
  if (url !== undefined && URL.canParse(url)) return new URL(url).href.replace(/#.*$/, '');
  return `text:${hashHex(`${source.meta.title ?? ''}\n${source.content}`)}`;
}

/**
 * Poll one feed: a conditional GET (If-None-Match / If-Modified-Since from
 * the ETag and Last-Modified remembered in `parallax_feed`), and when it
 * changed, queue a read job for each item not queued before (by
 * `itemKey`): the item's page when it links one (feeds often carry only a
 * summary), else the item's own text. A feed that cannot be fetched
 * becomes a problem; the next poll tries again.
 */
export async function pollFeed(
  feedUrl: string,
  target: { store: Store; queue: JobQueue },
  options: PollOptions = {},
): Promise<PollResult> {
  const { store, queue } = target;
  const [state] = await queue.sql<FeedState>(
    'SELECT etag, last_modified FROM parallax_feed WHERE url = $1',
    [feedUrl],
  );
  const headers: Record<string, string> = {};
  if (state?.etag) headers['if-none-match'] = state.etag;
  if (state?.last_modified) headers['if-modified-since'] = state.last_modified;
  let etag: string | null = null;
  let lastModified: string | null = null;
  const result: PollResult = {
    feed: feedUrl,
    status: 'failed',
    items: 0,
    queued: 0,
    ingestId: null,
    problems: [],
  };
  let raw: RawInput;
  try {
    raw = await (options.fetch ?? fetchUrl)(feedUrl, {
      allowPrivate: options.allowPrivate ?? false,
      headers,
      onResponse: (_status, response) => {
        etag = header(response, 'etag');
        lastModified = header(response, 'last-modified');
      },
    });
  } catch (error) {
    if (error instanceof IoError && error.code === 'io/http-status' && error.status === 304) {
      await queue.sql('UPDATE parallax_feed SET checked_at = now() WHERE url = $1', [feedUrl]);
      return { ...result, status: 'not-modified' };
    }
    if (!(error instanceof IoError)) throw error;
    result.problems.push({
      code: 'watch/feed-failed',
      message: `${error.message} The next poll tries again.`,
      source: feedUrl,
      severity: 'error',
    });
    return result;
  }
  const { sources, problems } = await ingest(raw);
  for (const found of problems) result.problems.push(found);
  result.status = 'changed';
  result.items = sources.length;
  const keyed = new Map<string, Source>();
  for (const source of sources) {
    const key = itemKey(source);
    if (!keyed.has(key)) keyed.set(key, source);
  }
  const known = new Set(
    (
      await queue.sql<{ key: string }>('SELECT key FROM parallax_feed_item WHERE key = ANY($1)', [
        [...keyed.keys()],
      ])
    ).map((r) => r.key),
  );
  const fresh = [...keyed].filter(([key]) => !known.has(key));
  if (fresh.length > 0) {
    const { id: ingestId } = await store.beginIngest({ input: [feedUrl] });
    result.ingestId = ingestId;
    const common = {
      ingestId,
      ...(options.allowPrivate ? { allowPrivate: true } : {}),
      ...(options.keepAll ? { keepAll: true } : {}),
    };
    const jobs: ReadJob[] = fresh.map(([key, source]) =>
      key.startsWith('text:')
        ? { ...common, location: source.location, source }
        : { ...common, location: key, url: key },
    );
    await store.recordIngest(ingestId, { counts: { inputs: jobs.length } });
    // Queued before they are marked seen: a crash in between queues an item
    // twice (harmless: articles are stored once), never loses one.
    result.queued = await queue.send('read', jobs);
    await queue.sql(
      `INSERT INTO parallax_feed_item (key, feed_url)
       SELECT unnest($1::text[]), $2 ON CONFLICT (key) DO NOTHING`,
      [fresh.map(([key]) => key), feedUrl],
    );
    await store.recordIngest(ingestId, { counts: { queued: 1 }, problems: result.problems });
    await maybeFinishIngest(store, ingestId);
  }
  await queue.sql(
    `INSERT INTO parallax_feed (url, etag, last_modified, checked_at, changed_at, items)
     VALUES ($1, $2, $3, now(), now(), $4)
     ON CONFLICT (url) DO UPDATE SET etag = $2, last_modified = $3, checked_at = now(),
       changed_at = now(), items = parallax_feed.items + $4`,
    [feedUrl, etag, lastModified, result.queued],
  );
  return result;
}
