import assert from 'node:assert/strict';
import { test } from 'node:test';
import { unitFeatures } from './features.ts';
import { hasLexiconHit, UNIT_RULES } from './rules.ts';

// Per rule: lines it must fire on (from the seeds where possible) and lines
// it must leave alone (story sentences and near misses).
const CASES: Record<string, { fires: string[]; ignores: string[] }> = {
  'loading-placeholder': {
    fires: ['Loading...', 'Loading…', 'Please wait'],
    ignores: ['Loading of the cargo took three days.'],
  },
  'advertisement-label': {
    fires: ['Advertisement', 'Sponsored content'],
    ignores: ['The advertisement ran for weeks.'],
  },
  'read-more-link': {
    fires: [
      'READ MORE: US, allies ask people to leave Kabul airport area over Daesh threat',
      'Related: Taliban take Kabul',
    ],
    ignores: ['Read more about it in the report, he said.', 'Related talks were held on Friday.'],
  },
  'read-more-label': {
    fires: ['Read more', 'Continue reading »'],
    ignores: ['Read more books, the minister urged.'],
  },
  'view-counter': {
    fires: [
      'Count : 169',
      'Published : Friday, 27 August, 2021 at 12:00 AM  Count : 169',
      '1,234 views',
    ],
    ignores: ['The count was 169 votes.'],
  },
  'share-widget': {
    fires: [
      'Share',
      'Facebook | Twitter | Email',
      'Share on WhatsApp',
      'Share this story: Facebook | X | WhatsApp | Email',
      'Share: Facebook · X · Email',
      'Share this: X LinkedIn Email',
    ],
    ignores: ['Share prices fell sharply on Monday.', 'X', 'X marks the spot, he said.'],
  },
  'follow-us': { fires: ['Follow us on Telegram'], ignores: ['They follow us everywhere.'] },
  'caption-photo-credit': {
    fires: [
      "Afghan resistance movement and anti-Taliban uprising forces prepare an artillery gun at Anaba Panjshir district in Panjshir on August 26 after Taliban's military takeover following the US troop withdrawal. photo : AFP",
      'Troops on parade in Moscow. (Photo: Reuters)',
    ],
    ignores: ['He posted the photo on Twitter and deleted it an hour later.'],
  },
  'photo-credit': {
    fires: ['Image: Moscow Times/', 'Photo: AFP', 'Photo credit: Jane Doe'],
    ignores: ['Photographs of the meeting were not released.'],
  },
  'picture-agency-credit': {
    fires: ['Sakib Ali/Hindustan Times/Getty Images', 'AFP via Getty Images'],
    ignores: ['Reuters', 'He joined Reuters/Ipsos polling in 2019 as an analyst for the firm.'],
  },
  'caption-trailing-credit': {
    fires: ["Russia is the world's second-largest arms exporter. Russian Defense Ministry"],
    ignores: [
      "Russia is the world's second-largest arms exporter.",
      'Alexander Mikheev, the head of Russia’s state arms exporter, Rosoboronexport, said to RIA',
      'August 14 – St. Louis, MO @ Hollywood Casino Amphitheatre – St. Louis',
    ],
  },
  'labelled-date': {
    fires: ['Published : Friday, 27 August, 2021 at 12:00 AM', 'Updated: Aug 27, 2021'],
    ignores: ['Published in 2021, the report found nothing.'],
  },
  'date-line': {
    fires: ['Monday, Aug 23, 2021 - 02:03 PM', 'Friday, 27 August, 2021, 10:35 AM'],
    ignores: ['On Aug 23, 2021 the border was closed to all refugees.'],
  },
  'reading-time': { fires: ['5 min read'], ignores: ['It took 5 minutes to read the statement.'] },
  byline: {
    fires: ['by Tyler Durden', 'By Jane Doe and John Roe', 'By Jane Doe, Reuters'],
    ignores: ['By Thursday, the troops had left the city.', 'by the end of the week'],
  },
  'author-photo': {
    fires: ["Tyler Durden's Photo"],
    ignores: ["The minister's photo was on every wall."],
  },
  'author-box': {
    fires: ['Latest posts by Jadenne Radoc Cabahug (see all)', 'About the author'],
    ignores: ['The latest posts by the ministry were deleted.'],
  },
  'credit-line': {
    fires: [
      'Reuters',
      'Source: AFP',
      'AFP contributed to this report.',
      'Reporting by Jane Doe in Moscow; Editing by John Roe',
      '(Reporting by Anneliese Kord; Editing by Piet Halvorsen)',
      'Additional reporting by Meridian Press Agency',
      'With inputs from PTI',
      '— Staff and agencies',
    ],
    ignores: [
      'Reuters could not verify the report.',
      'Russian Defense Ministry',
      'Reporting by the ministry was patchy, he said.',
    ],
  },
  'newsletter-signup': {
    fires: ['Sign up for our free weekly newsletter'],
    ignores: ['He signed up for the army in 2001.'],
  },
  'newsletter-consent': {
    fires: ['Subscribers agree to the Privacy Policy'],
    ignores: ['Subscribers to the service rose by a third.'],
  },
  'support-banner': {
    fires: ['Support The Moscow Times!'],
    ignores: ['Support for the bill is growing.', 'Support the troops'],
  },
  'message-from': {
    fires: ['A Message from The Moscow Times:'],
    ignores: ['A message from the president was read out.'],
  },
  'dear-readers': {
    fires: ['Dear readers,'],
    ignores: ['Dear readers of the report will notice the gap.'],
  },
  'donation-closer': {
    fires: ['Not ready to support today?', 'Remind me later.'],
    ignores: ['They are not ready to attack, he said.'],
  },
  'payment-widget': {
    fires: ['Once', 'Monthly', 'Annual', 'Continue', 'paiment methods', '$5'],
    ignores: ['Once again, talks failed.'],
  },
  'skip-link': {
    fires: ['Skip to main content', 'Skip to navigation', 'Skip to content'],
    ignores: ['Skip to the next section if you know the story.', 'Skipper to content'],
  },
  'paid-offer': {
    fires: [
      'Subscribe from 2 crowns a week',
      'Get unlimited access for $1 a week',
      'Subscriptions from £4.99 per month',
    ],
    ignores: [
      'Sign up for our free morning newsletter',
      'Subscribers pay 2 crowns a week, the company said.',
      'Subscribe to our newsletter',
    ],
  },
  tags: { fires: ['Tags: Russia, Afghanistan'], ignores: ['Tags were attached to every crate.'] },
  breadcrumb: {
    fires: ['Home › World › Asia'],
    ignores: ['Russia / Ukraine', 'Sakib Ali/Hindustan Times/Getty Images'],
  },
  'menu-row': {
    fires: [
      'Home | National | Ports & Shipping | Opinion | E-Paper',
      'Home · News · Campus · Culture · About the Lantern',
    ],
    ignores: [
      'Crane collapse | The Northern Ledger',
      'By Mara Lindqvist, Staff Writer · Thursday, March 6, 2025',
      'Russia | Afghanistan | A long headline about the weapons deal with its neighbours',
    ],
  },
  copyright: {
    fires: ['© 2021 Example News. All rights reserved.', 'Copyright 2021 Reuters'],
    ignores: ['The copyright dispute went to court in May.'],
  },
  comments: {
    fires: ['12 comments', 'Leave a comment'],
    ignores: ['No comments were made by the ministry.'],
  },
  separator: { fires: ['* * *', '---', '•••'], ignores: ['* Russia said it would help.'] },
  'newsletter-words': {
    fires: ['Get our newsletter'],
    ignores: ['The orders come as countries in the region have raised concerns.'],
  },
  'legal-words': { fires: ['Privacy Policy'], ignores: ['The policy was changed.'] },
  'donation-words': {
    fires: ['Donate', 'Ways to help refugees include donating funds or essentials.'],
    ignores: ['Countries surrounding Afghanistan are looking to defend themselves.'],
  },
  'related-words': { fires: ['Most read', 'Trending'], ignores: ['He read the statement aloud.'] },
  'photo-words': { fires: ['Photo gallery'], ignores: ['The photographer left.'] },
  'advert-words': { fires: ['Sponsored by Example'], ignores: ['The sponsor left the race.'] },
};

test('UNIT_RULES have unique names, known weights and an explanation each', () => {
  const names = UNIT_RULES.map((r) => r.name);
  assert.equal(new Set(names).size, names.length);
  for (const rule of UNIT_RULES) {
    assert.ok(rule.weight > 0, rule.name);
    assert.ok(rule.explain.length > 0, rule.name);
    assert.match(rule.name, /^[a-z]+(?:-[a-z]+)*$/);
  }
});

test('every rule of UNIT_RULES has test cases here', () => {
  assert.deepEqual(
    UNIT_RULES.map((r) => r.name).filter((n) => !(n in CASES)),
    [],
  );
});

for (const rule of UNIT_RULES) {
  const cases = CASES[rule.name];
  if (!cases) continue;
  test(`rule ${rule.name} fires on its furniture and leaves story lines alone`, () => {
    for (const text of cases.fires)
      assert.equal(rule.test(unitFeatures(text)), true, `fires on '${text}'`);
    for (const text of cases.ignores)
      assert.equal(rule.test(unitFeatures(text)), false, `ignores '${text}'`);
  });
}

test('hasLexiconHit(unit) is true for furniture words and false for plain story prose', () => {
  assert.equal(
    hasLexiconHit(unitFeatures('Our weekly newsletter contains a hand-picked selection of news.')),
    true,
  );
  assert.equal(
    hasLexiconHit(
      unitFeatures('Uzbekistan and Tajikistan held joint military exercises with Russia.'),
    ),
    false,
  );
});
