import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseOpml } from './parse-opml.ts';

const SUBSCRIPTIONS = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Newsroom feeds</title></head>
  <body>
    <outline text="Wires" title="Wires">
      <outline type="rss" text="MPA" xmlUrl="https://mpa.example/world.rss" htmlUrl="https://mpa.example/"/>
      <outline type="rss" text="Ledger" xmlUrl="https://ledger.example/feed.atom"/>
    </outline>
    <outline type="rss" text="Courier" xmlUrl="https://courier.example/rss"/>
    <outline type="rss" text="MPA again" xmlUrl="https://mpa.example/world.rss"/>
    <outline text="A folder without a feed"/>
  </body>
</opml>`;

test('parseOpml(xml) lists every outline xmlUrl, nested folders included, each once, in document order', () => {
  const { feeds, problems } = parseOpml(SUBSCRIPTIONS, 'subs.opml');
  assert.deepEqual(feeds, [
    'https://mpa.example/world.rss',
    'https://ledger.example/feed.atom',
    'https://courier.example/rss',
  ]);
  assert.deepEqual(problems, []);
});

test('parseOpml(xml) skips a feed URL that is not http(s) with a warning', () => {
  const { feeds, problems } = parseOpml(
    '<opml><body><outline text="Local" xmlUrl="file:///etc/passwd"/><outline xmlUrl="http://a.example/f"/></body></opml>',
    'subs.opml',
  );
  assert.deepEqual(feeds, ['http://a.example/f']);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.code, 'watch/bad-feed-url');
  assert.equal(problems[0]?.severity, 'warning');
  assert.match(problems[0]?.message ?? '', /"Local".*file:\/\/\/etc\/passwd/);
});

test('parseOpml(xml) reports a document that is not OPML, or OPML without feeds, as an error', () => {
  const rss = parseOpml('<rss version="2.0"><channel/></rss>', 'feed.xml');
  assert.deepEqual(rss.feeds, []);
  assert.equal(rss.problems[0]?.code, 'watch/bad-opml');
  assert.match(rss.problems[0]?.message ?? '', /<rss>/);
  const empty = parseOpml('<opml><body><outline text="Nothing"/></body></opml>', 'empty.opml');
  assert.deepEqual(empty.feeds, []);
  assert.equal(empty.problems[0]?.code, 'watch/no-feeds');
  assert.equal(empty.problems[0]?.source, 'empty.opml');
});
