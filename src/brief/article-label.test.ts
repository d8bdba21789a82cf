import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testArticle } from '../model/article.case.ts';
import { articleLabel } from './article-label.ts';

test('articleLabel(article) prefers the outlet, then the URL host, then the headline, then the file name', () => {
  assert.equal(
    articleLabel(testArticle('a', 'x', { outlet: 'The Courier', url: 'https://c.example/a' })),
    'The Courier',
  );
  assert.equal(
    articleLabel(testArticle('a', 'x', { url: 'https://www.c.example/a' })),
    'c.example',
  );
  assert.equal(
    articleLabel(testArticle('a', 'x', { url: 'not a url', headline: 'Crane falls' })),
    'Crane falls',
  );
  assert.equal(articleLabel(testArticle('a', 'x', { source: 'news/wire.txt#3' })), 'wire.txt');
});
