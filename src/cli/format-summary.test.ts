import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createColors } from './colors.ts';
import { formatSummary } from './format-summary.ts';
import { sampleAnalysis } from './sample-analysis.case.ts';

test('formatSummary(analysis) lists each article with headline, outlet, date and removed blocks by reason', () => {
  const text = formatSummary(sampleAnalysis(), createColors(false));
  assert.match(text, /^2 articles from 2 sources, 2 problems\n/);
  assert.match(
    text,
    /wire\.txt\n {2}Crane falls at port\n {2}Meridian Press Agency · by Ana Kord · 2025-03-05T14:12:00\+01:00 · 10 words\n {2}credited to Meridian Press Agency\n {2}removed 4 blocks: legal 2, header 1, headline 1\n/,
  );
  assert.match(
    text,
    /copy\.html\n {2}\(no headline\)\n {2}unknown outlet · undated · 10 words\n {2}removed nothing\n/,
  );
});

test('formatSummary(analysis) lists stories with their members, and problems with their location', () => {
  const text = formatSummary(sampleAnalysis(), createColors(false));
  assert.match(
    text,
    /Stories \(1\)\n {2}1\. 2 articles: \(no headline\)\n {5}copy\.html\n {5}wire\.txt\n/,
  );
  assert.match(
    text,
    /Problems \(2\)\n {2}error {3}empty\.txt: The file is empty\. \[ingest\/empty-file\]\n {2}warning feed\.jsonl:3: /,
  );
});

test('formatSummary(analysis) colours only when its colours are on', () => {
  assert.ok(!formatSummary(sampleAnalysis(), createColors(false)).includes('\u001b['));
  assert.ok(
    formatSummary(sampleAnalysis(), createColors(true)).includes(
      '\u001b[1mCrane falls at port\u001b[22m',
    ),
  );
});
