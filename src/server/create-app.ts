import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { requireWriteToken, sameOriginOnly } from './access.ts';
import { ApiError } from './api-error.ts';
import type { ServerApp, ServerContext } from './app-types.ts';
import { errorResponse, validationError } from './error-response.ts';
import { infoRoutes } from './info-routes.ts';
import { ingestRoutes } from './ingest-routes.ts';
import { limitWrites } from './limit-writes.ts';
import { openApiDocument } from './openapi.ts';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.ts';
import { storyRoutes } from './story-routes.ts';
import { uiRoutes } from './ui-routes.ts';

/**
 * The policy of every response that sets none of its own (JSON, errors):
 * nothing may load, nothing may frame it. The UI page and the story report
 * set stricter-scoped policies of their own.
 */
const DEFAULT_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Options of `createApp`. */
export interface AppOptions extends ServerContext {
  /** Whether the server listens on loopback only: then requests must name a loopback Host. */
  loopback: boolean;
  /** Where server-side failures (500s) are reported, with their stack. */
  log: (message: string) => void;
  /**
   * Per-client limits of write requests and of queued files or URLs (see
   * `createRateLimiter`; defaults `DEFAULT_RATE_LIMITS`), or false for none.
   */
  rateLimit?: RateLimitOptions | false;
}

/**
 * Build the HTTP app: the JSON API under `/api`, its OpenAPI 3.1
 * description at `/openapi.json`, and the web UI at `/`. Every error,
 * wherever it is thrown, becomes `{error: {code, message}}` in `onError`
 * through `errorResponse`, the one mapping to HTTP statuses.
 */
export function createApp(options: AppOptions): ServerApp {
  const limiter = options.rateLimit === false ? null : createRateLimiter(options.rateLimit);
  const app: ServerApp = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.target, result.error);
    },
  });

  app.onError((error, c) => {
    const response = errorResponse(error);
    if (response.retryAfterSeconds !== undefined) {
      c.header('Retry-After', String(response.retryAfterSeconds));
    }
    if (response.log) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      options.log(`${c.req.method} ${c.req.path} failed: ${detail}`);
    }
    // A refused write may leave its body unread on the socket: close it rather
    // than let the client send its next request after the unread bytes.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') c.header('Connection', 'close');
    return c.json(response.body, response.status as 400);
  });
  app.notFound((c) => {
    const response = errorResponse(
      new ApiError('not-found', `No route ${c.req.method} ${c.req.path}; see /openapi.json`),
    );
    return c.json(response.body, 404);
  });

  app.use(
    secureHeaders({
      strictTransportSecurity: false,
      crossOriginResourcePolicy: 'same-origin',
      crossOriginOpenerPolicy: 'same-origin',
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'SAMEORIGIN',
      // The sandboxed report frame shares the origin's agent cluster; asking for
      // origin keying on some pages only makes Chromium warn.
      originAgentCluster: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
      overwrite: false,
    }),
  );
  app.use(async (c, next) => {
    await next();
    if (!c.res.headers.has('Content-Security-Policy')) {
      c.res.headers.set('Content-Security-Policy', DEFAULT_CSP);
    }
    if (c.req.path.startsWith('/api/') && !c.res.headers.has('Cache-Control')) {
      c.res.headers.set('Cache-Control', 'no-store');
    }
  });
  app.use(sameOriginOnly({ loopback: options.loopback }));
  // Before the token check: a client guessing the token is throttled too.
  app.use(limitWrites(limiter, options.token));
  app.use(requireWriteToken(options.token));

  uiRoutes(app);
  infoRoutes(app, options);
  storyRoutes(app, options);
  ingestRoutes(app, options, limiter);

  const docRoute = createRoute({
    method: 'get',
    path: '/openapi.json',
    tags: ['meta'],
    summary: 'This description of the API (OpenAPI 3.1)',
    responses: {
      200: {
        description: 'The OpenAPI document',
        content: {
          'application/json': {
            schema: z.custom<Record<string, unknown>>(() => true).openapi({ type: 'object' }),
          },
        },
      },
    },
  });
  let document: Record<string, unknown> | null = null;
  app.openapi(docRoute, (c) => {
    document ??= openApiDocument(app, options.version);
    return c.json(document, 200);
  });
  return app;
}
