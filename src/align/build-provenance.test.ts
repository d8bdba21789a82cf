import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testArticle } from '../model/article.case.ts';
import type { Article } from '../model/article.ts';
import { alignPair } from './align-pair.ts';
import { buildProvenance } from './build-provenance.ts';
import { reconstructSources } from './reconstruct-sources.ts';

const TEXT =
  'Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics bordering Afghanistan following the takeover of the country by the Taliban. Uzbekistan and Tajikistan earlier this month held joint military exercises with Russia close to their borders with Afghanistan.';

test('buildProvenance(articles, alignments) directs a copy from the earlier article to the later one', () => {
  const a = testArticle('a', TEXT, { publishedAt: '2021-08-26T10:00:00Z' });
  const b = testArticle('b', TEXT.replace('militant', 'terrorist'), {
    publishedAt: '2021-08-27T08:00:00Z',
  });
  const g = buildProvenance([b, a], [alignPair(a, b)]);
  const edge = g.edges.find((e) => e.kind === 'copy');
  assert.deepEqual([edge?.from, edge?.to, edge?.directed], ['a', 'b', true]);
  assert.match(edge?.reason ?? '', /published earlier/);
  assert.equal(edge?.evidence.passages, 1);
  assert.deepEqual(edge?.evidence.publishedAt, {
    from: '2021-08-26T10:00:00Z',
    to: '2021-08-27T08:00:00Z',
  });
  assert.ok((edge?.evidence.sharedWords ?? 0) > 30);
});

test('buildProvenance(articles, alignments) directs a copy by credit before time', () => {
  const a = testArticle('a', TEXT, { outlet: 'Reuters', publishedAt: '2021-08-27' });
  const b = testArticle('b', TEXT, {
    publishedAt: '2021-08-26',
    credits: [{ name: 'Reuters', evidence: '-REUTERS' }],
  });
  const edge = buildProvenance([a, b], [alignPair(a, b)]).edges.find((e) => e.kind === 'copy');
  assert.deepEqual([edge?.from, edge?.to, edge?.directed], ['a', 'b', true]);
  assert.deepEqual(edge?.evidence.credits, ['-REUTERS']);
});

test('buildProvenance(articles, alignments) leaves an edge undirected with the reason when nothing tells', () => {
  const a = testArticle('a', TEXT);
  const b = testArticle('b', TEXT, { publishedAt: '2021-08-27' });
  const [edge] = buildProvenance([a, b], [alignPair(a, b)]).edges;
  assert.equal(edge?.directed, false);
  assert.match(edge?.reason ?? '', /neither a publication time nor a credit/);
  const c = testArticle('c', TEXT, { publishedAt: '2021-08-27T09:00:00Z' });
  const [same] = buildProvenance([b, c], [alignPair(b, c)]).edges;
  assert.equal(same?.directed, false);
  assert.match(same?.reason ?? '', /same day/);
});

test('buildProvenance(articles, alignments, sources) hangs copies off their common source and its agency', () => {
  const copies = [
    testArticle('c1', TEXT, { credits: [{ name: 'Reuters', evidence: '(Reuters)' }] }),
    testArticle('c2', TEXT.replace('Thursday', 'on Thursday'), {
      credits: [{ name: 'Reuters', evidence: 'Reuters' }],
    }),
    testArticle('c3', TEXT.replace('earlier this month', 'this month'), {
      cites: [{ name: 'RIA Novosti', evidence: 'told the RIA Novosti news agency' }],
    }),
  ];
  const als = [
    alignPair(copies[0] as Article, copies[1] as Article),
    alignPair(copies[0] as Article, copies[2] as Article),
    alignPair(copies[1] as Article, copies[2] as Article),
  ];
  const sources = reconstructSources(copies, als);
  const g = buildProvenance(copies, als, sources);
  const sid = sources[0]?.id as string;
  assert.deepEqual(
    g.nodes.map((n) => [n.kind, n.id]),
    [
      ['source', sid],
      ['agency', 'agency:RIA Novosti'],
      ['agency', 'agency:Reuters'],
      ['article', 'c1'],
      ['article', 'c2'],
      ['article', 'c3'],
    ],
  );
  const kinds = g.edges.map((e) => `${e.kind} ${e.from} -> ${e.to}`);
  assert.deepEqual(
    kinds.sort(),
    [
      'cite agency:RIA Novosti -> c3',
      `copy ${sid} -> c1`,
      `copy ${sid} -> c2`,
      `copy ${sid} -> c3`,
      `credit agency:Reuters -> ${sid}`,
    ].sort(),
  );
  assert.ok(g.edges.every((e) => e.directed));
});

const LIBRARY = [
  'The city council approved a new budget for the central library on Tuesday evening.',
  'Opening hours will grow from next spring, with Sunday afternoons added for families.',
  'The reading room on the second floor gets new lamps, chairs and a quiet corner for students.',
  'Librarians asked for more staff to run the children programme and the weekly language cafe.',
  'A survey last year found that most visitors came for the free internet and the newspapers.',
  'The mayor said the plan was modest but would be reviewed once the winter accounts are closed.',
  'Critics wanted the money spent on school roofs, which have leaked for three winters now.',
  'Work on the building is to start in March and last about six weeks, the council said.',
].join(' ');
const HARBOUR = [
  'The harbour reopened on Monday after a week of storms kept the fishing fleet ashore.',
  'Traders at the fish market expected prices to settle once the first catches were landed.',
  'The pilots union warned that two of the four tugs still need repairs before the busy season.',
  'A ferry to the islands resumed its timetable, though the evening crossing stays cancelled.',
  'Port officials said the breakwater held up well and the damage was limited to one pier.',
  'Insurers are sending assessors on Thursday to look at the cranes on the container quay.',
  'Shipping agents said they hoped to clear the backlog of cargo by the end of next week.',
  'The coast guard thanked volunteers who moved small boats to safety during the worst night.',
].join(' ');

test('buildProvenance(articles, alignments) draws no edge for a pair sharing only a stray sentence', () => {
  const shared = 'Russia said Thursday it has received new orders for arms and helicopters.';
  const a = testArticle('a', `${LIBRARY} ${shared}`);
  const b = testArticle('b', `${shared} ${HARBOUR}`);
  const al = alignPair(a, b);
  assert.equal(al.passages.length, 1);
  assert.ok(Math.max(al.coverage.a, al.coverage.b) < 0.1);
  assert.deepEqual(buildProvenance([a, b], [al]).edges, []);
});
