import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Parser } from 'htmlparser2';
import { renderHtml } from './render-html.ts';
import { sampleAnalysis } from './report.case.ts';

function parse(html: string): { ids: Set<string>; links: string[]; scripts: string[] } {
  const ids = new Set<string>();
  const links: string[] = [];
  const scripts: string[] = [];
  let inScript = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (attributes['id'] !== undefined) ids.add(attributes['id']);
      if (attributes['href']?.startsWith('#')) links.push(attributes['href'].slice(1));
      if (name === 'script') {
        inScript = true;
        scripts.push('');
      }
    },
    ontext(text) {
      if (inScript) scripts[scripts.length - 1] += text;
    },
    onclosetag(name) {
      if (name === 'script') inScript = false;
    },
  });
  parser.write(html);
  parser.end();
  return { ids, links, scripts };
}

test('renderHtml(analysis) gives every in-page link (citations, figures, deviations) an element to land on', () => {
  const { ids, links } = parse(renderHtml(sampleAnalysis()));
  assert.ok(links.length > 20);
  assert.deepEqual(
    links.filter((id) => !ids.has(id)),
    [],
  );
});

test('renderHtml(analysis) gives every DOM id once', () => {
  const html = renderHtml(sampleAnalysis());
  const all = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(all).size, all.length);
});

test('renderHtml(analysis) cites each brief sentence with one numbered link per article that carries it', () => {
  const html = renderHtml(sampleAnalysis());
  const first =
    /<span class="bs">A crane collapsed[^<]*<\/span><span class="cites">(.*?)<\/span>/.exec(html);
  assert.ok(first);
  assert.deepEqual(
    [...(first[1] ?? '').matchAll(/>(\d+)<\/a>/g)].map((m) => m[1]),
    ['1', '2', '3'],
  );
});

test('renderHtml(analysis) allows by hash exactly its own inline style and script', async () => {
  const { createHash } = await import('node:crypto');
  const html = renderHtml(sampleAnalysis());
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/
    .exec(html)?.[1]
    ?.replace(/&#39;/g, "'");
  assert.ok(csp);
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  const script = parse(html).scripts[1] ?? '';
  const hash = (text: string) => createHash('sha256').update(text).digest('base64');
  assert.match(csp, new RegExp(`style-src 'sha256-${hash(style).replace(/[+/]/g, '\\$&')}'`));
  assert.match(csp, new RegExp(`script-src 'sha256-${hash(script).replace(/[+/]/g, '\\$&')}'`));
  assert.match(csp, /default-src 'none'/);
});

test('renderHtml(analysis) is the same bytes every time', () => {
  assert.equal(renderHtml(sampleAnalysis()), renderHtml(sampleAnalysis()));
});

test('renderHtml(analysis) lists the articles of an analysis without stories (parallax extract)', () => {
  const analysis = { ...sampleAnalysis(), stories: [] };
  const html = renderHtml(analysis);
  assert.match(html, /Articles read/);
  assert.equal([...html.matchAll(/<details class="article"/g)].length, analysis.articles.length);
});
