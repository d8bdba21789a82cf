import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textVerdict } from './text-rules.ts';

const reason = (text: string) => textVerdict(text)?.reason ?? null;

test('textVerdict(text) names short furniture lines by their words', () => {
  assert.equal(reason('Photo: David Zalubowski, STF / Associated Press'), 'photo-credit');
  assert.equal(reason('Image 1 of 9'), 'caption');
  assert.equal(
    reason('Read more: Alibaba poised to launch record-breaking listing'),
    'related-link',
  );
  assert.equal(reason('Sign up for our Email Newsletters here.'), 'newsletter');
  assert.equal(reason('Copyright 2019 Hawaii News Now. All rights reserved.'), 'legal');
  assert.equal(reason('Published 11:34 PM EST Nov 19, 2019'), 'date');
  assert.equal(reason('segunda-feira, 22 de janeiro de 2018 às 0:13'), 'date');
  assert.equal(reason('By Paul Takahashi'), 'byline');
  assert.equal(reason('Whatsapp Facebook Pint Baixar'), 'share');
  assert.equal(reason('Filed under: Politics'), 'navigation');
});

test('textVerdict(text) leaves article sentences, times and numbers alone', () => {
  assert.equal(
    reason(
      'Read more about how the council spent the money in our investigation last year, which found that several contracts were awarded without any tender at all and that the costs had tripled since 2015.',
    ),
    null,
  );
  assert.equal(reason('4:14 p.m.'), null);
  assert.equal(reason('2,400'), null);
  assert.equal(reason('The 2019 season starts in May.'), null);
  assert.equal(
    reason(
      'By the end of the year, the company had cut 4,000 jobs across its European offices, the union said.',
    ),
    null,
  );
});
