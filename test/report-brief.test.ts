import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { StoryAnalysis } from '../src/model/index.ts';
import { exampleAnalysis, type FullAnalysis, repoRoot } from './report-example.case.ts';

// The brief of the bundled example against what a careful reader finds in
// it (examples/harbour-crane.expected.json): the whole chain from extract
// to brief, so a regression in any stage shows here.

interface Expected {
  articles: Record<string, { headline: string }>;
}

const expected = JSON.parse(
  readFileSync(join(repoRoot(), 'examples', 'harbour-crane.expected.json'), 'utf8'),
) as Expected;

async function story(): Promise<{
  analysis: FullAnalysis;
  s: StoryAnalysis;
  id: (file: string) => string;
}> {
  const analysis = await exampleAnalysis();
  const id = (file: string): string => {
    const a = analysis.articles.find((x) => x.source.endsWith(`/${file}`));
    assert.ok(a, `${file} was read`);
    return a.id;
  };
  const s = analysis.stories.find((x) => x.articleIds.includes(id('mpa-wire.txt')));
  assert.ok(s, 'the wire story is a story');
  return { analysis, s, id };
}

test('the brief of the bundled example is extractive and cites only the story’s articles', async () => {
  const { analysis, s } = await story();
  const text = new Map(analysis.articles.map((a) => [a.id, a.text]));
  const members = new Set(s.articleIds);
  const sentences = [...s.brief.sentences, ...s.brief.onlySome.flatMap((g) => g.sentences)];
  assert.ok(s.brief.sentences.length >= 10, 'the wire story’s facts make a core account');
  for (const b of sentences) {
    assert.equal(text.get(b.from.article)?.slice(b.from.start, b.from.end), b.text);
    assert.ok(b.cites.every((c) => members.has(c)));
    assert.ok(s.facts.some((f) => f.id === b.fact));
  }
});

test('the brief of the bundled example takes the wire’s headline and keeps loaded terms out of its account', async () => {
  const { s } = await story();
  assert.equal(s.brief.headline, expected.articles['mpa-wire.txt']?.headline);
  const account = s.brief.sentences.map((b) => b.text).join(' ');
  assert.match(account, /About 200 protesters gathered/);
  assert.doesNotMatch(account, /rioters|union bosses/);
});

test('the brief of the bundled example lists both loaded-term swaps with the outlets on each side', async () => {
  const { s, id } = await story();
  const loaded = s.brief.wording.filter((w) => w.kind === 'loaded-term');
  const find = (word: string) => loaded.find((w) => w.variants.some((v) => v.text === word));
  const rioters = find('rioters');
  assert.deepEqual(rioters?.variants.find((v) => v.text === 'rioters')?.articles, [
    id('coastline-courier.html'),
  ]);
  assert.ok(
    rioters?.variants.some(
      (v) => v.text === 'protesters' && v.articles.includes(id('mpa-wire.txt')),
    ),
  );
  const bosses = find('bosses');
  assert.deepEqual(bosses?.variants.find((v) => v.text === 'bosses')?.articles, [
    id('northern-ledger.txt'),
  ]);
});

test('the brief of the bundled example finds the quote the student paper altered', async () => {
  const { s, id } = await story();
  const quote = s.brief.quotes.find((q) => q.text.startsWith('We found a number of cracked welds'));
  assert.ok(quote, 'the harbour master’s quote is in the brief');
  assert.equal(quote.speaker, 'Ilse Varga');
  assert.ok(quote.kept.includes(id('mpa-wire.txt')));
  const changed = quote.changed.find((c) => c.article === id('tidewater-lantern.md'));
  assert.equal(changed?.kind, 'altered');
  assert.match(changed?.text ?? '', /several cracked welds/);
});

test('the brief of the bundled example reports the dropped sentence, the added paragraph and the other angle', async () => {
  const { s, id } = await story();
  const police = s.brief.onlySome.find((g) =>
    g.sentences.some((b) => b.text === 'Police said there were no arrests.'),
  );
  assert.ok(police, 'the sentence the Ledger dropped is reported by only some');
  assert.ok(!police.articles.includes(id('northern-ledger.txt')));
  const courier = s.brief.onlySome.find(
    (g) => g.articles.length === 1 && g.articles[0] === id('coastline-courier.html'),
  );
  assert.ok(courier?.sentences.some((b) => b.text.startsWith('In Wrenford')));
  assert.deepEqual(s.brief.provenance.independent, [id('freightline-weekly.html')]);
  assert.ok(
    s.brief.provenance.rewrites.some(
      (r) => r.article === id('tidewater-lantern.md') && r.alteredQuotes >= 1,
    ),
  );
  assert.match(s.brief.provenance.text, /from another angle/);
});
