import assert from 'node:assert/strict';
import { test } from 'node:test';
import { areSynonyms, sharesSynonymSet, synonymSets } from './synonyms.ts';

test('areSynonyms(a, b) joins WordNet synonyms that share no stem', () => {
  assert.equal(areSynonyms('buy', 'purchase'), true);
  assert.equal(areSynonyms('lawyer', 'attorney'), true);
  assert.equal(areSynonyms('buy', 'sell'), false);
});

test('synonymSets(word) reaches the synonyms of a lemma through its inflected and irregular forms', () => {
  assert.equal(areSynonyms('bought', 'purchased'), true);
  assert.equal(areSynonyms('children', 'kids'), true);
  assert.deepEqual(synonymSets('bought'), synonymSets('buys'));
});

test('synonymSets(word) is empty for a word the tables do not hold', () => {
  assert.deepEqual(synonymSets('xqzv'), []);
  assert.equal(areSynonyms('xqzv', 'xqzv'), false);
});

test('synonymSets(word) returns ids in ascending order', () => {
  const ids = synonymSets('run');
  assert.ok(ids.length > 1);
  for (let i = 1; i < ids.length; i++) assert.ok((ids[i] as number) > (ids[i - 1] as number));
});

test('sharesSynonymSet(a, b) finds a common id in two sorted lists', () => {
  assert.equal(sharesSynonymSet([1, 4, 9], [2, 3, 9]), true);
  assert.equal(sharesSynonymSet([1, 4, 9], [2, 3, 10]), false);
  assert.equal(sharesSynonymSet([], [1]), false);
});

test('synonymSets(word) throws a TypeError on a non-string', () => {
  assert.throws(() => synonymSets(3 as unknown as string), TypeError);
});
