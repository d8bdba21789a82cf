import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Frame, Page, Request, Route } from 'playwright-core';
import { type Harness, startHarness, waitFor } from '../src/server/server-harness.case.ts';
import { CHROMIUM_SKIP, type LaunchedChromium, launchChromium } from './support/chromium.ts';

// Hostile article text in every field, ingested through the real API (the
// server on 127.0.0.1, a free port, a real store, queue and worker), then
// every view that shows it opened in headless Chromium: the UI's story
// list (with the ingest runs), the story view with its report in a frame,
// search results, a hostile search and story id, the API's HTML report and
// an article's JSON. No payload may run (no dialog, no flag, no handler
// attribute, no CSP violation, no request off 127.0.0.1), and each must
// read as text.

/** Every payload that runs calls alert() with an `xss-` word or sets `window.__xss`. */
const P = {
  headline: `<img src=x onerror="alert('xss-headline')">`,
  svg: `"><svg onload=alert('xss-svg')>`,
  byline: `<script>alert('xss-byline')</script>`,
  outlet: `"><img src=x onerror=alert('xss-outlet')>`,
  outletAttr: `' onmouseover='alert("xss-outlet2")' x='`,
  body: `<img src=x onerror=alert('xss-body')>`,
  endTags: `</style></script><script>alert('xss-endscript')</script>`,
  quote: `<svg onload=alert('xss-quote')>`,
  template: `\${alert('xss-tpl')} {{constructor.constructor('window.__xss=1')()}}`,
  entity: `&lt;img src=x onerror=alert('xss-entity')&gt;`,
  remote: `<img src="http://203.0.113.77/leak.png">`,
  url: `javascript:alert('xss-url')`,
  url2: `https://news.example/' onmouseover='alert(1)' x='"><script>alert('xss-url2')</script>`,
  file: `<img src=x onerror=alert('xss-file')>.jsonl`,
  problemFile: `"><svg onload=alert('xss-problem')>.html`,
  textFile: `\${alert('xss-textfile')} {{7*7}}.txt`,
  query: `<svg onload=alert('xss-query')>`,
  id: `<img src=x onerror=alert('xss-id')>`,
};

/** Dateline, quote speaker and entity names hold only letters and marks: they carry the quote breaker. */
const SPEAKER = "Ola D'Arcy-Brandt";
const DATELINE = "O'NEIL'S-ON-SEA";

const HEADLINE = `Tug ${P.headline} sinks ${P.svg}`;
const BYLINE = `Ola ${P.byline} Brandt`;
const QUOTE = `We saw the tug ${P.quote} go down in minutes`;

function paragraphs(edited: boolean): string[] {
  return [
    `${DATELINE}, Feb 7 (Reuters) - A harbour tug ${P.body} sank off the Wrenford breakwater early on Friday${edited ? ' morning' : ''} after taking on water in heavy swell, the coastguard said. ${P.endTags}`,
    `"${edited ? QUOTE.replace('in minutes', 'within minutes') : QUOTE}," said ${SPEAKER}, a coastguard officer.`,
    `Harbourmaster Jens Vik said the salvage team from Nordsalv ${P.template} would try to raise it once the weather calmed ${P.remote}.`,
    `Officials in Wrenford said ${P.entity} was not a threat to shipping in the harbour.`,
  ];
}

/** Two crawler records (JSON Lines keep every field as written): copies of one story. */
const JSONL = [
  {
    title: HEADLINE,
    maintext: paragraphs(false).join('\n\n'),
    url: P.url,
    source_domain: P.outlet,
    authors: [BYLINE],
    date_publish: '2025-02-07 09:30:00',
    language: 'en',
  },
  {
    title: `${HEADLINE} again`,
    maintext: paragraphs(true).join('\n\n'),
    url: P.url2,
    source_domain: `Courier ${P.outletAttr}`,
    authors: [BYLINE],
    date_publish: '2025-02-07 11:00:00',
    language: 'en',
  },
]
  .map((record) => JSON.stringify(record))
  .join('\n');

/** A text article: its first line is the headline. */
const TEXT = `Ferry <b onmouseover="alert('xss-ferry')">strike</b> strands commuters {{7*7}}

By Tomas <script>alert('xss-ferry-byline')</script> Albek

WRENFORD, June 3 - Ferry crews on the Wrenford crossing stopped work on Monday morning in a dispute over new duty rosters, leaving hundreds of commuters stranded on both piers.

The union representing deck officers and engineers said the rosters added two night shifts a week without extra pay, and that talks with the operator had broken down.
`;

let h: Harness | undefined;
let browser: LaunchedChromium | undefined;
let storyId = '';
let articleIds: string[] = [];
let runId = '';
/** Requests the browser tried to send off 127.0.0.1 (all refused before they left). */
const offServer: string[] = [];

/** Records CSP violations in every frame, where no payload can reach the record. */
const CSP_WATCH = `(() => {
  const seen = [];
  Object.defineProperty(window, '__cspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
  }, true);
})();`;

async function api<T>(path: string): Promise<T> {
  assert.ok(h);
  const response = await fetch(new URL(path, h.url));
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return (await response.json()) as T;
}

before(async () => {
  if (CHROMIUM_SKIP) return;
  h = await startHarness();
  const form = new FormData();
  form.append('file', new Blob([JSONL]), P.file);
  // Not text: the run reports a problem whose source is the hostile name.
  form.append('file', new Blob([new Uint8Array([0, 1, 2, 3])]), P.problemFile);
  form.append('file', new Blob([TEXT]), P.textFile);
  const posted = await fetch(new URL('/api/ingest/files', h.url), { method: 'POST', body: form });
  const answer = await posted.text();
  assert.equal(posted.status, 202, answer);
  const { job } = JSON.parse(answer) as { job: { id: string } };
  runId = job.id;
  await waitFor('the hostile ingest run to complete', async () => {
    const run = await api<{ state: string }>(`/api/jobs/${job.id}`);
    assert.notEqual(run.state, 'failed');
    return run.state === 'completed';
  });
  const stories = await api<{ items: { id: string; size: number }[] }>('/api/stories?sort=biggest');
  storyId = stories.items[0]?.id ?? '';
  assert.ok((stories.items[0]?.size ?? 0) >= 2, 'the two copies are in one story');
  const detail = await waitFor('the hostile story to be analysed', async () => {
    const d = await api<{
      articles: { id: string }[];
      analysis: { stale: boolean } | null;
    }>(`/api/stories/${storyId}`);
    return d.analysis !== null && !d.analysis.stale ? d : null;
  });
  articleIds = detail.articles.map((a) => a.id);
  browser = await launchChromium();
  await browser.context.addInitScript(CSP_WATCH);
  await browser.context.route('**/*', (route: Route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    offServer.push(url.href);
    return route.abort('blockedbyclient');
  });
});

after(async () => {
  await browser?.close();
  await h?.close();
});

interface Watched {
  page: Page;
  dialogs: string[];
  errors: string[];
  requests: string[];
}

async function open(path: string): Promise<Watched> {
  assert.ok(browser && h);
  const page = await browser.context.newPage();
  const watched: Watched = { page, dialogs: [], errors: [], requests: [] };
  page.on('dialog', (d) => {
    watched.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => watched.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || /xss|security policy/i.test(m.text()))
      watched.errors.push(m.text());
  });
  page.on('request', (r: Request) => watched.requests.push(r.url()));
  await page.goto(new URL(path, h.url).href, { waitUntil: 'load' });
  return watched;
}

/** What a frame's document holds that a payload could have put there. */
interface FrameState {
  url: string;
  xss: unknown;
  csp: string[] | null;
  handlers: string[];
  scriptLinks: string[];
  scripts: number;
  images: number;
  frames: number;
  text: string;
}

// Run in the page: a string, as this project compiles without the DOM library.
const FRAME_STATE = `(() => ({
  url: location.href,
  xss: window.__xss ?? null,
  csp: Array.isArray(window.__cspViolations) ? [...window.__cspViolations] : null,
  handlers: [...document.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.localName + ' ' + a.name)),
  scriptLinks: [...document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\\\:href]')]
    .flatMap((el) => ['href', 'src', 'action', 'formaction', 'xlink:href'].map((n) => el.getAttribute(n)))
    .filter((v) => v !== null && /^\\s*(javascript|vbscript|data:text\\/html)/i.test(v)),
  scripts: document.scripts.length,
  images: document.images.length,
  frames: document.querySelectorAll('iframe, frame, object, embed').length,
  text: document.body ? document.body.innerText : '',
}))()`;

async function frameState(frame: Frame): Promise<FrameState> {
  // Unfold the report's folded articles, so their text is on screen too.
  await frame.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
  return (await frame.evaluate(FRAME_STATE)) as FrameState;
}

/**
 * Nothing ran or loaded in any frame of the page: no dialog, no flag, no
 * CSP violation, no event-handler attribute, no script URL, only the
 * page's own scripts and frames, no request off 127.0.0.1.
 */
async function assertNothingRan(
  watched: Watched,
  expected: { scripts: number; frames: number; allowErrors?: RegExp },
): Promise<FrameState[]> {
  const states: FrameState[] = [];
  for (const frame of watched.page.frames()) {
    if (frame.url() === 'about:blank') continue;
    const state = await frameState(frame);
    states.push(state);
    const where = state.url;
    assert.equal(state.xss, null, `${where}: window.__xss was set`);
    assert.deepEqual(state.csp, [], `${where}: CSP violations (or the watch did not run)`);
    assert.deepEqual(state.handlers, [], `${where}: event-handler attributes`);
    assert.deepEqual(state.scriptLinks, [], `${where}: script URLs`);
    assert.equal(state.images, 0, `${where}: images`);
    const isReport = where.endsWith('/report');
    assert.equal(state.scripts, isReport ? 2 : expected.scripts, `${where}: scripts`);
    assert.equal(state.frames, isReport ? 0 : expected.frames, `${where}: frames`);
  }
  assert.deepEqual(watched.dialogs, [], 'no dialog opened');
  assert.deepEqual(
    watched.errors.filter((e) => !expected.allowErrors?.test(e)),
    [],
    'no script error, no CSP report',
  );
  assert.deepEqual(
    watched.requests.filter((u) => !u.startsWith(`${h?.url}/`) && !u.startsWith('data:')),
    [],
    'no request left the server',
  );
  assert.deepEqual(offServer, [], 'no request was sent off 127.0.0.1');
  return states;
}

/**
 * Give handler payloads every chance: move the mouse over, focus and blur
 * every element (events sent by script reach inline handlers as real ones do).
 */
async function pokeEverything(frame: Frame): Promise<void> {
  await frame.evaluate(`document.querySelectorAll('body *').forEach((el) => {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'blur']) {
      el.dispatchEvent(new Event(type, { bubbles: type === 'mouseover' }));
    }
  })`);
}

/** Assert every needle reads as text in `text`. */
function assertShown(text: string, needles: string[], where: string): void {
  for (const needle of needles) {
    assert.ok(text.includes(needle), `${where} shows ${JSON.stringify(needle)} as text`);
  }
}

describe('hostile article text through the API, in the browser', { skip: CHROMIUM_SKIP }, () => {
  test('the stored articles carry the payloads in every field (the test is real)', async () => {
    const articles = await Promise.all(
      articleIds.map(
        async (id) =>
          (await api<{ article: Record<string, unknown> }>(`/api/articles/${id}`)).article,
      ),
    );
    const first = articles.find((a) => a['url'] === P.url);
    const second = articles.find((a) => a['url'] === P.url2);
    assert.ok(first && second, 'both URLs kept as written');
    assert.equal(first['headline'], HEADLINE);
    assert.deepEqual(first['bylines'], [BYLINE]);
    assert.equal(first['outlet'], P.outlet);
    assert.equal(second['outlet'], `Courier ${P.outletAttr}`);
    assert.equal(first['dateline'], DATELINE);
    assert.ok(String(first['source']).startsWith(P.file), String(first['source']));
    const text = String(first['text']);
    for (const payload of [P.body, P.endTags, P.quote, P.template, P.entity, P.remote]) {
      assert.ok(text.includes(payload), payload);
    }
    const { analysis } = await api<{
      analysis: {
        analysis: {
          brief: {
            quotes: { text: string; speaker: string | null }[];
            entities: { name: string }[];
          };
        };
      };
    }>(`/api/stories/${storyId}`);
    const brief = analysis.analysis.brief;
    assert.ok(
      brief.quotes.some((q) => q.text.includes(P.quote) && q.speaker === SPEAKER),
      JSON.stringify(brief.quotes),
    );
    assert.ok(
      brief.entities.some((e) => e.name === SPEAKER),
      JSON.stringify(brief.entities),
    );
    const run = await api<{ input: string[]; problems: { source: string }[] }>(
      `/api/jobs/${runId}`,
    );
    assert.deepEqual(run.input, [P.file, P.problemFile, P.textFile]);
    assert.ok(
      run.problems.some((p) => p.source === P.problemFile),
      JSON.stringify(run.problems),
    );
  });

  test('the story list and the ingest runs show every payload as text and run none', async () => {
    const watched = await open('/');
    const { page } = watched;
    await page.locator('#story-list .story-link', { hasText: 'Tug <img' }).waitFor();
    await page.locator('#job-list li', { hasText: P.file }).waitFor();
    assert.equal(
      await page.locator('#story-list .story-link', { hasText: 'Tug <img' }).textContent(),
      HEADLINE,
    );
    const [state] = await assertNothingRan(watched, { scripts: 1, frames: 0 });
    assertShown(
      state?.text ?? '',
      [HEADLINE, P.outlet, `Courier ${P.outletAttr}`, P.file, P.problemFile, P.textFile],
      'the story list',
    );
    await pokeEverything(page.mainFrame());
    await assertNothingRan(watched, { scripts: 1, frames: 0 });
    await page.close();
  });

  test('the story view and its framed report show every payload as text and run none', async () => {
    const watched = await open(`/#/story/${storyId}`);
    const { page } = watched;
    const frame = page.frameLocator('#story-report');
    await frame.locator('.account').waitFor({ timeout: 90_000 });
    await page.waitForFunction("document.getElementById('story-note')?.textContent === ''");
    // Draw the side-by-side view both ways (its script builds the columns from the text).
    await frame.locator('#s0-left').selectOption({ index: 1 });
    await frame.locator('#s0-right').selectOption({ index: 0 });
    for (const f of page.frames()) await pokeEverything(f);
    const states = await assertNothingRan(watched, { scripts: 1, frames: 1 });
    const report = states.find((s) => s.url.endsWith('/report'));
    assert.ok(report, 'the report frame was checked');
    assertShown(
      report.text,
      [
        HEADLINE,
        BYLINE,
        P.outlet,
        P.body,
        P.endTags,
        P.quote,
        P.template,
        P.entity,
        P.remote,
        SPEAKER,
        P.url2,
      ],
      'the framed report',
    );
    assertShown(states[0]?.text ?? '', [HEADLINE], 'the story bar');
    await page.close();
  });

  test('search results and a hostile search or story id show the text and run nothing', async () => {
    const watched = await open('/#/search?q=harbour%20tug');
    const { page } = watched;
    await page.locator('#search-results li').first().waitFor();
    const [results] = await assertNothingRan(watched, { scripts: 1, frames: 0 });
    assertShown(results?.text ?? '', [HEADLINE, P.outlet], 'the search results');

    await page.goto(
      new URL(`/#/search?${new URLSearchParams({ q: P.query }).toString()}`, h?.url).href,
    );
    await page.locator('h1', { hasText: 'Search: ' }).waitFor();
    await page.locator('#main .status', { hasText: /found|No article/ }).waitFor();
    const [query] = await assertNothingRan(watched, { scripts: 1, frames: 0 });
    assertShown(query?.text ?? '', [`Search: ${P.query}`], 'the search heading');

    await page.goto(new URL(`/#/story/${encodeURIComponent(P.id)}`, h?.url).href);
    await page.locator('#main .error').waitFor();
    // The API refuses the id (a 400, which the browser logs): the UI says so in words.
    const [story] = await assertNothingRan(watched, {
      scripts: 1,
      frames: 0,
      allowErrors: /^Failed to load resource: .* status of 400/,
    });
    assertShown(story?.text ?? '', ['Invalid path parameter'], 'the story error');
    await page.close();
  });

  test("the API's HTML report, opened on its own, shows every payload as text and runs none", async () => {
    const watched = await open(`/api/stories/${storyId}/report`);
    const { page } = watched;
    await page.locator('#s0-right').selectOption({ index: 0 });
    await page.locator('#s0-left').selectOption({ index: 1 });
    await pokeEverything(page.mainFrame());
    const [state] = await assertNothingRan(watched, { scripts: 2, frames: 0 });
    assertShown(
      state?.text ?? '',
      [HEADLINE, BYLINE, P.quote, P.template, P.entity, P.endTags, P.url2, DATELINE],
      'the report',
    );
    await page.close();
  });

  test("an article's JSON opened in the browser is shown as text", async () => {
    const watched = await open(`/api/articles/${articleIds[0]}`);
    const [state] = await assertNothingRan(watched, { scripts: 0, frames: 0 });
    assert.ok(state?.text.includes('xss-body'), 'the JSON is shown as it is');
    await watched.page.close();
  });
});
