import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown } from './render-markdown.ts';
import { sampleAnalysis } from './report.case.ts';

test('renderMarkdown(analysis) writes the brief with numbered citations and the numbered sources', () => {
  const md = renderMarkdown(sampleAnalysis());
  assert.match(md, /^## Crane collapse kills worker$/m);
  assert.match(md, /^1\. \*\*Meridian Press Agency\*\*: “Crane collapse kills worker”/m);
  assert.match(
    md,
    /A crane collapsed at the port on Tuesday, killing one worker\. \*\*\\\[1, 2, 3]\*\*/,
  );
});

test('renderMarkdown(analysis) has GitHub tables for the wording differences and the coverage', () => {
  const md = renderMarkdown(sampleAnalysis());
  assert.match(md, /^\| loaded term \| “protesters” \\\[1, 3] \| “rioters” \\\[2] \|/m);
  assert.match(md, /^\| Fact \| 1 \| 2 \| 3 \| 4 \| Carried by \|$/m);
});

test('renderMarkdown(analysis) labels the provenance summary as generated', () => {
  const md = renderMarkdown(sampleAnalysis());
  assert.match(md, /_Generated from the analysis, not taken from the articles:_\n\nThree outlets/);
});
