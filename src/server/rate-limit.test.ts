import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_URLS_PER_REQUEST } from './limits.ts';
import {
  addressKey,
  createRateLimiter,
  DEFAULT_INPUT_BURST,
  DEFAULT_RATE_LIMITS,
  type RateLimitOptions,
} from './rate-limit.ts';

/** A limiter on a clock the test moves by hand. */
function limiterAt(options: RateLimitOptions = {}) {
  const clock = { ms: 1_000 };
  const limiter = createRateLimiter({ ...options, now: () => clock.ms });
  return { limiter, clock };
}

test('createRateLimiter() takes a burst at once, then refuses until the clock refills the bucket', () => {
  const { limiter, clock } = limiterAt({ writesPerMinute: 6, writeBurst: 3 });
  for (let i = 0; i < 3; i++) assert.deepEqual(limiter.take('a', 'writes'), { ok: true }, `${i}`);
  // 6 a minute: one token every 10 s.
  assert.deepEqual(limiter.take('a', 'writes'), { ok: false, retryAfterSeconds: 10 });
  clock.ms += 9_000;
  assert.deepEqual(limiter.take('a', 'writes'), { ok: false, retryAfterSeconds: 1 });
  clock.ms += 1_000;
  assert.deepEqual(limiter.take('a', 'writes'), { ok: true });
  assert.equal(limiter.take('a', 'writes').ok, false);
  // A long pause refills the bucket to its burst, no further.
  clock.ms += 3_600_000;
  for (let i = 0; i < 3; i++) assert.equal(limiter.take('a', 'writes').ok, true);
  assert.equal(limiter.take('a', 'writes').ok, false);
});

test('createRateLimiter() charges inputs by count, and a charge over the burst never passes', () => {
  const { limiter, clock } = limiterAt({ inputsPerMinute: 60, inputBurst: 10 });
  assert.equal(limiter.take('a', 'inputs', 7).ok, true);
  // 3 left, 5 asked: 2 more tokens at one a second.
  assert.deepEqual(limiter.take('a', 'inputs', 5), { ok: false, retryAfterSeconds: 2 });
  assert.equal(limiter.take('a', 'inputs', 3).ok, true, 'a refused charge takes nothing');
  assert.deepEqual(limiter.take('a', 'inputs', 11), { ok: false, retryAfterSeconds: null });
  clock.ms += 60_000;
  assert.deepEqual(limiter.take('a', 'inputs', 11), { ok: false, retryAfterSeconds: null });
  assert.equal(limiter.take('a', 'inputs', 10).ok, true);
  assert.equal(limiter.take('a', 'writes').ok, true, 'writes have a bucket of their own');
});

test('createRateLimiter() keeps one bucket per client, and a rate of 0 turns that limit off', () => {
  const { limiter } = limiterAt({ writesPerMinute: 1, writeBurst: 1, inputsPerMinute: 0 });
  assert.equal(limiter.take('a', 'writes').ok, true);
  assert.equal(limiter.take('a', 'writes').ok, false);
  assert.equal(limiter.take('b', 'writes').ok, true);
  for (let i = 0; i < 100; i++) assert.equal(limiter.take('a', 'inputs', 1_000).ok, true);
});

test('createRateLimiter() remembers at most maxClients, forgetting the least recently seen first', () => {
  const { limiter } = limiterAt({ writesPerMinute: 1, writeBurst: 1, maxClients: 3 });
  for (const client of ['a', 'b', 'c']) assert.equal(limiter.take(client, 'writes').ok, true);
  assert.equal(limiter.take('a', 'writes').ok, false, 'a is now the most recently seen');
  for (let i = 0; i < 1_000; i++) limiter.take(`flood-${i}`, 'writes');
  assert.equal(limiter.size, 3);
  // 'a' was pushed out by the flood: forgetting a client only gives it a full bucket.
  assert.equal(limiter.take('a', 'writes').ok, true);
});

test('createRateLimiter() forgets clients once their buckets are full again, with no timer', () => {
  const { limiter, clock } = limiterAt({ writesPerMinute: 60, writeBurst: 2 });
  for (let i = 0; i < 50; i++) limiter.take(`client-${i}`, 'writes');
  assert.equal(limiter.size, 50);
  clock.ms += 1_000; // a token back each: every bucket is full again
  // Each call looks at a few of the oldest entries, so a steady trickle empties the map.
  for (let i = 0; i < 10; i++) limiter.take('steady', 'writes');
  assert.equal(limiter.size, 1, 'only the client still using its tokens is remembered');
  clock.ms += 60_000;
  limiter.take('other', 'writes');
  assert.equal(limiter.size, 1);
});

test('createRateLimiter() defaults let a full URL request through and refuse bad options', () => {
  assert.ok(DEFAULT_INPUT_BURST >= MAX_URLS_PER_REQUEST);
  const { limiter } = limiterAt();
  assert.deepEqual(limiter.limits, DEFAULT_RATE_LIMITS);
  assert.equal(limiter.take('a', 'inputs', MAX_URLS_PER_REQUEST).ok, true);
  assert.throws(() => createRateLimiter({ writeBurst: 0 }), /writeBurst .* at least 1, got 0/);
  assert.throws(() => createRateLimiter({ inputsPerMinute: -1 }), RangeError);
  assert.throws(() => createRateLimiter({ writesPerMinute: Number.NaN }), RangeError);
});

test('addressKey(address) keys IPv4 as is and IPv6 by its /64 network', () => {
  assert.equal(addressKey('192.0.2.7'), '192.0.2.7');
  assert.equal(addressKey('::ffff:192.0.2.7'), '192.0.2.7');
  assert.equal(addressKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
  assert.equal(addressKey('[2001:DB8::1]'), '2001:db8:0:0::/64');
  assert.equal(addressKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
  assert.equal(addressKey('::1'), '0:0:0:0::/64');
  assert.equal(addressKey('::192.0.2.7'), '0:0:0:0::/64');
  assert.equal(addressKey('not an address'), 'not an address');
});
