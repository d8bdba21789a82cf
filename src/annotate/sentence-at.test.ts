import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentenceAt } from './sentence-at.ts';

const SENTENCES = [
  { start: 0, end: 10 },
  { start: 11, end: 20 },
  { start: 22, end: 30 },
];

test('sentenceAt(sentences, at) finds the sentence holding a character, first and last included', () => {
  assert.equal(sentenceAt(SENTENCES, 0), SENTENCES[0]);
  assert.equal(sentenceAt(SENTENCES, 15), SENTENCES[1]);
  assert.equal(sentenceAt(SENTENCES, 29), SENTENCES[2]);
});

test('sentenceAt(sentences, at) gives undefined between sentences, past the end and for none', () => {
  assert.equal(sentenceAt(SENTENCES, 10), undefined);
  assert.equal(sentenceAt(SENTENCES, 21), undefined);
  assert.equal(sentenceAt(SENTENCES, 30), undefined);
  assert.equal(sentenceAt([], 0), undefined);
});
