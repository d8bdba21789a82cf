import fc from 'fast-check';
import type { FuzzCase, FuzzTarget } from './fuzz-case.ts';
import { ingestAndExtract } from './invariants.ts';
import { BAD_BYTES } from './mutate.ts';

/** Openings that steer format sniffing: magic numbers, roots, BOMs, JSON shapes. */
const OPENINGS = [
  '',
  '\u001f\u008b\u0008\u0000',
  'WARC/1.1\r\n',
  'WARC/0.9\r\n',
  '<?xml version="1.0"?>',
  '<rss>',
  '<feed>',
  '<rdf:RDF>',
  '<!doctype html>',
  '<html>',
  '{',
  '{"version":"https://jsonfeed.org/version/1.1","items":[',
  '{}\n{',
  '[',
  '# ',
  '\ufeff',
  '\uffef',
];

/** Arbitrary bytes behind a format's opening, under any name and media type. */
export const ingestCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.constantFrom(...OPENINGS),
    fc.oneof(
      fc.uint8Array({ maxLength: 3_000 }),
      fc.string({ unit: 'binary', maxLength: 1_000 }).map((s) => new Uint8Array(Buffer.from(s))),
      fc
        .array(fc.constantFrom(...BAD_BYTES), { maxLength: 30 })
        .map((parts) => new Uint8Array(parts.flat())),
    ),
    fc.constantFrom(
      'x',
      'x.gz',
      'x.warc',
      'x.warc.gz',
      'x.xml',
      'x.json',
      'x.jsonl',
      'x.html',
      'x.md',
      'x.txt',
      '-',
      'https://news.test/x.bin',
    ),
    fc.option(
      fc.constantFrom(
        'application/octet-stream',
        'text/html',
        'application/warc',
        'application/gzip',
        'text/plain; charset=utf-16',
      ),
      {
        nil: undefined,
      },
    ),
  )
  .map(([opening, rest, location, contentType]) => {
    const bytes = new Uint8Array(
      Buffer.concat([Buffer.from(opening, 'latin1'), Buffer.from(rest)]),
    );
    return contentType === undefined ? { location, bytes } : { location, bytes, contentType };
  });

/** Any bytes at all, under any name, through format sniffing, ingest and extract. */
export const ingestTarget: FuzzTarget = {
  name: 'ingest',
  description:
    'arbitrary bytes behind format openings (gzip magic, WARC, XML roots, JSON, BOMs) through sniffing, ingest and extract',
  arbitrary: ingestCase,
  check: ingestAndExtract,
};
