import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { StoryAnalysis } from '../src/model/index.ts';
import { analyze } from '../src/pipeline/analyze.ts';
import {
  coverageFigure,
  provenanceFigure,
  renderHtml,
  renderMarkdown,
  storyIds,
  storyViews,
} from '../src/report/index.ts';
import { completeAnalysis, exampleAnalysis, repoRoot } from './report-example.case.ts';

// Snapshots of the figures and the Markdown report of the bundled example,
// byte for byte (like Observable Plot's test/plots). When a stage changes
// what it finds, look at the new files and rewrite them with
// UPDATE_SNAPSHOTS=1 node --test test/report-snapshots.test.ts

const DIR = join(repoRoot(), 'test', 'snapshots', 'harbour-crane');
const UPDATE = process.env['UPDATE_SNAPSHOTS'] === '1';

function matchSnapshot(name: string, actual: string, t: { diagnostic: (m: string) => void }): void {
  const path = join(DIR, name);
  if (UPDATE || !existsSync(path)) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(path, actual);
    t.diagnostic(`wrote ${path}`);
    return;
  }
  const expected = readFileSync(path, 'utf8');
  assert.ok(
    actual === expected,
    `${name} differs from test/snapshots/harbour-crane/${name}; if the change is right, rerun with UPDATE_SNAPSHOTS=1`,
  );
}

async function firstStory() {
  const analysis = await exampleAnalysis();
  const [view] = storyViews(analysis);
  assert.ok(view?.analysis, 'the example forms one analysed story');
  return { analysis, view, story: view.analysis as StoryAnalysis, ids: storyIds(view) };
}

test('the provenance graph of the bundled example matches its SVG snapshot', async (t) => {
  const { view, story, ids } = await firstStory();
  matchSnapshot('provenance.svg', `${provenanceFigure(view, ids, story)}\n`, t);
});

test('the coverage heat map of the bundled example matches its SVG snapshot', async (t) => {
  const { view, story, ids } = await firstStory();
  matchSnapshot('coverage.svg', `${coverageFigure(view, ids, story)}\n`, t);
});

test('the Markdown report of the bundled example matches its snapshot', async (t) => {
  const { analysis } = await firstStory();
  matchSnapshot('report.md', renderMarkdown(analysis), t);
});

test('renderHtml and renderMarkdown give the same bytes for two runs of the pipeline on the same inputs', async () => {
  const first = await exampleAnalysis();
  const second = completeAnalysis(await analyze(['examples/harbour-crane'], { cwd: repoRoot() }));
  assert.equal(renderHtml(second), renderHtml(first));
  assert.equal(renderMarkdown(second), renderMarkdown(first));
});
