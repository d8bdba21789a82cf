import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJsonl } from './parse-jsonl.ts';

const LINES = [
  JSON.stringify({
    title: 'Russia to supply arms',
    maintext: 'Russia will supply arms to Central Asian states.',
    date_publish: '2021-08-24 10:15:00',
    url: 'https://a.example/1',
    source_domain: 'a.example',
    authors: ['Ann Lee', 'Bo Chen'],
    language: 'en',
  }),
  '{"title": "broken", "maintext": "cut off',
  '',
  JSON.stringify({ title: 'No body here', url: 'https://a.example/3' }),
  JSON.stringify({ text: 'CC-News style text field.', date_publish: 'sometime' }),
  '[1, 2]',
].join('\n');

test('parseJsonl(lines) reads each crawler record as a text Source at location#line', () => {
  const { sources } = parseJsonl(LINES, 'cc.jsonl', 100);
  assert.deepEqual(
    sources.map((s) => [s.location, s.format, s.content]),
    [
      ['cc.jsonl#1', 'text', 'Russia will supply arms to Central Asian states.'],
      ['cc.jsonl#5', 'text', 'CC-News style text field.'],
    ],
  );
  assert.deepEqual(sources[0]?.meta, {
    title: 'Russia to supply arms',
    url: 'https://a.example/1',
    publishedAt: '2021-08-24T10:15:00',
    outlet: 'a.example',
    bylines: ['Ann Lee', 'Bo Chen'],
    language: 'en',
  });
});

test('parseJsonl(lines) reports bad lines, records without text and unreadable dates with their line', () => {
  const { problems } = parseJsonl(LINES, 'cc.jsonl', 100);
  assert.deepEqual(
    problems.map((p) => [p.code, p.line, p.severity]),
    [
      ['ingest/bad-jsonl-line', 2, 'error'],
      ['ingest/no-text', 4, 'error'],
      ['ingest/bad-date', 5, 'warning'],
      ['ingest/bad-jsonl-line', 6, 'error'],
    ],
  );
  assert.match(problems[1]?.message ?? '', /No body here/);
});

test('parseJsonl(lines, _, maxItems) stops at the cap and counts the records left unread', () => {
  const many = Array.from({ length: 5 }, (_, i) => JSON.stringify({ text: `story ${i}` })).join(
    '\r\n',
  );
  const { sources, problems } = parseJsonl(many, 'm.jsonl', 3);
  assert.equal(sources.length, 3);
  assert.equal(sources[2]?.content, 'story 2');
  assert.deepEqual(
    problems.map((p) => [p.code, p.line]),
    [['ingest/too-many-items', 4]],
  );
  assert.match(problems[0]?.message ?? '', /2 more/);
});
