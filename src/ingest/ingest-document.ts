import type { Problem, Source, SourceFormat } from '../model/index.ts';
import type { DecodeHints } from './decode-text.ts';
import { decodeText } from './decode-text.ts';
import { decompress } from './decompress.ts';
import type { Document } from './document.ts';
import type { IngestResult } from './ingest-result.ts';
import { MAX_NESTING_DEPTH } from './limits.ts';
import { parseFeed } from './parse-feed.ts';
import { parseJson } from './parse-json.ts';
import { parseJsonl } from './parse-jsonl.ts';
import { problem } from './problem.ts';
import { readWarc } from './read-warc.ts';
import { type InputKind, sniffFormat } from './sniff-format.ts';

/** The limits in force for one ingest call. */
export interface Limits {
  maxDecompressedBytes: number;
  maxItems: number;
  maxDocumentBytes: number;
}

const DOCUMENT_FORMATS: Partial<Record<InputKind, SourceFormat>> = {
  html: 'html',
  markdown: 'markdown',
  text: 'text',
};

function stripGz(name: string | undefined): string | undefined {
  return name?.replace(/\.gz$/i, '');
}

function decode(
  document: Document,
  markup: DecodeHints['markup'],
): { text: string; problems: Problem[] } {
  const hints: DecodeHints = {};
  if (document.charset) hints.httpCharset = document.charset;
  if (markup) hints.markup = markup;
  return decodeText(document.bytes, hints, document.location);
}

async function gunzipped(document: Document, limits: Limits, depth: number): Promise<IngestResult> {
  const { location } = document;
  const result = await decompress(document.bytes, 'gzip', limits.maxDecompressedBytes);
  const problems: Problem[] = [];
  if (!result.ok && result.reason === 'too-large') {
    const message = `Decompressed it is larger than ${limits.maxDecompressedBytes} bytes (a gzip bomb, or an archive to split); nothing was read. Raise the cap with --max-bytes (maxDecompressedBytes) if it is genuine.`;
    return { sources: [], problems: [problem('ingest/too-large', message, location)] };
  }
  if (!result.ok) {
    const kept = result.bytes.length > 0;
    const tail = kept
      ? `kept the ${result.bytes.length} bytes before the damage`
      : 'nothing could be read';
    problems.push(
      problem(
        'ingest/bad-gzip',
        `The gzip data is damaged (${result.message}); ${tail}.`,
        location,
        {
          severity: kept ? 'warning' : 'error',
        },
      ),
    );
    if (!kept) return { sources: [], problems };
  } else if (result.truncated) {
    problems.push(
      problem(
        'ingest/truncated-gzip',
        `The gzip file is cut off (truncated download or copy); kept the ${result.bytes.length} bytes recovered.`,
        location,
        { severity: 'warning' },
      ),
    );
  }
  const inner: Document = { ...document, bytes: result.bytes, problems: [] };
  const name = stripGz(document.name);
  if (name) inner.name = name;
  const nested = await ingestDocument(inner, limits, depth + 1);
  return { sources: nested.sources, problems: [...problems, ...nested.problems] };
}

/** The problem for one document past `maxDocumentBytes` (measured in bytes, or in characters once decoded). */
export function tooLarge(
  size: number,
  unit: 'bytes' | 'characters',
  limits: Limits,
  location: string,
): Problem {
  return problem(
    'ingest/too-large',
    `The document is ${size} ${unit}, more than the ${limits.maxDocumentBytes} read as one article (a news article is well under 1 MB); nothing was read from it. Split it, or raise maxDocumentBytes if it is genuine.`,
    location,
  );
}

async function warcDocuments(
  document: Document,
  limits: Limits,
  depth: number,
): Promise<IngestResult> {
  const sources: Source[] = [];
  const problems: Problem[] = [];
  for await (const item of readWarc(document.bytes, document.location, limits)) {
    if ('problems' in item) {
      problems.push(...item.problems);
      continue;
    }
    const nested = await ingestDocument(item.document, limits, depth + 1);
    // Loops, not push(...spread): a record may be a feed of 100,000 items, past the argument limit.
    for (const source of nested.sources) sources.push(source);
    for (const found of nested.problems) problems.push(found);
  }
  return { sources, problems };
}

function emptyOrBinary(kind: 'empty' | 'binary', location: string): IngestResult {
  const message =
    kind === 'empty'
      ? 'The input is empty (or only whitespace): nothing to read. Check the file or the export that produced it.'
      : 'The input is not text (it holds NUL or control bytes): parallax reads text, Markdown, HTML, RSS/Atom/JSON feeds, JSON Lines and WARC, each optionally gzipped.';
  return { sources: [], problems: [problem(`ingest/${kind}`, message, location)] };
}

/**
 * Ingest one document of any supported kind: sniff it, undo gzip, open
 * containers (WARC, feeds, JSON, JSON Lines) and decode each document's
 * text. Containers nest up to `MAX_NESTING_DEPTH`.
 */
export async function ingestDocument(
  document: Document,
  limits: Limits,
  depth = 0,
): Promise<IngestResult> {
  const before = document.problems ?? [];
  const result = await dispatch(document, limits, depth);
  return { sources: result.sources, problems: [...before, ...result.problems] };
}

async function dispatch(document: Document, limits: Limits, depth: number): Promise<IngestResult> {
  const { location } = document;
  if (depth > MAX_NESTING_DEPTH) {
    const message = `Containers nest more than ${MAX_NESTING_DEPTH} deep (gzip in WARC in gzip …); stopped there.`;
    return { sources: [], problems: [problem('ingest/too-deep', message, location)] };
  }
  const hints: { name?: string; mime?: string } = {};
  if (document.name) hints.name = document.name;
  if (document.mime) hints.mime = document.mime;
  const kind = sniffFormat(document.bytes, hints);
  switch (kind) {
    case 'empty':
    case 'binary':
      return emptyOrBinary(kind, location);
    case 'gzip':
      return gunzipped(document, limits, depth);
    case 'warc':
      return warcDocuments(document, limits, depth);
    case 'feed':
    case 'json':
    case 'jsonl': {
      const decoded = decode(document, kind === 'feed' ? 'xml' : undefined);
      const parse = kind === 'feed' ? parseFeed : kind === 'json' ? parseJson : parseJsonl;
      const parsed = parse(decoded.text, location, limits.maxItems);
      return { sources: parsed.sources, problems: [...decoded.problems, ...parsed.problems] };
    }
    default: {
      if (document.bytes.length > limits.maxDocumentBytes) {
        return {
          sources: [],
          problems: [tooLarge(document.bytes.length, 'bytes', limits, location)],
        };
      }
      const format = DOCUMENT_FORMATS[kind] ?? 'text';
      const decoded = decode(document, format === 'html' ? 'html' : undefined);
      const source: Source = { location, format, content: decoded.text, meta: document.meta };
      return { sources: [source], problems: decoded.problems };
    }
  }
}
