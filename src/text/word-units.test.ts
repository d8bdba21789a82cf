import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeWord, tokenize } from './tokenize.ts';
import { hashWord } from './word-hash.ts';
import {
  hashUnits,
  UNIT_CAPITALISED,
  UNIT_CHAR,
  UNIT_NUMERIC,
  UNIT_SENTENCE_START,
} from './word-units.ts';

test('hashUnits(text) finds the same words as tokenize() and hashes their normalised form', () => {
  const text = 'The Taliban’s ex-Soviet U.S. deal, worth $2,400. Café NÚÑEZ said: “Москва”!';
  const units = hashUnits(text);
  const tokens = tokenize(text);
  assert.equal(units.count, tokens.length);
  tokens.forEach((tok, i) => {
    assert.equal(units.hashes[i], hashWord(normalizeWord(tok.text)), tok.text);
  });
});

test('hashUnits(text) flags capitals, numbers and sentence starts', () => {
  const units = hashUnits('Police said 12 died. then Rahman');
  assert.ok((units.flags[0] as number) & UNIT_CAPITALISED);
  assert.ok((units.flags[0] as number) & UNIT_SENTENCE_START);
  assert.ok((units.flags[2] as number) & UNIT_NUMERIC);
  assert.ok((units.flags[4] as number) & UNIT_SENTENCE_START);
  assert.equal((units.flags[5] as number) & UNIT_SENTENCE_START, 0);
});

test('hashUnits(text) splits Chinese and Japanese into single characters', () => {
  const units = hashUnits('東京で地震 Tokyo');
  assert.equal(units.count, 6);
  for (let i = 0; i < 5; i++) assert.ok((units.flags[i] as number) & UNIT_CHAR);
  assert.equal(units.hashes[0], hashWord('東'));
});
