import type { Analysis, Article } from '../model/index.ts';

// A *.case.ts file: shared by tests, left out of the build (tsconfig.build.json).

/** A small hand-made analysis for the formatter tests: two articles, one story, two problems. */
export function sampleAnalysis(): Analysis {
  const wire: Article = {
    id: '00000000000000aa',
    source: 'wire.txt',
    url: null,
    headline: 'Crane falls at port',
    bylines: ['Ana Kord'],
    publishedAt: '2025-03-05T14:12:00+01:00',
    dateline: 'KESTREL BAY',
    outlet: 'Meridian Press Agency',
    credits: [{ name: 'Meridian Press Agency', evidence: '(MPA)' }],
    cites: [],
    language: 'en',
    text: 'KESTREL BAY (MPA) - A crane fell.\n\nOne worker *died*.',
    paragraphs: ['KESTREL BAY (MPA) - A crane fell.', 'One worker *died*.'],
    removed: [
      { text: 'MPA WORLD SERVICE', reason: 'header' },
      { text: 'Crane falls at port', reason: 'headline' },
      { text: '(c) MPA', reason: 'legal', detail: 'copyright line' },
      { text: '(c) MPA 2025', reason: 'legal' },
    ],
  };
  const copy: Article = {
    ...wire,
    id: '00000000000000bb',
    source: 'copy.html',
    url: 'https://courier.example/crane',
    headline: null,
    bylines: [],
    publishedAt: null,
    outlet: null,
    credits: [],
    removed: [],
  };
  return {
    schemaVersion: 1,
    articles: [copy, wire],
    stories: [
      {
        id: 'story1',
        articleIds: [copy.id, wire.id],
        relations: [
          {
            a: copy.id,
            b: wire.id,
            kind: 'duplicate',
            containmentAB: 0.9,
            containmentBA: 0.95,
            jaccard: 0.86,
            topical: 0.97,
          },
        ],
      },
    ],
    topics: [],
    problems: [
      {
        code: 'ingest/empty-file',
        message: 'The file is empty.',
        source: 'empty.txt',
        severity: 'error',
      },
      {
        code: 'ingest/bad-line',
        message: 'Line 3 is not JSON.',
        source: 'feed.jsonl',
        line: 3,
        severity: 'warning',
      },
    ],
  };
}
