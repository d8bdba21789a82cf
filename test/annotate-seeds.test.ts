import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { annotate } from '../src/annotate/index.ts';
import type { Annotation } from '../src/model/annotation.ts';
import { testArticle } from '../src/model/article.case.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seedsDir = resolve(root, '..', 'shared', 'seeds');
const missing = !existsSync(seedsDir);

// Publication days as the outlets give them (the seeds are plain text).
const PUBLISHED: Record<string, string> = {
  '000': '2021-08-26',
  '001': '2021-08-26',
  '002': '2021-08-26',
  '003': '2021-08-23',
  '004': '2021-08-23',
};

function seed(n: string): { text: string; a: Annotation } {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(`${n}_`));
  if (file === undefined) throw new Error(`Expected seed ${n} in ${seedsDir}`);
  const paragraphs = readFileSync(join(seedsDir, file), 'utf8')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const article = testArticle(n, paragraphs, { source: file, publishedAt: PUBLISHED[n] ?? null });
  return { text: article.text, a: annotate(article) };
}

const skip = missing ? `../shared/seeds missing: ${seedsDir}` : false;

test('annotate(seed) finds the Mikheev quote with speaker "Alexander Mikheev" in seeds 000-003', {
  skip,
}, () => {
  for (const n of ['000', '001', '002', '003']) {
    const { a } = seed(n);
    const q = a.quotes.find((x) => x.text.startsWith('We are already working on'));
    assert.ok(q, `seed ${n}: no Mikheev quote`);
    assert.equal(q.speaker, 'Alexander Mikheev', `seed ${n}`);
    assert.equal(q.partial, false, `seed ${n}`);
  }
});

test('annotate(seed 004) attributes Putin’s quotes, including "Putin posed", "he said" and "he explained", to Vladimir Putin', {
  skip,
}, () => {
  const { a } = seed('004');
  const speakerOf = (start: string) => a.quotes.find((q) => q.text.startsWith(start))?.speaker;
  assert.equal(speakerOf('Who are these refugees?'), 'Vladimir Putin');
  assert.equal(speakerOf('Our Western partners are persistently'), 'Vladimir Putin');
  assert.equal(speakerOf('we are not accepting refugees'), 'Vladimir Putin');
  assert.equal(speakerOf('The border is a thousand kilometers'), 'Vladimir Putin');
  assert.equal(speakerOf('disguised as refugees'), 'Vladimir Putin');
  const putin = a.quotes.filter((q) => q.speaker === 'Vladimir Putin');
  assert.ok(putin.length >= 8, `only ${putin.length} quotes attributed to Putin`);
});

test('annotate(seed) resolves the drill dates to 2021-09-07/2021-09-09', { skip }, () => {
  for (const [n, phrase] of [
    ['000', 'between Sept. 7 and 9'],
    ['001', 'between September 7 and 9'],
    ['002', 'between September 7 and 9'],
  ] as const) {
    const { a } = seed(n);
    const d = a.dates.find((x) => x.text === phrase);
    assert.equal(d?.value, '2021-09-07/2021-09-09', `seed ${n}`);
  }
});

test('annotate(seed 000) resolves "Thursday" to 2021-08-26, the publication day', { skip }, () => {
  const { a } = seed('000');
  assert.equal(a.dates.find((d) => d.text === 'Thursday')?.value, '2021-08-26');
  assert.equal(
    a.dates.find((d) => d.text === 'earlier this month')?.value,
    '2021-08-01/2021-08-31',
  );
});

test('annotate(seed) finds the people, organisations and places of the wire story', {
  skip,
}, () => {
  const expected: Array<[string, string]> = [
    ['Alexander Mikheev', 'person'],
    ['Collective Security Treaty Organization', 'organization'],
    ['Interfax', 'organization'],
    ['RIA Novosti', 'organization'],
    ['Kabul', 'place'],
    ['Uzbekistan', 'place'],
    ['Tajikistan', 'place'],
    ['Kyrgyzstan', 'place'],
    ['Afghanistan', 'place'],
  ];
  for (const n of ['000', '001', '002', '003']) {
    const { a } = seed(n);
    const names = new Set(a.entities.map((e) => `${e.name}|${e.kind}`));
    for (const [name, kind] of expected)
      assert.ok(names.has(`${name}|${kind}`), `seed ${n}: ${name} (${kind})`);
    if (n !== '001')
      assert.ok(names.has('Rosoboronexport|organization'), `seed ${n}: Rosoboronexport`);
    const csto = a.entities.filter((e) => e.text === 'CSTO');
    assert.ok(
      csto.length > 0 && csto.every((e) => e.name === 'Collective Security Treaty Organization'),
      `seed ${n}: CSTO`,
    );
  }
});

test('annotate(seed) makes "the alliance" refer to the CSTO', { skip }, () => {
  for (const n of ['000', '001', '002']) {
    const { a, text } = seed(n);
    const alliance = a.entities.find((e) => e.text === 'the alliance');
    assert.ok(alliance, `seed ${n}: "the alliance" not linked`);
    assert.equal(alliance.name, 'Collective Security Treaty Organization');
    assert.equal(text.slice(alliance.start, alliance.end), 'the alliance');
  }
});

test('annotate(seed 004) knows Vladimir Putin and resolves the bare "Putin" to him', {
  skip,
}, () => {
  const { a } = seed('004');
  const putin = a.entities.filter((e) => e.text === 'Putin');
  assert.ok(putin.length >= 4);
  assert.ok(putin.every((e) => e.kind === 'person' && e.name === 'Vladimir Putin'));
});
