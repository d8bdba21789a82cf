import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MAX_MARKDOWN_CHARS,
  MAX_MARKDOWN_CONTAINER_WORK,
  MAX_MARKDOWN_INLINE_WORK,
  MAX_MARKDOWN_NESTING,
} from '../limits.ts';
import { markdownCost } from './markdown-cost.ts';

test('markdownCost(markdown) lets ordinary articles, quotes and long bulleted lists be parsed', () => {
  const article = [
    '# Cranes return to the harbour',
    'The *council* voted on **Tuesday**, [officials said](https://news.test/a).',
    '> "We are ready," the minister told reporters.',
    Array.from({ length: 3_000 }, (_, i) => `* item ${i}`).join('\n'),
    '1. first\n   - nested\n     - deeper',
  ].join('\n\n');
  assert.equal(markdownCost(article), null);
});

test('markdownCost(markdown) refuses what would stall or overflow the Markdown parser', () => {
  assert.match(markdownCost('x'.repeat(MAX_MARKDOWN_CHARS + 1)) ?? '', /characters long/);
  assert.match(
    markdownCost(`${'>'.repeat(MAX_MARKDOWN_NESTING + 1)} deep`) ?? '',
    /nested quotes or lists/,
  );
  const lines = Math.ceil(MAX_MARKDOWN_CONTAINER_WORK / 50) + 1;
  assert.match(
    markdownCost(Array.from({ length: lines }, () => `${'> '.repeat(50)}x`).join('\n')) ?? '',
    /levels in all/,
  );
  const delimiters = Math.ceil(Math.sqrt(MAX_MARKDOWN_INLINE_WORK)) + 1;
  assert.match(markdownCost('*a_ '.repeat(delimiters)) ?? '', /emphasis and link marks/);
});

test('markdownCost(markdown) counts delimiters per paragraph: many short paragraphs pass', () => {
  assert.equal(
    markdownCost(Array.from({ length: 2_000 }, () => '*a* _b_ [c](d)').join('\n\n')),
    null,
  );
});
