import fc from 'fast-check';

// Building blocks shared by the fuzz targets: real-looking news text, and
// random damage to a document's bytes (truncation, byte flips, inserted
// tokens, cut and doubled slices), as a crawl or a hostile server gives it.

const WORDS = [
  'Russia',
  'will',
  'supply',
  'arms',
  'to',
  'Central',
  'Asian',
  'states',
  'after',
  'the',
  'Taliban',
  'takeover',
  'minister',
  'said',
  'on',
  'Tuesday',
  'council',
  'voted',
  'budget',
  'harbour',
  'crane',
  'collapsed',
  'Reuters',
  'AP',
  'reported',
  'police',
  'according',
  'officials',
  '"We',
  'are',
  'ready,"',
  'he',
  'told',
  'reporters.',
  'Zoë',
  'Müller',
  'São',
  'Paulo',
  'Москва',
  '北京',
  'مرحبا',
  '2021',
  '24',
  'August',
  '—',
  '«',
  '»',
  '&',
  '%',
];

/** One word, mostly from a news vocabulary, sometimes arbitrary Unicode. */
export const word: fc.Arbitrary<string> = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
);

/** A sentence of 3 to 25 words ending in a full stop. */
export const sentence: fc.Arbitrary<string> = fc
  .array(word, { minLength: 3, maxLength: 25 })
  .map((words) => `${words.join(' ')}.`);

/** A paragraph of 1 to 5 sentences. */
export const paragraph: fc.Arbitrary<string> = fc
  .array(sentence, { minLength: 1, maxLength: 5 })
  .map((sentences) => sentences.join(' '));

/** A headline of 3 to 12 words. */
export const headline: fc.Arbitrary<string> = fc
  .array(word, { minLength: 3, maxLength: 12 })
  .map((words) => words.join(' '));

/** A date as feeds and pages write it, valid or not. */
export const dateText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2021-08-24T10:20:00Z',
    'Tue, 24 Aug 2021 10:20:00 +0000',
    '2021-08-24',
    'yesterday',
    '',
    '0000-00-00T00:00:00Z',
    '9999-99-99',
    '-271821-04-20T00:00:00Z',
    '2021-02-30T25:61:61+99:99',
  ),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.string({ maxLength: 30 }),
);

/**
 * Nesting depth for structure-aware documents: mostly shallow, sometimes
 * deep enough to pass the parsers' depth caps (1,000 for feeds, 2,000 for
 * HTML), so both the tree path and the fallback run.
 */
export const depth: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 400 }) },
  { weight: 1, arbitrary: fc.integer({ min: 900, max: 3_000 }) },
);

/** Length of an attribute value: mostly short, sometimes 10 KB to 200 KB. */
export const attributeLength: fc.Arbitrary<number> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 200_000 }) },
);

/** Bytes that break decoders: invalid UTF-8, lone surrogates encoded, NUL, BOMs, overlongs. */
export const BAD_BYTES: readonly number[][] = [
  [0x00],
  [0xff],
  [0xfe, 0xff],
  [0xff, 0xfe],
  [0xef, 0xbb, 0xbf],
  [0xc3],
  [0x80],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0x1b],
  [0x0d],
];

/** A way of damaging a document. `at` and `length` are taken modulo its size. */
export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number };

/** Damage at random, with `tokens` the format's own syntax to splice in. */
export function mutation(tokens: readonly string[]): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  const token = fc.oneof(
    fc.constantFrom(...tokens).map((text) => [...Buffer.from(text, 'utf8')]),
    fc.constantFrom(...BAD_BYTES),
    fc.uint8Array({ minLength: 1, maxLength: 16 }).map((bytes) => [...bytes]),
  );
  return fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at }),
    fc.record({ kind: fc.constant('flip' as const), at, value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('insert' as const), at, bytes: token }),
    fc.record({
      kind: fc.constant('delete' as const),
      at,
      length: fc.integer({ min: 1, max: 64 }),
    }),
    fc.record({
      kind: fc.constant('duplicate' as const),
      at,
      length: fc.integer({ min: 1, max: 256 }),
      to: fc.nat(),
    }),
  );
}

/** Apply mutations in order; positions wrap around the current length. */
export function applyMutations(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    const size = out.length;
    const at = size === 0 ? 0 : m.at % (size + 1);
    switch (m.kind) {
      case 'truncate':
        out = out.subarray(0, at);
        break;
      case 'flip':
        if (size > 0) {
          out = Buffer.from(out);
          out[at % size] = m.value;
        }
        break;
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), Buffer.from(m.bytes), out.subarray(at)]);
        break;
      case 'delete':
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
        break;
      case 'duplicate': {
        const slice = out.subarray(at, at + m.length);
        const to = m.to % (size + 1);
        out = Buffer.concat([out.subarray(0, to), slice, out.subarray(to)]);
        break;
      }
    }
  }
  return new Uint8Array(out);
}

/**
 * A document's bytes, mostly intact and sometimes damaged by up to four
 * mutations (a third of the cases are left whole, so the parsers' normal
 * paths keep running too).
 */
export function damaged(
  document: fc.Arbitrary<Uint8Array>,
  tokens: readonly string[],
): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(
      document,
      fc.oneof(
        { weight: 1, arbitrary: fc.constant([] as Mutation[]) },
        { weight: 2, arbitrary: fc.array(mutation(tokens), { minLength: 1, maxLength: 4 }) },
      ),
    )
    .map(([bytes, mutations]) => applyMutations(bytes, mutations));
}

/** Encode text as a page or file might be: UTF-8 (with or without BOM), UTF-16 with BOM, or Latin-1. */
export const encoding: fc.Arbitrary<(text: string) => Uint8Array> = fc.constantFrom(
  (text: string) => new Uint8Array(Buffer.from(text, 'utf8')),
  (text: string) => new Uint8Array(Buffer.from(text, 'utf8')),
  (text: string) => new Uint8Array(Buffer.from(text, 'utf8')),
  (text: string) =>
    new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
  (text: string) =>
    new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])),
  (text: string) => {
    const le = Buffer.from(text, 'utf16le');
    return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]));
  },
  (text: string) => new Uint8Array(Buffer.from(text, 'latin1')),
);

/** Escape text for XML and HTML. */
export function escapeMarkup(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** `value` in one case of `1 + odds`, undefined otherwise: for caps lowered now and then, not most of the time. */
export function sometimes<T>(value: fc.Arbitrary<T>, odds = 3): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    { weight: odds, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: value },
  );
}
