import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ingest } from './ingest.ts';
import { gzipPerRecord, httpResponse, warcRecord } from './test-warc.ts';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

function crawl(): Buffer[] {
  const page1 = latin1(
    '<html><head><title>Arms</title></head><body><p>\x93Terrorist group,\x94 caf\xe9</p></body></html>',
  );
  const page2 = Buffer.from('<html><body><p>Zoë’s report, gzipped on the wire.</p></body></html>');
  const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
  const chunked = Buffer.from(
    `${chunk('<html><body><p>Chunked p')}${chunk('age body.</p></body')}${chunk('></html>')}0\r\n\r\n`,
  );
  const http = { 'Content-Type': 'application/http; msgtype=response' };
  return [
    warcRecord(
      'warcinfo',
      'info-0',
      { 'Content-Type': 'application/warc-fields' },
      'software: test\r\n',
    ),
    warcRecord(
      'request',
      'req-1',
      { 'WARC-Target-URI': 'https://a.example/arms', ...http },
      'GET /arms HTTP/1.1\r\n\r\n',
    ),
    warcRecord(
      'response',
      'resp-1',
      { 'WARC-Target-URI': 'https://a.example/arms', ...http },
      httpResponse({ 'Content-Type': 'text/html; charset=windows-1252' }, page1),
    ),
    warcRecord('metadata', 'meta-1', { 'WARC-Target-URI': 'https://a.example/arms' }, 'via: x\r\n'),
    warcRecord(
      'response',
      'resp-2',
      { 'WARC-Target-URI': 'https://b.example/report', ...http },
      httpResponse(
        { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip' },
        gzipSync(page2),
      ),
    ),
    warcRecord(
      'response',
      'resp-3',
      { 'WARC-Target-URI': 'https://c.example/chunked', ...http },
      httpResponse({ 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' }, chunked),
    ),
    warcRecord(
      'response',
      'resp-4',
      { 'WARC-Target-URI': 'https://c.example/missing', ...http },
      httpResponse({ 'Content-Type': 'text/html' }, 'Not found', '404 Not Found'),
    ),
    warcRecord(
      'response',
      'resp-5',
      { 'WARC-Target-URI': 'https://c.example/logo.png', ...http },
      httpResponse({ 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])),
    ),
    warcRecord(
      'resource',
      'res-6',
      {
        'WARC-Target-URI': 'file:///notes/brief.txt',
        'Content-Type': 'text/plain; charset=iso-8859-1',
      },
      latin1('Caf\xe9 notes'),
    ),
  ];
}

for (const [name, bytes] of [
  ['crawl.warc', Buffer.concat(crawl())],
  ['crawl.warc.gz', gzipPerRecord(crawl())],
] as const) {
  test(`ingest(${name}) reads response and resource records, decoding bodies and charsets`, async () => {
    const { sources, problems } = await ingest({ location: name, bytes });
    assert.deepEqual(
      sources.map((s) => [s.location, s.format]),
      [
        [`${name}#urn:uuid:resp-1`, 'html'],
        [`${name}#urn:uuid:resp-2`, 'html'],
        [`${name}#urn:uuid:resp-3`, 'html'],
        [`${name}#urn:uuid:res-6`, 'text'],
      ],
    );
    const [arms, report, chunked, notes] = sources;
    assert.match(arms?.content ?? '', /<p>“Terrorist group,” café<\/p>/);
    assert.deepEqual(arms?.meta, {
      url: 'https://a.example/arms',
      fetchedAt: '2021-08-24T10:20:00Z',
    });
    assert.match(report?.content ?? '', /Zoë’s report, gzipped on the wire\./);
    assert.equal(chunked?.content, '<html><body><p>Chunked page body.</p></body></html>');
    assert.equal(notes?.content, 'Café notes');
    assert.equal(notes?.meta.url, 'file:///notes/brief.txt');
    assert.deepEqual(
      problems.map((p) => [p.code, p.source, p.severity]),
      [
        ['ingest/http-status', `${name}#urn:uuid:resp-4`, 'warning'],
        ['ingest/unsupported-media', `${name}#urn:uuid:resp-5`, 'warning'],
      ],
    );
  });
}

test('ingest(truncated warc) keeps the records before the cut and reports the cut record', async () => {
  const records = crawl().slice(0, 5);
  const whole = Buffer.concat(records);
  const bytes = whole.subarray(0, whole.length - 40);
  const { sources, problems } = await ingest({ location: 'cut.warc', bytes });
  assert.deepEqual(
    sources.map((s) => s.location),
    ['cut.warc#urn:uuid:resp-1'],
  );
  assert.deepEqual(
    problems.map((p) => [p.code, p.source]),
    [['ingest/truncated-warc', 'cut.warc#urn:uuid:resp-2']],
  );
});

test('ingest(truncated warc.gz) reports the cut gzip and the cut record, keeping earlier records', async () => {
  const gz = gzipPerRecord(crawl());
  const bytes = gz.subarray(0, gz.length - 30);
  const { sources, problems } = await ingest({ location: 'cut.warc.gz', bytes });
  assert.equal(sources.length, 3);
  assert.deepEqual(
    problems.map((p) => p.code),
    [
      'ingest/truncated-gzip',
      'ingest/http-status',
      'ingest/unsupported-media',
      'ingest/truncated-warc',
    ],
  );
});

test('ingest(warc, {maxItems}) stops after that many documents and says so', async () => {
  const { sources, problems } = await ingest(
    { location: 'c.warc', bytes: Buffer.concat(crawl()) },
    { maxItems: 2 },
  );
  assert.equal(sources.length, 2);
  assert.equal(problems.at(-1)?.code, 'ingest/too-many-items');
});

test('ingest(not a warc) named .warc reports ingest/bad-warc, and an unknown record type is a warning', async () => {
  const fake = await ingest({
    location: 'fake.warc',
    bytes: Buffer.from('hello, not an archive\r\n\r\n'),
  });
  assert.deepEqual(
    fake.problems.map((p) => [p.code, p.source]),
    [['ingest/bad-warc', 'fake.warc']],
  );
  const odd = Buffer.concat([warcRecord('telemetry', 'odd-1', {}, 'x'), crawl()[2] as Buffer]);
  const { sources, problems } = await ingest({ location: 'odd.warc', bytes: odd });
  assert.equal(sources.length, 1);
  assert.deepEqual(
    problems.map((p) => [p.code, p.source, p.severity]),
    [['ingest/bad-warc-record', 'odd.warc#urn:uuid:odd-1', 'warning']],
  );
});
