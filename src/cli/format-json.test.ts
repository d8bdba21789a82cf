import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type Analysis, SCHEMA_VERSION } from '../model/index.ts';
import { formatJson, formatJsonChunks, jsonChunks } from './format-json.ts';

function joined(value: unknown, chunkChars?: number): string | undefined {
  const chunks = [...jsonChunks(value, chunkChars === undefined ? {} : { chunkChars })];
  return chunks.length === 0 ? undefined : chunks.join('');
}

/** JSON-like values with what JSON.stringify treats specially: undefined, functions, toJSON, non-finite numbers. */
const quirky = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'binary' }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.constant(new Date(Date.UTC(2021, 7, 24, 10, 20))),
    tie('value').map((inner) => ({ toJSON: () => inner })),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
  ),
})).value;

test('jsonChunks(value) joins to exactly JSON.stringify(value, null, 2), whatever the chunk size', () => {
  fc.assert(
    fc.property(quirky, fc.integer({ min: 1, max: 64 }), (value, chunkChars) => {
      assert.equal(joined(value, chunkChars), JSON.stringify(value, null, 2));
    }),
    { numRuns: 500, seed: 20210824 },
  );
});

test('jsonChunks(value) writes empty containers, omitted keys and nulls in arrays as JSON.stringify does', () => {
  const value = {
    a: [],
    b: {},
    c: undefined,
    d: [undefined, () => 1, Number.NaN],
    e: { f: undefined },
  };
  assert.equal(joined(value), JSON.stringify(value, null, 2));
  assert.equal(joined(undefined), undefined);
  assert.equal(joined('x'), '"x"');
});

test('jsonChunks(value) throws on a cycle and on a BigInt, as JSON.stringify does', () => {
  const cycle: Record<string, unknown> = { a: 1 };
  cycle['self'] = { back: cycle };
  assert.throws(() => joined(cycle), TypeError);
  assert.throws(() => joined({ n: 1n }), TypeError);
  // A value met twice without a cycle is written twice.
  const shared = { x: 1 };
  assert.equal(joined([shared, shared]), JSON.stringify([shared, shared], null, 2));
});

test('jsonChunks(value, {chunkChars}) rejects a chunk size that is not a positive integer', () => {
  assert.throws(() => joined({}, 0), RangeError);
  assert.throws(() => joined({}, 1.5), RangeError);
});

/** An analysis of `count` extracted articles (no stories), as large as wanted. */
function bigAnalysis(count: number): Analysis {
  const paragraphs = [
    'A crane collapsed at the port of Kestrel Bay on Tuesday, killing one worker, officials said.',
    'About 200 protesters gathered at the gate on Wednesday morning, blocking trucks for two hours.',
  ];
  const articles = Array.from({ length: count }, (_, i) => ({
    id: `article-${String(i).padStart(6, '0')}`,
    source: `crawl.warc#${i}`,
    url: `https://news.test/${i}`,
    headline: `Crane collapse ${i}`,
    bylines: [],
    publishedAt: null,
    dateline: null,
    outlet: 'news.test',
    agencies: [],
    language: 'en',
    paragraphs,
    text: paragraphs.join('\n\n'),
    removed: [],
  }));
  return {
    schemaVersion: SCHEMA_VERSION,
    articles,
    stories: [],
    topics: [],
    problems: [],
  } as unknown as Analysis;
}

test('formatJsonChunks(analysis) streams a report far past the chunk size in chunks of about that size', () => {
  const analysis = bigAnalysis(5_000);
  const chunkChars = 16 * 1024;
  const sizes: number[] = [];
  let whole = '';
  for (const chunk of formatJsonChunks(analysis, { chunkChars })) {
    sizes.push(chunk.length);
    whole += chunk;
  }
  const total = sizes.reduce((sum, n) => sum + n, 0);
  assert.ok(total > 100 * chunkChars, `the report is ${total} characters`);
  // One chunk may overshoot by the item that crossed the size: one article here, under 1 KB.
  assert.ok(Math.max(...sizes) < chunkChars + 1024, `the largest chunk is ${Math.max(...sizes)}`);
  assert.equal(whole, `${JSON.stringify(analysis, null, 2)}\n`);
  assert.equal(formatJson(analysis), whole);
});
