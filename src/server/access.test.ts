import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import { isLoopbackHost, requireWriteToken, sameOriginOnly, tokensMatch } from './access.ts';
import { ApiError } from './api-error.ts';

function app(...middleware: Parameters<Hono['use']>[1][]) {
  const hono = new Hono();
  for (const m of middleware) hono.use(m);
  hono.all('/x', (c) => c.text('ok'));
  hono.onError((error, c) =>
    c.text(
      error instanceof ApiError ? error.code : 'other',
      error instanceof ApiError ? error.status : 500,
    ),
  );
  return hono;
}

test('isLoopbackHost(host) is true for 127.0.0.0/8, ::1 and localhost only', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost']) {
    assert.equal(isLoopbackHost(host), true, host);
  }
  for (const host of ['0.0.0.0', '::', '10.0.0.1', '192.168.1.2', 'example.org', '128.0.0.1']) {
    assert.equal(isLoopbackHost(host), false, host);
  }
});

test('tokensMatch(presented, expected) is true only for the same token, whatever the lengths', () => {
  assert.equal(tokensMatch('s3cret-token-123456', 's3cret-token-123456'), true);
  assert.equal(tokensMatch('s3cret-token-123457', 's3cret-token-123456'), false);
  assert.equal(tokensMatch('s3cret', 's3cret-token-123456'), false);
  assert.equal(tokensMatch('', 's3cret-token-123456'), false);
});

test('requireWriteToken(token) lets reads through and checks the bearer token of writes', async () => {
  const guarded = app(requireWriteToken('s3cret-token-123456'));
  assert.equal((await guarded.request('/x')).status, 200);
  assert.equal((await guarded.request('/x', { method: 'POST' })).status, 401);
  const wrong = { authorization: 'Bearer s3cret-token-000000' };
  assert.equal((await guarded.request('/x', { method: 'POST', headers: wrong })).status, 401);
  const right = { authorization: 'bearer s3cret-token-123456' };
  assert.equal((await guarded.request('/x', { method: 'POST', headers: right })).status, 200);
  const open = app(requireWriteToken(null));
  assert.equal((await open.request('/x', { method: 'POST' })).status, 200);
});

test('sameOriginOnly refuses foreign Host names on loopback and cross-site writes', async () => {
  const guarded = app(sameOriginOnly({ loopback: true }));
  const at = (host: string, init: RequestInit = {}) =>
    guarded.request('/x', { ...init, headers: { host, ...(init.headers as object) } });
  assert.equal((await at('127.0.0.1:8080')).status, 200);
  assert.equal((await at('localhost:8080')).status, 200);
  assert.equal((await at('[::1]:8080')).status, 200);
  assert.equal((await at('rebound.example:8080')).status, 403);
  const post = (headers: Record<string, string>) =>
    at('127.0.0.1:8080', { method: 'POST', headers });
  assert.equal((await post({ origin: 'http://127.0.0.1:8080' })).status, 200);
  assert.equal((await post({})).status, 200, 'a client that is not a browser sends no Origin');
  assert.equal((await post({ origin: 'https://evil.example' })).status, 403);
  assert.equal((await post({ origin: 'null' })).status, 403);
  assert.equal((await post({ 'sec-fetch-site': 'cross-site' })).status, 403);
  const anywhere = app(sameOriginOnly({ loopback: false }));
  const named = await anywhere.request('/x', { headers: { host: 'news.example.org' } });
  assert.equal(named.status, 200);
});
