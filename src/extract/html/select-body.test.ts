import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { collectBlocks } from './blocks.ts';
import type { DomDocument } from './dom.ts';
import { applyJsonLdBody } from './json-ld-body.ts';
import { selectBody } from './select-body.ts';

const PROSE =
  'The council approved the new budget on Tuesday after a six-hour debate, raising the local property tax by two percent.';
const PROSE_2 =
  'Opponents said the increase would hit pensioners hardest, while supporters pointed to the repairs the schools need.';

const blocksOf = (html: string) =>
  collectBlocks((parseHTML(html) as unknown as { document: DomDocument }).document.documentElement);

test('selectBody keeps the blocks that read like prose when Readability kept nothing', () => {
  const blocks = blocksOf(
    `<html><body><nav><a href="/">Home</a></nav><div><p>${PROSE}</p><p>${PROSE_2}</p></div><footer>Contact us</footer></body></html>`,
  );
  const decisions = selectBody({ blocks, keptChars: new Int32Array(blocks.length), titles: [] });
  const kept = blocks.filter((b) => decisions[b.index]?.keep).map((b) => b.text);
  assert.deepEqual(kept, [PROSE, PROSE_2]);
  assert.equal(decisions[0]?.reason, 'navigation');
});

test('applyJsonLdBody keeps the page blocks that carry the JSON-LD articleBody the selection missed', () => {
  const blocks = blocksOf(
    `<html><body><aside><p>A teaser in the side column.</p></aside><div><p>${PROSE}</p><p>${PROSE_2}</p></div></body></html>`,
  );
  const decisions = blocks.map((b) => ({
    keep: b.index === 0,
    reason: 'boilerplate' as const,
    detail: '',
  }));
  const out = applyJsonLdBody(blocks, decisions, `${PROSE}\n\n${PROSE_2}`);
  assert.equal(out, null);
  assert.deepEqual(
    blocks.filter((b) => decisions[b.index]?.keep).map((b) => b.text),
    ['A teaser in the side column.', PROSE, PROSE_2],
  );
});

test('applyJsonLdBody returns the JSON-LD paragraphs when the body is not on the page and nothing was kept', () => {
  const blocks = blocksOf('<html><body><div id="app">Loading…</div></body></html>');
  const decisions = blocks.map(() => ({ keep: false, reason: 'placeholder' as const, detail: '' }));
  assert.deepEqual(applyJsonLdBody(blocks, decisions, `${PROSE}\n\n${PROSE_2}`), [PROSE, PROSE_2]);
});

test('applyJsonLdBody leaves a selection alone when it already holds the article', () => {
  const blocks = blocksOf(`<html><body><p>${PROSE}</p><p>${PROSE_2}</p></body></html>`);
  const decisions = blocks.map(() => ({ keep: true, reason: 'boilerplate' as const, detail: '' }));
  assert.equal(applyJsonLdBody(blocks, decisions, `${PROSE}\n\n${PROSE_2}`), null);
  assert.ok(decisions.every((d) => d.keep));
});
