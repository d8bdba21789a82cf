import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { blockedAddressReason } from './address-policy.ts';
import { type FetchOptions, fetchUrl } from './fetch-url.ts';
import type { ResolvedAddress } from './guarded-lookup.ts';
import { IoError } from './io-error.ts';
import { readInputs } from './read-inputs.ts';

// Every way of writing or reaching a private address that a hostile page,
// feed or redirect might use, against one local server that counts what
// reaches it: a refused fetch must send nothing at all.

const hits: string[] = [];
let port = 0;
let base = '';
const server = http.createServer((req, res) => {
  const path = req.url ?? '/';
  hits.push(path);
  const redirect = /^\/redirect\?to=(.*)$/.exec(path)?.[1];
  if (redirect !== undefined) {
    res.writeHead(302, { location: decodeURIComponent(redirect) });
    res.end();
  } else if (path === '/drip') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    const timer = setInterval(() => res.write('.'), 20);
    res.on('close', () => clearInterval(timer));
  } else {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('reached');
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

async function refusal(url: string, options: FetchOptions = {}): Promise<IoError> {
  const before = hits.length;
  try {
    await fetchUrl(url, { timeoutMs: 2_000, ...options });
  } catch (error) {
    assert.ok(error instanceof IoError, `expected an IoError for ${url}, got ${String(error)}`);
    assert.equal(hits.length, before, `${url} reached the server`);
    return error;
  }
  assert.fail(`expected ${url} to be refused`);
}

test('fetchUrl(url) refuses loopback written as decimal, octal, hex, short, mapped or trailing-dot literals', async () => {
  const forms = [
    `http://2130706433:${port}/`,
    `http://0177.0.0.1:${port}/`,
    `http://017700000001:${port}/`,
    `http://0x7f.1:${port}/`,
    `http://0x7f000001:${port}/`,
    `http://127.1:${port}/`,
    `http://127.0.0.1.:${port}/`,
    `http://[::ffff:127.0.0.1]:${port}/`,
    `http://[0:0:0:0:0:ffff:7f00:1]:${port}/`,
    `http://[::1]:${port}/`,
  ];
  for (const url of forms) {
    const error = await refusal(url);
    assert.equal(error.code, 'io/refused', url);
    assert.match(error.message, /loopback/, url);
  }
});

test('fetchUrl(url) refuses unspecified, metadata and IPv4-compatible literals that some systems route locally', async () => {
  const cases: Array<[string, RegExp]> = [
    [`http://0:${port}/`, /unspecified/],
    [`http://0.0.0.0:${port}/`, /unspecified/],
    [`http://[::]:${port}/`, /unspecified/],
    ['http://[::ffff:169.254.169.254]/latest/meta-data/', /metadata/],
    ['http://[::ffff:a9fe:a9fe]/', /metadata/],
    ['http://2852039166/', /metadata/],
    [`http://[::127.0.0.1]:${port}/`, /reserved/],
    ['http://[64:ff9b::a00:1]/', /private/],
  ];
  for (const [url, reason] of cases) {
    const error = await refusal(url);
    assert.equal(error.code, 'io/refused', url);
    assert.match(error.message, reason, url);
  }
});

test('fetchUrl(url) refuses a name whose DNS answer mixes public and private addresses, in any order and family', async () => {
  const answers: Record<string, ResolvedAddress[]> = {
    'public-first.test': [
      { address: '93.184.215.14', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ],
    'private-first.test': [
      { address: '10.0.0.7', family: 4 },
      { address: '93.184.215.14', family: 4 },
    ],
    'v6-loopback.test': [
      { address: '2606:4700:4700::1111', family: 6 },
      { address: '::1', family: 6 },
    ],
    'mapped.test': [{ address: '::ffff:192.168.1.1', family: 6 }],
    'metadata.test': [{ address: '169.254.169.254', family: 4 }],
  };
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => answers[hostname] ?? [];
  for (const [name, found] of Object.entries(answers)) {
    const error = await refusal(`http://${name}:${port}/`, { resolve });
    assert.equal(error.code, 'io/refused', name);
    const blocked = found.find((entry) => blockedAddressReason(entry.address) !== undefined);
    assert.ok(blocked);
    assert.ok(error.message.includes(`${blocked.address} (${name} resolves to it)`), error.message);
  }
});

test('fetchUrl(url) refuses a redirect to file:, ftp:, data:, javascript: or gopher: without following it', async () => {
  const allowTestServer = { allowAddresses: ['127.0.0.1'] };
  for (const target of [
    'file:///etc/passwd',
    'ftp://127.0.0.1/x',
    'data:text/html,<p>hi</p>',
    'javascript:alert(1)',
    'gopher://127.0.0.1:70/',
  ]) {
    const before = hits.length;
    await assert.rejects(
      fetchUrl(`${base}/redirect?to=${encodeURIComponent(target)}`, allowTestServer),
      (error: unknown) => error instanceof IoError && error.code === 'io/bad-url',
      target,
    );
    assert.equal(hits.length, before + 1, `only the redirecting page is fetched for ${target}`);
  }
});

test('fetchUrl(url) re-checks a redirect to a mapped, decimal or DNS-named private address', async () => {
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> =>
    hostname === 'rebind.test' ? [{ address: '192.168.0.1', family: 4 }] : [];
  const options = { allowAddresses: ['127.0.0.1'], resolve };
  for (const [target, reason] of [
    ['http://[::ffff:169.254.169.254]/', /metadata/],
    ['http://3232235521/', /private/],
    ['http://rebind.test/', /192\.168\.0\.1 \(rebind\.test resolves to it\) is a private/],
  ] as const) {
    const before = hits.length;
    await assert.rejects(
      fetchUrl(`${base}/redirect?to=${encodeURIComponent(target)}`, options),
      (error: unknown) =>
        error instanceof IoError && error.code === 'io/refused' && reason.test(error.message),
      target,
    );
    assert.equal(hits.length, before + 1, target);
  }
});

test('fetchUrl(url) turns an unparsable redirect into an IoError, not a crash', async () => {
  await assert.rejects(
    fetchUrl(`${base}/redirect?to=${encodeURIComponent('http://[bad')}`, {
      allowAddresses: ['127.0.0.1'],
    }),
    IoError,
  );
});

test('fetchUrl(url) gives up on a body that trickles in forever once timeoutMs passes', async () => {
  const started = performance.now();
  await assert.rejects(
    fetchUrl(`${base}/drip`, { allowAddresses: ['127.0.0.1'], timeoutMs: 300 }),
    (error: unknown) => error instanceof IoError && error.code === 'io/timeout',
  );
  assert.ok(performance.now() - started < 5_000);
});

test('readInputs(urls) turns refused and non-http URLs into problems and carries on', async () => {
  const items = [];
  for await (const item of readInputs(['http://2852039166/', 'file:///etc/passwd', `${base}/ok`], {
    cwd: process.cwd(),
    allowAddresses: ['127.0.0.1'],
    timeoutMs: 2_000,
  })) {
    items.push(item);
  }
  assert.deepEqual(
    items.map((item) => ('code' in item ? item.code : 'read')),
    ['ingest/fetch-refused', 'ingest/bad-url', 'read'],
  );
});
