import assert from 'node:assert/strict';
import { test } from 'node:test';
import { article, QUAKE_INDONESIA, QUAKE_TURKEY, QUAKE_TURKEY_OTHER } from './articles.case.ts';
import { fingerprint } from './fingerprint.ts';
import { relate } from './relate.ts';

test('relate(a, b) calls wire copies that differ only in spelling duplicates', () => {
  const british = QUAKE_TURKEY;
  const american = QUAKE_TURKEY.replace('centred', 'centered')
    .replace('neighbouring', 'neighboring')
    .replace('kilometres', 'kilometers');
  const r = relate(fingerprint(article('uk', british)), fingerprint(article('us', american)));
  assert.equal(r.kind, 'duplicate');
  assert.ok(r.containmentAB > 0.7 && r.containmentBA > 0.7, JSON.stringify(r));
  assert.equal(r.a, 'uk');
  assert.equal(r.b, 'us');
});

test('relate(a, b) finds a short wire copy embedded in a long article derived, contained one way only', () => {
  const wire = QUAKE_TURKEY.split('\n\n')[0] as string;
  const long = [
    'Opinion: the lessons of a winter of disasters.',
    QUAKE_INDONESIA,
    wire,
    'Engineers have warned for years that apartment blocks built before the 1999 building code cannot withstand a strong shock, and that inspections remain rare outside the big cities.',
    'Governments across the region have promised new rules after every disaster, yet enforcement has lagged, and insurance remains out of reach for most households in rural provinces.',
  ].join('\n\n');
  const r = relate(fingerprint(article('a-wire', wire)), fingerprint(article('b-long', long)));
  assert.equal(r.kind, 'derived');
  assert.ok(r.containmentAB > 0.8, `wire in long ${r.containmentAB}`);
  assert.ok(r.containmentBA < 0.3, `long in wire ${r.containmentBA}`);
  assert.ok(r.jaccard < 0.3);
});

test('relate(a, b) calls two reports of one event with little shared text same-story', () => {
  const r = relate(
    fingerprint(article('a', QUAKE_TURKEY)),
    fingerprint(article('b', QUAKE_TURKEY_OTHER)),
  );
  assert.equal(r.kind, 'same-story');
  assert.ok(r.topical > r.jaccard);
});

test('relate(a, b) orders the pair by id and swaps the containments with it', () => {
  const wire = QUAKE_TURKEY.split('\n\n')[0] as string;
  const x = fingerprint(article('z', wire));
  const y = fingerprint(article('a', QUAKE_TURKEY));
  const r = relate(x, y);
  assert.equal(r.a, 'a');
  assert.equal(r.b, 'z');
  assert.ok(r.containmentBA > r.containmentAB);
});
