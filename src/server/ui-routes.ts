import { createHash } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import type { ServerApp } from './app-types.ts';
import { UI_HTML } from './ui/ui-page.ts';
import { UI_SCRIPT } from './ui/ui-script.ts';
import { UI_CSS } from './ui/ui-style.ts';

/**
 * The UI page's Content-Security-Policy: script and style only from this
 * server (no inline code, no other origin), data from this server's API,
 * frames only of this server's story reports, and no one may frame the UI.
 */
export const UI_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  body: string;
  type: string;
  etag: string;
}

function asset(body: string, type: string): Asset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, type, etag };
}

const ASSETS = {
  '/': asset(UI_HTML, 'text/html; charset=utf-8'),
  '/assets/ui.js': asset(UI_SCRIPT, 'text/javascript; charset=utf-8'),
  '/assets/ui.css': asset(UI_CSS, 'text/css; charset=utf-8'),
} as const;

function uiRoute(path: keyof typeof ASSETS, summary: string, media: string) {
  return createRoute({
    method: 'get',
    path,
    tags: ['ui'],
    summary,
    responses: {
      200: { description: summary, content: { [media]: { schema: { type: 'string' } } } },
      304: { description: 'Not modified since the ETag sent in If-None-Match' },
    },
  });
}

/** The web UI: its page at `/` and its script and stylesheet under `/assets/`. */
export function uiRoutes(app: ServerApp): void {
  const routes = [
    uiRoute('/', 'The web UI', 'text/html'),
    uiRoute('/assets/ui.js', "The web UI's script (an ES module)", 'text/javascript'),
    uiRoute('/assets/ui.css', "The web UI's stylesheet", 'text/css'),
  ];
  for (const route of routes) {
    const file = ASSETS[route.path as keyof typeof ASSETS];
    app.openapi(route, (c) => {
      // Revalidated on every load (cheap: 304 by ETag) so a new version shows at once.
      c.header('Cache-Control', 'no-cache');
      c.header('ETag', file.etag);
      if (route.path === '/') c.header('Content-Security-Policy', UI_CSP);
      if (c.req.header('if-none-match') === file.etag) return c.body(null, 304);
      c.header('Content-Type', file.type);
      return c.body(file.body, 200);
    });
  }
}
