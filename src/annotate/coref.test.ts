import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity } from '../model/annotation.ts';
import { segment } from '../text/sentences.ts';
import { resolveCoreference } from './coref.ts';
import { ruleBasedRecognizer } from './entities.ts';

function resolve(text: string): Array<[string, string, string]> {
  const { sentences, tokens } = segment(text);
  const found = ruleBasedRecognizer.recognize(text, sentences, tokens);
  return resolveCoreference(text, found, tokens).map((e) => [e.text, e.kind, e.name]);
}

test('resolveCoreference(text, entities) links a surname to the full name given earlier', () => {
  const out = resolve(
    'Alexander Mikheev runs the exporter. Mikheev told reporters the orders were firm.',
  );
  assert.deepEqual(out, [
    ['Alexander Mikheev', 'person', 'Alexander Mikheev'],
    ['Mikheev', 'person', 'Alexander Mikheev'],
  ]);
});

test('resolveCoreference(text, entities) links a surname that comes before the full name', () => {
  const out = resolve(
    'Over the weekend Putin announced it. Russian President Vladimir Putin spoke on Sunday.',
  );
  assert.deepEqual(out[0], ['Putin', 'person', 'Vladimir Putin']);
});

test('resolveCoreference(text, entities) picks the nearest earlier full name when two people share a surname', () => {
  const out = resolve('Scott Peterson met Laci Peterson. Later Peterson left.');
  assert.deepEqual(out[2], ['Peterson', 'person', 'Laci Peterson']);
});

test('resolveCoreference(text, entities) gives an acronym defined in parentheses its expansion', () => {
  const out = resolve(
    'The Eurasian Grain Producers Association (EGPA) met in Astana. EGPA said exports would grow.',
  );
  const egpa = out.filter(([text]) => text === 'EGPA');
  assert.equal(egpa.length, 2);
  for (const [, kind, name] of egpa) {
    assert.equal(kind, 'organization');
    assert.equal(name, 'Eurasian Grain Producers Association');
  }
});

test('resolveCoreference(text, entities) matches an undefined acronym to the initials of a name in the article', () => {
  const out = resolve('The Baltic Grain Union met on Monday. Later the BGU raised prices.');
  assert.deepEqual(out[1], ['BGU', 'organization', 'Baltic Grain Union']);
});

test('resolveCoreference(text, entities) makes "the alliance" refer to the alliance named before it', () => {
  const out = resolve(
    'Drills involving the Collective Security Treaty Organization (CSTO) are scheduled. The maneuvers were announced by the press service of the alliance.',
  );
  const alliance = out.find(([text]) => text === 'the alliance');
  assert.deepEqual(alliance, [
    'the alliance',
    'organization',
    'Collective Security Treaty Organization',
  ]);
});

test('resolveCoreference(text, entities) uses an apposition to learn what an unknown organisation is', () => {
  const out = resolve(
    'Members of the Steppe Defence League, a military alliance led by Moscow, met. The alliance said little.',
  );
  const alliance = out.find(([text]) => text === 'The alliance');
  assert.deepEqual(alliance, ['The alliance', 'organization', 'Steppe Defence League']);
});

test('resolveCoreference(text, entities) adds no mention for "the alliance" when no alliance was named', () => {
  const out = resolve('Officials met in Moscow. The alliance was not mentioned by Interfax.');
  assert.equal(
    out.some(([text]) => text.toLowerCase() === 'the alliance'),
    false,
  );
});

test('resolveCoreference(text, entities) finds later mentions of a name the recognizer missed', () => {
  const text = 'Jadenne Radoc Cabahug wrote this. Latest posts by Jadenne Radoc Cabahug';
  const { tokens } = segment(text);
  const first: Entity = {
    start: 0,
    end: 21,
    kind: 'person',
    text: 'Jadenne Radoc Cabahug',
    name: 'Jadenne Radoc Cabahug',
  };
  const out = resolveCoreference(text, [first], tokens);
  assert.equal(out.length, 2);
  assert.equal(text.slice(out[1]?.start, out[1]?.end), 'Jadenne Radoc Cabahug');
});

test('resolveCoreference(text, entities) does not change its input', () => {
  const text = 'Alexander Mikheev spoke. Mikheev left.';
  const { sentences, tokens } = segment(text);
  const found = ruleBasedRecognizer.recognize(text, sentences, tokens);
  const copy = structuredClone(found);
  resolveCoreference(text, found, tokens);
  assert.deepEqual(found, copy);
});

test('resolveCoreference(text, entities) keeps a place that its own words show ("Velda province") apart from a two-word name ending in it', () => {
  const out = resolve(
    'People ran outside in Sorang Velda as the quake hit. Houses in Velda province fell. Sorang Velda lost power.',
  );
  assert.deepEqual(out, [
    ['Sorang Velda', 'place', 'Sorang Velda'],
    ['Velda', 'place', 'Velda'],
    ['Sorang Velda', 'place', 'Sorang Velda'],
  ]);
});

test('resolveCoreference(text, entities) reads a word first met in "<Word> Terminal" or "Port <Word>" as that place', () => {
  const out = resolve(
    'Ships went to the Dallock Terminal or to Port Lisken. Dallock said it was full. Lisken said nothing.',
  );
  assert.deepEqual(out, [
    ['Dallock Terminal', 'place', 'Dallock Terminal'],
    ['Port Lisken', 'place', 'Port Lisken'],
    ['Dallock', 'place', 'Dallock Terminal'],
    ['Lisken', 'place', 'Port Lisken'],
  ]);
});
