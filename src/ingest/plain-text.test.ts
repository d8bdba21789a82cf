import assert from 'node:assert/strict';
import { test } from 'node:test';
import { looksLikeHtml, plainText } from './plain-text.ts';

test('plainText(html, true) drops tags and comments, decodes entities and collapses space', () => {
  assert.equal(
    plainText('<b>Zoë</b> &amp; <i>the</i>\n <!-- x --> crane&#8217;s  fall', true),
    'Zoë & the crane’s fall',
  );
  assert.equal(plainText('Caf&eacute; news'), 'Café news');
  assert.equal(plainText('<b>kept as written</b>'), '<b>kept as written</b>');
  assert.equal(looksLikeHtml('<p>x</p>'), true);
});

test('plainText(html, true) flattens markup nested 100,000 deep without recursing', () => {
  assert.equal(plainText(`${'<b>'.repeat(100_000)}deep${'</b>'.repeat(100_000)}`, true), 'deep');
});
