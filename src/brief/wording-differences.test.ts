import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleStory } from './brief.case.ts';
import { wordingDifferences } from './wording-differences.ts';

test('wordingDifferences(...) merges pairwise loaded-term swaps into one difference per place, majority wording first', () => {
  const { comparison, alignment } = sampleStory();
  const diffs = wordingDifferences(
    alignment.alignments,
    comparison.facts,
    comparison.coverage.articles,
  );
  assert.deepEqual(
    diffs.map((d) => [d.kind, d.variants.map((v) => [v.text, v.articles]), d.loaded, d.fact]),
    [
      [
        'loaded-term',
        [
          ['protesters', ['w', 'l']],
          ['rioters', ['c']],
        ],
        ['riot'],
        'fact:crowd',
      ],
      [
        'loaded-term',
        [
          ['representatives', ['w', 'c']],
          ['bosses', ['l']],
        ],
        ['boss'],
        'fact:crowd',
      ],
    ],
  );
});

test('wordingDifferences(...) gives one span per article, pointing at its words', () => {
  const { articles, comparison, alignment } = sampleStory();
  const [first] = wordingDifferences(
    alignment.alignments,
    comparison.facts,
    comparison.coverage.articles,
  );
  const text = new Map(articles.map((a) => [a.id, a.text]));
  assert.deepEqual(
    first?.spans.map((s) => [s.article, text.get(s.article)?.slice(s.start, s.end)]),
    [
      ['w', 'protesters'],
      ['c', 'rioters'],
      ['l', 'protesters'],
    ],
  );
});

test('wordingDifferences(...) ignores spelling edits and alignments with a reconstructed source', () => {
  const { comparison, alignment, W, C } = sampleStory();
  const spelling = structuredClone(alignment.alignments[0]);
  assert.ok(spelling);
  const edit = spelling.passages[0]?.edits[0];
  assert.ok(edit);
  edit.kind = 'spelling';
  edit.framing = false;
  const fromSource = {
    ...structuredClone(alignment.alignments[0]),
    a: 'source:1',
  } as typeof spelling;
  assert.deepEqual(wordingDifferences([spelling, fromSource], comparison.facts, [W.id, C.id]), []);
});

test('wordingDifferences(...) counts a swap inside a paraphrase only when it is inside a quote', () => {
  const { comparison, alignment, W, C } = sampleStory();
  const al = structuredClone(alignment.alignments[0]);
  assert.ok(al?.passages[0]);
  al.passages[0].kind = 'paraphrase';
  const edit = al.passages[0].edits[0];
  assert.ok(edit);
  edit.framing = false;
  assert.equal(wordingDifferences([al], comparison.facts, [W.id, C.id]).length, 0);
  const quote = {
    id: 'quote:1',
    canonical: 'x',
    speaker: null,
    variants: [
      {
        article: W.id,
        text: 'x',
        speaker: null,
        kind: 'identical' as const,
        start: 0,
        end: W.text.length,
      },
    ],
  };
  assert.equal(wordingDifferences([al], comparison.facts, [W.id, C.id], [quote]).length, 1);
});
