import assert from 'node:assert/strict';
import { test } from 'node:test';
import { irregularLemma } from './lemma.ts';

test('irregularLemma(word) maps irregular forms to their lemma', () => {
  assert.equal(irregularLemma('went'), 'go');
  assert.equal(irregularLemma('was'), 'be');
  assert.equal(irregularLemma('children'), 'child');
});

test('irregularLemma(word) folds British spellings to the American lemma', () => {
  assert.equal(irregularLemma('behaviour'), 'behavior');
});

test('irregularLemma(word) leaves regular forms and unknown words alone', () => {
  assert.equal(irregularLemma('walked'), 'walked');
  assert.equal(irregularLemma('xqzv'), 'xqzv');
});

test('irregularLemma(word) throws a TypeError on a non-string', () => {
  assert.throws(() => irregularLemma(null as unknown as string), TypeError);
});
