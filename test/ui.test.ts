import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  EXAMPLE_DIR,
  exampleFiles,
  type Harness,
  repoRoot,
  startHarness,
} from '../src/server/server-harness.case.ts';
import { CHROMIUM_SKIP, type LaunchedChromium, launchChromium } from './support/chromium.ts';

// The web UI in headless Chromium (Debian's, driven by playwright-core,
// which never downloads a browser) against the real server: ingest the
// bundled example through the file input, see the story list, open the
// story and read its brief. Screenshots go to test-output/ for a person.

const skip = CHROMIUM_SKIP;
const OUT = join(repoRoot(), 'test-output');

/**
 * A plain-text article whose headline and byline carry markup (a text file
 * is not parsed as HTML, so the markup reaches the store as written): the
 * UI must show it as text and run none of it.
 */
const HOSTILE = `HARBOUR NEWS
07-FEB-2025 09:30 CET

Tug <img src=x onerror="window.__pwned=1"> sinks off Wrenford <script>window.__pwned=2</script>

By Ola <b onmouseover="window.__pwned=3">Brandt</b>

WRENFORD, Feb 7 - A harbour tug sank off the Wrenford breakwater early on Friday after taking on water in heavy swell, the coastguard said, and its crew of three was rescued from a life raft.

The coastguard said the tug had been returning from a towing job when its engine room flooded, and that a salvage team would try to raise it once the weather calmed.

The operator said all three crew members were treated for cold exposure and released from hospital by the afternoon.
`;

let browser: LaunchedChromium | undefined;
let h: Harness | undefined;
const folder = mkdtempSync(join(tmpdir(), 'parallax-ui-files-'));

before(async () => {
  if (skip) return;
  mkdirSync(OUT, { recursive: true });
  h = await startHarness();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await h?.close();
  rmSync(folder, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

async function open(path: string): Promise<Watched> {
  assert.ok(browser && h);
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
  await page.goto(new URL(path, h.url).href, { waitUntil: 'load' });
  return watched;
}

/** Requests that went anywhere but this server (data: URLs and blank frames stay in the browser). */
function offServer(requests: string[]): string[] {
  assert.ok(h);
  const base = `${h.url}/`;
  return requests.filter(
    (u) => !u.startsWith(base) && !u.startsWith('data:') && u !== 'about:blank',
  );
}

test('ingesting the example through the file input lists its story; opening it shows the brief', {
  skip,
}, async () => {
  const { page, requests, errors } = await open('/');
  await page.locator('#list-status').filter({ hasText: 'No story yet' }).waitFor();
  await page.screenshot({ path: join(OUT, 'ui-empty.png') });

  await page.setInputFiles(
    '#file-input',
    exampleFiles().map((name) => join(EXAMPLE_DIR, name)),
  );
  const story = page.locator('#story-list .story-link').first();
  await page
    .locator('#job-list li[data-state="completed"]')
    .waitFor({ timeout: 90_000 })
    .then(() => story.waitFor())
    .catch(async (error) => {
      await page.screenshot({ path: join(OUT, 'ui-list-failed.png') });
      const text = async (selector: string) => page.locator(selector).textContent();
      throw new Error(
        `no story listed; list: ${await text('#list-status')}; ingest: ${await text('#ingest-status')}; jobs: ${await text('#job-list')}; server log: ${h?.logged.join('\n')}`,
        { cause: error },
      );
    });
  assert.match((await story.textContent()) ?? '', /Crane collapse/);
  assert.match(
    (await page.locator('#story-list > li').first().textContent()) ?? '',
    /5 articles · 5 outlets/,
  );
  await page.screenshot({ path: join(OUT, 'ui-list.png') });

  await story.click();
  assert.match(page.url(), /#\/story\/s[0-9a-f]+$/);
  const frame = page.frameLocator('#story-report');
  await frame.locator('.account').waitFor({ timeout: 90_000 });
  assert.match((await frame.locator('h1').first().textContent()) ?? '', /Crane collapse/);
  assert.ok((await frame.locator('.account .cites a').count()) > 0, 'the brief cites outlets');
  for (const section of ['brief', 'provenance', 'coverage', 'compare', 'source', 'articles']) {
    assert.equal(await frame.locator(`#s0-${section}`).count(), 1, `the ${section} section`);
  }
  await page.waitForFunction("document.getElementById('story-note')?.textContent === ''");
  await page.screenshot({ path: join(OUT, 'ui-story.png') });
  await frame.locator('#s0-compare').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, 'ui-story-compare.png') });

  await page.locator('a', { hasText: 'All stories' }).click();
  await page.locator('#story-list .story-link').first().waitFor();
  assert.deepEqual(offServer(requests), [], 'no request left the server');
  assert.deepEqual(errors, [], 'no script error and no CSP violation');
  await page.close();
});

test('the story list filters by outlet and date, and search finds articles', { skip }, async () => {
  const { page, errors } = await open('/#/?outlet=Freightline%20Weekly');
  await page.locator('#story-list .story-link').first().waitFor();
  assert.equal(await page.locator('#story-list > li').count(), 1);
  assert.equal(await page.locator('#f-outlet').inputValue(), 'Freightline Weekly');

  await page.fill('#f-outlet', 'Nobody Times');
  await page.click('#filters button[type="submit"]');
  await page.locator('#list-status').filter({ hasText: 'No story yet matches' }).waitFor();

  await page.click('#f-clear');
  await page.fill('#f-from', '2026-01-01');
  await page.click('#filters button[type="submit"]');
  await page.locator('#list-status').filter({ hasText: 'No story yet matches' }).waitFor();
  assert.match(page.url(), /from=2026-01-01/);

  await page.fill('#search-q', 'crane');
  await page.press('#search-q', 'Enter');
  await page.locator('#search-results li').first().waitFor();
  assert.ok((await page.locator('#search-results li').count()) >= 3);
  await page.screenshot({ path: join(OUT, 'ui-search.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an article whose headline and byline carry markup is shown as text and runs nothing', {
  skip,
}, async () => {
  const file = join(folder, 'hostile "tug" <i>.txt');
  writeFileSync(file, HOSTILE);
  const { page, requests, errors, dialogs } = await open('/');
  await page.locator('#list-status').waitFor();
  await page.setInputFiles('#file-input', [file]);
  const line = page.locator('#job-list li', { hasText: 'hostile "tug" <i>.txt' });
  await line.and(page.locator('[data-state="completed"]')).waitFor({ timeout: 90_000 });
  const link = page.locator('#story-list .story-link', { hasText: 'sinks off Wrenford' });
  await link.waitFor().catch(async (error) => {
    const text = async (selector: string) => page.locator(selector).textContent();
    throw new Error(
      `hostile story not listed; list: ${await text('#story-list')}; status: ${await text('#list-status')}; ingest: ${await text('#ingest-status')}; jobs: ${await text('#job-list')}; server log: ${h?.logged.join('\n')}`,
      { cause: error },
    );
  });
  assert.match(
    (await link.textContent()) ?? '',
    /^Tug <img src=x onerror="window.__pwned=1"> sinks/,
  );
  assert.equal(await page.locator('#story-list img, #story-list script, #story-list b').count(), 0);
  await page.fill('#search-q', 'tug sank');
  await page.press('#search-q', 'Enter');
  await page.locator('#search-results li').first().waitFor();
  assert.equal(await page.locator('#search-results img, #search-results script').count(), 0);
  await page.goBack();
  await link.click();
  await page.frameLocator('#story-report').locator('h1').first().waitFor();
  await page.screenshot({ path: join(OUT, 'ui-hostile.png') });
  assert.equal(await page.evaluate('window.__pwned ?? null'), null);
  const report = page.frames().find((f) => f.url().endsWith('/report'));
  assert.ok(report, 'the story report frame');
  assert.equal(await report.evaluate('window.__pwned ?? null'), null);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(offServer(requests), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('dropping a file on the drop zone adds its article', { skip }, async () => {
  const { page, errors } = await open('/');
  await page.locator('#list-status').waitFor();
  const ferry = `Ferry crews walk out over rosters on the Wrenford crossing

By Tomas Albek

WRENFORD, June 3 - Ferry crews on the Wrenford crossing stopped work on Monday morning in a dispute over new duty rosters, leaving hundreds of commuters stranded on both piers.

The union representing deck officers and engineers said the rosters added two night shifts a week without extra pay, and that talks with the operator had broken down.

The operator said a replacement bus service would run every half hour until the strike ends.
`;
  // Built in the page (a string: the test's TypeScript has no DOM types).
  const dataTransfer = await page.evaluateHandle(
    `(() => { const t = new DataTransfer(); t.items.add(new File([${JSON.stringify(ferry)}], 'ferry-strike.txt', { type: 'text/plain' })); return t; })()`,
  );
  await page.dispatchEvent('#drop-zone', 'dragover', { dataTransfer });
  assert.match((await page.getAttribute('#drop-zone', 'class')) ?? '', /\bover\b/);
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
  await page
    .locator('#job-list li[data-state="completed"]', { hasText: 'ferry-strike.txt' })
    .waitFor({ timeout: 90_000 });
  await page.locator('#story-list .story-link', { hasText: 'Ferry crews walk out' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
