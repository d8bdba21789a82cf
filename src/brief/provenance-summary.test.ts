import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QuoteGroup } from '../model/index.ts';
import { sampleStory } from './brief.case.ts';
import { MAX_NAMED_OUTLETS, provenanceSummary } from './provenance-summary.ts';

test('provenanceSummary(...) says who ran the common source, how, and who covered the event from another angle', () => {
  const { articles, comparison, alignment } = sampleStory();
  const summary = provenanceSummary(
    new Map(articles.map((a) => [a.id, a])),
    comparison.coverage.articles,
    alignment.sources,
    alignment.provenance,
    [],
  );
  assert.deepEqual(summary.sources, [
    { source: 'source:1', credit: 'MPA', light: ['w'], edited: ['c', 'l'] },
  ]);
  assert.deepEqual(summary.independent, ['f']);
  assert.equal(
    summary.text,
    'Three outlets (Meridian Press Agency, The Coastline Courier and The Northern Ledger) ran the MPA text, one with small edits, two with changes to the wording or content. One outlet (Freightline Weekly) covered the same event from another angle, sharing no text with the others.',
  );
});

test('provenanceSummary(...) counts the quotes a rewrite altered', () => {
  const { articles, comparison, alignment, F } = sampleStory();
  const graph = structuredClone(alignment.provenance);
  const edge = structuredClone(graph.edges[0]);
  assert.ok(edge);
  graph.edges.push({ ...edge, to: F.id, kind: 'paraphrase' });
  const quotes: QuoteGroup[] = [
    {
      id: 'quote:1',
      canonical: 'We found a number of cracked welds',
      speaker: 'Ilse Varga',
      variants: [
        {
          article: 'w',
          text: 'We found a number of cracked welds',
          speaker: 'Ilse Varga',
          kind: 'identical',
          start: 0,
          end: 1,
        },
        {
          article: F.id,
          text: 'We found several cracked welds',
          speaker: 'Ilse Varga',
          kind: 'altered',
          start: 0,
          end: 1,
        },
      ],
    },
  ];
  const summary = provenanceSummary(
    new Map(articles.map((a) => [a.id, a])),
    comparison.coverage.articles,
    alignment.sources,
    graph,
    quotes,
  );
  assert.deepEqual(summary.rewrites, [{ article: F.id, alteredQuotes: 1 }]);
  assert.deepEqual(summary.independent, []);
  assert.match(
    summary.text,
    /One outlet \(Freightline Weekly\) retold the copied text in other words and altered a quote\./,
  );
});

test('provenanceSummary(...) counts the outlets instead of naming them past MAX_NAMED_OUTLETS', () => {
  const { articles, alignment } = sampleStory();
  const [source] = alignment.sources;
  assert.ok(source);
  const member = source.members[2];
  assert.ok(member);
  const ids = Array.from({ length: MAX_NAMED_OUTLETS + 2 }, (_, i) => `copy${i}`);
  const big = {
    ...source,
    memberIds: ids,
    members: ids.map((id) => ({ ...member, articleId: id })),
  };
  const summary = provenanceSummary(
    new Map(articles.map((a) => [a.id, a])),
    ids,
    [big],
    { nodes: [], edges: [] },
    [],
  );
  assert.equal(summary.text, 'Seven outlets ran the MPA text, with small edits.');
});
