import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseJson } from './parse-json.ts';

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'RFE/RL',
  language: 'en',
  authors: [{ name: 'Desk' }],
  items: [
    {
      id: '1',
      url: 'https://rferl.example/a',
      title: 'Russia &amp; allies',
      content_html: '<p>Full <b>story</b></p>',
      summary: 'Short version',
      date_published: '2021-08-24T10:00:00+02:00',
      authors: [{ name: 'Ivan Petrov' }, { name: 'Olga Ivanova' }],
    },
    {
      id: '2',
      external_url: 'https://rferl.example/b',
      content_text: 'Plain text story.',
      language: 'ru',
    },
    { id: '3', title: 'Summary only', summary: 'Just the summary.' },
    { id: '4', title: 'Nothing' },
    'not an object',
  ],
});

test('parseJson(jsonFeed) makes one Source per item, content_html as html and content_text as text', () => {
  const { sources, problems } = parseJson(JSON_FEED, 'feed.json', 100);
  assert.deepEqual(
    sources.map((s) => [s.location, s.format, s.content]),
    [
      ['feed.json#1', 'html', '<p>Full <b>story</b></p>'],
      ['feed.json#2', 'text', 'Plain text story.'],
      ['feed.json#3', 'text', 'Just the summary.'],
    ],
  );
  assert.deepEqual(sources[0]?.meta, {
    url: 'https://rferl.example/a',
    title: 'Russia & allies',
    publishedAt: '2021-08-24T10:00:00+02:00',
    bylines: ['Ivan Petrov', 'Olga Ivanova'],
    outlet: 'RFE/RL',
    language: 'en',
    description: 'Short version',
  });
  assert.deepEqual(sources[1]?.meta, {
    url: 'https://rferl.example/b',
    bylines: ['Desk'],
    outlet: 'RFE/RL',
    language: 'ru',
  });
  assert.deepEqual(
    problems.map((p) => [p.code, p.source]),
    [
      ['ingest/no-text', 'feed.json#4'],
      ['ingest/bad-feed', 'feed.json#5'],
    ],
  );
});

test('parseJson(record) reads one news-please record as one text Source', () => {
  const record = {
    title: 'Kremlin: arms for Central Asia',
    maintext: 'MOSCOW (Reuters) - Russia will supply arms.',
    date_publish: '2021-08-24 10:15:00',
    url: 'https://www.reuters.com/x',
    source_domain: 'www.reuters.com',
    authors: ['Tom Balmforth'],
    language: 'en',
    description: 'Russia said on Tuesday…',
  };
  const { sources, problems } = parseJson(JSON.stringify(record), 'r.json', 100);
  assert.deepEqual(problems, []);
  assert.deepEqual(sources, [
    {
      location: 'r.json',
      format: 'text',
      content: 'MOSCOW (Reuters) - Russia will supply arms.',
      meta: {
        title: 'Kremlin: arms for Central Asia',
        url: 'https://www.reuters.com/x',
        publishedAt: '2021-08-24T10:15:00',
        outlet: 'www.reuters.com',
        bylines: ['Tom Balmforth'],
        language: 'en',
        description: 'Russia said on Tuesday…',
      },
    },
  ]);
});

test('parseJson(array) numbers the records and reports the ones without text', () => {
  const { sources, problems } = parseJson(
    JSON.stringify([{ text: 'one' }, { title: 'two' }, 3]),
    'a.json',
    100,
  );
  assert.deepEqual(
    sources.map((s) => s.location),
    ['a.json#1'],
  );
  assert.deepEqual(
    problems.map((p) => [p.code, p.source]),
    [
      ['ingest/no-text', 'a.json#2'],
      ['ingest/bad-record', 'a.json#3'],
    ],
  );
});

test('parseJson(broken) reports invalid JSON, and a broken JSON Feed as ingest/bad-feed', () => {
  assert.equal(parseJson('{"title": "x", ', 'x.json', 100).problems[0]?.code, 'ingest/bad-json');
  const feed = parseJson('{"version": "https://jsonfeed.org/version/1", "items": [', 'f.json', 100);
  assert.equal(feed.problems[0]?.code, 'ingest/bad-feed');
  assert.match(feed.problems[0]?.message ?? '', /truncated/);
  assert.equal(parseJson('42', 'n.json', 100).problems[0]?.code, 'ingest/bad-json');
});
