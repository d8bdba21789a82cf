import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFunctionWord, isSpellingVariant, numberKey } from './word-classes.ts';

test('isSpellingVariant(a, b) accepts British and American spellings', () => {
  assert.ok(isSpellingVariant('organisation', 'organization'));
  assert.ok(isSpellingVariant('neighbours', 'neighbors'));
  assert.ok(isSpellingVariant('neighbouring', 'neighboring'));
  assert.ok(isSpellingVariant('defence', 'defense'));
  assert.ok(isSpellingVariant('centre', 'center'));
  assert.ok(isSpellingVariant('travelled', 'traveled'));
  assert.ok(isSpellingVariant('manoeuvres', 'maneuvers'));
  assert.ok(isSpellingVariant('programme', 'program'));
});

test('isSpellingVariant(a, b) accepts a one-letter typo in a long word', () => {
  assert.ok(isSpellingVariant('helicopters', 'helicoptres'));
  assert.ok(isSpellingVariant('Kyrgyzstan'.toLowerCase(), 'kyrgystan'));
});

test('isSpellingVariant(a, b) rejects inflections, short words and other words', () => {
  assert.equal(isSpellingVariant('militant', 'militants'), false);
  assert.equal(isSpellingVariant('islamist', 'islamists'), false);
  assert.equal(isSpellingVariant('four', 'for'), false);
  assert.equal(isSpellingVariant('hour', 'hor'), false);
  assert.equal(isSpellingVariant('militant', 'terrorist'), false);
  assert.equal(isSpellingVariant('2021', '2020'), false);
});

test('numberKey(word) gives months, weekdays and numbers one value whatever the form', () => {
  assert.equal(numberKey('sept'), numberKey('september'));
  assert.equal(numberKey('sep'), 'm9');
  assert.equal(numberKey('thurs'), numberKey('thursday'));
  assert.equal(numberKey('seven'), '7');
  assert.equal(numberKey('7th'), '7');
  assert.equal(numberKey('2,400'), '2400');
  assert.equal(numberKey('2.50'), '2.5');
  assert.equal(numberKey('helicopters'), null);
});

test('isFunctionWord(word) knows articles and prepositions but not negations or content words', () => {
  for (const w of ['a', 'an', 'the', 'of', 'to', 'has', 'while']) assert.ok(isFunctionWord(w), w);
  for (const w of ['not', 'never', 'orders', 'militant']) assert.equal(isFunctionWord(w), false, w);
});
