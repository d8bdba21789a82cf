import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RemovalReason } from '../../model/article.ts';
import { classifyUnits, metaRowParts } from './classify-units.ts';
import type { Unit } from './unit.ts';

const text = (...lines: string[]): Unit[] => lines.map((l) => ({ text: l, kind: 'text' }));
const reasons = (units: Unit[], options = { findHeadline: true }): Array<RemovalReason | null> =>
  classifyUnits(units, options).verdicts.map((v) => v.reason);

const H = 'Russia to supply weapons to Afghan neighbours';
const P1 =
  'Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics.';
const P2 =
  'The orders come as countries in the ex-Soviet region have raised concerns over the militant group.';
const P3 =
  'Uzbekistan and Tajikistan earlier this month held joint military exercises with Russia close to the border.';

test('classifyUnits(units) takes the first title-like line as the headline and lines above it as header', () => {
  const result = classifyUnits(
    text(
      'Friday, 27 August, 2021, 10:35 AM',
      'World',
      'Russia to supply weapons to Afghan neighbours',
      P1,
      P2,
    ),
    {
      findHeadline: true,
    },
  );
  assert.equal(result.headline, 2);
  assert.deepEqual(
    result.verdicts.map((v) => v.reason),
    ['header', 'header', 'headline', null, null],
  );
});

test('classifyUnits(units) finds no headline when the text opens with prose', () => {
  const result = classifyUnits(text(P1, 'Short title-like line', P2), { findHeadline: true });
  assert.equal(result.headline, -1);
});

test('classifyUnits(units) matches a known headline instead of guessing one', () => {
  const result = classifyUnits(text('Kicker', 'The real title', P1), {
    knownHeadline: 'The real title',
    findHeadline: false,
  });
  assert.equal(result.headline, 1);
  assert.deepEqual(
    result.verdicts.map((v) => v.reason),
    ['header', 'headline', null],
  );
});

test('classifyUnits(units) removes a whole donation appeal from opener to closer, prose included', () => {
  const got = reasons(
    text(
      H,
      P1,
      P2,
      'A Message from The Moscow Times:',
      'Dear readers,',
      'We are facing unprecedented challenges. The authorities have designated our newsroom as undesirable.',
      'Your support, no matter how small, makes a world of difference to our work.',
      'Monthly',
      'Remind me later.',
    ),
  );
  assert.deepEqual(got, [
    'headline',
    null,
    null,
    'donation',
    'donation',
    'donation',
    'donation',
    'donation',
    'donation',
  ]);
});

test('classifyUnits(units) stops an appeal block at a story paragraph', () => {
  const got = reasons(
    text(
      H,
      'Sign up for our free weekly newsletter',
      P1,
      P2,
      'Subscribers agree to the Privacy Policy',
    ),
  );
  assert.deepEqual(got, ['headline', 'newsletter', null, null, 'newsletter']);
});

test('classifyUnits(units) keeps the body copy of a repeated standfirst and removes the earlier ones', () => {
  const repeat =
    'Russia remains cautiously optimistic about the new leadership in Kabul, while it has warned of militants.';
  const body =
    'While Russia remains cautiously optimistic about the new leadership in Kabul, it has warned of militants.';
  const got = reasons(text(H, repeat, 'Reuters', repeat, P1, P2, body, P3));
  assert.deepEqual(got, [
    'headline',
    'duplicate',
    'credit-line',
    'duplicate',
    null,
    null,
    null,
    null,
  ]);
});

test('classifyUnits(units) removes a summary under the headline when head metadata follows it', () => {
  const summary =
    'Orders for weapons come after the takeover, officials in Moscow said on Thursday.';
  assert.deepEqual(reasons(text(H, summary, 'by Jane Doe', P1, P2)), [
    'headline',
    'standfirst',
    'byline',
    null,
    null,
  ]);
  // Without metadata after it, the first paragraph is the lede and stays.
  assert.deepEqual(reasons(text(H, summary, P1, P2)), ['headline', null, null, null]);
});

test('classifyUnits(units) removes a subtitle, subheadings between prose and fragments after the body', () => {
  const got = reasons(text(H, 'A subtitle under it', P1, 'Military exercises', P2, P3, 'Route 6'));
  assert.deepEqual(got, ['headline', 'standfirst', null, 'subheading', null, null, 'boilerplate']);
});

test('classifyUnits(units) keeps short lines in the body that end like sentences', () => {
  const got = reasons(text(H, P1, '"We don\'t want militants here."', P2, 'He said no.', P3));
  assert.deepEqual(got, ['headline', null, null, null, null, null]);
});

test('classifyUnits(units) removes the author name above an author box', () => {
  const got = reasons(
    text(H, P1, P2, 'Jadenne Radoc Cabahug', 'Latest posts by Jadenne Radoc Cabahug (see all)'),
  );
  assert.deepEqual(got, ['headline', null, null, 'author-box', 'author-box']);
});

test('classifyUnits(units) reads a bare name next to the date as a byline', () => {
  const got = reasons(text(H, 'Jane Doe', 'Aug 23, 2021', P1, P2));
  assert.deepEqual(got, ['headline', 'byline', 'date', null, null]);
});

test('classifyUnits(units, markup) skips the positional text rules but keeps per-unit ones', () => {
  const got = reasons(text(P1, 'Military exercises', P2, 'Loading...', 'Route 6'), {
    findHeadline: false,
    structure: 'markup',
  } as never);
  assert.deepEqual(got, [null, null, null, 'placeholder', null]);
});

test('classifyUnits(units) removes Markdown images and separators and treats headings as subheadings', () => {
  const units: Unit[] = [
    { text: 'Title', kind: 'heading' },
    { text: 'A caption', kind: 'image' },
    { text: P1, kind: 'text' },
    { text: 'Section', kind: 'heading' },
    { text: P2, kind: 'text' },
    { text: '* * *', kind: 'separator' },
    { text: P3, kind: 'text' },
  ];
  assert.deepEqual(reasons(units), [
    'headline',
    'caption',
    null,
    'subheading',
    null,
    'boilerplate',
    null,
  ]);
});

const MARKUP = { findHeadline: false, structure: 'markup' } as const;

test('metaRowParts(text) cuts a byline and date row run together into its pieces', () => {
  assert.deepEqual(
    metaRowParts(
      'By Rhona Castell Wed 5 Mar 2025 16.05 CET Last modified on Wed 5 Mar 2025 17.30 CET',
    )?.map((p) => [p.text, p.reason]),
    [
      ['By Rhona Castell', 'byline'],
      ['Wed 5 Mar 2025 16.05 CET', 'date'],
      ['Last modified on Wed 5 Mar 2025 17.30 CET', 'date'],
    ],
  );
  assert.deepEqual(
    metaRowParts('by Jonah Pell Thursday, Mar 06, 2025 - 10:05 AM 12 comments')?.map(
      (p) => p.reason,
    ),
    ['byline', 'date', 'comments'],
  );
});

test('metaRowParts(text) leaves sentences, single dates and date ranges whole', () => {
  assert.equal(metaRowParts('Talks held on 5 March 2025 in Kestrel Bay failed to agree.'), null);
  assert.equal(metaRowParts('Wed 5 Mar 2025 16.05 CET'), null);
  assert.equal(metaRowParts('29 November 2018 | 20 January 2019'), null);
});

test('classifyUnits(units) removes a glued byline and date row with its pieces', () => {
  const result = classifyUnits(text(H, 'By Rhona Castell Wed 5 Mar 2025 16.05 CET', P1, P2), {
    findHeadline: true,
  });
  assert.deepEqual(
    result.verdicts.map((v) => v.reason),
    ['headline', 'byline', null, null],
  );
  assert.deepEqual(
    result.verdicts[1]?.parts?.map((p) => p.text),
    ['By Rhona Castell', 'Wed 5 Mar 2025 16.05 CET'],
  );
});

test('classifyUnits(units, markup) takes the block above the byline row for a standfirst', () => {
  const standfirst =
    "One dead and four injured after a 70-metre gantry crane buckles onto a cargo ship; the port's remaining cranes will be inspected";
  assert.deepEqual(
    reasons(
      text(standfirst, 'By Rhona Castell', `KESTREL BAY, March 5 (MPA) - ${P1}`, P2),
      MARKUP as never,
    ),
    ['standfirst', 'byline', null, null],
  );
  // A lede that opens with a dateline is the body, and so is a first block
  // with no byline or date row under it.
  assert.deepEqual(reasons(text(`MOSCOW, Aug 26: ${P1}`, 'Aug 23, 2021', P2), MARKUP as never), [
    null,
    'date',
    null,
  ]);
  assert.deepEqual(reasons(text(standfirst, P1, P2), MARKUP as never), [null, null, null]);
});

test('classifyUnits(units) removes the author bio at the foot, by the byline name or a role', () => {
  const bio =
    'Mara Lindqvist is a second-year journalism student at Kestrel Bay Polytechnic and news editor of the Tidewater Lantern.';
  assert.deepEqual(
    reasons(text(H, 'By Mara Lindqvist', P1, P2, bio, 'Latest posts by Mara Lindqvist (see all)')),
    ['headline', 'byline', null, null, 'author-box', 'author-box'],
  );
  assert.deepEqual(reasons(text(H, P1, P2, 'Jane Doe is a reporter at the Kestrel Herald.')), [
    'headline',
    null,
    null,
    'author-box',
  ]);
  // A story paragraph about a person, or a bio that is not at the foot, stays.
  const story = 'Dora Mensah is the union safety officer who warned about the crane for months.';
  assert.deepEqual(reasons(text(H, P1, story)), ['headline', null, null]);
  assert.deepEqual(reasons(text(H, 'By Mara Lindqvist', P1, bio, P2)), [
    'headline',
    'byline',
    null,
    null,
    null,
  ]);
});

test('classifyUnits(units) removes an appeal to the reader right above the donation buttons', () => {
  const appeal =
    'The Northern Ledger is free to read, and we want to keep it that way. If you value our work, please make a donation today: even 5 crowns a month keeps a reporter on the quay.';
  assert.deepEqual(reasons(text(H, P1, P2, appeal, 'Donate now', 'Maybe later')), [
    'headline',
    null,
    null,
    'donation',
    'donation',
    'donation',
  ]);
  // Story prose about donations does not speak to the reader: it stays.
  const story =
    'Ways to help refugees around the world include supporting local organizations and donating funds.';
  assert.deepEqual(reasons(text(H, P1, story, 'Donate now', 'Maybe later')), [
    'headline',
    null,
    null,
    'donation',
    'donation',
  ]);
});
