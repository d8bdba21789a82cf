import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ingest } from './index.ts';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

test('ingest(text) reads a Windows-1252 file with curly quotes and an accent', async () => {
  const bytes = Uint8Array.from([
    ...latin1('He said '),
    0x93,
    ...latin1('d\xe9j\xe0 vu'),
    0x94,
    0x2e,
  ]);
  const { sources, problems } = await ingest({ location: 'quote.txt', bytes });
  assert.deepEqual(problems, []);
  assert.deepEqual(sources, [
    { location: 'quote.txt', format: 'text', content: 'He said “déjà vu”.', meta: {} },
  ]);
});

test('ingest(markdown) keeps Markdown as Markdown and drops the BOM', async () => {
  const bytes = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from('# Title\n\nÜber text.'),
  ]);
  const { sources } = await ingest({ location: 'a.md', bytes });
  assert.deepEqual(
    sources.map((s) => [s.format, s.content]),
    [['markdown', '# Title\n\nÜber text.']],
  );
});

test('ingest(html) decodes with the HTTP charset and records the final URL', async () => {
  const bytes = latin1(
    '<html><head><meta charset="utf-8"><title>x</title></head><body>Mus\xe9e</body></html>',
  );
  const { sources, problems } = await ingest({
    location: 'https://example.org/a',
    url: 'https://example.org/a/final',
    contentType: 'text/html; charset=ISO-8859-1',
    bytes,
  });
  assert.deepEqual(problems, []);
  assert.equal(sources[0]?.format, 'html');
  assert.match(sources[0]?.content ?? '', /Musée/);
  assert.deepEqual(sources[0]?.meta, { url: 'https://example.org/a/final' });
});

test('ingest(html) decodes Latin-1 declared in <meta> when no header says otherwise', async () => {
  const bytes = latin1(
    '<html><head><meta http-equiv="content-type" content="text/html; charset=iso-8859-1"></head><body>Gar\xe7on</body></html>',
  );
  const { sources } = await ingest({ location: 'p.html', bytes });
  assert.match(sources[0]?.content ?? '', /Garçon/);
});

test('ingest(gzip) opens .gz transparently, whatever the inner format', async () => {
  const feed =
    '<rss version="2.0"><channel><title>T</title><item><title>A</title><description>Body</description></item></channel></rss>';
  const { sources } = await ingest({ location: 'feed.xml.gz', bytes: gzipSync(feed) });
  assert.deepEqual(
    sources.map((s) => [s.location, s.content, s.meta.outlet]),
    [['feed.xml.gz#1', 'Body', 'T']],
  );
  const notes = await ingest({ location: 'notes.bin', bytes: gzipSync('# Notes\n\ntext') });
  assert.equal(notes.sources[0]?.format, 'markdown');
});

test('ingest(gzip bomb) refuses past maxDecompressedBytes with ingest/too-large', async () => {
  const bomb = gzipSync(Buffer.alloc(5_000_000, 0x20));
  const { sources, problems } = await ingest(
    { location: 'bomb.txt.gz', bytes: bomb },
    { maxDecompressedBytes: 1_000_000 },
  );
  assert.deepEqual(sources, []);
  assert.deepEqual(
    problems.map((p) => [p.code, p.source, p.severity]),
    [['ingest/too-large', 'bomb.txt.gz', 'error']],
  );
});

test('ingest(truncated gzip) keeps the text recovered and warns', async () => {
  const story = Array.from({ length: 300 }, (_, i) => `Sentence ${i * 31} of the story.`).join(' ');
  const whole = gzipSync(story);
  const { sources, problems } = await ingest({
    location: 's.txt.gz',
    bytes: whole.subarray(0, whole.length / 2),
  });
  assert.equal(problems[0]?.code, 'ingest/truncated-gzip');
  assert.equal(problems[0]?.severity, 'warning');
  const text = sources[0]?.content ?? '';
  assert.ok(text.length > 0 && story.startsWith(text));
});

test('ingest(empty or binary) reports ingest/empty and ingest/binary at the location', async () => {
  const empty = await ingest({ location: 'e.txt', bytes: Buffer.from('  \n') });
  assert.deepEqual(
    empty.problems.map((p) => [p.code, p.source]),
    [['ingest/empty', 'e.txt']],
  );
  const binary = await ingest({
    location: 'logo.png',
    bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]),
  });
  assert.deepEqual(
    binary.problems.map((p) => [p.code, p.source]),
    [['ingest/binary', 'logo.png']],
  );
  assert.deepEqual([...empty.sources, ...binary.sources], []);
});

test('ingest(jsonl) reads crawler lines by content even without a .jsonl name', async () => {
  const bytes = Buffer.from(
    '{"maintext": "one", "title": "A"}\n{"maintext": "two", "title": "B"}\n',
  );
  const { sources } = await ingest({ location: 'dump.txt', bytes });
  assert.deepEqual(
    sources.map((s) => [s.location, s.content]),
    [
      ['dump.txt#1', 'one'],
      ['dump.txt#2', 'two'],
    ],
  );
});

test('ingest(input) with a bad input or option is misuse and throws', async () => {
  await assert.rejects(
    ingest({ location: 'a', bytes: 'text' as unknown as Uint8Array }),
    TypeError,
  );
  await assert.rejects(ingest({ location: '', bytes: new Uint8Array(1) }), TypeError);
  await assert.rejects(
    ingest({ location: 'a', bytes: new Uint8Array(1) }, { maxItems: 0 }),
    RangeError,
  );
});

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const evalPages = path.resolve(repoRoot, '../shared/eval/extraction/html');

test('ingest(real pages) reads gzipped news pages from ../shared/eval as UTF-8 HTML', async (t) => {
  if (!existsSync(evalPages)) {
    t.skip(`../shared/eval missing: ${evalPages} not found`);
    return;
  }
  const names = readdirSync(evalPages)
    .filter((name) => name.endsWith('.html.gz'))
    .sort()
    .slice(0, 5);
  assert.equal(names.length, 5);
  for (const name of names) {
    const { sources, problems } = await ingest({
      location: name,
      bytes: readFileSync(path.join(evalPages, name)),
    });
    assert.deepEqual(problems, [], name);
    assert.equal(sources.length, 1, name);
    assert.equal(sources[0]?.format, 'html', name);
    assert.match(sources[0]?.content ?? '', /<\/html>\s*$/i, name);
    assert.ok(
      !(sources[0]?.content ?? '').includes('\ufffd'),
      `${name} has replacement characters`,
    );
  }
});
