import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeText, parseContentType } from '../../src/ingest/index.ts';
import type { FuzzCase, FuzzTarget } from './fuzz-case.ts';
import { checkProblem } from './invariants.ts';
import { BAD_BYTES, encoding, paragraph } from './mutate.ts';

/** Charset labels as servers and pages write them: real, aliased, legacy, unsupported, bogus. */
const CHARSETS = [
  'utf-8',
  'UTF8',
  ' utf-8 ',
  'utf-16',
  'utf-16le',
  'utf-16be',
  'iso-8859-1',
  'latin1',
  'windows-1252',
  'windows-1251',
  'koi8-r',
  'shift_jis',
  'euc-jp',
  'iso-2022-jp',
  'gb18030',
  'big5',
  'x-user-defined',
  'replacement',
  'utf-7',
  'utf-32',
  'ebcdic',
  'bogus',
  '',
  '"utf-8"',
  'utf-8;',
];

const declaration = fc.oneof(
  fc.constant(''),
  fc.constantFrom(...CHARSETS).map((c) => `<meta charset="${c}">`),
  fc
    .constantFrom(...CHARSETS)
    .map((c) => `<meta http-equiv="Content-Type" content="text/html; charset=${c}">`),
  fc.constantFrom(...CHARSETS).map((c) => `<?xml version="1.0" encoding="${c}"?>`),
);

/** Bytes to decode: text in some encoding behind a charset declaration, laced with bad bytes, or pure noise. */
export const decodeCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.oneof(
      fc
        .tuple(
          declaration,
          paragraph,
          encoding,
          fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BAD_BYTES)), { maxLength: 4 }),
        )
        .map(([decl, text, encode, bad]) => {
          let bytes = Buffer.from(encode(`${decl}${text}`));
          for (const [at, insert] of bad) {
            const i = at % (bytes.length + 1);
            bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from(insert), bytes.subarray(i)]);
          }
          return new Uint8Array(bytes);
        }),
      fc.uint8Array({ maxLength: 2_000 }),
    ),
    fc.constantFrom('page.html', 'feed.xml', 'notes.txt'),
    fc.option(
      fc.constantFrom(...CHARSETS).map((c) => `text/html; charset=${c}`),
      { nil: undefined },
    ),
  )
  .map(([bytes, location, contentType]) =>
    contentType === undefined ? { location, bytes } : { location, bytes, contentType },
  );

/** decodeText on one case: always text, a real encoding name, well-formed problems. */
async function check(input: FuzzCase): Promise<string> {
  const charset = parseContentType(input.contentType)?.charset;
  const markup = input.location.endsWith('.html')
    ? 'html'
    : input.location.endsWith('.xml')
      ? 'xml'
      : undefined;
  const hints: { httpCharset?: string; markup?: 'html' | 'xml' } = {};
  if (charset !== undefined) hints.httpCharset = charset;
  if (markup !== undefined) hints.markup = markup;
  const decoded = decodeText(input.bytes, hints, input.location);
  assert.equal(typeof decoded.text, 'string');
  assert.equal(
    new TextDecoder(decoded.encoding).encoding,
    decoded.encoding,
    `encoding ${decoded.encoding}`,
  );
  assert.notEqual(decoded.encoding, 'replacement');
  for (const problem of decoded.problems) checkProblem(problem, input);
  return JSON.stringify(decoded);
}

/** decodeText with random bytes and declared charsets. */
export const decodeTarget: FuzzTarget = {
  name: 'decode',
  description:
    'decodeText on text in many encodings behind real, legacy, unsupported and bogus charset labels, laced with invalid bytes, and on pure noise',
  arbitrary: decodeCase,
  check,
};
