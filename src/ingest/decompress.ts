import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { bytesView } from './bytes-view.ts';

/** Compression formats ingest undoes: gzip files and the HTTP `Content-Encoding`s crawlers store. */
export type Compression = 'gzip' | 'deflate' | 'br';

/** The outcome of decompress: the bytes recovered and what went wrong, if anything. */
export type Decompressed =
  | { ok: true; bytes: Uint8Array; truncated: boolean }
  | { ok: false; reason: 'too-large' | 'corrupt'; bytes: Uint8Array; message: string };

const oneShot = {
  gzip: promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  deflateRaw: promisify(zlib.inflateRaw),
  br: promisify(zlib.brotliDecompress),
};

// Flushing at the end instead of finishing returns what a cut-off stream held (Node's documented recipe).
const SYNC_FLUSH = {
  gzip: { finishFlush: zlib.constants.Z_SYNC_FLUSH },
  deflate: { finishFlush: zlib.constants.Z_SYNC_FLUSH },
  deflateRaw: { finishFlush: zlib.constants.Z_SYNC_FLUSH },
  br: { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH },
};

type Method = keyof typeof oneShot;

function tooLarge(max: number): Decompressed {
  return {
    ok: false,
    reason: 'too-large',
    bytes: new Uint8Array(0),
    message: `decompresses to more than ${max} bytes`,
  };
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

function streamFor(
  method: Method,
): zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress {
  if (method === 'gzip') return zlib.createGunzip();
  if (method === 'deflate') return zlib.createInflate();
  if (method === 'deflateRaw') return zlib.createInflateRaw();
  return zlib.createBrotliDecompress();
}

/** Stream the input and keep the output produced before the stream broke (for damage mid-stream). */
function salvage(bytes: Uint8Array, method: Method, max: number): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = streamFor(method);
    const done = () => resolve(bytesView(Buffer.concat(chunks)));
    stream.on('data', (chunk: Buffer) => {
      if (size + chunk.length > max) return stream.destroy();
      chunks.push(chunk);
      size += chunk.length;
    });
    stream.on('error', done);
    stream.on('close', done);
    stream.end(bytes);
  });
}

/**
 * Whether the output would pass `max` bytes, found by streaming it and
 * keeping none: a gzip bomb is refused without ever holding `max` bytes.
 * Damaged data answers false; the one-shot pass then reports the damage.
 */
function exceeds(bytes: Uint8Array, method: Method, max: number): Promise<boolean> {
  return new Promise((resolve) => {
    let size = 0;
    const stream = streamFor(method);
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) stream.destroy();
    });
    stream.on('error', () => resolve(size > max));
    stream.on('close', () => resolve(size > max));
    stream.end(bytes);
  });
}

async function run(bytes: Uint8Array, method: Method, max: number): Promise<Decompressed> {
  if (await exceeds(bytes, method, max)) return tooLarge(max);
  try {
    const out = await oneShot[method](bytes, { maxOutputLength: max });
    return { ok: true, bytes: bytesView(out), truncated: false };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ERR_BUFFER_TOO_LARGE') return tooLarge(max);
    if (code === 'Z_BUF_ERROR' || code === 'ERR_BROTLI_DECOMPRESSION_FAILED') {
      try {
        const out = await oneShot[method](bytes, { maxOutputLength: max, ...SYNC_FLUSH[method] });
        if (out.length > 0 || code === 'Z_BUF_ERROR') {
          return { ok: true, bytes: bytesView(out), truncated: true };
        }
      } catch {
        // fall through to salvage
      }
    }
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'corrupt', bytes: await salvage(bytes, method, max), message };
  }
}

/**
 * Decompress gzip (one or more members), deflate (zlib-wrapped or raw, as
 * servers send both) or Brotli, never producing more than `maxOutputBytes`.
 * A cut-off stream yields what it held with `truncated: true`; damaged data
 * yields the bytes recovered before the damage with `ok: false`.
 */
export async function decompress(
  bytes: Uint8Array,
  compression: Compression,
  maxOutputBytes: number,
): Promise<Decompressed> {
  if (!Number.isSafeInteger(maxOutputBytes) || maxOutputBytes <= 0) {
    throw new RangeError(`Expected a positive integer maxOutputBytes, got ${maxOutputBytes}`);
  }
  if (compression !== 'deflate') return run(bytes, compression, maxOutputBytes);
  const wrapped = await run(bytes, 'deflate', maxOutputBytes);
  // zlib-wrapped deflate starts with a header byte whose low nibble is 8; anything else is raw deflate.
  if (wrapped.ok || wrapped.reason === 'too-large' || (bytes[0] ?? 0) % 16 === 8) return wrapped;
  return run(bytes, 'deflateRaw', maxOutputBytes);
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}
