import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from './index.ts';

// A hand-written news page in the shape of a WordPress/Arc news site: a
// navigation bar, an article header with headline, byline and date, a
// share bar, a lead photo with caption and credit, the body with a related
// box and a newsletter sign-up in the middle, an author box, related links
// after the story and a footer. JSON-LD in a @graph, OpenGraph tags.
const BODY = [
  'MOSCOW (Reuters) - Russia will supply more weapons to Central Asian states as the Taliban consolidate their hold on Afghanistan, the head of a Russian state arms agency said on Tuesday, according to the RIA news agency.',
  'Moscow has been worried that instability in Afghanistan could spill over into the wider region, which it views as its southern defensive buffer, and has held military exercises with Uzbekistan and Tajikistan this month near their borders.',
  '"Arms deliveries to the countries of the region will certainly grow," Alexander Mikheev, the head of the state arms exporter, told the news agency, adding that it had already received a number of orders from several countries.',
  'Russia has a military base in Tajikistan and has said it will do whatever it takes to protect its allies in the region from any attack launched from Afghan territory, while keeping up contacts with the Taliban leadership in Kabul.',
  'The Kremlin said on Monday that it had no plans to recognise the new government yet, but that it would judge the movement by its actions and by whether it kept its promise to stop the spread of drugs and militancy across the border.',
];

const PAGE = `<!doctype html>
<html lang="en-GB">
<head>
  <title>Russia to supply more arms to Central Asia | The Daily Courier</title>
  <meta property="og:site_name" content="The Daily Courier">
  <meta property="og:title" content="Russia to supply more arms to Central Asia as Taliban advance">
  <meta property="og:description" content="Moscow fears instability will spill over from Afghanistan.">
  <meta property="og:url" content="https://courier.example/world/russia-arms-central-asia">
  <meta name="author" content="Courier Staff">
  <link rel="canonical" href="/world/russia-arms-central-asia">
  <script type="application/ld+json">
  {"@context":"https://schema.org","@graph":[
    {"@type":"WebSite","name":"The Daily Courier","url":"https://courier.example/"},
    {"@type":["NewsArticle","ReportageNewsArticle"],
     "headline":"Russia to supply more arms to Central Asia as Taliban advance",
     "datePublished":"2021-08-24T10:35:00+03:00",
     "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"},{"@type":"Organization","name":"Reuters"}],
     "publisher":{"@type":"Organization","name":"The Daily Courier"}}
  ]}
  </script>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">The Daily Courier</a>
    <nav class="main-nav"><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <main>
    <article class="story">
      <header class="story-header">
        <h1 class="headline">Russia to supply more arms to Central Asia as Taliban advance</h1>
        <p class="byline">By Jane Doe and John Roe</p>
        <time datetime="2021-08-24T10:35:00+03:00">August 24, 2021</time>
      </header>
      <ul class="share-bar"><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li><li><a href="#">Email</a></li></ul>
      <figure class="lead-image">
        <img src="tanks.jpg" alt="">
        <figcaption>Russian tanks during joint exercises near the Afghan border.</figcaption>
        <p class="image-credit">Photo: Ivan Petrov/Reuters</p>
      </figure>
      <div class="story-body">
        <p>${BODY[0]}</p>
        <p>${BODY[1]}</p>
        <aside class="related-box"><h4>Related coverage</h4><ul><li><a href="/a">Taliban enter Kabul as president flees</a></li><li><a href="/b">Uzbekistan holds drills with Russian troops</a></li></ul></aside>
        <p>${BODY[2]}</p>
        <div class="newsletter-signup"><p>Sign up for our daily World Briefing newsletter.</p><form><input type="email"><button>Subscribe</button></form></div>
        <p>${BODY[3]}</p>
        <p>${BODY[4]}</p>
      </div>
      <div class="author-bio"><p>Jane Doe covers Russia and Central Asia for the Courier from Moscow.</p></div>
      <div class="more-stories"><h3>More from World</h3><ul><li><a href="/c">Floods hit southern Germany</a></li><li><a href="/d">Japan's new prime minister names cabinet</a></li></ul></div>
    </article>
  </main>
  <footer><p>© 2021 The Daily Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body>
</html>`;

const removedReason = (result: ReturnType<typeof extractHtml>, text: string) =>
  result.removed.find((r) => r.text.includes(text))?.reason;

test('extractHtml(page) keeps exactly the body paragraphs of a news page, in order', () => {
  const result = extractHtml(PAGE, {
    url: 'https://courier.example/world/russia-arms-central-asia',
  });
  assert.deepEqual(result.paragraphs, BODY);
});

test('extractHtml(page) places each removed block before the paragraph that follows it on the page', () => {
  const result = extractHtml(PAGE);
  assert.equal(result.removedAt.length, result.removed.length);
  const at = (text: string): number | undefined =>
    result.removedAt[result.removed.findIndex((r) => r.text.includes(text))];
  assert.equal(at('By Jane Doe and John Roe'), 0);
  assert.equal(at('Photo: Ivan Petrov/Reuters'), 0);
  assert.equal(at('Taliban enter Kabul as president flees'), 2);
  assert.equal(at('Sign up for our daily World Briefing newsletter.'), 3);
  assert.equal(at('Jane Doe covers Russia'), BODY.length);
  assert.equal(at('All rights reserved'), BODY.length);
  // Never decreasing: removed is in page order, like the paragraphs.
  result.removedAt.forEach((n, i) => {
    assert.ok(i === 0 || n >= (result.removedAt[i - 1] ?? 0), `removedAt[${i}] in order`);
  });
});

test('extractHtml(page) reports page furniture in removed with the reason, never dropping it silently', () => {
  const result = extractHtml(PAGE);
  assert.equal(removedReason(result, 'Facebook'), 'share');
  assert.equal(removedReason(result, 'Russian tanks during joint exercises'), 'caption');
  assert.equal(removedReason(result, 'Photo: Ivan Petrov/Reuters'), 'photo-credit');
  assert.equal(removedReason(result, 'Taliban enter Kabul as president flees'), 'related-link');
  assert.equal(
    removedReason(result, 'Sign up for our daily World Briefing newsletter.'),
    'newsletter',
  );
  assert.equal(removedReason(result, 'Floods hit southern Germany'), 'related-link');
  assert.equal(removedReason(result, 'Jane Doe covers Russia'), 'author-box');
  assert.equal(removedReason(result, 'Business'), 'navigation');
  assert.equal(removedReason(result, 'More from World'), 'related-link');
  assert.equal(removedReason(result, 'Subscribe'), 'newsletter');
  assert.equal(removedReason(result, 'All rights reserved'), 'legal');
  assert.equal(removedReason(result, 'By Jane Doe and John Roe'), 'byline');
  assert.equal(removedReason(result, 'August 24, 2021'), 'date');
  assert.equal(
    removedReason(result, 'Russia to supply more arms to Central Asia as Taliban'),
    'headline',
  );
  // Every visible word of the page is either in a paragraph or in removed.
  const seen = [...result.paragraphs, ...result.removed.map((r) => r.text)].join(' ');
  for (const word of ['Daily', 'World', 'Sport', 'August', 'Subscribe', 'Privacy', 'cabinet']) {
    assert.ok(seen.includes(word), `${word} is neither kept nor removed`);
  }
});

test('extractHtml(page) reads headline, bylines, time with its UTC offset, outlet, language, url and description', () => {
  const result = extractHtml(PAGE, {
    url: 'https://courier.example/world/russia-arms-central-asia?utm=x',
  });
  assert.equal(result.headline, 'Russia to supply more arms to Central Asia as Taliban advance');
  assert.deepEqual(result.bylines, ['Jane Doe', 'John Roe']);
  assert.equal(result.publishedAt, '2021-08-24T10:35:00+03:00');
  assert.equal(result.outlet, 'The Daily Courier');
  assert.equal(result.language, 'en');
  assert.equal(result.url, 'https://courier.example/world/russia-arms-central-asia');
  assert.equal(result.description, 'Moscow fears instability will spill over from Afghanistan.');
});

test('extractHtml(page) takes back an embedded tweet Readability drops between body paragraphs', () => {
  const tweet = 'Arms deliveries will grow, says the head of the state exporter. https://t.co/abc';
  const page = `<html><body><article><div class="entry-content">
    <p>${BODY[0]}</p><p>${BODY[1]}</p>
    <div class="social-embed"><blockquote class="twitter-tweet"><p>${tweet}</p>— Jane Doe (@janedoe) August 24, 2021</blockquote></div>
    <p>${BODY[2]}</p><p>${BODY[3]}</p></div></article></body></html>`;
  const result = extractHtml(page);
  assert.ok(result.paragraphs.includes(tweet), 'the tweet text is kept');
  assert.deepEqual(result.paragraphs.slice(0, 2), BODY.slice(0, 2));
  assert.equal(result.paragraphs.at(-1), BODY[3]);
});

test('extractHtml(page) falls back to OpenGraph and meta tags and cleans the meta author', () => {
  const page = `<html><head>
    <meta property="og:title" content="Floods hit southern Germany">
    <meta property="og:site_name" content="Courier">
    <meta property="og:locale" content="de_DE">
    <meta property="article:published_time" content="2021-07-15T08:00:00Z">
    <meta name="author" content="By Anna Schmidt, Staff Writer">
    <meta name="description" content="Rivers burst their banks.">
    </head><body><article>${BODY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  const result = extractHtml(page);
  assert.equal(result.headline, 'Floods hit southern Germany');
  assert.equal(result.outlet, 'Courier');
  assert.equal(result.language, 'de');
  assert.equal(result.publishedAt, '2021-07-15T08:00:00Z');
  assert.deepEqual(result.bylines, ['Anna Schmidt']);
  assert.equal(result.description, 'Rivers burst their banks.');
  assert.equal(result.url, null);
});

test('extractHtml(page) on a page without an article returns no paragraphs and lists what it saw', () => {
  const result = extractHtml(
    '<html><body><nav><a href="/">Home</a></nav><p>Short.</p></body></html>',
  );
  assert.ok(result.paragraphs.length <= 1);
  assert.ok(result.removed.some((r) => r.text === 'Home'));
});

test('extractHtml(html) throws a TypeError for a non-string page', () => {
  assert.throws(
    () => extractHtml(42 as unknown as string),
    /Expected html to be a string, got number/,
  );
});
