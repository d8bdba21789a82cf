import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testArticle } from '../model/article.case.ts';
import type { AgencyMention, Article } from '../model/article.ts';
import { alignPair } from './align-pair.ts';
import { reconstructSources, UNKNOWN_SOURCE, vote } from './reconstruct-sources.ts';

/** An article crediting the given agencies. */
function article(id: string, text: string, credits: string[] = []): Article {
  const mentions: AgencyMention[] = credits.map((name) => ({ name, evidence: `(${name})` }));
  return testArticle(id, text, { credits: mentions });
}

const BASE = [
  'The orders come as countries in the region, where Moscow holds military bases, have raised concerns over the militant group sweeping to power.',
  'Drills involving members of the Collective Security Treaty Organization, a military alliance led by Moscow, are also scheduled in Kyrgyzstan between Sept. 7 and 9.',
  'While the group has said it does not pose a threat to Central Asian countries, the republics in the region have previously been targeted by attacks attributed to allies of Afghan Islamists.',
].join('\n\n');

function pairs(articles: Article[]) {
  const out = [];
  for (let i = 0; i < articles.length; i++) {
    for (let j = i + 1; j < articles.length; j++) {
      out.push(alignPair(articles[i] as Article, articles[j] as Article));
    }
  }
  return out;
}

const copies = [
  article('c1', BASE.replace('militant group', 'terrorist group'), ['Reuters']),
  article(
    'c2',
    `${BASE.replace('Organization', 'Organisation')}\n\nLocal officials said they were watching the border closely.`,
    ['Reuters'],
  ),
  article(
    'c3',
    BASE.replace('Sept. 7', 'September 7').replace('Afghan Islamists', 'Afghan militants'),
    ['AFP'],
  ),
];

test('reconstructSources(articles, alignments) rebuilds the original from three copies with different edits', () => {
  const sources = reconstructSources(copies, pairs(copies));
  assert.equal(sources.length, 1);
  const [s] = sources;
  assert.equal(s?.text, BASE);
  assert.deepEqual(s?.memberIds, ['c1', 'c2', 'c3']);
  assert.match(s?.id ?? '', /^source:[0-9a-f]{16}$/);
});

test('reconstructSources(articles, alignments) expresses each copy as its edits against the source', () => {
  const [s] = reconstructSources(copies, pairs(copies));
  const edits = (id: string) =>
    s?.members.find((m) => m.articleId === id)?.alignment.passages.flatMap((p) => p.edits) ?? [];
  const c1 = edits('c1');
  assert.equal(c1.length, 1);
  assert.deepEqual(
    [c1[0]?.kind, c1[0]?.a, c1[0]?.b, c1[0]?.framing],
    ['substitution', 'militant', 'terrorist', true],
  );
  assert.deepEqual(
    edits('c2').map((e) => [e.kind, e.a, e.b]),
    [['spelling', 'Organization', 'Organisation']],
  );
  assert.deepEqual(
    edits('c3').map((e) => [e.kind, e.a, e.b]),
    [
      ['number-format', 'Sept.', 'September'],
      ['substitution', 'Islamists', 'militants'],
    ],
  );
  const c2 = s?.members.find((m) => m.articleId === 'c2')?.alignment;
  assert.ok((c2?.coverage.b ?? 1) < 1, 'the local paragraph is not in the source');
  assert.equal(c2?.a, s?.id);
});

test('reconstructSources(articles, alignments) credits the agency most copies credit', () => {
  const [s] = reconstructSources(copies, pairs(copies));
  assert.equal(s?.credit, 'Reuters');
  assert.deepEqual(s?.creditedBy, ['c1', 'c2']);
  const uncredited = copies.map((c) => ({ ...c, credits: [] }));
  assert.equal(reconstructSources(uncredited, pairs(uncredited))[0]?.credit, UNKNOWN_SOURCE);
});

test('reconstructSources(articles, alignments) needs three copies to vote', () => {
  const two = copies.slice(0, 2);
  assert.deepEqual(reconstructSources(two, pairs(two)), []);
});

test('vote(readings) takes a strict majority, else the medoid, else the reading without a verdict label', () => {
  assert.equal(
    vote(
      [
        { id: 'a', text: ' fire arms ' },
        { id: 'b', text: ' firearms ' },
        { id: 'c', text: ' fire arms ' },
      ],
      'b',
    ),
    ' fire arms ',
  );
  assert.equal(
    vote(
      [
        { id: 'a', text: " Taliban's " },
        { id: 'b', text: ' the terrorist group ' },
        { id: 'c', text: ' the militant group ' },
      ],
      'b',
    ),
    ' the militant group ',
  );
  assert.equal(
    vote(
      [
        { id: 'a', text: ' Sept. ' },
        { id: 'b', text: ' September ' },
      ],
      'b',
    ),
    ' September ',
  );
});
