import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Entity } from '../model/annotation.ts';
import { testArticle } from '../model/article.case.ts';
import { segment } from '../text/sentences.ts';
import { ruleBasedRecognizer } from './entities.ts';
import { type LabelledSentence, scoreEntities } from './entity-score.ts';
import { annotate } from './index.ts';

function recognize(text: string): Array<Pick<Entity, 'text' | 'kind' | 'name'>> {
  const { sentences, tokens } = segment(text);
  return ruleBasedRecognizer
    .recognize(text, sentences, tokens)
    .map((e) => ({ text: e.text, kind: e.kind, name: e.name }));
}

function sample(name: string): LabelledSentence[] {
  const url = new URL(`../../test/fixtures/ner-sample/${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { sentences: LabelledSentence[] }).sentences;
}

function annotateText(text: string): Entity[] {
  return annotate(testArticle('t', [text]), { tokens: false }).entities;
}

test('ruleBasedRecognizer finds places, organisations and news agencies from the gazetteers with canonical names', () => {
  assert.deepEqual(recognize('The U.S. and NATO met in Kabul, the Interfax news agency said.'), [
    { text: 'U.S.', kind: 'place', name: 'United States' },
    { text: 'NATO', kind: 'organization', name: 'North Atlantic Treaty Organization' },
    { text: 'Kabul', kind: 'place', name: 'Kabul' },
    { text: 'Interfax', kind: 'organization', name: 'Interfax' },
  ]);
});

test('ruleBasedRecognizer leaves titles and nationality words out of a person name', () => {
  assert.deepEqual(
    recognize('Russian President Vladimir Putin met Israeli Prime Minister Naftali Bennett.'),
    [
      { text: 'Vladimir Putin', kind: 'person', name: 'Vladimir Putin' },
      { text: 'Naftali Bennett', kind: 'person', name: 'Naftali Bennett' },
    ],
  );
});

test('ruleBasedRecognizer recognises unknown people from given names, roles and appositions', () => {
  const found = recognize(
    'Alexander Mikheev, the head of the exporter, met Tony DiLeo, 45, and actor Zorblax Quint on Friday.',
  );
  assert.deepEqual(
    found.map((e) => [e.text, e.kind]),
    [
      ['Alexander Mikheev', 'person'],
      ['Tony DiLeo', 'person'],
      ['Zorblax Quint', 'person'],
    ],
  );
});

test('ruleBasedRecognizer types unknown organisations by suffix, by the noun after them and by the noun before them', () => {
  const found = recognize(
    'The Russian Defense Ministry, the Vostok Grain Corporation and the Zarnitsa news agency spoke to arms exporter Kalmyrex.',
  );
  assert.deepEqual(
    found.map((e) => [e.text, e.kind]),
    [
      ['Russian Defense Ministry', 'organization'],
      ['Vostok Grain Corporation', 'organization'],
      ['Zarnitsa', 'organization'],
      ['Kalmyrex', 'organization'],
    ],
  );
});

test('ruleBasedRecognizer does not take nationality adjectives, weekdays or sentence openers for names', () => {
  assert.deepEqual(
    recognize(
      'Drills involving Central Asian republics began on Thursday. While Afghan Islamists watched, nothing happened.',
    ),
    [],
  );
});

test('ruleBasedRecognizer keeps only well-evidenced names in a title-case headline', () => {
  assert.deepEqual(
    recognize('Russia Ready To Deliver Weapons To Allies Near Afghanistan At Low Prices').map(
      (e) => e.text,
    ),
    ['Russia', 'Afghanistan'],
  );
});

test('ruleBasedRecognizer splits lists joined by "and" but keeps "Fish and Wildlife Service" whole', () => {
  assert.deepEqual(
    recognize('Uzbekistan and Tajikistan asked the Fish and Wildlife Service.').map((e) => [
      e.text,
      e.kind,
    ]),
    [
      ['Uzbekistan', 'place'],
      ['Tajikistan', 'place'],
      ['Fish and Wildlife Service', 'organization'],
    ],
  );
});

test('ruleBasedRecognizer gives offsets that slice each entity out of the text', () => {
  const text = 'Alexander Mikheev told the RIA Novosti news agency in Moscow.';
  const { sentences, tokens } = segment(text);
  for (const e of ruleBasedRecognizer.recognize(text, sentences, tokens)) {
    assert.equal(text.slice(e.start, e.end), e.text);
  }
});

// Floors below the figures bench/bench-annotate.ts prints (see
// test/fixtures/ner-sample/README.md); a drop under them is a regression.
test('annotate(article) keeps entity precision >= 0.90 and recall >= 0.88 on the development sample', () => {
  const score = scoreEntities(sample('sample'), annotateText);
  assert.ok(score.precision >= 0.9, `precision ${score.precision.toFixed(3)}`);
  assert.ok(score.recall >= 0.88, `recall ${score.recall.toFixed(3)}`);
});

test('annotate(article) keeps entity precision >= 0.83 and recall >= 0.85 on the held-out sample', () => {
  const score = scoreEntities(sample('heldout'), annotateText);
  assert.ok(score.precision >= 0.83, `precision ${score.precision.toFixed(3)}`);
  assert.ok(score.recall >= 0.85, `recall ${score.recall.toFixed(3)}`);
});

test('ruleBasedRecognizer takes a name before "\'s port", a "<Name> Terminal" and a name set off as "the harbour town" for places', () => {
  const found = recognize(
    "Ships were diverted from Velmora's main port to the Dunmere Terminal. In Ostrand, the harbour town where the crews live, shops closed.",
  );
  assert.deepEqual(
    found.map((e) => [e.text, e.kind]),
    [
      ['Velmora', 'place'],
      ['Dunmere Terminal', 'place'],
      ['Ostrand', 'place'],
    ],
  );
});

test('ruleBasedRecognizer finds places by a compass point, an age before "of" and a country in brackets', () => {
  const found = recognize(
    'The quake struck 14 miles north-northeast of Corvallen. Jon Tarrow, 63, of Pellbrook was hurt. The cable runs from Ras Umbar (Egypt) to Marseille.',
  );
  const kinds = new Map(found.map((e) => [e.text, e.kind]));
  assert.equal(kinds.get('Corvallen'), 'place');
  assert.equal(kinds.get('Pellbrook'), 'place');
  assert.equal(kinds.get('Ras Umbar'), 'place');
});

test('ruleBasedRecognizer does not make people of a lone capital, "Wi-Fi", an ampersand firm or a lone "Federation"', () => {
  const found = recognize(
    'Panels cost $0.23/W and ship with Wi-Fi. Analysts at Brackley & Vont said the Federation said nothing.',
  );
  assert.deepEqual(
    found.map((e) => [e.text, e.kind]),
    [['Brackley & Vont', 'organization']],
  );
});

test('ruleBasedRecognizer reads middle initials and "<Name> <Name> of the <Institution>" as people', () => {
  const found = recognize(
    'The report is by Torvald KJ Amsel and Ferris Quillon of the Dunmere Royal Infirmary.',
  );
  assert.deepEqual(
    found.map((e) => [e.text, e.kind]),
    [
      ['Torvald KJ Amsel', 'person'],
      ['Ferris Quillon', 'person'],
      ['Dunmere Royal Infirmary', 'organization'],
    ],
  );
});

test('annotate(article) gives every mention of a name the kind its best evidence has in the article', () => {
  const found = annotateText(
    'Cargo was sent to the Brenlow Terminal. "Brenlow can take the feeders," an agent said. Life on Quessa is possible. The ocean under Quessa\'s icy crust is deep.',
  );
  const kinds = found.map((e) => [e.text, e.kind, e.name]);
  assert.deepEqual(kinds, [
    ['Brenlow Terminal', 'place', 'Brenlow Terminal'],
    ['Brenlow', 'place', 'Brenlow Terminal'],
    ['Quessa', 'place', 'Quessa'],
    ['Quessa', 'place', 'Quessa'],
  ]);
});

test('annotate(article) keeps person precision >= 0.85 on the held-out sample', () => {
  const score = scoreEntities(sample('heldout'), annotateText);
  const person = score.byKind.person;
  assert.ok(person.precision >= 0.85, `person precision ${person.precision.toFixed(3)}`);
});
