import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markupParagraphs } from './markup-paragraphs.ts';

test('markupParagraphs(html) splits at block tags and double <br>, dropping scripts, styles and the head', () => {
  assert.deepEqual(
    markupParagraphs(
      '<html><head><title>Title</title><style>p{}</style></head><body><div><p>One <b>two</b> &amp; three</p><p>Four<br>five<br><br>six</p><script>var x = "<p>no</p>";</script></div></body></html>',
    ),
    ['One two & three', 'Four five', 'six'],
  );
});

test('markupParagraphs(html) reads a page nested a million deep in linear time', () => {
  const paragraphs = markupParagraphs(`${'<div>'.repeat(1_000_000)}<p>Deep text.</p>`);
  assert.deepEqual(paragraphs, ['Deep text.']);
});
