import type { Problem, Source, SourceFormat, SourceMeta } from '../model/index.ts';
import { toIsoDate } from './iso-date.ts';
import { plainText } from './plain-text.ts';
import { problem } from './problem.ts';

/** A feed entry's fields as read from RSS, Atom or JSON Feed, before they become a Source. */
export interface FeedEntry {
  /** Full content when the feed carries it (content:encoded, Atom content, content_html/content_text). */
  content?: { text: string; format: SourceFormat };
  /** Description or summary. */
  summary?: { text: string; format: SourceFormat };
  url?: string;
  title?: string;
  /** The date as written in the feed. */
  date?: string;
  bylines: string[];
  language?: string;
}

/** The feed-level fields every item inherits. */
export interface FeedContext {
  location: string;
  outlet?: string;
  language?: string;
}

/**
 * Turn one feed entry (item number `n`, 1-based) into a Source at
 * `location#n`: the full content when present, else the summary; the
 * summary goes to `meta.description` when it is not the body. An entry with
 * neither gives `ingest/no-text`.
 */
export function feedItemSource(
  entry: FeedEntry,
  n: number,
  feed: FeedContext,
): { source?: Source; problems: Problem[] } {
  const where = `${feed.location}#${n}`;
  const problems: Problem[] = [];
  const body = entry.content?.text.trim()
    ? entry.content
    : entry.summary?.text.trim()
      ? entry.summary
      : undefined;
  if (!body) {
    const named = entry.title ? ` ("${entry.title.slice(0, 80)}")` : '';
    const fetch = entry.url ? ` Read its page instead: ${entry.url}` : '';
    problems.push(
      problem(
        'ingest/no-text',
        `Feed item ${n}${named} has no content, description or summary.${fetch}`,
        where,
      ),
    );
    return { problems };
  }
  const meta: SourceMeta = {};
  if (entry.url) meta.url = entry.url;
  if (entry.title) meta.title = entry.title;
  if (entry.date) {
    const iso = toIsoDate(entry.date);
    if (iso) meta.publishedAt = iso;
    else {
      problems.push(
        problem(
          'ingest/bad-date',
          `Could not read the date "${entry.date}"; left the publication time empty.`,
          where,
          {
            severity: 'warning',
          },
        ),
      );
    }
  }
  if (entry.bylines.length > 0) meta.bylines = entry.bylines;
  if (feed.outlet) meta.outlet = feed.outlet;
  const language = entry.language ?? feed.language;
  if (language) meta.language = language;
  if (body !== entry.summary && entry.summary?.text.trim()) {
    meta.description = plainText(entry.summary.text, entry.summary.format === 'html');
  }
  return { source: { location: where, format: body.format, content: body.text, meta }, problems };
}
