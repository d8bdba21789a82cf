import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleLabel } from './article-label.ts';
import { storyArticle } from './brief.case.ts';

test('articleLabel(article) prefers the outlet, then the URL host, then the headline, then the file name', () => {
  assert.equal(
    articleLabel(storyArticle('a', 'x', { outlet: 'The Courier', url: 'https://c.example/a' })),
    'The Courier',
  );
  assert.equal(
    articleLabel(storyArticle('a', 'x', { url: 'https://www.c.example/a' })),
    'c.example',
  );
  assert.equal(
    articleLabel(storyArticle('a', 'x', { url: 'not a url', headline: 'Crane falls' })),
    'Crane falls',
  );
  assert.equal(articleLabel(storyArticle('a', 'x', { source: 'news/wire.txt#3' })), 'wire.txt');
});
