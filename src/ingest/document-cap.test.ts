import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ingest } from './index.ts';

const page = (words: number) => `<html><body><p>${'word '.repeat(words)}</p></body></html>`;

test('ingest(page, {maxDocumentBytes}) refuses a page over the cap before decoding it, as ingest/too-large', async () => {
  const { sources, problems } = await ingest(
    { location: 'big.html', bytes: Buffer.from(page(1_000)) },
    { maxDocumentBytes: 1_000 },
  );
  assert.deepEqual(sources, []);
  assert.deepEqual(
    problems.map((p) => [p.code, p.source, p.severity]),
    [['ingest/too-large', 'big.html', 'error']],
  );
  assert.match(problems[0]?.message ?? '', /more than the 1000 read as one article/);
});

test('ingest(feed, {maxDocumentBytes}) drops only the items over the cap, gzipped or not', async () => {
  const feed = `<rss><channel><title>T</title><item><description>short one</description></item><item><description>${'long '.repeat(500)}</description></item></channel></rss>`;
  for (const [location, bytes] of [
    ['feed.xml', Buffer.from(feed)],
    ['feed.xml.gz', gzipSync(feed)],
  ] as const) {
    const { sources, problems } = await ingest({ location, bytes }, { maxDocumentBytes: 1_000 });
    assert.deepEqual(
      sources.map((s) => s.location),
      [`${location}#1`],
    );
    assert.deepEqual(
      problems.map((p) => [p.code, p.source]),
      [['ingest/too-large', `${location}#2`]],
    );
  }
});

test('ingest(input, {maxDocumentBytes: 0}) is misuse', async () => {
  await assert.rejects(
    ingest({ location: 'a.txt', bytes: Buffer.from('a') }, { maxDocumentBytes: 0 }),
    RangeError,
  );
});
