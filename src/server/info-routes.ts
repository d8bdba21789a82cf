import { createRoute } from '@hono/zod-openapi';
import type { ServerApp, ServerContext } from './app-types.ts';
import {
  MAX_FILES_PER_REQUEST,
  MAX_PAGE_LIMIT,
  MAX_UPLOAD_BYTES,
  MAX_URLS_PER_REQUEST,
} from './limits.ts';
import { errors, json } from './responses.ts';

/** The body of `GET /api/info`. */
export interface Info {
  name: 'parallax';
  version: string;
  writeTokenRequired: boolean;
  jobs: boolean;
  limits: {
    maxPageLimit: number;
    maxUploadBytes: number;
    maxFilesPerRequest: number;
    maxUrlsPerRequest: number;
  };
  counts: { articles: number; stories: number; analyses: number };
}

const info = createRoute({
  method: 'get',
  path: '/api/info',
  tags: ['meta'],
  summary: 'About this server: version, whether writes need a token, limits, counts',
  responses: { 200: json<Info>('About this server', 'Info'), ...errors(503) },
});

/** `GET /api/info`: what a client (the UI) needs to know before it starts. */
export function infoRoutes(app: ServerApp, context: ServerContext): void {
  app.openapi(info, async (c) => {
    const counts = await context.store.counts();
    return c.json(
      {
        name: 'parallax' as const,
        version: context.version,
        writeTokenRequired: context.token !== null,
        jobs: context.jobs !== null,
        limits: {
          maxPageLimit: MAX_PAGE_LIMIT,
          maxUploadBytes: MAX_UPLOAD_BYTES,
          maxFilesPerRequest: MAX_FILES_PER_REQUEST,
          maxUrlsPerRequest: MAX_URLS_PER_REQUEST,
        },
        counts: { articles: counts.articles, stories: counts.stories, analyses: counts.analyses },
      },
      200,
    );
  });
}
