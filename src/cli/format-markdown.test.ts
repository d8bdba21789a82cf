import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMarkdown } from './format-markdown.ts';
import { sampleAnalysis } from './sample-analysis.case.ts';

test('formatMarkdown(analysis) writes each article with its metadata, text and removed blocks', () => {
  const md = formatMarkdown(sampleAnalysis());
  assert.match(
    md,
    /^# parallax analysis\n\n2 articles, 1 story, 2 problems\. JSON schema version 1\.\n/,
  );
  assert.match(md, /### 2\. Crane falls at port\n\n- \*\*Source:\*\* `wire\.txt`\n/);
  assert.match(md, /- \*\*Credits:\*\* Meridian Press Agency \(“\(MPA\)”\)\n/);
  assert.match(md, /#### Removed blocks \(4\)\n\n- \*\*header:\*\* MPA WORLD SERVICE\n/);
  assert.match(md, /- \*\*legal:\*\* \(c\) MPA _\(copyright line\)_\n/);
  assert.match(md, /### 1\. \(no headline\)[\s\S]*#### Removed blocks \(0\)\n\nNone\.\n/);
});

test('formatMarkdown(analysis) escapes markup in the article text', () => {
  const md = formatMarkdown(sampleAnalysis());
  assert.ok(md.includes('One worker \\*died\\*.'));
  assert.ok(!md.includes('One worker *died*.'));
});

test('formatMarkdown(analysis) lists stories with their relations, and problems with their location', () => {
  const md = formatMarkdown(sampleAnalysis());
  assert.match(
    md,
    /## Stories\n\n### Story 1: 2 articles\n\n- \(no headline\) \(copy\.html\)\n- Crane falls at port \(Meridian Press Agency\)\n/,
  );
  assert.match(
    md,
    /Relations:\n\n- \*\*duplicate\*\* copy\.html and wire\.txt: containment 0\.90\/0\.95, Jaccard 0\.86, topical 0\.97\n/,
  );
  assert.match(
    md,
    /## Problems\n\n- \*\*error\*\* `empty\.txt` The file is empty\. `ingest\/empty-file`\n- \*\*warning\*\* `feed\.jsonl:3` /,
  );
});
