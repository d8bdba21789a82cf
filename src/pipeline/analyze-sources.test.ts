import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Source } from '../model/index.ts';
import { analyzeSources } from './analyze-sources.ts';
import type { PipelineStep } from './step.ts';
import { EXTRACT_STEPS } from './steps.ts';

function article(location: string, headline: string, body: string): Source {
  return { location, format: 'text', content: `${headline}\n\n${body}\n`, meta: {} };
}

const BODY =
  'The council voted on Tuesday to close the old bridge over the river for repairs that will take most of the summer, a spokeswoman said.\n\nDrivers will be sent along the ring road, and a temporary footbridge will open next to the old one in early June.';

const SOURCES = [
  article('b.txt', 'Bridge to close for repairs', BODY),
  article('a.txt', 'Old bridge shuts for the summer', BODY.replace('Tuesday', 'Monday')),
  article('c.txt', 'Council closes bridge', BODY.replace('spokeswoman', 'spokesman')),
];

test('analyzeSources(sources) returns articles sorted by source, whatever the input order', () => {
  const forward = analyzeSources(SOURCES);
  const backward = analyzeSources([...SOURCES].reverse());
  assert.deepEqual(
    forward.articles.map((a) => a.source),
    ['a.txt', 'b.txt', 'c.txt'],
  );
  assert.equal(JSON.stringify(forward), JSON.stringify(backward));
});

test('analyzeSources(sources) reads a location given twice once', () => {
  const first = SOURCES[0] as Source;
  const analysis = analyzeSources([first, first]);
  assert.equal(analysis.articles.length, 1);
});

test('analyzeSources(sources) puts every problem in the result, sorted by source', () => {
  const empty: Source = { location: 'empty.txt', format: 'text', content: '   ', meta: {} };
  const analysis = analyzeSources([empty, ...SOURCES], { steps: EXTRACT_STEPS });
  assert.equal(analysis.articles.length, 3);
  assert.ok(analysis.problems.some((p) => p.source === 'empty.txt'));
  const sources = analysis.problems.map((p) => p.source);
  assert.deepEqual(sources, [...sources].sort());
});

test('analyzeSources(sources, {steps}) runs an added step after extraction and keeps what it adds', () => {
  const seen: string[] = [];
  const oneStory: PipelineStep = {
    name: 'group-all',
    run(state) {
      seen.push(...state.articles.map((a) => a.source));
      const ids = state.articles.map((a) => a.id).sort();
      return { ...state, stories: [{ id: 'all', articleIds: ids, relations: [] }] };
    },
  };
  const events: string[] = [];
  const analysis = analyzeSources(SOURCES, {
    steps: [...EXTRACT_STEPS, oneStory],
    onProgress: (e) => events.push(`${e.phase} ${e.done}/${e.total}`),
  });
  assert.deepEqual(seen, ['a.txt', 'b.txt', 'c.txt']);
  assert.equal(analysis.stories.length, 1);
  assert.equal(analysis.stories[0]?.articleIds.length, 3);
  assert.deepEqual(events, ['extract 0/3', 'extract 3/3', 'group-all 0/3', 'group-all 3/3']);
});

test('analyzeSources(sources) throws a TypeError when sources is not an array', () => {
  assert.throws(() => analyzeSources('a.txt' as unknown as Source[]), {
    name: 'TypeError',
    message: 'Expected an array of Source records, got string',
  });
});

test('analyzeSources(sources) hands the later steps no sources once extracted, and leaves the caller array as it was', () => {
  const given = [...SOURCES];
  let sourcesAfterExtract = -1;
  const probe: PipelineStep = {
    name: 'probe',
    run(state) {
      sourcesAfterExtract = state.sources.length;
      return state;
    },
  };
  const analysis = analyzeSources(given, { steps: [...EXTRACT_STEPS, probe] });
  assert.equal(analysis.articles.length, 3);
  // Dropped so their text (often whole HTML pages) is freed while the later steps run.
  assert.equal(sourcesAfterExtract, 0);
  assert.deepEqual(given, SOURCES);
});
