import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyrightHolder } from './copyright-holder.ts';

test('copyrightHolder(line) reads the holder before or after the year, without the company form', () => {
  assert.equal(
    copyrightHolder('(c) Meridian Press Agency 2025. All rights reserved. Not for redistribution.'),
    'Meridian Press Agency',
  );
  assert.equal(
    copyrightHolder('© 2025 The Coastline Courier Ltd. All rights reserved.'),
    'The Coastline Courier',
  );
  assert.equal(
    copyrightHolder(
      '(c) 2025 The Northern Ledger. Printed and published by Ledger House, 14 Quay Street, Port Sollen.',
    ),
    'The Northern Ledger',
  );
  assert.equal(
    copyrightHolder('Freightline Weekly © 2025. All rights reserved. Terms | Privacy'),
    'Freightline Weekly',
  );
  assert.equal(copyrightHolder('Copyright © 2010-2021 Bank of England'), 'Bank of England');
});

test('copyrightHolder(line) is null for lines that name no holder', () => {
  assert.equal(copyrightHolder('Copyright infringement claims rose last year.'), null);
  assert.equal(copyrightHolder('© All rights reserved'), null);
  assert.equal(copyrightHolder('The crane was built in 1998 © by nobody'), null);
});
