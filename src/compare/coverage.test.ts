import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FactUnit } from '../model/index.ts';
import { coverageOf } from './coverage.ts';

function unit(id: string, articles: string[]): FactUnit {
  return {
    id,
    kind: 'verbatim',
    members: articles.map((article, i) => ({ article, start: i * 10, end: i * 10 + 5 })),
    text: id,
    articles: [...new Set(articles)],
  };
}

test('coverageOf(facts, articles) counts sentences per fact and article in the given orders', () => {
  const c = coverageOf([unit('f1', ['a', 'b', 'b']), unit('f2', ['c'])], ['a', 'b', 'c']);
  assert.deepEqual(c.articles, ['a', 'b', 'c']);
  assert.deepEqual(c.facts, ['f1', 'f2']);
  assert.deepEqual(c.matrix, [
    [1, 2, 0],
    [0, 0, 1],
  ]);
});

test('coverageOf(facts, articles) lists unique facts and the omissions of facts most others carry', () => {
  const facts = [
    unit('all', ['a', 'b', 'c', 'd']),
    unit('three', ['a', 'b', 'c']),
    unit('two', ['a', 'b']),
    unit('onlyD', ['d']),
  ];
  const c = coverageOf(facts, ['a', 'b', 'c', 'd']);
  const by = new Map(c.perArticle.map((p) => [p.article, p]));
  assert.deepEqual(by.get('d')?.unique, ['onlyD']);
  assert.deepEqual(by.get('a')?.unique, []);
  // d lacks "three" (all 3 others carry it) and "two" (2 of 3 others: more than half).
  assert.deepEqual(by.get('d')?.omissions, ['three', 'two']);
  // c lacks "two": carried by 2 of its 3 others, more than half.
  assert.deepEqual(by.get('c')?.omissions, ['two']);
  // a lacks "onlyD": 1 of 3 others is not most.
  assert.deepEqual(by.get('a')?.omissions, []);
  assert.equal(by.get('d')?.facts, 2);
});

test('coverageOf(facts, articles) finds neither unique facts nor omissions in a one-article story', () => {
  const c = coverageOf([unit('f', ['a'])], ['a']);
  assert.deepEqual(c.perArticle, [{ article: 'a', facts: 1, unique: [], omissions: [] }]);
});
