import type { Problem, Source } from '../model/index.ts';
import { crawlerRecordSource } from './crawler-record.ts';
import type { FeedEntry } from './feed-item.ts';
import { feedItemSource } from './feed-item.ts';
import type { IngestResult } from './ingest-result.ts';
import { looksLikeHtml, plainText } from './plain-text.ts';
import { problem } from './problem.ts';

const JSON_FEED_VERSION = /^https?:\/\/jsonfeed\.org\/version\//;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** Author names from JSON Feed 1.1 `authors` or 1.0 `author`. */
function authorNames(holder: JsonObject): string[] {
  const list = Array.isArray(holder['authors']) ? holder['authors'] : [holder['author']];
  return list.flatMap((author) => {
    const name = isObject(author) ? str(author['name']) : undefined;
    return name ? [plainText(name)] : [];
  });
}

function jsonFeedEntry(item: JsonObject, feedAuthors: string[]): FeedEntry {
  const html = str(item['content_html']);
  const text = str(item['content_text']);
  const summary = str(item['summary']);
  const entry: FeedEntry = { bylines: authorNames(item) };
  if (entry.bylines.length === 0) entry.bylines = feedAuthors;
  if (html) entry.content = { text: html, format: 'html' };
  else if (text) entry.content = { text, format: 'text' };
  if (summary) entry.summary = { text: summary, format: looksLikeHtml(summary) ? 'html' : 'text' };
  const url = str(item['url']) ?? str(item['external_url']);
  if (url) entry.url = url;
  const title = str(item['title']);
  if (title) entry.title = plainText(title);
  const date = str(item['date_published']) ?? str(item['date_modified']);
  if (date) entry.date = date;
  const language = str(item['language']);
  if (language) entry.language = language;
  return entry;
}

/** Read a JSON Feed (jsonfeed.org 1.0 or 1.1): one Source per item. */
function parseJsonFeed(feed: JsonObject, location: string, maxItems: number): IngestResult {
  const items = feed['items'];
  if (!Array.isArray(items)) {
    return {
      sources: [],
      problems: [
        problem(
          'ingest/bad-feed',
          'The JSON Feed has no "items" array, so it holds no articles.',
          location,
        ),
      ],
    };
  }
  const sources: Source[] = [];
  const problems: Problem[] = [];
  const outlet = str(feed['title']);
  const language = str(feed['language']);
  const context = {
    location,
    ...(outlet ? { outlet: plainText(outlet) } : {}),
    ...(language ? { language } : {}),
  };
  const feedAuthors = authorNames(feed);
  if (items.length === 0) {
    problems.push(
      problem('ingest/empty-feed', 'The JSON Feed has no items: nothing to read.', location, {
        severity: 'warning',
      }),
    );
  }
  for (const [index, item] of items.entries()) {
    const n = index + 1;
    if (n > maxItems) {
      problems.push(tooMany(maxItems, items.length - index, location));
      break;
    }
    if (!isObject(item)) {
      problems.push(
        problem(
          'ingest/bad-feed',
          `Feed item ${n} is not a JSON object; skipped it.`,
          `${location}#${n}`,
        ),
      );
      continue;
    }
    const result = feedItemSource(jsonFeedEntry(item, feedAuthors), n, context);
    if (result.source) sources.push(result.source);
    problems.push(...result.problems);
  }
  return { sources, problems };
}

function tooMany(maxItems: number, left: number, location: string): Problem {
  return problem(
    'ingest/too-many-items',
    `Stopped after ${maxItems} items; ${left} more were not read. Split the file or raise maxItems.`,
    location,
  );
}

/** Read an array of crawler records: one Source per element at `location#<n>`. */
function parseRecordArray(records: unknown[], location: string, maxItems: number): IngestResult {
  const sources: Source[] = [];
  const problems: Problem[] = [];
  if (records.length === 0) {
    problems.push(
      problem(
        'ingest/empty-json',
        'The JSON file is an empty array: no record to read.',
        location,
        {
          severity: 'warning',
        },
      ),
    );
  }
  for (const [index, record] of records.entries()) {
    const n = index + 1;
    if (n > maxItems) {
      problems.push(tooMany(maxItems, records.length - index, location));
      break;
    }
    if (!isObject(record)) {
      problems.push(
        problem(
          'ingest/bad-record',
          `Element ${n} is not a JSON object; skipped it.`,
          `${location}#${n}`,
        ),
      );
      continue;
    }
    const result = crawlerRecordSource(record, `${location}#${n}`);
    if (result.source) sources.push(result.source);
    problems.push(...result.problems);
  }
  return { sources, problems };
}

/**
 * Read a JSON document: a JSON Feed (one Source per item, `location#<n>`),
 * one crawler record (one Source at `location`), or an array of crawler
 * records (`location#<n>`). Anything else is `ingest/bad-json`.
 */
export function parseJson(text: string, location: string, maxItems: number): IngestResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const feed = /"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(text);
    const what = feed ? 'JSON Feed' : 'JSON file';
    return {
      sources: [],
      problems: [
        problem(
          feed ? 'ingest/bad-feed' : 'ingest/bad-json',
          `The ${what} is not valid JSON (${reason}); nothing was read from it. It may be truncated.`,
          location,
        ),
      ],
    };
  }
  if (isObject(value) && JSON_FEED_VERSION.test(str(value['version']) ?? '')) {
    return parseJsonFeed(value, location, maxItems);
  }
  if (Array.isArray(value)) return parseRecordArray(value, location, maxItems);
  if (isObject(value)) {
    const result = crawlerRecordSource(value, location);
    return { sources: result.source ? [result.source] : [], problems: result.problems };
  }
  const kind = value === null ? 'null' : typeof value;
  return {
    sources: [],
    problems: [
      problem(
        'ingest/bad-json',
        `The JSON file holds ${kind}, not a JSON Feed, an article record or an array of records.`,
        location,
      ),
    ],
  };
}
