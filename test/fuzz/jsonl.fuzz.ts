import fc from 'fast-check';
import type { FuzzCase, FuzzTarget } from './fuzz-case.ts';
import { ingestAndExtract } from './invariants.ts';
import { damaged, dateText, depth, headline, paragraph, sometimes, word } from './mutate.ts';

/** JSON syntax and odd line endings spliced into JSON Lines. */
export const JSONL_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\\',
  '\\u0000',
  '\\ud800',
  '\\udfff',
  'null',
  'true',
  '1e999',
  '"maintext": ',
  '\u2028',
  '\ufeff',
];

/** A field value of any JSON type, mostly the string a crawler would write. */
const field = <T>(usual: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 6, arbitrary: usual as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<unknown> },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) as fc.Arbitrary<unknown> },
  );

/** One crawler record (news-please / CC-News shape), fields sometimes of the wrong type. */
const record = fc
  .record(
    {
      title: field(headline),
      maintext: field(fc.array(paragraph, { maxLength: 6 }).map((p) => p.join('\n\n'))),
      html: field(paragraph.map((p) => `<html><body><p>${p}</p></body></html>`)),
      date_publish: field(dateText),
      url: field(fc.constantFrom('https://news.test/a', 'not a url', '')),
      source_domain: field(fc.constantFrom('news.test', '')),
      authors: field(fc.array(word, { maxLength: 3 })),
      language: field(fc.constantFrom('en', 'de', '??')),
      nested: depth.map((n) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}` || 'null') as unknown),
    },
    { requiredKeys: [] },
  )
  .map((r) => JSON.stringify(r));

const line = fc.oneof(
  { weight: 8, arbitrary: record },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);

/** JSON Lines files, some damaged, some past a lowered record cap. */
export const jsonlCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    damaged(
      fc
        .tuple(fc.array(line, { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'))
        .map(([lines, eol]) => new Uint8Array(Buffer.from(lines.join(eol)))),
      JSONL_TOKENS,
    ),
    fc.constantFrom('records.jsonl', 'records.ndjson', 'records'),
    sometimes(fc.integer({ min: 1, max: 20 })),
  )
  .map(([bytes, location, maxItems]) =>
    maxItems === undefined ? { location, bytes } : { location, bytes, limits: { maxItems } },
  );

/** Crawler records as JSON Lines through ingest and extract. */
export const jsonlTarget: FuzzTarget = {
  name: 'jsonl',
  description:
    'JSON Lines crawler records (wrong field types, lone surrogates, invalid lines, deep arrays, CRLF) through ingest and extract',
  arbitrary: jsonlCase,
  check: ingestAndExtract,
};
