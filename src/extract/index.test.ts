import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Source } from '../model/index.ts';
import { extractArticle, extractArticles } from './index.ts';

const P1 =
  'Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics.';
const P2 =
  'The orders come as countries in the ex-Soviet region have raised concerns over the militant group, officials told the RIA Novosti news agency.';
const P3 =
  'Uzbekistan and Tajikistan earlier this month held joint military exercises with Russia close to the border.';
const H_CREDITS = 'Russia to supply weapons to Afghan neighbours';
const TEMPLATE = 'Download the Example News app for iPhone and Android';

const text = (location: string, content: string, meta: Source['meta'] = {}): Source => ({
  location,
  format: 'text',
  content,
  meta,
});

test('extractArticles(batch) removes a line repeated verbatim across articles of one outlet as a template', () => {
  const a = text('a.txt', ['Ports reopen after the storm', P1, P2, TEMPLATE].join('\n\n'), {
    outlet: 'Example News',
  });
  const b = text(
    'b.txt',
    [
      'Cranes idle at the harbour',
      P3,
      'Dock workers said the cranes had not moved in a week, the union said.',
      TEMPLATE,
    ].join('\n\n'),
    {
      outlet: 'Example News',
    },
  );
  const { articles, problems } = extractArticles([a, b]);
  assert.deepEqual(problems, []);
  for (const article of articles) {
    assert.ok(!article.text.includes(TEMPLATE));
    const block = article.removed.find((r) => r.text === TEMPLATE);
    assert.equal(block?.reason, 'template');
  }
  // Read alone, an article has no batch to show the template.
  assert.ok(extractArticle(a).article?.text.includes(TEMPLATE));
});

test('extractArticles(batch) keeps story sentences that wire copies of unknown outlets share', () => {
  const a = text('a.txt', ['Russia to supply weapons', P1, P3].join('\n\n'));
  const b = text('b.txt', ['Russia ships arms to allies', P2, P3].join('\n\n'));
  const { articles } = extractArticles([a, b]);
  for (const article of articles) assert.ok(article.text.includes(P3));
});

test('extractArticle(markdown) strips the syntax, takes the headline from the first heading and drops image captions', () => {
  const md = [
    '# Russia to *Supply* Weapons',
    '',
    '![Russia is the world’s second-largest arms exporter.](arms.jpg)',
    '',
    `Russia said **Thursday** it has received [new orders](https://example.test/orders) for arms and helicopters from Central Asian republics.`,
    '',
    '## Military exercises',
    '',
    P3,
    '',
    'READ MORE: Taliban sitting on untapped trove of minerals',
  ].join('\n');
  const { article, problems } = extractArticle({
    location: 'a.md',
    format: 'markdown',
    content: md,
    meta: {},
  });
  assert.deepEqual(problems, []);
  assert.equal(article?.headline, 'Russia to Supply Weapons');
  assert.deepEqual(article?.paragraphs, [P1, P3]);
  assert.deepEqual(
    article?.removed.map((r) => [r.reason, r.text]),
    [
      ['headline', 'Russia to Supply Weapons'],
      ['caption', 'Russia is the world’s second-largest arms exporter.'],
      ['subheading', 'Military exercises'],
      ['related-link', 'READ MORE: Taliban sitting on untapped trove of minerals'],
    ],
  );
});

test('extractArticle(source) reports extract/no-body with what it found and a pointer to --keep-all', () => {
  const source = text(
    'furniture.txt',
    'Loading...\n\nShare\n\nSign up for our free weekly newsletter\n\nRead more',
  );
  const { article, problems } = extractArticle(source);
  assert.equal(article, null);
  assert.equal(problems.length, 1);
  const problem = problems[0];
  assert.equal(problem?.code, 'extract/no-body');
  assert.equal(problem?.source, 'furniture.txt');
  assert.equal(problem?.severity, 'error');
  assert.match(problem?.message ?? '', /4 blocks/);
  assert.match(problem?.message ?? '', /newsletter/);
  assert.match(problem?.message ?? '', /--keep-all/);
  // The batch carries on past it.
  const batch = extractArticles([source, text('ok.txt', [P1, P2].join('\n\n'))]);
  assert.equal(batch.articles.length, 1);
  assert.deepEqual(
    batch.problems.map((p) => p.source),
    ['furniture.txt'],
  );
});

test('extractArticle(empty source) says nothing was found', () => {
  const { article, problems } = extractArticle(text('empty.txt', '  \n'));
  assert.equal(article, null);
  assert.match(problems[0]?.message ?? '', /found no text/);
});

test('extractArticle(source, keepAll) keeps every block in place but still lists and reads the furniture', () => {
  const content = [
    'Russia to supply weapons to Afghan neighbours',
    'by Jane Doe',
    `MOSCOW, Aug 26: ${P1}`,
    'Loading...',
    `${P2}    -REUTERS`,
  ].join('\n\n');
  const normal = extractArticle(text('a.txt', content)).article;
  const all = extractArticle(text('a.txt', content), { keepAll: true }).article;
  assert.deepEqual(normal?.paragraphs, [P1, P2]);
  assert.deepEqual(
    all?.paragraphs,
    content.split('\n\n').map((p) => p.replace(/\s+/g, ' ')),
  );
  assert.deepEqual(
    all?.removed.map((r) => r.reason),
    normal?.removed.map((r) => r.reason),
  );
  assert.equal(all?.headline, 'Russia to supply weapons to Afghan neighbours');
  assert.deepEqual(all?.bylines, ['Jane Doe']);
  assert.equal(all?.dateline, 'MOSCOW');
  assert.deepEqual(all?.credits, [{ name: 'Reuters', evidence: '-REUTERS' }]);
});

test('extractArticle(source) takes url, outlet, date and language from the container when the page lacks them', () => {
  const { article, problems } = extractArticle(
    text('feed.xml#3', 'Short item text here.', {
      url: 'https://www.example.com/a',
      outlet: 'Example News',
      publishedAt: 'Fri, 27 Aug 2021 10:35:00 +0600',
      language: 'en-GB',
      title: 'Feed title',
      bylines: ['Jane Doe'],
    }),
  );
  assert.deepEqual(problems, []);
  assert.equal(article?.url, 'https://www.example.com/a');
  assert.equal(article?.outlet, 'Example News');
  assert.equal(article?.publishedAt, '2021-08-27T10:35:00+06:00');
  assert.equal(article?.language, 'en');
  assert.equal(article?.headline, 'Feed title');
  assert.deepEqual(article?.bylines, ['Jane Doe']);
});

test('extractArticle(source) warns about a container date it cannot read and falls back to the page', () => {
  const { article, problems } = extractArticle(
    text('a.txt', ['Monday, Aug 23, 2021 - 02:03 PM', P1].join('\n\n'), {
      publishedAt: 'last Tuesday',
    }),
  );
  assert.equal(article?.publishedAt, '2021-08-23T14:03');
  assert.equal(problems[0]?.code, 'extract/bad-date');
  assert.equal(problems[0]?.severity, 'warning');
});

test('extractArticle(source) gives the same id for the same article and another for changed text', () => {
  const content = ['Russia to supply weapons', P1, P2].join('\n\n');
  const a = extractArticle(text('a.txt', content)).article;
  const b = extractArticle(text('elsewhere/b.txt', content)).article;
  const c = extractArticle(text('a.txt', content.replace('Thursday', 'Friday'))).article;
  // The outlet is part of the article: the same text from another outlet is another article.
  const d = extractArticle(text('a.txt', content, { outlet: 'Example News' })).article;
  assert.equal(a?.id, b?.id);
  assert.notEqual(a?.id, c?.id);
  assert.notEqual(a?.id, d?.id);
});

test('extractArticle(html) reads the page through the HTML extractor and cleans its paragraphs', () => {
  const html = `<!doctype html><html lang="en"><head><title>Russia to supply weapons</title>
    <meta property="og:site_name" content="Example News"></head><body><article>
    <h1>Russia to supply weapons</h1><p>MOSCOW, Aug 26: ${P1}</p><p>${P2} -REUTERS</p></article></body></html>`;
  const { article, problems } = extractArticle({
    location: 'a.html',
    format: 'html',
    content: html,
    meta: {},
  });
  assert.deepEqual(problems, []);
  assert.equal(article?.headline, 'Russia to supply weapons');
  assert.equal(article?.dateline, 'MOSCOW');
  assert.deepEqual(article?.paragraphs, [P1, P2]);
  assert.deepEqual(
    article?.credits.map((c) => c.name),
    ['Reuters'],
  );
});

test('extractArticle(html) lists the furniture, dateline and sign-off in removed in page order', () => {
  const html = `<!doctype html><html lang="en"><head><title>Russia to supply weapons</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav><article>
    <h1>Russia to supply weapons</h1><p>MOSCOW, Aug 26 (Reuters) - ${P1}</p>
    <figure><img src="a.jpg"><figcaption>Russian tanks during joint exercises. Photo: Ivan Petrov</figcaption></figure>
    <p>${P2}</p><p>${P3} -REUTERS</p>
    <div class="share">Share this story on Facebook</div></article>
    <footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>`;
  const source: Source = { location: 'a.html', format: 'html', content: html, meta: {} };
  const inPageOrder = [
    'navigation: Home World',
    'headline: Russia to supply weapons',
    'dateline: MOSCOW, Aug 26 (Reuters) -',
    'caption: Russian tanks during joint exercises. Photo: Ivan Petrov',
    'credit-line: -REUTERS',
    'share: Share this story on Facebook',
    'legal: Copyright 2025 Example News. All rights reserved.',
  ];
  for (const keepAll of [false, true]) {
    const { article } = extractArticle(source, { keepAll });
    assert.deepEqual(
      article?.removed.map((r) => `${r.reason}: ${r.text}`),
      inPageOrder,
      `keepAll: ${keepAll}`,
    );
  }
});

test('extractArticles(sources) throws a TypeError on misuse', () => {
  assert.throws(
    () => extractArticles('a.txt' as never),
    /Expected sources to be an array of Source, got string/,
  );
  assert.throws(
    () => extractArticles([{ location: 'a', format: 'pdf', content: '', meta: {} } as never]),
    /Expected sources\[0\]\.format to be 'text', 'markdown' or 'html', got "pdf"/,
  );
  assert.throws(() => extractArticle(text('a', 'x'), { keepAll: 'yes' } as never), TypeError);
});

const WIRE = [
  'MPA WORLD SERVICE',
  '05-MAR-2025 14:12 CET',
  'Crane collapse kills worker at Kestrel Bay port',
  'By Anneliese Kord',
  `KESTREL BAY, Arvelia, March 5 (MPA) - ${P1}`,
  P2,
  '(Reporting by Anneliese Kord; Editing by Piet Halvorsen)',
  '(c) Meridian Press Agency 2025. All rights reserved. Not for redistribution.',
].join('\n\n');

test('extractArticle(wire text) reads the header slug time and expands its own agency abbreviation', () => {
  const { article, problems } = extractArticle(text('wire.txt', WIRE));
  assert.deepEqual(problems, []);
  assert.equal(article?.headline, 'Crane collapse kills worker at Kestrel Bay port');
  assert.equal(article?.publishedAt, '2025-03-05T14:12+01:00');
  assert.equal(article?.dateline, 'KESTREL BAY');
  // The copyright holder is the outlet and spells out "MPA"; the staff
  // credit line credits nobody, and the outlet's own copyright is no credit.
  assert.equal(article?.outlet, 'Meridian Press Agency');
  assert.deepEqual(article?.credits, [{ name: 'Meridian Press Agency', evidence: '(MPA)' }]);
  assert.deepEqual(
    article?.removed.map((r) => r.reason),
    ['header', 'header', 'headline', 'byline', 'dateline', 'credit-line', 'legal'],
  );
});

test('extractArticles(batch) expands an agency abbreviation one copy signs off with from another source', () => {
  const copy = [
    'Crane collapse at Kestrel Bay',
    `KESTREL BAY, March 5: ${P1}`,
    `${P2}    -MPA`,
  ].join('\n\n');
  const alone = extractArticle(text('copy.txt', copy)).article;
  assert.deepEqual(alone?.credits, [{ name: 'MPA', evidence: '-MPA' }]);
  const batch = extractArticles([text('wire.txt', WIRE), text('copy.txt', copy)]).articles;
  const read = batch.find((a) => a.source === 'copy.txt');
  assert.deepEqual(read?.credits, [{ name: 'Meridian Press Agency', evidence: '-MPA' }]);
  assert.ok(read?.text.endsWith('officials told the RIA Novosti news agency.'));
});

test('extractArticle(html) reads a credit and splits a byline row the HTML extractor kept whole', () => {
  const html = `<!doctype html><html lang="en"><head><title>Crane collapse</title>
    <meta property="og:site_name" content="Example News"></head><body><article>
    <h1>Crane collapse</h1><div class="byline">By Rhona Castell Wed 5 Mar 2025 16.05 CET</div>
    <p>KESTREL BAY, March 5 (MPA) - ${P1}</p><p>${P2}</p><p>${P3}</p>
    <p class="credit">Additional reporting by Meridian Press Agency</p></article></body></html>`;
  const { article } = extractArticle({
    location: 'a.html',
    format: 'html',
    content: html,
    meta: {},
  });
  assert.equal(article?.dateline, 'KESTREL BAY');
  assert.deepEqual(article?.credits, [{ name: 'Meridian Press Agency', evidence: '(MPA)' }]);
  assert.ok(article?.removed.some((r) => r.text === 'By Rhona Castell' && r.reason === 'byline'));
  assert.ok(
    article?.removed.some((r) => r.text === 'Wed 5 Mar 2025 16.05 CET' && r.reason === 'date'),
  );
  assert.equal(article?.paragraphs.length, 3);
});

test('extractArticle(source) reads the credit lines of real wire copy: contributed, inputs, staff and agencies', () => {
  const article = (foot: string): ReturnType<typeof extractArticle>['article'] =>
    extractArticle(text('a.txt', [H_CREDITS, P1, P2, foot].join('\n\n'))).article;
  assert.deepEqual(article('AFP contributed to this report.')?.credits, [
    { name: 'AFP', evidence: 'AFP contributed to this report.' },
  ]);
  assert.deepEqual(article('With inputs from PTI')?.credits, [
    { name: 'PTI', evidence: 'With inputs from PTI' },
  ]);
  const staff = article('— Staff and agencies');
  assert.deepEqual(staff?.credits, []);
  assert.deepEqual(staff?.paragraphs, [P1, P2]);
  assert.equal(staff?.removed.at(-1)?.reason, 'credit-line');
});

test('extractArticle(html, keepAll) keeps the HTML furniture in the body in page order and lists each block once', () => {
  const body = [
    'The council voted on Tuesday to close the old harbour bridge for six months of repairs.',
    'Engineers found corrosion in two of the main supports during an inspection last year.',
    'Residents will be able to use a temporary ferry service while the work is carried out.',
  ];
  const html = `<html><head><title>Bridge to close</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
    <article><h1>Bridge to close</h1>${body.map((p) => `<p>${p}</p>`).join('')}
    <div class="share">Share this story on Facebook</div></article>
    <footer>Copyright 2025 The Harbour Gazette. All rights reserved.</footer></body></html>`;
  const source: Source = { location: 'bridge.html', format: 'html', content: html, meta: {} };
  const plain = extractArticle(source).article;
  const all = extractArticle(source, { keepAll: true }).article;
  assert.ok(plain && all);
  for (const p of body) assert.ok(all.paragraphs.includes(p), `keeps ${p.slice(0, 20)}`);
  assert.ok(all.paragraphs.length > plain.paragraphs.length);
  const share = all.paragraphs.findIndex((p) => p.includes('Share this story'));
  assert.ok(share > all.paragraphs.indexOf(body[2] as string), 'furniture stays in page order');
  const texts = all.removed.map((r) => r.text);
  assert.equal(new Set(texts).size, texts.length, 'each removed block listed once');
  assert.ok(texts.some((t) => t.includes('Share this story')));
});
