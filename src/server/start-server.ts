import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { JobQueue } from '../jobs/index.ts';
import type { Store } from '../store/index.ts';
import { isLoopbackHost } from './access.ts';
import type { ServerApp } from './app-types.ts';
import { createApp } from './create-app.ts';
import type { RateLimitOptions } from './rate-limit.ts';

/** The host `parallax serve` listens on by default: this machine only. */
export const DEFAULT_HOST = '127.0.0.1';

/** The port `parallax serve` listens on by default. */
export const DEFAULT_PORT = 8080;

/**
 * Shortest write token accepted. 16 random characters are ~95 bits from a
 * password generator's alphabet, out of reach of online guessing; shorter
 * tokens are usually typed words.
 */
export const MIN_TOKEN_LENGTH = 16;

/** Options of `startServer`. */
export interface ServerOptions {
  store: Store;
  /** The job queue ingest goes through; null (default) serves reads only. */
  jobs?: JobQueue | null;
  /** Default 127.0.0.1. Any other than loopback needs a `token`. */
  host?: string;
  /** Default 8080; 0 picks a free port (see `RunningServer.port`). */
  port?: number;
  /** Token for writes (`Authorization: Bearer <token>`); required off loopback. */
  token?: string | null;
  /** Reported by /api/info and /openapi.json. */
  version?: string;
  /** Where server-side failures are logged (default: stderr). */
  log?: (message: string) => void;
  /**
   * Per-client limits of write requests and of queued files or URLs
   * (default `DEFAULT_RATE_LIMITS`; a clock may be given for tests), or
   * false for none.
   */
  rateLimit?: RateLimitOptions | false;
}

/** A listening server. */
export interface RunningServer {
  /** `http://host:port` (IPv6 hosts in brackets). */
  url: string;
  host: string;
  port: number;
  app: ServerApp;
  /** Stop listening and close open connections; resolves when closed. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Check the write policy: a token, when given, is long enough; a host
 * beyond loopback has one. Throws a RangeError saying what to do.
 */
export function checkServerOptions(host: string, token: string | null): void {
  if (token !== null && token.length < MIN_TOKEN_LENGTH) {
    throw new RangeError(
      `Expected a token of at least ${MIN_TOKEN_LENGTH} characters, got ${token.length}`,
    );
  }
  if (token === null && !isLoopbackHost(host)) {
    throw new RangeError(
      `Expected a token to listen on ${host}: beyond loopback, writes need one (--token or PARALLAX_TOKEN)`,
    );
  }
}

/**
 * Serve the API and UI over a store on host:port (Node's HTTP server via
 * @hono/node-server). Refuses a non-loopback host without a token.
 *
 * @example
 * const server = await startServer({ store, port: 0 });
 * console.log(server.url); // http://127.0.0.1:39111
 * await server.close();
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const token = options.token ?? null;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`Expected a port from 0 to 65535, got ${port}`);
  }
  checkServerOptions(host, token);
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const app = createApp({
    store: options.store,
    jobs: options.jobs ?? null,
    token,
    version: options.version ?? 'unknown',
    loopback: isLoopbackHost(host),
    log,
    ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
  });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: host }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host.replace(/^\[(.*)\]$/, '$1'), () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${address.port}`,
    host: address.address,
    port: address.port,
    app,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
