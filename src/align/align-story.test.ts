import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testArticle } from '../model/article.case.ts';
import type { Article } from '../model/article.ts';
import type { Relation, Story } from '../model/story.ts';
import { alignStory } from './align-story.ts';
import { ALL_PAIRS_MAX_ARTICLES } from './limits.ts';

function relation(a: string, b: string, kind: Relation['kind'], containment: number): Relation {
  return {
    a,
    b,
    kind,
    containmentAB: containment,
    containmentBA: containment,
    jaccard: 0,
    topical: 0.5,
  };
}

const WIRE =
  'Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics bordering Afghanistan following the takeover of the country by the Taliban.';
const OTHER =
  'The council approved a new budget for the city library, which will open longer hours from next spring, officials said.';
const SAID = 'The mayor said on Tuesday that the new library budget would be approved next month.';
const REWORDED =
  'On Tuesday the mayor said the budget for the new library would get approval next month.';

test('alignStory(articles) aligns the pairs that share text and leaves out pairs with nothing aligned', () => {
  const arts = [
    testArticle('a', WIRE),
    testArticle('b', `${WIRE} ${OTHER}`),
    testArticle('c', OTHER),
  ];
  const r = alignStory(arts);
  assert.equal(r.storyId, null);
  assert.deepEqual(
    r.alignments.map((al) => [al.a, al.b]),
    [
      ['a', 'b'],
      ['b', 'c'],
    ],
  );
  assert.deepEqual(r.sources, []);
  assert.deepEqual(r.problems, []);
});

test('alignStory(articles, story) skips same-story pairs whose relation shows nothing shared', () => {
  const arts = [testArticle('a', WIRE), testArticle('b', `${WIRE} ${OTHER}`)];
  const story: Story = {
    id: 's1',
    articleIds: ['a', 'b'],
    relations: [relation('a', 'b', 'same-story', 0)],
  };
  assert.deepEqual(alignStory(arts, story).alignments, []);
  story.relations = [relation('a', 'b', 'same-story', 0.4)];
  assert.equal(alignStory(arts, story).alignments.length, 1);
});

test('alignStory(articles, story) matches paraphrased sentences for derived pairs only', () => {
  const arts = [testArticle('a', `${SAID} ${WIRE}`), testArticle('b', `${OTHER} ${REWORDED}`)];
  const derived: Story = {
    id: 's',
    articleIds: ['a', 'b'],
    relations: [relation('a', 'b', 'derived', 0.1)],
  };
  const [al] = alignStory(arts, derived).alignments;
  assert.equal(al?.passages.length, 1);
  assert.equal(al?.passages[0]?.kind, 'paraphrase');
  assert.ok((al?.passages[0]?.sameFact ?? 0) > 0.7);
  assert.equal(arts[0]?.text.slice(al?.passages[0]?.a.start, al?.passages[0]?.a.end), SAID);
  const sameStory: Story = { ...derived, relations: [relation('a', 'b', 'same-story', 0.1)] };
  assert.deepEqual(alignStory(arts, sameStory).alignments, []);
});

test('alignStory(articles) reports an article given twice and aligns it once', () => {
  const a = testArticle('a', WIRE);
  const r = alignStory([a, testArticle('b', WIRE), a]);
  assert.equal(r.alignments.length, 1);
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.severity, p.source]),
    [['align/duplicate-article', 'warning', 'a.txt']],
  );
});

test('alignStory(articles, story) reports story members that were not given', () => {
  const story: Story = { id: 's9', articleIds: ['a', 'zz'], relations: [] };
  const r = alignStory([testArticle('a', WIRE), testArticle('b', WIRE)], story);
  assert.deepEqual(r.alignments, []);
  assert.deepEqual(
    r.problems.map((p) => p.code),
    ['align/missing-article'],
  );
  assert.match(r.problems[0]?.message ?? '', /zz/);
});

test('alignStory(articles) gives the same output whatever the input order', () => {
  const arts = [
    testArticle('a', `${WIRE} ${OTHER}`),
    testArticle('b', WIRE.replace('new orders', 'fresh orders')),
    testArticle('c', WIRE.replace('Thursday', 'on Thursday')),
    testArticle('d', OTHER),
  ];
  const one = JSON.stringify(alignStory(arts));
  const two = JSON.stringify(alignStory([...arts].reverse()));
  assert.equal(one, two);
  assert.equal(JSON.parse(one).sources.length, 1);
});

test('alignStory(articles) throws a TypeError for input that is not a list of articles', () => {
  assert.throws(() => alignStory('x' as unknown as Article[]), TypeError);
  assert.throws(() => alignStory([{ id: 1 } as unknown as Article]), TypeError);
});

test('alignStory(articles, story) lists only the related pairs of a story over ALL_PAIRS_MAX_ARTICLES', () => {
  const n = ALL_PAIRS_MAX_ARTICLES + 1;
  const ids = Array.from({ length: n }, (_, i) => `a${String(i).padStart(2, '0')}`);
  const arts = ids.map((id) => testArticle(id, `${WIRE} ${OTHER}`));
  // A chain of relations, as the group stage keeps for a large story.
  const relations = ids.slice(1).map((id, i) => relation(ids[i] as string, id, 'duplicate', 1));
  const story: Story = { id: 'big', articleIds: ids, relations };
  const r = alignStory(arts, story);
  assert.deepEqual(
    r.alignments.map((al) => [al.a, al.b]),
    relations.map((rel) => [rel.a, rel.b]),
  );
  assert.equal(r.allPairs?.length, (n * (n - 1)) / 2, 'every pair is still aligned');
  assert.deepEqual(r.sources[0]?.memberIds, ids, 'the common source has every copy');
  const small: Story = { ...story, articleIds: ids.slice(0, n - 1) };
  const all = alignStory(arts.slice(0, n - 1), small);
  assert.equal(all.alignments.length, ((n - 1) * (n - 2)) / 2, 'a smaller story lists every pair');
  assert.equal(all.allPairs, undefined);
});
