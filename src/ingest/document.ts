import type { Problem, SourceMeta } from '../model/index.ts';

/** One document on its way through ingest: bytes plus everything known about them. */
export interface Document {
  /** Source.location for what comes out of it. */
  location: string;
  bytes: Uint8Array;
  /** A file name, path or URL path whose extension hints at the format. */
  name?: string;
  /** Media type from HTTP or a WARC record, lower case. */
  mime?: string;
  /** Charset from HTTP or a WARC record. */
  charset?: string;
  meta: SourceMeta;
  /** Problems already met while getting the bytes (decoding an HTTP body, say). */
  problems?: Problem[];
}
