import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testArticle } from '../model/article.case.ts';
import type { Article, Span, StoryAlignment } from '../model/index.ts';
import { sentenceSimilarity } from '../text/sentence-similarity.ts';
import { splitSentences } from '../text/sentences.ts';
import { factUnits, MIN_CONTENT_DICE } from './fact-units.ts';

const DRILLS =
  'Uzbekistan and Tajikistan earlier this month held joint military exercises with Russia close to their borders with Afghanistan.';
const DRILLS_PARAPHRASE =
  'Uzbekistan and Tajikistan held joint military exercises with Russia near their borders with Afghanistan this month.';
const PESKOV =
  'Moscow is interested in peace and stability in Afghanistan and will likely continue contacts with Washington, Dmitry Peskov told a briefing.';
const ORDERS =
  "Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics bordering Afghanistan following the Taliban's takeover of the country.";
const ORDERS_EDITED =
  "Russia has received new orders for arms and helicopters from Central Asian republics bordering Afghanistan following the Taliban's takeover of the country.";

function spansOf(articles: Article[]): Span[][] {
  return articles.map((a) => splitSentences(a.text));
}

test('factUnits(articles) joins verbatim, edited and paraphrased sentences and keeps other facts apart', () => {
  const articles = [
    testArticle('a', [ORDERS, DRILLS]),
    testArticle('b', [ORDERS_EDITED, DRILLS, PESKOV]),
    testArticle('c', [DRILLS_PARAPHRASE]),
  ];
  const { units } = factUnits(articles, spansOf(articles));
  const find = (text: string) => units.find((u) => u.text === text);
  const drills = find(DRILLS);
  assert.deepEqual(drills?.articles, ['a', 'b', 'c']);
  assert.equal(drills?.kind, 'paraphrase');
  const orders = find(ORDERS);
  assert.deepEqual(orders?.articles, ['a', 'b']);
  assert.equal(orders?.kind, 'edited');
  assert.deepEqual(find(PESKOV)?.articles, ['b']);
  assert.equal(find(PESKOV)?.kind, 'verbatim', 'a unit of one sentence has no looser link');
  assert.equal(units.length, 3);
});

test('factUnits(articles) marks a unit of identical sentences verbatim and gives it a stable id', () => {
  const articles = [testArticle('a', [DRILLS]), testArticle('b', [`${DRILLS}`])];
  const first = factUnits(articles, spansOf(articles)).units;
  const second = factUnits([...articles].reverse(), spansOf([...articles].reverse())).units;
  assert.equal(first.length, 1);
  assert.equal(first[0]?.kind, 'verbatim');
  assert.match(first[0]?.id ?? '', /^fact:[0-9a-f]{16}$/);
  assert.equal(first[0]?.id, second[0]?.id);
});

test('factUnits(articles) does not chain two different facts of one article through a third', () => {
  // b's sentence resembles both of a's; a's two sentences are different facts.
  const a1 =
    'Russia has received new orders for arms and helicopters from Central Asian republics.';
  const a2 = 'Russia is ready to supply arms at low prices to its allies in Central Asia.';
  const b1 =
    'Russia has received new orders for arms and is ready to supply them at low prices to its allies in Central Asia.';
  const apart = sentenceSimilarity(a1, a2);
  const linked = Math.min(sentenceSimilarity(b1, a1), sentenceSimilarity(b1, a2));
  assert.ok(
    apart < linked,
    'precondition: b1 is closer to each of a1, a2 than they are to each other',
  );
  const threshold = (apart + linked) / 2;
  const articles = [testArticle('a', [a1, a2]), testArticle('b', [b1])];
  const { units } = factUnits(articles, spansOf(articles), undefined, { threshold });
  assert.equal(units.length, 2);
  for (const u of units) {
    assert.ok(u.members.filter((m) => m.article === 'a').length <= 1, 'no unit holds a1 and a2');
  }
  assert.ok(
    units.some((u) => u.articles.length === 2),
    'b1 joins one of them',
  );
});

test('factUnits(articles) keeps sentences that state different figures apart', () => {
  const a = 'The Nasdaq Composite Index rose 17.33 points, or 1.07 percent, to 1,640.13.';
  const b = 'The Nasdaq Composite Index eased 8.52 points, or 0.51 percent, to 1,670.21.';
  const articles = [testArticle('a', [a]), testArticle('b', [b])];
  assert.equal(factUnits(articles, spansOf(articles)).units.length, 2);
});

test('factUnits(articles, spans, alignment) follows a copied passage even where the model would not link', () => {
  const a = 'The drills take place in the mountains near the border, officials said on Monday.';
  const b = 'Exercises: in the mountains near the border, officials say, from Monday.';
  const articles = [testArticle('x', [a]), testArticle('y', [b])];
  const without = factUnits(articles, spansOf(articles), undefined, { threshold: 0.999 });
  assert.equal(without.units.length, 2);
  const alignment: StoryAlignment = {
    storyId: null,
    alignments: [
      {
        a: 'x',
        b: 'y',
        coverage: { a: 1, b: 1 },
        copied: { a: 1, b: 1 },
        passages: [
          {
            a: { start: 0, end: a.length },
            b: { start: 0, end: b.length },
            kind: 'edited',
            similarity: 0.7,
            edits: [],
          },
        ],
      },
    ],
    sources: [],
    provenance: { nodes: [], edges: [] },
    problems: [],
  };
  const withAlignment = factUnits(articles, spansOf(articles), alignment, { threshold: 0.999 });
  assert.equal(withAlignment.units.length, 1);
  assert.deepEqual(withAlignment.units[0]?.articles, ['x', 'y']);
});

test('factUnits(articles) skips sentences too short to carry a fact', () => {
  const articles = [
    testArticle('a', ['Military exercises', DRILLS]),
    testArticle('b', ['Reuters']),
  ];
  const { units } = factUnits(articles, spansOf(articles));
  assert.deepEqual(
    units.map((u) => u.text),
    [DRILLS],
  );
});

test('factUnits(articles) weaves later articles’ new facts into the first article’s narrative', () => {
  const articles = [
    testArticle('a', [ORDERS, DRILLS]),
    testArticle('b', [ORDERS, PESKOV, DRILLS]),
    testArticle('c', [ORDERS, DRILLS]),
  ];
  const { units, articleOrder } = factUnits(articles, spansOf(articles));
  assert.deepEqual(
    units.map((u) => u.text),
    [ORDERS, PESKOV, DRILLS],
  );
  // a, b and c share two facts each; ties go to publication time, then id.
  assert.deepEqual(articleOrder, [0, 1, 2]);
});

test('factUnits(articles) does not score sentences that share too few of their content words', () => {
  // Two content words shared ('port', 'crane') out of many: below MIN_CONTENT_DICE.
  const a =
    'Harbour workers at the port walked out on Monday after the crane operator union rejected a revised pay offer from management.';
  const b =
    'Investors expect the port authority to order a new crane from a Finnish supplier once the regional budget is approved by councillors.';
  const articles = [testArticle('a', [a]), testArticle('b', [b])];
  // A threshold of 0 links every pair the model scores.
  const { units } = factUnits(articles, spansOf(articles), undefined, { threshold: 0 });
  assert.equal(units.length, 2, `Dice below ${MIN_CONTENT_DICE} keeps them apart`);
  const close = [testArticle('a', [a]), testArticle('b', [`${a.slice(0, -1)} last week.`])];
  assert.equal(factUnits(close, spansOf(close), undefined, { threshold: 0 }).units.length, 1);
});
