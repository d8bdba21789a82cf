import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article, Story } from '../model/index.ts';
import { analyzeStory, annotatedArticle } from './analyze-story.ts';

const WIRE =
  'A ship-to-shore container crane collapsed onto a cargo vessel at the port of Kestrel Bay on Tuesday, killing one worker and injuring four others, port officials said on Wednesday.\n\n' +
  'About 200 protesters gathered at the terminal gate on Wednesday morning, blocking trucks for two hours before union representatives asked them to disperse. Police said there were no arrests.';

function article(id: string, text: string, outlet: string): Article {
  return {
    id,
    source: `${id}.txt`,
    url: null,
    headline: `Crane collapse (${outlet})`,
    bylines: [],
    publishedAt: '2025-03-05',
    dateline: null,
    outlet,
    credits: [],
    cites: [],
    language: 'en',
    text,
    paragraphs: text.split('\n\n'),
    removed: [],
  };
}

const a = article('aaaa', WIRE, 'Wire');
const b = article('bbbb', WIRE.replace('protesters', 'rioters'), 'Courier');
const other = article('cccc', 'Shares in the terminal operator fell on Wednesday.', 'Markets');
const story: Story = { id: 'story:1', articleIds: ['aaaa', 'bbbb', 'missing'], relations: [] };

test('analyzeStory(articles, story) runs every stage on the story’s articles only, in articleIds order', () => {
  const result = analyzeStory([other, b, a], story);
  assert.deepEqual(
    result.annotations.map((x) => x.articleId),
    ['aaaa', 'bbbb'],
  );
  assert.ok(
    result.annotations.every((x) => x.tokens === undefined),
    'tokens are left out by default',
  );
  assert.deepEqual(Object.keys(result.story), [
    'id',
    'articleIds',
    'relations',
    'alignments',
    'sources',
    'provenance',
    'facts',
    'coverage',
    'quoteVariants',
    'entities',
    'timeline',
    'brief',
  ]);
  assert.ok(result.story.alignments.length > 0);
  assert.ok(
    result.story.brief.sentences.every((s) => s.cites.every((c) => c === 'aaaa' || c === 'bbbb')),
  );
});

test('analyzeStory(articles, story) reports a story id with no article as a problem, not an error', () => {
  const result = analyzeStory([a, b], story);
  assert.ok(
    result.problems.some(
      (p) => p.code === 'align/missing-article' && p.message.includes('missing'),
    ),
  );
});

test('analyzeStory(articles, story) throws a TypeError when the story is not one', () => {
  assert.throws(() => analyzeStory([a], {} as Story), TypeError);
  assert.throws(() => analyzeStory('x' as never, story), TypeError);
});

test('annotatedArticle(article, annotation) refuses the annotation of another article', () => {
  const { annotations } = analyzeStory([a, b], story);
  const [first] = annotations;
  assert.ok(first);
  assert.deepEqual(Object.keys(annotatedArticle(a, first)).slice(-4), [
    'sentences',
    'entities',
    'quotes',
    'dates',
  ]);
  assert.throws(() => annotatedArticle(b, first), RangeError);
});
