import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.ts';

/** Methods that change nothing: open to every client the server lets in. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a host name or address is the loopback interface (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
  return false;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Compare a presented token with the expected one in constant time: both
 * are hashed first, so neither their contents nor their lengths show in
 * how long the comparison takes.
 */
export function tokensMatch(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m === null ? null : (m[1] as string);
}

/**
 * Guard writes with a token when one is set: a POST without
 * `Authorization: Bearer <token>`, or with another token, gets 401. Reads
 * stay open. Without a token (loopback only, see `startServer`) writes are
 * open to local clients.
 */
export function requireWriteToken(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (token !== null && !SAFE_METHODS.has(c.req.method)) {
      const presented = bearerToken(c.req.header('authorization'));
      if (presented === null) {
        throw new ApiError(
          'unauthorized',
          'This server needs a token for writes: send Authorization: Bearer <token>',
        );
      }
      if (!tokensMatch(presented, token)) throw new ApiError('unauthorized', 'Wrong token');
    }
    await next();
  };
}

/**
 * Refuse what a web page on another site could make a browser send: a
 * write whose `Origin` is not this server (cross-site form posts need no
 * preflight), and, on a loopback server, a request whose `Host` is not a
 * loopback name (DNS rebinding: evil.example resolving to 127.0.0.1).
 */
export function sameOriginOnly(options: { loopback: boolean }): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? '';
    if (options.loopback && !isLoopbackHost(hostName(host))) {
      throw new ApiError(
        'forbidden',
        `Host '${host}' is not this server's; use http://127.0.0.1 or http://localhost`,
      );
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin !== undefined && origin !== 'null' && originHost(origin) !== host.toLowerCase()) {
        throw new ApiError('forbidden', `Writes from another origin (${origin}) are refused`);
      }
      if (origin === 'null' || c.req.header('sec-fetch-site') === 'cross-site') {
        throw new ApiError('forbidden', 'Writes from another site are refused');
      }
    }
    await next();
  };
}

/** The host name of a `Host` header value, without the port. */
function hostName(host: string): string {
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end < 0 ? host : host.slice(0, end + 1);
  }
  const colon = host.lastIndexOf(':');
  return (colon < 0 ? host : host.slice(0, colon)).toLowerCase();
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return null;
  }
}
