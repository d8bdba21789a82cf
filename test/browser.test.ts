import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { renderHtml } from '../src/report/index.ts';
import { exampleAnalysis, hostileAnalysis, repoRoot } from './report-example.case.ts';
import { CHROMIUM_SKIP, type LaunchedChromium, launchChromium } from './support/chromium.ts';

// The HTML report in a real browser: headless Chromium from the system
// (Debian's `chromium`; CI installs it), driven by playwright-core, which
// never downloads a browser. Screenshots go to test-output/ for a person.

const skip = CHROMIUM_SKIP;
const OUT = join(repoRoot(), 'test-output');

let browser: LaunchedChromium | undefined;
let reportUrl = '';
let hostileUrl = '';

before(async () => {
  if (skip) return;
  mkdirSync(OUT, { recursive: true });
  const report = join(OUT, 'report.html');
  writeFileSync(report, renderHtml(await exampleAnalysis()));
  reportUrl = pathToFileURL(report).href;
  const hostile = join(OUT, 'hostile.html');
  writeFileSync(hostile, renderHtml(hostileAnalysis()));
  hostileUrl = pathToFileURL(hostile).href;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

interface Watched {
  page: Page;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

async function open(url: string): Promise<Watched> {
  assert.ok(browser);
  const page = await browser.context.newPage();
  const watched: Watched = { page, requests: [], errors: [], dialogs: [] };
  page.on('request', (r) => watched.requests.push(r.url()));
  page.on('pageerror', (e) => watched.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') watched.errors.push(m.text());
  });
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return watched;
}

test('the HTML report opens from disk, runs its script under its CSP and sends no request', {
  skip,
}, async () => {
  const { page, requests, errors } = await open(reportUrl);
  await page.screenshot({ path: join(OUT, 'report-top.png') });
  await page.screenshot({ path: join(OUT, 'report-full.png'), fullPage: true });
  assert.deepEqual(
    requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')),
    [],
  );
  // A CSP hash that does not match would block the script or the style and log an error.
  assert.deepEqual(errors, []);
  const summary = await page.textContent('#s0-pair-summary');
  assert.ok(summary && summary.length > 0, 'the script ran and filled the side-by-side summary');
  await page.close();
});

test('following a citation of the brief opens and highlights the cited sentence of that article', {
  skip,
}, async () => {
  const { page } = await open(reportUrl);
  const link = page.locator('.account .cites a').nth(1);
  const href = (await link.getAttribute('href')) ?? '';
  assert.ok(href.startsWith('#s0-a'));
  const target = page.locator(href);
  assert.equal(await target.isVisible(), false, 'the article is folded before the click');
  await link.click();
  // Expressions run in the page (strings: this project compiles without the DOM library).
  await page.waitForFunction(
    `document.querySelector(':target')?.id === ${JSON.stringify(href.slice(1))}`,
  );
  assert.equal(await target.isVisible(), true);
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  const inView =
    box !== null && viewport !== null && box.y >= 0 && box.y + box.height <= viewport.height;
  assert.ok(inView, 'the cited sentence is scrolled into view');
  const cited = (await target.textContent()) ?? '';
  assert.ok(cited.length > 20, 'the target is a sentence of the article');
  assert.equal(await page.locator(`details:has(${href})`).getAttribute('open'), '');
  await page.screenshot({ path: join(OUT, 'report-citation.png') });
  await page.close();
});

test('switching the side-by-side pair redraws the columns, and a passage leads to its counterpart', {
  skip,
}, async () => {
  const { page } = await open(reportUrl);
  await page.locator('#s0-compare').scrollIntoViewIfNeeded();
  const before = (await page.textContent('#s0-col-b .col-body')) ?? '';
  const headBefore = await page.textContent('#s0-col-b .col-head');
  const left = await page.inputValue('#s0-left');
  const right = await page.inputValue('#s0-right');
  const options = await Promise.all(
    (await page.locator('#s0-right option').all()).map((o) => o.getAttribute('value')),
  );
  const other = options.find((v) => v !== left && v !== right);
  assert.ok(other !== undefined, 'the example has at least three articles');
  await page.selectOption('#s0-right', other);
  const after = (await page.textContent('#s0-col-b .col-body')) ?? '';
  assert.notEqual(after, before);
  assert.notEqual(await page.textContent('#s0-col-b .col-head'), headBefore);

  // Back to the default pair, which shares passages: a click on one flashes its counterpart.
  await page.selectOption('#s0-right', right);
  const passage = page.locator('#s0-col-a .psg').first();
  const counterpart = (await passage.getAttribute('href'))?.slice(1);
  assert.ok(counterpart);
  await passage.click();
  assert.match(
    (await page.locator(`[id="${counterpart}"]`).getAttribute('class')) ?? '',
    /\bflash\b/,
  );
  assert.ok(
    (await page.locator('#s0-col-a .ed').count()) > 0,
    'edits are marked inside the passages',
  );
  await page.locator('#s0-compare').screenshot({ path: join(OUT, 'report-compare.png') });
  await page.close();
});

test('an edge of the provenance graph shows its evidence when focused from the keyboard', {
  skip,
}, async () => {
  const { page } = await open(reportUrl);
  const edge = page.locator('.provenance-graph .edge').first();
  await edge.focus();
  const label = await edge.locator('title').textContent();
  assert.ok(label);
  assert.equal(await page.textContent('[data-evidence-for]'), label);
  await page.locator('#s0-provenance').screenshot({ path: join(OUT, 'report-provenance.png') });
  await page.close();
});

test('the report fits a phone screen without sideways scrolling of the page', {
  skip,
}, async () => {
  const { page } = await open(reportUrl);
  await page.setViewportSize({ width: 390, height: 844 });
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  assert.ok(width <= 390, `the page is ${width}px wide`);
  await page.screenshot({ path: join(OUT, 'report-phone.png') });
  await page.close();
});

test('article text with script and event-handler payloads renders as text: nothing runs, no dialog', {
  skip,
}, async () => {
  const { page, dialogs, errors } = await open(hostileUrl);
  // Draw the side-by-side view of both hostile articles (it builds DOM from the text).
  await page.selectOption('#s0-right', '1');
  await page.selectOption('#s0-left', '0');
  const state = await page.evaluate(
    '({ pwned: window.__pwned ?? null, images: document.images.length, scripts: document.scripts.length })',
  );
  assert.deepEqual(state, { pwned: null, images: 0, scripts: 2 });
  assert.deepEqual(dialogs, []);
  assert.deepEqual(errors, []);
  assert.ok(
    ((await page.textContent('#s0-col-a .col-body')) ?? '').includes(
      '<script>window.__pwned=1</script>',
    ),
  );
  await page.screenshot({ path: join(OUT, 'hostile.png'), fullPage: true });
  await page.close();
});
