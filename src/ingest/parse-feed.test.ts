import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeed } from './parse-feed.ts';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>The Moscow Times</title>
    <link>https://www.themoscowtimes.com</link>
    <language>en-us</language>
    <item>
      <title>Russia to Supply Arms to Central Asia &amp; Tajikistan</title>
      <link>https://www.themoscowtimes.com/2021/08/24/arms</link>
      <guid isPermaLink="false">mt-1</guid>
      <pubDate>Tue, 24 Aug 2021 10:15:00 +0300</pubDate>
      <dc:creator>Reuters</dc:creator>
      <description>Moscow will send weapons to its allies.</description>
      <content:encoded><![CDATA[<p>Russia will supply arms to Central Asian states, the Kremlin said.</p><p>More follows.</p>]]></content:encoded>
    </item>
    <item>
      <title>Putin warns of refugees</title>
      <link>https://www.themoscowtimes.com/2021/08/22/refugees</link>
      <pubDate>Sun, 22 Aug 2021 18:00:00 GMT</pubDate>
      <author>desk@example.org (Jane Roe)</author>
      <description>&lt;p&gt;Putin said militants could pose as refugees.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Plain summary only</title>
      <description>The CSTO will hold drills in Tajikistan.</description>
    </item>
    <item>
      <title>Headline without a body</title>
      <link>https://www.themoscowtimes.com/2021/08/20/empty</link>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="html">Campus &amp;amp; World</title>
  <author><name>Newsroom</name></author>
  <entry>
    <title>Russia ramps up arms deliveries</title>
    <link rel="self" href="https://campus.example/feed/1"/>
    <link rel="alternate" type="text/html" href="https://campus.example/news/arms"/>
    <id>tag:campus.example,2021:1</id>
    <published>2021-08-25T09:00:00-04:00</published>
    <updated>2021-08-26T09:00:00-04:00</updated>
    <author><name>Sam Student</name></author>
    <summary>Several orders were placed.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Russia has received <em>several orders</em>, an official said.</p></div></content>
  </entry>
  <entry>
    <title>Second entry</title>
    <link href="https://campus.example/news/second"/>
    <updated>2021-08-27T10:00:00Z</updated>
    <content type="html">&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt; body.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Text entry</title>
    <updated>2021-08-28T10:00:00Z</updated>
    <summary type="text">A plain summary with a literal a &lt; b.</summary>
  </entry>
</feed>`;

test('parseFeed(rss) makes one Source per item with content:encoded as the body and the description as meta', () => {
  const { sources, problems } = parseFeed(RSS, 'mt.xml', 100);
  assert.deepEqual(
    sources.map((s) => [s.location, s.format]),
    [
      ['mt.xml#1', 'html'],
      ['mt.xml#2', 'html'],
      ['mt.xml#3', 'text'],
    ],
  );
  const [first, second, third] = sources;
  assert.match(first?.content ?? '', /^<p>Russia will supply arms/);
  assert.deepEqual(first?.meta, {
    url: 'https://www.themoscowtimes.com/2021/08/24/arms',
    title: 'Russia to Supply Arms to Central Asia & Tajikistan',
    publishedAt: '2021-08-24T10:15:00+03:00',
    bylines: ['Reuters'],
    outlet: 'The Moscow Times',
    language: 'en-us',
    description: 'Moscow will send weapons to its allies.',
  });
  assert.equal(second?.content, '<p>Putin said militants could pose as refugees.</p>');
  assert.deepEqual(second?.meta.bylines, ['Jane Roe']);
  assert.equal(second?.meta.publishedAt, '2021-08-22T18:00:00Z');
  assert.equal(second?.meta.description, undefined);
  assert.equal(third?.content, 'The CSTO will hold drills in Tajikistan.');
  assert.deepEqual(
    problems.map((p) => [p.code, p.source]),
    [['ingest/no-text', 'mt.xml#4']],
  );
  assert.match(problems[0]?.message ?? '', /2021\/08\/20\/empty/);
});

test('parseFeed(atom) reads xhtml and escaped html content, alternate links, published dates and authors', () => {
  const { sources, problems } = parseFeed(ATOM, 'campus.atom', 100);
  assert.deepEqual(problems, []);
  assert.equal(sources.length, 3);
  const [first, second, third] = sources;
  assert.equal(first?.format, 'html');
  assert.match(
    first?.content ?? '',
    /<p>Russia has received <em>several orders<\/em>, an official said\.<\/p>/,
  );
  assert.deepEqual(first?.meta, {
    url: 'https://campus.example/news/arms',
    title: 'Russia ramps up arms deliveries',
    publishedAt: '2021-08-25T09:00:00-04:00',
    bylines: ['Sam Student'],
    outlet: 'Campus & World',
    language: 'en',
    description: 'Several orders were placed.',
  });
  assert.equal(second?.content, '<p>Escaped <b>HTML</b> body.</p>');
  assert.deepEqual(second?.meta.bylines, ['Newsroom']);
  assert.equal(second?.meta.publishedAt, '2021-08-27T10:00:00Z');
  assert.deepEqual(
    [third?.format, third?.content],
    ['text', 'A plain summary with a literal a < b.'],
  );
});

test('parseFeed(rdf) reads RSS 1.0 items that sit beside the channel', () => {
  const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://wire.example/"><title>Wire</title></channel>
  <item rdf:about="https://wire.example/1"><title>One</title><link>https://wire.example/1</link>
    <description>First story.</description><dc:date>2021-08-24T07:00:00+00:00</dc:date><dc:creator>A. Writer</dc:creator></item>
</rdf:RDF>`;
  const { sources } = parseFeed(rdf, 'wire.rdf', 100);
  assert.equal(sources.length, 1);
  assert.deepEqual(sources[0]?.meta, {
    url: 'https://wire.example/1',
    title: 'One',
    publishedAt: '2021-08-24T07:00:00Z',
    bylines: ['A. Writer'],
    outlet: 'Wire',
  });
});

test('parseFeed(xml) reports a document that is not a feed as ingest/bad-feed', () => {
  const { sources, problems } = parseFeed(
    '<?xml version="1.0"?><catalog><book/></catalog>',
    'books.xml',
    100,
  );
  assert.deepEqual(sources, []);
  assert.equal(problems[0]?.code, 'ingest/bad-feed');
  assert.match(problems[0]?.message ?? '', /<catalog>/);
});

test('parseFeed(truncated) keeps the items before the cut and warns that the feed is truncated', () => {
  const cut = RSS.slice(0, RSS.indexOf('<item>', RSS.indexOf('Plain summary') - 40) + 20);
  const { sources, problems } = parseFeed(cut, 'mt.xml', 100);
  assert.equal(sources.length, 2);
  const bad = problems.find((p) => p.code === 'ingest/bad-feed');
  assert.equal(bad?.severity, 'warning');
  assert.match(bad?.message ?? '', /<\/rss>/);
});

test('parseFeed(rss, _, maxItems) stops at the cap and reports how many items were left', () => {
  const { sources, problems } = parseFeed(RSS, 'mt.xml', 2);
  assert.equal(sources.length, 2);
  assert.deepEqual(
    problems.map((p) => p.code),
    ['ingest/too-many-items'],
  );
  assert.match(problems[0]?.message ?? '', /2 more/);
});
