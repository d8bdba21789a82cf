import { BaseAsyncIterReader, LimitReader, WARCParser, type WARCRecord } from 'warcio';
import type { Problem, SourceMeta } from '../model/index.ts';
import { parseContentType } from './content-type.ts';
import { decodeHttpBody } from './decode-http-body.ts';
import type { Document } from './document.ts';
import { problem } from './problem.ts';

/** WARC record types that hold a document; request, metadata, warcinfo and revisit records do not. */
const DOCUMENT_TYPES = new Set(['response', 'resource', 'conversion']);
const SKIPPED_TYPES = new Set(['request', 'metadata', 'warcinfo', 'revisit', 'continuation']);
const TEXT_MEDIA =
  /^(text\/|application\/(?:xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml|feed\+json|json|x-ndjson|ld\+json)$)/;

/** What one WARC record gave: a document to ingest, or a problem. */
export type WarcItem = { document: Document } | { problems: Problem[] };

/** Limits readWarc honours. */
export interface WarcLimits {
  maxItems: number;
  maxDecompressedBytes: number;
}

/**
 * Size of the views the WARC is fed to warcio in. warcio copies the rest of
 * its current chunk each time it splits one, so one big chunk makes parsing
 * quadratic; 64 KiB views keep each copy small.
 */
const WARC_CHUNK_BYTES = 64 * 1024;

function* slices(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += WARC_CHUNK_BYTES)
    yield bytes.subarray(at, at + WARC_CHUNK_BYTES);
}

function unbracket(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim().replace(/^<(.*)>$/, '$1');
  return trimmed || undefined;
}

/** Read the raw block after the HTTP headers; `missing` counts the bytes the record promised but the file lacks. */
async function readBlock(record: WARCRecord): Promise<{ raw: Uint8Array; missing: number }> {
  const reader = record.reader;
  const raw = await BaseAsyncIterReader.readFully(reader);
  return { raw, missing: reader instanceof LimitReader ? Math.max(0, reader.limit) : 0 };
}

/**
 * Read past a record's block without keeping it, and count the bytes it
 * promised but the file lacks. Skipped records must be drained here:
 * warcio's own skip (`LimitReader.skipFully`) loops forever at the end of a
 * file that is shorter than the record's Content-Length.
 */
async function drainBlock(record: WARCRecord): Promise<number> {
  const reader = record.reader;
  for await (const _chunk of reader) {
    // Discarded: only the position matters.
  }
  return reader instanceof LimitReader ? Math.max(0, reader.limit) : 0;
}

function recordMeta(record: WARCRecord): SourceMeta {
  const meta: SourceMeta = {};
  const url = unbracket(record.warcTargetURI);
  if (url) meta.url = url;
  const date = record.warcDate?.trim();
  if (date) meta.fetchedAt = date;
  return meta;
}

/** Turn one document record into a document, or say why not. */
async function recordItem(
  record: WARCRecord,
  where: string,
  limits: WarcLimits,
): Promise<WarcItem | 'truncated'> {
  const http = record.httpHeaders;
  const { raw, missing } = await readBlock(record);
  if (missing > 0) return 'truncated';
  const status = Number(http?.statusCode ?? 200);
  if (http && (status < 200 || status > 299)) {
    return {
      problems: [
        problem(
          'ingest/http-status',
          `The WARC response is HTTP ${status}, not a page; skipped it.`,
          where,
          {
            severity: 'warning',
          },
        ),
      ],
    };
  }
  const header = http ? http.headers.get('content-type') : record.warcContentType;
  const type = parseContentType(header);
  if (type?.mime && !TEXT_MEDIA.test(type.mime)) {
    return {
      problems: [
        problem(
          'ingest/unsupported-media',
          `The WARC record holds ${type.mime}, not a text document; skipped it.`,
          where,
          {
            severity: 'warning',
          },
        ),
      ],
    };
  }
  const decoded = http
    ? await decodeHttpBody(
        raw,
        {
          transferEncoding: http.headers.get('transfer-encoding'),
          contentEncoding: http.headers.get('content-encoding'),
        },
        limits.maxDecompressedBytes,
        where,
      )
    : { bytes: raw, problems: [] };
  if (!decoded.bytes) return { problems: decoded.problems };
  const meta = recordMeta(record);
  const document: Document = {
    location: where,
    bytes: decoded.bytes,
    meta,
    problems: decoded.problems,
  };
  if (meta.url) document.name = URL.parse(meta.url)?.pathname ?? meta.url;
  if (type?.mime) document.mime = type.mime;
  if (type?.charset) document.charset = type.charset;
  return { document };
}

/**
 * Read the records of an uncompressed WARC file (the caller undoes gzip, so
 * its size cap applies): each `response`, `resource` or `conversion` record
 * becomes a document at `location#<WARC-Record-ID>` (or `#<n>` without an id)
 * with WARC-Target-URI and WARC-Date in its meta, its HTTP body decoded.
 * Request, metadata and warcinfo records are skipped; non-2xx responses and
 * non-text media are reported; a record cut short ends the file with
 * `ingest/truncated-warc`.
 */
export async function* readWarc(
  bytes: Uint8Array,
  location: string,
  limits: WarcLimits,
): AsyncGenerator<WarcItem> {
  const parser = new WARCParser(slices(bytes));
  const seen = new Set<string>();
  let n = 0;
  let documents = 0;
  try {
    for await (const record of parser) {
      n++;
      const id = unbracket(record.warcHeader('WARC-Record-ID'));
      const where = `${location}#${id && !seen.has(id) ? id : n}`;
      if (id) seen.add(id);
      const verdict = classify(record, n, where, location);
      if (verdict.action === 'stop') {
        if (verdict.problem) yield { problems: [verdict.problem] };
        return;
      }
      if (verdict.action === 'skip' && (await drainBlock(record)) > 0) {
        if (verdict.problem) yield { problems: [verdict.problem] };
        yield { problems: [truncated(where, n)] };
        return;
      }
      if (verdict.action === 'skip' && !verdict.problem) continue;
      // Records reported as skipped count too, so a flood of them cannot yield problems without end.
      if (++documents > limits.maxItems) {
        const message = `Stopped after ${limits.maxItems} documents and reported records at WARC record ${n}; the rest of the file was not read. Split the archive or raise maxItems.`;
        yield { problems: [problem('ingest/too-many-items', message, location)] };
        return;
      }
      if (verdict.problem) {
        yield { problems: [verdict.problem] };
        continue;
      }
      const item = await recordItem(record, where, limits);
      if (item === 'truncated') {
        yield { problems: [truncated(where, n)] };
        return;
      }
      yield item;
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `Could not read WARC record ${n + 1} (${reason}); the records before it were kept.`;
    yield { problems: [problem('ingest/bad-warc', message, location)] };
  }
  if (n === 0) {
    const message = 'No WARC record found: the file does not start with a WARC/1.x header.';
    yield { problems: [problem('ingest/bad-warc', message, location)] };
  } else if (documents === 0) {
    const message = `The WARC holds ${n} record${n === 1 ? '' : 's'} but no response, resource or conversion record (only requests, metadata, warcinfo or revisits): no page to read.`;
    yield { problems: [problem('ingest/no-documents', message, location)] };
  }
}

/** Whether to read a record as a document, skip it, or stop reading the file, and the problem to report. */
function classify(
  record: WARCRecord,
  n: number,
  where: string,
  location: string,
): { action: 'read' | 'skip' | 'stop'; problem?: Problem } {
  const statusline = record.warcHeaders.statusline;
  if (!statusline.startsWith('WARC/')) {
    const message = `WARC record ${n} does not start with a WARC/1.x line (found "${statusline.slice(0, 40)}"); stopped reading the file there.`;
    return { action: 'stop', problem: problem('ingest/bad-warc', message, location) };
  }
  if (record.warcHeader('Content-Length') === null) {
    return { action: 'stop', problem: truncated(where, n) };
  }
  const type = record.warcType;
  if (type && DOCUMENT_TYPES.has(type)) return { action: 'read' };
  if (type && SKIPPED_TYPES.has(type)) return { action: 'skip' };
  const message = `WARC record ${n} has an unknown WARC-Type "${type ?? ''}"; skipped it.`;
  return {
    action: 'skip',
    problem: problem('ingest/bad-warc-record', message, where, { severity: 'warning' }),
  };
}

function truncated(where: string, n: number): Problem {
  return problem(
    'ingest/truncated-warc',
    `WARC record ${n} is cut off before the end its Content-Length promises: the file is truncated. The records before it were kept.`,
    where,
  );
}
