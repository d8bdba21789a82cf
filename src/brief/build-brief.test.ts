import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article } from '../model/index.ts';
import { sampleStory } from './brief.case.ts';
import { buildBrief } from './build-brief.ts';

function byId(articles: Article[]): Map<string, Article> {
  return new Map(articles.map((a) => [a.id, a]));
}

test('buildBrief(articles, alignment, comparison) puts facts most articles carry in the core account, in narrative order', () => {
  const { articles, comparison, alignment } = sampleStory();
  const brief = buildBrief(articles, alignment, comparison);
  assert.deepEqual(
    brief.sentences.map((s) => s.fact),
    ['fact:crane', 'fact:crowd'],
  );
  assert.deepEqual(brief.sentences[0]?.cites, ['w', 'c', 'l']);
});

test('buildBrief(...) is extractive: every sentence is a span of the article it cites as its origin', () => {
  const { articles, comparison, alignment } = sampleStory();
  const brief = buildBrief(articles, alignment, comparison);
  const all = [...brief.sentences, ...brief.onlySome.flatMap((g) => g.sentences)];
  assert.ok(all.length > 0);
  const texts = byId(articles);
  for (const s of all) {
    const article = texts.get(s.from.article);
    assert.ok(article, `the origin ${s.from.article} is one of the articles`);
    assert.equal(article.text.slice(s.from.start, s.from.end), s.text);
    assert.ok(s.cites.includes(s.from.article), 'the origin is among the citations');
  }
});

test('buildBrief(...) leaves the dateline out of an article’s first sentence', () => {
  const { articles, comparison, alignment, W } = sampleStory();
  const first = buildBrief(articles, alignment, comparison).sentences[0];
  assert.equal(first?.text, 'A crane collapsed at the port on Tuesday, killing one worker.');
  assert.equal(first?.from.article, W.id);
  assert.ok((first?.from.start ?? 0) > 0, 'the span starts after the dateline');
});

test('buildBrief(...) renders a fact in the majority wording, not in a copy’s loaded term', () => {
  const { articles, comparison, alignment } = sampleStory();
  const crowd = buildBrief(articles, alignment, comparison).sentences[1];
  assert.equal(
    crowd?.text,
    'About 200 protesters gathered at the gate before union representatives asked them to leave.',
  );
});

test('buildBrief(...) groups what only some report by the articles that carry it, larger groups first', () => {
  const { articles, comparison, alignment } = sampleStory();
  const groups = buildBrief(articles, alignment, comparison).onlySome;
  assert.deepEqual(
    groups.map((g) => [g.articles, g.sentences.map((s) => s.fact)]),
    [
      [['w', 'c'], ['fact:police']],
      [['c'], ['fact:town']],
      [['f'], ['fact:freight']],
    ],
  );
});

test('buildBrief(...) takes the headline of the article closest to the consensus', () => {
  const { articles, comparison, alignment, W, L } = sampleStory();
  // W, C and L carry both core facts; L adds no fact of its own but swaps in a
  // loaded term, so the account is W's wording and W's headline leads.
  const withHeadlines = articles.map((a) =>
    a.id === L.id ? { ...a, headline: 'Ledger headline' } : a,
  );
  const brief = buildBrief(withHeadlines, alignment, comparison);
  assert.equal(brief.headline, W.headline);
  assert.equal(brief.headlineArticle, W.id);
});

test('buildBrief(...) gives a null headline when no article has one', () => {
  const { articles, comparison, alignment } = sampleStory();
  const bare = articles.map((a) => ({ ...a, headline: null }));
  const brief = buildBrief(bare, alignment, comparison);
  assert.equal(brief.headline, null);
  assert.equal(brief.headlineArticle, null);
});

test('buildBrief(...) merges the timeline by date and fact and sorts it by date', () => {
  const { articles, comparison, alignment } = sampleStory();
  const timeline = buildBrief(articles, alignment, comparison).timeline;
  assert.deepEqual(
    timeline.map((t) => [t.date, t.fact, t.cites]),
    [
      ['2025-03-04', 'fact:crane', ['w', 'c', 'l']],
      ['2025-03-05', 'fact:freight', ['f']],
    ],
  );
});

test('buildBrief(...) lists who and where named by at least two articles', () => {
  const { articles, comparison, alignment } = sampleStory();
  const entities = buildBrief(articles, alignment, comparison).entities;
  assert.deepEqual(
    entities.map((e) => e.name),
    ['Kestrel Bay'],
  );
});

test('buildBrief(...) with one article puts all its facts in the core account', () => {
  const { F, comparison, alignment } = sampleStory();
  const only = {
    ...comparison,
    facts: comparison.facts.filter((f) => f.articles.includes(F.id)),
    coverage: { ...comparison.coverage, articles: [F.id] },
  };
  const brief = buildBrief([F], { ...alignment, alignments: [], sources: [] }, only);
  assert.deepEqual(
    brief.sentences.map((s) => s.fact),
    ['fact:freight'],
  );
  assert.deepEqual(brief.onlySome, []);
  assert.match(brief.provenance.text, /One article only/);
});

test('buildBrief(...) throws a TypeError on input that is not compare’s output', () => {
  const { articles, alignment } = sampleStory();
  assert.throws(() => buildBrief(articles, alignment, {} as never), TypeError);
  assert.throws(() => buildBrief('x' as never, alignment, {} as never), TypeError);
});

test('buildBrief(...) finds wording differences in every aligned pair, listed or not (allPairs)', () => {
  const { articles, comparison, alignment } = sampleStory();
  const listed = buildBrief(articles, alignment, comparison).wording;
  assert.ok(listed.length > 0, 'precondition: the sample story has wording differences');
  const unlisted = { ...alignment, alignments: [], allPairs: alignment.alignments };
  assert.deepEqual(buildBrief(articles, unlisted, comparison).wording, listed);
  assert.deepEqual(
    buildBrief(articles, { ...alignment, alignments: [] }, comparison).wording,
    [],
    'without allPairs the listed alignments are all there is',
  );
});
