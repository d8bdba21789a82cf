import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { CROSS_ORIGIN_HEADERS, fetchUrl } from './fetch-url.ts';

// Two servers on 127.0.0.1, on different ports: two origins. Each records
// the headers of every request it gets; paths say where to redirect.
interface Seen {
  server: 'a' | 'b';
  path: string;
  headers: http.IncomingHttpHeaders;
}
const seen: Seen[] = [];
const origins = { a: '', b: '' };

function serve(name: 'a' | 'b'): http.Server {
  return http.createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push({ server: name, path, headers: req.headers });
    // /to/<a|b>/<rest>: redirect to <rest> on that server; anything else: a page.
    const hop = /^\/to\/([ab])(\/.*)$/.exec(path);
    if (hop) {
      res.writeHead(302, { location: `${origins[hop[1] as 'a' | 'b']}${hop[2]}` });
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`page on ${name}`);
  });
}

const servers = { a: serve('a'), b: serve('b') };

before(async () => {
  for (const name of ['a', 'b'] as const) {
    const server = servers[name];
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origins[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
});

after(() => {
  for (const server of Object.values(servers)) {
    server.closeAllConnections();
    server.close();
  }
});

const CREDENTIALS = {
  Authorization: 'Bearer secret-token',
  Cookie: 'session=secret',
  'Proxy-Authorization': 'Basic c2VjcmV0',
  'X-Api-Key': 'secret-key',
};
const CONDITIONAL = {
  'If-None-Match': '"v1"',
  'If-Modified-Since': 'Tue, 24 Aug 2021 10:20:00 GMT',
  'Accept-Language': 'en',
};
const headers = { ...CREDENTIALS, ...CONDITIONAL };

/** What reached `server` for `path` in the last fetch. */
function reached(server: 'a' | 'b', path: string): http.IncomingHttpHeaders {
  const hit = seen.findLast((s) => s.server === server && s.path === path);
  assert.ok(hit, `no request for ${path} reached server ${server}`);
  return hit.headers;
}

function credentialsIn(got: http.IncomingHttpHeaders): string[] {
  return Object.keys(CREDENTIALS).filter((name) => got[name.toLowerCase()] !== undefined);
}

test('fetchUrl(url, {headers}) drops credential headers on a redirect to another origin and keeps conditional ones', async () => {
  const input = await fetchUrl(`${origins.a}/to/b/page`, { allowPrivate: true, headers });
  assert.equal(Buffer.from(input.bytes).toString(), 'page on b');
  assert.deepEqual(credentialsIn(reached('a', '/to/b/page')), Object.keys(CREDENTIALS));
  const onB = reached('b', '/page');
  assert.deepEqual(credentialsIn(onB), []);
  assert.equal(onB['if-none-match'], '"v1"');
  assert.equal(onB['if-modified-since'], 'Tue, 24 Aug 2021 10:20:00 GMT');
  assert.equal(onB['accept-language'], 'en');
});

test('fetchUrl(url, {headers}) keeps every header on a redirect within the same origin', async () => {
  await fetchUrl(`${origins.a}/to/a/same`, { allowPrivate: true, headers });
  assert.deepEqual(credentialsIn(reached('a', '/same')), Object.keys(CREDENTIALS));
});

test('fetchUrl(url, {headers}) does not send credentials again when a redirect comes back to the first origin', async () => {
  await fetchUrl(`${origins.a}/to/b/to/a/back`, { allowPrivate: true, headers });
  assert.deepEqual(credentialsIn(reached('b', '/to/a/back')), []);
  assert.deepEqual(credentialsIn(reached('a', '/back')), []);
  assert.equal(reached('a', '/back')['if-none-match'], '"v1"');
});

test('CROSS_ORIGIN_HEADERS lets no credential header through', () => {
  for (const name of Object.keys(CREDENTIALS)) {
    assert.equal(CROSS_ORIGIN_HEADERS.has(name.toLowerCase()), false, name);
  }
});
