import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import type { RawInput } from '../ingest/index.ts';
import {
  type AddressPolicy,
  checkAddress,
  guardedLookup,
  type Resolver,
  systemResolver,
} from './guarded-lookup.ts';
import { IoError } from './io-error.ts';
import { FETCH_TIMEOUT_MS, MAX_FETCH_BYTES, MAX_REDIRECTS } from './limits.ts';
import { USER_AGENT } from './user-agent.ts';

/** How fetchUrl behaves; every limit defaults to its named constant. */
export interface FetchOptions extends AddressPolicy {
  /** Time for the whole fetch, redirects and body included (default `FETCH_TIMEOUT_MS`). */
  timeoutMs?: number;
  /** Cap on the decoded body (default `MAX_FETCH_BYTES`). */
  maxBytes?: number;
  /** Redirects followed (default `MAX_REDIRECTS`). */
  maxRedirects?: number;
  /** DNS resolver (default: the system's); every address it returns is checked. */
  resolve?: Resolver;
  /**
   * Extra request headers, e.g. a conditional request's If-None-Match and
   * If-Modified-Since. Sent on redirects within the URL's origin; once a
   * redirect leaves it, only `CROSS_ORIGIN_HEADERS` are sent on, so a
   * credential (Authorization, Cookie, an API key) never reaches another host.
   */
  headers?: Readonly<Record<string, string>>;
  /** Told the final response's status and headers (ETag, Last-Modified) before its body is read. */
  onResponse?: (status: number, headers: IncomingHttpHeaders) => void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The caller's headers still sent after a redirect to another origin
 * (scheme, host and port): conditional and content-negotiation headers,
 * which reveal nothing. Anything else may be a credential (Authorization,
 * Cookie, Proxy-Authorization, X-Api-Key …) and is dropped, as browsers and
 * the Fetch standard drop Authorization on a cross-origin redirect.
 */
export const CROSS_ORIGIN_HEADERS: ReadonlySet<string> = new Set([
  'if-none-match',
  'if-modified-since',
  'accept',
  'accept-language',
  'user-agent',
]);

/** The headers of `headers` that may follow a redirect to another origin. */
function crossOriginHeaders(
  headers: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  if (headers === undefined) return undefined;
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (CROSS_ORIGIN_HEADERS.has(name.toLowerCase())) kept[name] = value;
  }
  return kept;
}

const ACCEPT =
  'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,text/plain;q=0.8,*/*;q=0.5';

function parseUrl(text: string, target: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new IoError('io/bad-url', `Not a valid URL: ${text}`, target, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IoError(
      'io/bad-url',
      `Only http and https URLs can be fetched, got ${url.protocol} in ${text}`,
      target,
    );
  }
  url.hash = '';
  return url;
}

function positive(
  name: string,
  value: number | undefined,
  fallback: number,
  allowZero = false,
): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new RangeError(
      `Expected options.${name} to be a ${allowZero ? 'non-negative' : 'positive'} integer, got ${value}`,
    );
  }
  return value;
}

/** Send one GET to exactly the checked address and resolve with the response head. */
function request(
  url: URL,
  options: FetchOptions,
  headers: Readonly<Record<string, string>> | undefined,
  signal: AbortSignal,
  target: string,
): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // Node connects to an IP literal without calling `lookup`, so check it here.
  if (net.isIP(host)) checkAddress(host, host, options, target);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      agent: false,
      signal,
      lookup: guardedLookup(options, options.resolve ?? systemResolver, target),
      headers: {
        ...headers,
        'user-agent': USER_AGENT,
        accept: ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    req.on('response', resolve);
    req.on('error', reject);
    req.end();
  });
}

function decoderFor(
  encoding: string | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  const coding = (encoding ?? '').trim().toLowerCase();
  if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip();
  if (coding === 'deflate') return zlib.createInflate();
  if (coding === 'br') return zlib.createBrotliDecompress();
  if (coding === '' || coding === 'identity') return undefined;
  throw new Error(`unsupported Content-Encoding "${coding}"`);
}

/** Stream the body, decoding its Content-Encoding, and abort once it passes `maxBytes`. */
async function readBody(
  response: IncomingMessage,
  maxBytes: number,
  target: string,
): Promise<Uint8Array> {
  const length = Number(response.headers['content-length']);
  const tooLarge = () =>
    new IoError(
      'io/too-large',
      `${target} is larger than ${maxBytes} bytes; raise the cap with --max-bytes (maxBytes) to read it.`,
      target,
    );
  // A decoded body is at least as long as its encoded one, so a declared length past the cap is enough to refuse.
  if (length > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const decoder = decoderFor(response.headers['content-encoding']);
  const body = decoder ? pipeline(response, decoder, () => {}) : response;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      decoder?.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  if (!response.complete) {
    throw new IoError(
      'io/network',
      `The connection closed before the body of ${target} was complete.`,
      target,
    );
  }
  const whole = Buffer.concat(chunks);
  // A view, not a copy: the input may be hundreds of MiB.
  return new Uint8Array(whole.buffer, whole.byteOffset, whole.byteLength);
}

function asIoError(
  error: unknown,
  target: string,
  signal: AbortSignal,
  timeoutMs: number,
): IoError {
  if (error instanceof IoError) return error;
  if (signal.aborted) {
    return new IoError(
      'io/timeout',
      `Fetching ${target} took longer than ${timeoutMs} ms; gave up.`,
      target,
      {
        cause: error,
      },
    );
  }
  const cause = error as NodeJS.ErrnoException;
  if (cause?.cause instanceof IoError) return cause.cause;
  const code = cause?.code ? ` (${cause.code})` : '';
  return new IoError(
    'io/network',
    `Could not fetch ${target}: ${cause?.message ?? String(error)}${code}.`,
    target,
    {
      cause: error,
    },
  );
}

/**
 * Fetch one http(s) URL as a RawInput. Follows redirects by hand (each hop's
 * scheme and addresses checked again), refuses private, loopback,
 * link-local, CGNAT, unique-local, multicast and cloud-metadata addresses
 * unless allowed (checking the addresses DNS returns and connecting to
 * exactly those), decodes gzip/deflate/br, and stops at the byte cap and the
 * timeout. `location` is the URL asked for, `url` the one finally read.
 * @throws IoError on any failure (`code` says which), RangeError on bad options.
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<RawInput> {
  if (typeof url !== 'string')
    throw new TypeError(`Expected url to be a string, got ${typeof url}`);
  const timeoutMs = positive('timeoutMs', options.timeoutMs, FETCH_TIMEOUT_MS);
  const maxBytes = positive('maxBytes', options.maxBytes, MAX_FETCH_BYTES);
  const maxRedirects = positive('maxRedirects', options.maxRedirects, MAX_REDIRECTS, true);
  const first = parseUrl(url, url);
  const target = first.href;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let current = first;
    let headers = options.headers;
    for (let hop = 0; ; hop++) {
      const response = await request(current, options, headers, controller.signal, target);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.destroy();
        if (hop >= maxRedirects) {
          throw new IoError(
            'io/too-many-redirects',
            `${target} redirected more than ${maxRedirects} times; gave up.`,
            target,
          );
        }
        const next = parseUrl(new URL(location, current).href, target);
        // Dropped for good: a later hop back to the first origin does not get them again.
        if (next.origin !== current.origin) headers = crossOriginHeaders(headers);
        current = next;
        continue;
      }
      options.onResponse?.(status, response.headers);
      if (status < 200 || status > 299) {
        response.destroy();
        const where = current.href === target ? '' : ` (redirected to ${current.href})`;
        throw new IoError(
          'io/http-status',
          `${target}${where} answered HTTP ${status} ${response.statusMessage ?? ''}`.trim(),
          target,
          {
            status,
          },
        );
      }
      const bytes = await readBody(response, maxBytes, target);
      const input: RawInput = { location: target, bytes, url: current.href };
      const contentType = response.headers['content-type'];
      if (contentType) input.contentType = contentType;
      return input;
    }
  } catch (error) {
    throw asIoError(error, target, controller.signal, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
