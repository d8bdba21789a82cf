import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { decompress } from './decompress.ts';

const text = Array.from(
  { length: 400 },
  (_, i) => `Paragraph ${i * 7919} of the wire copy, line ${i}.`,
).join('\n');

test('decompress(gzip) reads concatenated members as one stream', async () => {
  const bytes = Buffer.concat([gzipSync('first '), gzipSync('second')]);
  const result = await decompress(bytes, 'gzip', 1000);
  assert.ok(result.ok);
  assert.equal(Buffer.from(result.bytes).toString(), 'first second');
  assert.equal(result.truncated, false);
});

test('decompress(gzip) stops a bomb at the cap instead of inflating it', async () => {
  const bomb = gzipSync(Buffer.alloc(10_000_000));
  assert.ok(bomb.length < 20_000);
  const result = await decompress(bomb, 'gzip', 1_000_000);
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, 'too-large');
});

test('decompress(gzip) keeps what a truncated stream held and says it was cut', async () => {
  const whole = gzipSync(text);
  const result = await decompress(
    whole.subarray(0, Math.floor(whole.length * 0.6)),
    'gzip',
    1_000_000,
  );
  assert.ok(result.ok);
  assert.equal(result.truncated, true);
  const recovered = Buffer.from(result.bytes).toString();
  assert.ok(
    recovered.length > 100 && recovered.length < text.length,
    `recovered ${recovered.length}`,
  );
  assert.ok(text.startsWith(recovered));
});

test('decompress(deflate) reads both zlib-wrapped and raw deflate, and br reads Brotli', async () => {
  for (const bytes of [deflateSync(text), deflateRawSync(text)]) {
    const result = await decompress(bytes, 'deflate', 1_000_000);
    assert.ok(result.ok);
    assert.equal(Buffer.from(result.bytes).toString(), text);
  }
  const br = await decompress(brotliCompressSync(text), 'br', 1_000_000);
  assert.ok(br.ok);
  assert.equal(Buffer.from(br.bytes).toString(), text);
});

test('decompress(gzip) reports damaged data as corrupt', async () => {
  const result = await decompress(
    Uint8Array.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3, 4, 5, 6, 7, 8]),
    'gzip',
    1000,
  );
  assert.equal(result.ok, false);
  assert.equal(!result.ok && result.reason, 'corrupt');
});

test('decompress(bytes, _, 0) is misuse and throws a RangeError', async () => {
  await assert.rejects(decompress(gzipSync('x'), 'gzip', 0), RangeError);
});
