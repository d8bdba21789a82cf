import type { Problem, Source, SourceMeta } from '../model/index.ts';
import { toIsoDate } from './iso-date.ts';
import { looksLikeHtml, plainText } from './plain-text.ts';
import { problem } from './problem.ts';

/** Fields holding the article text, best first (news-please / CC-News use `maintext`). */
export const TEXT_FIELDS = ['maintext', 'text', 'content', 'body'] as const;
/** A field holding the raw page, used when no text field is there. */
export const HTML_FIELDS = ['html', 'raw_html'] as const;

const META_FIELDS = {
  title: ['title', 'headline'],
  url: ['url', 'link', 'canonical_url'],
  publishedAt: [
    'date_publish',
    'published_at',
    'publishedAt',
    'date_published',
    'published',
    'date',
  ],
  outlet: ['source_domain', 'outlet', 'site_name', 'source'],
  language: ['language', 'lang'],
  description: ['description', 'summary'],
} as const;

/** A crawler record mapped to a Source, or the problem that stopped it, plus warnings. */
export interface RecordResult {
  source?: Source;
  problems: Problem[];
}

function firstString(
  record: Record<string, unknown>,
  fields: readonly string[],
): string | undefined {
  for (const field of fields) {
    const value = record[field];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return undefined;
}

function bylines(record: Record<string, unknown>): string[] {
  const value = record['authors'] ?? record['author'] ?? record['byline'];
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((item) => (typeof item === 'object' && item !== null && 'name' in item ? item.name : item))
    .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
    .map((item) => plainText(item));
}

/** The metadata fields of a crawler record, with the date rewritten to ISO 8601. */
function recordMeta(
  record: Record<string, unknown>,
  where: string,
  problems: Problem[],
): SourceMeta {
  const meta: SourceMeta = {};
  const title = firstString(record, META_FIELDS.title);
  if (title) meta.title = plainText(title);
  const url = firstString(record, META_FIELDS.url);
  if (url) meta.url = url.trim();
  const date = firstString(record, META_FIELDS.publishedAt);
  if (date) {
    const iso = toIsoDate(date);
    if (iso) meta.publishedAt = iso;
    else {
      problems.push(
        problem(
          'ingest/bad-date',
          `Could not read the date "${date}"; left the publication time empty.`,
          where,
          {
            severity: 'warning',
          },
        ),
      );
    }
  }
  const outlet = firstString(record, META_FIELDS.outlet);
  if (outlet) meta.outlet = plainText(outlet);
  const names = bylines(record);
  if (names.length > 0) meta.bylines = names;
  const language = firstString(record, META_FIELDS.language);
  if (language) meta.language = language.trim();
  const description = firstString(record, META_FIELDS.description);
  if (description) meta.description = plainText(description, looksLikeHtml(description));
  return meta;
}

/**
 * Map one crawler record (news-please / CC-News style: `title`, `maintext`
 * or `text`, `date_publish`, `url`, `source_domain`, `authors`, `language`,
 * `description`) to a `text` Source at `where`. A record with no text gives
 * an `ingest/no-text` problem instead.
 */
export function crawlerRecordSource(
  record: Record<string, unknown>,
  where: string,
  line?: number,
): RecordResult {
  const problems: Problem[] = [];
  const text = firstString(record, TEXT_FIELDS);
  const html = text ? undefined : firstString(record, HTML_FIELDS);
  if (!text && !html) {
    const title = firstString(record, META_FIELDS.title);
    const named = title ? ` ("${plainText(title).slice(0, 80)}")` : '';
    const fields = [...TEXT_FIELDS, ...HTML_FIELDS].join(', ');
    problems.push(
      problem(
        'ingest/no-text',
        `Record${named} has no text: none of ${fields} holds a non-empty string. Re-export it with the article text.`,
        where,
        line === undefined ? {} : { line },
      ),
    );
    return { problems };
  }
  const meta = recordMeta(record, where, problems);
  const source: Source = text
    ? { location: where, format: 'text', content: text, meta }
    : { location: where, format: 'html', content: html ?? '', meta };
  return { source, problems };
}
