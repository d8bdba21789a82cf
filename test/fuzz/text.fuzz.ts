import fc from 'fast-check';
import type { FuzzCase, FuzzTarget } from './fuzz-case.ts';
import { ingestAndExtract } from './invariants.ts';
import { damaged, depth, encoding, headline, paragraph } from './mutate.ts';

/** Markdown syntax and odd characters spliced into articles. */
export const TEXT_TOKENS = [
  '*',
  '_',
  '**',
  '[',
  ']',
  '](',
  ')',
  '![',
  '`',
  '```',
  '> ',
  '- ',
  '1. ',
  '# ',
  '---',
  '\n\n',
  '\r\n',
  '\r',
  '\t',
  '<div>',
  '<!--',
  '[^1]',
  '[ref]: http://x',
  '\\',
  '\u2028',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '-REUTERS',
  'MOSCOW (Reuters) - ',
  'By Jane Doe',
  '© 2021 Agency',
];

/** Markdown blocks, plain or pathological (deep quotes and lists, delimiter runs). */
const block = fc.oneof(
  { weight: 6, arbitrary: paragraph },
  { weight: 1, arbitrary: headline.map((h) => `## ${h}`) },
  { weight: 1, arbitrary: paragraph.map((p) => `> ${p}`) },
  {
    weight: 1,
    arbitrary: fc
      .array(paragraph, { minLength: 1, maxLength: 5 })
      .map((l) => l.map((p) => `- ${p}`).join('\n')),
  },
  { weight: 1, arbitrary: depth.map((n) => `${'>'.repeat(n)} quoted`) },
  {
    weight: 1,
    arbitrary: depth.map((n) =>
      Array.from({ length: Math.min(n, 300) }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n'),
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('*a_ ', '*_', '[a](b ', '[', '**x', '_'),
        fc.integer({ min: 1, max: 6_000 }),
      )
      .map(([unit, times]) => unit.repeat(times)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
);

/** Articles in plain text or Markdown, in odd encodings, some damaged, named .txt, .md or nothing. */
export const textCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    damaged(
      fc
        .tuple(
          headline,
          fc.array(block, { minLength: 0, maxLength: 10 }),
          fc.constantFrom('\n\n', '\r\n\r\n', '\n'),
          encoding,
        )
        .map(([title, blocks, gap, encode]) => encode([title, ...blocks].join(gap))),
      TEXT_TOKENS,
    ),
    fc.constantFrom('story.txt', 'story.md', 'story', 'story.markdown'),
    fc.option(
      fc.constantFrom('text/plain', 'text/markdown; charset=utf-16', 'text/plain; charset=koi8-r'),
      {
        nil: undefined,
      },
    ),
  )
  .map(([bytes, location, contentType]) =>
    contentType === undefined ? { location, bytes } : { location, bytes, contentType },
  );

/** Plain-text and Markdown articles through ingest (sniffing, charsets) and extract. */
export const textTarget: FuzzTarget = {
  name: 'text',
  description:
    'plain-text and Markdown articles (odd encodings, BOMs, CR line ends, deep quotes and lists, emphasis and link runs) through ingest and extract',
  arbitrary: textCase,
  check: ingestAndExtract,
};
