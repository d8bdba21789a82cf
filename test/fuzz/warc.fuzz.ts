import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { FuzzCase, FuzzTarget } from './fuzz-case.ts';
import { HTML_TOKENS, htmlPage } from './html.fuzz.ts';
import { ingestAndExtract } from './invariants.ts';
import { damaged, paragraph, sometimes } from './mutate.ts';

/** WARC and HTTP syntax spliced into archives. */
export const WARC_TOKENS = [
  'WARC/1.1\r\n',
  'WARC/1.0\r\n',
  'WARC/2.0\r\n',
  'Content-Length: 999999999\r\n',
  'Content-Length: -5\r\n',
  'Content-Length: abc\r\n',
  'WARC-Type: response\r\n',
  'WARC-Type: bogus\r\n',
  'WARC-Target-URI: <http://[bad>\r\n',
  '\r\n\r\n',
  '\r\n',
  '\n',
  'HTTP/1.1 200 OK\r\n',
  'Transfer-Encoding: chunked\r\n',
  'Content-Encoding: gzip\r\n',
  'Content-Encoding: br, gzip, deflate, zstd\r\n',
  'ffffffff\r\n',
  '0\r\n\r\n',
  '\u001f\u008b',
  ...HTML_TOKENS.slice(0, 12),
];

interface Spec {
  type: string;
  status: string;
  contentType: string;
  encoding: 'identity' | 'gzip' | 'chunked' | 'chunked-gzip' | 'bogus-gzip';
  body: string;
  lengthDelta: number;
  id: string;
}

const spec: fc.Arbitrary<Spec> = fc.record({
  type: fc.constantFrom(
    'response',
    'response',
    'response',
    'resource',
    'request',
    'metadata',
    'warcinfo',
    'revisit',
    'conversion',
    'bogus',
  ),
  status: fc.constantFrom('200 OK', '200 OK', '404 Not Found', '301 Moved', 'abc', '999 X'),
  contentType: fc.constantFrom(
    'text/html; charset=utf-8',
    'text/html',
    'text/plain; charset=iso-8859-1',
    'application/rss+xml',
    'application/json',
    'image/png',
    'text/html; charset=bogus',
    '',
  ),
  encoding: fc.constantFrom(
    'identity',
    'identity',
    'gzip',
    'chunked',
    'chunked-gzip',
    'bogus-gzip',
  ),
  body: fc.oneof(htmlPage, paragraph),
  lengthDelta: fc.oneof(
    { weight: 6, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: -40, max: 40 }) },
  ),
  id: fc.constantFrom('a', 'b', 'c', 'a'),
});

function chunked(body: Buffer): Buffer {
  const half = Math.floor(body.length / 2);
  const parts = [body.subarray(0, half), body.subarray(half)].filter((p) => p.length > 0);
  return Buffer.concat([
    ...parts.flatMap((p) => [Buffer.from(`${p.length.toString(16)}\r\n`), p, Buffer.from('\r\n')]),
    Buffer.from('0\r\n\r\n'),
  ]);
}

/** One WARC record, its HTTP block built as a crawler stores it, with a possibly wrong Content-Length. */
function record(s: Spec): Buffer {
  let body: Buffer = Buffer.from(s.body);
  const headers: string[] = [];
  if (s.contentType) headers.push(`Content-Type: ${s.contentType}`);
  if (s.encoding === 'gzip' || s.encoding === 'chunked-gzip') {
    body = gzipSync(body);
    headers.push('Content-Encoding: gzip');
  }
  if (s.encoding === 'bogus-gzip') {
    body = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), body]);
    headers.push('Content-Encoding: gzip');
  }
  if (s.encoding === 'chunked' || s.encoding === 'chunked-gzip') {
    body = chunked(body);
    headers.push('Transfer-Encoding: chunked');
  }
  const isHttp = s.type === 'response' || s.type === 'request' || s.type === 'revisit';
  const block = isHttp
    ? Buffer.concat([
        Buffer.from(`HTTP/1.1 ${s.status}\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`),
        body,
      ])
    : body;
  const head = [
    'WARC/1.1',
    `WARC-Type: ${s.type}`,
    `WARC-Record-ID: <urn:uuid:${s.id}>`,
    'WARC-Date: 2021-08-24T10:20:00Z',
    'WARC-Target-URI: https://news.test/2021/08/story',
    `Content-Type: ${isHttp ? 'application/http; msgtype=response' : s.contentType || 'text/plain'}`,
    `Content-Length: ${Math.max(0, block.length + s.lengthDelta)}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), block, Buffer.from('\r\n\r\n')]);
}

/** WARC files of up to eight records, gzipped per record, whole or not at all, some damaged. */
export const warcCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.array(spec, { minLength: 1, maxLength: 8 }),
    fc.constantFrom('none', 'none', 'per-record', 'whole'),
    sometimes(fc.integer({ min: 1, max: 4 })),
  )
  .chain(([specs, gzip, maxItems]) => {
    const records = specs.map(record);
    const plain = Buffer.concat(records);
    const bytes =
      gzip === 'per-record'
        ? Buffer.concat(records.map((r) => gzipSync(r)))
        : gzip === 'whole'
          ? gzipSync(plain)
          : plain;
    const location = gzip === 'none' ? 'crawl.warc' : 'crawl.warc.gz';
    return damaged(fc.constant(new Uint8Array(bytes)), WARC_TOKENS).map(
      (damagedBytes): FuzzCase =>
        maxItems === undefined
          ? { location, bytes: damagedBytes }
          : { location, bytes: damagedBytes, limits: { maxItems } },
    );
  });

/** WARC archives through ingest (warcio, HTTP body decoding) and extract. */
export const warcTarget: FuzzTarget = {
  name: 'warc',
  description:
    'WARC(.gz) archives (wrong Content-Length, chunked and gzipped bodies, bogus types and statuses, cut members) through ingest and extract',
  arbitrary: warcCase,
  check: ingestAndExtract,
};
