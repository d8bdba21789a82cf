import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { type JobQueue, openJobQueue } from '../../src/jobs/index.ts';
import {
  API_ERROR_CODES,
  API_ERROR_STATUS,
  type ApiErrorCode,
} from '../../src/server/api-error.ts';
import type { ServerApp } from '../../src/server/app-types.ts';
import { createApp } from '../../src/server/index.ts';
import { MAX_JSON_BODY_BYTES, MAX_URL_LENGTH } from '../../src/server/limits.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import type { FuzzCase, FuzzTarget } from './fuzz-case.ts';
import { damaged, depth } from './mutate.ts';

// The JSON input of the HTTP API: arbitrary and near-valid JSON bodies
// (built from the zod schema of POST /api/ingest/urls: wrong types, huge
// strings, deep nesting, unicode, whitespace and control characters around
// URLs, prototype keys) posted to the JSON route and to every other route,
// and fuzzed query strings and ids on the read routes. Requests go through
// `app.fetch` (no network) to the real app over a real PGlite store and
// job queue (no worker: nothing queued is ever fetched). A case is
// `{location: "METHOD /path?query", bytes: body, contentType}`.

/** Most time one request may take before the case counts as a hang. */
const REQUEST_TIMEOUT_MS = 10_000;

/** JSON syntax and escapes spliced into bodies. */
const JSON_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\\',
  '\\u0000',
  '\\ud800',
  '\\udfff',
  'null',
  '1e999',
  '-0',
  '"urls"',
  '"__proto__"',
  '\ufeff',
  '\u2028',
];

/** Keys that pollute prototypes when merged carelessly, and near misses of `urls`. */
const ODD_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'URLS',
  'urls ',
  'url',
  '',
];

const VALID_URLS = [
  'https://example.org/news/story.html',
  'http://127.0.0.1:9/story.html',
  'https://news.test/a?b=1&c=%20#frag',
  'HTTPS://EXAMPLE.ORG/A',
  'https://xn--exmple-cua.org/',
  'https://exämple.org/ünïcode',
  'http://[::1]:9/',
  'http://0x7f.1/',
];

/** Strings put around or inside a URL: what a sloppy or hostile client sends. */
const URL_AFFIXES = [
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\u0000',
  '\u000b',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '\ud800',
  '../',
  '/../../../../etc/passwd',
  '%00',
  '%2e%2e/',
];

const NOT_HTTP = [
  'javascript:alert(1)',
  'file:///etc/passwd',
  'ftp://example.org/a',
  'data:text/html,<script>1</script>',
  '//example.org/a',
  'https:/example.org',
  'https://',
  'example.org',
  '',
];

/** A character around or inside a URL: the affixes above, or any C0 control, space or DEL. */
const affix = fc.oneof(
  // What databases and encoders refuse most often: NUL and lone surrogates.
  { weight: 2, arbitrary: fc.constantFrom('\u0000', '\ud800', '\udfff') },
  { weight: 3, arbitrary: fc.constantFrom(...URL_AFFIXES) },
  {
    weight: 3,
    arbitrary: fc
      .oneof(fc.integer({ min: 0, max: 0x20 }), fc.constant(0x7f))
      .map((c) => String.fromCharCode(c)),
  },
);

/** A valid URL with something put before it, after it, into its host or into its path. */
const affixed = fc
  .tuple(affix, fc.constantFrom(...VALID_URLS), fc.constantFrom('before', 'after', 'host', 'path'))
  .map(([text, url, where]) => {
    if (where === 'before') return `${text}${url}`;
    if (where === 'after') return `${url}${text}`;
    if (where === 'host') return url.replace('//', `//${text}`);
    const slash = url.indexOf('/', url.indexOf('//') + 2);
    return slash < 0
      ? `${url}/${text}`
      : `${url.slice(0, slash + 1)}${text}${url.slice(slash + 1)}`;
  });

/** One element of `urls`: valid, nearly valid, not http, too long, or not a string at all. */
const urlish: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VALID_URLS) },
  { weight: 2, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  { weight: 4, arbitrary: affixed },
  { weight: 1, arbitrary: fc.constantFrom(...NOT_HTTP) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: MAX_URL_LENGTH - 30, max: MAX_URL_LENGTH + 30 })
      .map((n) => `https://example.org/${'a'.repeat(n - 20)}`),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** JSON text of an object with the given members, keys as given (so `__proto__` stays a key). */
function objectText(members: readonly [string, string][]): string {
  return `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
}

const jsonText = (value: unknown) => JSON.stringify(value) ?? 'null';

/** A list of valid URLs with one element (sometimes) replaced by anything `urlish` makes. */
const urlList: fc.Arbitrary<unknown[]> = fc
  .tuple(
    fc.array(fc.constantFrom(...VALID_URLS), { minLength: 0, maxLength: 4 }),
    // null (all valid) one time in four.
    fc.option(urlish, { freq: 4 }),
    fc.nat(),
  )
  .map(([valid, odd, at]) => {
    const list: unknown[] = [...valid];
    if (odd !== null) list.splice(at % (list.length + 1), 0, odd);
    return list;
  });

/**
 * A body shaped like `{urls: [...]}`: right, or wrong in one place (one
 * element, the type of `urls`, the number of URLs, an extra or odd key), so
 * each mistake is the only one and reaches the code behind the check.
 */
const nearValid: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(
      { weight: 8, arbitrary: urlList.map(jsonText) },
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: 199, max: 202 })
          .map((n) => jsonText(Array.from({ length: n }, (_, i) => `https://example.org/${i}`))),
      },
      { weight: 1, arbitrary: urlish.map(jsonText) },
    ),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant([] as [string, string][]) },
      {
        weight: 1,
        arbitrary: fc.array(
          fc.tuple(
            fc.oneof(fc.constantFrom(...ODD_KEYS), fc.string({ maxLength: 8 })),
            fc.jsonValue({ maxDepth: 2 }).map(jsonText),
          ),
          { minLength: 1, maxLength: 2 },
        ),
      },
    ),
    fc.boolean(),
  )
  .map(([urls, extra, urlsFirst]) => {
    const members: [string, string][] = [['urls', urls], ...extra];
    if (!urlsFirst) members.reverse();
    return objectText(members);
  });

/** Nesting past any sane depth, as arrays or objects, alone or inside `urls`. */
const deep: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(depth, fc.integer({ min: 10_000, max: 100_000 })),
    fc.constantFrom('array', 'object', 'in-urls'),
  )
  .map(([n, shape]) => {
    if (shape === 'object') return `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    const nested = `${'['.repeat(n)}${']'.repeat(n)}`;
    return shape === 'array' ? nested : `{"urls":${nested}}`;
  });

/** A body over the JSON limit, or just under it. */
const huge: fc.Arbitrary<string> = fc
  .integer({ min: MAX_JSON_BODY_BYTES - 64, max: MAX_JSON_BODY_BYTES + 4096 })
  .map((n) => `{"urls":["https://example.org/"],"pad":"${'x'.repeat(n - 50)}"}`);

/** Any JSON value, with unicode in its strings. */
const anyJson: fc.Arbitrary<string> = fc
  .jsonValue({ maxDepth: 4, stringUnit: 'binary' })
  .map(jsonText);

const plainBody: fc.Arbitrary<Uint8Array> = fc
  .oneof(
    { weight: 6, arbitrary: nearValid },
    { weight: 2, arbitrary: anyJson },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: huge },
  )
  .map((text) => new Uint8Array(Buffer.from(text, 'utf8')));

/** A body as built, or damaged as bytes (about a quarter of them: the rest must parse). */
const body: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 2, arbitrary: plainBody },
  { weight: 1, arbitrary: damaged(plainBody, JSON_TOKENS) },
);

const JSON_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=utf-16',
  'application/vnd.api+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
];

/** Every route that takes a write, and some that do not (POST to a read route is a 404). */
const WRITE_PATHS = [
  '/api/ingest/urls',
  '/api/ingest/urls',
  '/api/ingest/urls',
  '/api/ingest/urls',
  '/api/ingest/files',
  '/api/ingest/files?filename=story.json',
  '/api/stories',
  '/api/jobs',
  '/api/info',
  '/openapi.json',
  '/',
];

const WRITE_METHODS = ['POST', 'POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** A JSON body posted to a write route (mostly `POST /api/ingest/urls`). */
const writeCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.constantFrom(...WRITE_METHODS),
    fc.constantFrom(...WRITE_PATHS),
    body,
    fc.constantFrom(...JSON_TYPES),
  )
  .map(([method, path, bytes, contentType]) => {
    const input: FuzzCase = { location: `${method} ${path}`, bytes };
    if (contentType !== '') input.contentType = contentType;
    return input;
  });

/** A query or path value: JSON text, numbers in odd spellings, unicode, escapes, very long. */
const value: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '20',
      '0',
      '-1',
      '1e999',
      '0x10',
      'NaN',
      '1.5',
      '101',
      'newest',
      'biggest',
      '2021-08-20',
      '2021-02-30',
      '2021-08-20T10:00:00+02:00',
      '9999-12-31',
      '',
      'null',
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map(jsonText) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('crane', 'Freightline Weekly', '"a b"', '-x or y'), affix, fc.nat())
      .map(([text, odd, at]) => {
        const i = at % (text.length + 1);
        return `${text.slice(0, i)}${odd}${text.slice(i)}`;
      }),
  },
  { weight: 1, arbitrary: fc.integer({ min: 190, max: 2_000 }).map((n) => 'q'.repeat(n)) },
);

const encode = fc
  .tuple(value, fc.boolean())
  // A URL holds no lone surrogate: percent-encoding one would throw.
  .map(([text, raw]) =>
    raw ? text.toWellFormed().replace(/[#?&=\s]/g, '') : encodeURIComponent(text.toWellFormed()),
  );

/** Each read route and the query parameters its schema takes. */
const READ_ROUTES: readonly [string, readonly string[]][] = [
  ['/api/stories', ['sort', 'outlet', 'from', 'to', 'limit', 'cursor']],
  ['/api/stories/{id}', []],
  ['/api/stories/{id}/report', []],
  ['/api/articles', ['outlet', 'limit', 'cursor']],
  ['/api/articles/{id}', []],
  ['/api/search', ['q', 'limit', 'cursor']],
  ['/api/jobs', ['limit', 'cursor']],
  ['/api/jobs/failed', ['limit']],
  ['/api/jobs/{id}', []],
  ['/api/info', []],
];

/** Keys no route takes, some of them prototype keys. */
const STRAY_KEYS = ['__proto__', 'constructor', 'sortt', 'LIMIT', 'q[]', ''];

const idText = fc.oneof(
  fc.constantFrom('s1', 'a1f3c9e2d4b5a6c7', '..', '%2e%2e', '%00', 'a'.repeat(129), '%ZZ'),
  encode,
);

/**
 * A GET of a read route: its own parameters with fuzzed values (so a bad
 * value is often the only one), sometimes a stray or repeated key, and a
 * fuzzed id in the path.
 */
const readCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.constantFrom(...READ_ROUTES),
    idText,
    fc.array(fc.tuple(fc.nat(), encode), { maxLength: 3 }),
    fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...STRAY_KEYS), encode) },
    ),
  )
  .map(([[template, keys], id, picks, stray]) => {
    const path = template.replace('{id}', id === '' ? 'x' : id);
    const params = keys.length === 0 ? [] : picks.map(([i, v]) => [keys[i % keys.length], v]);
    if (stray !== null) params.push(stray);
    const query = params.map(([k, v]) => `${encodeURIComponent(k ?? '')}=${v}`).join('&');
    return { location: `GET ${path}${query === '' ? '' : `?${query}`}`, bytes: new Uint8Array() };
  });

/** Requests to the API: mostly JSON bodies, some fuzzed reads. */
export const apiCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 3, arbitrary: writeCase },
  { weight: 1, arbitrary: readCase },
);

interface FuzzServer {
  app: ServerApp;
  store: Store;
  queue: JobQueue;
  folder: string;
  logged: string[];
}

let opened: Promise<FuzzServer> | null = null;

/** The app over a fresh PGlite store and queue, opened on the first case and kept for the rest. */
function fuzzServer(): Promise<FuzzServer> {
  opened ??= (async () => {
    const folder = mkdtempSync(join(tmpdir(), 'parallax-fuzz-api-'));
    const store = await openStore(folder, {});
    const queue = await openJobQueue(store.connection, { supervise: false });
    const logged: string[] = [];
    const app = createApp({
      store,
      jobs: queue,
      token: null,
      version: 'fuzz',
      loopback: true,
      log: (message) => logged.push(message),
      // Limits so high no case reaches them: the bodies must reach validation.
      rateLimit: {
        writesPerMinute: 1e9,
        writeBurst: 1e9,
        inputsPerMinute: 1e9,
        inputBurst: 1e9,
        now: () => 0,
      },
    });
    return { app, store, queue, folder, logged };
  })();
  return opened;
}

async function closeFuzzServer(): Promise<void> {
  if (opened === null) return;
  const server = await opened;
  opened = null;
  await server.queue.stop();
  await server.store.close();
  rmSync(server.folder, { recursive: true, force: true });
}

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What must never reach a client: a stack trace, a source path, a folder of the server, a database error. */
function leaks(folder: string): [string, RegExp][] {
  const literal = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return [
    ['a stack frame', /\n\s+at \S|\bat (?:async )?\S+ \((?:file:|node:|\/)/],
    ['a source file and line', /\.[cm]?[jt]s:\d+/],
    ['the repository folder', literal(REPO)],
    ['the store folder', literal(folder)],
    ['node_modules', /node_modules/],
    [
      'an error class',
      /\b(?:TypeError|RangeError|SyntaxError|ReferenceError|StoreError|ZodError)\b/,
    ],
    ['a database message', /syntax error at or near|violates .* constraint|invalid byte sequence/],
  ];
}

/** Files queued so far (uploads; a URL ingest must never add one). */
async function storedFiles(queue: JobQueue): Promise<number> {
  const [row] = await queue.sql<{ n: number }>('SELECT count(*)::int AS n FROM parallax_job_input');
  return row?.n ?? 0;
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${REQUEST_TIMEOUT_MS} ms`)),
      REQUEST_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Send one case to the app and check the answer: no 5xx, nothing logged as
 * a failure, an error is exactly `{error: {code, message}}` with the code's
 * status, no stack trace, path or database message in any answer, no
 * prototype polluted, an answer within `REQUEST_TIMEOUT_MS`, and a URL
 * ingest never reads a file from the server's disk. Returns the status and
 * error code (the same input must give the same both times).
 */
export async function checkApiCase(input: FuzzCase): Promise<string> {
  const server = await fuzzServer();
  const space = input.location.indexOf(' ');
  const method = input.location.slice(0, space);
  const path = input.location.slice(space + 1);
  const headers: Record<string, string> = { host: '127.0.0.1' };
  if (input.contentType !== undefined) headers['content-type'] = input.contentType;
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') init.body = Buffer.from(input.bytes);
  const filesBefore = await storedFiles(server.queue);
  const logged = server.logged.length;
  const what = `${method} ${path.slice(0, 80)}`;
  const response = await withTimeout(
    Promise.resolve(server.app.fetch(new Request(`http://127.0.0.1${path}`, init))),
    what,
  );
  const text = await withTimeout(response.text(), `${what} (body)`);
  const status = response.status;
  assert.ok(status < 500, `${what} answered ${status}: ${text.slice(0, 300)}`);
  assert.equal(
    server.logged.length,
    logged,
    `${what} logged a failure: ${server.logged.slice(logged).join('\n').slice(0, 500)}`,
  );
  const asked = `${input.location}\n${Buffer.from(input.bytes).toString('utf8')}`;
  for (const [name, pattern] of leaks(server.folder)) {
    if (pattern.test(text) && !pattern.test(asked)) {
      assert.fail(`${what} answered with ${name}: ${text.slice(0, 300)}`);
    }
  }
  assert.equal(
    Object.getOwnPropertyNames(Object.prototype).sort().join(),
    PROTOTYPE_KEYS,
    'Object.prototype was changed',
  );
  let code = '';
  if (status >= 400) {
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/, what);
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    assert.deepEqual(Object.keys(body), ['error'], `${what}: ${text.slice(0, 200)}`);
    assert.deepEqual(Object.keys(body.error ?? {}).sort(), ['code', 'message']);
    assert.ok(
      API_ERROR_CODES.includes(body.error?.code as ApiErrorCode),
      `code ${body.error?.code}`,
    );
    assert.equal(API_ERROR_STATUS[body.error?.code as ApiErrorCode], status);
    assert.ok(typeof body.error?.message === 'string' && body.error.message.length > 0);
    code = String(body.error?.code);
  } else if (status === 202 && path.startsWith('/api/ingest/urls')) {
    const job = (JSON.parse(text) as { job: { problems: unknown[] } }).job;
    assert.deepEqual(
      job.problems,
      [],
      `${what}: a URL ingest reported ${JSON.stringify(job.problems)}`,
    );
    assert.equal(
      await storedFiles(server.queue),
      filesBefore,
      `${what} queued a file from the server's disk`,
    );
  }
  return `${status} ${code}`;
}

/** The HTTP API's JSON input and query strings, through the real app. */
export const apiTarget: FuzzTarget = {
  name: 'api',
  description:
    'JSON bodies (near-valid, arbitrary, deep, huge, damaged, prototype keys) to every write route and fuzzed queries and ids on the read routes, through the HTTP app',
  arbitrary: apiCase,
  check: checkApiCase,
  close: closeFuzzServer,
};
