import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from './extract-html.ts';

// Enough story text for Readability to find the article.
const STORY = [
  'The port of Kestrel Bay closed its largest terminal on Wednesday after a container crane collapsed onto a cargo ship, killing one worker and injuring four others, officials said.',
  'Inspectors will check the eleven remaining cranes between March 6 and 9, and container handling at the terminal is suspended until every one of them has been cleared.',
  'The terminal operator said the crane passed its last annual inspection in January and that it was cooperating fully with the investigators of the maritime safety agency.',
  'The dockworkers union said its members had reported vibrations in the boom of the crane for months, and that their warnings were ignored by the management of the terminal.',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');

function page(before: string, after = ''): string {
  return `<!DOCTYPE html><html><head><title>Crane collapse</title></head><body>${before}<main><article><h1>Crane collapse</h1>${STORY}</article></main>${after}</body></html>`;
}

function reasonOf(html: string, text: string): string | undefined {
  const found = extractHtml(html).removed.filter((r) => r.text === text);
  assert.ok(found.length > 0, `'${text}' is removed`);
  assert.equal(new Set(found.map((r) => r.reason)).size, 1, `'${text}' has one reason`);
  return found[0]?.reason;
}

test('extractHtml(page) names a "Skip to main content" link navigation', () => {
  assert.equal(
    reasonOf(
      page('<a class="skip-link" href="#main">Skip to main content</a>'),
      'Skip to main content',
    ),
    'navigation',
  );
});

test('extractHtml(page) names the entries of a menu navigation, "Log in" included, and the logo beside them', () => {
  const html = page(
    '<div class="topbar"><a href="/" class="brand">Freightline Weekly</a><ul class="menu"><li><a href="/markets">Markets</a></li><li><a href="/ports">Ports</a></li><li><a href="/login">Log in</a></li></ul></div>',
  );
  assert.equal(reasonOf(html, 'Markets'), 'navigation');
  assert.equal(reasonOf(html, 'Log in'), 'navigation');
  assert.equal(reasonOf(html, 'Freightline Weekly'), 'navigation');
});

test('extractHtml(page) names every block of a cookie banner legal, its buttons too', () => {
  const html = page(
    '<div id="cookie-banner"><p>We use cookies to analyse our traffic.</p><button>Accept all</button></div>',
  );
  assert.equal(reasonOf(html, 'We use cookies to analyse our traffic.'), 'legal');
  assert.equal(reasonOf(html, 'Accept all'), 'legal');
});

test('extractHtml(page) names the links of a footer with a copyright line legal', () => {
  const html = page(
    '',
    '<footer><p>© 2025 The Coastline Courier Ltd. All rights reserved.</p><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></footer>',
  );
  assert.equal(reasonOf(html, 'About us'), 'legal');
  assert.equal(reasonOf(html, 'Contact'), 'legal');
});

test('extractHtml(page) does not name a block after furniture it sits with when that furniture disagrees', () => {
  const html = page(
    '',
    '<footer><nav><a href="/a">Sections</a></nav><p>© 2025 The Coastline Courier Ltd. All rights reserved.</p><p><a href="/x">Harbour cams</a></p></footer>',
  );
  assert.equal(reasonOf(html, 'Sections'), 'navigation');
  assert.equal(reasonOf(html, 'Harbour cams'), 'boilerplate');
});

test('extractHtml(page) names every block of a newsletter box newsletter, its heading and button too', () => {
  const html = page(
    '',
    '<aside class="newsletter-signup"><h2>The Morning Tide</h2><p>Sign up for our free morning newsletter.</p><form><input type="email"><button type="submit">Go</button></form></aside>',
  );
  assert.equal(reasonOf(html, 'The Morning Tide'), 'newsletter');
  assert.equal(reasonOf(html, 'Go'), 'newsletter');
});

test('extractHtml(page) lets the words beat the container: a credit line in a "credit" box, a date in a byline box', () => {
  const html = page(
    '',
    '<div class="photo-credit"><p>Additional reporting by Meridian Press Agency</p></div><div class="byline"><p>Wed 5 Mar 2025 16.05 CET</p></div>',
  );
  assert.equal(reasonOf(html, 'Additional reporting by Meridian Press Agency'), 'credit-line');
  assert.equal(reasonOf(html, 'Wed 5 Mar 2025 16.05 CET'), 'date');
});

test('extractHtml(page) lets an author box beat a "follow him on" line inside it', () => {
  const html = page(
    '',
    '<div class="author-box"><p>Jonah Pell covers ports and shipping for Freightline Weekly. Follow him on X at @jonahpell_fw.</p></div>',
  );
  assert.equal(
    reasonOf(
      html,
      'Jonah Pell covers ports and shipping for Freightline Weekly. Follow him on X at @jonahpell_fw.',
    ),
    'author-box',
  );
});

test('extractHtml(page) names a priced subscription offer an advertisement and the section label above the headline a header line', () => {
  const html = page(
    '<header><a class="subscribe-button" href="/subscribe">Subscribe from 2 crowns a week</a></header><p class="kicker"><a href="/ports">Ports</a></p>',
  );
  assert.equal(reasonOf(html, 'Subscribe from 2 crowns a week'), 'advertisement');
  assert.equal(reasonOf(html, 'Ports'), 'header');
});

test('extractHtml(page) names the same blocks with or without keepAll and keeps the same body', () => {
  const html = page(
    '<nav><a href="/">Home</a></nav>',
    '<footer><p>© 2025 Courier. All rights reserved.</p><a href="/about">About us</a></footer>',
  );
  const plain = extractHtml(html);
  const all = extractHtml(html, { keepAll: true });
  assert.deepEqual(all.removed, plain.removed);
  assert.equal(plain.paragraphs.length, 4);
});
