import type { Problem, Source, SourceMeta } from '../model/index.ts';
import { parseContentType } from './content-type.ts';
import type { Document } from './document.ts';
import { ingestDocument, tooLarge } from './ingest-document.ts';
import type { IngestResult } from './ingest-result.ts';
import { MAX_DECOMPRESSED_BYTES, MAX_DOCUMENT_BYTES, MAX_ITEMS_PER_CONTAINER } from './limits.ts';

/** One input as read by the IO edge: where it came from and its bytes. */
export interface RawInput {
  /** Path, URL or `-`; becomes `Source.location` (with `#item` for items inside containers). */
  location: string;
  bytes: Uint8Array;
  /** The HTTP `Content-Type` header, when fetched. */
  contentType?: string;
  /** The final URL after redirects, when fetched. */
  url?: string;
}

/** Limits for one ingest call; each defaults to the named constant. */
export interface IngestOptions {
  /** Cap on what one gzip stream may decompress to (default `MAX_DECOMPRESSED_BYTES`). */
  maxDecompressedBytes?: number;
  /** Cap on items read from one container (default `MAX_ITEMS_PER_CONTAINER`). */
  maxItems?: number;
  /** Cap on one document handed on to extract (default `MAX_DOCUMENT_BYTES`). */
  maxDocumentBytes?: number;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`Expected options.${name} to be a positive integer, got ${value}`);
  }
  return value;
}

function checkInput(input: RawInput): void {
  if (typeof input !== 'object' || input === null) {
    throw new TypeError(
      `Expected a RawInput object, got ${input === null ? 'null' : typeof input}`,
    );
  }
  if (typeof input.location !== 'string' || input.location === '') {
    throw new TypeError(
      `Expected input.location to be a non-empty string, got ${JSON.stringify(input.location)}`,
    );
  }
  if (!(input.bytes instanceof Uint8Array)) {
    throw new TypeError(`Expected input.bytes to be a Uint8Array, got ${typeof input.bytes}`);
  }
}

function nameOf(input: RawInput): string | undefined {
  if (input.url) {
    try {
      return new URL(input.url).pathname;
    } catch {
      return undefined;
    }
  }
  return input.location === '-' ? undefined : input.location;
}

/** Make every location unique, as Source.location promises: a repeat gets `~2`, `~3`. */
function uniqueLocations(sources: Source[], problems: Problem[]): Source[] {
  const seen = new Map<string, number>();
  return sources.map((source) => {
    const count = (seen.get(source.location) ?? 0) + 1;
    seen.set(source.location, count);
    if (count === 1) return source;
    const location = `${source.location}~${count}`;
    problems.push({
      code: 'ingest/duplicate-location',
      message: `Two items share the location ${source.location}; renamed this one ${location}.`,
      source: location,
      severity: 'warning',
    });
    return { ...source, location };
  });
}

/**
 * Turn one raw input into `Source` documents: detect its format by content
 * and name (text, Markdown, HTML, RSS/Atom/JSON Feed, JSON Lines, WARC,
 * gzip of any of these), open containers into one Source per item, decode
 * text from its charset. Bad data never throws: it becomes `problems`, and
 * whatever could be read is kept. Pure: no file system, network or clock.
 * @example const { sources, problems } = await ingest({ location: 'a.html', bytes })
 */
export async function ingest(input: RawInput, options: IngestOptions = {}): Promise<IngestResult> {
  checkInput(input);
  const limits = {
    maxDecompressedBytes: positive(
      'maxDecompressedBytes',
      options.maxDecompressedBytes,
      MAX_DECOMPRESSED_BYTES,
    ),
    maxItems: positive('maxItems', options.maxItems, MAX_ITEMS_PER_CONTAINER),
    maxDocumentBytes: positive('maxDocumentBytes', options.maxDocumentBytes, MAX_DOCUMENT_BYTES),
  };
  const meta: SourceMeta = input.url ? { url: input.url } : {};
  const document: Document = { location: input.location, bytes: input.bytes, meta };
  const name = nameOf(input);
  if (name) document.name = name;
  const type = parseContentType(input.contentType);
  if (type?.mime) document.mime = type.mime;
  if (type?.charset) document.charset = type.charset;
  const result = await ingestDocument(document, limits);
  const problems = [...result.problems];
  // Items of feeds and records arrive as text: their cap is counted in characters.
  const fitting = result.sources.filter((source) => {
    if (source.content.length <= limits.maxDocumentBytes) return true;
    problems.push(tooLarge(source.content.length, 'characters', limits, source.location));
    return false;
  });
  const sources = uniqueLocations(fitting, problems);
  return { sources, problems };
}
