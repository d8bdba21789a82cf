import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spellingForm, spellingKey } from './spelling-key.ts';

test('spellingKey(word) folds British spellings, hyphens and case', () => {
  assert.equal(spellingKey('Neighbours'), spellingKey('neighbors'));
  assert.equal(spellingKey('Organisation'), spellingKey('organization'));
  assert.equal(spellingKey('press-service'), spellingKey('pressservice'));
  assert.equal(spellingKey('centre'), spellingKey('center'));
  assert.notEqual(spellingKey('orders'), spellingKey('borders'));
});

test('spellingForm(text) ignores spacing, punctuation and compounding', () => {
  assert.equal(spellingForm('fire arms, and modern'), spellingForm('firearms and modern'));
  assert.notEqual(spellingForm('a number of orders'), spellingForm('several orders'));
});
