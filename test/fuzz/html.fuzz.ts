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
} from './mutate.ts';

/** HTML syntax spliced into pages: unclosed tags, quotes, comments, CDATA, raw text, entities. */
export const HTML_TOKENS = [
  '<',
  '>',
  '"',
  "'",
  '</',
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<br>',
  '<br><br>',
  '<!--',
  '-->',
  '--!>',
  '<![CDATA[',
  ']]>',
  '<script>',
  '</script>',
  '<style>',
  '<title>',
  '<textarea>',
  '<plaintext>',
  '<svg><path/><path/>',
  '<math>',
  '<template>',
  '<table><tr><td>',
  '<li>',
  '<font>',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&#99999999;',
  '&nbsp',
  '&unknown;',
  '<a href="javascript:alert(1)">',
  '<meta charset="utf-16">',
  '<meta charset="x-bogus">',
  '<html lang="zz-invalid-tag-of-some-length">',
  '<article>',
  '</article>',
  '<h1>',
  '<figure><figcaption>',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  '\ufeff',
];

const NESTING_TAGS = ['div', 'span', 'font', 'p', 'li', 'td', 'b', 'section', 'blockquote', 'a'];

/** JSON-LD as pages carry it: valid, broken, or nested deep. */
const jsonLd = fc.oneof(
  fc
    .record({ headline, body: paragraph, date: dateText, author: headline })
    .map(({ headline: h, body, date, author }) =>
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: h,
        articleBody: body,
        datePublished: date,
        author: { '@type': 'Person', name: author },
      }),
    ),
  fc.constant('{"@type": "NewsArticle", "headline": "cut off'),
  fc.integer({ min: 1, max: 5_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
  fc
    .integer({ min: 1, max: 2_000 })
    .map((n) => `${'{"@graph":['.repeat(n)}{"@type":"NewsArticle"}${']}'.repeat(n)}`),
);

/** A news page: head metadata, navigation, an article with paragraphs and furniture, a footer. */
export const htmlPage: fc.Arbitrary<string> = fc
  .record({
    title: headline,
    paragraphs: fc.array(paragraph, { minLength: 0, maxLength: 12 }),
    date: dateText,
    author: headline,
    lang: fc.constantFrom('en', 'de', 'fr-CA', '', 'x'),
    jsonLd: fc.option(jsonLd, { nil: undefined }),
    nestTag: fc.constantFrom(...NESTING_TAGS),
    nestDepth: depth,
    closeNesting: fc.boolean(),
    attribute: attributeLength,
    charset: fc.constantFrom('utf-8', 'windows-1252', 'iso-8859-1', 'utf-16', 'bogus', ''),
  })
  .map((p) => {
    const open = `<${p.nestTag}>`.repeat(p.nestDepth);
    const close = p.closeNesting ? `</${p.nestTag}>`.repeat(p.nestDepth) : '';
    const body = p.paragraphs.map((text) => `<p>${escapeMarkup(text)}</p>`).join('\n');
    return [
      '<!doctype html>',
      `<html lang="${p.lang}"><head>`,
      p.charset ? `<meta charset="${p.charset}">` : '',
      `<title>${escapeMarkup(p.title)} | The Courier</title>`,
      `<meta property="og:title" content="${escapeMarkup(p.title)}">`,
      `<meta name="author" content="${escapeMarkup(p.author)}">`,
      `<meta property="article:published_time" content="${escapeMarkup(p.date)}">`,
      p.jsonLd === undefined ? '' : `<script type="application/ld+json">${p.jsonLd}</script>`,
      '</head><body>',
      '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>',
      `<div class="x" data-blob="${'x'.repeat(p.attribute)}">`,
      open,
      '<article>',
      `<h1>${escapeMarkup(p.title)}</h1>`,
      `<p class="byline">By ${escapeMarkup(p.author)}</p>`,
      '<figure><img src="a.jpg"><figcaption>Photo: Agency</figcaption></figure>',
      body,
      '<aside>Sign up for our newsletter</aside>',
      '</article>',
      close,
      '</div>',
      '<footer>© 2021 The Courier. All rights reserved.</footer>',
      '</body></html>',
    ].join('\n');
  });

/** Pages, encoded, some damaged, named `.html` or served as text/html. */
export const htmlCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(
    damaged(
      fc.tuple(htmlPage, encoding).map(([page, encode]) => encode(page)),
      HTML_TOKENS,
    ),
    fc.constantFrom('page.html', 'page', 'page.txt', 'https://news.test/2021/08/page'),
    fc.option(
      fc.constantFrom('text/html', 'text/html; charset=iso-8859-1', 'text/html; charset=bogus'),
      { nil: undefined },
    ),
  )
  .map(([bytes, location, contentType]) =>
    contentType === undefined ? { location, bytes } : { location, bytes, contentType },
  );

/** HTML pages through ingest and extract (Readability on linkedom, the metadata readers, the depth fallback). */
export const htmlTarget: FuzzTarget = {
  name: 'html',
  description:
    'HTML pages (deep nesting, huge attributes, unclosed tags/quotes/comments/CDATA, broken JSON-LD, odd charsets) through ingest and extract',
  arbitrary: htmlCase,
  check: ingestAndExtract,
};
