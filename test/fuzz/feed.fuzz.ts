import fc from 'fast-check';
import type { FuzzCase, FuzzTarget } from './fuzz-case.ts';
import { ingestAndExtract } from './invariants.ts';
import {
  attributeLength,
  damaged,
  dateText,
  depth,
  encoding,
  escapeMarkup,
  headline,
  paragraph,
  sometimes,
  word,
} from './mutate.ts';

/** XML and JSON syntax spliced into feeds. */
export const FEED_TOKENS = [
  '<',
  '>',
  '&',
  '"',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '<item>',
  '</item>',
  '<entry>',
  '</entry>',
  '</channel>',
  '<?xml version="1.0" encoding="bogus"?>',
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
  '&lol2;',
  '<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">',
  '<x/>',
  '{',
  '}',
  '[',
  ']',
  '"items":',
  '\\u0000',
  '\\ud800',
  ',',
  'null',
  '\u0000',
];

interface Item {
  title: string;
  body: string;
  date: string;
  author: string;
  link: string;
}

const item: fc.Arbitrary<Item> = fc.record({
  title: headline,
  body: paragraph,
  date: dateText,
  author: fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
  link: fc.constantFrom(
    'https://news.test/a',
    '/relative',
    'javascript:alert(1)',
    '',
    'http://[bad',
  ),
});

const items = fc.oneof(
  { weight: 8, arbitrary: fc.array(item, { maxLength: 12 }) },
  { weight: 1, arbitrary: fc.array(item, { minLength: 50, maxLength: 300 }) },
);

function nested(tag: string, levels: number, inner: string): string {
  return `${`<${tag}>`.repeat(levels)}${inner}${`</${tag}>`.repeat(levels)}`;
}

const rss = fc
  .record({
    items,
    title: headline,
    levels: depth,
    attribute: attributeLength,
    cdata: fc.boolean(),
  })
  .map(({ items: list, title, levels, attribute, cdata }) => {
    const entries = list.map((it, i) => {
      const html = `<p>${escapeMarkup(it.body)}</p>`;
      const content = cdata ? `<![CDATA[${html}]]>` : escapeMarkup(html);
      return [
        '<item>',
        `<title>${escapeMarkup(it.title)}</title>`,
        `<link>${escapeMarkup(it.link)}</link>`,
        `<guid isPermaLink="false">id-${i}</guid>`,
        `<pubDate>${escapeMarkup(it.date)}</pubDate>`,
        `<dc:creator>${escapeMarkup(it.author)}</dc:creator>`,
        `<description>${i === 0 ? nested('b', levels, content) : content}</description>`,
        `<content:encoded>${content}</content:encoded>`,
        '</item>',
      ].join('');
    });
    return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel data-x="${'y'.repeat(attribute)}"><title>${escapeMarkup(title)}</title><language>en</language>\n${entries.join('\n')}\n</channel></rss>`;
  });

const atom = fc
  .record({ items, title: headline, levels: depth, kind: fc.constantFrom('text', 'html', 'xhtml') })
  .map(({ items: list, title, levels, kind }) => {
    const entries = list.map((it) => {
      const body =
        kind === 'xhtml'
          ? `<div xmlns="http://www.w3.org/1999/xhtml">${nested('div', levels, `<p>${escapeMarkup(it.body)}</p>`)}</div>`
          : escapeMarkup(kind === 'html' ? `<p>${it.body}</p>` : it.body);
      return `<entry><title type="html">${escapeMarkup(it.title)}</title><link rel="alternate" href="${escapeMarkup(it.link)}"/><published>${escapeMarkup(it.date)}</published><author><name>${escapeMarkup(it.author)}</name></author><content type="${kind}">${body}</content></entry>`;
    });
    return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>${escapeMarkup(title)}</title>\n${entries.join('\n')}\n</feed>`;
  });

const jsonValue = fc.jsonValue({ maxDepth: 3 });

const jsonFeed = fc
  .record({ items, title: headline, odd: fc.array(jsonValue, { maxLength: 3 }), levels: depth })
  .map(({ items: list, title, odd, levels }) =>
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title,
      nested: JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}` || 'null'),
      items: [
        ...list.map((it, i) => ({
          id: String(i),
          url: it.link,
          title: it.title,
          content_html: i % 2 === 0 ? `<p>${escapeMarkup(it.body)}</p>` : undefined,
          content_text: i % 2 === 1 ? it.body : undefined,
          date_published: it.date,
          authors: [{ name: it.author }],
        })),
        ...odd,
      ],
    }),
  );

/** RSS, Atom and JSON Feeds, encoded, some damaged, some with a lowered item cap. */
export const feedCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    fc.oneof(
      damaged(
        fc.tuple(rss, encoding).map(([xml, encode]) => encode(xml)),
        FEED_TOKENS,
      ),
      damaged(
        fc.tuple(atom, encoding).map(([xml, encode]) => encode(xml)),
        FEED_TOKENS,
      ),
      damaged(
        jsonFeed.map((json) => new Uint8Array(Buffer.from(json))),
        FEED_TOKENS,
      ),
    ),
    fc.constantFrom('feed.xml', 'feed.json', 'feed', 'feed.rss'),
    sometimes(fc.integer({ min: 1, max: 40 })),
  )
  .map(([bytes, location, maxItems]) =>
    maxItems === undefined ? { location, bytes } : { location, bytes, limits: { maxItems } },
  );

/** RSS 2.0, Atom and JSON Feed through ingest (feed readers, item cut, depth cap) and extract. */
export const feedTarget: FuzzTarget = {
  name: 'feed',
  description:
    'RSS/Atom/JSON Feeds (many items, deep XHTML, CDATA, entity declarations, bogus dates and links) through ingest and extract',
  arbitrary: feedCase,
  check: ingestAndExtract,
};
