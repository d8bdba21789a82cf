import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import type { DomDocument, DomElement } from './dom.ts';
import { elementSignal } from './element-signals.ts';

/** The signal of the first element of `html` matching `selector`. */
function signalOf(html: string, selector = 'body > *') {
  const { document } = parseHTML(`<html><body>${html}</body></html>`) as unknown as {
    document: DomDocument;
  };
  const el = document.querySelector(selector) as DomElement | null;
  assert.ok(el, `${selector} is in the page`);
  return elementSignal(el);
}

test('elementSignal(el) names <nav> navigation and <figcaption> a caption, whatever their class', () => {
  assert.deepEqual(signalOf('<nav class="story-links"><a href="/">Home</a></nav>'), {
    reason: 'navigation',
    detail: '<nav>',
    weak: false,
  });
  assert.equal(
    signalOf('<figure><figcaption>A crane</figcaption></figure>', 'figcaption')?.reason,
    'caption',
  );
});

test('elementSignal(el) reads role=navigation and role=search', () => {
  assert.equal(signalOf('<div role="navigation">x</div>')?.reason, 'navigation');
  assert.equal(signalOf('<div role="search">x</div>')?.reason, 'navigation');
  assert.equal(signalOf('<div role="menubar">x</div>')?.reason, 'navigation');
});

test('elementSignal(el) names a block by its aria-label when the label names furniture', () => {
  const signal = signalOf('<div aria-label="Share this article"><a href="#">Facebook</a></div>');
  assert.equal(signal?.reason, 'share');
  assert.equal(signal?.detail, "aria-label 'Share this article'");
  assert.equal(signalOf('<nav aria-label="Sections">x</nav>')?.reason, 'navigation');
  assert.equal(signalOf('<div aria-label="Story text">x</div>'), null);
});

test('elementSignal(el) takes a "Skip to" link to an anchor on the page for navigation', () => {
  assert.equal(signalOf('<a href="#main">Skip to main content</a>')?.reason, 'navigation');
  assert.equal(signalOf('<a href="/skip">Skip to main content</a>'), null);
  assert.equal(signalOf('<a href="#top">Back to top</a>'), null);
});

test('elementSignal(el) names a form with an e-mail field a newsletter form and one with a search field navigation', () => {
  assert.deepEqual(signalOf('<form><input type="email"><button>Sign up</button></form>'), {
    reason: 'newsletter',
    detail: 'a form with an e-mail field',
    weak: false,
  });
  assert.equal(signalOf('<form><input name="q"></form>')?.reason, 'navigation');
  assert.deepEqual(signalOf('<form><input name="name"></form>'), {
    reason: 'boilerplate',
    detail: '<form>',
    weak: true,
  });
});

test('elementSignal(el) reads social, share, cookie and newsletter class and id words', () => {
  assert.equal(signalOf('<div class="social-links">x</div>')?.reason, 'share');
  assert.equal(signalOf('<div class="share-bar">x</div>')?.reason, 'share');
  assert.equal(signalOf('<div id="cookie-banner">x</div>')?.reason, 'legal');
  assert.equal(signalOf('<div class="gdpr-consent">x</div>')?.reason, 'legal');
  assert.equal(signalOf('<aside class="newsletter-signup">x</aside>')?.reason, 'newsletter');
  assert.equal(signalOf('<aside class="newsletter-signup">x</aside>')?.weak, false);
});

test('elementSignal(el) tells an author box ("author-box", "about-author") from a byline ("author")', () => {
  assert.equal(signalOf('<div class="author-box">x</div>')?.reason, 'author-box');
  assert.equal(
    signalOf('<div class="about-the-author about-author">x</div>')?.reason,
    'author-box',
  );
  assert.equal(signalOf('<span class="author">x</span>')?.reason, 'byline');
});

test('elementSignal(el) names the section label above a headline ("kicker") a header line', () => {
  assert.equal(signalOf('<p class="kicker">World</p>')?.reason, 'header');
  assert.equal(signalOf('<p class="story-eyebrow">World</p>')?.reason, 'header');
});

test('elementSignal(el) marks places on the page (footer, aside, header, button, "site-footer") as weak', () => {
  for (const [html, reason] of [
    ['<footer>x</footer>', 'boilerplate'],
    ['<aside>x</aside>', 'related-link'],
    ['<header>x</header>', 'header'],
    ['<div role="banner">x</div>', 'header'],
    ['<button>x</button>', 'navigation'],
    ['<div class="site-footer">x</div>', 'navigation'],
    ['<div role="contentinfo">x</div>', 'boilerplate'],
  ] as const) {
    const signal = signalOf(html);
    assert.equal(signal?.reason, reason, html);
    assert.equal(signal?.weak, true, html);
  }
  assert.equal(signalOf('<div class="story-body">x</div>'), null);
});

test("elementSignal(el) leaves an article's own <header> unnamed: it holds the headline, not the page's header", () => {
  assert.equal(
    signalOf('<article><header><h1>Crane collapse</h1></header></article>', 'header'),
    null,
  );
});
