import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unitFeatures } from './features.ts';

test('unitFeatures(text) reads a story sentence as prose and not title-like', () => {
  const f = unitFeatures(
    'Uzbekistan and Tajikistan earlier this month held joint military exercises with Russia close to their borders with Afghanistan.',
  );
  assert.equal(f.prose, true);
  assert.equal(f.terminal, true);
  assert.equal(f.titleLike, false);
  assert.equal(f.address, false);
});

test('unitFeatures(text) reads a title-case headline as title-like, not prose', () => {
  const f = unitFeatures('Russia to Supply Weapons to Afghanistan’s Neighbors');
  assert.equal(f.titleLike, true);
  assert.equal(f.prose, false);
  assert.ok(f.capitalised > 0.6);
});

test('unitFeatures(text) counts a long paragraph cut off before its period as prose', () => {
  const f = unitFeatures(
    '“We are already working on several orders from countries in the region for the supply of Russian helicopters, firearms, and modern border protection systems,” Alexander Mikheev, the head of Russia’s state arms exporter, Rosoboronexport, said to RIA',
  );
  assert.equal(f.terminal, false);
  assert.equal(f.prose, true);
});

test('unitFeatures(text) ends a sentence at a closing quote and sees address outside quotes only', () => {
  assert.equal(
    unitFeatures('"We don\'t want militants showing up here under cover of refugees."').terminal,
    true,
  );
  assert.equal(
    unitFeatures('"We are ready," the minister said of the talks on Friday.').address,
    false,
  );
  assert.equal(
    unitFeatures('Your support, no matter how small, makes a world of difference.').address,
    true,
  );
});
