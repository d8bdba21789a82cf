import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import type { DomDocument } from './dom.ts';
import { readPageMetadata } from './page-metadata.ts';

const doc = (html: string): DomDocument =>
  (parseHTML(html) as unknown as { document: DomDocument }).document;

test('readPageMetadata(document) reads a NewsArticle from a JSON-LD @graph with an array of types', () => {
  const meta = readPageMetadata(
    doc(`<html><head><script type="application/ld+json">
    {"@context":"https://schema.org","@graph":[
      {"@type":"BreadcrumbList","itemListElement":[]},
      {"@type":["ReportageNewsArticle","NewsArticle"],"headline":"Quake hits &amp; shakes the coast",
       "datePublished":"2019-11-19T10:07:00-05:00","inLanguage":"es-MX",
       "author":[{"@type":"Person","name":"María López"},{"@type":"Organization","name":"AP"}],
       "publisher":{"@type":"Organization","name":"El Diario"},
       "articleBody":"First paragraph.\\n\\nSecond paragraph."}
    ]}</script></head><body></body></html>`),
  );
  assert.equal(meta.headline, 'Quake hits & shakes the coast');
  assert.deepEqual(meta.bylines, ['María López']);
  assert.equal(meta.publishedAt, '2019-11-19T10:07:00-05:00');
  assert.equal(meta.outlet, 'El Diario');
  assert.equal(meta.language, 'es');
  assert.equal(meta.jsonLd?.articleBody, 'First paragraph.\n\nSecond paragraph.');
});

test('readPageMetadata(document) tolerates raw line breaks inside JSON-LD strings', () => {
  const meta = readPageMetadata(
    doc(`<html><head><script type="application/ld+json">{"@type":"Article","headline":"Line
break","author":"By Jane Doe"}</script></head><body></body></html>`),
  );
  assert.equal(meta.headline, 'Line break');
  assert.deepEqual(meta.bylines, ['Jane Doe']);
});

test('readPageMetadata(document) falls back to meta tags, <time datetime> and <html lang>', () => {
  const meta = readPageMetadata(
    doc(`<html lang="pt-BR"><head><title>Chuva forte em São Paulo - Jornal da Cidade</title>
    <meta name="parsely-author" content="Carlos Nadalim">
    <meta name="application-name" content="Jornal da Cidade">
    <link rel="canonical" href="/2018/09/chuva"></head>
    <body><h1>Chuva forte em São Paulo</h1><time datetime="2018-09-27T09:00:40+02:00">27/09/2018</time></body></html>`),
    'https://jornal.example/x?y=1',
  );
  assert.equal(meta.headline, 'Chuva forte em São Paulo');
  assert.deepEqual(meta.bylines, ['Carlos Nadalim']);
  assert.equal(meta.publishedAt, '2018-09-27T09:00:40+02:00');
  assert.equal(meta.outlet, 'Jornal da Cidade');
  assert.equal(meta.language, 'pt');
  assert.equal(meta.url, 'https://jornal.example/2018/09/chuva');
  assert.ok(meta.titles.includes('Chuva forte em São Paulo'));
  assert.ok(!meta.titles.includes('Jornal da Cidade'), 'the site name is not a headline');
});

test('readPageMetadata(document) never takes an outlet URL for the outlet name', () => {
  const meta = readPageMetadata(
    doc(`<html><head><meta property="og:site_name" content="https://www.example.com">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"H","publisher":{"@type":"Organization","name":"Example News"}}</script>
    </head><body></body></html>`),
  );
  assert.equal(meta.outlet, 'Example News');
});
