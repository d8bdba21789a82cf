import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paragraphRanges, renderRanges } from './html-ranges.ts';

test('renderRanges(text, levels) wraps ranges and escapes the text between them', () => {
  const out = renderRanges('a <b> c', [
    [{ start: 2, end: 5, tag: 'mark', attrs: { title: '"x"' } }],
  ]);
  assert.equal(out, 'a <mark title="&quot;x&quot;">&lt;b&gt;</mark> c');
});

test('renderRanges(text, levels) splits an inner range that crosses an outer one, the id on the first piece only', () => {
  const text = 'one two\n\nthree';
  const out = renderRanges(text, [
    paragraphRanges(text),
    [{ start: 4, end: 14, tag: 'span', attrs: { id: 'x', class: 's' } }],
  ]);
  assert.equal(
    out,
    '<p>one <span id="x" class="s">two</span></p>\n\n<p><span class="s">three</span></p>',
  );
});

test('renderRanges(text, levels) drops a range that overlaps an earlier one of the same level', () => {
  const out = renderRanges('abcdef', [
    [
      { start: 0, end: 3, tag: 'i', attrs: {} },
      { start: 2, end: 5, tag: 'b', attrs: {} },
    ],
  ]);
  assert.equal(out, '<i>abc</i>def');
});

test('paragraphRanges(text) gives one range per paragraph between blank lines', () => {
  assert.deepEqual(
    paragraphRanges('a\n\nbc\n \nd').map((r) => [r.start, r.end]),
    [
      [0, 1],
      [3, 5],
      [8, 9],
    ],
  );
});
