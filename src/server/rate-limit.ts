import { isIP } from 'node:net';

// Hand-written rather than hono-rate-limiter (0.5.4, the maintained Hono
// middleware on npm), which counts hits in fixed windows: it cannot charge
// a request by the files or URLs it carries, has no burst separate from the
// rate, reads `Date.now()` in its memory store and its Retry-After header
// (no clock to inject, so tests would sleep), and sweeps its map on a
// `setInterval` once per window, so a flood of distinct addresses inside
// one window grows it without bound. A token bucket per client is a few
// lines, needs no timer, and is bounded below by `maxClients`.

/**
 * Write requests (any POST, PUT, PATCH or DELETE) one client may send per
 * minute, sustained. The UI sends one request per drop or paste, and a
 * script batching `MAX_FILES_PER_REQUEST` files at the input rate below
 * needs 3 a minute; 60 leaves room for retries and rejected requests while
 * bounding how many uploads (each parsed in memory, up to
 * `MAX_UPLOAD_BYTES`) and token guesses one client can make a server take.
 */
export const DEFAULT_WRITES_PER_MINUTE = 60;

/** Write requests a client may send at once before the rate applies: a person dropping files one by one. */
export const DEFAULT_WRITE_BURST = 30;

/**
 * Inputs (uploaded files or URLs, each one read job: usually one article,
 * a feed or archive counts once) one client may queue per minute,
 * sustained: what one default `parallax serve` works through. Measured
 * with `npm run bench:scale -- --articles 300 --stored 1000 --workers 1`
 * on the shared 2-core machine: 5.0 articles/s in process on PGlite (the
 * default store), 9.6 articles/s for one worker on PostgreSQL. One client
 * cannot then grow the queue faster than the server empties it.
 */
export const DEFAULT_INPUTS_PER_MINUTE = 300;

/**
 * Inputs a client may queue at once: two requests of `MAX_URLS_PER_REQUEST`
 * URLs, four of `MAX_FILES_PER_REQUEST` files. It must be at least the
 * largest request (200 URLs), or a full request could never pass.
 */
export const DEFAULT_INPUT_BURST = 400;

/**
 * Clients remembered at most. An entry is two buckets (~200 bytes), so
 * 10,000 is ~2 MB. Past it the least recently seen client is forgotten,
 * which only gives it a full bucket again; idle clients (their buckets
 * full) are forgotten first, as they are seen to be idle.
 */
export const MAX_RATE_LIMIT_CLIENTS = 10_000;

/** Oldest entries looked at on each call to forget idle ones: bounds the work per request. */
const SWEEP_PER_CALL = 8;

/** The rates and bursts of a rate limiter. A rate of 0 turns that limit off. */
export interface RateLimits {
  /** Write requests per minute per client, sustained (0: no limit). */
  writesPerMinute: number;
  /** Write requests at once. */
  writeBurst: number;
  /** Files or URLs queued per minute per client, sustained (0: no limit). */
  inputsPerMinute: number;
  /** Files or URLs queued at once. */
  inputBurst: number;
}

/** The limits `parallax serve` applies unless told otherwise. */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimits> = {
  writesPerMinute: DEFAULT_WRITES_PER_MINUTE,
  writeBurst: DEFAULT_WRITE_BURST,
  inputsPerMinute: DEFAULT_INPUTS_PER_MINUTE,
  inputBurst: DEFAULT_INPUT_BURST,
};

/** Options of `createRateLimiter`: any limit left out takes its default. */
export interface RateLimitOptions extends Partial<RateLimits> {
  /** Milliseconds on a clock that never goes back (default `performance.now`); tests pass their own. */
  now?: () => number;
  /** Clients remembered at most (default `MAX_RATE_LIMIT_CLIENTS`). */
  maxClients?: number;
}

/** What a bucket is charged for: a write request, or the files or URLs it queues. */
export type RateKind = 'writes' | 'inputs';

/** The answer of `RateLimiter.take`. */
export type RateDecision =
  | { ok: true }
  | {
      ok: false;
      /** Whole seconds until the same charge would pass (at least 1); null when it never can. */
      retryAfterSeconds: number | null;
    };

/** Per-client token buckets of write requests and of queued inputs. */
export interface RateLimiter {
  readonly limits: Readonly<RateLimits>;
  /**
   * Take `cost` tokens of a kind from a client's bucket, or, when it holds
   * fewer, take none and say how long until it would hold enough.
   */
  take(client: string, kind: RateKind, cost?: number): RateDecision;
  /** Clients remembered now (bounded by `maxClients`). */
  readonly size: number;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date. */
  at: number;
}

type Entry = Record<RateKind, Bucket>;

function checkLimit(name: string, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min) {
    throw new RangeError(`Expected ${name} to be a number of at least ${min}, got ${value}`);
  }
  return value;
}

/**
 * A token bucket per client and kind: a bucket holds up to `burst` tokens,
 * refills at `perMinute / 60,000` tokens a millisecond, and a charge
 * passes only when the bucket holds enough. Nothing runs in the
 * background: buckets are brought up to date when touched.
 *
 * @example
 * const limiter = createRateLimiter({ writesPerMinute: 60, writeBurst: 2, now: () => clock });
 * limiter.take('127.0.0.1', 'writes'); // {ok: true}
 */
export function createRateLimiter(options: RateLimitOptions = {}): RateLimiter {
  const limits: RateLimits = {
    writesPerMinute: checkLimit(
      'writesPerMinute',
      options.writesPerMinute ?? DEFAULT_WRITES_PER_MINUTE,
      0,
    ),
    writeBurst: checkLimit('writeBurst', options.writeBurst ?? DEFAULT_WRITE_BURST, 1),
    inputsPerMinute: checkLimit(
      'inputsPerMinute',
      options.inputsPerMinute ?? DEFAULT_INPUTS_PER_MINUTE,
      0,
    ),
    inputBurst: checkLimit('inputBurst', options.inputBurst ?? DEFAULT_INPUT_BURST, 1),
  };
  const maxClients = checkLimit('maxClients', options.maxClients ?? MAX_RATE_LIMIT_CLIENTS, 1);
  const now = options.now ?? (() => performance.now());
  const rate: Record<RateKind, number> = {
    writes: limits.writesPerMinute / 60_000,
    inputs: limits.inputsPerMinute / 60_000,
  };
  const burst: Record<RateKind, number> = { writes: limits.writeBurst, inputs: limits.inputBurst };
  // Insertion order is recency: a touched client is moved to the end.
  const clients = new Map<string, Entry>();

  const refill = (bucket: Bucket, kind: RateKind, t: number) => {
    if (t > bucket.at) {
      bucket.tokens = Math.min(burst[kind], bucket.tokens + (t - bucket.at) * rate[kind]);
      bucket.at = t;
    }
  };
  const idle = (entry: Entry, t: number) => {
    refill(entry.writes, 'writes', t);
    refill(entry.inputs, 'inputs', t);
    return entry.writes.tokens >= burst.writes && entry.inputs.tokens >= burst.inputs;
  };
  const sweep = (t: number) => {
    let looked = 0;
    for (const [key, entry] of clients) {
      if (looked++ === SWEEP_PER_CALL || !idle(entry, t)) break;
      clients.delete(key);
    }
  };

  return {
    limits,
    get size() {
      return clients.size;
    },
    take(client, kind, cost = 1) {
      if (rate[kind] === 0) return { ok: true };
      if (cost > burst[kind]) return { ok: false, retryAfterSeconds: null };
      const t = now();
      sweep(t);
      let entry = clients.get(client);
      if (entry === undefined) {
        if (clients.size >= maxClients) {
          const oldest = clients.keys().next().value;
          if (oldest !== undefined) clients.delete(oldest);
        }
        entry = {
          writes: { tokens: burst.writes, at: t },
          inputs: { tokens: burst.inputs, at: t },
        };
      } else {
        clients.delete(client);
      }
      clients.set(client, entry);
      const bucket = entry[kind];
      refill(bucket, kind, t);
      if (bucket.tokens >= cost) {
        bucket.tokens -= cost;
        return { ok: true };
      }
      const waitMs = (cost - bucket.tokens) / rate[kind];
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
    },
  };
}

/** Expand an IPv6 address to its eight 16-bit groups. */
function ipv6Groups(address: string): number[] {
  let text = address;
  let tail: number[] = [];
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4 !== null) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    tail = [(a << 8) | b, (c << 8) | d];
    text = text.slice(0, v4.index);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((h) => parseInt(h, 16)));
  const left = parse(head);
  const right = [...parse(rest ?? ''), ...tail];
  if (rest === undefined) return [...left, ...tail].slice(0, 8);
  return [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The rate-limit key of a remote address: an IPv4 address as is (also when
 * written IPv4-mapped, `::ffff:192.0.2.1`), an IPv6 address by its /64
 * network, because one IPv6 host is usually given a whole /64 and could
 * otherwise take a fresh bucket per address.
 */
export function addressKey(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(bare) === 4) return bare;
  if (isIP(bare) !== 6) return bare;
  const groups = ipv6Groups(bare.toLowerCase());
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi, lo] = [groups[6] ?? 0, groups[7] ?? 0];
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}
