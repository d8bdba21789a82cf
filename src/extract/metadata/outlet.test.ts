import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outletFromAuthorBio, outletFromFurniture, outletFromUrl } from './outlet.ts';

test('outletFromFurniture(line) reads the outlet from seed 000 appeals', () => {
  assert.equal(outletFromFurniture('Support The Moscow Times!'), 'The Moscow Times');
  assert.equal(outletFromFurniture('A Message from The Moscow Times:'), 'The Moscow Times');
  assert.equal(outletFromFurniture('© 2021 Example News. All rights reserved.'), 'Example News');
});

test('outletFromFurniture(line) reads the holder of a copyright line that runs on', () => {
  assert.equal(
    outletFromFurniture(
      '(c) 2025 The Northern Ledger. Printed and published by Ledger House, 14 Quay Street.',
    ),
    'The Northern Ledger',
  );
  assert.equal(
    outletFromFurniture('(c) Meridian Press Agency 2025. All rights reserved.'),
    'Meridian Press Agency',
  );
});

test('outletFromAuthorBio(line) reads the outlet the author works for, not their school', () => {
  assert.equal(
    outletFromAuthorBio(
      'Mara Lindqvist is a second-year journalism student at Kestrel Bay Polytechnic and news editor of the Tidewater Lantern.',
    ),
    'The Tidewater Lantern',
  );
  assert.equal(
    outletFromAuthorBio(
      'Jonah Pell covers ports and shipping for Freightline Weekly from Port Sollen.',
    ),
    'Freightline Weekly',
  );
  assert.equal(outletFromAuthorBio('Jane Doe is a reporter for the BBC.'), 'BBC');
  assert.equal(outletFromAuthorBio('Jane Doe studies at Kestrel Bay Polytechnic.'), null);
});

test('outletFromFurniture(line) ignores slogans and sentences', () => {
  assert.equal(outletFromFurniture('Support Independent Journalism!'), null);
  assert.equal(outletFromFurniture('Support us!'), null);
  assert.equal(outletFromFurniture('Russia said Thursday it has received new orders.'), null);
});

test('outletFromUrl(url) gives the host without www, or null', () => {
  assert.equal(outletFromUrl('https://www.themoscowtimes.com/2021/08/26/a'), 'themoscowtimes.com');
  assert.equal(outletFromUrl('https://m.example.co.uk/x'), 'example.co.uk');
  assert.equal(outletFromUrl('not a url'), null);
  assert.equal(outletFromUrl('http://127.0.0.1:8080/a'), null);
});
