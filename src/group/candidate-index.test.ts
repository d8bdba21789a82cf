import assert from 'node:assert/strict';
import { test } from 'node:test';
import { article, QUAKE_INDONESIA, QUAKE_TURKEY, QUAKE_TURKEY_OTHER } from './articles.case.ts';
import { bandKeys } from './band-keys.ts';
import { createDocumentIndex, createMemoryCandidateIndex } from './candidate-index.ts';
import { fingerprint } from './fingerprint.ts';

test('createMemoryCandidateIndex().candidates(fp) finds copies by text and never the article itself', () => {
  const index = createMemoryCandidateIndex();
  const wire = fingerprint(article('wire', QUAKE_TURKEY));
  const copy = fingerprint(article('copy', `${QUAKE_TURKEY}\n\nAdvertisement`));
  const other = fingerprint(article('other', QUAKE_INDONESIA));
  for (const fp of [wire, copy, other]) index.add(fp);
  const found = index.candidates(wire);
  assert.deepEqual(
    found.map((c) => c.articleId),
    ['copy'],
  );
  assert.ok((found[0]?.bands ?? 0) > 0);
  assert.ok((found[0]?.sharedReuse ?? 0) > 2);
});

test('createMemoryCandidateIndex().candidates(fp, {terms}) finds articles that share key terms but no text', () => {
  const index = createMemoryCandidateIndex();
  const a = fingerprint(article('a', QUAKE_TURKEY));
  const b = fingerprint(article('b', QUAKE_TURKEY_OTHER));
  index.add(a);
  index.add(b);
  assert.deepEqual(index.candidates(a, { text: true }), []);
  const found = index.candidates(a, { text: false, terms: a.terms });
  assert.deepEqual(
    found.map((c) => c.articleId),
    ['b'],
  );
  assert.ok((found[0]?.sharedTerms ?? 0) >= 2);
  assert.equal(index.termFrequency(a.terms[0] as number) >= 1, true);
});

test('createMemoryCandidateIndex() ignores reuse hashes found in more articles than commonReuseDf', () => {
  const footer =
    'Sign up for our free weekly newsletter and never miss the latest news from our reporters around the world, delivered to your inbox every Friday morning.';
  const index = createMemoryCandidateIndex({ commonReuseDf: 2, reuseSample: 1 });
  const fps = ['Apples', 'Rivers', 'Trains'].map((w, i) =>
    fingerprint(
      article(`p${i}`, `${w} are the subject of this short piece number ${i} today.\n\n${footer}`),
    ),
  );
  for (const fp of fps) index.add(fp);
  const [p0, p1] = fps as [(typeof fps)[0], (typeof fps)[0]];
  const shared = p0.reuse.filter((h) => p1.reuse.includes(h));
  const common = shared.filter((h) => index.isCommonReuse(h));
  assert.ok(common.length > 0);
  // Only the shared hashes that are not common count as evidence.
  const found = index.candidates(p0).find((c) => c.articleId === 'p1');
  assert.equal(found?.sharedReuse ?? 0, shared.length - common.length);
  assert.ok(shared.length - common.length < shared.length / 2);
});

test('createMemoryCandidateIndex().add ignores an article id it already has', () => {
  const index = createMemoryCandidateIndex();
  const fp = fingerprint(article('a', QUAKE_TURKEY));
  index.add(fp);
  index.add(fp);
  assert.equal(index.size(), 1);
  assert.equal(index.has('a'), true);
});

test('createDocumentIndex() finds what createMemoryCandidateIndex() finds, by document number', () => {
  const texts = [QUAKE_TURKEY, QUAKE_TURKEY_OTHER, QUAKE_INDONESIA];
  const fps = texts.flatMap((text, t) => [
    fingerprint(article(`${t}a`, text)),
    fingerprint(article(`${t}b`, `${text}\n\nRead more at our site.`)),
    fingerprint(article(`${t}c`, text.replace(/the /g, 'a '))),
  ]);
  const memory = createMemoryCandidateIndex({ reuseSample: 1, visitCap: 4 });
  const documents = createDocumentIndex({ reuseSample: 1, visitCap: 4 }, true);
  for (const fp of fps) {
    memory.add(fp);
    documents.add(bandKeys(fp.minhash), fp.reuse, fp.terms);
  }
  documents.compact();
  for (const [doc, fp] of fps.entries()) {
    for (const query of [{}, { text: false, terms: fp.terms.slice(0, 20) }, { limit: 1 }]) {
      const expected = memory.candidates(fp, query);
      const found = documents.candidates(
        doc,
        query.text === false ? [] : bandKeys(fp.minhash),
        query.text === false ? [] : fp.reuse,
        query.terms ?? [],
        query.limit ?? 100,
      );
      const got = Array.from({ length: found.count }, (_, i) => ({
        articleId: fps[found.docs[i] as number]?.articleId,
        bands: found.bands[i],
        sharedReuse: found.reuse[i],
        sharedTerms: found.terms[i],
      }));
      assert.deepEqual(got, expected, `${fp.articleId} ${JSON.stringify(query)}`);
    }
  }
  assert.ok(memory.candidates(fps[0] as (typeof fps)[0]).length > 0);
});
