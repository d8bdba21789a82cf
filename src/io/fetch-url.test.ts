import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ingest } from '../ingest/index.ts';
import { fetchUrl } from './fetch-url.ts';
import type { ResolvedAddress } from './guarded-lookup.ts';
import { IoError } from './io-error.ts';
import { USER_AGENT } from './user-agent.ts';

const hits: Array<{ url: string; host: string; agent: string }> = [];
let base = '';
let port = 0;
const server = http.createServer((req, res) => {
  hits.push({
    url: req.url ?? '',
    host: req.headers.host ?? '',
    agent: req.headers['user-agent'] ?? '',
  });
  const path = req.url ?? '/';
  if (path === '/page') {
    res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
    res.end(Buffer.from('<html><body>Caf\xe9 \xab news \xbb</body></html>', 'latin1'));
  } else if (path.startsWith('/hop/')) {
    const left = Number(path.slice(5));
    res.writeHead(
      left > 0 ? 302 : 200,
      left > 0 ? { location: `/hop/${left - 1}` } : { 'content-type': 'text/plain' },
    );
    res.end(left > 0 ? '' : 'arrived');
  } else if (path === '/to-metadata') {
    res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' });
    res.end();
  } else if (path === '/to-loopback-name') {
    res.writeHead(307, { location: `http://intranet.test:${port}/page` });
    res.end();
  } else if (path === '/gzip') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': 'gzip' });
    res.end(gzipSync('Zoë read the gzipped wire copy.'));
  } else if (path === '/gzip-bomb') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
    res.end(gzipSync(Buffer.alloc(2_000_000, 0x41)));
  } else if (path === '/big-declared') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000000' });
    res.end();
  } else if (path === '/big-stream') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, 0x42);
    const timer = setInterval(() => res.write(chunk), 1);
    res.on('close', () => clearInterval(timer));
  } else if (path === '/slow') {
    // Never answers; the client's timeout must end it.
  } else if (path === '/missing') {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('no such page');
  } else {
    res.writeHead(500);
    res.end();
  }
});

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const local = { allowPrivate: true };

async function ioError(promise: Promise<unknown>): Promise<IoError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof IoError, `expected an IoError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the fetch to fail');
}

test('fetchUrl(url) reads the body with its Content-Type, final URL and a parallax User-Agent', async () => {
  const input = await fetchUrl(`${base}/page#section`, local);
  assert.equal(input.location, `${base}/page`);
  assert.equal(input.url, `${base}/page`);
  assert.equal(input.contentType, 'text/html; charset=iso-8859-1');
  assert.equal(
    Buffer.from(input.bytes).toString('latin1'),
    '<html><body>Caf\xe9 \xab news \xbb</body></html>',
  );
  assert.equal(hits.at(-1)?.agent, USER_AGENT);
  assert.match(USER_AGENT, /^parallax\/\d+\.\d+\.\d+/);
});

test('ingest(fetchUrl(url)) decodes the page with the charset from the HTTP header', async () => {
  const { sources, problems } = await ingest(await fetchUrl(`${base}/page`, local));
  assert.deepEqual(problems, []);
  assert.deepEqual(sources, [
    {
      location: `${base}/page`,
      format: 'html',
      content: '<html><body>Café « news »</body></html>',
      meta: { url: `${base}/page` },
    },
  ]);
});

test('fetchUrl(loopback) without allowPrivate is refused before any request is sent', async () => {
  const before = hits.length;
  const error = await ioError(fetchUrl(`${base}/page`));
  assert.equal(error.code, 'io/refused');
  assert.match(error.message, /127\.0\.0\.1 is a loopback address/);
  assert.match(error.message, /--allow-private/);
  assert.equal(hits.length, before);
});

test('fetchUrl(url) follows a redirect chain and stops past maxRedirects', async () => {
  const input = await fetchUrl(`${base}/hop/3`, local);
  assert.equal(input.url, `${base}/hop/0`);
  assert.equal(input.location, `${base}/hop/3`);
  assert.equal(Buffer.from(input.bytes).toString(), 'arrived');
  const error = await ioError(fetchUrl(`${base}/hop/3`, { ...local, maxRedirects: 2 }));
  assert.equal(error.code, 'io/too-many-redirects');
});

test('fetchUrl(url) re-checks every redirect hop and refuses one that leads to a metadata address', async () => {
  const allowTestServer = { allowAddresses: ['127.0.0.1'] };
  const error = await ioError(fetchUrl(`${base}/to-metadata`, allowTestServer));
  assert.equal(error.code, 'io/refused');
  assert.match(error.message, /169\.254\.169\.254 is a cloud metadata address/);
});

test('fetchUrl(url) checks the addresses DNS returns and connects to exactly the one it checked', async () => {
  const asked: string[] = [];
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    asked.push(hostname);
    if (hostname === 'news.test') return [{ address: '127.0.0.1', family: 4 }];
    if (hostname === 'intranet.test') return [{ address: '10.1.2.3', family: 4 }];
    return [
      { address: '93.184.215.14', family: 4 },
      { address: '192.168.1.20', family: 4 },
    ];
  };
  const options = { allowAddresses: ['127.0.0.1'], resolve };
  const input = await fetchUrl(`http://news.test:${port}/page`, options);
  assert.equal(input.url, `http://news.test:${port}/page`);
  assert.equal(hits.at(-1)?.host, `news.test:${port}`);
  const redirected = await ioError(fetchUrl(`http://news.test:${port}/to-loopback-name`, options));
  assert.equal(redirected.code, 'io/refused');
  assert.match(
    redirected.message,
    /10\.1\.2\.3 \(intranet\.test resolves to it\) is a private address/,
  );
  const mixed = await ioError(fetchUrl('http://mixed.test/page', options));
  assert.match(mixed.message, /192\.168\.1\.20/);
  assert.deepEqual(asked, ['news.test', 'news.test', 'intranet.test', 'mixed.test']);
});

test('fetchUrl(url) decodes a gzip Content-Encoding and caps the decoded size', async () => {
  const input = await fetchUrl(`${base}/gzip`, local);
  assert.equal(Buffer.from(input.bytes).toString(), 'Zoë read the gzipped wire copy.');
  assert.equal(input.contentType, 'text/plain; charset=utf-8');
  const bomb = await ioError(fetchUrl(`${base}/gzip-bomb`, { ...local, maxBytes: 100_000 }));
  assert.equal(bomb.code, 'io/too-large');
});

test('fetchUrl(url) refuses a body past maxBytes, declared or streamed', async () => {
  const declared = await ioError(
    fetchUrl(`${base}/big-declared`, { ...local, maxBytes: 1_000_000 }),
  );
  assert.equal(declared.code, 'io/too-large');
  const streamed = await ioError(fetchUrl(`${base}/big-stream`, { ...local, maxBytes: 1_000_000 }));
  assert.equal(streamed.code, 'io/too-large');
  assert.match(streamed.message, /larger than 1000000 bytes/);
});

test('fetchUrl(url) gives up after timeoutMs', async () => {
  const error = await ioError(fetchUrl(`${base}/slow`, { ...local, timeoutMs: 150 }));
  assert.equal(error.code, 'io/timeout');
  assert.match(error.message, /150 ms/);
});

test('fetchUrl(url) reports an HTTP error with its status, and an unreachable port as a network error', async () => {
  const missing = await ioError(fetchUrl(`${base}/missing`, local));
  assert.equal(missing.code, 'io/http-status');
  assert.equal(missing.status, 404);
  assert.match(missing.message, /HTTP 404/);
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const refused = await ioError(fetchUrl(`http://127.0.0.1:${closedPort}/`, local));
  assert.equal(refused.code, 'io/network');
  assert.match(refused.message, /ECONNREFUSED/);
});

test('fetchUrl(url) only fetches http and https', async () => {
  const error = await ioError(fetchUrl('ftp://example.org/file.txt', local));
  assert.equal(error.code, 'io/bad-url');
  await assert.rejects(fetchUrl(`${base}/page`, { timeoutMs: -1 }), RangeError);
});
