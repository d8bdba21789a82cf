import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity } from '../model/annotation.ts';
import { testArticle } from '../model/article.case.ts';
import type { Article } from '../model/article.ts';
import { annotate, annotateAll, type EntityRecognizer } from './index.ts';

/** An article whose id tells its text's length, published on 26 August 2021 unless said. */
const article = (text: string, publishedAt: string | null = '2021-08-26'): Article =>
  testArticle(`id-${text.length}`, text, { publishedAt });

const TEXT =
  'Russia said Thursday it has new orders.\n\n"We are working on them," Alexander Mikheev told the RIA Novosti news agency.';

test('annotate(article) returns sentences, tokens, entities, quotes and dates with offsets into the text', () => {
  const a = annotate(article(TEXT));
  assert.equal(a.articleId, `id-${TEXT.length}`);
  assert.deepEqual(
    a.sentences.map((s) => TEXT.slice(s.start, s.end)),
    [
      'Russia said Thursday it has new orders.',
      '"We are working on them," Alexander Mikheev told the RIA Novosti news agency.',
    ],
  );
  assert.equal(TEXT.slice(a.tokens?.[0]?.start, a.tokens?.[0]?.end), 'Russia');
  assert.equal(a.tokens?.[0]?.pos, 'PROPN');
  assert.deepEqual(
    a.entities.map((e) => e.name),
    ['Russia', 'Alexander Mikheev', 'RIA Novosti'],
  );
  assert.equal(a.quotes[0]?.speaker, 'Alexander Mikheev');
  assert.deepEqual(
    a.dates.map((d) => [d.text, d.value]),
    [['Thursday', '2021-08-26']],
  );
});

test('annotate(article) is deterministic: the same article gives the same annotation', () => {
  assert.deepEqual(annotate(article(TEXT)), annotate(article(TEXT)));
});

test('annotate(article, { tokens: false }) leaves the tokens out', () => {
  assert.equal(annotate(article(TEXT), { tokens: false }).tokens, undefined);
});

test('annotate(article, { recognizer }) runs coreference and quote attribution on another recognizer’s entities', () => {
  const calls: number[] = [];
  const recognizer: EntityRecognizer = {
    name: 'fixed',
    recognize(text, sentences, tokens) {
      calls.push(sentences.length, tokens.length);
      const start = text.indexOf('Alexander Mikheev');
      const person: Entity = {
        start,
        end: start + 17,
        kind: 'person',
        text: 'Alexander Mikheev',
        name: 'Alexander Mikheev',
      };
      return [person];
    },
  };
  const text = 'Alexander Mikheev spoke.\n\n"It is done," Mikheev said.';
  const a = annotate(article(text), { recognizer });
  assert.deepEqual(calls.slice(0, 1), [2]);
  assert.deepEqual(
    a.entities.map((e) => [e.text, e.name]),
    [
      ['Alexander Mikheev', 'Alexander Mikheev'],
      ['Mikheev', 'Alexander Mikheev'],
    ],
  );
  assert.equal(a.quotes[0]?.speaker, 'Alexander Mikheev');
});

test('annotate(article) handles an empty text', () => {
  const a = annotate(article(''));
  assert.deepEqual([a.sentences, a.entities, a.quotes, a.dates], [[], [], [], []]);
});

test('annotate(value) throws a TypeError for something that is not an Article', () => {
  assert.throws(
    () => annotate(null as unknown as Article),
    /Expected an Article with a string `text`, got null/,
  );
  assert.throws(() => annotate({ id: 'x' } as unknown as Article), TypeError);
  assert.throws(() => annotate(article(TEXT), { recognizer: {} as EntityRecognizer }), TypeError);
});

test('annotateAll(articles) annotates each article in order and rejects a non-array', () => {
  const out = annotateAll([article(TEXT), article('Kabul fell.')]);
  assert.deepEqual(
    out.map((a) => a.entities[0]?.name),
    ['Russia', 'Kabul'],
  );
  assert.throws(() => annotateAll('x' as unknown as Article[]), /Expected an array of Articles/);
});
