import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Parser } from 'htmlparser2';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { renderHtml, renderMarkdown } from '../src/report/index.ts';
import { HOSTILE, hostileAnalysis } from './report-example.case.ts';

test('the hostile articles carry the payload in headline, byline, outlet, URL and body (the test is real)', () => {
  const analysis = hostileAnalysis();
  const a = analysis.articles.find((x) => x.source === 'hostile-1.html');
  assert.ok(a);
  assert.ok(a.headline?.includes(HOSTILE));
  assert.ok(a.bylines.some((b) => b.includes(HOSTILE)));
  assert.ok(a.outlet?.includes(HOSTILE));
  assert.ok(a.text.includes(HOSTILE));
  assert.equal(a.url, 'javascript:window.__pwned=3');
  assert.ok(
    analysis.stories.some((s) => s.alignments.length > 0),
    'the copies are aligned, so the side-by-side data holds the text too',
  );
});

test('renderHtml(analysis) escapes article text everywhere: no payload element, handler or script URL survives', () => {
  const html = renderHtml(hostileAnalysis());
  assert.ok(!html.includes(HOSTILE));
  // Parse the page as a browser would and look at every element and attribute.
  const elements: string[] = [];
  const handlers: string[] = [];
  const urls: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      elements.push(name);
      for (const [key, value] of Object.entries(attributes)) {
        if (key.startsWith('on')) handlers.push(`${name} ${key}`);
        if ((key === 'href' || key === 'src') && !value.startsWith('#')) urls.push(value);
      }
    },
  });
  parser.write(html);
  parser.end();
  assert.equal(
    elements.filter((e) => e === 'script').length,
    2,
    'only the data block and the report script',
  );
  assert.equal(elements.filter((e) => e === 'img').length, 0);
  assert.deepEqual(handlers, []);
  assert.ok(
    urls.every((u) => /^https?:/.test(u)),
    `links only to http(s) URLs: ${urls.join(', ')}`,
  );
  assert.match(html, /&lt;script&gt;window.__pwned=1&lt;\/script&gt;/);
});

test('renderHtml(analysis) embeds the data for its script with no way to close the script element', () => {
  const html = renderHtml(hostileAnalysis());
  const start = html.indexOf('<script type="application/json" id="parallax-data">');
  const end = html.indexOf('</script>', start);
  const block = html.slice(start, end);
  assert.doesNotMatch(block.slice(block.indexOf('>') + 1), /<|>/);
  const data = JSON.parse(block.slice(block.indexOf('>') + 1)) as {
    stories: { texts: string[] }[];
  };
  assert.ok(
    data.stories[0]?.texts.some((t) => t.includes(HOSTILE)),
    'the text reads back intact',
  );
});

test('renderMarkdown(analysis) turns no article text into raw HTML', () => {
  const md = renderMarkdown(hostileAnalysis());
  const tree = fromMarkdown(md);
  const html: string[] = [];
  const visit = (node: { type: string; value?: string; children?: unknown[] }): void => {
    if (node.type === 'html') html.push(node.value ?? '');
    for (const child of node.children ?? []) visit(child as typeof node);
  };
  visit(tree as never);
  assert.deepEqual(html, []);
  assert.match(md, /pwned=1/, 'the payload is there, as text');
});
