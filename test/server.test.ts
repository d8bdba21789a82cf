import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { checkServerOptions, startServer } from '../src/server/index.ts';
import {
  EXAMPLE_DIR,
  exampleFiles,
  type Harness,
  repoRoot,
  startHarness,
  waitFor,
} from '../src/server/server-harness.case.ts';
import {
  createDatabase,
  findPostgresBin,
  POSTGRES_MISSING,
  startPostgres,
} from './support/postgres.ts';

// The HTTP API end to end: the real server on 127.0.0.1 (port 0) over a real
// store with the real job queue and an in-process worker, once over PGlite in
// a temporary folder and once over a PostgreSQL server started for the test.
// Every JSON body the tests receive is validated against the schema that
// /openapi.json declares for its route and status.

/** Two short articles about other events, so there are several stories to page through. */
const OTHER_ARTICLES: Record<string, string> = {
  'ferry-strike.md': `# Ferry crews walk out over rosters on the Wrenford crossing

**By Tomas Albek** · Monday, June 3, 2024

Ferry crews on the Wrenford crossing stopped work on Monday morning in a dispute over new duty rosters, leaving hundreds of commuters stranded on both piers.

The union representing deck officers and engineers said the rosters, introduced by operator Bluewake Lines last month, added two night shifts a week without extra pay.

Bluewake Lines said it had offered talks and that a replacement bus service would run every half hour until the strike ends.

Commuters queued for more than an hour at the north pier, where the last bus of the morning left with passengers standing in the aisle.
`,
  'orchard-festival.md': `# Record crowds at the Ashby orchard festival despite late frost

**By Greta Holm** · Saturday, September 14, 2024

More than twelve thousand visitors came to the Ashby orchard festival on Saturday, organisers said, a record for the event in its forty-first year.

Growers had feared a small harvest after a late frost in April damaged blossom on the lower slopes, but most orchards picked close to a normal crop.

The festival's pressing competition was won by a cooperative from the valley's north end, whose cider judges called "bright and dry".

Stalls selling heritage apple varieties ran out of fruit by early afternoon, and the organisers promised a larger market next year.
`,
};

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

type Json = Record<string, unknown>;

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
const DOC_ID = 'https://parallax.test/openapi.json';
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/** The OpenAPI path template a request path matches (static segments first), or null. */
function matchPath(doc: Json, path: string): string | null {
  const templates = Object.keys(doc['paths'] as Json);
  if (templates.includes(path)) return path;
  for (const template of templates) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (pattern.test(path)) return template;
  }
  return null;
}

/** Validate a JSON reply against the schema the document gives its route and status. */
function checkAgainstDocument(doc: Json, method: string, url: URL, reply: Reply): void {
  const template = matchPath(doc, url.pathname);
  if (template === null) return; // unknown routes are checked by their own test
  const operation = (doc['paths'] as Record<string, Json>)[template]?.[method.toLowerCase()] as
    | Json
    | undefined;
  // A method the route does not have is a 404 checked by its own test.
  if (operation === undefined) return;
  const responses = operation['responses'] as Record<string, Json>;
  const response = responses[String(reply.status)];
  assert.ok(response, `${method} ${template} documents status ${reply.status}`);
  if (reply.body === undefined) return;
  const schema = (response['content'] as Record<string, Json> | undefined)?.['application/json']?.[
    'schema'
  ];
  assert.ok(schema, `${method} ${template} ${reply.status} documents a JSON body`);
  const key = `${method} ${template} ${reply.status}`;
  let validate = validators.get(key);
  if (validate === undefined) {
    const absolute = JSON.parse(
      JSON.stringify(schema).replaceAll('"#/components/', `"${DOC_ID}#/components/`),
    );
    validate = ajv.compile(absolute);
    validators.set(key, validate);
  }
  assert.ok(
    validate(reply.body),
    `${key} body matches its schema: ${ajv.errorsText(validate.errors)}\n${reply.text.slice(0, 500)}`,
  );
}

let documentLoaded: Json | null = null;

/** A client of one running server whose replies are checked against its document. */
function client(base: string) {
  return async (path: string, init: RequestInit = {}): Promise<Reply> => {
    const url = new URL(path, base);
    const response = await fetch(url, init);
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('application/json');
    const reply: Reply = {
      status: response.status,
      headers: response.headers,
      text,
      body: json ? JSON.parse(text) : undefined,
    };
    if (documentLoaded !== null) {
      checkAgainstDocument(documentLoaded, init.method ?? 'GET', url, reply);
    }
    return reply;
  };
}

/** Load a server's document once and register it for the response checks. */
async function loadDocument(base: string): Promise<Json> {
  if (documentLoaded !== null) return documentLoaded;
  const response = await fetch(new URL('/openapi.json', base));
  const doc = (await response.json()) as Json;
  ajv.addSchema(doc, DOC_ID);
  documentLoaded = doc;
  return doc;
}

function errorOf(reply: Reply): { code: string; message: string } {
  const body = reply.body as { error?: { code: string; message: string } };
  assert.ok(body?.error, `an error body, got ${reply.text.slice(0, 200)}`);
  return body.error;
}

function exampleForm(): FormData {
  const form = new FormData();
  for (const name of exampleFiles()) {
    form.append('file', new Blob([readFileSync(join(EXAMPLE_DIR, name))]), name);
  }
  for (const [name, text] of Object.entries(OTHER_ARTICLES)) {
    form.append('file', new Blob([text]), name);
  }
  return form;
}

/** A raw HTTP request with headers fetch will not set (Host), on loopback. */
function rawRequest(
  base: string,
  options: { method: string; path: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: options.method,
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

interface Backend {
  name: string;
  skip: string | false;
  open(): Promise<{ db?: string; stop(): Promise<void> }>;
}

const BACKENDS: Backend[] = [
  {
    name: 'PGlite',
    skip: false,
    open: async () => ({ stop: async () => {} }),
  },
  {
    name: 'PostgreSQL',
    skip: findPostgresBin() === null ? POSTGRES_MISSING : false,
    open: async () => {
      const pg = await startPostgres();
      return { db: await createDatabase(pg.url), stop: () => pg.stop() };
    },
  },
];

for (const backend of BACKENDS) {
  describe(`the HTTP API over ${backend.name}`, { skip: backend.skip }, () => {
    let h: Harness;
    let stopBackend = async () => {};
    let api: ReturnType<typeof client>;
    let storyId = '';
    let ingestId = '';
    let location: string | null = null;

    before(async () => {
      const opened = await backend.open();
      stopBackend = opened.stop;
      h = await startHarness(opened.db === undefined ? {} : { db: opened.db });
      await loadDocument(h.url);
      api = client(h.url);
      const posted = await api('/api/ingest/files', { method: 'POST', body: exampleForm() });
      assert.equal(posted.status, 202, posted.text);
      ingestId = (posted.body as { job: { id: string } }).job.id;
      location = posted.headers.get('location');
      await waitFor('the ingest run to complete', async () => {
        const job = (await api(`/api/jobs/${ingestId}`)).body as { state: string };
        assert.notEqual(job.state, 'failed');
        return job.state === 'completed';
      });
      const stories = (await api('/api/stories?sort=biggest')).body as { items: Json[] };
      storyId = String(stories.items[0]?.['id']);
      await waitFor('the example story to be analysed', async () => {
        const detail = (await api(`/api/stories/${storyId}`)).body as {
          analysis: { stale: boolean } | null;
        };
        return detail.analysis !== null && !detail.analysis.stale;
      });
    });

    after(async () => {
      await h?.close();
      await stopBackend();
    });

    test('POST /api/ingest/files queues one run over every uploaded file and answers where to follow it', async () => {
      const job = (await api(`/api/jobs/${ingestId}`)).body as {
        input: string[];
        counts: Record<string, number>;
        problems: unknown[];
      };
      assert.deepEqual(
        job.input,
        [...exampleFiles(), ...Object.keys(OTHER_ARTICLES)],
        'the run names the files as uploaded',
      );
      assert.equal(job.counts['articles'], 7);
      assert.equal(job.counts['grouped'], 7);
      assert.equal(location, `/api/jobs/${ingestId}`);
    });

    test('GET /api/stories lists the example as one story of five outlets, biggest first', async () => {
      const page = (await api('/api/stories?sort=biggest')).body as { items: Json[]; next: null };
      assert.equal(page.items.length, 3, 'the example story and the two others');
      const first = page.items[0] as { size: number; outlets: string[]; headline: string };
      assert.equal(first.size, 5);
      assert.equal(first.outlets.length, 5);
      assert.match(first.headline, /crane/i);
      assert.equal(page.next, null);
    });

    test('GET /api/stories sorts newest first by default and filters by outlet and date range', async () => {
      const newest = (await api('/api/stories')).body as { items: { id: string }[] };
      assert.equal(newest.items[0]?.id, storyId, 'the 2025 story is newer than the 2024 ones');
      const byOutlet = (await api('/api/stories?outlet=Freightline%20Weekly')).body as {
        items: { id: string }[];
      };
      assert.deepEqual(
        byOutlet.items.map((s) => s.id),
        [storyId],
      );
      const none = (await api('/api/stories?outlet=Nobody%20Times')).body as { items: unknown[] };
      assert.equal(none.items.length, 0);
      const inMarch = (await api('/api/stories?from=2025-03-01&to=2025-03-05')).body as {
        items: { id: string }[];
      };
      assert.deepEqual(
        inMarch.items.map((s) => s.id),
        [storyId],
        "a bare 'to' day includes that whole day",
      );
      const before2025 = (await api('/api/stories?to=2024-12-31')).body as { items: unknown[] };
      assert.equal(before2025.items.length, 2);
      const after = (await api('/api/stories?from=2025-03-07T00:00:00Z')).body as {
        items: unknown[];
      };
      assert.equal(after.items.length, 0);
    });

    test('GET /api/stories pages by cursor: limit 1 walks every story once, then next is null', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 5; i++) {
        const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
        const page = (await api(`/api/stories?limit=1${query}`)).body as {
          items: { id: string }[];
          next: string | null;
        };
        assert.equal(page.items.length, 1);
        seen.push(...page.items.map((s) => s.id));
        cursor = page.next;
        if (cursor === null) break;
      }
      assert.equal(seen.length, 3);
      assert.equal(new Set(seen).size, 3);
      assert.equal(cursor, null);
    });

    test('invalid query parameters are a 400 that names the parameter and what was expected', async () => {
      const cases: [string, RegExp][] = [
        ['/api/stories?limit=0', /limit/],
        ['/api/stories?limit=101', /limit.*100/],
        ['/api/stories?limit=ten', /limit/],
        ['/api/stories?sort=oldest', /sort/],
        ['/api/stories?sortt=biggest', /sortt/],
        ['/api/stories?from=2025-13-01', /from/],
        ['/api/stories?from=2025-03-06&to=2025-03-01', /from.*before.*to/],
        ['/api/stories?cursor=not-a-cursor', /cursor/],
        ['/api/stories?limit=1&limit=2', /limit/],
        ['/api/search', /q/],
        ['/api/search?q=%20%20', /q/],
        [`/api/search?q=${'x'.repeat(201)}`, /q/],
        ['/api/jobs?cursor=nope', /cursor/],
        ['/api/jobs/failed?limit=-1', /limit/],
        // NUL reached PostgreSQL and was a 500 (test/fuzz/regressions/api/).
        ['/api/stories?outlet=Wire%00Desk', /outlet.*control characters/],
        ['/api/articles?outlet=%00', /outlet.*control characters/],
        ['/api/search?q=crane%00', /q.*control characters/],
      ];
      for (const [path, message] of cases) {
        const reply = await api(path);
        assert.equal(reply.status, 400, `${path}: ${reply.text}`);
        const error = errorOf(reply);
        assert.equal(error.code, 'bad-request');
        assert.match(error.message, message, path);
      }
    });

    test('path ids are checked: bad characters are a 400, unknown ids a 404, both as JSON errors', async () => {
      for (const path of ['/api/stories/bad.id', '/api/articles/a%20b', '/api/jobs/x%3Cy']) {
        const reply = await api(path);
        assert.equal(reply.status, 400, path);
        assert.match(errorOf(reply).message, /path parameter 'id'/);
      }
      for (const path of [
        '/api/stories/s0000000000000000',
        '/api/stories/s0000000000000000/report',
        '/api/articles/0000000000000000',
        '/api/jobs/00000000-0000-0000-0000-000000000000',
      ]) {
        const reply = await api(path);
        assert.equal(reply.status, 404, path);
        assert.equal(errorOf(reply).code, 'not-found');
      }
    });

    test('unknown routes and methods are a JSON 404, not an HTML page', async () => {
      for (const [method, path] of [
        ['GET', '/api/nothing'],
        ['POST', '/api/stories'],
        ['DELETE', '/api/articles/0000000000000000'],
      ] as const) {
        const reply = await api(path, { method });
        assert.equal(reply.status, 404, `${method} ${path}`);
        assert.match(errorOf(reply).message, new RegExp(`${method} ${path}`));
      }
    });

    test("GET /api/stories/{id} gives the story's articles and its analysis with the brief", async () => {
      const detail = (await api(`/api/stories/${storyId}`)).body as {
        story: { id: string; size: number };
        articles: { id: string; outlet: string }[];
        analysis: { analysis: { brief: { headline: string }; facts: unknown[] } };
      };
      assert.equal(detail.story.id, storyId);
      assert.equal(detail.articles.length, 5);
      assert.match(detail.analysis.analysis.brief.headline, /crane/i);
      assert.ok(detail.analysis.analysis.facts.length > 0);
    });

    test('GET /api/stories/{id}/report is the HTML report, served under its own hashed CSP', async () => {
      const reply = await api(`/api/stories/${storyId}/report`);
      assert.equal(reply.status, 200);
      assert.match(reply.headers.get('content-type') ?? '', /^text\/html/);
      const csp = reply.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'sha256-[^']+'/);
      assert.match(csp, /frame-ancestors 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline/);
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(reply.text);
      assert.ok(meta);
      assert.ok(csp.startsWith((meta[1] as string).replaceAll('&#39;', "'")));
      assert.match(reply.text, /Crane collapse/);
      assert.match(reply.text, /class="account"/, 'the brief is there');
    });

    test('GET /api/articles/{id} gives the full article with its story', async () => {
      const detail = (await api(`/api/stories/${storyId}`)).body as { articles: { id: string }[] };
      const id = detail.articles[0]?.id as string;
      const reply = await api(`/api/articles/${id}`);
      assert.equal(reply.status, 200);
      const stored = reply.body as { article: { id: string; text: string }; storyId: string };
      assert.equal(stored.article.id, id);
      assert.equal(stored.storyId, storyId);
      assert.ok(stored.article.text.length > 200);
    });

    test('GET /api/search finds articles by text, best first, and pages by cursor', async () => {
      const page = (await api('/api/search?q=crane%20collapsed')).body as {
        items: { storyId: string; rank: number }[];
        next: string | null;
      };
      assert.ok(page.items.length >= 3);
      assert.ok(page.items.every((hit) => hit.storyId === storyId));
      const ferry = (await api('/api/search?q=ferry%20rosters')).body as {
        items: { headline: string }[];
      };
      assert.equal(ferry.items.length, 1);
      assert.match(ferry.items[0]?.headline ?? '', /Ferry crews/);
      const first = (await api('/api/search?q=crane&limit=2')).body as {
        items: { id: string }[];
        next: string;
      };
      assert.equal(first.items.length, 2);
      const second = (
        await api(`/api/search?q=crane&limit=2&cursor=${encodeURIComponent(first.next)}`)
      ).body as { items: { id: string }[] };
      assert.ok(second.items.length > 0);
      assert.ok(second.items.every((a) => !first.items.some((b) => b.id === a.id)));
    });

    test('GET /api/articles pages through the stored articles by cursor and filters by outlet', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
        const page = (await api(`/api/articles?limit=2${query}`)).body as {
          items: { id: string; outlet: string | null }[];
          next: string | null;
        };
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((a) => a.id));
        cursor = page.next;
      } while (cursor !== null);
      assert.ok(seen.length >= 5);
      assert.equal(new Set(seen).size, seen.length);
      const ledger = (await api('/api/articles?outlet=The%20Northern%20Ledger')).body as {
        items: { outlet: string | null }[];
      };
      assert.ok(ledger.items.length >= 1);
      assert.ok(ledger.items.every((a) => a.outlet === 'The Northern Ledger'));
      assert.equal((await api('/api/articles?cursor=bogus')).status, 400);
    });

    test('GET /api/jobs lists ingest runs newest first; /api/jobs/failed lists failed jobs', async () => {
      const runs = (await api('/api/jobs')).body as { items: { id: string; state: string }[] };
      assert.ok(runs.items.some((r) => r.id === ingestId && r.state === 'completed'));
      const failed = await api('/api/jobs/failed?limit=5');
      assert.equal(failed.status, 200);
      assert.ok(Array.isArray((failed.body as { items: unknown[] }).items));
    });

    test('POST /api/ingest/files takes a raw body named by ?filename=', async () => {
      const text = readFileSync(join(EXAMPLE_DIR, 'mpa-wire.txt'));
      const posted = await api('/api/ingest/files?filename=wire-again.txt', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: text,
      });
      assert.equal(posted.status, 202, posted.text);
      const id = (posted.body as { job: { id: string } }).job.id;
      const job = await waitFor('the raw upload to be read', async () => {
        const j = (await api(`/api/jobs/${id}`)).body as {
          state: string;
          counts: Record<string, number>;
          input: string[];
        };
        return j.state === 'completed' ? j : null;
      });
      assert.deepEqual(job.input, ['wire-again.txt']);
      assert.equal(job.counts['articles'], 1);
      assert.equal(job.counts['created'] ?? 0, 0, 'the same article is stored once');
    });

    test('bad uploads are a 400 or 415 saying what to send', async () => {
      const raw = await api('/api/ingest/files', { method: 'POST', body: 'text' });
      assert.equal(raw.status, 400);
      assert.match(errorOf(raw).message, /filename/);
      const slash = await api('/api/ingest/files?filename=..%2Fescape.html', {
        method: 'POST',
        body: '<p>x</p>',
      });
      assert.equal(slash.status, 400);
      assert.match(errorOf(slash).message, /plain file name/);
      const dash = await api('/api/ingest/files?filename=-', { method: 'POST', body: 'x' });
      assert.equal(dash.status, 400);
      const empty = new FormData();
      empty.append('note', 'no file here');
      const noFile = await api('/api/ingest/files', { method: 'POST', body: empty });
      assert.equal(noFile.status, 400);
      assert.match(errorOf(noFile).message, /at least one file/);
      const twice = new FormData();
      twice.append('file', new Blob(['a']), 'same.txt');
      twice.append('file', new Blob(['b']), 'same.txt');
      const dup = await api('/api/ingest/files', { method: 'POST', body: twice });
      assert.equal(dup.status, 400);
      assert.match(errorOf(dup).message, /twice/);
      const json = await api('/api/ingest/files', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"urls":[]}',
      });
      assert.equal(json.status, 415);
      assert.match(errorOf(json).message, /ingest\/urls/);
    });

    test('POST /api/ingest/urls checks its JSON body and queues fetches (private addresses are refused, not fetched)', async () => {
      const post = (body: string, type = 'application/json') =>
        api('/api/ingest/urls', { method: 'POST', headers: { 'content-type': type }, body });
      const cases: [string, RegExp][] = [
        ['{"urls": []}', /urls/],
        ['{"urls": ["ftp://example.org/a"]}', /http or https/],
        ['{"urls": ["not a url"]}', /http or https/],
        ['{"urls": "https://example.org/a"}', /urls/],
        ['{"urls": ["https://example.org/a"], "also": 1}', /also/],
        [JSON.stringify({ urls: Array(201).fill('https://example.org/a') }), /urls/],
        ['[1, 2]', /JSON body/],
        ['{"urls": [', /JSON/i],
        // Each of these was a 500 from the database (test/fuzz/regressions/api/).
        ['{"urls": ["https://example.org/a\\u0000"]}', /control characters/],
        ['{"urls": ["https://example.org/\\ud800"]}', /control characters/],
        ['{"urls": ["https://example.org/a b"]}', /spaces/],
      ];
      for (const [body, message] of cases) {
        const reply = await post(body);
        assert.equal(reply.status, 400, `${body.slice(0, 60)}: ${reply.text}`);
        assert.match(errorOf(reply).message, message, body.slice(0, 60));
      }
      const wrongType = await post('urls=https://example.org', 'application/x-www-form-urlencoded');
      assert.equal(wrongType.status, 415);
      // A loopback URL: the worker's address policy refuses it without connecting anywhere.
      const posted = await post('{"urls": ["http://127.0.0.1:9/story.html"]}');
      assert.equal(posted.status, 202, posted.text);
      const id = (posted.body as { job: { id: string } }).job.id;
      const job = await waitFor('the URL run to end', async () => {
        const j = (await api(`/api/jobs/${id}`)).body as {
          state: string;
          problems: { code: string; source: string }[];
          failures: unknown[];
        };
        return j.state === 'running' ? null : j;
      });
      assert.equal(job.state, 'completed');
      assert.ok(
        job.problems.some((p) => /refused/.test(p.code) && p.source.includes('127.0.0.1')),
        JSON.stringify(job.problems),
      );
    });

    test('bodies over the limit are refused with 413', async () => {
      const big = JSON.stringify({ urls: ['https://example.org/'], pad: 'x'.repeat(600 * 1024) });
      const reply = await api('/api/ingest/urls', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: big,
      });
      assert.equal(reply.status, 413);
      assert.equal(errorOf(reply).code, 'too-large');
      const upload = new Uint8Array(64 * 1024 * 1024 + 1);
      const tooBig = await api('/api/ingest/files?filename=huge.txt', {
        method: 'POST',
        body: upload,
      });
      assert.equal(tooBig.status, 413);
    });

    test('writes from another origin and requests naming a foreign Host are refused', async () => {
      const cross = await api('/api/ingest/urls', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
        body: '{"urls": ["https://example.org/a"]}',
      });
      assert.equal(cross.status, 403);
      assert.equal(errorOf(cross).code, 'forbidden');
      const port = new URL(h.url).port;
      const rebound = await rawRequest(h.url, {
        method: 'GET',
        path: '/api/info',
        headers: { host: `evil.example:${port}` },
      });
      assert.equal(rebound.status, 403);
      const local = await rawRequest(h.url, {
        method: 'GET',
        path: '/api/info',
        headers: { host: `localhost:${port}` },
      });
      assert.equal(local.status, 200);
    });

    test('GET /api/info says writes need no token here and counts what is stored', async () => {
      const info = (await api('/api/info')).body as {
        writeTokenRequired: boolean;
        jobs: boolean;
        counts: { articles: number; stories: number };
      };
      assert.equal(info.writeTokenRequired, false);
      assert.equal(info.jobs, true);
      assert.ok(info.counts.articles >= 7);
      assert.ok(info.counts.stories >= 3);
    });

    test('every response carries the security headers; the UI page allows no inline script', async () => {
      for (const path of ['/', '/api/info', '/api/nothing', '/openapi.json']) {
        const reply = await api(path);
        assert.equal(reply.headers.get('x-content-type-options'), 'nosniff', path);
        assert.equal(reply.headers.get('referrer-policy'), 'no-referrer', path);
        assert.ok(reply.headers.get('content-security-policy'), path);
      }
      const page = await api('/');
      const csp = page.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
      assert.doesNotMatch(page.text, /<script>|<style>| on\w+=/, 'no inline code in the page');
      const js = await api('/assets/ui.js');
      assert.match(js.headers.get('content-type') ?? '', /^text\/javascript/);
      assert.doesNotMatch(js.text, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
      const etag = js.headers.get('etag') ?? '';
      const again = await api('/assets/ui.js', { headers: { 'if-none-match': etag } });
      assert.equal(again.status, 304);
    });

    test('/openapi.json describes every route the server has (and no other), as OpenAPI 3.1', async () => {
      const doc = await loadDocument(h.url);
      assert.equal(doc['openapi'], '3.1.0');
      const documented = new Set<string>();
      for (const [path, item] of Object.entries(doc['paths'] as Record<string, Json>)) {
        for (const method of Object.keys(item)) documented.add(`${method.toUpperCase()} ${path}`);
      }
      const routed = new Set(
        h.server.app.routes
          .filter((r) => r.method !== 'ALL')
          .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
      );
      assert.deepEqual([...routed].sort(), [...documented].sort());
      for (const must of [
        'GET /api/stories',
        'GET /api/stories/{id}',
        'GET /api/stories/{id}/report',
        'GET /api/articles/{id}',
        'GET /api/search',
        'POST /api/ingest/files',
        'POST /api/ingest/urls',
        'GET /api/jobs',
        'GET /api/jobs/{id}',
        'GET /api/jobs/failed',
        'GET /openapi.json',
        'GET /',
      ]) {
        assert.ok(documented.has(must), `${must} is documented`);
      }
      // Every reference resolves: compiling each component schema fails on a dangling $ref.
      for (const name of Object.keys((doc['components'] as Json)['schemas'] as Json)) {
        ajv.getSchema(`${DOC_ID}#/components/schemas/${name}`);
      }
    });
  });
}

describe('the write token', () => {
  let h: Harness;
  const token = 'correct-horse-battery-staple';

  before(async () => {
    h = await startHarness({ token, worker: false });
  });
  after(async () => {
    await h?.close();
  });

  test('with a token, writes without it or with another are 401 and reads stay open', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(new URL('/api/ingest/urls', h.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"urls": ["http://127.0.0.1:9/a.html"]}',
      });
    const none = await post({});
    assert.equal(none.status, 401);
    assert.match(((await none.json()) as { error: { message: string } }).error.message, /Bearer/);
    assert.equal((await post({ authorization: 'Bearer wrong-token-of-some-length' })).status, 401);
    assert.equal((await post({ authorization: `Basic ${token}` })).status, 401);
    assert.equal((await post({ authorization: `Bearer ${token}` })).status, 202);
    const info = (await (await fetch(new URL('/api/info', h.url))).json()) as {
      writeTokenRequired: boolean;
    };
    assert.equal(info.writeTokenRequired, true);
    assert.equal((await fetch(new URL('/api/stories', h.url))).status, 200);
  });

  test('a server refuses to listen beyond loopback without a token, or with a short one', async () => {
    assert.throws(() => checkServerOptions('0.0.0.0', null), /token/);
    assert.throws(() => checkServerOptions('192.0.2.10', null), /token/);
    assert.throws(() => checkServerOptions('127.0.0.1', 'short'), /at least 16/);
    assert.doesNotThrow(() => checkServerOptions('127.0.0.1', null));
    assert.doesNotThrow(() => checkServerOptions('localhost', null));
    assert.doesNotThrow(() => checkServerOptions('::1', null));
    assert.doesNotThrow(() => checkServerOptions('0.0.0.0', token));
    await assert.rejects(startServer({ store: h.store, host: '0.0.0.0', port: 0 }), /token/);
  });
});

describe('failures inside the server', () => {
  test('a store that fails gives a 500 with a fixed message, the details only in the log', async () => {
    const h = await startHarness({ worker: false });
    try {
      await h.store.close();
      const reply = await fetch(new URL('/api/stories', h.url));
      assert.equal(reply.status, 500);
      const text = await reply.text();
      assert.deepEqual(JSON.parse(text), {
        error: { code: 'internal', message: 'Internal error: the server log has the details' },
      });
      assert.doesNotMatch(text, /at \w|\.ts:|store/i);
      assert.equal(h.logged.length, 1);
      assert.match(h.logged[0] as string, /GET \/api\/stories failed: .*\n\s+at /s);
    } finally {
      await h.close().catch(() => {});
    }
  });
});

describe('parallax serve', () => {
  const main = join(repoRoot(), 'src', 'cli', 'main.ts');

  test('refuses a host beyond loopback without a token (exit 2)', async () => {
    const child = spawn(
      process.execPath,
      [main, 'serve', '--host', '0.0.0.0', '--db', '/nonexistent/x'],
      {
        env: { ...process.env, PARALLAX_TOKEN: '' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 2);
    assert.match(stderr, /token/);
  });

  test('prints its URL, serves the UI and the API, and stops on SIGTERM', async (t) => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const folder = mkdtempSync(join(tmpdir(), 'parallax-serve-cli-'));
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    const child = spawn(process.execPath, [main, 'serve', '--db', folder, '--port', '0', '-q'], {
      env: { ...process.env, DATABASE_URL: '', PARALLAX_TOKEN: '' },
    });
    t.after(() => child.kill('SIGKILL'));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
        if (line) resolve(line[1] as string);
      });
      child.on('close', (code) =>
        reject(new Error(`serve exited ${code} before printing its URL`)),
      );
    });
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<script type="module" src="\/assets\/ui.js">/);
    const info = (await (await fetch(`${url}/api/info`)).json()) as { version: string };
    const pkg = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal(info.version, pkg.version);
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    assert.equal(await closed, 0);
  });
});
