import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinWrappedLines, splitPlainText } from './split-plain-text.ts';

test('splitPlainText(text) makes one unit per line of a scraped page, blank lines or not', () => {
  const units = splitPlainText(
    'Friday, 27 August, 2021, 10:35 AM\nRussia to supply weapons to Afghan neighbours\n\nMoscow to recognise Taliban\r\n',
  );
  assert.deepEqual(
    units.map((u) => u.text),
    [
      'Friday, 27 August, 2021, 10:35 AM',
      'Russia to supply weapons to Afghan neighbours',
      'Moscow to recognise Taliban',
    ],
  );
  assert.ok(units.every((u) => u.kind === 'text'));
});

test('splitPlainText(text) joins a hard-wrapped paragraph and collapses white space', () => {
  const text = [
    'Russia said Thursday it has received new orders for arms and',
    'helicopters from Central Asian republics bordering Afghanistan',
    'following the Taliban takeover.',
    '',
    'Second   paragraph.',
  ].join('\n');
  assert.deepEqual(
    splitPlainText(text).map((u) => u.text),
    [
      'Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics bordering Afghanistan following the Taliban takeover.',
      'Second paragraph.',
    ],
  );
});

test('joinWrappedLines(lines) keeps short stacked header lines apart', () => {
  const lines = ["Tyler Durden's Photo", 'by Tyler Durden', 'Monday, Aug 23, 2021 - 02:03 PM'];
  assert.deepEqual(joinWrappedLines(lines), lines);
});

test('splitPlainText(text) returns nothing for white space only', () => {
  assert.deepEqual(splitPlainText(' \n\n\t\n'), []);
});

test('splitPlainText(text) splits one block of 200,000 lines without overflowing the stack', () => {
  // Math.max(...lines) once threw a RangeError here: the spread passes each line as an argument.
  const units = splitPlainText('a line of text\n'.repeat(200_000));
  assert.equal(units.length, 200_000);
});
