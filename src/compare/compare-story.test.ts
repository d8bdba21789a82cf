import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testArticle } from '../model/article.case.ts';
import type { Annotation, Article } from '../model/index.ts';
import { compareStory } from './compare-story.ts';

const QUOTE = 'We are already working on a number of orders from countries in the region';
const A = `"${QUOTE}," Alexander Mikheev told the RIA Novosti news agency.\n\nUzbekistan and Tajikistan held joint military exercises with Russia this month.`;
const B = `"${QUOTE.replace('a number of', 'several')}," Mikheev said.\n\nUzbekistan and Tajikistan held joint military exercises with Russia this month.`;

function annotation(a: Article, speaker: string): Annotation {
  const start = a.text.indexOf('We are');
  const end = a.text.indexOf('region') + 'region'.length;
  return {
    articleId: a.id,
    sentences: [
      { start: 0, end: a.text.indexOf('\n\n') },
      { start: a.text.indexOf('\n\n') + 2, end: a.text.length },
    ],
    entities: [{ start: 0, end: 6, text: 'Russia', name: 'Russia', kind: 'place' }],
    quotes: [{ start, end, text: a.text.slice(start, end), speaker, partial: false }],
    dates: [],
  };
}

test('compareStory(articles, annotations) returns facts, coverage, quotes, entities and timeline', () => {
  const a = testArticle('a', A);
  const b = testArticle('b', B);
  const c = compareStory([a, b], [annotation(a, 'Alexander Mikheev'), annotation(b, 'Mikheev')]);
  const drills = c.facts.find((f) => f.text.startsWith('Uzbekistan'));
  assert.deepEqual(drills?.articles, ['a', 'b']);
  assert.equal(drills?.kind, 'verbatim');
  assert.equal(c.quoteVariants.length, 1);
  assert.equal(c.quoteVariants[0]?.speaker, 'Alexander Mikheev');
  assert.deepEqual(c.quoteVariants[0]?.variants.map((v) => v.kind).sort(), [
    'altered',
    'identical',
  ]);
  assert.deepEqual(c.entities, [
    { name: 'Russia', kind: 'place', mentions: 2, articles: ['a', 'b'] },
  ]);
  assert.deepEqual(c.timeline, []);
  assert.deepEqual(c.coverage.articles.slice().sort(), ['a', 'b']);
});

test('compareStory(articles, []) splits sentences itself when an article has no annotation', () => {
  const a = testArticle('a', A);
  const b = testArticle('b', B);
  const c = compareStory([a, b, a], []);
  assert.ok(c.facts.some((f) => f.articles.length === 2));
  assert.deepEqual(c.quoteVariants, []);
  assert.equal(c.coverage.articles.length, 2, 'a repeated article counts once');
});

test('compareStory(articles) throws a TypeError on misuse', () => {
  assert.throws(() => compareStory('x' as unknown as Article[], []), TypeError);
  assert.throws(() => compareStory([], null as unknown as Annotation[]), TypeError);
  assert.throws(() => compareStory([{ id: 1 } as unknown as Article], []), TypeError);
});

test('compareStory([]) is an empty comparison', () => {
  const c = compareStory([], []);
  assert.deepEqual(c, {
    facts: [],
    coverage: { articles: [], facts: [], matrix: [], perArticle: [] },
    quoteVariants: [],
    entities: [],
    timeline: [],
  });
});
