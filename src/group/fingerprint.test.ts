import assert from 'node:assert/strict';
import { test } from 'node:test';
import { article, QUAKE_INDONESIA, QUAKE_TURKEY } from './articles.case.ts';
import { fingerprint, fingerprintParts, fingerprintView } from './fingerprint.ts';

test('fingerprint(article) is plain JSON that survives a round trip unchanged', () => {
  const fp = fingerprint(article('tr1', QUAKE_TURKEY, { publishedAt: '2020-01-24T20:55:00Z' }));
  assert.deepEqual(JSON.parse(JSON.stringify(fp)), fp);
  assert.equal(fp.minhash.length, 64);
  assert.ok(fp.reuse.length > 10);
  assert.equal(fp.terms.length, fp.termWeights.length);
  assert.ok(fp.day !== null && Math.abs(fp.day - 18285.87) < 0.01);
});

test('fingerprint(article) is the same for the same text and differs for another', () => {
  const a = fingerprint(article('x', QUAKE_TURKEY));
  const b = fingerprint(article('x', QUAKE_TURKEY));
  const c = fingerprint(article('x', QUAKE_TURKEY.replace('Elazig', 'Malatya')));
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.reuse, c.reuse);
});

test('fingerprint(article) keeps reuse hashes and terms sorted and distinct', () => {
  const fp = fingerprint(article('x', `${QUAKE_TURKEY}\n\n${QUAKE_TURKEY}`));
  for (const list of [fp.reuse, fp.terms]) {
    for (let i = 1; i < list.length; i++) assert.ok((list[i - 1] as number) < (list[i] as number));
  }
});

test('fingerprint(article) of an empty article has no shingles or terms', () => {
  const fp = fingerprint(article('e', ''));
  assert.deepEqual([fp.words, fp.minhash, fp.reuse, fp.terms], [0, [], [], []]);
  assert.throws(() => fingerprint(null as never), TypeError);
});

test('fingerprint(article) weighs names and numbers above ordinary words', () => {
  const fp = fingerprint(
    article('x', 'Rescuers in Elazig found 18 survivors. rescuers searched homes.'),
  );
  const weights = [...fp.termWeights].sort((a, b) => a - b);
  // Content words 0.5, names 1, numbers 2 (thresholds.ts), before IDF.
  assert.equal(weights[0], 0.5);
  assert.equal(weights.at(-1), 2);
});

test('fingerprintView(article) and fingerprintParts(article) hold the numbers of fingerprint(article)', () => {
  const a = article('tr1', QUAKE_TURKEY, { publishedAt: '2020-01-24T20:55:00Z' });
  const fp = fingerprint(a);
  const plain = (x: object) =>
    Object.fromEntries(
      Object.entries(x).map(([k, v]) => [
        k,
        ArrayBuffer.isView(v) ? Array.from(v as Uint32Array) : v,
      ]),
    );
  assert.deepEqual(plain(fingerprintView(a)), fp);
  assert.deepEqual(plain(fingerprintParts(a)), fp);
});

test('fingerprintView(article) keeps its numbers when the next article is fingerprinted', () => {
  const view = fingerprintView(article('tr1', QUAKE_TURKEY));
  const terms = Array.from(view.terms);
  const weights = Array.from(view.termWeights);
  fingerprintView(article('id1', QUAKE_INDONESIA));
  assert.deepEqual(Array.from(view.terms), terms);
  assert.deepEqual(Array.from(view.termWeights), weights);
});
