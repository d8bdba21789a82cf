import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize, words } from './tokenize.ts';

test('tokenize(text) keeps inner apostrophes, hyphens and dots inside one word with offsets', () => {
  const text = 'The Taliban’s ex-Soviet U.S. deal, worth $2,400.';
  const tokens = tokenize(text);
  assert.deepEqual(
    tokens.map((t) => t.text),
    ['The', 'Taliban’s', 'ex-Soviet', 'U.S', 'deal', 'worth', '2,400'],
  );
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.equal(tokens[1]?.norm, "taliban's");
});

test('words(text) folds case and diacritics', () => {
  assert.deepEqual(words('Café NÚÑEZ'), ['cafe', 'nunez']);
});
