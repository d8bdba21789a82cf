import type { Problem } from '../model/index.ts';
import { bytesView } from './bytes-view.ts';
import type { Compression } from './decompress.ts';
import { decompress, isGzip } from './decompress.ts';
import { problem } from './problem.ts';

/** The HTTP headers that say how a stored body is encoded. */
export interface BodyEncoding {
  transferEncoding?: string | null;
  contentEncoding?: string | null;
}

const CODINGS: Record<string, Compression | 'identity'> = {
  gzip: 'gzip',
  'x-gzip': 'gzip',
  deflate: 'deflate',
  br: 'br',
  identity: 'identity',
  none: 'identity',
};

const CHUNK_SIZE_LINE = /^([0-9a-fA-F]+)[^\r\n]*\r?\n/;
const latin1 = new TextDecoder('windows-1252');

/**
 * Undo HTTP chunked transfer coding. Returns undefined when the body does
 * not open with a chunk-size line (the crawler stored it de-chunked), and
 * `complete: false` when it stops before the last chunk.
 */
export function dechunk(body: Uint8Array): { bytes: Uint8Array; complete: boolean } | undefined {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const line = CHUNK_SIZE_LINE.exec(latin1.decode(body.subarray(at, at + 256)));
    if (!line)
      return parts.length === 0
        ? undefined
        : { bytes: bytesView(Buffer.concat(parts)), complete: false };
    const size = Number.parseInt(line[1] ?? '', 16);
    at += line[0].length;
    if (size === 0) return { bytes: bytesView(Buffer.concat(parts)), complete: true };
    const chunk = body.subarray(at, at + size);
    parts.push(chunk);
    if (chunk.length < size) return { bytes: bytesView(Buffer.concat(parts)), complete: false };
    at += size;
    if (body[at] === 0x0d) at++;
    if (body[at] === 0x0a) at++;
  }
}

/**
 * Decode an HTTP body as a crawler stored it: undo chunked transfer coding,
 * then the `Content-Encoding` (gzip, deflate, br), never past
 * `maxDecompressedBytes`. A body labelled gzip that lacks the gzip magic is
 * taken as already decoded (some crawlers decode and keep the header).
 * Returns undefined bytes when nothing could be recovered.
 */
export async function decodeHttpBody(
  raw: Uint8Array,
  encoding: BodyEncoding,
  maxDecompressedBytes: number,
  source: string,
): Promise<{ bytes?: Uint8Array; problems: Problem[] }> {
  const problems: Problem[] = [];
  let body = raw;
  if (encoding.transferEncoding?.toLowerCase().includes('chunked')) {
    const chunks = dechunk(raw);
    if (chunks) {
      body = chunks.bytes;
      if (!chunks.complete) {
        problems.push(
          problem(
            'ingest/truncated-body',
            'The chunked HTTP body stops before its last chunk; kept what was there.',
            source,
            {
              severity: 'warning',
            },
          ),
        );
      }
    }
  }
  const codings = (encoding.contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter(Boolean)
    .reverse();
  for (const coding of codings) {
    const method = CODINGS[coding];
    if (!method) {
      problems.push(
        problem(
          'ingest/unsupported-encoding',
          `The HTTP body uses Content-Encoding "${coding}", which parallax cannot decode; skipped it.`,
          source,
        ),
      );
      return { problems };
    }
    if (method === 'identity' || (method === 'gzip' && !isGzip(body))) continue;
    const result = await decompress(body, method, maxDecompressedBytes);
    if (!result.ok) {
      const kept = result.bytes.length > 0;
      problems.push(
        problem(
          result.reason === 'too-large' ? 'ingest/too-large' : 'ingest/bad-encoding',
          `The ${coding}-encoded HTTP body ${result.message}; ${kept ? 'kept what was recovered' : 'skipped it'}.`,
          source,
          { severity: kept ? 'warning' : 'error' },
        ),
      );
      if (!kept) return { problems };
    } else if (result.truncated) {
      problems.push(
        problem(
          'ingest/truncated-body',
          `The ${coding}-encoded HTTP body is cut off; kept what was recovered.`,
          source,
          {
            severity: 'warning',
          },
        ),
      );
    }
    body = result.bytes;
  }
  return { bytes: body, problems };
}
