import { testArticle } from '../model/article.case.ts';
import type {
  Alignment,
  Article,
  CommonSource,
  Comparison,
  FactKind,
  FactUnit,
  Passage,
  ProvenanceGraph,
  Span,
  WordEdit,
} from '../model/index.ts';

// A *.case.ts file: a small hand-made story shared by the brief tests, left
// out of the build. Four articles: a wire story (W) with a dateline, two
// copies (C swaps "protesters" for "rioters" and adds a sentence; L swaps
// "representatives" for "bosses" and drops one), and an article from
// another angle (F).

const SENTENCES = {
  crane: 'A crane collapsed at the port on Tuesday, killing one worker.',
  crowdW:
    'About 200 protesters gathered at the gate before union representatives asked them to leave.',
  crowdC:
    'About 200 rioters gathered at the gate before union representatives asked them to leave.',
  crowdL: 'About 200 protesters gathered at the gate before union bosses asked them to leave.',
  police: 'Police said there were no arrests.',
  town: 'The town opened a book of condolence.',
  freight: 'Shipping lines rerouted cargo to the Calder Terminal on Wednesday.',
};

/** The span of `sentence` in the article's text (the test fails loudly when it is not there). */
export function spanOf(article: Article, words: string): Span {
  const start = article.text.indexOf(words);
  if (start === -1) throw new Error(`"${words}" is not in ${article.id}`);
  return { start, end: start + words.length };
}

function unit(id: string, kind: FactKind, members: [Article, string][]): FactUnit {
  return {
    id,
    kind,
    members: members.map(([a, s]) => ({ article: a.id, ...spanOf(a, s) })),
    text: members[0]?.[1] ?? '',
    articles: [...new Set(members.map(([a]) => a.id))],
  };
}

function swap(a: Article, b: Article, from: string, to: string, loaded: string): WordEdit {
  return {
    kind: 'substitution',
    a: from,
    b: to,
    aSpan: spanOf(a, from),
    bSpan: spanOf(b, to),
    framing: true,
    loaded: [loaded],
  };
}

function passage(a: Article, b: Article, edits: WordEdit[]): Passage {
  return {
    a: { start: 0, end: a.text.length },
    b: { start: 0, end: b.text.length },
    kind: edits.length === 0 ? 'verbatim' : 'edited',
    similarity: 0.95,
    edits,
  };
}

function alignment(a: Article, b: Article, edits: WordEdit[], coverage = 1): Alignment {
  return {
    a: a.id,
    b: b.id,
    coverage: { a: coverage, b: coverage },
    copied: { a: coverage, b: coverage },
    passages: [passage(a, b, edits)],
  };
}

/** The hand-made story: articles, align's and compare's output for it. */
export function sampleStory() {
  const W = testArticle(
    'w',
    `KESTREL BAY, March 5 (MPA) - ${SENTENCES.crane} ${SENTENCES.crowdW}\n\n${SENTENCES.police}`,
    {
      headline: 'Crane collapse kills worker',
      outlet: 'Meridian Press Agency',
      dateline: 'KESTREL BAY',
    },
  );
  const C = testArticle(
    'c',
    `${SENTENCES.crane} ${SENTENCES.crowdC}\n\n${SENTENCES.police} ${SENTENCES.town}`,
    { headline: 'Worker killed as crane collapses', outlet: 'The Coastline Courier' },
  );
  const L = testArticle('l', `${SENTENCES.crane}\n\n${SENTENCES.crowdL}`, {
    outlet: 'The Northern Ledger',
  });
  const F = testArticle('f', SENTENCES.freight, {
    headline: 'Shippers reroute',
    outlet: 'Freightline Weekly',
  });
  const articles = [W, C, L, F];
  const facts = [
    unit('fact:crane', 'verbatim', [
      [W, SENTENCES.crane],
      [C, SENTENCES.crane],
      [L, SENTENCES.crane],
    ]),
    unit('fact:crowd', 'edited', [
      [C, SENTENCES.crowdC],
      [W, SENTENCES.crowdW],
      [L, SENTENCES.crowdL],
    ]),
    unit('fact:police', 'verbatim', [
      [W, SENTENCES.police],
      [C, SENTENCES.police],
    ]),
    unit('fact:town', 'verbatim', [[C, SENTENCES.town]]),
    unit('fact:freight', 'verbatim', [[F, SENTENCES.freight]]),
  ];
  const order = [W.id, C.id, L.id, F.id];
  const comparison: Comparison = {
    facts,
    coverage: {
      articles: order,
      facts: facts.map((f) => f.id),
      matrix: facts.map((f) => order.map((id) => (f.articles.includes(id) ? 1 : 0))),
      perArticle: order.map((id) => ({
        article: id,
        facts: facts.filter((f) => f.articles.includes(id)).length,
        unique: facts
          .filter((f) => f.articles.length === 1 && f.articles[0] === id)
          .map((f) => f.id),
        omissions: [],
      })),
    },
    quoteVariants: [],
    entities: [
      { name: 'Kestrel Bay', kind: 'place', mentions: 3, articles: [W.id, C.id] },
      { name: 'Calder Terminal', kind: 'organization', mentions: 1, articles: [F.id] },
    ],
    timeline: [
      { date: '2025-03-04', text: SENTENCES.crane, fact: 'fact:crane', articles: [W.id, C.id] },
      { date: '2025-03-05', text: SENTENCES.freight, fact: 'fact:freight', articles: [F.id] },
      { date: '2025-03-04', text: SENTENCES.crane, fact: 'fact:crane', articles: [L.id] },
    ],
  };
  const alignments = [
    alignment(W, C, [swap(W, C, 'protesters', 'rioters', 'riot')]),
    alignment(W, L, [swap(W, L, 'representatives', 'bosses', 'boss')], 0.8),
    alignment(C, L, [
      swap(C, L, 'rioters', 'protesters', 'riot'),
      swap(C, L, 'representatives', 'bosses', 'boss'),
    ]),
  ];
  const source = (
    a: Article,
    edits: WordEdit[],
    coverage = 1,
  ): CommonSource['members'][number] => ({
    articleId: a.id,
    alignment: { ...alignment(W, a, edits, coverage), a: 'source:1' },
  });
  const sources: CommonSource[] = [
    {
      id: 'source:1',
      text: W.text,
      credit: 'MPA',
      creditedBy: [W.id],
      memberIds: [C.id, L.id, W.id],
      members: [
        source(C, alignments[0]?.passages[0]?.edits ?? []),
        source(L, alignments[1]?.passages[0]?.edits ?? [], 0.8),
        source(W, []),
      ],
    },
  ];
  const provenance: ProvenanceGraph = {
    nodes: [
      { id: 'source:1', kind: 'source', label: 'MPA', publishedAt: null },
      ...articles.map((a) => ({
        id: a.id,
        kind: 'article' as const,
        label: a.outlet ?? a.id,
        publishedAt: a.publishedAt,
      })),
    ],
    edges: [W, C, L].map((a) => ({
      from: 'source:1',
      to: a.id,
      kind: 'copy' as const,
      directed: true,
      reason: 'a copy of the common source',
      evidence: {
        passages: 1,
        sharedWords: 20,
        coverage: { from: 1, to: 1 },
        publishedAt: { from: null, to: a.publishedAt },
        credits: [],
      },
    })),
  };
  return { articles, W, C, L, F, comparison, alignment: { alignments, sources, provenance } };
}
