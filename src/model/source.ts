/** How the content of a `Source` is encoded. */
export type SourceFormat = 'text' | 'markdown' | 'html';

/** What the container around a document said about it (feed item fields, WARC headers, JSONL fields). */
export interface SourceMeta {
  url?: string;
  title?: string;
  /** ISO 8601 as given by the container; extract normalises it. */
  publishedAt?: string;
  outlet?: string;
  bylines?: string[];
  language?: string;
  /** Summary or standfirst from a feed, when it is not the body. */
  description?: string;
  /** When the document was fetched (WARC-Date), as given: a crawl time, not the publication time. */
  fetchedAt?: string;
}

/**
 * One document found by ingest: a page, a text file, a feed item, a JSONL
 * record or a WARC response. Decoded to text; bytes never leave ingest.
 */
export interface Source {
  /**
   * Where it came from: a path, URL or `-`, with `#<n>` or `#<record id>`
   * for an item inside a container (feed, JSONL, WARC). Unique in a batch.
   */
  location: string;
  format: SourceFormat;
  /** The decoded document: HTML markup, Markdown or plain text. */
  content: string;
  /** The container's metadata; may be empty. */
  meta: SourceMeta;
}
