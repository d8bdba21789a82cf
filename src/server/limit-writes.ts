import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { bearerToken, SAFE_METHODS, tokensMatch } from './access.ts';
import { ApiError } from './api-error.ts';
import { addressKey, type RateLimiter } from './rate-limit.ts';

/** The address a request came from, or null when it did not come through Node's HTTP server. */
function remoteAddress(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    // `app.request` in tests and fuzzing: no socket behind the request.
    return null;
  }
}

/**
 * Whose bucket a request is charged to: a client presenting the server's
 * write token is known by it (so clients behind one proxy address that hold
 * the token are not throttled as one stranger); anyone else by remote
 * address (an IPv6 client by its /64). A wrong token counts against the
 * address, which also throttles guessing.
 */
export function clientKey(c: Context, token: string | null): string {
  if (token !== null) {
    const presented = bearerToken(c.req.header('authorization'));
    if (presented !== null && tokensMatch(presented, token)) return 'token';
  }
  const address = remoteAddress(c);
  return address === null ? 'address unknown' : `address ${addressKey(address)}`;
}

function tryAgain(seconds: number): string {
  return `try again in ${seconds} s`;
}

/**
 * Charge every write request (any method but GET, HEAD and OPTIONS, on any
 * path, refused or not) to its client's write bucket; past it, a 429 with
 * `Retry-After`. Runs before the token check, so guessing the token is
 * throttled too. `limiter` null lets everything through.
 */
export function limitWrites(limiter: RateLimiter | null, token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (limiter !== null && !SAFE_METHODS.has(c.req.method)) {
      const decision = limiter.take(clientKey(c, token), 'writes');
      if (!decision.ok) {
        const { writesPerMinute, writeBurst } = limiter.limits;
        const seconds = decision.retryAfterSeconds ?? 60;
        throw new ApiError(
          'too-many-requests',
          `Too many writes from this client: this server takes ${writesPerMinute} a minute (${writeBurst} at once); ${tryAgain(seconds)}`,
          { retryAfterSeconds: seconds },
        );
      }
    }
    await next();
  };
}

/**
 * Charge the files or URLs of a valid ingest request to its client's input
 * bucket, before anything is queued: past it, a 429 with `Retry-After`; a
 * request carrying more than the bucket can ever hold, a 413.
 */
export function chargeInputs(
  c: Context,
  limiter: RateLimiter | null,
  token: string | null,
  count: number,
): void {
  if (limiter === null) return;
  const decision = limiter.take(clientKey(c, token), 'inputs', count);
  if (decision.ok) return;
  const { inputsPerMinute, inputBurst } = limiter.limits;
  if (decision.retryAfterSeconds === null) {
    throw new ApiError(
      'too-large',
      `This request carries ${count} files or URLs; this server queues at most ${inputBurst} at once: send fewer per request`,
    );
  }
  throw new ApiError(
    'too-many-requests',
    `Too many files or URLs from this client: this server queues ${inputsPerMinute} a minute (${inputBurst} at once); ${tryAgain(decision.retryAfterSeconds)}`,
    { retryAfterSeconds: decision.retryAfterSeconds },
  );
}
