import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitMarkdown } from './split-markdown.ts';

test('splitMarkdown(markdown) strips emphasis, keeps link text and marks headings, images and breaks', () => {
  const units = splitMarkdown(
    [
      '# Russia to *Supply* Weapons',
      '',
      "![Russia is the world's second-largest arms exporter.](arms.jpg)",
      '',
      'Russia said **Thursday** it has received [new orders](https://example.test/a) for `arms`.',
      '',
      '## Military exercises',
      '',
      '- Uzbekistan held drills.',
      '> "We are ready," he said.',
      '',
      '***',
    ].join('\n'),
  );
  assert.deepEqual(units, [
    { text: 'Russia to Supply Weapons', kind: 'heading' },
    { text: "Russia is the world's second-largest arms exporter.", kind: 'image' },
    { text: 'Russia said Thursday it has received new orders for arms.', kind: 'text' },
    { text: 'Military exercises', kind: 'heading' },
    { text: 'Uzbekistan held drills.', kind: 'text' },
    { text: '"We are ready," he said.', kind: 'text' },
    { text: '* * *', kind: 'separator' },
  ]);
});

test('splitMarkdown(markdown) joins hard-wrapped lines but keeps stacked labels apart', () => {
  const units = splitMarkdown(
    [
      "Tyler Durden's Photo",
      'by Tyler Durden',
      '',
      'Russia said Thursday it has received new orders for arms and',
      'helicopters from Central Asian republics bordering Afghanistan.',
    ].join('\n'),
  );
  assert.deepEqual(
    units.map((u) => u.text),
    [
      "Tyler Durden's Photo",
      'by Tyler Durden',
      'Russia said Thursday it has received new orders for arms and helicopters from Central Asian republics bordering Afghanistan.',
    ],
  );
});
