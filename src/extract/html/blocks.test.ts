import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { collectBlocks } from './blocks.ts';
import type { DomDocument } from './dom.ts';

const blocksOf = (html: string) =>
  collectBlocks((parseHTML(html) as unknown as { document: DomDocument }).document.documentElement);

test('collectBlocks(root) cuts a page into the visible text of its block elements, in order', () => {
  const blocks = blocksOf(
    '<html><body><div>Lead <b>in</b> text<p>First  paragraph.</p>tail<ul><li>One</li><li><a href="#">Two</a></li></ul></div></body></html>',
  );
  assert.deepEqual(
    blocks.map((b) => b.text),
    ['Lead in text', 'First paragraph.', 'tail', 'One', 'Two'],
  );
  assert.equal(blocks[4]?.linkChars, 3);
  assert.equal(blocks[0]?.emphasisChars, 2);
});

test('collectBlocks(root) splits at two <br> in a row and skips hidden elements, scripts and hover cards', () => {
  const blocks = blocksOf(
    '<html><body><p>One<br>still one<br><br>Two</p><p hidden>Hidden</p><div style="display: none">Gone</div><script>var x;</script><p>Rep. <a>Jane Doe</a><span class="rollover-people-block">Jane Doe Three headlines</span> said so.</p></body></html>',
  );
  assert.deepEqual(
    blocks.map((b) => b.text),
    ['One still one', 'Two', 'Rep. Jane Doe said so.'],
  );
});

test('collectBlocks(root) walks a page nested 10,000 elements deep without overflowing the stack', () => {
  const blocks = blocksOf(`<html><body>${'<div>'.repeat(10_000)}<p>Deep text.</p></body></html>`);
  assert.deepEqual(
    blocks.map((b) => b.text),
    ['Deep text.'],
  );
  // html, body, the 10,000 divs, p
  assert.equal(blocks[0]?.ancestors.length, 10_003);
});
